"""Clause structure around an event word: boundaries, conditions, background and relative
clauses, negation and modality, read from the sentence's lower-cased words."""

from __future__ import annotations

from collections.abc import Collection

from warta.analysis.events.words import (
    BACKGROUND,
    COND,
    CONTENT_NOUNS,
    FUTURE,
    HYPO,
    NEG,
    PUNCT_STOP,
    REL_FILLERS,
    SUBORD,
)

__all__ = [
    "boundary",
    "clause_start",
    "in_background",
    "in_condition",
    "later_condition",
    "left_context",
    "modality_before",
    "negated_before",
    "relative",
]


def boundary(words: list[str], i: int) -> bool:
    """Whether word ``i`` ends a clause: punctuation, a comma, a conjunction, "bahwa"."""
    w = words[i]
    return w in PUNCT_STOP or w == "," or w in SUBORD or w == "bahwa" or not w.strip()


def clause_start(words: list[str], i: int) -> int:
    """The first word of the clause word ``i`` stands in."""
    j = i - 1
    while j >= 0 and not boundary(words, j):
        j -= 1
    return j + 1


def left_context(words: list[str], i: int, limit: int = 5) -> list[str]:
    """Up to ``limit`` words before ``i`` in its clause, nearest first."""
    j, out = i - 1, list[str]()
    while j >= 0 and len(out) < limit and not boundary(words, j):
        out.append(words[j])
        j -= 1
    return out


def negated_before(left: list[str]) -> bool:
    """A negator among the three words before the verb ("tidak menyerang")."""
    return any(w in NEG for w in left[:3])


def modality_before(left: list[str]) -> str:
    """``future`` after "akan", "siap", "sepakat", ... in the clause; ``hypothetical`` right
    after "mungkin", "bisa", ...; else ``asserted``."""
    if any(w in FUTURE for w in left):
        return "future"
    if any(w in HYPO for w in left[:2]):
        return "hypothetical"
    return "asserted"


def _opened_by(words: list[str], i: int, openers: frozenset[str], stops: Collection[str]) -> bool:
    """Whether word ``i`` sits in a clause that one of ``openers`` starts: scanning left, an
    opener comes before punctuation, a comma or one of ``stops``."""
    for j in range(i - 1, -1, -1):
        w = words[j]
        if w in openers:
            return True
        if w in PUNCT_STOP or w == "," or w in stops:
            return False
    return False


def in_condition(words: list[str], i: int) -> bool:
    """Word ``i`` is inside a condition ("jika Moskow *melancarkan* serangan")."""
    return _opened_by(words, i, COND, SUBORD)


def in_background(words: list[str], i: int) -> bool:
    """Word ``i`` is inside a background clause ("setelah pasukan *menyerang* ...")."""
    return _opened_by(words, i, BACKGROUND, ("bahwa", "dan", "tetapi", "namun"))


def relative(words: list[str], i: int) -> bool:
    """Word ``i`` opens a relative clause ("yang *diduduki* Israel"), unless the clause is
    the content of a statement noun ("pernyataan yang *menuntut* ...")."""
    j = i - 1
    while j >= 0 and words[j] in REL_FILLERS:
        j -= 1
    return j >= 0 and words[j] == "yang" and not (j > 0 and words[j - 1] in CONTENT_NOUNS)


def later_condition(words: list[str], i: int) -> int | None:
    """Where a condition after word ``i`` starts ("mengancam sanksi *jika* ..."), up to the
    next semicolon."""
    for j in range(i + 1, len(words)):
        if words[j] in COND:
            return j
        if words[j] == ";":
            return None
    return None
