"""Entity resolution on made-up Indonesian sentences, with a hand-set Doc.

The Doc is built from ``spacy.blank("id")`` with ``doc.ents`` (and, for one test, a
dependency parse) set by hand, so these tests run without the trained model; the knowledge
base is the shipped one.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from helpers import doc_with_ents
from warta.analysis.entities import resolve_entities
from warta.analysis.geocode import geocode
from warta.knowledge import kb
from warta.record import Analysis, Article, Dateline, Published

NLP = spacy.blank("id")


def _analysis(text: str, date: str = "2021-12-16", dateline: str | None = None) -> Analysis:
    art = Article(id="t", text=text, published=Published(date, "day", "test"))
    if dateline:
        art.dateline = Dateline(f"KONTAN.CO.ID - {dateline}.", place=dateline)
    return Analysis(article=art)


def _doc(text: str, ents=()) -> Doc:
    return doc_with_ents(NLP, text, ents)


def _person(name: str) -> str:
    found = kb().lookup(name, kinds=("person",))
    assert found, f"{name} is not in the knowledge base"
    return found[0].id


def _by_name(ents, name):
    hits = [e for e in ents if e.name == name]
    assert hits, f"no entity named {name!r} in {[e.name for e in ents]}"
    return hits[0]


def _surfaces(ent, text):
    return [text[m.start : m.end] for m in ent.mentions]


def test_title_before_name_and_short_form():
    text = (
        "Presiden Rusia Vladimir Putin menelepon Presiden China Xi Jinping pada Rabu. "
        "Putin berterima kasih, dan Xi membalasnya."
    )
    a = _analysis(text)
    ents = resolve_entities(a, _doc(text, [("Vladimir Putin", "PER"), ("Xi Jinping", "PER")]))
    putin = next(e for e in ents if e.kb_id == _person("Vladimir Putin"))
    assert _surfaces(putin, text) == ["Vladimir Putin", "Putin"]
    assert putin.type == "PER" and putin.country == "RUS" and putin.cameo == "RUSGOV"
    assert any(r.title == "Presiden" and r.org_or_country == "RUS" for r in putin.roles)
    xi = next(e for e in ents if e.kb_id == _person("Xi Jinping"))
    assert _surfaces(xi, text) == ["Xi Jinping", "Xi"]
    assert xi.cameo == "CHNGOV"
    assert any(r.org_or_country == "CHN" for r in xi.roles)
    # The countries in the titles are still country mentions.
    assert {e.country for e in ents if e.type == "GPE"} >= {"RUS", "CHN"}


def test_title_inside_a_person_span_is_split_off():
    text = "Kemarin Presiden Rusia Vladimir Putin berbicara."
    ents = resolve_entities(_analysis(text), _doc(text, [("Presiden Rusia Vladimir Putin", "PER")]))
    putin = next(e for e in ents if e.type == "PER")
    assert putin.name == "Vladimir Putin"
    assert _surfaces(putin, text) == ["Vladimir Putin"]
    assert putin.roles[0].title == "Presiden" and putin.roles[0].text == "Presiden Rusia"


def test_unknown_person_gets_role_country_and_sector_from_the_text():
    text = (
        "Sekretaris Pers Gedung Putih Rina Halimah mengatakan hal itu. "
        "Menurut Halimah, pertemuan berlangsung baik."
    )
    ents = resolve_entities(
        _analysis(text), _doc(text, [("Rina Halimah", "PER"), ("Halimah", "PER")])
    )
    rina = _by_name(ents, "Rina Halimah")
    assert rina.kb_id is None
    assert rina.id.startswith("e")
    assert _surfaces(rina, text) == ["Rina Halimah", "Halimah"]
    assert rina.country == "USA" and rina.sector == "GOV" and rina.cameo == "USAGOV"
    assert rina.roles[0].title == "Sekretaris Pers"
    assert rina.roles[0].org_or_country == "Gedung Putih"


def test_appositive_role():
    text = "Dimas Arya, seorang ajudan Kremlin, mengatakan kepada wartawan bahwa Rusia siap."
    ents = resolve_entities(_analysis(text), _doc(text, [("Dimas Arya", "PER")]))
    dimas = _by_name(ents, "Dimas Arya")
    assert dimas.roles and dimas.roles[0].title.lower() == "ajudan"
    assert dimas.roles[0].org_or_country == "Kremlin"
    assert dimas.cameo == "RUSGOV"
    kremlin = next(e for e in ents if any(text[m.start : m.end] == "Kremlin" for m in e.mentions))
    assert kremlin.cameo == "RUSGOV"


def test_agent_phrase_is_a_group_and_the_country_stays_a_mention():
    text = "Ribuan tentara Rusia berkumpul di perbatasan Ukraina, kata Pemerintah Rusia."
    ents = resolve_entities(_analysis(text), _doc(text))
    mil = next(e for e in ents if e.cameo == "RUSMIL")
    assert mil.type == "GROUP" and mil.sector == "MIL" and mil.country == "RUS"
    assert _surfaces(mil, text) == ["tentara Rusia"]
    gov = next(e for e in ents if e.cameo == "RUSGOV")
    assert gov.type == "GROUP" and _surfaces(gov, text) == ["Pemerintah Rusia"]
    russia = next(e for e in ents if e.kb_id == kb().country("RUS").id)
    assert len(russia.mentions) == 2
    assert any(e.kb_id == kb().country("UKR").id for e in ents)


def test_government_of_a_person_and_role_on_the_date():
    text = "Pemerintahan Biden menekankan bahwa NATO adalah aliansi pertahanan."
    ents = resolve_entities(_analysis(text, "2021-12-16"), _doc(text))
    biden = next(e for e in ents if e.kb_id == _person("Joe Biden"))
    assert biden.cameo == "USAGOV" and _surfaces(biden, text) == ["Biden"]
    nato = next(e for e in ents if _surfaces(e, text) == ["NATO"])
    assert nato.kb_id is not None and nato.type == "ORG"
    assert nato.cameo and nato.cameo.startswith("IGO")


def test_cameo_follows_the_role_valid_on_the_publication_date():
    text = "Presiden Joko Widodo meresmikan jalan tol itu."
    doc = _doc(text, [("Joko Widodo", "PER")])
    in_office = resolve_entities(_analysis(text, "2019-09-20"), doc)
    jokowi = next(e for e in in_office if e.type == "PER")
    assert jokowi.kb_id == _person("Joko Widodo") and jokowi.cameo == "IDNGOV"
    text2 = "Mantan presiden Joko Widodo menghadiri acara itu."
    later = resolve_entities(_analysis(text2, "2025-10-21"), _doc(text2, [("Joko Widodo", "PER")]))
    assert next(e for e in later if e.type == "PER").cameo != "IDNGOV"


def test_entities_the_model_missed_are_found_by_the_alias_matcher():
    text = "Kanada, Inggris, dan Australia memboikot Olimpiade di Beijing bersama AS."
    ents = resolve_entities(_analysis(text), _doc(text))  # no model spans at all
    countries = {e.country for e in ents if e.type == "GPE"}
    assert {"CAN", "GBR", "AUS", "USA"} <= countries
    beijing = next(e for e in ents if _surfaces(e, text) == ["Beijing"])
    assert beijing.type == "LOC" and beijing.country == "CHN"


def test_lower_case_words_are_not_names():
    text = "Warga membawa batu dan kayu ke pasar, lalu makan siang."
    ents = resolve_entities(_analysis(text), _doc(text))
    assert all(text[m.start].isupper() for e in ents for m in e.mentions)


def test_capital_as_subject_is_the_government_and_elsewhere_a_place():
    words = ["Moskow", "mengancam", "Ukraina", ".", "Ia", "tiba", "di", "Moskow", "."]
    heads = [1, 1, 1, 1, 5, 5, 7, 5, 5]
    deps = ["nsubj", "ROOT", "obj", "punct", "nsubj", "ROOT", "case", "obl", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "ADP", "PROPN", "PUNCT"]
    spaces = [True, True, False, True, True, True, True, False, False]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    text = doc.text
    a = _analysis(text)
    ents = resolve_entities(a, doc)
    gov = next(e for e in ents if e.cameo == "RUSGOV")
    assert gov.type == "GROUP" and [m.start for m in gov.mentions] == [0]
    moscow = next(e for e in ents if e.type == "LOC")
    assert [m.start for m in moscow.mentions] == [text.rindex("Moskow")]
    places, _ = geocode(a, ents)
    assert any(p.entity_id == moscow.id and p.lat is not None for p in places)


def test_ids_are_stable_and_in_order_of_first_mention():
    text = "Presiden China Xi Jinping bertemu Presiden Rusia Vladimir Putin di Beijing."
    doc = _doc(text, [("Xi Jinping", "PER"), ("Vladimir Putin", "PER"), ("Beijing", "LOC")])
    ents = resolve_entities(_analysis(text), doc)
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]
    firsts = [min(m.start for m in e.mentions) for e in ents if e.mentions]
    assert firsts == sorted(firsts)
    assert ents == resolve_entities(_analysis(text), doc)


def test_dateline_place_not_named_in_the_body_is_geocoded():
    text = "Pemerintah Rusia mengatakan telah mendapat jaminan dari China."
    a = _analysis(text, dateline="MOSKOW")
    ents = resolve_entities(a, _doc(text))
    places, dateline_id = geocode(a, ents)
    assert dateline_id is not None
    ent = next(e for e in ents if e.id == dateline_id)
    assert ent.mentions == []
    place = next(p for p in places if p.entity_id == dateline_id)
    assert place.country == "RUS"
    assert abs(place.lat - 55.75) < 0.5 and abs(place.lon - 37.62) < 0.5


@pytest.mark.parametrize(
    "title,sector", [("Kapolri", "COP"), ("Panglima TNI", "MIL"), ("Bupati", "GOV")]
)
def test_indonesian_offices_imply_indonesia(title, sector):
    text = f"{title} Wahyu Prasetyo meninjau lokasi banjir."
    ents = resolve_entities(_analysis(text), _doc(text, [("Wahyu Prasetyo", "PER")]))
    wahyu = _by_name(ents, "Wahyu Prasetyo")
    assert wahyu.country == "IDN" and wahyu.sector == sector
    assert wahyu.cameo == "IDN" + sector


def test_generic_institution_name_abroad_is_not_the_indonesian_one():
    text = "Mahkamah Agung menyatakan tarif Presiden Donald Trump ilegal, kata hakim di Washington."
    ents = resolve_entities(_analysis(text, "2025-08-30"), _doc(text))
    court = next(e for e in ents if _surfaces(e, text) == ["Mahkamah Agung"])
    assert court.kb_id is None and court.type == "ORG"
    text2 = "Mahkamah Agung menolak kasasi itu, kata juru bicara di Jakarta."
    ents2 = resolve_entities(_analysis(text2, "2025-08-30"), _doc(text2))
    court2 = next(e for e in ents2 if _surfaces(e, text2) == ["Mahkamah Agung"])
    assert court2.kb_id is not None and court2.country == "IDN"


def test_lower_case_agent_phrase_still_names_the_country():
    text = "Menurut dia, pemerintah Indonesia sudah memberikan yang terbaik."
    ents = resolve_entities(_analysis(text), _doc(text))
    assert any(e.kb_id == kb().country("IDN").id for e in ents)
    gov = next(e for e in ents if e.cameo == "IDNGOV")
    assert gov.type == "GROUP" and _surfaces(gov, text) == ["pemerintah Indonesia"]


def test_namesake_alias_inside_an_unknown_name_is_not_linked():
    # "Halimah" alone is a KB alias (Halimah Yacob); here it is Rina Halimah's name.
    text = "Rina Halimah tiba di kantor. Halimah lalu memimpin rapat."
    ents = resolve_entities(
        _analysis(text), _doc(text, [("Rina Halimah", "PER"), ("Halimah", "PER")])
    )
    people = [e for e in ents if e.type == "PER"]
    assert len(people) == 1 and people[0].kb_id is None
    assert _surfaces(people[0], text) == ["Rina Halimah", "Halimah"]


@pytest.mark.parametrize(
    "text,span,label",
    [
        # the model merged a country and a known person
        (
            "Panggilan itu antara Presiden China Xi Jinping dan pejabat lain.",
            "China Xi Jinping",
            "ORG",
        ),
        # a titled person labelled ORG
        (
            "Pemimpin Tertinggi Iran Ayatollah Ali Khamenei menyetujui rencana itu.",
            "Pemimpin Tertinggi Iran Ayatollah Ali Khamenei",
            "ORG",
        ),
    ],
)
def test_model_spans_are_repaired_by_known_names(text, span, label):
    ents = resolve_entities(_analysis(text, "2019-09-19"), _doc(text, [(span, label)]))
    person = next(e for e in ents if e.type == "PER")
    assert person.kb_id is not None
    (surface,) = _surfaces(person, text)
    assert surface.endswith(person.name)  # "Ayatollah Ali Khamenei" is a KB alias too
    assert not any(_surfaces(e, text) == [span] for e in ents)


def test_title_and_country_only_is_not_a_person():
    text = "Havana mendukung Presiden Venezuela dalam krisis itu."
    ents = resolve_entities(_analysis(text), _doc(text, [("Presiden Venezuela", "PER")]))
    assert not any(e.type == "PER" for e in ents)
    assert any(e.country == "VEN" and e.type == "GPE" for e in ents)


def test_unknown_name_after_a_qualified_title_inside_a_loc_span():
    text = "Kata Sekretaris pers Gedung Putih Rani Wulandari Putri kepada wartawan."
    ents = resolve_entities(
        _analysis(text), _doc(text, [("Gedung Putih Rani Wulandari Putri", "LOC")])
    )
    rani = _by_name(ents, "Rani Wulandari Putri")
    assert rani.type == "PER" and rani.cameo == "USAGOV"


def test_comma_and_lower_case_words_in_a_title():
    text = (
        "Wakil Menteri Hubungan dan Kerja Sama Internasional Afrika Selatan, Dito Hartono, "
        "tiba kemarin. Duta Besar Rusia untuk AS Bima Sakti Wijaya juga hadir."
    )
    ents = resolve_entities(
        _analysis(text), _doc(text, [("Dito Hartono", "PER"), ("Bima Sakti Wijaya", "PER")])
    )
    assert _by_name(ents, "Dito Hartono").cameo == "ZAFGOV"
    assert _by_name(ents, "Bima Sakti Wijaya").cameo == "RUSGOV"  # the sender, not AS


def test_a_title_belongs_to_the_person_it_names():
    text = "Presiden Joko Widodo dan Yudi Pranata meninjau bendungan itu."
    ents = resolve_entities(
        _analysis(text, "2019-09-20"), _doc(text, [("Joko Widodo", "PER"), ("Yudi Pranata", "PER")])
    )
    yudi = _by_name(ents, "Yudi Pranata")
    assert yudi.roles == [] and yudi.cameo is None


def test_office_without_country_is_indonesian_only_in_an_indonesian_story():
    home = "Wakil Menteri Luar Negeri Dodi Saputra menerima utusan itu di Jakarta."
    ents = resolve_entities(_analysis(home), _doc(home, [("Dodi Saputra", "PER")]))
    assert _by_name(ents, "Dodi Saputra").cameo == "IDNGOV"
    away = "Menteri Keuangan Dodi Saputra berbicara di Washington soal sanksi terhadap Iran."
    ents = resolve_entities(_analysis(away), _doc(away, [("Dodi Saputra", "PER")]))
    assert _by_name(ents, "Dodi Saputra").country is None


def test_perdana_menteri_is_not_an_indonesian_minister():
    text = "Perdana Menteri, Anwar Salleh Rahman mengaku tak bertanya kepada Presiden Indonesia."
    ents = resolve_entities(_analysis(text), _doc(text, [("Anwar Salleh Rahman", "PER")]))
    anwar = _by_name(ents, "Anwar Salleh Rahman")
    assert anwar.roles[0].title == "Perdana Menteri"
    assert anwar.country is None


def test_country_as_given_name_after_a_rank():
    text = "Juru bicara koalisi, Kolonel Turki al-Malki, mengatakan bukti sudah jelas."
    ents = resolve_entities(_analysis(text), _doc(text))
    assert not any(e.country == "TUR" for e in ents)


def test_surname_with_arabic_article_joins_the_full_name():
    text = "Direktur itu, Salem Mohammed al-Zaabi, berbicara. Zaabi menambahkan bahwa UEA siap."
    ents = resolve_entities(
        _analysis(text), _doc(text, [("Salem Mohammed al-Zaabi", "PER"), ("Zaabi", "ORG")])
    )
    salem = _by_name(ents, "Salem Mohammed al-Zaabi")
    assert _surfaces(salem, text) == ["Salem Mohammed al-Zaabi", "Zaabi"]
    assert salem.type == "PER"


def test_short_run_of_a_known_name_after_a_ministry_abbreviation():
    text = (
        "Menteri Agama Lukman Hakim Saifuddin hadir. Menag Lukman Hakim lalu berbicara, "
        "dan Lukman menutup acara."
    )
    ents = resolve_entities(
        _analysis(text, "2019-03-20"),
        _doc(
            text,
            [("Lukman Hakim Saifuddin", "PER"), ("Menag Lukman Hakim", "PER"), ("Lukman", "ORG")],
        ),
    )
    people = [e for e in ents if e.type == "PER"]
    assert len(people) == 1
    assert _surfaces(people[0], text) == ["Lukman Hakim Saifuddin", "Lukman Hakim", "Lukman"]


def test_title_word_inside_a_company_name_is_no_title():
    text = "Saham PT Gunung Raja Paksi Tbk naik, kata analis Yoga Pratama Putra."
    ents = resolve_entities(_analysis(text), _doc(text, [("Yoga Pratama Putra", "PER")]))
    assert _by_name(ents, "Yoga Pratama Putra").roles == []
    text2 = "Direktur PT Sinar Maju Joko Santoso Wibowo hadir."
    ents2 = resolve_entities(_analysis(text2), _doc(text2, [("Joko Santoso Wibowo", "PER")]))
    assert not any(r.title == "Raja" for e in ents2 for r in e.roles)


def test_model_span_cleanup():
    text = (
        "Bocah itu tersenyum. Kementerian Agama (Kemenag) menjawab. "
        "Melansir Reuters, bocah itu pulang."
    )
    doc = _doc(
        text, [("Bocah", "PER"), ("Kementerian Agama (Kemenag", "ORG"), ("Melansir Reuters", "PER")]
    )
    ents = resolve_entities(_analysis(text), doc)
    names = {text[m.start : m.end] for e in ents for m in e.mentions}
    assert "Bocah" not in names  # written in lower case elsewhere: an ordinary word
    assert "Kementerian Agama" in names and "Kementerian Agama (Kemenag" not in names
    assert "Melansir Reuters" not in names


def test_generic_institution_followed_by_a_country_is_that_countrys():
    text = (
        "Kementerian Luar Negeri Iran membantah tuduhan itu, sementara Presiden Joko "
        "Widodo berada di Jakarta."
    )  # Indonesian context: the rule must not need it
    ents = resolve_entities(_analysis(text, "2019-09-16"), _doc(text))
    ministry = next(e for e in ents if _surfaces(e, text) == ["Kementerian Luar Negeri Iran"])
    assert ministry.kb_id is None and ministry.type == "ORG"
    assert ministry.country == "IRN" and ministry.cameo == "IRNGOV"


def test_first_name_cut_off_by_the_model_is_joined_back():
    text = "Direktur itu, Salem Mohammed al-Zaabi, berbicara kemarin."
    ents = resolve_entities(
        _analysis(text), _doc(text, [("Salem", "LOC"), ("Mohammed al-Zaabi", "PER")])
    )
    assert [e.name for e in ents if e.type == "PER"] == ["Salem Mohammed al-Zaabi"]
    assert not any(e.type == "LOC" for e in ents)
