"""The entity evaluation: its scoring rules, the dev gold's shape, and the quality floor
of the whole pipeline on the dev gold (articles read from ../shared at run time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.evaluation.entities import EntityScores, evaluate, load_gold, score_article
from warta.knowledge import kb
from warta.record import Analysis, Article, Entity, Place, Span

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold" / "entities_dev.jsonl"
NEWS = ROOT.parent / "shared" / "data" / "news"

# Floors on the dev gold (the targets); raise them deliberately, never lower.
MIN_LINK_PRECISION = 0.95
MIN_LINK_RECALL = 0.85
MIN_CAMEO_ACCURACY = 0.80
MIN_GEO_ACCURACY = 0.85


def test_gold_shape_and_facts_only():
    gold = load_gold(GOLD)
    assert len(gold) >= 30
    assert len({g["id"] for g in gold}) == len(gold)
    for g in gold:
        assert g["id"] and g["url"].startswith("http")
        assert g["entities"]
        for e in g["entities"]:
            assert e["type"] in {"PER", "ORG", "LOC", "GPE"}
            # Names and codes only: no sentence of the article is stored.
            for value in (e["name"], *e["surfaces"]):
                assert len(value) <= 60 and "." not in value.rstrip("."), value
            if e.get("kb_id"):
                assert kb().get(e["kb_id"]) is not None, f"stale gold id {e['kb_id']}"
            if e.get("cameo"):
                assert e["cameo"].isupper() and len(e["cameo"]) >= 3


def _analysis(text, entities, places=()):
    return Analysis(
        article=Article(id="a", text=text), entities=list(entities), places=list(places)
    )


def test_scoring_counts_links_ignores_and_refined_codes():
    text = "Presiden Joko Widodo bertemu Raja Salman di Riyadh. Teheran membantah."
    gold = {
        "id": "a",
        "entities": [
            {
                "name": "Joko Widodo",
                "type": "PER",
                "surfaces": ["Joko Widodo"],
                "kb_id": "p/jokowi",
                "cameo": "IDNGOV",
            },
            {
                "name": "Salman",
                "type": "PER",
                "surfaces": ["Salman"],
                "kb_id": "p/salman",
                "cameo": "SAUGOV",
            },
            {
                "name": "Riyadh",
                "type": "LOC",
                "surfaces": ["Riyadh"],
                "kb_id": "pl/riyadh",
                "coord": [24.7, 46.7],
            },
            {
                "name": "Gaza",
                "type": "LOC",
                "surfaces": ["Gaza"],
                "kb_id": "pl/gaza",
                "coord": [31.5, 34.5],
            },  # not in this text: not scored
        ],
        "ignore": ["Teheran"],
    }
    s = text.index
    preds = [
        Entity(
            "e1",
            "PER",
            "Joko Widodo",
            kb_id="p/jokowi",
            cameo="IDNGOVX",
            mentions=[Span(s("Joko"), s("Joko") + 11)],
        ),
        Entity(
            "e2",
            "PER",
            "Salman",
            kb_id="p/other",
            cameo="SAUGOV",
            mentions=[Span(s("Salman"), s("Salman") + 6)],
        ),
        Entity(
            "e3", "LOC", "Riyadh", kb_id="pl/riyadh", mentions=[Span(s("Riyadh"), s("Riyadh") + 6)]
        ),
        Entity(
            "e4",
            "LOC",
            "Teheran",
            kb_id="pl/teheran",
            mentions=[Span(s("Teheran"), s("Teheran") + 7)],
        ),
    ]
    places = [Place("e3", "Riyadh", lat=24.9, lon=46.6, country="SAU")]
    scores = EntityScores()
    score_article(gold, _analysis(text, preds, places), scores)
    # e1 right, e2 wrong, e3 right, e4 inside an ignored form.
    assert (scores.link_tp, scores.link_pred, scores.link_gold) == (2, 3, 3)
    # IDNGOVX refines IDNGOV; e2's code is right although its link is wrong.
    assert (scores.cameo_ok, scores.cameo_total) == (2, 2)
    assert (scores.geo_ok, scores.geo_total) == (1, 1)


def test_geocoding_is_wrong_far_from_the_gold_point():
    text = "Banjir melanda Jayapura."
    gold = {
        "id": "a",
        "entities": [
            {
                "name": "Jayapura",
                "type": "LOC",
                "surfaces": ["Jayapura"],
                "kb_id": None,
                "coord": [-2.53, 140.72],
            }
        ],
    }
    ent = Entity("e1", "LOC", "Jayapura", mentions=[Span(15, 23)])
    far = Place("e1", "Jayapura", lat=-6.2, lon=106.8, country="IDN")
    scores = EntityScores()
    score_article(gold, _analysis(text, [ent], [far]), scores)
    assert (scores.geo_ok, scores.geo_total) == (0, 1)


@pytest.fixture(scope="module")
def dev_scores():
    if not NEWS.is_dir():
        pytest.skip(f"shared news not found at {NEWS} (fresh clone without ../shared)")
    return evaluate(load_gold(GOLD), NEWS)


def test_quality_floor_on_the_dev_gold(dev_scores):
    summary = dev_scores.summary()
    print(json.dumps(summary, indent=2))
    assert dev_scores.articles == len(load_gold(GOLD))
    assert dev_scores.link_precision >= MIN_LINK_PRECISION, summary
    assert dev_scores.link_recall >= MIN_LINK_RECALL, summary
    assert dev_scores.cameo_accuracy >= MIN_CAMEO_ACCURACY, summary
    assert dev_scores.geo_accuracy >= MIN_GEO_ACCURACY, summary
