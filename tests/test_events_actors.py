"""Event actors: how the coder reads roles, places and targets from the sentence.

Docs are built by hand (blank Indonesian tokenizer, entities given with their codes) so
that the tests check the coder's own rules, not the language model or the entity stage.
The sentences are made up for these tests.
"""

from __future__ import annotations

import pytest
import spacy

from warta.analysis.events import extract_events
from warta.analysis.events.codes import place_code
from warta.record import Analysis, Article, Entity, Span

_NLP = spacy.blank("id")


def _spans(text: str, surface: str) -> list[Span]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append(Span(i, i + len(surface)))
        i = text.find(surface, i + 1)
    assert out, surface
    return out


def _code(text: str, actors: list[tuple[str, str | None, str]]):
    """``actors``: (surface, CAMEO code or None, entity type); every occurrence is a
    mention."""
    ents = [
        Entity(
            id=f"e{n}",
            type=etype,
            name=surface,
            cameo=code,
            country=code[:3] if code else None,
            mentions=_spans(text, surface),
        )
        for n, (surface, code, etype) in enumerate(actors, 1)
    ]
    analysis = Analysis(article=Article(id="t", text=text), entities=ents)
    return extract_events(analysis, _NLP(text))


def _pairs(evs):
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in evs}


def test_former_office_holder_is_an_elite():
    evs = _code(
        "Jaksa Peru menuduh mantan presiden Juan Rivera menerima suap.",
        [("Jaksa Peru", "PERJUD", "GROUP"), ("Juan Rivera", "PERGOV", "PER")],
    )
    assert evs and all(e.target.code == "PERELI" for e in evs)


def test_capitalised_former_inside_a_name_is_not_a_title():
    evs = _code(
        "Yunani mengecam Bekas Republik Yugoslavia Makedonia.",
        [("Yunani", "GRC", "GPE"), ("Republik Yugoslavia Makedonia", "MKD", "GPE")],
    )
    assert evs and {e.target.code for e in evs} == {"MKD"}


def test_agent_word_heading_a_coordination_covers_the_second_country():
    evs = _code(
        "Kapal-kapal perang Chile dan Peru menyerang Bolivia pada Senin.",
        [("Chile", "CHL", "GPE"), ("Peru", "PER", "GPE"), ("Bolivia", "BOL", "GPE")],
    )
    assert _pairs(evs) == {("CHLMIL", "BOL"), ("PERMIL", "BOL")}


def test_capital_addressed_by_diplomacy_is_its_government():
    evs = _code(
        "Nepal menjalin hubungan diplomatik dengan Teheran pada Rabu.",
        [("Nepal", "NPL", "GPE"), ("Teheran", "IRN", "LOC")],
    )
    assert evs and {e.target.code for e in evs} == {"IRNGOV"}


def test_place_code_by_event_kind():
    assert place_code("IRQ", "190") == "IRQCVL"  # an attack on a city hits its people
    assert place_code("IRQ", "073") == "IRQCVL"  # aid to a city goes to its people
    assert place_code("IRQ", "100", capital=True) == "IRQGOV"  # a demand to Baghdad
    assert place_code("IRQ", "100") == "IRQ"


def test_uncoded_name_around_a_coded_place_takes_its_code():
    text = "Pemerintah Turki memberlakukan jam malam di kota Mardin pada Senin."
    ents = [
        Entity(
            id="e1",
            type="GROUP",
            name="Pemerintah Turki",
            cameo="TURGOV",
            country="TUR",
            mentions=_spans(text, "Pemerintah Turki"),
        ),
        Entity(id="e2", type="LOC", name="kota Mardin", mentions=_spans(text, "kota Mardin")),
        Entity(id="e3", type="LOC", name="Mardin", country="TUR", mentions=_spans(text, "Mardin")),
    ]
    evs = extract_events(Analysis(article=Article(id="t", text=text), entities=ents), _NLP(text))
    assert evs and evs[0].target is not None and evs[0].target.code == "TURCVL"


def test_language_name_is_not_an_actor():
    evs = _code(
        "Parlemen Estonia membatalkan pembatasan penggunaan bahasa Rusia.",
        [("Parlemen Estonia", "ESTLEG", "GROUP"), ("Rusia", "RUS", "GPE")],
    )
    assert all(e.target is None or e.target.code[:3] != "RUS" for e in evs)


def test_investigation_targets_the_doer_of_the_deed():
    evs = _code(
        "Jaksa Kolombia memulai penyelidikan atas kekerasan yang dilakukan pasukan "
        "Venezuela terhadap warga sipil Kolombia.",
        [
            ("Jaksa Kolombia", "COLJUD", "GROUP"),
            ("pasukan Venezuela", "VENMIL", "GROUP"),
            ("warga sipil Kolombia", "COLCVL", "GROUP"),
        ],
    )
    assert evs and evs[0].root == "09" and evs[0].target.code == "VENMIL"


def test_rallying_support_targets_the_one_supported():
    evs = _code(
        "Uni Afrika mendesak PBB untuk mendukung Somalia.",
        [("Uni Afrika", "IGOAFRAU", "ORG"), ("PBB", "IGOUNO", "ORG"), ("Somalia", "SOM", "GPE")],
    )
    assert [(e.cameo, e.target.code) for e in evs] == [("053", "SOM")]


def test_reduplicated_agent_word_gives_the_sector():
    evs = _code(
        "Polisi Kenya menyita senjata dari kelompok-kelompok bersenjata Somalia.",
        [("Polisi Kenya", "KENCOP", "GROUP"), ("Somalia", "SOM", "GPE")],
    )
    assert evs and evs[0].target.code == "SOMREB"


