"""Train the sentence-tone models shipped in ``src/warta/analysis/models/``.

    python training/train_tone.py [--shared ../shared] [--select]

Data (``../shared/data/tone/``):

- CNBC Indonesia headlines, the published 90-10 split (``cnbci_90-10_train_data.csv`` for
  training, ``cnbci_90-10_validation_data.csv`` held out);
- IndoNLU SmSA (``smsa_train.tsv`` for training, ``smsa_valid.tsv`` for model selection,
  ``smsa_test.tsv`` held out).

Two models are written:

- ``tone.npz`` ("news", used for articles): word uni/bigrams, NEG_ marking after negators,
  light stems; logistic regression on CNBCI train + SmSA train. Words only, so scoring a
  sentence costs a few dictionary look-ups.
- ``tone_review.npz`` ("review"): the same word block plus a separately normalised block of
  character 2-5-grams, balanced class weights, on SmSA train only. Character n-grams survive
  the spelling of comments, but cost ~10x more per sentence, so they are not used on news.

``--select`` first prints the candidates compared (on a seeded 10% slice of CNBCI train and
on SmSA valid; the held-out sets are not looked at) before training the chosen ones.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.analysis.models.linear import MODEL_DIR, featurize, save_model

SEED = 13
LABELS = {
    "positif": "positive",
    "netral": "neutral",
    "negatif": "negative",
    "positive": "positive",
    "neutral": "neutral",
    "negative": "negative",
}

NEWS_FEATS = {"bigrams": True, "negation": True, "stems": True}
REVIEW_FEATS = {"bigrams": True, "negation": True, "stems": True, "chars": [2, 5]}


def read_cnbci(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["judul"], LABELS[r["sentimen"]]) for r in csv.DictReader(f)]


def read_smsa(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text, label = line.rsplit("\t", 1)
            rows.append((text, LABELS[label.strip()]))
    return rows


def load(shared: Path) -> dict[str, list[tuple[str, str]]]:
    tone = shared / "data" / "tone"
    return {
        "cnbci_train": read_cnbci(tone / "cnbci_90-10_train_data.csv"),
        "cnbci_valid": read_cnbci(tone / "cnbci_90-10_validation_data.csv"),
        "smsa_train": read_smsa(tone / "smsa_train.tsv"),
        "smsa_valid": read_smsa(tone / "smsa_valid.tsv"),
        "smsa_test": read_smsa(tone / "smsa_test.tsv"),
    }


def _chars_only(text: str) -> list[str]:
    feats = featurize(text, bigrams=False, negation=False, stems=False, chars=REVIEW_FEATS["chars"])
    return [f for f in feats if f.startswith("#")]


def fit(rows, feats: dict, *, C: float, balanced: bool, kind: str = "lr"):
    """Fit vectorizer(s) and a linear model; return the arrays ``save_model`` takes."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    texts = [t for t, _ in rows]
    y = [label for _, label in rows]
    word_opts = {k: v for k, v in feats.items() if k != "chars"}
    wv = TfidfVectorizer(
        analyzer=lambda t: featurize(t, **word_opts), sublinear_tf=True, min_df=2, dtype=np.float32
    )
    blocks = [wv.fit_transform(texts)]
    vecs = [wv]
    if feats.get("chars"):
        cv = TfidfVectorizer(analyzer=_chars_only, sublinear_tf=True, min_df=3, dtype=np.float32)
        blocks.append(cv.fit_transform(texts))
        vecs.append(cv)
    X = hstack(blocks).tocsr() if len(blocks) > 1 else blocks[0]
    cw = "balanced" if balanced else None
    if kind == "lr":
        model = LogisticRegression(C=C, max_iter=3000, class_weight=cw, random_state=SEED)
    else:
        model = LinearSVC(C=C, class_weight=cw, random_state=SEED)
    model.fit(X, y)

    vocab: list[str] = []
    idf: list[np.ndarray] = []
    for v in vecs:
        terms = sorted(v.vocabulary_, key=v.vocabulary_.get)
        vocab.extend(terms)
        idf.append(v.idf_)
    options = {"featurize": feats, "sublinear_tf": True, "trained_with": "train_tone.py"}
    if len(vecs) > 1:
        options["split"] = len(vecs[0].vocabulary_)
    return {
        "vocab": vocab,
        "idf": np.concatenate(idf),
        "coef": model.coef_,
        "intercept": model.intercept_,
        "classes": list(model.classes_),
        "options": options,
    }


