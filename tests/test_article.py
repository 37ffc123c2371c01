"""parse_article: the seed article (read from ../shared at run time) and made-up cases for
each header, dateline and boilerplate form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from warta.analysis.amounts import extract_amounts
from warta.article import article_id, parse_article
from warta.article.dates import extract_dates
from warta.sources.raw import RawDocument

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "data" / "seed" / "kontan-rusia-china.txt"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is not checked out)")
    raw = RawDocument(name=str(SEED), text=SEED.read_text(encoding="utf-8"))
    return raw, parse_article(raw, today=date(2026, 1, 1))


def test_seed_fields(seed):
    raw, art = seed
    assert art.outlet == "Kontan"
    assert art.dateline is not None and art.dateline.place == "Moskow"
    assert art.dateline.text.startswith("KONTAN.CO.ID")
    assert art.credited_source == "The Hill"
    assert art.editor == "Noverius Laoli"
    assert art.published is not None
    assert art.published.value == "2021-12-16"
    assert art.published.how.startswith("inferred") and "Kamis (16/12)" in art.published.how
    assert art.origin == raw.name
    assert len(art.id) == 16 and int(art.id, 16) >= 0


def test_seed_related(seed):
    raw, art = seed
    expected = [
        line.split(":", 1)[1].strip()
        for line in raw.text.splitlines()
        if line.startswith("Baca Juga:")
    ]
    assert len(expected) == 3
    assert [r.title for r in art.related] == expected


def test_seed_body_clean(seed):
    raw, art = seed
    for phrase in ("Sumber:", "Editor:", "Baca Juga", "Google News", "KONTAN.CO.ID"):
        assert phrase not in art.text
    assert art.text.startswith("Pemerintah Rusia")
    # Every body line of the source is a paragraph, in order.
    body_lines = [
        line
        for line in raw.text.splitlines()[1:]
        if line.strip() and not line.startswith(("Baca Juga", "Cek Berita"))
    ]
    assert len(art.paragraphs) == len(body_lines)
    pieces = [art.text[s.start : s.end] for s in art.paragraphs]
    assert pieces[1:] == [line.strip() for line in body_lines[1:]]
    assert "\n\n".join(pieces) == art.text


def test_seed_dates_and_amounts(seed):
    _, art = seed
    dates = extract_dates(art)
    tuesdays = [d for d in dates if d.text.endswith("Selasa")]
    assert tuesdays and all(d.value == "2021-12-14" for d in tuesdays)
    kamis = [d for d in dates if d.text == "Kamis (16/12)"]
    assert kamis and kamis[0].value == "2021-12-16"
    assert art.text[kamis[0].start : kamis[0].end] == "Kamis (16/12)"
    feb = [d for d in dates if d.text == "Februari"]
    assert feb and feb[0].value == "2022-02" and feb[0].precision == "month"
    amounts = extract_amounts(art)
    troops = [a for a in amounts if "100.000" in a.text]
    assert troops and troops[0].value == 100000 and troops[0].object == "tentara"
    assert art.text[troops[0].start : troops[0].end] == troops[0].text


@pytest.mark.parametrize(
    "first, outlet, place, rest",
    [
        ("KONTAN.CO.ID - JAKARTA. Harga emas naik.", "Kontan", "Jakarta", "Harga emas naik."),
        ("JAKARTA, KOMPAS.com - Banjir melanda kota.", "Kompas", "Jakarta", "Banjir melanda kota."),
        (
            "Jakarta, CNN Indonesia -- Harga cabai turun.",
            "CNN Indonesia",
            "Jakarta",
            "Harga cabai turun.",
        ),
        (
            "TEMPO.CO, Jakarta - Polisi menangkap dua orang.",
            "Tempo",
            "Jakarta",
            "Polisi menangkap dua orang.",
        ),
        (
            "Liputan6.com, Jakarta - Bursa dibuka menguat.",
            "Liputan6",
            "Jakarta",
            "Bursa dibuka menguat.",
        ),
        ("Bisnis.com, JAKARTA - Rupiah melemah.", "Bisnis", "Jakarta", "Rupiah melemah."),
        ("Jakarta - Menteri meninjau pasar.", None, "Jakarta", "Menteri meninjau pasar."),
        ("Okezone.com - Hujan turun sejak pagi.", "Okezone", None, "Hujan turun sejak pagi."),
        ("TRIBUNNEWS.COM - Laga berakhir imbang.", "Tribunnews", None, "Laga berakhir imbang."),
        ("ANTARA - Gempa mengguncang Maluku.", "Antara", None, "Gempa mengguncang Maluku."),
        (
            "Jakarta (ANTARA) - Presiden membuka rapat.",
            "Antara",
            "Jakarta",
            "Presiden membuka rapat.",
        ),
        (
            "REPUBLIKA.CO.ID, JAKARTA -- Warga antre BBM.",
            "Republika",
            "Jakarta",
            "Warga antre BBM.",
        ),
        ("KUALA LUMPUR, KOMPAS.com – Pemilu digelar.", "Kompas", "Kuala Lumpur", "Pemilu digelar."),
    ],
)
def test_datelines(first, outlet, place, rest):
    art = parse_article(RawDocument(name="t", text=first + "\nParagraf kedua di sini."))
    assert art.dateline is not None
    assert art.dateline.place == place
    assert art.outlet == outlet
    assert art.text.split("\n\n")[0] == rest
    assert art.dateline.text == first[: first.index(rest)].strip()


def test_detik_channel_line():
    art = parse_article(RawDocument(name="t", text="detikNews\nJakarta - Sidang dimulai pagi ini."))
    assert art.outlet == "Detik" and art.dateline.place == "Jakarta"
    assert art.text == "Sidang dimulai pagi ini."


@pytest.mark.parametrize("lead", [" - ", ", , - ", "– ", "- , "])
def test_clickid_lead_cleaned(lead):
    art = parse_article(
        RawDocument(name="t", text=lead + "Warga memadati alun-alun.,Acara berlangsung meriah.")
    )
    assert art.text.startswith("Warga memadati")
    assert art.dateline is None


def test_container_outlet_wins_and_is_normalised():
    art = parse_article(RawDocument(name="t", text="JAKARTA, KOMPAS.com - Isi.", outlet="kompas"))
    assert art.outlet == "Kompas"
    art = parse_article(
        RawDocument(name="t", text="JAKARTA, KOMPAS.com - Isi.", outlet="Harian Contoh")
    )
    assert art.outlet == "Harian Contoh"


@pytest.mark.parametrize(
    "lines, source, editor, authors",
    [
        (["Sumber: Reuters | Editor: Budi Santoso", "Isi berita."], "Reuters", "Budi Santoso", []),
        (
            ["Isi berita.", "Reporter: Siti Aminah", "Editor: Andi Wijaya"],
            None,
            "Andi Wijaya",
            ["Siti Aminah"],
        ),
        (
            ["Penulis: Rina Dewi, Joko Susilo", "Isi berita."],
            None,
            None,
            ["Rina Dewi", "Joko Susilo"],
        ),
        (["Isi berita.", "Penyunting: Dewi Lestari"], None, "Dewi Lestari", []),
        (
            ["Isi berita.", "Penulis : Kontributor Makassar, Hendra Putra"],
            None,
            None,
            ["Hendra Putra"],
        ),
    ],
)
def test_headers(lines, source, editor, authors):
    art = parse_article(RawDocument(name="t", text="\n".join(lines)))
    assert art.credited_source == source
    assert art.editor == editor
    assert art.authors == authors
    assert art.text == "Isi berita."


def test_sentence_with_label_word_stays():
    text = (
        "Sumber daya alam Indonesia melimpah dan menjadi andalan ekspor selama bertahun-tahun"
        " ke depan.\nIsi."
    )
    art = parse_article(RawDocument(name="t", text=text))
    assert art.credited_source is None and art.text.startswith("Sumber daya alam")


@pytest.mark.parametrize(
    "insert",
    [
        "SCROLL TO CONTINUE WITH CONTENT",
        "ADVERTISEMENT",
        "Simak juga Video: Menteri Meninjau Pasar",
        'Tonton juga video "Banjir di Kota" di sini:',
        "Lihat juga Video 'Rapat Kabinet':",
        "Saksikan Live DetikPagi :",
        "Cek Berita dan Artikel yang lain di Google News",
        '"Detik Pagi, Jangan Tidur Lagi!"',
        "Baca juga:",
    ],
)
def test_boilerplate_removed(insert):
    art = parse_article(RawDocument(name="t", text=f"Paragraf satu.\n\n{insert}\n\nParagraf dua."))
    assert art.text == "Paragraf satu.\n\nParagraf dua."
    assert art.related == []


def test_related_and_syndication():
    text = (
        "Paragraf satu.\nBaca Juga: Harga beras naik lagi\nParagraf dua. "
        "Artikel ini telah tayang di Kompas.com dengan judul Contoh"
    )
    art = parse_article(RawDocument(name="t", text=text))
    assert [r.title for r in art.related] == ["Harga beras naik lagi"]
    assert art.text == "Paragraf satu.\n\nParagraf dua."
    assert art.credited_source == "Kompas.com"


def test_comma_joined_paragraphs():
    text = (
        ' - Polisi menangkap pelaku.,"Kami masih memeriksa," kata dia.,,,Baca juga:,,'
        "Kasus ini bermula pada Senin., Warga lega."
    )
    art = parse_article(RawDocument(name="t", text=text))
    pieces = [art.text[s.start : s.end] for s in art.paragraphs]
    assert pieces == [
        "Polisi menangkap pelaku.",
        '"Kami masih memeriksa," kata dia.',
        "Kasus ini bermula pada Senin.",
        "Warga lega.",
    ]


@pytest.mark.parametrize(
    "published, url, text, value, precision, how",
    [
        ("2019-09-10T21:48:00", None, "Isi.", "2019-09-10T21:48:00", "minute", "metadata"),
        ("2019-09-10", None, "Isi.", "2019-09-10", "day", "metadata"),
        (
            None,
            "https://regional.kompas.com/read/2019/09/10/21485171/judul",
            "Isi.",
            "2019-09-10",
            "day",
            "url",
        ),
        (
            None,
            "https://www.cnnindonesia.com/nasional/20211216123456-20-735/judul",
            "Isi.",
            "2021-12-16",
            "day",
            "url",
        ),
        (
            None,
            "https://news.detik.com/berita/d-8171947/judul",
            "Kata dia, Selasa (21/10/2025).",
            "2025-10-21",
            "day",
            "text",
        ),
        (
            None,
            None,
            "Rapat digelar Rabu, 17 September 2025 di Jakarta.",
            "2025-09-17",
            "day",
            "text",
        ),
        (None, None, "Kata dia, Kamis (16/12).", "2021-12-16", "day", "inferred"),
    ],
)
def test_published(published, url, text, value, precision, how):
    art = parse_article(
        RawDocument(name="t", text=text, url=url, published=published), today=date(2026, 6, 1)
    )
    assert art.published is not None
    assert (art.published.value, art.published.precision) == (value, precision)
    assert art.published.how.startswith(how)


def test_no_date_no_published():
    assert parse_article(RawDocument(name="t", text="Isi tanpa tanggal.")).published is None


def test_ids_stable():
    a = article_id("https://www.kompas.com/read/2019/09/10/x/?utm_source=fb#top", "a")
    b = article_id("http://kompas.com/read/2019/09/10/x", "b")
    assert a == b and len(a) == 16
    assert article_id(None, "Teks  sama.") == article_id(None, "teks sama.")
    assert article_id(None, "Teks satu.") != article_id(None, "Teks dua.")


def test_empty_text():
    art = parse_article(RawDocument(name="t", text=""))
    assert art.text == "" and art.paragraphs == []


def test_inline_inserts_removed():
    text = "Dia berlatih di sirkuit itu,Baca juga,“Trek ini istimewa,” katanya. (*)"
    art = parse_article(RawDocument(name="t", text=text))
    assert art.text == "Dia berlatih di sirkuit itu,“Trek ini istimewa,” katanya."
