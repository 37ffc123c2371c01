"""The shipped language model (warta.language.load_pipeline)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from warta.errors import ModelError
from warta.language import ENTITY_LABELS, MODEL_DIR, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_loads_once(nlp):
    assert load_pipeline() is nlp
    assert load_pipeline(disable=("parser",)) is load_pipeline(disable=["parser"])
    assert load_pipeline(disable=("parser",)) is not nlp


def test_model_is_a_plain_spacy_dir_of_reasonable_size():
    assert (MODEL_DIR / "config.cfg").is_file() and (MODEL_DIR / "meta.json").is_file()
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size < 62_000_000


def test_missing_model_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        load_pipeline(path=tmp_path / "nothing")


def test_broken_model_raises_model_error(tmp_path):
    (tmp_path / "config.cfg").write_text(
        '[nlp]\nlang = "id"\npipeline = ["nope"]\n', encoding="utf-8"
    )
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be loaded"):
        load_pipeline(path=tmp_path)


def test_importing_the_package_does_not_import_spacy():
    import subprocess
    import sys

    code = "import sys, warta.language; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_all_annotations_present(nlp):
    doc = nlp(
        "Presiden Joko Widodo meresmikan jembatan baru di Surabaya pada Senin. "
        "Ia didampingi Menteri Keuangan."
    )
    assert len(list(doc.sents)) == 2
    assert all(t.pos_ for t in doc)
    assert all(t.dep_ for t in doc)
    assert all(t.lemma_ for t in doc)
    assert any(str(t.morph) for t in doc)
    assert sum(t.dep_ == "ROOT" for t in doc) == 2
    assert {e.label_ for e in doc.ents} <= set(ENTITY_LABELS)


def test_paragraph_break_starts_a_sentence(nlp):
    doc = nlp("Harga beras naik tajam\n\nPemerintah akan mengimpor beras.\nIa setuju.")
    assert [s.text.strip() for s in doc.sents] == [
        "Harga beras naik tajam",
        "Pemerintah akan mengimpor beras.",
        "Ia setuju.",
    ]
    assert [t.pos_ for t in doc if t.is_space] == ["SPACE", "SPACE"]


def test_closing_quote_stays_with_its_sentence(nlp):
    for text in (
        'Ia berkata, "Kami siap." Lalu ia pergi.',
        "Ia berkata, “Kami siap.” Lalu ia pergi.",
    ):
        doc = nlp(text)
        closing = [t for t in doc if t.text in ('"', "”") and t.i > 0 and doc[t.i - 1].text == "."]
        assert closing and not any(t.is_sent_start for t in closing)
        assert not any(s.text.strip() in ('"', "”") for s in doc.sents)


def test_sentences_end_only_at_final_punctuation_or_line_breaks(nlp):
    # Made-up text where the parser alone used to start sentences mid-clause (after a
    # bracket, before a preposition).
    text = (
        "Kerugian negara mencapai Rp780,3 triliun (5,6 miliar dolar AS) dibandingkan tahun lalu "
        "yang hanya Rp27,9 triliun dari anggaran perubahan. Menteri Keuangan menolak memberi "
        "komentar! Ia pergi\nRapat ditunda."
    )
    doc = nlp(text)
    for sent in doc.sents:
        if sent.start == 0 or "\n" in doc[sent.start].text:  # a line break starts it
            continue
        prev = doc[sent.start - 1]
        while prev.i > 0 and prev.text in '"”’)]':
            prev = doc[prev.i - 1]
        assert prev.text[-1] in ".!?…", (prev.text, sent.text)
    assert any(s.text.startswith("Menteri") for s in doc.sents)


def test_paragraph_breaks_forbid_sentence_starts_inside_clauses(nlp):
    doc = nlp.get_pipe("warta_paragraph_breaks")(
        nlp.make_doc('Ia datang (kemarin) lalu pergi. Kami "setuju." Lalu\nSelesai')
    )
    starts = {t.text: t.is_sent_start for t in doc if not t.is_space}
    # Only words after final punctuation (and its closing quote) are left to the parser.
    assert starts["Kami"] is None and starts["Lalu"] is None
    for word in ("datang", "(", "kemarin", ")", "lalu", "pergi", "setuju", "Selesai"):
        assert starts[word] is False, word
    assert [t.is_sent_start for t in doc if t.is_space and "\n" in t.text] == [True]


def test_seed_entities(nlp, seed_text):
    doc = nlp(seed_text)
    ents = {(e.text, e.label_) for e in doc.ents}
    for name in ("Vladimir Putin", "Xi Jinping", "Jen Psaki", "Karen Donfried", "Yuri Ushakov"):
        assert (name, "PER") in ents, (name, sorted(ents))
    assert ("NATO", "ORG") in ents


def test_quality_on_held_out_ner(nlp, shared):
    """A floor well under the measured scores (docs/model.md) that still catches a broken
    model or a label-mapping regression."""
    from warta.evaluation.ner import evaluate_ner

    r = evaluate_ner([shared / "data" / "ner" / "nerui" / "test.01.tsv"], nlp=nlp)
    assert r.micro.f1 > 0.80, r.format()


def test_quality_on_held_out_ud(nlp, shared):
    from warta.evaluation.ud import evaluate_ud

    r = evaluate_ud(shared / "data" / "ud" / "id_csui-ud-test.conllu", nlp=nlp)
    assert r.upos > 0.90 and r.las > 0.65 and r.sent_f1 > 0.80, r.format()
