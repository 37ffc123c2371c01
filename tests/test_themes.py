"""Themes: taxonomy sanity, word-boundary matching with offsets, assignment rules, the seed."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from warta.analysis.themes import assign_themes
from warta.record import Article, Entity, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "data" / "seed" / "kontan-rusia-china.txt"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (test data) is absent")

# GDELT GKG theme names the taxonomy may point to (from the GKG category list).
GKG = {
    "AGRICULTURE",
    "ALLIANCE",
    "ARMEDCONFLICT",
    "ARREST",
    "AVIATION_INCIDENT",
    "BORDER",
    "CEASEFIRE",
    "CORRUPTION",
    "CRIME_COMMON_ROBBERY",
    "CRIME_ILLEGAL_DRUGS",
    "CYBER_ATTACK",
    "DEATH_PENALTY",
    "DISCRIMINATION",
    "ECON_BANKRUPTCY",
    "ECON_COST_OF_LIVING",
    "ECON_CURRENCY_EXCHANGE_RATE",
    "ECON_DEBT",
    "ECON_FOREIGNINVEST",
    "ECON_FREETRADE",
    "ECON_HOUSING_PRICES",
    "ECON_INTEREST_RATES",
    "ECON_STOCKMARKET",
    "ECON_SUBSIDIES",
    "ECON_TAXATION",
    "ECON_TRADE_DISPUTE",
    "ECON_UNIONS",
    "EDUCATION",
    "ELECTION",
    "ELECTION_FRAUD",
    "ENV_CLIMATECHANGE",
    "ENV_COAL",
    "ENV_DEFORESTATION",
    "ENV_FISHERY",
    "ENV_GREEN",
    "ENV_MINING",
    "ENV_OIL",
    "EVACUATION",
    "EXTREMISM",
    "FOOD_SECURITY",
    "FOOD_STAPLE",
    "FREESPEECH",
    "FUELPRICES",
    "GENDER_VIOLENCE",
    "GENERAL_HEALTH",
    "GOV_INTERGOVERNMENTAL",
    "HATE_SPEECH",
    "HEALTH_PANDEMIC",
    "HEALTH_VACCINATION",
    "HUMAN_TRAFFICKING",
    "IMMIGRATION",
    "IMPEACHMENT",
    "INFO_HOAX",
    "KIDNAP",
    "KILL",
    "LEGISLATION",
    "LGBT",
    "MANMADE_DISASTER",
    "MARITIME",
    "MARITIME_INCIDENT",
    "MEDIA_SOCIAL",
    "MIL_SELF_IDENTIFIED_ARMS_DEAL",
    "MILITARY",
    "MILITARY_COOPERATION",
    "NATURAL_DISASTER",
    "NEGOTIATIONS",
    "NEW_CONSTRUCTION",
    "PEACEKEEPING",
    "POL_HOSTVISIT",
    "POVERTY",
    "POWER_OUTAGE",
    "PROTEST",
    "PUBLIC_TRANSPORT",
    "REBELLION",
    "REFUGEES",
    "RELIGION",
    "ROAD_INCIDENT",
    "SANCTIONS",
    "SELF_IDENTIFIED_HUMAN_RIGHTS",
    "SEPARATISTS",
    "SLFID_ECONOMIC_DEVELOPMENT",
    "SLFID_MILITARY_BUILDUP",
    "SLFID_PEACE_BUILDING",
    "SMUGGLING",
    "SOC_DIPLOMCOOP",
    "SOC_PARDON",
    "SOVEREIGNTY",
    "STRIKE",
    "SURVEILLANCE",
    "TAKE_OFFICE",
    "TAX_POLITICAL_PARTY",
    "TERROR",
    "TORTURE",
    "TOURISM",
    "TRAFFIC",
    "TRIAL",
    "UNEMPLOYMENT",
    "UNREST_POLICEBRUTALITY",
    "VIOLENT_UNREST",
    "WATER_SECURITY",
    "WMD",
}


def taxonomy() -> list[dict]:
    raw = resources.files("warta.knowledge.themes").joinpath("themes.json").read_text("utf-8")
    return json.loads(raw)["themes"]


def themes_of(text: str, **kw) -> dict:
    return {t.id: t for t in assign_themes(Article(id="t", text=text), **kw)}


def mention_texts(text: str, theme) -> list[str]:
    return [text[m.start : m.end] for m in theme.mentions]


# --- the taxonomy ---------------------------------------------------------------------


def test_taxonomy_is_large_and_well_formed():
    themes = taxonomy()
    assert len(themes) >= 60
    ids = [t["id"] for t in themes]
    assert len(ids) == len(set(ids))
    for t in themes:
        assert t["label"] and (t.get("strong") or t.get("sectors")), t["id"]
        assert t.get("gdelt") is None or t["gdelt"] in GKG, t["id"]
        phrases = t.get("strong", []) + t.get("weak", []) + t.get("exclude", [])
        assert all(p == p.strip().lower() and p for p in phrases), t["id"]
        assert not set(t.get("strong", [])) & set(t.get("weak", [])), t["id"]
        assert all(r in ids for r in t.get("requires_any", [])), t["id"]


def test_every_theme_is_documented():
    doc = Path(__file__).resolve().parents[1] / "docs" / "themes.md"
    text = doc.read_text(encoding="utf-8")
    missing = [t["id"] for t in taxonomy() if f"`{t['id']}`" not in text]
    assert not missing


# --- matching -------------------------------------------------------------------------


def test_affixed_phrase_matches_with_offsets():
    text = "Amerika Serikat menjatuhkan sanksi ekonomi kepada negara itu."
    got = themes_of(text)
    assert mention_texts(text, got["SANCTIONS"]) == ["menjatuhkan sanksi ekonomi"]
    assert got["SANCTIONS"].gdelt == "SANCTIONS"
    assert got["SANCTIONS"].score > 0


def test_case_newlines_and_clitics():
    text = "EMBARGO itu diumumkan.\nPemerintah mengumumkan\nembargonya kemarin."
    got = themes_of(text)
    assert mention_texts(text, got["SANCTIONS"]) == ["EMBARGO", "embargonya"]


def test_no_match_inside_a_longer_word():
    text = "Perangkat lunak dan perangkat keras baru dirilis; peranginan tidak ada."
    assert "ARMED_CONFLICT" not in themes_of(text)


def test_offsets_survive_characters_that_grow_when_lowercased():
    text = "İstanbul: pemerintah menjatuhkan sanksi ekonomi."
    got = themes_of(text)
    assert mention_texts(text, got["SANCTIONS"]) == ["menjatuhkan sanksi ekonomi"]


def test_one_weak_mention_is_not_enough_two_are():
    assert "SANCTIONS" not in themes_of("Pegawai itu mendapat sanksi dari atasannya.")
    text = "Pegawai itu mendapat sanksi. Sanksi lain menyusul."
    assert mention_texts(text, themes_of(text)["SANCTIONS"]) == ["sanksi", "Sanksi"]


def test_excluded_phrases_do_not_count():
    got = themes_of("Perang dagang antara kedua negara memukul ekspor.")
    assert "TRADE_DISPUTE" in got and "ARMED_CONFLICT" not in got


def test_overlapping_mentions_merge_into_one_span():
    text = "Laporan itu menyebut pelanggaran hak asasi manusia di sana."
    got = themes_of(text)
    assert mention_texts(text, got["HUMAN_RIGHTS"]) == ["pelanggaran hak asasi manusia"]


def test_sport_boycott_needs_a_sport_event():
    plain = themes_of("Warga menyerukan boikot produk itu.")
    assert "BOYCOTT" in plain and "SPORT_BOYCOTT" not in plain
    sport = themes_of("Beberapa negara menyerukan boikot Olimpiade tahun depan.")
    assert {"BOYCOTT", "SPORT_BOYCOTT", "OLYMPICS"} <= set(sport)


def test_military_entities_trigger_the_military_theme():
    text = "Juru bicara itu hadir. Ia kemudian pergi bersama juru bicara lain."
    army = Entity(
        id="e1",
        type="ORG",
        name="X",
        cameo="IDNMIL",
        mentions=[Span(0, 11), Span(text.index("juru bicara"), text.index("juru bicara") + 11)],
    )
    assert "MILITARY" not in themes_of(text)
    got = themes_of(text, entities=[army])
    assert [(m.start, m.end) for m in got["MILITARY"].mentions] == [
        (m.start, m.end) for m in army.mentions
    ]
    civil = Entity(id="e2", type="ORG", name="Y", cameo="IDNGOV", mentions=army.mentions)
    assert "MILITARY" not in themes_of(text, entities=[civil])


def test_scores_are_sorted_and_empty_text_has_none():
    text = (
        "Demonstran menggelar unjuk rasa. Unjuk rasa berlangsung damai. "
        "Polisi menangkap satu orang."
    )
    got = assign_themes(Article(id="t", text=text))
    assert [t.score for t in got] == sorted((t.score for t in got), reverse=True)
    assert got[0].id == "PROTEST"
    assert assign_themes(Article(id="e", text="")) == []


# --- the seed article -------------------------------------------------------------------


def seed_article() -> Article:
    lines = SEED.read_text(encoding="utf-8").splitlines()[1:]
    body = [
        ln
        for ln in lines
        if ln.strip() and not ln.startswith(("Sumber:", "Baca Juga:", "Cek Berita"))
    ]
    return Article(id="t", text="\n\n".join(body))


@needs_shared
@pytest.mark.parametrize(
    ("theme", "word"),
    [
        ("MILITARY_MOBILIZATION", "pasukan"),
        ("SANCTIONS", "sanksi"),
        ("DIPLOMACY", "diploma"),
        ("HUMAN_RIGHTS", "hak asasi"),
        ("OLYMPICS", "olimpiade"),
        ("SPORT_BOYCOTT", "boikot"),
    ],
)
def test_seed_article_themes_with_offsets(theme, word):
    art = seed_article()
    got = {t.id: t for t in assign_themes(art)}
    assert theme in got
    spans = mention_texts(art.text, got[theme])
    assert any(word in s.lower() for s in spans), spans
    for m in got[theme].mentions:
        assert 0 <= m.start < m.end <= len(art.text)
        assert not art.text[m.start - 1 : m.start].isalnum()


def test_bare_sector_codes_and_entity_sector_field_also_trigger():
    text = "Kelompok itu menyerang pos. Kelompok itu lalu mundur ke hutan."
    second = text.index("Kelompok", 5)
    spans = [Span(0, 8), Span(second, second + 8)]
    rebels = Entity(id="e1", type="ORG", name="X", cameo="REB", mentions=spans)
    assert "REBELLION" in themes_of(text, entities=[rebels])
    by_sector = Entity(id="e2", type="ORG", name="Y", sector="REB", mentions=spans)
    assert "REBELLION" in themes_of(text, entities=[by_sector])
    assert "REBELLION" not in themes_of(text)
