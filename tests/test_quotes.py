"""Quotation finder on made-up Indonesian sentences, one pattern each, with hand-built entities."""

from __future__ import annotations

import re

import pytest

from warta.analysis.quotes import extract_quotes
from warta.record import Analysis, Article, Entity, Span

PEOPLE = {
    "Budi Santoso": ["Budi Santoso", "Budi"],
    "Siti Rahma": ["Siti Rahma", "Siti"],
    "Andi Wijaya": ["Andi Wijaya", "Andi"],
    "Retno Marsudi": ["Retno Marsudi"],
}


def _analysis(text: str, with_entities: bool = True) -> Analysis:
    """An Analysis over ``text`` whose entities mark every occurrence of the names above."""
    paras = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    art = Article(id="t", text=text, paragraphs=paras)
    a = Analysis(article=art)
    if not with_entities:
        return a
    taken: list[tuple[int, int]] = []
    for i, (name, forms) in enumerate(PEOPLE.items(), 1):
        ent = Entity(f"e{i}", "PER", name)
        for form in forms:  # longest form first, so "Budi" inside "Budi Santoso" is skipped
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                ent.mentions.append(Span(m.start(), m.end()))
        if ent.mentions:
            a.entities.append(ent)
    for m in re.finditer(r"\bReuters\b|\bKPU\b", text):
        a.entities.append(
            Entity(f"o{m.start()}", "ORG", m.group(), mentions=[Span(m.start(), m.end())])
        )
    return a


def _speaker_name(a: Analysis, q) -> str | None:
    if q.speaker is None:
        return None
    ent = a.entity(q.speaker.entity_id)
    return ent.name if ent else q.speaker.text


