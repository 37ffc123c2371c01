"""Entities and places of the seed article, through the real pipeline.

Reads ``../shared/data/seed/kontan-rusia-china.txt`` at run time (never copied into the
repo) and runs parse_article -> language model -> resolve_entities -> geocode.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from warta.analysis.entities import resolve_entities
from warta.analysis.geocode import geocode
from warta.knowledge import kb
from warta.record import Analysis

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "data" / "seed" / "kontan-rusia-china.txt"


@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        pytest.skip(f"shared data not found at {SEED} (fresh clone without ../shared)")
    from warta.article import parse_article
    from warta.language import load_pipeline
    from warta.sources.raw import RawDocument

    # A plain-text file has no metadata: the date is what a container (feed, JSONL)
    # would give; the article itself only says "Kamis (16/12)".
    raw = RawDocument(
        name=str(SEED),
        text=SEED.read_text(encoding="utf-8"),
        published="2021-12-16",
        outlet="kontan",
    )
    analysis = Analysis(article=parse_article(raw))
    doc = load_pipeline()(analysis.article.text)
    analysis.entities = resolve_entities(analysis, doc)
    analysis.places, dateline_id = geocode(analysis, analysis.entities)
    return analysis, dateline_id


def _person(analysis, name):
    pid = kb().lookup(name, kinds=("person",))
    ids = {e.id for e in pid}
    hits = [e for e in analysis.entities if e.kb_id in ids or e.name == name]
    assert hits, f"{name} not found among {[e.name for e in analysis.entities]}"
    return hits[0]


def _surfaces(analysis, ent):
    return [analysis.article.text[m.start : m.end] for m in ent.mentions]


def test_putin_and_xi(seed):
    analysis, _ = seed
    putin = _person(analysis, "Vladimir Putin")
    assert putin.cameo == "RUSGOV" and putin.country == "RUS"
    assert any(r.title == "Presiden" and r.org_or_country == "RUS" for r in putin.roles)
    # Every "Putin" of the body is one entity (the "Baca Juga" headlines are removed).
    text = analysis.article.text
    assert len(putin.mentions) == text.count("Putin")
    xi = _person(analysis, "Xi Jinping")
    assert xi.cameo == "CHNGOV" and len(xi.mentions) >= 3


def test_us_officials(seed):
    analysis, _ = seed
    biden = _person(analysis, "Joe Biden")
    assert biden.cameo == "USAGOV" and "Biden" in _surfaces(analysis, biden)
    psaki = _person(analysis, "Jen Psaki")
    assert psaki.cameo == "USAGOV" and psaki.country == "USA"
    assert any(
        "Sekretaris Pers" in (r.title or "") or "Sekretaris Pers" in (r.text or "")
        for r in psaki.roles
    )
    donfried = _person(analysis, "Karen Donfried")
    assert donfried.cameo == "USAGOV"


def test_kremlin_side(seed):
    analysis, _ = seed
    ushakov = _person(analysis, "Yuri Ushakov")
    assert ushakov.cameo == "RUSGOV"
    kremlin = [e for e in analysis.entities if "Kremlin" in _surfaces(analysis, e)]
    assert kremlin and all(e.cameo == "RUSGOV" for e in kremlin)
    assert any(e.type == "GROUP" and e.cameo == "RUSMIL" for e in analysis.entities)


def test_nato_and_countries(seed):
    analysis, _ = seed
    nato = [e for e in analysis.entities if "NATO" in _surfaces(analysis, e)]
    assert nato and nato[0].cameo and nato[0].cameo.startswith("IGO") and "NAT" in nato[0].cameo
    countries = {e.country for e in analysis.entities if e.type == "GPE" and e.kb_id}
    assert {"RUS", "CHN", "UKR", "USA", "CAN", "GBR", "AUS"} <= countries


def _dist_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371 * math.acos(max(-1.0, min(1.0, c)))


@pytest.mark.parametrize(
    "name,lat,lon", [("Moskow", 55.75, 37.62), ("Beijing", 39.90, 116.40), ("Kyiv", 50.45, 30.52)]
)
def test_cities_have_coordinates(seed, name, lat, lon):
    analysis, _ = seed
    ids = {e.id for e in analysis.entities if name in _surfaces(analysis, e)}
    places = [p for p in analysis.places if p.entity_id in ids]
    assert places, f"{name} has no Place"
    assert _dist_km(places[0].lat, places[0].lon, lat, lon) < 50


def test_dateline_is_moscow(seed):
    analysis, dateline_id = seed
    assert dateline_id is not None
    place = next(p for p in analysis.places if p.entity_id == dateline_id)
    assert place.country == "RUS"
    assert _dist_km(place.lat, place.lon, 55.75, 37.62) < 50
