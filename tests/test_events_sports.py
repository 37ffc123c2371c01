"""In sports reports a country without a role is a team: no events between teams
(made-up texts)."""

import warta

MATCH = (
    "Timnas Indonesia kalah 2-3 dari Malaysia pada laga kualifikasi Piala Dunia di Stadion "
    "Utama Gelora Bung Karno, Kamis malam. Gol Indonesia dicetak striker Beto Goncalves "
    "lewat sundulan pada babak pertama. Pelatih meminta para pemain segera bangkit karena "
    "Indonesia akan menjamu Thailand pekan depan. Thailand menyerang sejak menit awal dan "
    "memimpin klasemen grup G dengan tiga kemenangan. Suporter menyanyikan yel-yel di tribune "
    "sepanjang pertandingan dan kiper tampil gemilang menepis tendangan penalti."
)


def test_teams_make_no_events_in_a_match_report():
    a = warta.analyze(MATCH)
    assert a.category is not None and a.category.label == "olahraga" and a.category.score >= 0.7
    countries = {"IDN", "MYS", "THA"}
    assert not [
        e
        for e in a.events
        if {x.code for x in (e.source, e.target) if x and x.code} <= countries
        and any(x and x.code for x in (e.source, e.target))
    ]


def test_actors_with_a_role_still_make_events_there():
    text = MATCH + (
        " Usai laga, Menteri Pemuda dan Olahraga Indonesia meminta maaf kepada "
        "Menteri Olahraga Malaysia atas kerusuhan suporter."
    )
    a = warta.analyze(text)
    assert any(e.source and e.source.code == "IDNGOV" for e in a.events)
