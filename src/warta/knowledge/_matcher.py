"""Aho-Corasick alias matching with word boundaries and per-alias case rules.

Two automatons are built: one over lower-cased aliases, run on the lower-cased text,
and one over the aliases that must match exactly as written (acronyms such as "AS",
"MA", "BI", and single words that are also common Indonesian words, such as "Batu" or
"Serang"). The build script decides which aliases are exact (see ``docs/knowledge.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ahocorasick

from ._model import Match

__all__ = ["AliasMatcher"]


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters (e.g. "İ") grow when lower-cased; keep offsets aligned.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_word_char(c: str) -> bool:
    return c.isalnum()


class AliasMatcher:
    """Longest non-overlapping, word-bounded alias matches over a text."""

    __slots__ = ("_exact", "_folded", "_kind_of")

    def __init__(
        self,
        folded: Iterable[tuple[str, str]],
        exact: Iterable[tuple[str, str]],
        kind_of: Callable[[str], str] | None = None,
    ) -> None:
        """``folded``/``exact`` yield ``(alias, entry_id)`` pairs."""
        self._folded = self._build(((a.lower(), a, i) for a, i in folded))
        self._exact = self._build(((a, a, i) for a, i in exact))
        self._kind_of = kind_of

    @staticmethod
    def _build(items: Iterable[tuple[str, str, str]]) -> ahocorasick.Automaton | None:
        table: dict[str, tuple[str, list[str]]] = {}
        for key, alias, entry_id in items:
            if not key.strip():
                continue
            slot = table.setdefault(key, (alias, []))
            if entry_id not in slot[1]:
                slot[1].append(entry_id)
        if not table:
            return None
        auto = ahocorasick.Automaton()
        for key, (alias, ids) in table.items():
            auto.add_word(key, (len(key), alias, tuple(ids)))
        auto.make_automaton()
        return auto

    def find(self, text: str, kinds: frozenset[str] | None = None) -> list[Match]:
        cands: list[tuple[int, int, str, tuple[str, ...]]] = []
        n = len(text)
        for auto, hay in ((self._folded, None), (self._exact, text)):
            if auto is None:
                continue
            if hay is None:
                hay = _lower_same_length(text)
            for end_idx, (length, alias, ids) in auto.iter(hay):
                start = end_idx - length + 1
                end = end_idx + 1
                if start > 0 and _is_word_char(text[start - 1]):
                    continue
                if end < n and _is_word_char(text[end]):
                    continue
                if kinds is not None and self._kind_of is not None:
                    ids = tuple(i for i in ids if self._kind_of(i) in kinds)
                    if not ids:
                        continue
                cands.append((start, end, alias, ids))
        # Merge the same span found by both automatons, then keep the longest spans:
        # longer first, earlier first, skipping any span that overlaps a kept one.
        merged: dict[tuple[int, int], tuple[str, tuple[str, ...]]] = {}
        for s, e, alias, ids in cands:
            if (s, e) in merged:
                old_alias, old_ids = merged[(s, e)]
                merged[(s, e)] = (old_alias, old_ids + tuple(i for i in ids if i not in old_ids))
            else:
                merged[(s, e)] = (alias, ids)
        taken = bytearray(n)
        chosen: list[tuple[int, int]] = []
        for s, e in sorted(merged, key=lambda se: (se[0] - se[1], se[0])):
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e))
        chosen.sort()
        out = [Match(s, e, *merged[(s, e)]) for s, e in chosen]
        return out
