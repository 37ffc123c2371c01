"""Evaluate tone, categories and themes: quality on held-out data, speed, model sizes.

    python scripts/eval_tone_categories.py [--shared ../shared] [--skip-categories]

- Tone: the shipped models (``tone`` for news, ``tone_review`` for comments) on the CNBC
  Indonesia 90-10 validation split and the SmSA test set; neither was used in training.
- Categories: the shipped model is fitted on every labelled article, so the held-out figure
  comes from refitting the same recipe on the URL-grouped 80% split (plus the weakly labelled
  national news, weighted 0.3) and scoring the other 20% of gold rows (under a minute). The
  cross-validation figure and the candidates compared come from
  ``python training/train_categories.py --select``.
- Speed: themes + tone (and categories) per article over the Detik articles, also normalised
  to a 3,000-character article.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.analysis.categories import classify_article
from warta.analysis.models.linear import MODEL_DIR, load_model
from warta.analysis.themes import assign_themes
from warta.analysis.tone import score_tone
from warta.record import Article

LABELS = {"positif": "positive", "netral": "neutral", "negatif": "negative"}


def _report(gold, pred) -> tuple[float, str]:
    from sklearn.metrics import classification_report, f1_score

    return (
        float(f1_score(gold, pred, average="macro")),
        classification_report(gold, pred, digits=3, zero_division=0),
    )


def eval_tone(shared: Path) -> None:
    tone = shared / "data" / "tone"
    with (tone / "cnbci_90-10_validation_data.csv").open(encoding="utf-8", newline="") as f:
        cnbci = [(r["judul"], LABELS[r["sentimen"]]) for r in csv.DictReader(f)]
    smsa = [
        ln.rsplit("\t", 1)
        for ln in (tone / "smsa_test.tsv").read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    smsa = [(t, y.strip()) for t, y in smsa]
    print("== Tone (macro F1) ==")
    for name in ("tone", "tone_review"):
        m = load_model(name)
        for set_name, rows in (("CNBCI 90-10 validation", cnbci), ("SmSA test", smsa)):
            f1, report = _report([y for _, y in rows], m.predict([t for t, _ in rows]))
            print(f"{name:12s} {set_name:24s} n={len(rows):4d}  macro F1 {f1:.3f}")
            if (name, set_name) in (
                ("tone", "CNBCI 90-10 validation"),
                ("tone_review", "SmSA test"),
            ):
                print(report)


def eval_categories(shared: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "train_categories", ROOT / "training" / "train_categories.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    train, test, _ = mod.datasets(shared)
    print(
        f"== Categories: refit on {len(train)} rows (incl. weak labels x{mod.WEAK_WEIGHT}), held-out "
        f"{len(test)} gold rows (grouped by URL, seed {mod.SEED}) =="
    )
    with tempfile.TemporaryDirectory() as tmpdir:
        f1, report = mod.evaluate(mod.fit(train), test, Path(tmpdir) / "c.npz")
    print(f"held-out macro F1 {f1:.4f}")
    print(report)


def _read_news(path: Path, limit: int) -> list[Article]:
    arts = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            d = json.loads(line)
            if d.get("text"):
                arts.append(Article(id=d["id"], text=d["text"], title=d.get("title")))
        if len(arts) >= limit:
            break
    return arts


def eval_speed(shared: Path) -> None:
    arts = _read_news(shared / "data" / "news" / "detik.jsonl", 300)
    score_tone(arts[0]), assign_themes(arts[0]), classify_article(arts[0])  # load once
    chars = sum(len(a.text) for a in arts)
    timings = {}
    for name, fn in (
        ("themes", assign_themes),
        ("tone", score_tone),
        ("categories", classify_article),
    ):
        t0 = time.perf_counter()
        for a in arts:
            fn(a)
        timings[name] = (time.perf_counter() - t0) / len(arts)
    per3k = 3000 / (chars / len(arts))
    print(f"== Speed over {len(arts)} Detik articles (mean {chars / len(arts):.0f} chars) ==")
    for name, sec in timings.items():
        print(
            f"{name:11s} {sec * 1e3:6.2f} ms/article  ({sec * 1e3 * per3k:5.2f} ms per 3,000 chars)"
        )
    both = timings["themes"] + timings["tone"]
    print(
        f"themes+tone {both * 1e3:6.2f} ms/article  ({both * 1e3 * per3k:5.2f} ms per 3,000 chars)"
    )


def sizes() -> None:
    print("== Shipped weights ==")
    total = 0
    for p in sorted(MODEL_DIR.glob("*.npz")):
        total += p.stat().st_size
        print(f"{p.name:20s} {p.stat().st_size / 1e6:5.2f} MB")
    print(f"{'total':20s} {total / 1e6:5.2f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--skip-categories", action="store_true", help="skip the refit (~1 min)")
    args = ap.parse_args()
    eval_tone(args.shared)
    if not args.skip_categories:
        eval_categories(args.shared)
    eval_speed(args.shared)
    sizes()


if __name__ == "__main__":
    main()
