"""Fill gold kb_id where the KB now knows the annotated name (a single unambiguous lookup hit).

The ids come from looking up the gold NAME in the knowledge base, never from predictions.
    python scripts/gold_fill_kb_ids.py gold/entities_dev.jsonl OUT.jsonl
"""
import json, sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "src"))
from warta.knowledge import kb
src, dst = sys.argv[1], sys.argv[2]
n = 0
with open(src) as fh, open(dst, "w") as out:
    for line in fh:
        if not line.strip(): out.write(line); continue
        g = json.loads(line)
        for e in g["entities"]:
            if not e.get("kb_id"):
                hits = {h.id for h in kb().lookup(e["name"])}
                if len(hits) == 1:
                    e["kb_id"] = hits.pop(); n += 1
                    print(g["id"], e["name"], e["kb_id"], e.get("cameo"), file=sys.stderr)
        out.write(json.dumps(g, ensure_ascii=False) + "\n")
print(n, "filled", file=sys.stderr)
