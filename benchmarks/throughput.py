"""Throughput per stage, whole-pipeline speed, and batch scaling (1 vs 2 workers, local and Ray).

    python benchmarks/throughput.py [--limit 700] [--repeat 1] [--engines local,ray] [--json out.json]

Prints tables and writes JSON. Input: ../shared/data/news/detik.jsonl (optionally repeated
N times under new URLs, to show memory stays flat as the input grows).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "news" / "detik.jsonl"


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def make_input(tmp: Path, limit: int, repeat: int) -> Path:
    with DETIK.open(encoding="utf-8") as fh:  # by newline only: texts hold U+2028
        rows = [json.loads(x) for _, x in zip(range(limit), fh)]
    path = tmp / f"input-{limit}x{repeat}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in range(repeat):
            for row in rows:
                fh.write(
                    json.dumps({**row, "url": f"{row['url']}?r={r}"}, ensure_ascii=False) + "\n"
                )
    return path


def stages(path: Path, db: Path) -> dict:
    from warta.article import parse_article
    from warta.language import load_pipeline
    from warta.pipeline import analyze_parsed
    from warta.sources import iter_documents
    from warta.store import open_store

    t = {}
    nlp = load_pipeline()
    t0 = time.perf_counter()
    raws = [d for d in iter_documents([str(path)]) if not isinstance(d, Exception)]
    t["read"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    arts = [parse_article(r) for r in raws]
    t["clean"] = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in arts)
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in arts), batch_size=16))
    t["language"] = time.perf_counter() - t0
    timings: dict[str, float] = {}
    analyses = [analyze_parsed(a, d, timings) for a, d in zip(arts, docs)]
    t.update(timings)
    t0 = time.perf_counter()
    with open_store(db) as store:
        for a in analyses:
            store.put(a)
    t["store"] = time.perf_counter() - t0
    n = len(arts)
    total = sum(t.values())
    # The "whole analysis": everything warta.analyze does (reading, cleaning,
    # spaCy and every analysis stage), without writing to the store.
    analysis = total - t["store"]
    return {
        "articles": n,
        "words": words,
        "stages": {
            k: {
                "seconds": v,
                "articles_per_s": n / v if v else None,
                "words_per_s": words / v if v else None,
            }
            for k, v in t.items()
        },
        "total_seconds": total,
        "articles_per_s": n / total,
        "words_per_s": words / total,
        "analysis_seconds": analysis,
        "analysis_articles_per_s": n / analysis,
        "whole_over_language": (total - t["read"] - t["store"]) / t["language"],
        "peak_rss_mb": _rss_mb(),
    }


def batch(path: Path, engine: str, workers: int) -> dict:
    from warta.batch import run_batch

    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        report = run_batch([str(path)], out, engine=engine, workers=workers, shard_size=32)
        wall = time.perf_counter() - t0
    return {
        "engine": engine,
        "workers": workers,
        "articles": report.articles,
        "seconds": wall,
        "articles_per_s": report.articles / wall,
        "peak_worker_rss_mb": report.peak_worker_rss_mb,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=700)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--engines", default="local")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--skip-stages", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    result = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": len(__import__("os").sched_getaffinity(0)),
        }
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = make_input(Path(tmp), args.limit, args.repeat)
        if not args.skip_stages:
            s = stages(path, Path(tmp) / "bench.db")
            result["stages"] = s
            print(f"\nPer stage, one process, {s['articles']} articles, {s['words']} words")
            print(f"{'stage':<14}{'seconds':>10}{'articles/s':>12}{'words/s':>12}")
            for k, v in s["stages"].items():
                print(
                    f"{k:<14}{v['seconds']:>10.2f}{v['articles_per_s'] or 0:>12.1f}{v['words_per_s'] or 0:>12.0f}"
                )
            print(
                f"{'total':<14}{s['total_seconds']:>10.2f}{s['articles_per_s']:>12.1f}{s['words_per_s']:>12.0f}"
            )
            print(
                f"{'analysis':<14}{s['analysis_seconds']:>10.2f}{s['analysis_articles_per_s']:>12.1f}"
                f"{s['words'] / s['analysis_seconds']:>12.0f}   (total without the store)"
            )
            print(
                f"whole pipeline / language pipeline alone: {s['whole_over_language']:.2f}x; peak RSS {s['peak_rss_mb']:.0f} MB"
            )
        runs = []
        for engine in filter(None, args.engines.split(",")):
            for workers in map(int, args.workers.split(",")):
                runs.append(batch(path, engine, workers))
        result["batch"] = runs
        if runs:
            print(
                f"\n{'engine':<8}{'workers':>8}{'articles':>10}{'seconds':>10}{'art/s':>8}{'efficiency':>12}{'worker RSS MB':>15}"
            )
            for r in runs:
                one = next(
                    (x for x in runs if x["engine"] == r["engine"] and x["workers"] == 1), None
                )
                eff = one["seconds"] / (r["seconds"] * r["workers"]) if one else float("nan")
                r["efficiency"] = eff
                print(
                    f"{r['engine']:<8}{r['workers']:>8}{r['articles']:>10}{r['seconds']:>10.1f}{r['articles_per_s']:>8.1f}{eff:>12.2f}{r['peak_worker_rss_mb']:>15.0f}"
                )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
