"""Agent words with no country in their sentence take the country of the dateline."""

import warta


def test_bare_agents_take_the_dateline_country():
    text = (
        "WARTA.ID - MAKASSAR. Ratusan aktivis berunjuk rasa di depan kantor gubernur pada Senin.\n"
        "Mereka menuntut transparansi anggaran daerah."
    )
    a = warta.analyze(text)
    protests = [e for e in a.events if e.root == "14"]
    assert protests and protests[0].source.code == "IDNOPP"


def test_no_dateline_no_guess():
    a = warta.analyze("Ratusan aktivis berunjuk rasa di depan kantor gubernur pada Senin.")
    assert all(
        not (e.source and e.source.code and e.source.code.startswith("IDN")) for e in a.events
    )
