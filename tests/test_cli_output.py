"""What the ``warta`` command prints: article text literally, JSON that parses, and one
line with exit status 2 for every user error (never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import run

TITLE = "Heboh [/video] Presiden [bold]Joko Widodo :fire:"
TEXT = (
    "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin [/b]. "
    '"Bendungan ini [/red] penting bagi petani," ujar Joko Widodo di Semarang.\n'
)


def _jsonl(path: Path, *titles: str) -> Path:
    lines = [
        json.dumps({"title": t, "text": TEXT, "url": f"https://contoh.id/{i}"})
        for i, t in enumerate(titles)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_markup_in_an_article_prints_literally(tmp_path: Path):
    proc = run("analyze", str(_jsonl(tmp_path / "heboh.jsonl", TITLE)))
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr.decode()
    shown = proc.stdout.decode()
    assert TITLE in shown
    assert "[/red] penting" in shown  # the quote


def test_markup_in_stored_titles_prints_literally(tmp_path: Path):
    db = str(tmp_path / "w.db")
    run("ingest", str(_jsonl(tmp_path / "heboh.jsonl", TITLE)), "--db", db, check=True)
    shown = run("search", "bendungan", "--db", db, check=True).stdout.decode()
    assert TITLE in shown


def test_markup_in_a_failing_document_name_prints_literally(tmp_path: Path):
    bad = tmp_path / "[red]kosong[bold].txt"
    bad.write_bytes(b"")
    proc = run("analyze", str(bad))
    assert proc.returncode == 1
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "[red]kosong[bold].txt" in lines[0]


def test_json_is_one_document_for_one_input_and_json_lines_for_several(tmp_path: Path):
    one = run("analyze", str(_jsonl(tmp_path / "one.jsonl", "Satu")), "--json", check=True).stdout
    record = json.loads(one)
    assert record["article"]["title"] == "Satu"
    several = run(
        "analyze", str(_jsonl(tmp_path / "two.jsonl", "Satu", "Dua")), "--json", check=True
    ).stdout
    lines = several.decode().splitlines()
    assert [json.loads(line)["article"]["title"] for line in lines] == ["Satu", "Dua"]


def test_json_lines_go_on_past_a_failing_document(tmp_path: Path):
    (tmp_path / "kosong.txt").write_bytes(b"")
    good = _jsonl(tmp_path / "baik.jsonl", "Satu")
    proc = run("analyze", str(tmp_path / "kosong.txt"), str(good), str(good), "--json")
    assert proc.returncode == 1
    assert [json.loads(line)["article"]["title"] for line in proc.stdout.decode().splitlines()] == [
        "Satu",
        "Satu",
    ]
    assert "kosong.txt" in proc.stderr.decode()


def test_no_arguments_prints_the_help():
    proc = run()
    assert proc.returncode == 0
    assert b"analyze" in proc.stdout and b"Traceback" not in proc.stderr


USER_ERRORS = {
    "unknown option": (["analyze", "--bogus"], "--bogus"),
    "no input": (["analyze"], "--sample"),
    "bad --by": (["tone", "Jokowi", "--by", "week", "--db", "{db}"], "day"),
    "bad format": (["export", "{tmp}/x.out", "--format", "csv", "--db", "{db}"], "gdelt-gkg"),
    "bad engine": (["batch", "{file}", "--out", "{tmp}/out", "--engine", "spark"], "ray"),
    "store is a directory": (["search", "x", "--db", "{tmp}"], "--db"),
    "store is not sqlite": (["search", "x", "--db", "{file}"], "store"),
    "export to a directory": (["export", "{tmp}", "--db", "{db}"], "{tmp}"),
    "load a file": (["load", "{file}", "--db", "{db}"], "file"),
    "batch out is a file": (["batch", "{file}", "--out", "{file}"], "file"),
    "missing event gold": (["eval", "events", "{tmp}/none.jsonl"], "none.jsonl"),
    "missing token file": (["serve", "--token-file", "{tmp}/none.txt", "--db", "{db}"], "none.txt"),
    "empty token file": (["serve", "--token-file", "{file0}", "--db", "{db}"], "empty"),
    "unknown eval": (["eval", "pos"], "pos"),
}


@pytest.mark.parametrize("args, says", list(USER_ERRORS.values()), ids=list(USER_ERRORS))
def test_user_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], says: str):
    (tmp_path / "file.txt").write_text("bukan basis data\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    names = {
        "tmp": str(tmp_path),
        "db": str(tmp_path / "w.db"),
        "file": str(tmp_path / "file.txt"),
        "file0": str(tmp_path / "empty.txt"),
    }
    proc = run(*(a.format(**names) for a in args))
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr
    assert proc.returncode == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error") and says.format(**names) in lines[0]
