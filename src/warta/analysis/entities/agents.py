"""Agent phrases: groups named by what they are and whose they are.

"tentara Rusia", "Pemerintah Rusia", "para diplomat AS" name a group (CAMEO ``RUSMIL``,
``RUSGOV``, ``USAGOV``): the agent word before a country gives the sector (from
``knowledge/sources/agents.txt``). An agent word before a person ("Pemerintahan Biden")
gives the person a sector, and a capital the parse shows acting ("Moskow mengancam ...")
stands for its government.
"""

from __future__ import annotations

import re
from typing import Any

from .mentions import Context, Found, Mention, agent_sector, alpha3
from .words import GROUP_TITLES, TITLE_SECTORS

__all__ = ["agent_before", "read_phrases"]

_WORDS_BEFORE = re.compile(r"(?:^|[^\w\-])((?:[A-Za-z\-]+\s+)?[A-Za-z\-]+)\s+$")


def agent_before(ctx: Context, start: int) -> tuple[str, str, int] | None:
    """The agent word(s) right before ``text[start:]``: (words, sector, where they start)."""
    lo = max(0, start - 40)
    m = _WORDS_BEFORE.search(ctx.text, lo, start)
    if m is None or m.end() != start:
        return None
    words = m.group(1)
    parts = words.split()
    # Two words first ("angkatan laut"), then the last one ("tentara").
    for n in (2, 1):
        if len(parts) < n:
            continue
        cand = " ".join(parts[-n:])
        key = cand.lower()
        if key in TITLE_SECTORS and key not in GROUP_TITLES:
            return None  # "Presiden Rusia" is a title, read with the person
        sector = agent_sector(ctx.kb, cand)
        if sector:
            wstart = m.start(1) + len(words) - len(cand)
            if n == 1 and len(parts) == 2 and parts[0].lower() == "para":
                wstart = m.start(1)
                cand = words
            return cand, sector, wstart
    return None


def read_phrases(ctx: Context, found: Found, doc: Any) -> None:
    """Agent phrases before countries ("tentara Rusia", "Pemerintah Rusia") become GROUP
    mentions, an agent word before a person ("Pemerintahan Biden") gives a sector, and a
    capital the parse shows acting joins its government's GROUP."""
    groups: list[Mention] = []
    for m in found.mentions:
        if m.entry is None:
            continue
        kind = m.entry.kind
        if kind in ("country", "person"):
            got = agent_before(ctx, m.start)
            if got is None:
                continue
            words, sector, wstart = got
            if kind == "person":
                if sector == "GOV":
                    m.sector = m.sector or "GOV"
                continue
            if _inside_title(ctx, m, found.mentions):
                continue
            code = alpha3(m.entry)
            groups.append(
                Mention(
                    wstart,
                    m.end,
                    label="GROUP",
                    country=code,
                    sector=sector,
                    cameo=f"{code}{sector}",
                    key=f"grp:{code}{sector}",
                    name=f"{words} {m.entry.name}",
                )
            )
        elif kind == "place" and _acts(doc, m.start, m.end):
            code = _capital_of(m.entry)
            if code:
                m.label, m.key, m.country, m.sector, m.cameo = (
                    "GROUP",
                    f"grp:{code}GOV",
                    code,
                    "GOV",
                    f"{code}GOV",
                )
                m.name = f"pemerintah {code}"
                m.entry = None
    found.mentions.extend(groups)


def _inside_title(ctx: Context, m: Mention, mentions: list[Mention]) -> bool:
    """True when a country is the qualifier of a person's title ("Presiden Rusia X")."""
    for other in mentions:
        if other.label != "PER" or not other.roles:
            continue
        if m.end <= other.start and other.start - m.end <= 60:
            between = ctx.text[m.end : other.start]
            if between.strip() == "" or re.fullmatch(r"[\s\w.\-]*", between):
                for r in other.roles:
                    if r.text and ctx.text[m.start : m.end] in r.text:
                        return True
    return False


def _acts(doc: Any, start: int, end: int) -> bool:
    """True when the parse makes ``text[start:end]`` the subject of a verb."""
    try:
        if not doc.has_annotation("DEP"):
            return False
        span = doc.char_span(start, end, alignment_mode="expand")
    except (AttributeError, ValueError):
        return False
    if span is None:
        return False
    root = span.root
    return root.dep_.startswith("nsubj") and root.head.pos_ in ("VERB", "AUX")


def _capital_of(entry: Any) -> str | None:
    extra = getattr(entry, "extra", None) or {}
    return extra.get("capital_of")
