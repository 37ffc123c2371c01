"""Score entity linking, CAMEO codes and geocoding on the dev gold.

    python scripts/eval_entities.py                      # summary as JSON
    python scripts/eval_entities.py --errors             # and every miss, one per line
    python scripts/eval_entities.py --check-gold         # gold names the KB now knows

Runs the real pipeline (record -> parse_article -> language model -> resolve_entities ->
geocode) on the articles of ``gold/entities_dev.jsonl``, read from ``../shared/data/news``.
The logic lives in ``warta.evaluation.entities``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.evaluation.entities import evaluate, iter_errors, load_gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "gold" / "entities_dev.jsonl"))
    ap.add_argument("--news", default=str(ROOT.parent / "shared" / "data" / "news"))
    ap.add_argument("--errors", action="store_true", help="print every error too")
    ap.add_argument(
        "--no-model",
        action="store_true",
        help="tokenizer only, no named entities: measures the KB matcher alone",
    )
    ap.add_argument(
        "--check-gold",
        action="store_true",
        help="list gold entities without a KB id that the KB can now look up",
    )
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    if args.check_gold:
        from warta.knowledge import kb

        for g in gold:
            for e in g["entities"]:
                if not e.get("kb_id"):
                    hits = kb().lookup(e["name"])
                    if hits:
                        print(g["id"], e["name"], [h.id for h in hits])
        return 0
    if not Path(args.news).is_dir():
        print(f"news folder not found: {args.news}", file=sys.stderr)
        return 2
    nlp = None
    if args.no_model:
        import spacy

        nlp = spacy.blank("id")
    scores = evaluate(gold, args.news, nlp=nlp)
    if args.errors:
        for err in iter_errors(scores):
            print(json.dumps(err, ensure_ascii=False))
    print(json.dumps(scores.summary(), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
