"""extract_amounts: made-up sentences for each amount form, and things that are not amounts."""

from __future__ import annotations

import pytest

from warta.analysis.amounts import extract_amounts
from warta.record import Article


def _amounts(text: str):
    found = extract_amounts(Article(id="t", text=text))
    for a in found:
        assert text[a.start : a.end] == a.text
    return found


@pytest.mark.parametrize(
    "text, value, unit, obj",
    [
        ("Rusia mengerahkan 100.000 tentara ke perbatasan.", 100000, None, "tentara"),
        ("Pemerintah menyiapkan Rp 1,5 triliun untuk bantuan.", 1.5e12, "IDR", None),
        ("Anggaran Rp500 juta dicairkan.", 5e8, "IDR", None),
        ("Inflasi naik 3 persen tahun ini.", 3, "percent", None),
        ("Inflasi naik 3% tahun ini.", 3, "percent", None),
        ("Suku bunga turun ke 5,75% pekan ini.", 5.75, "percent", None),
        ("Investasi US$ 2 miliar masuk ke Batam.", 2e9, "USD", None),
        ("Investasi 2 miliar dolar AS masuk ke Batam.", 2e9, "USD", None),
        ("Sebanyak 1,2 juta orang mudik.", 1.2e6, None, "orang"),
        ("Polisi menangkap dua tersangka di Medan.", 2, None, "tersangka"),
        ("Petugas menyita tiga buah senjata api.", 3, None, "senjata"),
        ("Kerugian mencapai Rp 13 T menurut jaksa.", 1.3e13, "IDR", None),
        ("Lahan seluas 10 hektare terbakar.", 10, "ha", None),
        ("Sebanyak 25 prajurit tidur di hutan.", 25, None, "prajurit"),
    ],
)
def test_forms(text, value, unit, obj):
    found = _amounts(text)
    assert len(found) == 1, found
    a = found[0]
    assert a.value == pytest.approx(value)
    assert (a.unit, a.object) == (unit, obj)


def test_qualifier_kept_in_text():
    (a,) = _amounts("Ada lebih dari 100.000 tentara di sana.")
    assert a.text == "lebih dari 100.000 tentara" and a.value == 100000


@pytest.mark.parametrize(
    "text",
    [
        "Rapat dimulai pukul 10.00 WIB di gedung DPR.",
        "Dia lahir pada 2019 di Bandung.",
        "Sidang digelar Selasa (21/10/2025) di Jakarta.",
        "Peristiwa itu terjadi 16 Desember 2021 malam.",
        "Hubungi 081234567890 untuk informasi.",
        "Dia melanggar Pasal 27 ayat 3 UU ITE.",
        "Zulfa (28) ditetapkan sebagai tersangka.",
        "Negara G20 bertemu membahas COVID-19.",
        "Ratusan warga berkumpul di alun-alun.",
        "Indonesia menang 4-0 atas Brunei.",
        "Dia adalah salah satu pendiri partai.",
    ],
)
def test_not_amounts(text):
    assert _amounts(text) == []


@pytest.mark.parametrize(
    "text, value, unit, obj",
    [
        ("Ada dua puluh lima siswa di kelas.", 25, None, "siswa"),
        ("Dia ditahan dua belas hari di sel.", 12, "day", None),
        ("Kerugian sekira Rp150 jutaan menurut polisi.", 1.5e8, "IDR", None),
        ("Harga naik Rp 38,9 M tahun ini.", 3.89e10, "IDR", None),
        ("Sebanyak 1.700-4.100 orang dipindahkan.", 1700, None, "orang"),
    ],
)
def test_more_forms(text, value, unit, obj):
    found = _amounts(text)
    assert len(found) == 1, found
    assert found[0].value == pytest.approx(value)
    assert (found[0].unit, found[0].object) == (unit, obj)


def test_verbs_are_not_objects():
    (a,) = _amounts("Gempa bermagnitudo 6,2 juta mengguncang kota.")
    assert a.object is None
    assert _amounts("Gempa magnitudo 6,2 mengguncang Halmahera.") == []


def test_qualifier_is_kept_apart_from_the_value():
    from warta.analysis.amounts import extract_amounts
    from warta.record import Article

    text = "Polisi mengerahkan lebih dari 1.500 personel dan sekitar 20 kendaraan."
    got = {(a.value, a.qualifier) for a in extract_amounts(Article(id="t", text=text))}
    assert got == {(1500.0, "lebih dari"), (20.0, "sekitar")}


@pytest.mark.parametrize(
    "text, qualifier, value, unit",
    [
        ("Dia terancam pidana hingga 7 tahun penjara.", "hingga", 7, "year"),
        ("Dia terancam pidana hingga tujuh tahun penjara.", "hingga", 7, "year"),
        ("Tim bermain dengan minimal 7 pemain.", "minimal", 7, None),
        ("Tim bermain dengan minimal tujuh pemain.", "minimal", 7, None),
        ("Polisi menyita sekitar tiga senjata.", "sekitar", 3, None),
    ],
)
def test_a_spelled_count_takes_the_qualifiers_a_written_one_does(text, qualifier, value, unit):
    # Spelled-out counts read only four of the qualifiers ("lebih dari", "sekitar",
    # "hampir", "sebanyak"): "hingga tujuh tahun" lost its "hingga".
    (a,) = _amounts(text)
    assert (a.qualifier, a.value, a.unit) == (qualifier, value, unit)
    assert a.text.startswith(qualifier)


def test_word_classes_build_the_patterns():
    # Every currency name, unit and scale of the word classes is read where it is listed.
    from warta.lang.id import lexicon

    lex = lexicon()
    for name, code in lex.table("currency_names").items():
        (a,) = _amounts(f"Nilainya 5 {name} saja.")
        assert a.unit == code, name
    for unit, code in lex.table("measure_units").items():
        found = _amounts(f"Nilainya 5 {unit} saja.")
        assert [a.unit for a in found] == [code], unit
    for scale, factor in lex.table("number_scales").items():
        if factor != "-" and len(scale) > 1:
            (a,) = _amounts(f"Nilainya 5 {scale} orang.")
            assert a.value == pytest.approx(5 * float(factor)), scale


@pytest.mark.parametrize("scale", ["miliar", "milyar"])
def test_a_spelled_count_reads_every_spelling_of_a_scale(scale):
    # The number-words pattern listed four scales of its own and missed "milyar".
    (a,) = _amounts(f"Dana sepuluh {scale} rupiah dicairkan.")
    assert a.value == pytest.approx(1e10)
