"""A title right before a country's name makes it a person's given name ("Kolonel Turki
al-Malki"); an honorific that is also a common noun must not ("jamaah haji Indonesia")."""

from __future__ import annotations

import warta


def _country_mentions(text: str, code: str) -> list[str]:
    a = warta.analyze(text)
    return [text[m.start : m.end] for e in a.entities if e.cameo == code for m in e.mentions]


def test_pilgrims_of_a_country_keep_the_country():
    text = (
        "Kementerian Agama menyebut sebanyak 28 kloter jamaah haji Indonesia sudah kembali "
        "ke Tanah Air pada pekan ini setelah menunaikan ibadah di Mekkah."
    )
    assert "Indonesia" in _country_mentions(text, "IDN")


def test_a_rank_before_a_country_makes_a_given_name():
    text = (
        "Juru bicara koalisi, Kolonel Turki al-Malki, mengatakan serangan itu menyasar "
        "gudang senjata di Sanaa pada Senin malam."
    )
    assert "Turki" not in _country_mentions(text, "TUR")