def macro_f1(model, rows) -> float:
    from sklearn.metrics import f1_score

    pred = model.predict([t for t, _ in rows])
    return float(f1_score([y for _, y in rows], pred, average="macro"))


def _load_path(path: Path):
    import json

    from warta.analysis.models.linear import LinearModel

    with np.load(path, allow_pickle=False) as d:
        return LinearModel(
            d["vocab"].tolist(),
            d["idf"],
            d["coef"],
            d["intercept"],
            d["classes"].tolist(),
            json.loads(str(d["options"])),
        )


def select(data) -> None:
    import tempfile

    from sklearn.model_selection import train_test_split

    tr, dev = train_test_split(
        data["cnbci_train"],
        test_size=0.1,
        random_state=SEED,
        stratify=[y for _, y in data["cnbci_train"]],
    )
    plain = {"bigrams": True, "negation": True, "stems": False}
    noneg = {"bigrams": True, "negation": False, "stems": True}
    candidates = [
        ("news: cnbci+smsa lr C=10", tr + data["smsa_train"], NEWS_FEATS, 10, False, "lr"),
        ("news: cnbci+smsa lr C=10 no stems", tr + data["smsa_train"], plain, 10, False, "lr"),
        ("news: cnbci+smsa lr C=10 no NEG_", tr + data["smsa_train"], noneg, 10, False, "lr"),
        ("news: cnbci+smsa svm C=0.5", tr + data["smsa_train"], NEWS_FEATS, 0.5, False, "svm"),
        ("review: smsa lr C=30 balanced +chars", data["smsa_train"], REVIEW_FEATS, 30, True, "lr"),
        ("review: smsa lr C=30 balanced words", data["smsa_train"], NEWS_FEATS, 30, True, "lr"),
    ]
    with tempfile.TemporaryDirectory() as tmpdir:
        for name, rows, feats, C, bal, kind in candidates:
            m = _load_path_after_save(fit(rows, feats, C=C, balanced=bal, kind=kind), Path(tmpdir))
            print(
                f"{name:40s} cnbci-dev {macro_f1(m, dev):.3f}  "
                f"smsa-valid {macro_f1(m, data['smsa_valid']):.3f}",
                flush=True,
            )


def _load_path_after_save(arrays: dict, tmpdir: Path):
    path = tmpdir / "candidate.npz"
    save_model(path, **arrays)
    return _load_path(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--select", action="store_true", help="compare candidates first")
    args = ap.parse_args()
    data = load(args.shared)
    if args.select:
        select(data)

    news = fit(data["cnbci_train"] + data["smsa_train"], NEWS_FEATS, C=10, balanced=False)
    save_model(MODEL_DIR / "tone.npz", **news)
    review = fit(data["smsa_train"], REVIEW_FEATS, C=30, balanced=True)
    save_model(MODEL_DIR / "tone_review.npz", **review)
    for name in ("tone", "tone_review"):
        m = _load_path(MODEL_DIR / f"{name}.npz")
        size = (MODEL_DIR / f"{name}.npz").stat().st_size
        print(
            f"{name}.npz  {size / 1e6:.2f} MB  vocab {len(m.index)}  "
            f"cnbci-valid {macro_f1(m, data['cnbci_valid']):.3f}  "
            f"smsa-test {macro_f1(m, data['smsa_test']):.3f}"
        )


if __name__ == "__main__":
    main()
