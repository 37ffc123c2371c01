"""Evaluate the event coder on gold sentences (``events_dev.jsonl`` line format).

    python scripts/eval_events.py ../shared/gold/events_dev.jsonl [gold/events_noevent_dev.jsonl]
        [--json] [--errors N] [--limit N]

Prints precision/recall/F1 for event detection, root code, full code, source and target
codes, accuracies on correctly detected events, the false-event rate on no-event lines and
a confusion table by root (see ``warta.evaluation.events``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.evaluation.events import evaluate_events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score warta's event coder on gold sentences.")
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--errors", type=int, default=0, help="also print N wrong texts")
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    args = ap.parse_args(argv)
    report = evaluate_events(args.files, limit=args.limit)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.format())
    for err in report.errors[: args.errors]:
        print(json.dumps(err, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
