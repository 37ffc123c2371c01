"""Geocoding: coordinates, country and province for every place an article names.

``geocode(analysis, entities)`` reads the entities that :func:`resolve_entities` found
and returns one :class:`~warta.record.Place` per place-like entity (countries, cities,
provinces, regions), plus the entity id of the dateline place::

    places, dateline_id = geocode(analysis, entities)
    analysis.places = places
    if analysis.article.dateline is not None:
        analysis.article.dateline.place_id = dateline_id

Ambiguous place names are settled by :func:`pick_place`: a candidate in a country the
article names wins, then one in Indonesia (the outlets' home country), then the first
entry the knowledge base lists (its tables list the better-known place first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from warta.knowledge import kb as shipped_kb
from warta.lang.id import HOME_COUNTRY
from warta.record import Analysis, Entity, Place

__all__ = ["geocode", "pick_place"]

_PLACE_TYPES = frozenset({"LOC", "GPE"})


def pick_place(
    candidates: Iterable[Any],
    countries: Iterable[str] = (),
    prefer: Mapping[str, int] | None = None,
) -> Any:
    """Choose among KB place entries sharing a name, by the article's context.

    ``countries``: alpha-3 codes the article names; ``prefer``: entry ids already linked
    elsewhere in the article (a place named in full once is the one meant later).
    """
    cands = list(candidates)
    if not cands:
        return None
    countries = set(countries)
    prefer = prefer or {}

    def key(item: tuple[int, Any]) -> tuple:
        i, e = item
        return (
            -(prefer.get(e.id, 0) > 0),
            -(e.country in countries),
            -(e.country == HOME_COUNTRY),
            i,
        )

    return min(enumerate(cands), key=key)[1]


@lru_cache(maxsize=4)
def _capitals(kb: Any) -> dict[str, Any]:
    """Capital entry per country code, built once per knowledge base."""
    out: dict[str, Any] = {}
    for e in kb.entries("place"):
        code = (getattr(e, "extra", None) or {}).get("capital_of")
        if code and e.lat is not None:
            out.setdefault(code, e)
    return out


def _coords(entry: Any, kb: Any) -> tuple[float | None, float | None]:
    if entry.lat is not None:
        return entry.lat, entry.lon
    if entry.kind == "country":
        # Countries without their own point take their capital's (see docs/entities.md).
        cap = _capitals(kb).get(entry.country or entry.id[-3:])
        if cap is not None:
            return cap.lat, cap.lon
    return None, None


def _kind(entry: Any) -> str | None:
    if entry is None:
        return None
    if entry.kind == "country":
        return "country"
    extra = getattr(entry, "extra", None) or {}
    return extra.get("place_kind") or extra.get("level") or extra.get("kind") or "place"


def geocode(
    analysis: Analysis, entities: list[Entity], *, kb: Any = None
) -> tuple[list[Place], str | None]:
    """Places for the place entities of ``entities``, and the dateline's entity id.

    Returns ``(places, dateline_entity_id)``; the id is ``None`` when the article has no
    dateline or its place is unknown to the knowledge base. A place the knowledge base
    does not know is still listed, without coordinates.
    """
    if kb is None:
        kb = shipped_kb()
    places: list[Place] = []
    for ent in entities:
        if ent.type not in _PLACE_TYPES:
            continue
        entry = kb.get(ent.kb_id) if ent.kb_id else None
        if entry is None and ent.type == "LOC":
            # An unlinked place name the model found: a direct lookup may still know it.
            found = kb.lookup(ent.name, kinds=("place", "country"))
            countries = {e.country for e in entities if e.type == "GPE" and e.country}
            entry = pick_place(found, countries) if found else None
        if entry is not None and entry.kind not in ("place", "country"):
            entry = None
        lat, lon = _coords(entry, kb) if entry is not None else (None, None)
        places.append(
            Place(
                entity_id=ent.id,
                name=entry.name if entry is not None else ent.name,
                lat=lat,
                lon=lon,
                country=(entry.country if entry is not None else None) or ent.country,
                admin1=entry.admin1 if entry is not None else None,
                kind=_kind(entry),
                kb_id=entry.id if entry is not None else None,
            )
        )
    return places, _dateline_entity(analysis, entities, kb)


def _dateline_entity(analysis: Analysis, entities: list[Entity], kb: Any) -> str | None:
    dl = analysis.article.dateline
    if dl is None or not dl.place:
        return None
    ids = {e.id for e in kb.lookup(dl.place.strip().title(), kinds=("place", "country"))}
    for ent in entities:
        if ent.kb_id in ids and ent.type in _PLACE_TYPES:
            return ent.id
    return None
