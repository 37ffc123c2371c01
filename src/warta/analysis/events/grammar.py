"""The event grammar beyond the verb dictionary, read from ``warta/knowledge/cameo/``.

Each rule is a plain, commented file a political scientist can read and edit (its header
says what the rule does):

- ``discards.txt``: phrases at an event verb that are no event ("menangkap ikan");
- ``complements.tsv``: verb classes whose complement is the content of the act, and the
  modality the complement gets; ``refinements.tsv``: the code such a class gives its
  complement (demand + withdraw = 1056);
- ``aims.tsv``, ``accusations.tsv``, ``weapons.tsv``: codes refined by the words around
  the verb (each with a ``refines`` row naming the codes it applies to);
- ``place_targets.txt``: codes for which a place as target stands for its people;
- ``soft_sections.tsv``: news sections where a bare country is no actor.

The files are read once per process into a frozen :class:`Grammar`; a malformed line is a
:class:`GrammarError` naming the file and line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from warta.knowledge.cameo import CAMEO_DIR, codes

__all__ = ["Grammar", "GrammarError", "WordRule", "grammar", "load_grammar", "read_lines"]

_MODALITIES = frozenset({"future", "demanded"})


class GrammarError(ValueError):
    """A file of the event grammar is malformed."""


def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, content)`` of every line that holds more than a ``#`` comment."""
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield lineno, line


def _rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    for lineno, line in read_lines(path):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != width or not all(cols):
            raise GrammarError(f"{path}:{lineno}: expected {width} tab-separated columns")
        yield lineno, cols


def _known_code(path: Path, lineno: int, code: str) -> str:
    if code not in codes():
        raise GrammarError(f"{path}:{lineno}: {code!r} is not a CAMEO code")
    return code


def _aim_digit(path: Path, lineno: int, digit: str) -> str:
    if digit not in ("1", "2", "3", "4"):
        raise GrammarError(f"{path}:{lineno}: an aim is a digit 1-4, not {digit!r}")
    return digit


@dataclass(frozen=True, slots=True)
class WordRule:
    """Codes refined by words near the verb: a code in ``refines`` takes the value of the
    first choice (in file order) with a word (or phrase) in the window the coder reads."""

    refines: frozenset[str]
    choices: tuple[tuple[str, frozenset[str]], ...]


@dataclass(frozen=True, slots=True)
class Grammar:
    discards: frozenset[tuple[str, ...]]
    discard_lengths: tuple[int, ...]
    complement_modality: Mapping[str, str]
    refinements: Mapping[str, Mapping[str, str]]
    aims: WordRule
    accusations: WordRule
    weapons: WordRule
    place_targets: tuple[str, ...]
    soft_sections: Mapping[str, float]


def _discards(path: Path) -> frozenset[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for _lineno, line in read_lines(path):
        slots = [tok.split("|") for tok in line.split()]
        out.update(itertools.product(*slots))
    return frozenset(out)


def _complements(path: Path) -> Mapping[str, str]:
    out: dict[str, str] = {}
    for lineno, (root, modality) in _rows(path, 2):
        if modality not in _MODALITIES or root in out:
            raise GrammarError(
                f"{path}:{lineno}: each root once, with a modality of {sorted(_MODALITIES)}"
            )
        out[_known_code(path, lineno, root)] = modality
    return MappingProxyType(out)


def _refinements(path: Path) -> Mapping[str, Mapping[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for lineno, (outer, inner, code) in _rows(path, 3):
        table = out.setdefault(_known_code(path, lineno, outer), {})
        if inner in table:
            raise GrammarError(f"{path}:{lineno}: {outer} {inner} is listed twice")
        table[inner] = _known_code(path, lineno, code)
    return MappingProxyType({k: MappingProxyType(v) for k, v in out.items()})


def _word_rule(path: Path, check: Callable[[Path, int, str], str]) -> WordRule:
    """A ``refines`` row, then ``choice<TAB>word`` rows; ``check`` validates each choice (a
    CAMEO code, or for aims the digit appended to the code)."""
    refines: frozenset[str] = frozenset()
    choices: dict[str, set[str]] = {}
    for lineno, (key, value) in _rows(path, 2):
        if key == "refines":
            refines = frozenset(_known_code(path, lineno, c) for c in value.split())
        else:
            choices.setdefault(check(path, lineno, key), set()).add(value)
    if not refines or not choices:
        raise GrammarError(f"{path}: needs a `refines` row and at least one word")
    return WordRule(refines, tuple((k, frozenset(v)) for k, v in choices.items()))


def _soft_sections(path: Path) -> Mapping[str, float]:
    out: dict[str, float] = {}
    for lineno, (section, score) in _rows(path, 2):
        try:
            least = float(score)
        except ValueError:
            least = -1.0
        if not 0.0 <= least <= 1.0:
            raise GrammarError(f"{path}:{lineno}: {score!r} is not a probability")
        out[section] = least
    return MappingProxyType(out)


def load_grammar(directory: Path = CAMEO_DIR) -> Grammar:
    """Read the grammar files of ``directory``; a malformed line raises ``GrammarError``."""
    discards = _discards(directory / "discards.txt")
    targets = directory / "place_targets.txt"
    return Grammar(
        discards=discards,
        discard_lengths=tuple(sorted({len(p) for p in discards})),
        complement_modality=_complements(directory / "complements.tsv"),
        refinements=_refinements(directory / "refinements.tsv"),
        aims=_word_rule(directory / "aims.tsv", _aim_digit),
        accusations=_word_rule(directory / "accusations.tsv", _known_code),
        weapons=_word_rule(directory / "weapons.tsv", _known_code),
        place_targets=tuple(_known_code(targets, n, line) for n, line in read_lines(targets)),
        soft_sections=_soft_sections(directory / "soft_sections.tsv"),
    )


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The event grammar of ``warta/knowledge/cameo/``, read once per process."""
    return load_grammar()
