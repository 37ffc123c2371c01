"""The Indonesian lexicon: every word class is one data file, read once, and no word list
or word -> code table is left inside the logic of the modules that read Indonesian."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from warta.lang.id import WORDS_DIR, Lexicon, LexiconError, _read_list, _read_table, lexicon

SRC = Path(__file__).resolve().parents[1] / "src" / "warta"
# Modules whose job is reading Indonesian text: their words must come from the lexicon.
SCANNED = ["analysis", "article", "knowledge"]
WORD = re.compile(r"^[a-z][a-z\-']*(?: [a-z][a-z\-']*)*$")
CODE = re.compile(r"^[A-Z]{3}$")
# A literal collection holding more than this many lower-case words is a word list. A
# collection of English identifiers (field names, kinds) says so with a "# not words:"
# comment on its first line, giving the reason.
MAX_WORDS = 4
PRAGMA = "# not words:"


def _word_lists(source: str) -> list[tuple[int, list[str]]]:
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if hasattr(node, "lineno") and PRAGMA in lines[node.lineno - 1]:
            continue
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
            coded = [
                k
                for k, v in zip(node.keys, node.values, strict=False)
                if isinstance(k, ast.Constant)
                and isinstance(k.value, str)
                and WORD.match(k.value)
                and isinstance(v, ast.Constant)
                and isinstance(v.value, str)
                and CODE.match(v.value)
            ]
            if coded:
                found.append((node.lineno, [f"{k.value} -> code" for k in coded]))
                continue
        else:
            continue
        words = [
            e.value
            for e in items
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and WORD.match(e.value)
        ]
        if len(words) > MAX_WORDS:
            found.append((node.lineno, words))
    return found


def _modules() -> list[Path]:
    return sorted(p for d in SCANNED for p in (SRC / d).rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_word_list_inside_logic(path: Path):
    found = _word_lists(path.read_text(encoding="utf-8"))
    assert not found, "word lists belong in src/warta/lang/id/words/: " + "; ".join(
        f"line {line}: {', '.join(words[:6])}" for line, words in found
    )


def test_every_word_class_file_is_well_formed_and_loads():
    lex = lexicon()
    names = [p.stem for p in WORDS_DIR.iterdir() if p.suffix in {".txt", ".tsv"}]
    assert len(names) == len(set(names))
    assert set(names) == set(lex.lists) | set(lex.tables)
    for p in WORDS_DIR.iterdir():
        if p.suffix in {".txt", ".tsv"}:
            assert p.read_text(encoding="utf-8").startswith("#"), p.name


def test_each_word_class_defined_once():
    """Two files holding the same set of entries are one class written twice."""
    lex = lexicon()
    seen: dict[frozenset, str] = {}
    for name, entries in lex.lists.items():
        key = frozenset(entries)
        assert key not in seen, f"{name} and {seen[key]} hold the same words"
        seen[key] = name


def test_lexicon_is_loud_about_mistakes(tmp_path: Path):
    dup = tmp_path / "dup.txt"
    dup.write_text("# a class\nujar\nkata\nujar\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="listed twice"):
        _read_list(dup)
    bare = tmp_path / "bare.txt"
    bare.write_text("ujar\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="comment"):
        _read_list(bare)
    table = tmp_path / "t.tsv"
    table.write_text("# a table\nujar\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="tab"):
        _read_table(table)
    with pytest.raises(LexiconError, match="no word list"):
        lexicon().ordered("no_such_class")
    assert isinstance(lexicon(), Lexicon)
    with pytest.raises(AttributeError):
        lexicon().lists = {}  # type: ignore[misc]
