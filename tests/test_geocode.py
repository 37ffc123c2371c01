"""Geocoding: choosing among places that share a name, and Places for entities."""

from __future__ import annotations

from types import SimpleNamespace

import spacy

from warta.analysis.entities import resolve_entities
from warta.analysis.geocode import geocode, pick_place
from warta.knowledge import kb
from warta.lang.id import HOME_COUNTRY
from warta.record import Analysis, Article, Entity, Published, Span


def _entry(eid, country):
    return SimpleNamespace(id=eid, country=country, kind="place")


def test_pick_place_prefers_a_country_the_article_names():
    a, b = _entry("p/a", "USA"), _entry("p/b", "GBR")
    assert pick_place([a, b], countries={"GBR"}) is b
    assert pick_place([a, b], countries={"USA"}) is a


def test_pick_place_falls_back_on_indonesia_then_the_first_entry():
    a, b = _entry("p/a", "AUS"), _entry("p/b", HOME_COUNTRY)
    assert pick_place([a, b]) is b
    c = _entry("p/c", "NZL")
    assert pick_place([a, c]) is a


def test_pick_place_keeps_a_place_already_linked():
    a, b = _entry("p/a", "IDN"), _entry("p/b", "MYS")
    assert pick_place([a, b], countries={"IDN"}, prefer={"p/b": 12}) is b


def test_every_place_entity_gets_a_place_with_coordinates():
    text = "Delegasi berangkat dari Jakarta ke Moskow, lalu ke Kyiv dan Beijing."
    a = Analysis(
        article=Article(id="g", text=text, published=Published("2022-01-10", "day", "test"))
    )
    doc = spacy.blank("id")(text)
    ents = resolve_entities(a, doc)
    places, dateline = geocode(a, ents)
    assert dateline is None
    by_name = {text[e.mentions[0].start : e.mentions[0].end]: e for e in ents if e.mentions}
    want = {"Jakarta": "IDN", "Moskow": "RUS", "Kyiv": "UKR", "Beijing": "CHN"}
    for surface, country in want.items():
        ent = by_name[surface]
        place = next(p for p in places if p.entity_id == ent.id)
        assert place.country == country, surface
        assert place.lat is not None and place.lon is not None, surface
        assert place.kb_id == ent.kb_id


def test_unknown_place_is_listed_without_coordinates():
    text = "Warga Kampung Zzyzxq mengungsi."
    ent = Entity(id="e1", type="LOC", name="Kampung Zzyzxq", mentions=[Span(6, 20)])
    a = Analysis(article=Article(id="g", text=text))
    places, _ = geocode(a, [ent])
    assert len(places) == 1 and places[0].lat is None and places[0].entity_id == "e1"


def test_admin1_for_an_indonesian_regency():
    hits = [e for e in kb().lookup("Temanggung", kinds=("place",)) if e.admin1]
    assert hits, "the knowledge base should know Temanggung with its province"
    text = "Bupati Temanggung meninjau kebun kopi di Temanggung."
    a = Analysis(article=Article(id="g", text=text))
    ents = resolve_entities(a, spacy.blank("id")(text))
    places, _ = geocode(a, ents)
    place = next(p for p in places if p.name and "Temanggung" in p.name)
    assert place.admin1 and "Jawa Tengah" in place.admin1
    assert place.country == "IDN"
