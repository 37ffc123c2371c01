"""Mentions and the article context they are read in.

A :class:`Mention` is one stretch of text that names someone or something, with what the
rules have learnt about it so far. :class:`Context` is what every rule may read about the
article, built once: the text, the knowledge base, the publication date, the knowledge
base's alias matches and what the language model labelled. Its fields never change; the
alias matches in it are mentions that the steps complete (label, entry, roles) in place.
:class:`Found` holds the mentions the steps of
:func:`~warta.analysis.entities.resolve.resolve_entities` keep and drop, in the order they
run.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from warta.record import Role

from .title_patterns import SPAN_TITLE

__all__ = [
    "KIND_ORDER",
    "KIND_TYPES",
    "LABEL_KINDS",
    "NER_TYPES",
    "Context",
    "Found",
    "Mention",
    "agent_sector",
    "alpha3",
    "kb_mentions",
    "overlapping",
]

# The model's labels (spaCy's and NERGRIT's spellings) -> ours.
NER_TYPES = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "GPE",
    "PLACE": "LOC",
    "NORP": "NORP",
}
KIND_TYPES = {  # not words: knowledge-base kinds -> entity types
    "country": "GPE",
    "igo": "ORG",
    "org": "ORG",
    "person": "PER",
    "place": "LOC",
}
# Which KB kinds a NER label is compatible with (first = preferred).
LABEL_KINDS = {
    "PER": ("person",),
    "ORG": ("org", "igo", "country"),
    "LOC": ("place", "country"),
    "GPE": ("country", "place"),
}
# Which kind wins when an alias names several entries.
KIND_ORDER = {"country": 0, "igo": 1, "org": 2, "place": 3, "person": 4}  # not words: KB kinds

_WS = re.compile(r"\s+")
_CAPITAL_WORD = re.compile(r"(?<![\w\-])[A-Z0-9]")


@dataclass(slots=True)
class Mention:
    """One stretch of text naming someone or something; ``start == -1`` for the dateline
    place that the body never names."""

    start: int  # character offsets into the article text
    end: int
    label: str | None = None  # PER | ORG | LOC | GPE | GROUP
    entry: Any = None  # the chosen KB entry
    cands: tuple = ()  # KB entries the surface form may mean
    from_ner: bool = False
    roles: list[Role] = field(default_factory=list)
    country: str | None = None  # from the text (role qualifier, agent phrase)
    sector: str | None = None
    cameo: str | None = None  # fixed by the phrase (agent groups, capitals acting)
    key: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What every rule may read about one article; built once, its fields never change
    (``kb_matches`` holds mentions the steps complete in place)."""

    text: str
    kb: Any
    date: str | None  # the publication day, ISO
    kb_matches: tuple[Mention, ...]  # one per KB alias match, sorted by start
    starts: tuple[int, ...]  # their starts, for bisection
    foreign: bool  # the article names no Indonesian country, place or person
    per_words: frozenset[str]  # words of the model's PER spans
    other_names: frozenset[str]  # the model's ORG/LOC/GPE spans, as written
    per_alone: frozenset[str]  # one-word PER spans ("Boston" for a person)
    lower_words: frozenset[str]  # the words the article writes all in lower case


@dataclass(slots=True)
class Found:
    """The mentions the resolution steps keep, and the KB matches they set aside."""

    mentions: list[Mention] = field(default_factory=list)  # mentions kept so far
    dropped: set[int] = field(default_factory=set)  # ids of KB matches shown not to be names
    looked_up: list[Mention] = field(default_factory=list)  # spans linked by a direct lookup


def alpha3(entry: Any) -> str | None:
    """The country code of a KB entry (a country's own, or the country it belongs to)."""
    if entry is None:
        return None
    if entry.kind == "country":
        return entry.country or (entry.cameo[:3] if entry.cameo else None) or entry.id[-3:]
    return entry.country


def agent_sector(kb: Any, words: str) -> str | None:
    """The CAMEO sector the agent word(s) ``words`` give ("tentara" -> "MIL"), or None."""
    sector = kb.agent(_WS.sub(" ", words.strip().lower()))
    return (sector.strip("~[]")[:3] or None) if sector else None


def kb_mentions(text: str, kb: Any, offset: int = 0) -> list[Mention]:
    """One mention per knowledge-base alias in ``text`` written as a name."""
    out = []
    for m in kb.find_aliases(text):
        surface = text[m.start : m.end]
        # Lower-case surface forms are ordinary words ("batu", "serang"); names are
        # written with a capital. A lower-case alias may still end in a name
        # ("pemerintah Indonesia"): look for names inside it.
        if not (surface[0].isupper() or surface[0].isdigit()):
            cap = _CAPITAL_WORD.search(surface)
            if cap is not None:
                out.extend(kb_mentions(surface[cap.start() :], kb, offset + m.start + cap.start()))
            continue
        entries = [e for e in (kb.get(i) for i in m.entry_ids) if e is not None]
        entries = [e for e in entries if e.kind != "agent"]
        if not entries:
            continue
        entries.sort(key=lambda e: KIND_ORDER.get(e.kind, 9))
        start = m.start
        if all(e.kind == "person" for e in entries):
            # Aliases such as "Presiden Putin": the mention is the name, the title is
            # read as a role by the title rules.
            t = SPAN_TITLE.match(surface)
            if t is not None and surface[t.end() :].strip():
                rest = surface[t.end() :]
                start += t.end() + len(rest) - len(rest.lstrip())
        out.append(
            Mention(
                offset + start,
                offset + m.end,
                entry=entries[0] if len(entries) == 1 else None,
                cands=tuple(entries),
            )
        )
    return out


def overlapping(ctx: Context, start: int, end: int) -> list[Mention]:
    """The KB matches that overlap ``text[start:end]``, in text order."""
    i = bisect_left(ctx.starts, start)
    # A match starting before ``start`` may still reach into the span.
    j = max(0, i - 1)
    out = []
    while j < len(ctx.kb_matches) and ctx.kb_matches[j].start < end:
        m = ctx.kb_matches[j]
        if m.end > start:
            out.append(m)
        j += 1
    return out
