"""Two processes ingesting into one store find each other's near-duplicates: the links
are the ones a single process ingesting everything in the same order makes."""

import json
import subprocess
import sys

from helpers import make_analysis
from stories import copy_of, story
from warta.store import open_store

# A writer process: opens the store, then stores its records in lock-step with the
# other writer (A stores its k-th record after B's (k-1)-th, B its k-th after A's k-th),
# so the two processes' writes interleave the same way on every run.
WRITER = r"""
import json, sys, time
from pathlib import Path
from warta.record import Analysis
from warta.store import open_store

db, records, me, turns = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
other = "B" if me == "A" else "A"

def wait_for(name):
    deadline = time.monotonic() + 120
    while not (turns / name).exists():
        if time.monotonic() > deadline:
            sys.exit(f"writer {me}: gave up waiting for {name}")
        time.sleep(0.002)

with open_store(db) as store:
    for k, record in enumerate(json.loads(records.read_text(encoding="utf-8"))):
        if me == "A" and k > 0:
            wait_for(f"B-{k - 1}")
        if me == "B":
            wait_for(f"A-{k}")
        store.put(Analysis.from_dict(record))
        (turns / f"{me}-{k}").touch()
"""

PAIRS = 12


def _records() -> tuple[list, list]:
    """Halves of PAIRS near-duplicate pairs: A holds the story of even pairs and the copy
    of odd ones, B the rest; in lock-step the first of each pair alternates between them."""
    a_half, b_half = [], []
    for i in range(PAIRS):
        original = make_analysis(2 * i, url=f"https://a.id/{i}", text=story(i))
        copy = make_analysis(2 * i + 1, url=f"https://b.id/{i}", text=copy_of(i))
        first, second = (original, copy) if i % 2 == 0 else (copy, original)
        a_half.append(first.to_dict() if i % 2 == 0 else second.to_dict())
        b_half.append(second.to_dict() if i % 2 == 0 else first.to_dict())
    return a_half, b_half


def _links(path) -> dict[str, str | None]:
    with open_store(path) as store:
        ids = [r["id"] for r in store.articles(limit=1000)["items"]]
        return {i: store.get(i).article.duplicate_of for i in ids}


def test_two_processes_ingesting_at_once_link_like_one(tmp_path):
    from warta.record import Analysis

    a_half, b_half = _records()
    # One process, the same interleaved order.
    with open_store(tmp_path / "one.db") as store:
        for a, b in zip(a_half, b_half):
            store.put(Analysis.from_dict(a))
            store.put(Analysis.from_dict(b))
    expected = _links(tmp_path / "one.db")
    # Every pair is linked once, to whichever of the two came first.
    assert len(expected) == 2 * PAIRS
    assert sum(link is not None for link in expected.values()) == PAIRS

    # Two processes, one store.
    shared = tmp_path / "two.db"
    open_store(shared).close()  # created before the writers start
    turns = tmp_path / "turns"
    turns.mkdir()
    writers = []
    for me, half in (("A", a_half), ("B", b_half)):
        records = tmp_path / f"{me}.json"
        records.write_text(json.dumps(half, ensure_ascii=False), encoding="utf-8")
        writers.append(
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(shared), str(records), me, str(turns)],
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    assert _links(shared) == expected
