"""Batch runs that die cleanly (issue #16, item 9) and a `warta load` that never stops
(item 3): workers end with a killed driver, the manifest tells a running batch from a
finished one, a document that crashes the analysis or kills its worker is recorded and its
shard completes, a worker that cannot start fails the batch without marking anything done,
and `load` stores every good record while naming each bad one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from test_batch import _corpus, _tables
from warta.batch import load_batch, run_batch
from warta.errors import WartaError
from warta.store import open_store

CLI = [sys.executable, "-m", "warta.cli"]


def _errors(out: Path) -> list[dict]:
    return [
        json.loads(x)
        for p in sorted((out / "errors").glob("*.jsonl"))
        for x in p.read_text().splitlines()
    ]


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("in") / "berita.jsonl")


def test_workers_die_with_a_killed_driver_and_the_manifest_says_running(corpus, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*CLI, "batch", str(corpus), "--out", str(out), "--workers", "2", "--shard-size", "1"],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 300
        while time.time() < deadline and not list(out.glob("_done/*.json")):
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)  # the driver only: its workers must follow it
        proc.wait()
        deadline = time.time() + 60
        while _group_alive(proc.pid) and time.time() < deadline:
            time.sleep(0.1)
        orphans = _group_alive(proc.pid)
    finally:
        if _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    assert not orphans, "workers or the resource tracker outlived the killed driver"
    finished_before = len(list((out / "_done").glob("*.json")))
    assert 1 <= finished_before < 12, "the kill should land mid-batch"
    manifest = _manifest(out)
    assert manifest["status"] == "running" and "finished" not in manifest

    report = run_batch([corpus], out, engine="local", workers=1, shard_size=1)
    assert report.resumed == finished_before and report.articles == 12
    manifest = _manifest(out)
    assert manifest["status"] == "finished" and manifest["finished"] >= manifest["started"]
    assert manifest["report"]["articles"] == 12


def test_the_manifest_says_running_while_shards_remain(corpus, tmp_path):
    out = tmp_path / "out"
    seen = []
    run_batch(
        [corpus],
        out,
        workers=1,
        shard_size=4,
        on_shard=lambda _c: seen.append(_manifest(out)["status"]),
    )
    assert seen == ["running", "running", "running"]
    assert _manifest(out)["status"] == "finished"


def test_an_interrupted_batch_is_not_finished_and_resumes(corpus, tmp_path):
    out = tmp_path / "out"

    def interrupt(_counts: dict) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus], out, workers=1, shard_size=4, on_shard=interrupt)
    manifest = _manifest(out)
    assert manifest["status"] == "interrupted" and "finished" not in manifest
    assert manifest["report"]["shards"] == 1
    report = run_batch([corpus], out, workers=1, shard_size=4)
    assert (report.resumed, report.articles, report.shards) == (1, 12, 3)
    assert _manifest(out)["status"] == "finished"


def test_a_second_batch_into_a_running_output_is_refused(corpus, tmp_path):
    out = tmp_path / "out"
    caught = []

    def second(_counts: dict) -> None:
        if not caught:
            with pytest.raises(WartaError, match="another batch is writing"):
                run_batch([corpus], out, workers=1, shard_size=4)
            caught.append(True)

    run_batch([corpus], out, workers=1, shard_size=4, on_shard=second)
    assert caught and _manifest(out)["status"] == "finished"


def test_a_document_that_crashes_the_analysis_is_recorded_and_its_shard_completes(
    corpus, tmp_path, monkeypatch
):
    # The exception escapes analyze_documents mid-batch (as spaCy's E088 did), taking the
    # documents of the same nlp.pipe batch with it: they are redone one at a time.
    monkeypatch.setenv("WARTA_TEST_RAISE_ON", "berita.jsonl#6")
    out = tmp_path / "out"
    report = run_batch([corpus], out, workers=1, shard_size=4)
    assert (report.articles, report.errors, report.shards) == (11, 1, 3)
    (error,) = _errors(out)
    assert error["doc"] == f"{corpus}#6" and error["type"] == "AnalysisCrash"
    assert "RuntimeError" in error["message"] and "Traceback" in error["traceback"]
    assert len(list((out / "_done").glob("*.json"))) == 3
    assert _manifest(out)["status"] == "finished"


def test_a_document_that_kills_its_worker_only_once_is_analysed(corpus, tmp_path, monkeypatch):
    # A worker killed by something passing (the OOM killer choosing it while the machine
    # was short of memory) must not cost its documents: the document gets a second worker.
    monkeypatch.setenv("WARTA_TEST_CRASH_ON", "berita.jsonl#6")
    monkeypatch.setenv("WARTA_TEST_FAULT_ONCE", str(tmp_path / "faults"))
    (tmp_path / "faults").mkdir()
    out = tmp_path / "out"
    report = run_batch([corpus], out, workers=2, shard_size=4)
    assert (report.articles, report.errors) == (12, 0)
    assert _errors(out) == []


def test_workers_that_cannot_start_fail_the_batch_and_mark_nothing_done(
    corpus, tmp_path, monkeypatch
):
    monkeypatch.setenv("WARTA_TEST_CRASH_AT_START", "1")
    out = tmp_path / "out"
    with pytest.raises(WartaError, match="batch workers die while starting"):
        run_batch([corpus], out, workers=1, shard_size=4)
    assert not list(out.glob("_done/*.json")) and not list(out.glob("errors/*.jsonl"))
    assert _manifest(out)["status"] == "failed"


# -- warta load ---------------------------------------------------------------------------


@pytest.fixture()
def damaged_output(corpus, tmp_path):
    """A batch output with three bad records in one part and one part that is not Parquet."""
    out = tmp_path / "out"
    run_batch([corpus], out, workers=1, shard_size=12)
    part = sorted((out / "articles").glob("date=*/part-*.parquet"))[0]
    rows = pq.read_table(part).to_pylist()
    assert len(rows) >= 4
    wrong_type = json.loads(rows[1]["record"])
    wrong_type["entities"] = 5
    rows[1]["record"] = json.dumps(wrong_type)
    rows[2]["record"] = '{"schema": "warta/1", "article": '  # cut short
    no_id = json.loads(rows[3]["record"])
    no_id["article"]["id"] = 7
    rows[3]["record"] = json.dumps(no_id)
    pq.write_table(pa.Table.from_pylist(rows), part)
    garbage = out / "articles" / "date=2024-05-09" / "part-000099.parquet"
    garbage.parent.mkdir()
    garbage.write_bytes(b"not parquet at all")
    good = (
        sum(
            pq.read_metadata(p).num_rows
            for p in (out / "articles").glob("date=*/part-000000.parquet")
        )
        - 3
    )
    return out, part, garbage, good


def test_load_stores_every_good_record_and_names_each_bad_one(damaged_output, tmp_path):
    out, part, garbage, good = damaged_output
    errors: list[WartaError] = []
    with open_store(tmp_path / "w.db") as store:
        report = load_batch(out, store, on_error=errors.append)
        assert store.count() == good
    assert (report.loaded, report.failed) == (good, 4)
    assert sorted(e.doc for e in errors) == sorted(
        [f"{part}#2", f"{part}#3", f"{part}#4", str(garbage)]
    )
    by_doc = {e.doc: e.message for e in errors}
    assert "entities" in by_doc[f"{part}#2"] and "article.id" in by_doc[f"{part}#4"]
    assert "not valid JSON" in by_doc[f"{part}#3"] and "cannot read" in by_doc[str(garbage)]


def test_load_command_prints_one_line_per_bad_record_and_exits_1(damaged_output, tmp_path):
    out, part, garbage, good = damaged_output
    proc = subprocess.run(
        [*CLI, "load", str(out), "--db", str(tmp_path / "w.db")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("error ") for line in lines)
    assert f"{part}#2: " in proc.stderr and f"{garbage}: " in proc.stderr
    assert f"{good} articles loaded" in proc.stdout


def test_load_of_an_intact_output_loads_everything(corpus, tmp_path):
    out = tmp_path / "out"
    run_batch([corpus], out, workers=1, shard_size=5)
    with open_store(tmp_path / "w.db") as store:
        report = load_batch(out, store)
    assert (report.loaded, report.failed) == (12, 0)
    assert len(_tables(out)["articles"]) == 12
