"""Tests of warta.knowledge: shipped tables, lookups, roles and alias matching."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest

from warta.knowledge import KBRole, kb, normalize

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "data" / "seed" / "kontan-rusia-china.txt"
CENTROIDS = SHARED / "data" / "gazetteer" / "wilayah_centroids.csv"
AGENTS_DICT = SHARED / "data" / "events" / "petrarch2-dictionaries" / "Phoenix.agents.txt"


@pytest.fixture(scope="module")
def k():
    return kb()


def _person(k, name):
    found = k.lookup(name, kinds=["person"])
    assert found, f"no person {name!r}"
    return found[0]


# -- counts -----------------------------------------------------------------------------


def test_counts(k):
    assert len(list(k.entries("person"))) >= 500
    assert len(list(k.entries("agent"))) >= 150
    countries = {e.country for e in k.entries("country")}
    assert countries == {c.alpha_3 for c in pycountry.countries}
    assert len(countries) == 249


def test_every_entry_cites_a_source(k):
    for e in k.entries():
        assert e.source, e.id
        for r in e.roles:
            assert r.source and r.cameo and r.title, (e.id, r)


def test_qids_are_wellformed(k):
    for e in k.entries("person"):
        if e.qid:
            assert e.id == e.qid and e.qid[0] == "Q" and e.qid[1:].isdigit()
        else:
            assert e.id.startswith("warta:person/")


@pytest.mark.skipif(not CENTROIDS.exists(), reason="../shared/data is not present")
def test_all_wilayah_centroids_are_places(k):
    import csv

    rows = list(csv.DictReader(CENTROIDS.open(encoding="utf-8")))
    assert len(rows) == 552
    for row in rows:
        e = k.get(f"warta:place/id-{row['kode']}")
        assert e is not None, row
        assert e.country == "IDN" and e.admin1
        assert abs(e.lat - float(row["lat"])) < 1e-3 and abs(e.lon - float(row["lng"])) < 1e-3


@pytest.mark.skipif(not AGENTS_DICT.exists(), reason="../shared/data is not present")
def test_agent_codes_are_in_the_phoenix_inventory(k):
    text = AGENTS_DICT.read_text(encoding="utf-8", errors="replace")
    inventory = set()
    for tok in text.split("[~")[1:]:
        code = tok.split("]")[0]
        for i in range(0, len(code), 3):
            inventory.add(code[i : i + 3])
    inventory |= {"NGO"}  # a CAMEO primary code for NGOs, used in the international file
    for e in k.entries("agent"):
        for i in range(0, len(e.cameo), 3):
            assert e.cameo[i : i + 3] in inventory, (e.name, e.cameo)


# -- countries, places, organisations ----------------------------------------------------


@pytest.mark.parametrize(
    "name,code",
    [
        ("Rusia", "RUS"),
        ("China", "CHN"),
        ("Tiongkok", "CHN"),
        ("RRT", "CHN"),
        ("Ukraina", "UKR"),
        ("AS", "USA"),
        ("Amerika Serikat", "USA"),
        ("Kanada", "CAN"),
        ("Inggris", "GBR"),
        ("Britania Raya", "GBR"),
        ("Australia", "AUS"),
        ("Korsel", "KOR"),
        ("Korea Utara", "PRK"),
        ("Perancis", "FRA"),
        ("Arab Saudi", "SAU"),
        ("Timor Leste", "TLS"),
        ("Selandia Baru", "NZL"),
        ("RUS", "RUS"),
        ("ID", "IDN"),
        ("Russian Federation", "RUS"),
        ("360", "IDN"),
    ],
)
def test_country_lookup(k, name, code):
    e = k.country(name)
    assert e is not None and e.country == code


def test_country_codes(k):
    assert k.country("Rusia").cameo == "RUS"
    assert k.country("Timor Leste").cameo == "TMP"  # CAMEO's code for East Timor
    assert k.fips("USA") == "US" and k.fips("AUS") == "AS" and k.fips("IDN") == "ID"
    assert k.fips("DEU") == "GM" and k.fips("rus") == "RS"
    assert k.fips("XXX") is None


@pytest.mark.parametrize(
    "name,lat,lon",
    [
        ("Moskow", 55.76, 37.62),
        ("Moskwa", 55.76, 37.62),
        ("Beijing", 39.90, 116.41),
        ("Kyiv", 50.45, 30.52),
        ("Kiev", 50.45, 30.52),
        ("Jenewa", 46.20, 6.14),
    ],
)
def test_place_coordinates(k, name, lat, lon):
    (e,) = k.lookup(name, kinds=["place"])
    assert abs(e.lat - lat) < 0.05 and abs(e.lon - lon) < 0.05


def test_capital_metonyms(k):
    assert k.lookup("Moskow", kinds=["place"])[0].cameo == "RUSGOV"
    assert k.lookup("Washington", kinds=["place"])[0].cameo == "USAGOV"
    assert k.lookup("Kremlin")[0].cameo == "RUSGOV"
    assert k.lookup("Gedung Putih")[0].cameo == "USAGOV"
    assert k.lookup("Pentagon")[0].cameo.startswith("USAGOVMIL")
    assert k.lookup("Downing Street")[0].cameo == "GBRGOV"
    assert k.lookup("Istana Negara")[0].cameo == "IDNGOV"


def test_wilayah_names(k):
    bogor = {e.name for e in k.lookup("Bogor", kinds=["place"])}
    assert bogor == {"Kabupaten Bogor", "Kota Bogor"}
    (kab,) = k.lookup("Kab. Bogor")
    assert kab.admin1 == "Jawa Barat"
    assert k.lookup("Jabar")[0].name == "Jawa Barat"


@pytest.mark.parametrize(
    "name,code",
    [
        ("NATO", "IGOWSTNAT"),
        ("Pakta Pertahanan Atlantik Utara", "IGOWSTNAT"),
        ("PBB", "IGOUNO"),
        ("Dewan Keamanan PBB", "IGOUNO"),
        ("Uni Eropa", "IGOEUREEC"),
        ("ASEAN", "IGOSEAASN"),
        ("Bank Dunia", "IGOUNODEVWBK"),
        ("OKI", "IGOMOSOIC"),
        ("Liga Arab", "IGOMEAARL"),
        ("DPR", "IDNLEG"),
        ("TNI AD", "IDNMIL"),
        ("Polri", "IDNCOP"),
        ("MK", "IDNJUD"),
        ("Kemlu", "IDNGOV"),
        ("PDIP", "IDNPTY"),
        ("Gerindra", "IDNPTY"),
    ],
)
def test_org_codes(k, name, code):
    assert k.lookup(name)[0].cameo == code


def test_agents(k):
    assert k.agent("tentara") == "MIL"
    assert k.agent("Pemerintah") == "GOV"
    assert k.agent("polisi") == "COP"
    assert k.agent("para demonstran") == "OPP"
    assert k.agent("mahasiswa-mahasiswa") == "EDU"
    assert k.agent("pemberontak") == "REB"
    assert k.agent("meja") is None


# -- people and roles -------------------------------------------------------------------


def test_psaki_role_on_seed_date(k):
    psaki = _person(k, "Jen Psaki")
    r = k.role_on(psaki.id, "2021-12-16")
    assert isinstance(r, KBRole)
    assert r.cameo == "USAGOV" and r.title.startswith("Sekretaris Pers")
    assert k.role_on(psaki.id, "2022-06-01") is None


def test_roles_of_seed_people(k):
    assert k.role_on("Q7747", "2021-12-16").cameo == "RUSGOV"
    assert k.role_on("Q7747", "2021-12-16").title == "Presiden"
    assert k.role_on("Q7747", "2010-01-01").title == "Perdana Menteri"
    xi = k.role_on("Q15031", "2021-12-16")
    assert xi.title == "Presiden" and xi.cameo == "CHNGOV"  # most senior of his three roles
    assert k.role_on(_person(k, "Karen Donfried").id, "2021-12-16").cameo == "USAGOV"
    assert k.role_on(_person(k, "Yuri Ushakov").id, "2021-12-16").cameo == "RUSGOV"
    assert k.role_on(_person(k, "Jokowi").id, "2021-12-16").cameo == "IDNGOV"
    assert k.role_on(_person(k, "Prabowo").id, "2021-12-16").title == "Menteri Pertahanan"
    assert k.role_on(_person(k, "Prabowo").id, "2025-03-01").title == "Presiden"


def test_partial_dates():
    r = KBRole("Asisten", "USA", "USAGOV", "2021-09", "2023")
    assert r.valid_on("2021-09-01") and r.valid_on("2023-12-31")
    assert not r.valid_on("2021-08-31") and not r.valid_on("2024-01-01")


# -- alias matching ---------------------------------------------------------------------


def _found(k, text, **kw):
    return [(text[m.start : m.end], m.entry_ids) for m in k.find_aliases(text, **kw)]


def test_made_up_sentence(k):
    text = "Presiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing, kata Kremlin."
    got = dict(_found(k, text))
    assert got["Vladimir Putin"] == ("Q7747",)
    assert got["Xi Jinping"] == ("Q15031",)
    assert "warta:place/beijing" in got["Beijing"]
    assert "warta:country/RUS" in got["Rusia"]
    assert "warta:org/kremlin" in got["Kremlin"]
    assert "Putin" not in got  # the longer match wins


def test_acronyms_are_case_sensitive_and_word_bounded(k):
    got = _found(k, "AS dan sekutunya menolak.")
    assert got[0][0] == "AS" and "warta:country/USA" in got[0][1]
    assert not [s for s, _ in _found(k, "Siswa kelas tiga belajar di kelas.") if s.lower() == "as"]
    assert not [s for s, _ in _found(k, "harga naik as the market fell") if s.lower() == "as"]
    assert not [s for s, _ in _found(k, "Ma pergi ke pasar, ma.") if s.lower() == "ma"]
    assert [s for s, _ in _found(k, "Putusan MA dibacakan hari ini.")] == ["MA"]


def test_common_words_only_match_capitalised(k):
    assert not _found(k, "batu itu dilempar ke palu", kinds=["place"])
    assert {s for s, _ in _found(k, "Banjir melanda Kota Batu dan Palu.", kinds=["place"])} == {
        "Kota Batu",
        "Palu",
    }


def test_lookup_only_names(k):
    # "Lima" (Peru) and "Metro" (Lampung) are found by lookup but never in running text,
    # where they are mostly "five" and "Metro TV".
    assert k.lookup("Lima", kinds=["place"])[0].country == "PER"
    assert not _found(k, "Lima orang tewas di Metro.", kinds=["place"])
    assert k.lookup("Kota Metro")[0].admin1 == "Lampung"
    assert [s for s, _ in _found(k, "Banjir di Kota Metro.", kinds=["place"])] == ["Kota Metro"]
    # single-word short names of regencies match only capitalised
    assert not _found(k, "polisi buru pelaku", kinds=["place"])
    assert [s for s, _ in _found(k, "nelayan di Buru", kinds=["place"])] == ["Buru"]


def test_capitalised_names_match_in_capitals(k):
    got = _found(k, "BOGOR, KOMPAS.com - Warga Bogor dan batu.", kinds=["place"])
    assert [s for s, _ in got] == ["BOGOR", "Bogor"]
    assert not _found(k, "kelas XI", kinds=["person"])  # "Xi" is too short for this


def test_long_aliases_fold_case(k):
    got = _found(k, "pakta pertahanan atlantik utara dan DEWAN KEAMANAN PBB", kinds=["igo"])
    assert [s for s, _ in got] == ["pakta pertahanan atlantik utara", "DEWAN KEAMANAN PBB"]


def test_kinds_filter(k):
    got = _found(k, "Tentara Rusia masuk Ukraina.", kinds=["country"])
    assert [s for s, _ in got] == ["Rusia", "Ukraina"]
    with pytest.raises(ValueError):
        k.find_aliases("x", kinds=["planet"])


def test_normalize():
    assert normalize("  Amerika   Serikat. ") == "amerika serikat"
    assert normalize("Ma\u2019ruf") == "ma'ruf"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/data is not present")
def test_seed_article(k):
    text = SEED.read_text(encoding="utf-8")
    found = {}
    for m in k.find_aliases(text):
        for i in m.entry_ids:
            found.setdefault(i, text[m.start : m.end])
    for eid in (
        "Q7747",
        "Q15031",
        "warta:igo/nato",
        "warta:org/kremlin",
        "warta:country/RUS",
        "warta:country/CHN",
        "warta:country/UKR",
        "warta:country/USA",
        "warta:country/CAN",
        "warta:country/GBR",
        "warta:country/AUS",
        "warta:place/moskow",
        "warta:place/beijing",
        "warta:place/kyiv",
        "warta:org/white-house",
    ):
        assert eid in found, eid
    for name in ("Jen Psaki", "Karen Donfried", "Yuri Ushakov"):
        assert _person(k, name).id in found, name
    assert k.get("warta:org/kremlin").cameo == "RUSGOV"


@pytest.mark.skipif(not CENTROIDS.exists(), reason="../shared/data is not present")
def test_shipped_tables_match_their_sources(tmp_path):
    """The data files are what scripts/build_knowledge.py makes from the sources today."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [
            sys.executable,
            str(root / "scripts" / "build_knowledge.py"),
            "--shared",
            str(SHARED),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    shipped = root / "src" / "warta" / "knowledge" / "data"
    for built in sorted(tmp_path.iterdir()):
        assert built.read_bytes() == (shipped / built.name).read_bytes(), (
            f"{built.name} is stale: run python scripts/build_knowledge.py"
        )


