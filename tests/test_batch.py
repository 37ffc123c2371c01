"""Batch runs: local and Ray give identical output, an interrupted run resumes to the
same output, a document that kills its worker is recorded and the batch goes on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from warta.batch import load_batch, run_batch
from warta.store import open_store

TOPICS = [
    (
        "Gubernur {c} meresmikan jembatan baru",
        "Gubernur {c} meresmikan jembatan baru di pusat kota pada Senin. Ia mengatakan jembatan itu akan mempercepat distribusi barang.",
    ),
    (
        "Polisi {c} menangkap dua tersangka",
        "Kepolisian Daerah {c} menangkap dua tersangka pencurian kendaraan bermotor pada Selasa malam.",
    ),
    (
        "Harga cabai di {c} naik",
        "Harga cabai rawit di pasar tradisional {c} naik 20 persen menjelang akhir pekan, kata pedagang.",
    ),
    (
        "Mahasiswa {c} berunjuk rasa",
        "Ratusan mahasiswa berunjuk rasa di depan kantor DPRD {c} menuntut transparansi anggaran daerah.",
    ),
]
CITIES = ["Bandung", "Surabaya", "Medan", "Makassar"]


def _corpus(path: Path, n: int = 12, *, english: int = 0) -> Path:
    lines = []
    for i in range(n):
        title, text = TOPICS[i % 4]
        c = CITIES[(i // 4) % 4]
        lines.append(
            {
                "url": f"https://contoh.id/berita/{i}",
                "title": title.format(c=c),
                "text": text.format(c=c),
                "published": f"2024-05-{1 + i % 3:02d}T08:00:00",
            }
        )
    for j in range(english):
        lines.append(
            {
                "url": f"https://example.com/en/{j}",
                "title": "Weather",
                "text": "The weather in the city was sunny and warm today, and people went to the beach.",
            }
        )
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def _tables(out: Path) -> dict[str, list[dict]]:
    got = {}
    for table in ("articles", "entities", "mentions", "quotes", "events", "themes"):
        rows = []
        for part in sorted((out / table).glob("date=*/part-*.parquet")):
            rows += [
                {**r, "_file": f"{part.parent.name}/{part.name}"}
                for r in pq.read_table(part).to_pylist()
            ]
        got[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return got


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("in") / "berita.jsonl")


@pytest.fixture(scope="module")
def local_out(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    report = run_batch([corpus], out, engine="local", workers=2, shard_size=4)
    assert (report.articles, report.errors, report.shards) == (12, 0, 3)
    return out


def test_output_layout_and_manifest(local_out):
    manifest = json.loads((local_out / "manifest.json").read_text())
    assert manifest["report"]["articles"] == 12 and manifest["shard_size"] == 4
    dates = sorted(p.name for p in (local_out / "articles").iterdir())
    assert dates == ["date=2024-05-01", "date=2024-05-02", "date=2024-05-03"]
    arts = _tables(local_out)["articles"]
    assert len({a["id"] for a in arts}) == 12
    assert all(json.loads(a["record"])["schema"] == "warta/1" for a in arts)


def test_ray_engine_gives_identical_records(corpus, local_out, tmp_path):
    pytest.importorskip("ray", reason="the ray extra is not installed")
    out = tmp_path / "ray"
    report = run_batch([corpus], out, engine="ray", workers=2, shard_size=4)
    assert report.articles == 12
    assert _tables(out) == _tables(local_out)


def test_killed_batch_resumes_to_the_same_output(corpus, tmp_path):
    # One document per shard: twelve shards, so a kill right after the first finished
    # shard lands mid-batch even on a loaded machine.
    whole = tmp_path / "whole"
    run_batch([corpus], whole, engine="local", workers=1, shard_size=1)
    out = tmp_path / "resumed"
    code = (
        "import sys; from warta.batch import run_batch; "
        f"run_batch([{str(corpus)!r}], {str(out)!r}, engine='local', workers=1, shard_size=1)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline and not list(out.glob("_done/*.json")):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group: driver and workers
    proc.wait()
    finished_before = len(list((out / "_done").glob("*.json")))
    assert 1 <= finished_before < 12, "the kill should land mid-batch"
    report = run_batch([corpus], out, engine="local", workers=1, shard_size=1)
    assert report.resumed == finished_before and report.articles == 12
    assert _tables(out) == _tables(whole)


def test_a_document_that_kills_its_worker_is_recorded(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_TEST_CRASH_ON", "berita.jsonl#6")
    out = tmp_path / "crash"
    report = run_batch([corpus], out, engine="local", workers=2, shard_size=4)
    assert report.articles == 11 and report.errors == 1
    errors = [
        json.loads(x) for p in (out / "errors").glob("*.jsonl") for x in p.read_text().splitlines()
    ]
    assert [e["doc"] for e in errors] == [str(corpus) + "#6"] and errors[0]["type"] == "WorkerCrash"


def test_language_and_site_filters(tmp_path):
    src = _corpus(tmp_path / "mixed.jsonl", n=4, english=2)
    report = run_batch([src], tmp_path / "lang", workers=1, shard_size=8, lang="id")
    assert (report.articles, report.skipped) == (4, 2)
    report = run_batch([src], tmp_path / "site", workers=1, shard_size=8, sites=["example.com"])
    assert report.articles == 2


def test_load_into_store_is_idempotent(local_out, tmp_path):
    with open_store(tmp_path / "w.db") as store:
        assert load_batch(local_out, store).loaded == 12
        assert load_batch(local_out, store).loaded == 12
        assert store.count() == 12
