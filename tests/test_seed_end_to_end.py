"""The canonical article, through the whole public API: what every issue promises on it."""

from __future__ import annotations

import pytest

import warta


@pytest.fixture(scope="module")
def seed(seed_text):
    return warta.analyze(seed_text)


def _ent(a, name):
    for e in a.entities:
        if e.name == name or name in e.name:
            return e
    raise AssertionError(f"{name} not among {[e.name for e in a.entities]}")


def test_article_fields(seed):
    art = seed.article
    assert (art.outlet, art.credited_source, art.editor) == ("Kontan", "The Hill", "Noverius Laoli")
    assert art.published.value.startswith("2021-12-16")
    first = art.paragraphs[0]
    assert seed.article.text[first.start : first.end].startswith("Pemerintah Rusia")
    selasa = [d for d in seed.dates if "Selasa" in d.text]
    assert selasa and all(d.value == "2021-12-14" for d in selasa)


@pytest.mark.parametrize(
    "name, cameo",
    [
        ("Vladimir Putin", "RUSGOV"),
        ("Xi Jinping", "CHNGOV"),
        ("Jen Psaki", "USAGOV"),
        ("Karen Donfried", "USAGOV"),
        ("Yuri Ushakov", "RUSGOV"),
        ("Joe Biden", "USAGOV"),
    ],
)
def test_people_resolved_with_codes(seed, name, cameo):
    ent = _ent(seed, name)
    assert ent.type == "PER" and ent.cameo == cameo
    for m in ent.mentions:
        assert seed.article.text[m.start : m.end]


def test_putin_mentions_are_one_entity(seed):
    putin = _ent(seed, "Vladimir Putin")
    assert len(putin.mentions) >= 4


def test_nato_and_countries(seed):
    assert _ent(seed, "NATO").cameo.startswith("IGO")
    codes = {e.cameo for e in seed.entities}
    for c in ("RUS", "CHN", "UKR", "USA", "CAN", "GBR", "AUS"):
        assert any(code and code.startswith(c) for code in codes), c


def test_places_and_dateline(seed):
    by_name = {p.name: p for p in seed.places}
    moscow = next(p for p in seed.places if p.name in ("Moskow", "Moscow", "Moskwa"))
    assert moscow.lat == pytest.approx(55.76, abs=0.1) and moscow.lon == pytest.approx(
        37.62, abs=0.1
    )
    assert any(n in by_name for n in ("Beijing",)) and any(n in by_name for n in ("Kyiv", "Kiev"))
    assert seed.article.dateline.place_id == moscow.entity_id


def _quote(seed, words):
    for q in seed.quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote with {words!r} in {[q.text for q in seed.quotes]}")


@pytest.mark.parametrize(
    "words, speaker",
    [
        ("Saya berterima kasih", "Vladimir Putin"),
        ("teman baik", "Vladimir Putin"),
        ("membuka halaman baru", "Xi Jinping"),
        ("pertanda baik", "Jen Psaki"),
        ("sepenuhnya mendukung", "Yuri Ushakov"),
    ],
)
def test_quotes_have_speakers(seed, words, speaker):
    q = _quote(seed, words)
    assert q.speaker is not None and seed.entity(q.speaker.entity_id).name == speaker
    assert seed.article.text[q.start : q.end] == q.text


def test_relayed_quote_has_via(seed):
    assert _quote(seed, "sepenuhnya mendukung").via == "The New York Times"


def _events(seed, root):
    return [e for e in seed.events if e.root == root]


def _code(actor):
    return (actor.code or "") if actor else ""


def test_events_on_the_seed(seed):
    assert any(
        _code(e.source).startswith("RUS") and _code(e.target).startswith("UKR")
        for e in _events(seed, "15")
    )
    threats = [
        e
        for e in _events(seed, "13")
        if _code(e.source).startswith("USA") and _code(e.target).startswith("RUS")
    ]
    assert threats and threats[0].modality == "conditional"
    pairs = {(_code(e.source)[:3], _code(e.target)[:3]) for e in _events(seed, "04")}
    assert ("RUS", "CHN") in pairs or ("CHN", "RUS") in pairs
    assert ("USA", "RUS") in pairs
    assert any(
        _code(e.source).startswith("CHN") and _code(e.target).startswith("RUS")
        for e in _events(seed, "05")
    )
    boycotters = {
        _code(e.source)[:3] for e in _events(seed, "16") if _code(e.target).startswith("CHN")
    }
    assert {"USA", "CAN", "GBR", "AUS"} <= boycotters
    # the threatened attack is conditional, not an asserted attack
    assert not [e for e in seed.events if e.root in ("18", "19", "20") and e.modality == "asserted"]


def test_evidence_offsets_are_in_the_text(seed):
    for ev in seed.events:
        assert 0 <= ev.sentence.start < ev.sentence.end <= len(seed.article.text)
        for s in ev.evidence:
            assert ev.sentence.start <= s.start < s.end <= ev.sentence.end


def test_themes_and_tone(seed):
    ids = {t.id for t in seed.themes}
    text = " ".join(ids).upper()
    for needle in ("MILITARY", "SANCTION", "DIPLOMA", "HUMAN_RIGHTS", "BOYCOTT"):
        assert needle in text, (needle, ids)
    assert seed.tone.score < 0
