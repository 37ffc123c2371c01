"""p50/p95 latency of the HTTP API's list endpoints on a store of N articles.

The store is filled with real analyses of ../shared/data/news/detik.jsonl, replicated
under new ids, URLs and dates until it holds N articles (default 10,000), so sizes and
distributions are those of real records. The server is `warta serve` in a subprocess on
loopback; requests come from this process, one at a time.

    python benchmarks/api_latency.py [--articles 10000] [--requests 100] [--json out.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "news" / "detik.jsonl"

ENDPOINTS = [
    "/api/articles?limit=20",
    "/api/articles?q=presiden&limit=20",
    "/api/articles?q=presiden&facets=true&limit=20",
    "/api/articles?since=2025-10-01&until=2025-11-01&limit=20",
    "/api/entities?type=PER&limit=50",
    "/api/entities?prefix=Pra&limit=50",
    "/api/quotes?speaker=Prabowo&limit=50",
    "/api/events?limit=50",
    "/api/events?source=IDN&root=04&limit=50",
    "/api/events/timeline?source=IDN",
    "/api/network?limit=200",
    "/api/map",
]


def build_store(db: Path, n: int, limit_source: int) -> None:
    import warta
    from warta.store import open_store

    base = warta.load(str(DETIK), errors="skip")[:limit_source]
    print(f"{len(base)} analysed Detik articles, replicating to {n}", file=sys.stderr)
    with open_store(db) as store:
        for i in range(n):
            a = copy.deepcopy(base[i % len(base)])
            rep = i // len(base)
            a.article.id = f"{a.article.id[:10]}{i:06d}"
            a.article.url = f"{a.article.url or 'https://bench.local/a'}?rep={rep}"
            a.article.text += f"\n\n(salinan {i})"  # distinct text: not a re-ingest
            if a.article.published:
                day = 1 + (i % 28)
                a.article.published.value = f"2025-{1 + rep % 12:02d}-{day:02d}T10:00:00"
            for ev in a.events:
                ev.id = f"{a.article.id}-{ev.id.rsplit('-', 1)[-1]}"
                ev.date = a.article.published.value[:10] if a.article.published else ev.date
            store.put(a)


def measure(base_url: str, requests: int) -> dict[str, dict[str, float]]:
    results = {}
    for ep in ENDPOINTS:
        times = []
        for _ in range(requests):
            t0 = time.perf_counter()
            with urllib.request.urlopen(base_url + ep) as resp:
                resp.read()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        results[ep] = {
            "p50_ms": statistics.median(times),
            "p95_ms": times[int(0.95 * (len(times) - 1))],
        }
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=100)
    ap.add_argument("--source-articles", type=int, default=700)
    ap.add_argument("--db", type=Path, help="reuse (or create) this store")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    if not db.exists():
        build_store(db, args.articles, args.source_articles)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "warta.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        results = measure(f"http://127.0.0.1:{port}", args.requests)
    finally:
        server.terminate()
    worst = max(r["p95_ms"] for r in results.values())
    print(f"{'endpoint':<52} {'p50 ms':>8} {'p95 ms':>8}")
    for ep, r in results.items():
        print(f"{ep:<52} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f}")
    print(f"worst p95: {worst:.1f} ms over {args.requests} requests per endpoint (store: {db})")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"articles": args.articles, "results": results, "worst_p95_ms": worst}, indent=2
            )
        )


if __name__ == "__main__":
    main()
