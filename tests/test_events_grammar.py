"""The event grammar as data: the dictionary notation and the grammar files of
``warta/knowledge/cameo/`` parse into the rules the coder applies, and a malformed file is
loud, naming the line (made-up lines)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warta.analysis.events.codes import accusation, aim, place_code, refine_code, weapon
from warta.analysis.events.dictionary import entries, parse_dictionary
from warta.analysis.events.grammar import GrammarError, grammar, load_grammar
from warta.knowledge.cameo import CAMEO_DIR

GRAMMAR_FILES = [
    "verbs_id.txt",
    "discards.txt",
    "complements.tsv",
    "refinements.tsv",
    "aims.tsv",
    "accusations.tsv",
    "weapons.tsv",
    "place_targets.txt",
    "soft_sections.tsv",
]


def _dictionary(tmp_path: Path, text: str) -> tuple:
    path = tmp_path / "verbs.txt"
    path.write_text("# a made-up dictionary\n" + text, encoding="utf-8")
    return parse_dictionary(path)


def test_dictionary_notation_expands_to_surface_variants(tmp_path):
    got, meta = _dictionary(
        tmp_path,
        "190  {serang} * kota|desa ; tgt=ke,di  # attack a town\n"
        "0233 @{minta} bantuan_kemanusiaan|pangan\n"
        "046  perundingan ** antara ; nom\n"
        "190  {serang} * kota|desa\n",
    )
    attack, ask, talks, again = got
    assert (attack.id, attack.code, attack.fixed, attack.line) == ("190.serang_kota", "190", 2, 2)
    assert attack.opts == {"tgt": ["ke", "di"]}
    assert [(v[0][0], v[1], v[2]) for v in attack.variants] == [
        (("menyerang",), "active", 0),
        (("diserang",), "passive", 0),
    ]
    assert attack.variants[0][0][1:] == (("*4",), ("kota", "desa"))
    assert [v[0] for v in ask.variants] == [(("meminta",), ("bantuan_kemanusiaan", "pangan"))]
    assert talks.opts == {"nom": True} and talks.variants[0][0][1] == ("*8",)
    assert again.id == "190.serang_kota.2"  # a repeated pattern keeps a unique id
    assert meta["entries"] == 4 and meta["roots"] == ["02", "04", "19"]
    assert meta["surface_patterns"] == 2 * 2 + 2 + 1 + 2 * 2


@pytest.mark.parametrize(
    "line, message",
    [("9999 {serang}\n", "not on GDELT's CAMEO list"), ("190 ; notgt\n", "pattern")],
)
def test_dictionary_mistakes_name_the_line(tmp_path, line, message):
    with pytest.raises(GrammarError, match=rf"verbs.txt:3: .*{message}"):
        _dictionary(tmp_path, "190 {serang}\n" + line)


def test_shipped_dictionary_is_parsed_at_load():
    assert entries() == parse_dictionary(CAMEO_DIR / "verbs_id.txt")[0]
    assert {e.code[:2] for e in entries()} == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize("name", GRAMMAR_FILES)
def test_every_grammar_file_says_what_it_is(name):
    text = (CAMEO_DIR / name).read_text(encoding="utf-8")
    assert text.startswith("# warta: "), name


def test_grammar_files_hold_the_coders_rules():
    g = grammar()
    # Discards: "menangkap" with a thing as object, sport draws, restraint.
    assert {("menangkap", "ikan"), ("menangkap", "peluang"), ("ditahan", "imbang")} <= g.discards
    assert ("menangkap", "aktivis") not in g.discards
    # Complements: appeals and demands make their complement "demanded", others "future".
    assert dict(g.complement_modality) == {
        "01": "future",
        "02": "demanded",
        "03": "future",
        "10": "demanded",
        "11": "future",
        "12": "future",
        "13": "future",
    }
    assert refine_code("03", "0831") == "0341"  # the longest inner code wins
    assert refine_code("13", "190") == "1384" and refine_code("13", "19") == "138"
    assert refine_code("11", "190") == "11"  # no table: the outer code stays
    # Aims, accusations, weapons: the first choice in file order with a word in the window.
    assert aim("141", ["menuntut", "presiden", "mundur", "dan", "reformasi"], 0) == "1411"
    assert aim("141", ["menuntut", "reformasi", "pajak"], 0) == "1412"
    assert aim("140", ["menuntut", "presiden", "mundur"], 0) == "140"
    words = ["menuduh", "mereka", "melakukan", "kejahatan", "perang", "dan", "korupsi"]
    assert accusation("112", words, 0) == "1124"
    assert accusation("111", words, 0) == "111"
    assert weapon("190", {"pesawat", "tempur"}) == "195" and weapon("193", {"tank"}) == "194"
    assert weapon("190", {"pasukan"}) == "190" and weapon("173", {"pesawat"}) == "173"
    # Places: their people for aid and violence, a capital's government for talks.
    assert place_code("RUS", "190") == "RUSCVL" and place_code("RUS", "1384") == "RUSCVL"
    assert place_code("RUS", "040", capital=True) == "RUSGOV"
    assert place_code("RUS", "040") == "RUS" and place_code(None, "190") is None
    assert dict(g.soft_sections) == {
        "olahraga": 0.7,
        "hiburan": 0.7,
        "gaya_hidup": 0.7,
        "otomotif": 0.7,
    }


@pytest.fixture
def grammar_copy(tmp_path: Path) -> Path:
    for name in GRAMMAR_FILES:
        shutil.copy(CAMEO_DIR / name, tmp_path / name)
    return tmp_path


def test_a_copy_of_the_grammar_loads_the_same(grammar_copy):
    assert load_grammar(grammar_copy) == grammar()


@pytest.mark.parametrize(
    "name, line, message",
    [
        ("refinements.tsv", "10\t087\n", "3 tab-separated columns"),
        ("refinements.tsv", "10\t199\t9999\n", "'9999' is not a CAMEO code"),
        ("refinements.tsv", "10\t087\t1056\n", "listed twice"),
        ("complements.tsv", "14\tsoon\n", "modality"),
        ("aims.tsv", "5\tmerdeka\n", "digit 1-4"),
        ("weapons.tsv", "refines\t180 999\n", "'999' is not a CAMEO code"),
        ("place_targets.txt", "1x\n", "not a CAMEO code"),
        ("soft_sections.tsv", "olahraga\t7\n", "not a probability"),
    ],
)
def test_a_malformed_grammar_line_is_loud(grammar_copy, name, line, message):
    path = grammar_copy / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line, encoding="utf-8")
    lineno = len(text.splitlines()) + 1
    with pytest.raises(GrammarError, match=rf"{name}:{lineno}: .*{message}"):
        load_grammar(grammar_copy)
