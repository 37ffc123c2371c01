"""Indonesian word classes: the one home of every Indonesian word list warta uses.

Each word class is one file in ``words/``:

- ``NAME.txt``: one entry per line (a word or a multi-word phrase), in a meaningful order
  where the order matters (``lexicon().ordered(NAME)``), otherwise read as a set
  (``lexicon().words(NAME)``);
- ``NAME.tsv``: a table, tab-separated columns (``lexicon().table(NAME)`` for
  key -> value, ``lexicon().rows(NAME)`` for every row).

Every file opens with ``#`` comment lines saying what the class is, who uses it and where
it came from. Blank lines and ``#`` lines are skipped; a repeated entry or key is an error
(loud at load, not a silent overwrite). The files are read once per process into a frozen
``Lexicon``; analysis modules read it through ``lexicon()`` and keep no word list of their
own (``tests/test_lexicon.py`` enforces this).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

__all__ = ["HOME_COUNTRY", "WORDS_DIR", "Lexicon", "LexiconError", "alternation", "lexicon"]

WORDS_DIR = Path(__file__).with_name("words")
# The country of the outlets this language's news comes from: its institutions are named
# without a country ("Kementerian Luar Negeri", "DPR"). CAMEO/ISO alpha-3.
HOME_COUNTRY = "IDN"


class LexiconError(ValueError):
    """A word-class file is malformed or a class is asked for that does not exist."""


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Every Indonesian word class, read once; nothing in it can be changed."""

    lists: Mapping[str, tuple[str, ...]]
    tables: Mapping[str, tuple[tuple[str, ...], ...]]

    def ordered(self, name: str) -> tuple[str, ...]:
        """The entries of word list ``name`` in file order."""
        try:
            return self.lists[name]
        except KeyError:
            raise LexiconError(f"no word list {name!r} in {WORDS_DIR}") from None

    def words(self, name: str) -> frozenset[str]:
        """The entries of word list ``name`` as a set."""
        return _as_set(self, name)

    def rows(self, name: str) -> tuple[tuple[str, ...], ...]:
        """Every row of table ``name`` in file order."""
        try:
            return self.tables[name]
        except KeyError:
            raise LexiconError(f"no table {name!r} in {WORDS_DIR}") from None

    def table(self, name: str) -> Mapping[str, str]:
        """Table ``name`` read as first column -> second column."""
        return _as_map(self, name)


@cache
def _as_set(lex: Lexicon, name: str) -> frozenset[str]:
    return frozenset(lex.ordered(name))


@cache
def _as_map(lex: Lexicon, name: str) -> Mapping[str, str]:
    rows = lex.rows(name)
    bad = [r for r in rows if len(r) != 2]
    if bad:
        raise LexiconError(
            f"table {name!r} is read as key -> value but a row has {len(bad[0])} columns"
        )
    mapping = dict(rows)  # type: ignore[arg-type]
    if len(mapping) != len(rows):
        raise LexiconError(f"table {name!r} is read as key -> value but a key is listed twice")
    return MappingProxyType(mapping)


def _entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        raise LexiconError(f"{path.name}: must open with a '#' comment saying what the class is")
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


def _read_list(path: Path) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for entry in _entries(path):
        entry = entry.strip()
        if entry in seen:
            raise LexiconError(f"{path.name}: {entry!r} is listed twice")
        seen.add(entry)
        out.append(entry)
    return tuple(out)


def _read_table(path: Path) -> tuple[tuple[str, ...], ...]:
    out: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    for entry in _entries(path):
        row = tuple(col.strip() for col in entry.split("\t"))
        if len(row) < 2:
            raise LexiconError(f"{path.name}: row {entry!r} has no tab-separated value")
        if row in seen:
            raise LexiconError(f"{path.name}: row {entry!r} is listed twice")
        seen.add(row)
        out.append(row)
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The Indonesian lexicon, read from ``words/`` once per process."""
    lists = {p.stem: _read_list(p) for p in sorted(WORDS_DIR.glob("*.txt"))}
    tables = {p.stem: _read_table(p) for p in sorted(WORDS_DIR.glob("*.tsv"))}
    clash = set(lists) & set(tables)
    if clash:
        raise LexiconError(f"word classes defined twice (.txt and .tsv): {sorted(clash)}")
    return Lexicon(MappingProxyType(lists), MappingProxyType(tables))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of a word class: longest entry first (so that "plt." is tried
    before "plt"), special characters escaped, a phrase's spaces matching any run of white
    space. The caller adds the group, the word boundaries and the case rule."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w))
    )
