"""warta.evaluation.ner / .ud on tiny hand-written files with a stub pipeline whose
output is fixed, so every score can be computed by hand."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.language import Language

from warta.evaluation.ner import bio_spans, evaluate_ner, map_bio, read_bio
from warta.evaluation.ud import evaluate_ud, read_conllu

BIO_A = """Budi\tB-PERSON
Santoso\tI-PERSON
pergi\tO
ke\tO
Jakarta\tB-LOCATION
.\tO

Kantor\tB-ORGANIZATION
Contoh\tI-ORGANIZATION
di\tO
Bandung\tB-LOCATION
"""

# three columns, IndoNLU-style labels, a stray I- and a type that is dropped
BIO_B = """Ani PROPN B-PPL
makan NOUN O
di ADP O
Bogor PROPN I-PLC
Senin PROPN B-TIME
"""


def _stub_ner(patterns):
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(patterns)
    return nlp


def test_label_mapping_and_spans():
    assert map_bio(["B-PPL", "I-PPL", "O", "I-PLC", "B-TIME", "B-IND"]) == [
        "B-PER",
        "I-PER",
        "O",
        "B-LOC",
        "O",
        "B-ORG",
    ]
    assert bio_spans(["B-PER", "I-PER", "B-PER", "O", "B-LOC"]) == {
        (0, 2, "PER"),
        (2, 3, "PER"),
        (4, 5, "LOC"),
    }


def test_read_bio_both_layouts(tmp_path):
    (tmp_path / "a.tsv").write_text(BIO_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BIO_B, encoding="utf-8")
    a = list(read_bio(tmp_path / "a.tsv"))
    b = list(read_bio(tmp_path / "b.txt"))
    assert [len(w) for w, _ in a] == [6, 4]
    assert b == [(["Ani", "makan", "di", "Bogor", "Senin"], ["B-PPL", "O", "O", "I-PLC", "B-TIME"])]


def test_evaluate_ner_by_hand(tmp_path):
    (tmp_path / "a.tsv").write_text(BIO_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BIO_B, encoding="utf-8")
    # Gold: PER {Budi Santoso, Ani}, LOC {Jakarta, Bandung, Bogor}, ORG {Kantor Contoh}.
    nlp = _stub_ner(
        [
            {"label": "PER", "pattern": [{"ORTH": "Budi"}, {"ORTH": "Santoso"}]},  # PER tp
            {"label": "PER", "pattern": "Ani"},  # PER tp
            {"label": "LOC", "pattern": "Jakarta"},  # LOC tp
            {"label": "ORG", "pattern": "Bandung"},  # ORG fp, LOC fn
            {"label": "ORG", "pattern": "Kantor"},  # ORG fp (partial), ORG fn
            {"label": "LOC", "pattern": "Bogor"},  # LOC tp
        ]
    )
    report = evaluate_ner([tmp_path / "a.tsv", tmp_path / "b.txt"], nlp=nlp)
    d = report.to_dict()
    assert d["sentences"] == 3 and d["tokens"] == 15
    # PER: tp 2 -> P=R=F=1. LOC: tp 2, fn 1 -> P=1, R=2/3, F=0.8. ORG: tp 0, fp 2, fn 1 -> F=0.
    assert d["per_type"]["PER"]["f1"] == pytest.approx(1.0)
    assert d["per_type"]["LOC"]["precision"] == pytest.approx(1.0)
    assert d["per_type"]["LOC"]["recall"] == pytest.approx(2 / 3)
    assert d["per_type"]["LOC"]["f1"] == pytest.approx(0.8)
    assert d["per_type"]["ORG"]["f1"] == 0.0
    # micro: tp 4, fp 2, fn 2 -> P = R = F = 4/6
    assert d["precision"] == pytest.approx(4 / 6)
    assert d["recall"] == pytest.approx(4 / 6)
    assert d["micro_f1"] == pytest.approx(4 / 6)
    assert d["macro_f1"] == pytest.approx((1.0 + 0.8 + 0.0) / 3)
    table = report.format()
    assert "micro" in table and "66.67" in table and "60.00" in table


CONLLU = """# sent_id = s1
# text = Ani membeli bukunya.
1\tAni\tAni\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tmembeli\tbeli\tVERB\t_\tVoice=Act\t0\troot\t_\t_
3-4\tbukunya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
3\tbuku\tbuku\tNOUN\t_\t_\t2\tobj\t_\t_
4\tnya\tnya\tPRON\t_\t_\t3\tnmod:poss\t_\t_
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# sent_id = s2
# text = Budi tidur.
1\tBudi\tBudi\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\ttidur\ttidur\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t_\t_\t2\tflat:x\t_\t_
"""


@Language.component("warta_test_stub_parse")
def _stub_parse(doc):
    """Every token is a NOUN attached to the first token of its sentence with 'dep'
    ... except the first, the root; a sentence ends after '.'."""
    start = 0
    heads, deps = [], []
    for tok in doc:
        heads.append(start)
        deps.append("ROOT" if tok.i == start else ("punct" if tok.text == "." else "nsubj"))
        if tok.text == ".":
            start = tok.i + 1
    for tok, h, d in zip(doc, heads, deps):
        tok.pos_ = "NOUN"
        tok.head = doc[h]
        tok.dep_ = d
    return doc


def test_read_conllu_merges_multiword_tokens(tmp_path):
    (tmp_path / "t.conllu").write_text(CONLLU, encoding="utf-8")
    s1, s2 = read_conllu(tmp_path / "t.conllu")
    assert [t["form"] for t in s1.tokens] == ["Ani", "membeli", "bukunya", "."]
    merged = s1.tokens[2]
    assert (merged["upos"], merged["lemma"], merged["head"], merged["dep"], merged["space"]) == (
        "NOUN",
        "buku",
        1,
        "obj",
        False,
    )
    assert s1.tokens[1]["head"] is None and s1.tokens[1]["dep"] == "ROOT"
    assert s1.text == "Ani membeli bukunya."
    assert [t["form"] for t in s2.tokens] == ["Budi", "tidur", "."]
    assert s2.tokens[2]["dep"] == "flat:x" and s2.tokens[1]["space"] is False


def test_evaluate_ud_by_hand(tmp_path):
    (tmp_path / "t.conllu").write_text(CONLLU, encoding="utf-8")
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_test_stub_parse", name="parser")
    r = evaluate_ud(tmp_path / "t.conllu", nlp=nlp).to_dict()
    # 7 tokens: Ani membeli bukunya . | Budi tidur .
    assert r["tokens"] == 7 and r["sentences"] == 2
    # UPOS: only "bukunya" (NOUN) is right -> 1/7
    assert r["upos"] == pytest.approx(1 / 7)
    # Heads predicted: everything -> first token of its sentence.
    # s1 gold heads: Ani->membeli, membeli=root, bukunya->membeli, .->membeli: predicted
    # Ani=root, the rest -> Ani: none right. s2 gold: Budi->tidur, tidur=root, .->tidur;
    # predicted Budi=root, tidur->Budi, .->Budi: none right.  UAS = 0.
    assert r["uas"] == 0.0 and r["las"] == 0.0
    # Sentences on raw text "Ani membeli bukunya. Budi tidur.": both found exactly.
    assert r["sent_precision"] == 1.0 and r["sent_recall"] == 1.0 and r["sent_f1"] == 1.0
    assert "UAS" in evaluate_ud(tmp_path / "t.conllu", nlp=nlp).format()


@Language.component("warta_test_gold_like_parse")
def _gold_like_parse(doc):
    """Right heads for the CONLLU above on gold tokens; wrong subtype on the last '.'."""
    gold = {
        ("Ani", "membeli", "bukunya", "."): ([1, 1, 1, 1], ["nsubj", "ROOT", "obj", "punct"]),
        ("Budi", "tidur", "."): ([1, 1, 1], ["nsubj", "ROOT", "flat:name"]),
    }
    key = tuple(t.text for t in doc)
    if key in gold:
        heads, deps = gold[key]
        for tok, h, d in zip(doc, heads, deps):
            tok.head = doc[h]
            tok.dep_ = d
    return doc


def test_evaluate_ud_las_uses_universal_relation(tmp_path):
    (tmp_path / "t.conllu").write_text(CONLLU, encoding="utf-8")
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_test_gold_like_parse", name="parser")
    r = evaluate_ud(tmp_path / "t.conllu", nlp=nlp).to_dict()
    assert r["uas"] == 1.0
    assert r["las"] == 1.0  # flat:name vs flat:x share the universal part "flat"
    assert r["las_full"] == pytest.approx(6 / 7)
    # On raw text this stub sets no boundaries: one predicted sentence spanning both.
    assert r["sent_precision"] == 0.0 and r["sent_recall"] == 0.0 and r["sent_f1"] == 0.0


def test_missing_files_raise_input_error(tmp_path):
    from warta.errors import InputError

    nlp = spacy.blank("id")
    with pytest.raises(InputError):
        evaluate_ner([tmp_path / "nope.tsv"], nlp=nlp)
    with pytest.raises(InputError):
        evaluate_ud(tmp_path / "nope.conllu", nlp=nlp)
