#!/usr/bin/env python
"""Score the quotation finder on the dev gold: span P/R/F1 by kind and speaker accuracy.

    python scripts/eval_quotes.py                      # gold/quotes_dev.jsonl on ../shared Detik
    python scripts/eval_quotes.py --mode raw --entities none --errors

The logic lives in ``warta.evaluation.quotes``; this script only parses options and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warta.evaluation.quotes import evaluate_quotes, format_scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(REPO / "gold" / "quotes_dev.jsonl"))
    ap.add_argument(
        "--corpus", default=str(REPO.parent / "shared" / "data" / "news" / "detik.jsonl")
    )
    ap.add_argument(
        "--mode",
        choices=["auto", "article", "raw"],
        default="auto",
        help="text alone: parse_article (auto/article) or the raw record text (raw)",
    )
    ap.add_argument(
        "--entities",
        choices=["auto", "none", "require"],
        default="auto",
        help="score the real pipeline, with entities (auto: when the model is built); "
        "none: the text alone (see --mode)",
    )
    ap.add_argument(
        "--subset",
        choices=["all", "blind", "reviewed"],
        default="all",
        help="blind: articles annotated without a system draft; reviewed: drafts corrected by hand",
    )
    ap.add_argument(
        "--errors", action="store_true", help="list misses, spurious quotes, wrong speakers"
    )
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    if not Path(args.corpus).is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    scores = evaluate_quotes(
        args.gold, args.corpus, mode=args.mode, entities=args.entities, subset=args.subset
    )
    print(json.dumps(scores.to_dict(), indent=2) if args.json else format_scores(scores))
    if args.errors:
        for aid, what, detail in scores.errors:
            print(f"{aid}\t{what}\t{detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
