"""Train the news-section classifier shipped as ``src/warta/analysis/models/categories.npz``.

    python training/train_categories.py [--shared ../shared] [--select]

Data: ``../shared/data/news/*.jsonl`` (Detik ``category``; CLICK-ID ``category`` and
``subcategory``), mapped to one label set by :func:`map_label` (documented in
``docs/classifiers.md``). Rows whose section says nothing about the topic (CLICK-ID
"Nasional", "News/News", advertorials) are left out.

Weak labels: CLICK-ID national news (no gold section) is labelled ``hukum`` or ``politik``
when the themes of one group clearly dominate (:func:`weak_label`); these rows only ever join
the training side. Without them politics and law come from Detik alone and the model learns
the outlet instead of the topic. ``--no-weak`` trains on gold rows only.

Held-out split: 20% of the distinct gold URLs (GroupShuffleSplit, seed 13), so an article
repeated in Detik never sits on both sides. The shipped model is then refitted on all rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.analysis.categories import document_text
from warta.analysis.models.linear import MODEL_DIR, featurize, save_model

SEED = 13
FEATS = {"bigrams": True, "negation": False, "stems": False}
MAX_FEATURES = 60_000

DETIK = {
    "Ekonomi & Keuangan": "ekonomi",
    "Hukum & Kriminalitas": "hukum",
    "Politik & Kebijakan Publik": "politik",
    "Pembangunan & Lingkungan": "lingkungan",
}
# CLICK-ID: category -> label, or category -> {subcategory -> label, "*": default}.
CLICKID = {
    "News": {
        "Regional": "regional", "Megapolitan": "regional", "Nusantara": "regional",
        "Jateng": "regional", "Jatim": "regional", "Jabar": "regional", "Sumut": "regional",
        "Sulsel": "regional", "Bali": "regional", "Sumsel": "regional", "Yogya": "regional",
        "Internasional": "internasional", "International": "internasional",
        "Edukasi": "pendidikan", "Kampus": "pendidikan",
        "*": None,  # Nasional, News: a mix of politics, law and society
    },
    "Bola": "olahraga", "Sports": "olahraga", "Super Skor": "olahraga", "Sport": "olahraga",
    "Entertainment": "hiburan", "Celebrity": "hiburan", "Seleb": "hiburan",
    "Money": "ekonomi", "Economy": "ekonomi", "Bisnis": "ekonomi", "Properti": "ekonomi",
    "Bea Cukai": "ekonomi", "Pertamina": "ekonomi",
    "Otomotif": "otomotif",
    "Lifestyle": {"Health": "kesehatan", "Sexual Health": "kesehatan", "*": "gaya_hidup"},
    "Travel": "gaya_hidup",
    "Tekno": "teknologi", "Techno": "teknologi", "Sains": "teknologi",
    "Kesehatan": "kesehatan", "Kalbe Health Corner": "kesehatan",
    "Muslim": "religi", "Haji": "religi",
    "Pendidikan": "pendidikan",
    "Regional": "regional", "Metropolitan": "regional",
    "Internasional": "internasional", "Australia Plus": "internasional",
    "DPR RI": "politik", "DPD RI": "politik",
    "Nasional": None, "Kilas Kementerian": None, "Tribunners": None,
}


def map_label(outlet: str, category: str | None, subcategory: str | None) -> str | None:
    if outlet == "detik":
        return DETIK.get(category or "")
    rule = CLICKID.get(category or "")
    if isinstance(rule, dict):
        return rule.get(subcategory or "", rule.get("*"))
    return rule


def load(shared: Path) -> list[dict]:
    rows = []
    for path in sorted((shared / "data" / "news").glob("*.jsonl")):
        # split on "\n" only: texts contain U+2028, which splitlines() would cut at
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            d = json.loads(line)
            if not (d.get("text") or "").strip():
                continue
            label = map_label(d["outlet"], d.get("category"), d.get("subcategory"))
            if label:
                rows.append({"url": d["url"], "label": label,
                             "doc": document_text(d.get("title"), d["text"])})
    return rows


# Weak labels for the CLICK-ID national sections (left out of the gold rows): politics and law
# otherwise come only from Detik, and the model learns "Detik style" instead of the topic
# (national news from other outlets then comes out as "regional"). An article is weakly
# labelled when the themes of one group clearly dominate, judged on theme scores.
WEAK_GROUPS = {
    "hukum": {"CORRUPTION", "TRIAL", "ARREST", "DRUGS", "KILLING", "ROBBERY_THEFT", "FRAUD",
              "MONEY_LAUNDERING", "SEXUAL_VIOLENCE", "DEATH_PENALTY", "KIDNAPPING", "GAMBLING",
              "HUMAN_TRAFFICKING", "SMUGGLING", "TERRORISM"},
    "politik": {"ELECTION", "ELECTION_FRAUD", "POLITICAL_PARTY", "LEGISLATION",
                "GOVERNMENT_CHANGE", "IMPEACHMENT"},
}
WEAK_MIN_SCORE = 1.5  # weighted theme mentions per 1,000 characters
WEAK_MARGIN = 2.0  # the winning group must score at least twice the other


def weak_label(title: str | None, text: str) -> str | None:
    from warta.analysis.themes import assign_themes
    from warta.record import Article

    themes = assign_themes(Article(id="w", text=f"{title or ''}\n{text}"))
    score = {g: sum(t.score for t in themes if t.id in ids) for g, ids in WEAK_GROUPS.items()}
    best, other = sorted(score, key=score.get, reverse=True)
    if score[best] >= WEAK_MIN_SCORE and score[best] >= WEAK_MARGIN * score[other]:
        return best
    return None


def load_weak(shared: Path) -> list[dict]:
    """Weakly labelled rows from the CLICK-ID national sections (training only)."""
    rows = []
    for path in sorted((shared / "data" / "news").glob("clickid_*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            d = json.loads(line)
            if not (d.get("text") or "").strip():
                continue
            if map_label(d["outlet"], d.get("category"), d.get("subcategory")) is not None:
                continue
            if d.get("category") not in ("News", "Nasional"):
                continue
            label = weak_label(d.get("title"), d["text"])
            if label:
                rows.append({"url": d["url"], "label": label, "weak": True,
                             "doc": document_text(d.get("title"), d["text"])})
    return rows


def datasets(shared: Path, *, weak: bool = True) -> tuple[list[dict], list[dict], list[dict]]:
    """(train, held-out test, all rows). Weak rows only ever join the training side."""
    gold = load(shared)
    extra = load_weak(shared) if weak else []
    train, test = split(gold)
    test_urls = {r["url"] for r in test}
    train += [r for r in extra if r["url"] not in test_urls]
    return train, test, gold + extra


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    from sklearn.model_selection import GroupShuffleSplit

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr, te = next(gss.split(rows, groups=[r["url"] for r in rows]))
    return [rows[i] for i in tr], [rows[i] for i in te]


def fit(rows: list[dict], *, kind: str = "lr", C: float = 10.0) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    vec = TfidfVectorizer(analyzer=lambda t: featurize(t, **FEATS), sublinear_tf=True,
                          min_df=3, max_features=MAX_FEATURES, dtype=np.float32)
    X = vec.fit_transform([r["doc"] for r in rows])
    y = [r["label"] for r in rows]
    if kind == "lr":
        model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=SEED)
    else:
        model = LinearSVC(C=C, class_weight="balanced", random_state=SEED)
    model.fit(X, y)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    return {"vocab": vocab, "idf": vec.idf_, "coef": model.coef_,
            "intercept": model.intercept_, "classes": list(model.classes_),
            "options": {"featurize": FEATS, "sublinear_tf": True,
                        "trained_with": "train_categories.py"}}


def evaluate(arrays: dict, test: list[dict], tmp: Path) -> tuple[float, str]:
    """Macro F1 of the saved-and-reloaded model (what ships), plus a per-class report."""
    from sklearn.metrics import classification_report, f1_score

    from warta.analysis.models.linear import LinearModel

    save_model(tmp, **arrays)
    with np.load(tmp, allow_pickle=False) as d:
        m = LinearModel(d["vocab"].tolist(), d["idf"], d["coef"], d["intercept"],
                        d["classes"].tolist(), json.loads(str(d["options"])))
    gold = [r["label"] for r in test]
    pred = m.predict([r["doc"] for r in test])
    return (float(f1_score(gold, pred, average="macro")),
            classification_report(gold, pred, digits=3, zero_division=0))


def main() -> None:
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--select", action="store_true", help="compare candidates on the split")
    ap.add_argument("--no-weak", action="store_true", help="gold rows only (no weak labels)")
    args = ap.parse_args()
    train, test, rows = datasets(args.shared, weak=not args.no_weak)
    print("labels:", dict(Counter(r["label"] for r in rows if not r.get("weak")).most_common()))
    print("weak labels (training only):",
          dict(Counter(r["label"] for r in rows if r.get("weak")).most_common()))
    print(f"train {len(train)} rows, test {len(test)} gold rows (grouped by URL, seed {SEED})")
    candidates = [("lr", 10.0), ("lr", 30.0), ("svm", 0.5)] if args.select else [("lr", 10.0)]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir) / "categories.npz"
        for kind, C in candidates:
            f1, report = evaluate(fit(train, kind=kind, C=C), test, tmp)
            print(f"{kind} C={C}: held-out macro F1 {f1:.3f}")
        print(report)
    final = fit(rows, kind="lr", C=10.0)
    save_model(MODEL_DIR / "categories.npz", **final)
    size = (MODEL_DIR / "categories.npz").stat().st_size
    print(f"categories.npz {size / 1e6:.2f} MB, vocab {len(final['vocab'])}")


if __name__ == "__main__":
    main()