def test_data_files_are_generated_json(k):
    data = Path(__file__).resolve().parents[1] / "src" / "warta" / "knowledge" / "data"
    for name in ("countries", "igos", "orgs", "people", "places"):
        for line in (data / f"{name}.jsonl").open(encoding="utf-8"):
            rec = json.loads(line)
            assert rec["id"] and rec["kind"] and rec["name"] and rec["source"]


# -- additions of 2026-11-28 ---------------------------------------------------------------


def test_every_country_with_a_capital_has_its_point(k):
    capitals = {
        (e.extra or {}).get("capital_of"): e
        for e in k.entries("place")
        if (e.extra or {}).get("capital_of")
    }
    for c in k.entries("country"):
        cap = capitals.get(c.country)
        if cap is not None:
            assert (c.lat, c.lon) == (cap.lat, cap.lon), c.country
    hk = k.country("Hong Kong")
    assert hk.lat is not None and abs(hk.lat - 22.3) < 0.2 and abs(hk.lon - 114.2) < 0.2


@pytest.mark.parametrize(
    "name,code",
    [
        ("Saudi", "SAU"),
        ("Saudi Aramco", "SAUBUS"),
        ("Kantor Staf Presiden", "IDNGOV"),
        ("Pasar Bersama Eropa", "IGOEUREEC"),
        ("UNITA", "AGOREB"),
        ("Front Pembebasan Islam Moro", "PHLREB"),
        ("Reuters", "GBRMED"),
        ("AFP", "FRAMED"),
    ],
)
def test_added_names(k, name, code):
    assert k.lookup(name)[0].cameo == code


def test_ksp_is_not_the_palace(k):
    (ksp,) = k.lookup("KSP")
    assert ksp.id != k.lookup("Istana Kepresidenan")[0].id


@pytest.mark.parametrize(
    "name,date,code",
    [
        ("Abbas Mousavi", "2019-12-01", "IRNGOV"),
        ("Steven Mnuchin", "2019-06-01", "USAGOV"),
        ("John Bolton", "2019-06-01", "USAGOV"),
        ("Ronald Reagan", "1985-06-01", "USAGOV"),
        ("Paul Kagame", "2010-06-01", "RWAGOV"),
    ],
)
def test_added_office_holders(k, name, date, code):
    r = k.role_on(_person(k, name).id, date)
    assert r is not None and r.cameo == code
    assert k.role_on(_person(k, "John Bolton").id, "2020-06-01") is None


def test_agent_words_with_lexical_doubles():
    from warta.knowledge import kb

    assert kb().agent("mata-mata") == "SPY"
    assert kb().agent("mahasiswa-mahasiswa") == kb().agent("mahasiswa") == "EDU"
