"""Event coding: CAMEO tables, the Indonesian dictionary, the coder and its evaluation.

Coder tests build small Docs by hand (blank Indonesian tokenizer, entities given with their
codes) so that they test the coder's own logic, not the language model. The seed article and
the dev gold are read from ../shared at run time.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import spacy

from warta.analysis.events import extract_events, refine_code
from warta.analysis.events.dictionary import dictionary_meta, entries
from warta.analysis.events.match import lemma_words, normal_words
from warta.analysis.events.morph import di, men, pen
from warta.evaluation.events import EventReport, evaluate_events, norm_code, score_events
from warta.knowledge.cameo import code_info, codes, quad_class
from warta.record import Actor, Analysis, Article, Entity, Event, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVENTS_DIR = SHARED / "data" / "events"
NOEVENT = Path(__file__).resolve().parents[1] / "gold" / "events_noevent_dev.jsonl"


# -- tables -------------------------------------------------------------------------------


@pytest.mark.skipif(not EVENTS_DIR.is_dir(), reason="../shared/data/events not available")
def test_goldstein_and_names_follow_gdelt_files():
    with open(EVENTS_DIR / "CAMEO.goldsteinscale.txt", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    table = codes()
    assert len(table) == len(rows)
    for code, score in rows:
        assert table[code.strip()].goldstein == float(score)


def test_quad_class_by_root():
    for code, info in codes().items():
        root = int(code[:2])
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert info.quad_class == expected == quad_class(code)


@pytest.mark.skipif(not EVENTS_DIR.is_dir(), reason="../shared/data/events not available")
def test_plover_mapping_follows_cameo2plover():
    text = (EVENTS_DIR / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    mapped: dict[str, set[str]] = {}
    for line in text.splitlines():
        if ":" not in line or line.startswith("#") or not line[:1].isdigit():
            continue
        code, rest = line.split(":", 1)
        plover = rest.split("#")[0].split(",")[0].strip()
        if plover:
            mapped.setdefault(code, set()).add(plover)
    checked = 0
    for code, types in mapped.items():
        # Root headers ("08: CONCEDE" and "08: RETREAT") name two types: not a mapping.
        if len(code) > 2 and len(types) == 1 and code in codes():
            assert code_info(code).plover == next(iter(types)), code
            checked += 1
    assert checked > 200


def test_unknown_subcode_falls_back_to_parent():
    assert code_info("1056").code == "1056"
    assert code_info("0999").code == "09"


# -- dictionary ---------------------------------------------------------------------------


def test_dictionary_covers_all_roots_with_enough_patterns():
    meta = dictionary_meta()
    assert meta["surface_patterns"] >= 600
    assert meta["roots"] == [f"{r:02d}" for r in range(1, 21)]
    table = codes()
    ids = set()
    for e in entries():
        assert e.code in table, e.id
        assert e.id not in ids
        ids.add(e.id)


@pytest.mark.parametrize(
    "root,suffix,active,passive,noun",
    [
        ("serang", "", "menyerang", "diserang", "penyerangan"),
        ("tanda tangan", "i", "menandatangani", "ditandatangani", None),
        ("kerah", "kan", "mengerahkan", "dikerahkan", "pengerahan"),
        ("kritik", "", "mengkritik", "dikritik", None),
        ("tembak", "kan", "menembakkan", "ditembakkan", "penembakan"),
        ("bom", "", "mengebom", "dibom", None),
        ("perkuat", "", "memperkuat", "diperkuat", None),
        ("berlaku", "kan", "memberlakukan", "diberlakukan", None),
        ("sepakat", "i", "menyepakati", "disepakati", None),
        ("boikot", "", "memboikot", "diboikot", None),
        ("tangkap", "", "menangkap", "ditangkap", "penangkapan"),
        ("usir", "", "mengusir", "diusir", "pengusiran"),
    ],
)
def test_morphology(root, suffix, active, passive, noun):
    assert men(root, suffix) == active
    assert di(root, suffix) == passive
    if noun:
        assert pen(root) == noun


def test_words_are_normalised_and_lemmas_fill_gaps():
    assert normal_words(["Membantunya", "AS"]) == ["membantu", "as"]
    # A non-standard affixation the generator does not make, read through its lemma.
    assert lemma_words(["menserang", "dikecamkan", "terbuka"], ["serang", "kecam", "buka"]) == [
        "menyerang",
        "dikecamkan",
        "terbuka",
    ]


def test_refine_code():
    assert refine_code("10", "087") == "1056"  # demand + withdraw = demand de-escalation
    assert refine_code("13", "163") == "1312"  # threaten + sanction
    assert refine_code("03", "073") == "0333"  # promise humanitarian aid
    assert refine_code("12", "04") == "125"  # refuse to meet
    assert refine_code("10", "999") == "10"


# -- the coder on hand-built documents ----------------------------------------------------

_NLP = spacy.blank("id")


def _analyse(text: str, actors: list[tuple[str, str, str]]) -> tuple[Analysis, object]:
    """``actors``: (surface, CAMEO code, entity type); every occurrence is a mention."""
    doc = _NLP(text)
    ents = []
    for n, (surface, code, etype) in enumerate(actors, 1):
        spans, i = [], text.find(surface)
        while i >= 0:
            spans.append(Span(i, i + len(surface)))
            i = text.find(surface, i + 1)
        assert spans, surface
        ents.append(
            Entity(
                id=f"e{n}", type=etype, name=surface, cameo=code, country=code[:3], mentions=spans
            )
        )
    return Analysis(article=Article(id="t", text=text), entities=ents), doc


def _code(text, actors):
    return extract_events(*_analyse(text, actors))


def test_conditional_threat_is_a_threat_and_the_condition_is_not_an_event():
    evs = _code(
        "Pemerintah AS mengancam sanksi ekonomi jika Moskow melancarkan serangan.",
        [("Pemerintah AS", "USAGOV", "GROUP"), ("Moskow", "RUSGOV", "GROUP")],
    )
    assert [e.cameo for e in evs] == ["1312"]
    ev = evs[0]
    assert ev.root == "13" and ev.plover == "THREATEN" and ev.quad_class == 3
    assert ev.modality == "conditional"
    assert ev.source.code == "USAGOV" and ev.target.code == "RUSGOV"
    assert not any(e.root == "19" for e in evs)


def test_compound_source_gives_one_event_per_actor():
    evs = _code(
        "AS dan sekutunya seperti Kanada dan Australia memberlakukan boikot diplomatik "
        "atas Olimpiade di China.",
        [
            ("AS", "USA", "GPE"),
            ("Kanada", "CAN", "GPE"),
            ("Australia", "AUS", "GPE"),
            ("China", "CHN", "GPE"),
        ],
    )
    assert {e.root for e in evs} == {"16"}
    assert sorted(e.source.code for e in evs) == ["AUS", "CAN", "USA"]
    assert {e.target.code for e in evs} == {"CHN"}


def test_di_passive_takes_the_oleh_agent_as_source():
    evs = _code(
        "Dua aktivis Papua ditangkap oleh polisi Indonesia di Jayapura.",
        [("aktivis Papua", "IDNOPP", "GROUP"), ("polisi Indonesia", "IDNCOP", "GROUP")],
    )
    assert [(e.root, e.source.code, e.target.code) for e in evs] == [("17", "IDNCOP", "IDNOPP")]


def test_negation_is_flagged():
    evs = _code(
        "Rusia tidak menyerang Ukraina pada Selasa.",
        [("Rusia", "RUS", "GPE"), ("Ukraina", "UKR", "GPE")],
    )
    assert evs and all(e.negated for e in evs)


def test_future_cooperation_is_coded_as_intent():
    evs = _code(
        "Jepang akan memberikan bantuan kemanusiaan kepada Myanmar.",
        [("Jepang", "JPN", "GPE"), ("Myanmar", "MMR", "GPE")],
    )
    assert len(evs) == 1
    assert evs[0].root == "03" and evs[0].modality == "future"
    assert (evs[0].source.code, evs[0].target.code) == ("JPN", "MMR")


def test_demand_absorbs_its_complement():
    evs = _code(
        "Prancis menuntut Rusia menarik pasukan dari perbatasan Ukraina.",
        [("Prancis", "FRA", "GPE"), ("Rusia", "RUS", "GPE"), ("Ukraina", "UKR", "GPE")],
    )
    assert [e.cameo for e in evs] == ["1056"]
    assert (evs[0].source.code, evs[0].target.code) == ("FRA", "RUS")


def test_nominal_event_between_two_actors():
    evs = _code(
        "Pernyataan itu muncul setelah panggilan video antara Presiden Joko Widodo dan "
        "Perdana Menteri Jepang.",
        [("Presiden Joko Widodo", "IDNGOV", "PER"), ("Perdana Menteri Jepang", "JPNGOV", "GROUP")],
    )
    assert {e.root for e in evs} == {"04"}
    assert {(e.source.code, e.target.code) for e in evs} == {
        ("IDNGOV", "JPNGOV"),
        ("JPNGOV", "IDNGOV"),
    }


def test_pronoun_is_the_subject_of_the_speech_verb():
    evs = _code(
        "Putin, yang memuji Xi, mengatakan dia berharap bertemu dengan Presiden Korea Selatan.",
        [
            ("Putin", "RUSGOV", "PER"),
            ("Xi", "CHNGOV", "PER"),
            ("Presiden Korea Selatan", "KORGOV", "GROUP"),
        ],
    )
    meet = [e for e in evs if e.root == "03"]
    assert meet and meet[0].source.code == "RUSGOV" and meet[0].target.code == "KORGOV"


def test_obligation_is_a_demand_by_the_speaker():
    evs = _code(
        "Inggris menegaskan bahwa Libya harus menyerahkan para tersangka.",
        [("Inggris", "GBR", "GPE"), ("Libya", "LBY", "GPE")],
    )
    assert [(e.cameo, e.source.code, e.target.code) for e in evs] == [("1013", "GBR", "LBY")]


def test_natural_subjects_and_sport_are_not_actors():
    assert (
        _code(
            "Banjir mengepung permukiman warga di Kabupaten Bandung.",
            [("Kabupaten Bandung", "IDN", "LOC")],
        )
        == []
    )
    assert (
        _code(
            "Tim basket Indonesia menyerah dari Filipina pada laga pembuka.",
            [("Indonesia", "IDN", "GPE"), ("Filipina", "PHL", "GPE")],
        )
        == []
    )


def test_text_without_political_event():
    assert (
        _code(
            "Harga cabai rawit di Jakarta naik 10 persen pada pekan ini.",
            [("Jakarta", "IDN", "LOC")],
        )
        == []
    )


def test_event_record_fields():
    analysis, doc = _analyse(
        "Turki mengecam Swedia. Turki juga memanggil duta besar Swedia.",
        [("Turki", "TUR", "GPE"), ("Swedia", "SWE", "GPE")],
    )
    analysis.article.dateline = None
    evs = extract_events(analysis, doc)
    assert [e.id for e in evs] == [f"t-ev{n}" for n in range(1, len(evs) + 1)]
    ids = {e.id for e in entries()}
    for e in evs:
        assert e.rule in ids
        assert analysis.article.text[e.sentence.start : e.sentence.end].startswith("Turki")
        for span in e.evidence:
            assert e.sentence.start <= span.start < span.end <= e.sentence.end
        assert e.source.code == "TUR" and e.target.code.startswith("SWE")
        assert e.root == e.cameo[:2] == "11"
        assert Event.from_dict(e.to_dict()) == e


# -- evaluation ---------------------------------------------------------------------------


def _ev(code, src, tgt, negated=False):
    return Event(
        id="x",
        cameo=code,
        root=code[:2],
        quad_class=quad_class(code),
        goldstein=0.0,
        plover=None,
        source=Actor(None, src, "s"),
        target=Actor(None, tgt, "t"),
        sentence=Span(0, 1),
        negated=negated,
    )


def _gold(code, src, tgt, src_all=(), tgt_all=()):
    return {
        "text_id": "x",
        "cameo": code,
        "source_code": src,
        "target_code": tgt,
        "no_event": False,
        "source_all": [{"code": c} for c in src_all or [src]],
        "target_all": [{"code": c} for c in tgt_all or [tgt]],
    }


def test_scoring_counts_matches_compounds_and_negation():
    rep = EventReport(files=[])
    # A reciprocal gold line accepts both directions.
    score_events(
        rep,
        "a",
        [_gold("030", "HUNGOV", "ROUGOV", ["HUNGOV", "ROUGOV"], ["ROUGOV", "HUNGOV"])],
        [_ev("030", "HUNGOV", "ROUGOV"), _ev("030", "ROUGOV", "HUNGOV")],
    )
    # A wrong root, a right root with a wrong code, a negated event (ignored).
    score_events(
        rep,
        "b",
        [_gold("1312", "USA", "RUS"), _gold("190", "RUS", "UKR")],
        [
            _ev("130", "USA", "RUS"),
            _ev("042", "RUS", "UKR"),
            _ev("190", "RUS", "UKR", negated=True),
        ],
    )
    score_events(rep, "c", [{"text_id": "c", "no_event": True}], [_ev("042", "IDN", None)])
    assert rep.root.tp_pred == 3 and rep.root.n_pred == 5
    assert rep.root.tp_gold == 2 and rep.root.n_gold == 3
    assert rep.code_correct == 1 and rep.matched == 2
    assert rep.false_event_rate == 1.0
    assert rep.confusion["19"]["04"] == 1
    d = rep.to_dict()
    assert d["root"]["precision"] == pytest.approx(3 / 5)
    assert "confusion" in rep.format()


def test_norm_code_keeps_gold_granularity():
    assert norm_code("PSEREBHMS") == "PSEREB"
    assert norm_code("IGOUNOMIL") == "IGOUNOMIL"
    assert norm_code("TMPGOV") == "TLSGOV"
    assert norm_code(None) is None


def test_plain_igo_in_gold_accepts_a_specific_igo_code():
    rep = EventReport(files=[])
    score_events(rep, "a", [_gold("086", "KGZGOV", "IGO")], [_ev("086", "KGZGOV", "IGOEURSCE")])
    score_events(rep, "b", [_gold("086", "KGZGOV", "IGO")], [_ev("086", "KGZGOV", "RUS")])
    assert rep.target_correct == 1 and rep.matched == 2


def test_evaluate_events_reads_grouped_lines(tmp_path):
    path = tmp_path / "g.jsonl"
    lines = [
        _gold("1312", "USA", "RUS") | {"text_id": "t1"},
        _gold("190", "RUS", "UKR") | {"text_id": "t1"},
        {"text_id": "t2", "no_event": True},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    seen = []

    def coder(text):
        seen.append(text)
        return [_ev("1312", "USA", "RUS")] if text == "t1" else []

    rep = evaluate_events(path, coder=coder)
    assert seen == ["t1", "t2"] and rep.texts == 2 and rep.gold_events == 2
    assert rep.root.recall == 0.5 and rep.no_event_texts == 1 and rep.false_event_rate == 0.0


def test_noevent_file_format():
    lines = [json.loads(x) for x in NOEVENT.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= 100
    assert all(x["no_event"] is True and x["cameo"] is None and x["text_id"] for x in lines)
    assert len({x["text_id"] for x in lines}) == len(lines)
