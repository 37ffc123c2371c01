"""Find dictionary patterns in a sentence's words (private helper of ``events.py``).

Matching is on lower-cased surface words, so it works whatever the lemmatiser does; a
clitic "-nya" is stripped ("membantunya" is "membantu"). Gaps (``*``) never cross a comma,
semicolon, colon or quotation mark: a pattern stays inside one clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.analysis.event_morph import di, men
from warta.knowledge.cameo import DictEntry, entries

__all__ = ["PatternMatch", "find_patterns", "lemma_words", "normal_words"]

# A gap stops at clause punctuation, attribution and conditions: "mengancam sanksi jika
# Moskow melancarkan serangan" must not read as "mengancam ... melancarkan serangan".
_GAP_STOP = frozenset({",", ";", ":", "“", "”", '"', "(", ")", ".", "?", "!", "kata", "ujar",
                       "jika", "apabila", "kalau", "bila", "jikalau", "seandainya", "kecuali",
                       "andaikan", "sementara", "setelah", "sebelum", "karena"})


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
        sfx = "kan" if w.endswith("kan") and not root.endswith("kan") else \
            "i" if w.endswith("i") and not root.endswith("i") else ""
        got = forms.get((root, sfx))
        if got is not None:
            out[i] = got[1] if w.startswith("di") else got[0]
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[DictEntry, tuple, str | None, int]]]:
    idx: dict[str, list] = {}
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


def _compile_slots(slots: tuple) -> tuple:
    """Slots in the form ``_match`` reads without re-parsing them on every try: a gap
    ``*N`` becomes the int N, each alternative its list of words (``None`` for ``-``)."""
    out = []
    for alts in slots:
        if alts[0].startswith("*"):
            out.append(int(alts[0][1:]))
        else:
            out.append(tuple(None if alt == "-" else alt.split("_") for alt in alts))
    return tuple(out)


def _match(slots: tuple, words: list[str], pos: int, si: int, got: list[int],
           anchor_slot: int, anchor_pos: list[int]) -> int | None:
    """Match ``slots[si:]`` (from :func:`_compile_slots`) at ``words[pos:]``; returns the
    end position or None."""
    if si == len(slots):
        return pos
    alts = slots[si]
    if isinstance(alts, int):
        limit = alts
        for skip in range(limit + 1):
            p = pos + skip
            if p > len(words):
                break
            if skip and words[p - 1] in _GAP_STOP:
                break
            end = _match(slots, words, p, si + 1, got, anchor_slot, anchor_pos)
            if end is not None:
                return end
        return None
    for parts in alts:
        if parts is None:
            end = _match(slots, words, pos, si + 1, got, anchor_slot, anchor_pos)
            if end is not None:
                return end
            continue
        if words[pos:pos + len(parts)] == parts:
            mark = len(got)
            got.extend(range(pos, pos + len(parts)))
            if si == anchor_slot:
                anchor_pos.append(pos)
            end = _match(slots, words, pos + len(parts), si + 1, got, anchor_slot, anchor_pos)
            if end is not None:
                return end
            del got[mark:]
            if si == anchor_slot:
                anchor_pos.pop()
    return None


def find_patterns(words: list[str]) -> list[PatternMatch]:
    """Every dictionary match in ``words`` (already normalised by :func:`normal_words`)."""
    idx = _index()
    out: list[PatternMatch] = []
    for i, w in enumerate(words):
        for e, slots, voice, anchor in idx.get(w, ()):
            got: list[int] = []
            anchor_pos: list[int] = []
            end = _match(slots, words, i, 0, got, anchor, anchor_pos)
            if end is None:
                continue
            a = anchor_pos[0] if anchor_pos else got[0]
            out.append(PatternMatch(e, voice, a, got, got[0], got[-1] + 1))
    return out
