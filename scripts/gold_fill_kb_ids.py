"""Fill gold kb_id where the KB now knows the annotated name (a single unambiguous lookup hit).

The ids come from looking up the gold NAME in the knowledge base, never from predictions.

    python scripts/gold_fill_kb_ids.py gold/entities_dev.jsonl OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.knowledge import kb


def main(src: str, dst: str) -> None:
    filled = 0
    with open(src, encoding="utf-8") as fh, open(dst, "w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                out.write(line)
                continue
            gold = json.loads(line)
            for ent in gold["entities"]:
                if ent.get("kb_id"):
                    continue
                hits = {h.id for h in kb().lookup(ent["name"])}
                if len(hits) == 1:
                    ent["kb_id"] = hits.pop()
                    filled += 1
                    print(gold["id"], ent["name"], ent["kb_id"], ent.get("cameo"), file=sys.stderr)
            out.write(json.dumps(gold, ensure_ascii=False) + "\n")
    print(filled, "filled", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
