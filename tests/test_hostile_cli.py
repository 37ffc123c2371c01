"""``warta ingest`` over a folder of hostile input, run as a user runs it (issue #16).

Before: the lone surrogate crashed the run with a UnicodeEncodeError traceback (nothing
after it was stored), the FIFO blocked it forever, and the wrongly typed and too short
records were stored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import PARAS

WARTA = [sys.executable, "-m", "warta.cli"]


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*WARTA, *args], capture_output=True, env=env, timeout=600)


def test_ingest_of_hostile_input_stores_every_good_document_and_names_the_rest(tmp_path: Path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    records = [
        {"text": PARAS[0], "url": "https://contoh.id/a/1"},
        {"text": f"{PARAS[1]} \ud83d", "title": "Judul \ud83d terpotong"},
        {"text": PARAS[2], "url": 5},
        {"text": "a"},
        {"text": PARAS[2], "url": "javascript:alert(1)", "title": "Tautan jahat"},
    ]
    (folder / "dump.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    os.mkfifo(folder / "pipa")
    (folder / "teks.txt").write_text(PARAS[0] + "\n" + PARAS[2], encoding="utf-8")
    db = tmp_path / "w.db"

    proc = run("ingest", str(folder), "--db", str(db), "--no-show")

    stderr = proc.stderr.decode()
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert b"4 stored (4 new, 0 updated), 3 failed" in proc.stdout
    failed = [line for line in stderr.splitlines() if line.startswith("error")]
    assert len(failed) == 3, stderr
    assert any(f"{folder / 'dump.jsonl'}#3: field 'url' must be a string" in f for f in failed)
    assert any(f"{folder / 'dump.jsonl'}#4: text of 1 characters" in f for f in failed)
    assert any(f"{folder / 'pipa'}: not a regular file but a FIFO" in f for f in failed)

    hits = json.loads(run("search", "Jembatan", "--db", str(db), "--json").stdout)
    by_origin = {}
    for hit in hits:
        shown = run("show", hit["id"], "--db", str(db), "--json")
        assert shown.returncode == 0, shown.stderr.decode()
        record = json.loads(shown.stdout)
        by_origin[record["article"]["origin"]] = record
    cut = by_origin[f"{folder / 'dump.jsonl'}#2"]
    assert cut["article"]["title"] == "Judul \ufffd terpotong"
    assert any("surrogate" in w for w in cut["warnings"])
    bad_link = by_origin[f"{folder / 'dump.jsonl'}#5"]
    assert bad_link["article"]["url"] is None
    assert any("javascript:alert(1)" in w for w in bad_link["warnings"])
