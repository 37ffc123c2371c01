"""Cost of the event coder: loading its tables (the dictionary and the grammar files are
parsed at load) and coding.

    python benchmarks/events_coder.py [--corpus clickid_kompas.jsonl] [--limit 150] [--repeat 3]

Each run is a fresh process: it loads the language model, runs every stage before events
on a slice of a news corpus, then times ``extract_events`` in CPU time (the machine may be
shared): the first call, which reads the dictionary and the grammar files, and the best of
three passes over the slice per article. Prints the median of the runs. Input:
../shared/data/news/.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
NEWS = REPO.parent / "shared" / "data" / "news"
_BEFORE_EVENTS = ("dates", "resolution", "quotes", "category")


def one_run(corpus: Path, limit: int) -> dict[str, float]:
    from warta.analysis.events import extract_events
    from warta.article import parse_article
    from warta.language import load_pipeline
    from warta.pipeline import _stages
    from warta.record import Analysis, Span
    from warta.sources import iter_documents

    t0 = time.perf_counter()
    nlp = load_pipeline()
    model_s = time.perf_counter() - t0
    raws = [d for _, d in zip(range(limit), iter_documents([str(corpus)]), strict=False)]
    articles = [parse_article(r) for r in raws if not isinstance(r, Exception)]
    stages = dict(_stages())
    prepared = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        analysis = Analysis(article=article)
        analysis.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
        for name in _BEFORE_EVENTS:
            stages[name](analysis, doc)
        prepared.append((analysis, doc))
    t0 = time.process_time()
    extract_events(*prepared[0])
    first = time.process_time() - t0
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        events = sum(len(extract_events(a, d)) for a, d in prepared)
        best = min(best, time.process_time() - t0)
    return {
        "model_load_s (wall)": model_s,
        "first_call_ms (cpu, tables cold)": 1000 * first,
        "ms_per_article (cpu)": 1000 * best / len(prepared),
        "events": events,
        "articles": len(prepared),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="clickid_kompas.jsonl")
    ap.add_argument("--limit", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(NEWS / args.corpus, args.limit)))
        return 0
    runs = []
    for _ in range(args.repeat):
        cmd = [sys.executable, __file__, "--one", "--corpus", args.corpus]
        out = subprocess.run([*cmd, "--limit", str(args.limit)], capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(out.stderr)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = runs[0]
    print(
        f"{args.corpus}: {first['articles']} articles, {first['events']} events, "
        f"{len(runs)} fresh processes (median, then each run)"
    )
    for key in first:
        if key not in ("articles", "events"):
            vals = [r[key] for r in runs]
            each = ", ".join(f"{v:.2f}" for v in vals)
            print(f"  {key:34} {statistics.median(vals):8.2f}  ({each})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
