"""The ``warta`` command, run as a user runs it: a real process, a real store file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import SEED

WARTA = [sys.executable, "-m", "warta.cli"]


def run(*args: str, stdin: bytes | None = None, check: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.run([*WARTA, *args], input=stdin, capture_output=True, env=env, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr.decode())
    return proc


def test_sample_ingest_then_search_show_export(tmp_path: Path):
    db = str(tmp_path / "w.db")
    first = run("ingest", "--sample", "--db", db, check=True)
    assert b"1 stored (1 new" in first.stdout
    again = run("ingest", "--sample", "--db", db, check=True)
    assert b"1 stored (0 new, 1 updated)" in again.stdout
    hits = json.loads(run("search", "Bakamla", "--db", db, "--json", check=True).stdout)
    assert len(hits) == 1
    shown = json.loads(run("show", hits[0]["id"][:6], "--db", db, "--json", check=True).stdout)
    assert shown["schema"] == "warta/1" and shown["article"]["id"] == hits[0]["id"]
    out = tmp_path / "ev.tsv"
    run("export", str(out), "--format", "gdelt-events", "--db", db, check=True)
    assert out.exists()


def test_analyze_json_on_the_seed(shared):
    rec = json.loads(run("analyze", str(SEED), "--json", check=True).stdout)
    art = rec["article"]
    assert rec["schema"] == "warta/1"
    assert art["outlet"] == "Kontan"
    assert art["dateline"]["place"] == "Moskow"
    assert art["credited_source"] == "The Hill"
    assert art["editor"] == "Noverius Laoli"
    assert art["published"]["value"].startswith("2021-12-16")
    assert "16/12" in art["published"]["how"]
    assert len(art["related"]) == 3
    for gone in ("Sumber:", "Baca Juga", "Google News", "KONTAN.CO.ID"):
        assert gone not in art["text"]


def test_bad_inputs_are_one_line_each_and_the_batch_goes_on(tmp_path: Path):
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "baik.txt").write_text(
        "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin.\n",
        encoding="utf-8",
    )
    (docs / "kosong.txt").write_bytes(b"")
    (docs / "gambar.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    db = str(tmp_path / "w.db")
    proc = run("ingest", str(docs), "--db", db)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.decode().splitlines() if line.startswith("error")]
    assert len(errors) == 2
    assert any("kosong.txt" in e for e in errors) and any("gambar.bin" in e for e in errors)
    assert b"1 stored" in proc.stdout


def test_malformed_query_is_one_line_and_exit_2(tmp_path: Path):
    proc = run("search", '"unbalanced', "--db", str(tmp_path / "w.db"))
    assert proc.returncode == 2
    assert len(proc.stderr.decode().strip().splitlines()) == 1
    assert b"Traceback" not in proc.stderr


def test_stdin(tmp_path: Path):
    text = b"Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo pada Selasa."
    rec = json.loads(run("analyze", "-", "--json", stdin=text, check=True).stdout)
    assert "Sugiono" in rec["article"]["text"]


def test_every_command_is_documented():
    from conftest import REPO
    from warta.cli import app, eval_app

    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    names = [f"warta {c.name or c.callback.__name__}" for c in app.registered_commands]
    names += [f"warta eval {c.name or c.callback.__name__}" for c in eval_app.registered_commands]
    missing = [n for n in names if f"`{n}" not in doc]
    assert not missing, f"commands missing from docs/cli.md: {missing}"
