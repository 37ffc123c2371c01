"""extract_dates: made-up sentences for each date form, resolved against a known day."""

from __future__ import annotations

import pytest

from warta.article.dates import date_spans, extract_dates
from warta.record import Article, Published

# Thursday 16 December 2021.
PUB = Published(value="2021-12-16T10:00:00", precision="minute", how="metadata")


def _one(text: str, published: Published | None = PUB):
    art = Article(id="t", text=text, published=published)
    found = extract_dates(art)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


@pytest.mark.parametrize(
    "text, mention, value, precision, relative",
    [
        ("Hal itu disampaikan Kamis (16/12).", "Kamis (16/12)", "2021-12-16", "day", True),
        (
            "Dia berbicara Selasa (21/10/2025) di Jakarta.",
            "Selasa (21/10/2025)",
            "2025-10-21",
            "day",
            False,
        ),
        (
            "Perjanjian ditandatangani 16 Desember 2021.",
            "16 Desember 2021",
            "2021-12-16",
            "day",
            False,
        ),
        (
            "Rapat digelar Rabu, 17 September 2019 di DPR.",
            "Rabu, 17 September 2019",
            "2019-09-17",
            "day",
            False,
        ),
        ("Menteri tiba pada hari Selasa di Bali.", "hari Selasa", "2021-12-14", "day", True),
        ("Menteri tiba Senin lalu di Bali.", "Senin lalu", "2021-12-13", "day", True),
        ("Menteri akan tiba pada Sabtu di Bali.", "Sabtu", "2021-12-18", "day", True),
        ("Dia berharap bertemu pada Februari di Beijing.", "Februari", "2022-02", "month", True),
        ("Harga naik sejak Agustus di pasar.", "Agustus", "2021-08", "month", True),
        ("Pemilu digelar pada Januari di sana.", "Januari", "2022-01", "month", True),
        ("Banjir terjadi kemarin di Bekasi.", "kemarin", "2021-12-15", "day", True),
        ("Sidang digelar hari ini di Jakarta.", "hari ini", "2021-12-16", "day", True),
        ("Sidang dilanjutkan besok pagi.", "besok", "2021-12-17", "day", True),
        ("Dia datang pekan lalu ke kantor.", "pekan lalu", "2021-W49", "week", True),
        ("Harga akan naik bulan depan.", "bulan depan", "2022-01", "month", True),
        ("Ekspor turun tahun lalu.", "tahun lalu", "2020", "year", True),
        ("Pemilu dijadwalkan pada 2022 nanti.", "2022", "2022", "year", False),
        ("Warga berlibur akhir pekan ini.", "akhir pekan ini", "2021-W50", "week", True),
        ("Dia ditangkap dua hari lalu.", "dua hari lalu", "2021-12-14", "day", True),
        ("Proyek selesai tiga tahun lalu.", "tiga tahun lalu", "2018", "year", True),
        ("Inflasi naik pada September 2021.", "September 2021", "2021-09", "month", False),
    ],
)
def test_forms(text, mention, value, precision, relative):
    found = [m for m in _one(text) if m.text == mention]
    assert found, (text, _one(text))
    m = found[0]
    assert (m.value, m.precision, m.relative) == (value, precision, relative)


@pytest.mark.parametrize(
    "text",
    [
        "Harga naik 2.000 rupiah.",
        "Dia membeli 25 unit mobil.",
        "Pasal 12 ayat 3 dilanggar.",
        "Sebanyak 3.184 personel dikirim.",
        "Skor akhir 21-18 untuk Indonesia.",
        "Minggu ini dia sibuk.",  # a week, never Sunday: checked below
    ],
)
def test_no_wild_dates(text):
    for m in _one(text):
        assert m.precision == "week" or m.text.isdigit() is False


@pytest.mark.parametrize(
    "text, month, value",
    [
        ("Izin itu dicabut pada Juni lalu.", "Juni", "2021-06"),
        ("Harga naik sejak Juli di pasar.", "Juli", "2021-07"),
        ("Ekspor turun pada Agustus lalu.", "Agustus", "2021-08"),
        ("Data itu dirilis pada Nopember lalu.", "Nopember", "2021-11"),
    ],
)
def test_every_full_month_name_alone_is_a_date(text, month, value):
    # "juni" and "juli" are four letters long like the abbreviations ("agus", "sept"):
    # a length threshold left them out of the month names that may stand alone.
    found = [m for m in _one(text) if m.text == month]
    assert [(m.value, m.precision) for m in found] == [(value, "month")]


@pytest.mark.parametrize("text", ["Dia bertemu Agus di Jakarta.", "Rapat pada Agus Salim."])
def test_an_abbreviated_month_alone_is_not_a_date(text):
    assert [m for m in _one(text) if m.precision == "month"] == []


def test_bare_numbers_are_not_dates():
    assert _one("Harga naik 2.000 rupiah dan 150 orang hadir.") == []
    assert _one("Nilainya Rp 2020 per lembar.") == []


def test_without_publication_only_explicit():
    found = _one("Kemarin dia datang. Rapat pada 16 Desember 2021.", published=None)
    assert [m.text for m in found] == ["16 Desember 2021"]


def test_date_spans():
    text = "Pada 15 Maret 2025 dan Selasa (21/10/2025) serta tahun 2019."
    spans = date_spans(text)
    assert [text[s:e] for s, e in spans] == ["15 Maret 2025", "Selasa (21/10/2025)", "2019"]


def test_future_cue_in_another_clause_is_ignored():
    text = (
        "Polisi mengatakan pada Senin bahwa penyidik lain di kota itu nantinya"
        " akan memeriksa saksi."
    )
    (m,) = [d for d in _one(text) if d.text == "Senin"]
    assert m.value == "2021-12-13"


def test_di_depan_is_a_place_not_the_future():
    from warta.article import parse_article
    from warta.article.dates import extract_dates
    from warta.sources.raw import RawDocument

    raw = RawDocument(
        name="t",
        text="Ratusan nelayan berunjuk rasa di depan Gedung DPR pada hari Senin.",
        published="2025-05-14T10:00:00",
    )
    (senin,) = [d for d in extract_dates(parse_article(raw)) if "Senin" in d.text]
    assert senin.value == "2025-05-12"


def test_generic_domain_dateline():
    from warta.article.dateline import find_dateline

    m = find_dateline("WARTA.ID - JAKARTA. Pemerintah mengumumkan kebijakan baru.")
    assert (m.outlet, m.place, m.text) == ("Warta", "Jakarta", "WARTA.ID - JAKARTA.")


@pytest.mark.parametrize("published", [PUB, None])
def test_dates_and_spans_is_both_in_one_pass(published):
    # The pipeline's one-pass helper must agree with the two separate calls, including a
    # day and month that only one of the reference years makes valid (29 Februari).
    from warta.analysis.amounts import extract_amounts
    from warta.article.dates import dates_and_spans

    text = (
        "Pada 29 Februari dan Kamis (16/12) harga naik 3 persen, Rp 2 miliar. "
        "Kemarin, September 2019 dan tahun 2022 disebut; 100 tentara tiba pekan lalu."
    )
    art = Article(id="t", text=text, published=published)
    dates, spans = dates_and_spans(art)
    assert dates == extract_dates(art)
    assert spans == date_spans(text)
    assert extract_amounts(art, dates=spans) == extract_amounts(art)
