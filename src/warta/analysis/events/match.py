"""Find dictionary patterns in a sentence's words.

Matching is on lower-cased surface words, so it works whatever the lemmatiser does; a
clitic "-nya" is stripped ("membantunya" is "membantu"). Gaps (``*``) never cross a comma,
semicolon, colon, quotation mark, attribution or condition (``words.GAP_STOP``): a pattern
stays inside one clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.analysis.events.dictionary import DictEntry, entries
from warta.analysis.events.morph import di, men
from warta.analysis.events.words import GAP_STOP

__all__ = ["PatternMatch", "find_patterns", "lemma_words", "normal_words"]

# A compiled slot: a gap's length, or the alternatives as word lists (None: optional).
_Compiled = tuple[int | tuple[list[str] | None, ...], ...]


@dataclass(slots=True)
class PatternMatch:
    entry: DictEntry
    voice: str | None
    anchor: int  # index (in the word list) of the event verb or noun
    tokens: list[int]  # indices of the words the pattern's fixed slots matched
    start: int
    end: int  # exclusive

    @property
    def code(self) -> str:
        return self.entry.code

    @property
    def specificity(self) -> tuple[int, int]:
        return (len(self.tokens), -(self.end - self.start))


def normal_words(words: list[str]) -> list[str]:
    out = []
    for w in words:
        low = w.lower()
        if low.endswith("nya") and len(low) > 6 and low[:-3].isalpha():
            low = low[:-3]
        out.append(low)
    return out


_ROOT = re.compile(r"^@?\{([^}+]+)(?:\+([^}]*))?\}")


@lru_cache(maxsize=1)
def _root_forms() -> dict[tuple[str, str], tuple[str, str]]:
    """(dictionary root, suffix) -> (active form, passive form) of a verb slot."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for e in entries():
        m = _ROOT.match(e.pattern)
        if not m:
            continue
        root = m.group(1).replace(" ", "")
        for sfx in (m.group(2) or "").split(","):
            out.setdefault((root, sfx), (men(m.group(1), sfx), di(m.group(1), sfx)))
    return out


def lemma_words(words: list[str], lemmas: list[str]) -> list[str]:
    """Words the dictionary does not know, replaced by the dictionary form of their lemma
    when the model's lemmatiser gives a known root and the word has the same suffix
    ("memperkosai"-like spellings, clitics the generator does not make). Only me-/di-
    verbs: ter- forms are mostly adjectives ("terbuka", "terlarang")."""
    idx = _index()
    forms = _root_forms()
    out = list(words)
    for i, (w, lem) in enumerate(zip(words, lemmas, strict=True)):
        if w in idx or not lem or not w.startswith(("me", "di")):
            continue
        root = lem.lower().replace(" ", "")
        if len(w) <= len(root) + 1:
            continue
        sfx = (
            "kan"
            if w.endswith("kan") and not root.endswith("kan")
            else "i"
            if w.endswith("i") and not root.endswith("i")
            else ""
        )
        got = forms.get((root, sfx))
        if got is not None:
            out[i] = got[1] if w.startswith("di") else got[0]
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[DictEntry, _Compiled, str | None, int]]]:
    """First word of a variant -> the variants that start with it."""
    idx: dict[str, list[tuple[DictEntry, _Compiled, str | None, int]]] = {}
    for e in entries():
        for slots, voice, anchor in e.variants:
            first = next((i for i, s in enumerate(slots) if not s[0].startswith("*")), 0)
            if first != 0:
                slots = slots[first:]
                anchor = max(0, anchor - first)
            compiled = _compile_slots(slots)
            for alt in slots[0]:
                key = alt.split("_")[0]
                if key != "-":
                    idx.setdefault(key, []).append((e, compiled, voice, anchor))
    return idx


def _compile_slots(slots: tuple[tuple[str, ...], ...]) -> _Compiled:
    """Slots in the form ``_match`` reads without re-parsing them on every try: a gap
    ``*N`` becomes the int N, each alternative its list of words (``None`` for ``-``)."""
    out: list[int | tuple[list[str] | None, ...]] = []
    for alts in slots:
        if alts[0].startswith("*"):
            out.append(int(alts[0][1:]))
        else:
            out.append(tuple(None if alt == "-" else alt.split("_") for alt in alts))
    return tuple(out)


@dataclass(slots=True)
class _Try:
    """One attempt to match a variant: the words, the slots, what matched so far."""

    words: list[str]
    slots: _Compiled
    anchor_slot: int
    got: list[int]
    anchor_pos: list[int]


def _match_gap(t: _Try, pos: int, si: int, limit: int) -> int | None:
    for skip in range(limit + 1):
        p = pos + skip
        if p > len(t.words):
            break
        if skip and t.words[p - 1] in GAP_STOP:
            break
        end = _match(t, p, si + 1)
        if end is not None:
            return end
    return None


def _match(t: _Try, pos: int, si: int) -> int | None:
    """Match ``t.slots[si:]`` at ``t.words[pos:]``; returns the end position or None."""
    if si == len(t.slots):
        return pos
    alts = t.slots[si]
    if isinstance(alts, int):
        return _match_gap(t, pos, si, alts)
    for parts in alts:
        if parts is None:
            end = _match(t, pos, si + 1)
            if end is not None:
                return end
            continue
        if t.words[pos : pos + len(parts)] != parts:
            continue
        mark = len(t.got)
        t.got.extend(range(pos, pos + len(parts)))
        if si == t.anchor_slot:
            t.anchor_pos.append(pos)
        end = _match(t, pos + len(parts), si + 1)
        if end is not None:
            return end
        del t.got[mark:]
        if si == t.anchor_slot:
            t.anchor_pos.pop()
    return None


def find_patterns(words: list[str]) -> list[PatternMatch]:
    """Every dictionary match in ``words`` (already normalised by :func:`normal_words`)."""
    idx = _index()
    out: list[PatternMatch] = []
    for i, w in enumerate(words):
        for e, slots, voice, anchor in idx.get(w, ()):
            t = _Try(words, slots, anchor, [], [])
            end = _match(t, i, 0)
            if end is None:
                continue
            got = t.got
            a = t.anchor_pos[0] if t.anchor_pos else got[0]
            out.append(PatternMatch(e, voice, a, got, got[0], got[-1] + 1))
    return out