def test_both_sides_of_a_mutual_violation():
    evs = _code(
        "Tentara Sudan dan pemberontak Darfur sama-sama melanggar gencatan senjata.",
        [("Tentara Sudan", "SDNMIL", "GROUP"), ("pemberontak Darfur", "SDNREB", "GROUP")],
    )
    assert {("SDNMIL", "SDNREB"), ("SDNREB", "SDNMIL")} <= _pairs(evs)


def test_complaint_to_a_body_targets_the_one_complained_about():
    evs = _code(
        "Kuba mengadu ke PBB atas blokade Amerika Serikat pada Selasa.",
        [("Kuba", "CUB", "GPE"), ("PBB", "IGOUNO", "ORG"), ("Amerika Serikat", "USA", "GPE")],
    )
    assert evs and evs[0].root == "11" and evs[0].target.code == "USA"


def test_lower_case_uncoded_name_is_skipped_as_target():
    evs = _code(
        "Warga Kurdi menuntut otonomi luas dari pemerintah Irak.",
        [
            ("Warga Kurdi", "IRQCVL", "GROUP"),
            ("otonomi", None, "ORG"),
            ("pemerintah Irak", "IRQGOV", "GROUP"),
        ],
    )
    assert evs and evs[0].target is not None and evs[0].target.code == "IRQGOV"


# agents.txt is warta's one word -> sector table: the event actors read it on every path.


def _actor_codes(text: str, actors: list[tuple[str, str | None, str]]) -> list[str | None]:
    from warta.analysis.events.actors import sentence_actors

    ents = [
        Entity(
            id=f"e{n}",
            type=etype,
            name=surface,
            cameo=code,
            country=code[:3] if code else None,
            mentions=_spans(text, surface),
        )
        for n, (surface, code, etype) in enumerate(actors, 1)
    ]
    doc = _NLP(text)
    analysis = Analysis(article=Article(id="t", text=text), entities=ents)
    return [a.code for a in sentence_actors(analysis, doc, 0, len(doc)) if a.kind == "actor"]


def test_demonstrators_are_opposition_through_the_entity_path():
    # The event coder's own table once coded "demonstran" CVL here, against agents.txt.
    codes = _actor_codes("Demonstran Mesir melempari gedung parlemen.", [("Mesir", "EGY", "GPE")])
    assert codes[0] == "EGYOPP"


def test_demonstrators_are_opposition_through_the_knowledge_base_path():
    codes = _actor_codes("Demonstran Mesir melempari gedung parlemen.", [])
    assert codes[0] == "EGYOPP"


def test_protesters_are_opposition_as_bare_agents():
    codes = _actor_codes(
        "Pemerintah Mesir menangkap para pengunjuk rasa.", [("Pemerintah Mesir", "EGYGOV", "GROUP")]
    )
    assert codes == ["EGYGOV", "EGYOPP"]


def test_every_single_word_agent_gives_the_sector_of_agents_txt():
    from warta.knowledge import kb

    k = kb()
    words = [
        e.name
        for e in k.entries("agent")
        if " " not in e.name and e.name.islower() and e.name != "sipil"
    ]
    assert len(words) > 100
    wrong = {}
    for word in words:
        codes = _actor_codes(
            f"{word.capitalize()} Mesir melempari gedung itu.", [("Mesir", "EGY", "GPE")]
        )
        want = "EGY" + k.agent(word)[:3]
        if codes[:1] != [want]:
            wrong[word] = (codes[:1], want)
    assert not wrong


def test_a_knowledge_base_that_cannot_load_raises(monkeypatch):
    # Failures are loud: a missing KB once gave a sentence no actors, silently.
    from warta.analysis.events.actors import sentence_actors
    from warta.analysis.events.actors import sources as actor_sources

    def broken():
        raise FileNotFoundError("knowledge/data/countries.jsonl")

    monkeypatch.setattr(actor_sources, "kb", broken)
    text = "Tentara Rusia menyerang Ukraina."
    doc = _NLP(text)
    with pytest.raises(FileNotFoundError):
        sentence_actors(Analysis(article=Article(id="t", text=text)), doc, 0, len(doc))


def test_mention_token_indices_and_character_offsets_agree():
    from warta.analysis.events.actors import sentence_actors

    text = "Kemarin para demonstran Mesir melempari gedung parlemen."
    ents = [
        Entity(
            id="e1",
            type="GPE",
            name="Mesir",
            cameo="EGY",
            country="EGY",
            mentions=_spans(text, "Mesir"),
        )
    ]
    doc = _NLP(text)
    found = sentence_actors(
        Analysis(article=Article(id="t", text=text), entities=ents), doc, 0, len(doc)
    )
    assert found
    for a in found:
        span = doc[a.tok_start : a.tok_end]
        assert (span.start_char, span.end_char) == (a.char_start, a.char_end)
        assert text[a.char_start : a.char_end] == a.text


@pytest.mark.parametrize(
    "title",
    [
        "Presiden",
        "Perdana Menteri",
        "Menteri",
        "Raja",
        "Ratu",
        "Kanselir",
        "Emir",
        "Sultan",
        "Wakil Presiden",
        "Gubernur",
        "Pemimpin",
    ],
)
def test_government_titles_of_agents_txt_make_an_unknown_person_an_official(title):
    # These titles were a Python set in the coder; they now come from agents.txt's title
    # column (sector GOV).
    codes = _actor_codes(
        f"Zimbabwe menuduh {title} Mugabe menipu.",
        [("Zimbabwe", "ZWE", "GPE"), ("Mugabe", None, "PER")],
    )
    assert codes == ["ZWE", "ZWEGOV"]