# (text, expected [(kind, quoted words, speaker canonical name)])
CASES = [
    pytest.param(
        '"Kami akan membangun jembatan baru tahun depan," kata Budi Santoso.',
        [("direct", "Kami akan membangun jembatan baru tahun depan,", "Budi Santoso")],
        id="quote-then-cue",
    ),
    pytest.param(
        "“Harga beras sudah turun di semua pasar,” ujar Menteri Perdagangan Siti Rahma.",
        [("direct", "Harga beras sudah turun di semua pasar,", "Siti Rahma")],
        id="curly-title-before-name",
    ),
    pytest.param(
        "Ketua KPU Andi Wijaya pada hari Senin mengatakan bahwa "
        "“pemilu akan berlangsung aman dan damai.”",
        [("direct", "pemilu akan berlangsung aman dan damai.", "Andi Wijaya")],
        id="cue-bahwa-then-quote",
    ),
    pytest.param(
        "Siti Rahma menjawab pertanyaan wartawan dengan singkat, "
        'ujarnya: "Kami sedang menghitung ulang data itu."',
        [("direct", "Kami sedang menghitung ulang data itu.", "Siti Rahma")],
        id="nya-colon-then-quote",
    ),
    pytest.param(
        '"Kami siap bekerja," kata Budi, "dan kami tidak akan mundur sedikit pun."',
        [
            ("direct", "Kami siap bekerja,", "Budi Santoso"),
            ("direct", "dan kami tidak akan mundur sedikit pun.", "Budi Santoso"),
        ],
        id="split-by-cue",
    ),
    pytest.param(
        "Budi Santoso berbicara kepada wartawan di Bandung.\n\n"
        '"Tahun ini kami menambah dua jembatan di desa.\n\n'
        '"Tahun depan kami membangun tiga jembatan lagi," kata Budi.',
        [
            (
                "direct",
                (
                    'Tahun ini kami menambah dua jembatan di desa.\n\n"Tahun depan kami '
                    "membangun tiga jembatan lagi,"
                ),
                "Budi Santoso",
            )
        ],
        id="over-two-paragraphs",
    ),
    pytest.param(
        'Budi Santoso menyebut Andi Wijaya sebagai "sahabat lama" dalam pidatonya.',
        [("mixed", "sahabat lama", "Budi Santoso")],
        id="mixed-phrase",
    ),
    pytest.param(
        'Program "Desa Cerdas" diluncurkan pekan lalu di sepuluh kabupaten.',
        [],
        id="scare-quotes-are-not-quotes",
    ),
    pytest.param(
        "Budi Santoso mengatakan bahwa harga cabai akan turun pekan depan.",
        [("indirect", "harga cabai akan turun pekan depan", "Budi Santoso")],
        id="indirect-mengatakan-bahwa",
    ),
    pytest.param(
        "Menteri Luar Negeri Retno Marsudi menegaskan Indonesia tetap mendukung perdamaian.",
        [("indirect", "Indonesia tetap mendukung perdamaian", "Retno Marsudi")],
        id="indirect-title-before-name",
    ),
    pytest.param(
        "Menurut Siti Rahma, pasokan beras di gudang cukup sampai akhir tahun.",
        [("indirect", "pasokan beras di gudang cukup sampai akhir tahun", "Siti Rahma")],
        id="indirect-menurut",
    ),
    pytest.param(
        "Pasokan beras di gudang cukup sampai akhir tahun, kata Siti.",
        [("indirect", "Pasokan beras di gudang cukup sampai akhir tahun", "Siti Rahma")],
        id="indirect-tail-cue",
    ),
    pytest.param(
        'Budi Santoso tiba di Jakarta pada pagi hari. "Kami siap membantu semua warga," ujarnya.',
        [("direct", "Kami siap membantu semua warga,", "Budi Santoso")],
        id="nya-points-back",
    ),
    pytest.param(
        "Andi Wijaya mengatakan harga gula naik tajam. Ia menegaskan bahwa pasokan tetap aman.",
        [
            ("indirect", "harga gula naik tajam", "Andi Wijaya"),
            ("indirect", "pasokan tetap aman", "Andi Wijaya"),
        ],
        id="pronoun-points-back",
    ),
    pytest.param(
        '"Jalanan macet sejak pagi tadi," sahut seorang pengendara.',
        [("direct", "Jalanan macet sejak pagi tadi,", None)],
        id="unnamed-speaker-stays-null",
    ),
    pytest.param(
        "Polres Bandung, kata Budi, menambah patroli di pasar.",
        [("indirect", "Polres Bandung, kata Budi, menambah patroli di pasar", "Budi Santoso")],
        id="indirect-parenthetical-cue",
    ),
    pytest.param(
        "Pasokan beras, sambung Siti, cukup sampai akhir tahun.",
        [("indirect", "Pasokan beras, sambung Siti, cukup sampai akhir tahun", "Siti Rahma")],
        id="indirect-parenthetical-any-bare-speech-verb",
    ),
    pytest.param(
        "Lebih lanjut, dipaparkan Budi, jembatan itu dibangun dengan dana desa.",
        [
            (
                "indirect",
                "Lebih lanjut, dipaparkan Budi, jembatan itu dibangun dengan dana desa",
                "Budi Santoso",
            )
        ],
        id="indirect-parenthetical-passive",
    ),
    pytest.param(
        "Budi Santoso tiba di Bandung pada pagi hari. "
        "Diungkapkan, jembatan itu akan selesai tahun depan.",
        [("indirect", "jembatan itu akan selesai tahun depan", "Budi Santoso")],
        id="indirect-passive-opener",
    ),
    pytest.param(
        "Andi Wijaya juga dinilai Budi Santoso mampu memimpin tim dengan baik.",
        [("indirect", "mampu memimpin tim dengan baik", "Budi Santoso")],
        id="indirect-passive-agent",
    ),
    pytest.param(
        "Budi Santoso tanpa ragu menyebut harga beras akan turun pekan depan.",
        [("indirect", "harga beras akan turun pekan depan", "Budi Santoso")],
        id="tanpa-ragu-is-no-denial",
    ),
    pytest.param(
        "Budi Santoso tidak pernah menyebut harga beras akan turun pekan depan.",
        [],
        id="denial-is-no-report",
    ),
    pytest.param(
        '"Kami sudah menangkap dua pelaku," kata Kompol Ari Purwantono.',
        [("direct", "Kami sudah menangkap dua pelaku,", "Ari Purwantono")],
        id="rank-title-is-not-the-name",
    ),
    pytest.param(
        "Budi Santoso tiba di gedung DPR pagi ini. "
        "Legislator asal Bandung ini meyakini bahwa anggaran desa akan naik.",
        [("indirect", "anggaran desa akan naik", "Budi Santoso")],
        id="office-title-description-points-back",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_patterns(text, expected):
    a = _analysis(text)
    quotes = extract_quotes(a)
    got = [(q.kind, q.text, _speaker_name(a, q)) for q in quotes]
    assert got == expected
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert 0.0 < q.confidence <= 1.0
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("text, expected", CASES)
def test_patterns_without_entities(text, expected):
    """Before entities exist the finder still finds the same spans and a speaker's words."""
    a = _analysis(text, with_entities=False)
    quotes = extract_quotes(a)
    assert [(q.kind, q.text) for q in quotes] == [(k, t) for k, t, _ in expected]
    for q, (_, _, name) in zip(quotes, expected):
        if name is None:
            assert q.speaker is None
        else:
            assert q.speaker is not None and set(q.speaker.text.split()) <= set(name.split())


def test_speaker_is_resolved_to_entity_by_offsets():
    a = _analysis('"Harga beras sudah turun di semua pasar," ujar Menteri Perdagangan Siti Rahma.')
    (q,) = extract_quotes(a)
    assert q.speaker.entity_id == "e2"
    assert q.speaker.text == "Siti Rahma"
    assert q.cue == "ujar"


@pytest.mark.parametrize(
    "text, via",
    [
        (
            (
                '"Kami tidak akan menyerah kepada siapa pun," kata Budi Santoso, '
                "seperti dilansir Reuters."
            ),
            "Reuters",
        ),
        (
            (
                "Budi Santoso mengatakan kepada wartawan bahwa Andi “memahami kekhawatiran "
                "warga dan "
                "mendukung rencana itu,” menurut The New York Times."
            ),
            "The New York Times",
        ),
        (
            '"Kami tidak akan menyerah kepada siapa pun," kata Budi Santoso, dikutip dari Antara.',
            "Antara",
        ),
    ],
)
def test_relay_outlet_is_via_not_speaker(text, via):
    a = _analysis(text)
    (q,) = extract_quotes(a)
    assert q.via == via
    assert _speaker_name(a, q) == "Budi Santoso"


@pytest.mark.parametrize("verb", ["disebut", "dinilai", "diklaim"])
def test_passive_agent_cue_is_the_verb_as_written(verb):
    text = f"Andi Wijaya juga {verb} Budi Santoso mampu memimpin tim dengan baik."
    (q,) = extract_quotes(_analysis(text))
    assert q.cue == verb


def test_doc_over_other_text_is_refused():
    """The Doc must be parsed from the article's own text: offsets of another text would
    point at the wrong words (this used to be swallowed by a broad except)."""
    spacy = pytest.importorskip("spacy")
    a = _analysis('"Kami siap," kata Budi Santoso.')
    with pytest.raises(ValueError, match="not parsed from"):
        extract_quotes(a, spacy.blank("id")("Teks lain sama sekali."))
    same = spacy.blank("id")(a.article.text)
    assert [q.text for q in extract_quotes(a, same)] == ["Kami siap,"]


def test_outlet_credit_in_another_sentence_is_not_a_via():
    text = (
        "Melansir The Hill, Kamis (16/12), rapat itu berlangsung dua jam. "
        '"Kami puas dengan hasilnya," kata Budi Santoso.'
    )
    (q,) = extract_quotes(_analysis(text))
    assert q.via is None


def test_menurut_outlet_alone_gives_no_speaker():
    text = "Menurut Reuters, kedua negara sepakat membuka kembali perbatasan pekan depan."
    (q,) = extract_quotes(_analysis(text))
    assert q.kind == "indirect" and q.speaker is None and q.via == "Reuters"


@pytest.mark.parametrize(
    "text",
    [
        '"Kami belum menerima laporan itu, kata Budi Santoso.',
        'Budi Santoso berkata "kami belum siap dan',
        '"""',
        "”Terbalik,“ kata Budi.",
        '"',
        "",
        "   \n\n  ",
        'Tonton juga video "Banjir di Jakarta Hari Ini" di sini:',
    ],
)
def test_messy_text_does_not_crash(text):
    quotes = extract_quotes(_analysis(text))
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert 0.0 < q.confidence <= 1.0


def test_unbalanced_quote_is_kept_with_lower_confidence():
    text = '"Kami belum menerima laporan itu, kata Budi Santoso.'
    quotes = extract_quotes(_analysis(text))
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "direct" and q.text == "Kami belum menerima laporan itu,"
    assert q.confidence < 0.9
    assert q.speaker is not None and q.speaker.entity_id == "e1"


def test_quotes_are_in_text_order_and_json_ready():
    text = (
        '"Pertama," kata Budi. Andi Wijaya mengatakan bahwa rapat ditunda sampai pekan depan. '
        '"Kedua," ujar Siti.'
    )
    a = _analysis(text)
    quotes = extract_quotes(a)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert type(q).from_dict(q.to_dict()) == q
