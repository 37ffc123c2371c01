"""Sentence and article tone: negation features, shipped weights, seed article, speed."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from warta.analysis.models.linear import featurize, load_model
from warta.analysis.tone import score_tone, sentence_tone
from warta.record import Article, Entity, Span, Tone

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "data" / "seed" / "kontan-rusia-china.txt"
TONE = SHARED / "data" / "tone"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (test data) is absent")


def seed_article() -> Article:
    lines = SEED.read_text(encoding="utf-8").splitlines()[1:]  # line 0 is the header
    body = [
        ln
        for ln in lines
        if ln.strip() and not ln.startswith(("Sumber:", "Baca Juga:", "Cek Berita"))
    ]
    return Article(id="t", text="\n\n".join(body))


# --- negation features ---------------------------------------------------------------


@pytest.mark.parametrize("negator", ["tidak", "tak", "bukan", "belum", "jangan"])
def test_words_after_a_negator_become_neg_features(negator):
    feats = featurize(f"harga {negator} naik lagi", bigrams=False, stems=False)
    assert "NEG_naik" in feats and "NEG_lagi" in feats
    assert "naik" not in feats
    assert "harga" in feats and negator in feats


def test_negation_window_is_short_and_stops_at_punctuation():
    feats = featurize("tidak satu dua tiga empat", bigrams=False, stems=False)
    assert feats[1:4] == ["NEG_satu", "NEG_dua", "NEG_tiga"]
    assert "empat" in feats
    feats = featurize("tidak bagus, harga naik", bigrams=False, stems=False)
    assert "NEG_bagus" in feats and "naik" in feats and "NEG_naik" not in feats


def test_negation_can_be_switched_off():
    assert "NEG_naik" not in featurize("tidak naik", negation=False)


@pytest.mark.parametrize(
    ("plain", "negated"),
    [
        ("Makanannya enak.", "Makanannya tidak enak."),
        ("Pelayanannya bagus.", "Pelayanannya tidak bagus."),
    ],
)
def test_negation_lowers_the_tone(plain, negated):
    assert sentence_tone(plain) > 0.3
    assert sentence_tone(negated) < sentence_tone(plain) - 0.5


def test_sentence_tone_direction_and_range():
    pos = sentence_tone("Pelayanannya sangat bagus dan memuaskan.")
    neg = sentence_tone("Saham perusahaan itu anjlok dan investor merugi.")
    assert -1.0 <= neg < 0 < pos <= 1.0
    assert -1.0 <= sentence_tone("") <= 1.0


def test_review_domain_and_unknown_domain():
    assert sentence_tone("Pelayanannya buruk dan mengecewakan.", domain="review") < 0
    with pytest.raises(ValueError):
        sentence_tone("apa saja", domain="tweets")


# --- shipped weights -------------------------------------------------------------------


def test_shipped_models_load_without_scikit_learn():
    code = (
        "import sys; sys.modules['sklearn'] = None\n"
        "from warta.analysis.models.linear import load_model\n"
        "for name in ('tone', 'tone_review', 'categories'):\n"
        "    m = load_model(name); assert m.classes and len(m.index) > 1000\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_tone_model_classes():
    assert sorted(load_model("tone").classes) == ["negative", "neutral", "positive"]


# --- article tone ------------------------------------------------------------------------


def test_article_tone_aggregates_sentences():
    art = Article(
        id="a",
        text="Pelayanannya sangat bagus. Makanannya enak sekali. Tempatnya kotor dan sempit.",
    )
    tone, _ = score_tone(art)
    assert isinstance(tone, Tone)
    assert tone.polarity == pytest.approx(tone.positive + tone.negative, abs=1e-3)
    assert tone.positive == pytest.approx(2 / 3, abs=1e-3)
    assert tone.negative == pytest.approx(1 / 3, abs=1e-3)
    assert tone.score > 0 and tone.label == "positive"


def test_empty_article_is_neutral():
    tone, per_entity = score_tone(Article(id="e", text=""))
    assert (tone.score, tone.polarity, tone.label, per_entity) == (0.0, 0.0, "neutral", {})


def test_entity_tone_is_the_mean_of_its_sentences():
    text = "Andi memuji pelayanannya yang bagus. Budi kecewa karena makanannya tidak enak."
    andi = Entity(id="e1", type="PER", name="Andi", mentions=[Span(0, 4)])
    budi_start = text.index("Budi")
    budi = Entity(id="e2", type="PER", name="Budi", mentions=[Span(budi_start, budi_start + 4)])
    ghost = Entity(id="e3", type="PER", name="Cici", mentions=[])
    _, per_entity = score_tone(Article(id="x", text=text), entities=[andi, budi, ghost])
    assert per_entity["e1"] == pytest.approx(
        sentence_tone(text[: text.index("Budi")].strip()), abs=1e-3
    )
    assert per_entity["e1"] > 0 > per_entity["e2"]
    assert "e3" not in per_entity


def test_sentences_come_from_the_doc_when_given():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    text = "Makanannya enak. Pelayanannya buruk dan mengecewakan."
    doc = nlp(text)
    one_sentence = nlp.make_doc(text)
    for tok in one_sentence:
        tok.is_sent_start = tok.i == 0
    two, _ = score_tone(Article(id="d", text=text), doc=doc)
    one, _ = score_tone(Article(id="d", text=text), doc=one_sentence)
    assert two.positive == pytest.approx(0.5) and two.negative == pytest.approx(0.5)
    assert one.positive + one.negative == pytest.approx(1.0)
    assert one.positive in (0.0, 1.0)


@needs_shared
def test_seed_article_leans_negative_and_putin_gets_a_tone():
    art = seed_article()
    starts = [i for i in range(len(art.text)) if art.text.startswith("Putin", i)]
    putin = Entity(
        id="e1", type="PER", name="Vladimir Putin", mentions=[Span(s, s + 5) for s in starts]
    )
    tone, per_entity = score_tone(art, entities=[putin])
    assert tone.score < 0
    assert 0 <= tone.negative <= 1 and 0 <= tone.positive <= 1
    assert -1 <= per_entity["e1"] <= 1


# --- held-out quality floors -------------------------------------------------------------


def _macro_f1(gold, pred):
    f1s = []
    for c in set(gold):
        tp = sum(g == p == c for g, p in zip(gold, pred))
        fp = sum(p == c != g for g, p in zip(gold, pred))
        fn = sum(g == c != p for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


LABELS = {"positif": "positive", "netral": "neutral", "negatif": "negative"}


@needs_shared
def test_cnbci_validation_macro_f1_floor():
    with (TONE / "cnbci_90-10_validation_data.csv").open(encoding="utf-8", newline="") as f:
        rows = [(r["judul"], LABELS[r["sentimen"]]) for r in csv.DictReader(f)]
    pred = load_model("tone").predict([t for t, _ in rows])
    assert _macro_f1([y for _, y in rows], pred) >= 0.75


@needs_shared
def test_smsa_test_macro_f1_floor():
    rows = [
        ln.rsplit("\t", 1)
        for ln in (TONE / "smsa_test.tsv").read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    pred = load_model("tone_review").predict([t for t, _ in rows])
    assert _macro_f1([y.strip() for _, y in rows], pred) >= 0.80
