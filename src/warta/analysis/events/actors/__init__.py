"""Actor mentions of one sentence, as the event coder sees them.

An actor mention is a token range with a CAMEO actor code. They come from the resolved
entities of the analysis (``Entity.mentions``, the longest covering mention wins, so
"tentara Rusia" beats "Rusia"); when the analysis carries no entities (a bare sentence, a
test) the knowledge base's alias matcher and agent words stand in. Pronouns are kept as
unresolved mentions so that the coder can resolve them against the sentence.

The steps live in small modules: ``mention`` (the record), ``words`` (word
classes and the agents.txt look-ups), ``sources`` (entities or KB), ``roles``
(agent words, coordinations, places), ``titles`` (titles, former office holders),
``bare`` (standalone agent words, pronouns). A knowledge base that cannot load
raises: it does not silently give no actors.
"""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors.bare import bare_agents, pronouns
from warta.analysis.events.actors.mention import ActorMention
from warta.analysis.events.actors.roles import (
    enrich,
    inherit,
    merge_adjacent,
    placelike,
    recode_org_country,
    share_role,
    sport,
)
from warta.analysis.events.actors.sources import from_entities, from_kb
from warta.analysis.events.actors.titles import former, titled, untagged_titled
from warta.analysis.events.actors.words import PRONOUNS
from warta.record import Analysis

__all__ = ["PRONOUNS", "ActorMention", "sentence_actors"]

# Codes of actors that belong to no one country: never the country a sentence is about.
_NO_COUNTRY = ("IGO", "NGO", "IMG", "MNC")


def _dateline_country(analysis: Analysis) -> str | None:
    """The country of the place the article reports from (its dateline), or None."""
    dateline = analysis.article.dateline
    if dateline is None or dateline.place_id is None:
        return None
    place = next((p for p in analysis.places if p.entity_id == dateline.place_id), None)
    return place.country if place is not None else None


def _outermost(doc: Any, found: list[ActorMention]) -> list[ActorMention]:
    """Nested mentions dropped: the longest mention first, so a covering group ("tentara
    Rusia") hides its country; on equal spans the more specific code wins ("SRBMIL" over
    "SRB"). An uncoded cover takes the code of a coded mention inside it."""
    found.sort(
        key=lambda a: (
            a.tok_start,
            -(a.tok_end - a.tok_start),
            a.kind != "actor",
            -len(a.code or ""),
        )
    )
    kept: list[ActorMention] = []
    for a in found:
        cover = next(
            (
                n
                for n, k in enumerate(kept)
                if k.tok_start <= a.tok_start and a.tok_end <= k.tok_end
            ),
            None,
        )
        if cover is None:
            kept.append(a)
        elif not kept[cover].code and a.code and a.kind in ("actor", "place"):
            kept[cover] = inherit(doc, kept[cover], a)
    return kept


def _sentence_country(kept: list[ActorMention]) -> str | None:
    """The country the sentence is about: its first country actor, else its first place."""
    actor = next(
        (
            a.code[:3]
            for a in kept
            if a.kind == "actor"
            and a.code
            and a.code[:3].isalpha()
            and a.code[:3].isupper()
            and not a.code.startswith(_NO_COUNTRY)
        ),
        None,
    )
    return actor or next((a.code[:3] for a in kept if a.kind == "place" and a.code), None)


def sentence_actors(
    analysis: Analysis, doc: Any, s0: int, s1: int, date: str | None = None
) -> list[ActorMention]:
    """Actor mentions inside doc tokens ``[s0, s1)``, sorted, without nested duplicates."""
    found = from_entities(analysis, doc, s0, s1) if analysis.entities else []
    if not found:
        found = from_kb(doc, s0, s1, date)
    kept = _outermost(doc, [enrich(doc, a, s0) for a in found if not sport(doc, a, s0)])
    kept = recode_org_country(doc, kept)
    kept = merge_adjacent(doc, kept)
    kept = [b for b in (placelike(doc, a, s0) for a in kept) if b is not None]
    kept = share_role(doc, kept)
    taken = {i for a in kept for i in range(a.tok_start, a.tok_end)}
    country = _sentence_country(kept)
    # The sentence's lower-cased words, read once for the word-class look-ups below.
    lows = [t.lower_ for t in doc[s0:s1]]
    # Agent words with no country in their sentence ("ribuan nelayan berunjuk rasa") belong
    # to the country the article reports from: its dateline place's country.
    kept.extend(bare_agents(doc, s0, s1, lows, taken, country or _dateline_country(analysis)))
    if country:
        kept = [titled(doc, a, s0, country) for a in kept]
        kept.extend(untagged_titled(doc, s0, s1, lows, taken, country))
    kept = [former(doc, a, s0) for a in kept]
    taken = {i for a in kept for i in range(a.tok_start, a.tok_end)}
    kept.extend(pronouns(doc, s0, s1, lows, taken))
    kept.sort(key=lambda a: a.tok_start)
    return kept
