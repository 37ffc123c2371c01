"""People named by a short form, and person spans with a title or a neighbour glued on.

Made-up Indonesian sentences with a hand-set Doc (``spacy.blank("id")`` + ``doc.ents``), so
the trained model is not needed; the knowledge base is the shipped one.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from helpers import doc_with_ents
from warta.analysis.entities import resolve_entities
from warta.analysis.quotes import extract_quotes
from warta.knowledge import kb
from warta.record import Analysis, Article, Published, Span

NLP = spacy.blank("id")


def _analysis(text: str, date: str = "2025-05-26", title: str | None = None) -> Analysis:
    art = Article(
        id="t",
        text=text,
        title=title,
        published=Published(date, "day", "test"),
        paragraphs=[Span(0, len(text))],
    )
    return Analysis(article=art)


def _doc(text: str, ents=()) -> Doc:
    return doc_with_ents(NLP, text, ents)


def _resolve(text: str, ents, **kw):
    return resolve_entities(_analysis(text, **kw), _doc(text, ents))


def _people(ents) -> dict[str, list[str]]:
    return {e.name: [m for m in e.mentions] for e in ents if e.type == "PER"}


def _named(ents, name):
    hits = [e for e in ents if e.name == name]
    assert hits, f"no entity named {name!r} in {[e.name for e in ents]}"
    return hits[0]


def test_rank_inside_a_span_starts_the_name():
    text = (
        "Kasat Reskrim Polres Sekadau Iptu Zainal Abidin memberi tips. "
        "Zainal mengatakan warga harus waspada."
    )
    ents = _resolve(text, [("Sekadau Iptu Zainal Abidin", "PER"), ("Zainal", "PER")])
    zainal = _named(ents, "Zainal Abidin")
    assert len(zainal.mentions) == 2
    assert any(r.title.lower().startswith("iptu") for r in zainal.roles)
    assert zainal.cameo == "IDNCOP"


def test_a_word_glued_to_a_name_is_cut_off():
    text = 'Iptu Zainal Abidin memberi tips. "Hati-hati," ujar Zainal kepadadetikKalimantan, Jumat.'
    ents = _resolve(text, [("Zainal Abidin", "PER"), ("Zainal kepadadetikKalimantan", "PER")])
    assert list(_people(ents)) == ["Zainal Abidin"]
    assert len(_named(ents, "Zainal Abidin").mentions) == 2


def test_words_between_a_rank_and_the_span_join_the_name():
    text = "Kata Wadir Kombes Bhakti Eri Nurmansyah di Jakarta. Bhakti menambahkan hal itu."
    ents = _resolve(text, [("Eri Nurmansyah", "PER"), ("Bhakti", "PER")])
    assert list(_people(ents)) == ["Bhakti Eri Nurmansyah"]


def test_a_rank_inside_an_office_name_does_not_pull_words_in():
    text = "Direktur Jenderal Pajak Bimo Wijayanto hadir. Bimo menjelaskan target."
    ents = _resolve(text, [("Bimo Wijayanto", "PER"), ("Bimo", "PER")])
    assert list(_people(ents)) == ["Bimo Wijayanto"]


def test_a_place_of_the_title_before_a_name_is_taken_off():
    text = (
        "Dana transfer ke NTB dipangkas. Kepala Bappenda NTB Fathurrahman mengatakan NTB "
        "akan melobi. Fathurrahman menambahkan hal itu."
    )
    ents = _resolve(text, [("NTB Fathurrahman", "PER"), ("Fathurrahman", "PER")])
    assert list(_people(ents)) == ["Fathurrahman"]
    # A place named only inside the name is a given name ("Bima Sakti Wijaya"), and so is
    # one the article uses alone for the person ("Boston").
    text = (
        "Kepala Seksi Intelijen Kejari, Boston Robert Siahaan menjelaskan program. "
        '"Kami kawal," kata Boston.'
    )
    ents = _resolve(text, [("Boston Robert Siahaan", "PER"), ("Boston", "PER")])
    assert list(_people(ents)) == ["Boston Robert Siahaan"]


def test_portfolio_words_belong_to_the_title():
    text = "Sementara itu, Menteri Ketenagakerjaan Yassierli memastikan program gratis."
    ents = _resolve(text, [("Ketenagakerjaan Yassierli", "PER")])
    person = [e for e in ents if e.type == "PER"]
    assert [e.kb_id for e in person] == [kb().lookup("Yassierli", kinds=("person",))[0].id]


def test_the_end_of_an_organisation_name_is_not_part_of_a_person():
    text = (
        "Bank Mega Syariah meneken pembiayaan. Direktur Bisnis Bank Mega Syariah Rasmoro "
        'Pramono Aji (Oney) menyampaikan komitmen. "Kami siap," ujar Oney.'
    )
    ents = _resolve(
        text,
        [
            ("Bank Mega Syariah", "ORG"),
            ("Mega Syariah Rasmoro Pramono Aji", "PER"),
            ("Oney", "PER"),
        ],
    )
    people = _people(ents)
    assert list(people) == ["Rasmoro Pramono Aji"]
    assert len(people["Rasmoro Pramono Aji"]) == 2  # the nickname in parentheses joins


def test_a_title_alone_names_no_one_and_walkot_is_a_title():
    text = (
        'Wali Kota Pekanbaru Agung Nugroho meninjau pasar. "Harga turun," ungkap Walkot '
        "Agung. Agung ingin melihat langsung. Hal itu disampaikan Walkot."
    )
    ents = _resolve(
        text,
        [("Agung Nugroho", "PER"), ("Walkot Agung", "PER"), ("Agung", "PER"), ("Walkot", "PER")],
    )
    people = _people(ents)
    assert list(people) == ["Agung Nugroho"]
    assert len(people["Agung Nugroho"]) == 3


def test_a_clipped_given_name_joins_the_full_name():
    text = 'Ketua DPRD Adityawarman Adil mengingatkan warga. "Jaga kebersihan," kata Adit.'
    ents = _resolve(text, [("Adityawarman Adil", "PER"), ("Adit", "PER")])
    assert list(_people(ents)) == ["Adityawarman Adil"]


def test_a_fuller_form_the_model_missed_names_the_person():
    text = (
        "Namun, Kabid Humas Kombes Ferry Walintukan membantah kabar itu. "
        '"Bukan OTT," kata Ferry. Ferry mengaku belum tahu.'
    )
    ents = _resolve(text, [("Ferry", "PER"), ("Ferry", "PER")])
    ferry = _named(ents, "Ferry Walintukan")
    assert len(ferry.mentions) == 3
    # Capitalised words around a name that nothing introduces as a person stay out.
    text = "Warung Ferry Jaya ramai pembeli. Ferry mengatakan harga naik."
    ents = _resolve(text, [("Ferry", "PER"), ("Ferry", "PER")])
    assert list(_people(ents)) == ["Ferry"]


def test_the_headline_gives_the_full_name():
    text = 'Gubernur menyebut investasi aman. "Iklim kita nyaman," kata Luthfi.'
    ents = _resolve(
        text, [("Luthfi", "PER")], title="Ahmad Luthfi Sebut Jateng Masih Jadi Magnet Investasi"
    )
    assert list(_people(ents)) == ["Ahmad Luthfi"]  # "Sebut" is no name


def test_a_one_word_name_is_the_office_holder_the_article_names():
    text = "Agus mengatakan TNI akan bekerja profesional di Kejaksaan."
    ents = _resolve(text, [("Agus", "PER")], title="Panglima Jelaskan Pengamanan oleh TNI")
    agus = [e for e in ents if e.type == "PER"]
    assert [e.kb_id for e in agus] == ["warta:person/agus-subiyanto"]
    # Without the office in the article, "Agus" is any Agus: not linked.
    ents = _resolve(text, [("Agus", "PER")], title="Pengamanan Kejaksaan oleh TNI")
    assert [e.kb_id for e in ents if e.type == "PER"] == [None]


def test_untagged_name_after_a_title_and_its_qualifier():
    text = (
        "Wali Kota Denpasar IGN Jaya Negara berharap warga ikut memilah sampah. "
        '"Ini gerakan nyata," sebut Jaya Negara. Direktur Penegakan Kementerian ESDM, '
        "Ma'mun, mengimbau pengusaha."
    )
    ents = _resolve(text, [("Jaya Negara", "PER", text.index("sebut"))])
    people = _people(ents)
    assert len(people.get("IGN Jaya Negara", [])) == 2
    assert "Ma'mun" in people


def test_company_spans_are_not_people():
    text = "Direktur PT Prima Global Baverindo (PGB) Mustika Aji Jaya Binangun bersaksi."
    ents = _resolve(text, [("PT Prima Global Baverindo", "PER")])
    assert _named(ents, "PT Prima Global Baverindo").type == "ORG"
    assert "Mustika Aji Jaya Binangun" in _people(ents)


def test_a_short_office_name_alone_is_its_holder_as_speaker():
    text = (
        "Menteri Ketenagakerjaan Yassierli membuka program magang. "
        '"Tidak ada biaya apa pun," tegas Menaker.'
    )
    analysis = _analysis(text)
    doc = _doc(text, [("Yassierli", "PER"), ("Menaker", "PER")])
    analysis.entities = resolve_entities(analysis, doc)
    quotes = extract_quotes(analysis, doc)
    assert len(quotes) == 1 and quotes[0].speaker is not None
    holder = analysis.entity(quotes[0].speaker.entity_id)
    assert holder is not None and holder.name == "Yassierli"
