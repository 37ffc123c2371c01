"""Actors named without a name: agent words that act by themselves ("pemberontak",
"para demonstran", "ribuan buruh"), coded with the sentence's (or the dateline's) country
and the word's sector from agents.txt; and pronouns, kept unresolved for the coder."""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors.mention import ActorMention
from warta.analysis.events.actors.words import (
    AGENT_MODIFIER_HEADS,
    BARE_AGENTS,
    DOER_POSSESSOR_NOUNS,
    GROUP_MARKERS,
    GROUP_NOUNS,
    PRONOUNS,
    sector_word,
)

__all__ = ["bare_agents", "pronouns"]


def _bare_agent_at(lows: list[str], i: int, s0: int, s1: int) -> str | None:
    """The standalone agent word (two words or one) starting at token ``i``, or None."""
    w = lows[i - s0]
    two = f"{w} {lows[i + 1 - s0]}" if i + 1 < s1 else ""
    return two if two in BARE_AGENTS else w if w in BARE_AGENTS else None


def _modifier(doc: Any, i: int, s0: int) -> bool:
    """True when the word before token ``i`` makes the agent word a modifier ("kantor
    polisi", "bernomor polisi") rather than an actor ("tuntutan pemberontak" is one)."""
    if i <= s0:
        return False
    prev = doc[i - 1].lower_
    if prev in GROUP_MARKERS:
        return False
    return (doc[i - 1].pos_ in ("NOUN", "PROPN") or prev in AGENT_MODIFIER_HEADS) and (
        prev not in DOER_POSSESSOR_NOUNS
    )


def bare_agents(
    doc: Any, s0: int, s1: int, lows: list[str], taken: set[int], country: str | None
) -> list[ActorMention]:
    """Standalone agent words in tokens ``[s0, s1)`` outside ``taken``, coded ``country`` +
    their sector ("para demonstran" IDNOPP), or the bare sector ("COP") when no country is
    known."""
    out = []
    for i in range(s0, s1):
        if i in taken:
            continue
        key = _bare_agent_at(lows, i, s0, s1)
        if key is None or _modifier(doc, i, s0):
            continue
        lo, hi = i, i + (2 if " " in key else 1)
        if i > s0 and doc[i - 1].lower_ in GROUP_NOUNS:
            lo = i - 1  # the span takes in "para", "pihak", "kaum", "kelompok"
        sector = sector_word(key)
        if sector:  # with no country at all the code is the bare sector ("COP")
            last = doc[hi - 1]
            out.append(
                ActorMention(
                    lo,
                    hi,
                    (country or "") + sector,
                    None,
                    doc[lo:hi].text,
                    doc[lo].idx,
                    last.idx + len(last.text),
                    "actor",
                    "AGENT",
                )
            )
    return out


def pronouns(doc: Any, s0: int, s1: int, lows: list[str], taken: set[int]) -> list[ActorMention]:
    """Pronouns that can stand for an actor, outside ``taken``, as unresolved mentions
    whose ``etype`` says what they stand for ("per", "grp", "we")."""
    out = []
    for i in range(s0, s1):
        low = lows[i - s0]
        if low in PRONOUNS and i not in taken:
            t = doc[i]
            out.append(
                ActorMention(
                    i,
                    i + 1,
                    None,
                    None,
                    t.text,
                    t.idx,
                    t.idx + len(t.text),
                    "pronoun",
                    PRONOUNS[low],
                )
            )
    return out
