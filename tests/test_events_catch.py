""" "menangkap" is an arrest only when people are caught (made-up sentences)."""

import pytest

import warta


@pytest.mark.parametrize(
    "text",
    [
        "Pemerintah Indonesia harus menangkap peluang investasi dari China, kata Menteri Perdagangan.",
        "Presiden Joko Widodo menangkap sinyal positif dari Amerika Serikat.",
        "Polisi Indonesia menangkap ikan bersama warga di Danau Toba.",
    ],
)
def test_catching_things_is_no_arrest(text):
    assert not [e for e in warta.analyze(text).events if e.cameo.startswith("17")]


def test_catching_people_still_is():
    events = warta.analyze("Polisi Indonesia menangkap tiga aktivis di Jakarta.").events
    assert [e.cameo for e in events] == ["173"]
