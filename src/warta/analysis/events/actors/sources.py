"""Where a sentence's actor mentions come from: the resolved entities of the analysis (the
normal path) or, when the analysis carries none (a bare sentence, a test), the knowledge
base's alias matcher with the agent words before a country."""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors.mention import ActorMention
from warta.analysis.events.actors.words import DIRECTIONS
from warta.knowledge import kb
from warta.record import Analysis, Entity

__all__ = ["from_entities", "from_kb"]

# The entity types kept as mentions; every other type (dates, amounts, works, ...) never
# acts in an event. A place (LOC) is kept as a "place" mention, which locates an event or,
# failing a better actor, stands for its country as a target; it becomes an "actor" only
# when the entity stage left it uncoded and the knowledge base reads it as a country
# ("Sri Lanka" tagged as a place).
_ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "GROUP", "NORP", "LOC"})


def _code_of(ent: Entity) -> str | None:
    if ent.cameo:
        return ent.cameo
    if ent.country and ent.sector:
        return ent.country + ent.sector
    return ent.country


def _kb_code(text: str) -> str | None:
    """A code for a mention the entity stage left without one ("Sri Lanka" read as PER,
    "Israel utara" as an unknown place)."""
    low = text.lower()
    for d in DIRECTIONS:
        if low.endswith(" " + d):
            text = text[: -len(d) - 1]
            break
    for e in kb().lookup(text, kinds=("country", "igo", "org")):
        if e.cameo or e.country:
            return e.cameo or e.country
    return None


def from_entities(analysis: Analysis, doc: Any, s0: int, s1: int) -> list[ActorMention]:
    """The mentions of the analysis's actor entities inside doc tokens ``[s0, s1)``."""
    out: list[ActorMention] = []
    c0, c1 = doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1].text)
    # ``doc.text`` is rebuilt on every access: read the article text instead.
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    text = analysis.article.text if len(analysis.article.text or "") == end else doc.text
    for ent in analysis.entities:
        if ent.type not in _ACTOR_TYPES:
            continue
        code = _code_of(ent)
        country_like = False
        if code is None and ent.mentions:
            code = _kb_code(text[ent.mentions[0].start : ent.mentions[0].end])
            country_like = code is not None and len(code) == 3
        kind = "actor"
        if ent.type == "LOC" and not country_like:
            # Plain places (cities, regions) only locate an event or, failing a better
            # actor, stand for their country as a target.
            kind = "place"
        for m in ent.mentions:
            if m.end <= c0 or m.start >= c1:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(
                ActorMention(
                    span.start,
                    span.end,
                    code,
                    ent.id,
                    text[m.start : m.end],
                    m.start,
                    m.end,
                    kind,
                    ent.type,
                )
            )
    return out


def from_kb(doc: Any, s0: int, s1: int, date: str | None) -> list[ActorMention]:
    """Stand-in when no entities were resolved: KB aliases plus agent words before them."""
    k = kb()
    c0 = doc[s0].idx
    # The sentence's own text, not a slice of ``doc.text``: spaCy rebuilds that from
    # every token on each access, which made this the slowest line of the event stage.
    text = doc[s0:s1].text
    out: list[ActorMention] = []
    for m in k.find_aliases(text):
        entry = k.get(m.entry_ids[0])
        if entry is None or entry.kind == "agent":
            continue
        code = entry.cameo or entry.country
        if entry.kind == "person" and date:
            role = k.role_on(entry.id, date)
            if role is not None:
                code = role.cameo
        kind = "place" if entry.kind == "place" else "actor"
        span = doc.char_span(c0 + m.start, c0 + m.end, alignment_mode="expand")
        if span is None:
            continue
        start = span.start
        if entry.kind == "country" and code:
            # An agent word right before a country makes a sector actor: "tentara Rusia".
            for n in (2, 1):
                if start - n < s0:
                    continue
                sector = k.agent(" ".join(t.text for t in doc[start - n : start]))
                if sector:
                    code, start = code + sector, start - n
                    break
        out.append(
            ActorMention(
                start,
                span.end,
                code,
                None,
                doc[start : span.end].text,
                doc[start].idx,
                span.end_char,
                kind,
                entry.kind.upper(),
            )
        )
    return out
