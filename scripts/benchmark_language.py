"""Words per second of the whole language pipeline on one core, and peak memory.

    python scripts/benchmark_language.py [--data ../shared/data] [--model DIR] [--limit N] [--batch 32]

Runs ``nlp.pipe`` over the ``text`` of ../shared/data/news/detik.jsonl (all 700 rows by
default) with one thread (OMP/BLAS threads are pinned to 1 before numpy loads).
Words are non-space tokens. ``words_per_cpu_second`` divides by the process's CPU time,
which stays meaningful when other jobs share the machine (wall-clock rate then drops). Peak memory is the process's max RSS
(``resource.getrusage``), model included.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (0: all)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--disable", default="", help="comma-separated components to skip")
    args = ap.parse_args(argv)

    from warta.language import load_pipeline

    texts = []
    with open(args.data / "news" / "detik.jsonl", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
    if args.limit:
        texts = texts[: args.limit]
    t0 = time.perf_counter()
    disable = tuple(x for x in args.disable.split(",") if x)
    nlp = (
        load_pipeline(disable=disable, path=args.model)
        if args.model
        else load_pipeline(disable=disable)
    )
    load_s = time.perf_counter() - t0
    nlp("Pemanasan.")  # first call allocates
    words = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, batch_size=args.batch):
        words += sum(1 for t in doc if not t.is_space)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": len(texts),
        "words": words,
        "seconds": round(secs, 2),
        "words_per_second": round(words / secs),
        "cpu_seconds": round(cpu, 2),
        "words_per_cpu_second": round(words / cpu),
        "peak_rss_mb": round(peak_mb),
        "load_seconds": round(load_s, 2),
        "pipeline": [n for n in nlp.pipe_names if n not in disable],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
