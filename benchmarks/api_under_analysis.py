"""The API under hostile load (issue #16, items 6 and 7), against `warta serve` on loopback.

1. Reads while analyses are posted: one text of the largest size the API takes plus
   ``--small`` short texts are posted at once to ``POST /api/analyze`` while one client
   reads ``/api/articles`` in a loop; prints the read latencies and the answers the
   posts got (200, or 503 once the queue is full).
2. A chunked body of ``--stream-mb`` MB posted to ``POST /api/articles`` without the
   token: prints what the client managed to send before the server answered, the
   answer, and the server's peak memory before and after.

    python benchmarks/api_under_analysis.py [--articles 30] [--small 40] [--stream-mb 500]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "news" / "detik.jsonl"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _post(base: str, path: str, body: dict) -> int:
    req = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=600) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def reads_during_analyses(base: str, texts: list[str], small: int) -> None:
    big = ""
    while len(big) < 200_000:
        big += "\n\n".join(texts)
    big = big[:200_000]
    stop = threading.Event()
    latencies: list[float] = []

    def reader() -> None:
        while not stop.is_set():
            t0 = time.perf_counter()
            with urllib.request.urlopen(base + "/api/articles?limit=20", timeout=600) as resp:
                resp.read()
            latencies.append((time.perf_counter() - t0) * 1000)

    answers: Counter[int] = Counter()
    bodies = [{"text": big}] + [{"text": texts[i % len(texts)][:2000]} for i in range(small)]
    posters = [
        threading.Thread(target=lambda b=b: answers.update([_post(base, "/api/analyze", b)]))
        for b in bodies
    ]
    read_thread = threading.Thread(target=reader)
    t0 = time.perf_counter()
    read_thread.start()
    posters[0].start()  # the long text first, so that it is the one running
    time.sleep(1.0)
    for t in posters[1:]:
        t.start()
    for t in posters:
        t.join()
    stop.set()
    read_thread.join()
    took = time.perf_counter() - t0
    too_big = _post(base, "/api/analyze", {"text": "x" * 1_000_000})
    print(
        f"1 text of {len(big):,} characters + {small} short texts posted at once; all answered in {took:.1f} s"
    )
    print(f"  answers: {dict(sorted(answers.items()))}; a 1,000,000-character text: {too_big}")
    print(
        f"  {len(latencies)} reads of /api/articles meanwhile: p50 {statistics.median(latencies):.1f} ms, "
        f"p95 {statistics.quantiles(latencies, n=20)[-1]:.1f} ms, max {max(latencies):.1f} ms"
    )


def chunked_without_token(port: int, pid: int, megabytes: int) -> None:
    before = _peak_rss_mb(pid)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.putrequest("POST", "/api/articles")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    chunk = b" " * (1024 * 1024)
    sent = 0
    try:
        for _ in range(megabytes):
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += 1
        conn.send(b"0\r\n\r\n")
    except OSError as exc:
        stopped = f"the server closed the connection ({type(exc).__name__})"
    else:
        stopped = "the client sent everything"
    try:
        resp = conn.getresponse()
        answer = f"{resp.status} {resp.read()[:120].decode()}"
    except OSError as exc:
        answer = f"no answer readable ({type(exc).__name__})"
    conn.close()
    print(
        f"{megabytes} MB chunked POST /api/articles without the token: {sent} MB sent, then {stopped}"
    )
    print(f"  answer: {answer}")
    print(f"  server peak memory: {before:.0f} MB before, {_peak_rss_mb(pid):.0f} MB after")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--small", type=int, default=40)
    ap.add_argument("--stream-mb", type=int, default=500)
    args = ap.parse_args()
    import warta

    with DETIK.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(args.articles), fh)]
    db = Path(tempfile.mkdtemp()) / "bench.db"
    with warta.open_store(db) as store:
        for r in rows:
            store.put(warta.analyze(r["text"], url=r.get("url")))
    with _serve(db, token="rahasia-bench") as (port, pid):
        chunked_without_token(port, pid, args.stream_mb)
    with _serve(db, token=None) as (port, _pid):
        base = f"http://127.0.0.1:{port}"
        _post(base, "/api/analyze", {"text": rows[0]["text"]})  # load the model first
        reads_during_analyses(base, [r["text"] for r in rows], args.small)


@contextlib.contextmanager
def _serve(db: Path, token: str | None) -> Iterator[tuple[int, int]]:
    """`warta serve` on a free loopback port (with WARTA_TOKEN when ``token``)."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "WARTA_TOKEN"}
    if token:
        env["WARTA_TOKEN"] = token
    server = subprocess.Popen(
        [sys.executable, "-m", "warta.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
