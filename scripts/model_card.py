"""Reproduce the score table of docs/model.md in one command.

    python scripts/model_card.py [--data ../shared/data] [--model DIR] [--json] [--ner-only]

NER rows run the pipeline's NER on gold tokens (warta.evaluation.ner); UD rows score
UPOS, UAS, LAS on gold tokens and sentence F1 on raw text (warta.evaluation.ud).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warta.evaluation.ner import evaluate_ner
from warta.evaluation.ud import evaluate_ud
from warta.language import load_pipeline

# (row name, file under data/, headline metric, target)
NER_ROWS = [
    ("NERGRIT test", "ner/nergrit_test.txt", "macro_f1", 0.75),
    ("NER UI test.01", "ner/nerui/test.01.tsv", "micro_f1", 0.85),
    ("NER UGM test.01", "ner/nerugm/test.01.tsv", "micro_f1", None),
    ("idner2k dev", "ner/idner2k_dev.txt", "micro_f1", 0.85),
    ("NERP test", "ner/nerp_test.txt", "macro_f1", None),
]
UD_ROWS = [
    ("UD CSUI test", "ud/id_csui-ud-test.conllu"),
    ("UD GSD test", "ud/id_gsd-ud-test.conllu"),
]


def run(data: Path, model: Path | None, ner_only: bool = False) -> dict:
    nlp = load_pipeline(path=model) if model else load_pipeline()
    out: dict = {"ner": {}, "ud": {}}
    for name, rel, metric, target in NER_ROWS:
        t = time.perf_counter()
        r = evaluate_ner([data / rel], nlp=nlp).to_dict()
        r.update(headline=metric, target=target, seconds=round(time.perf_counter() - t, 1))
        out["ner"][name] = r
    for name, rel in [] if ner_only else UD_ROWS:
        out["ud"][name] = evaluate_ud(data / rel, nlp=nlp).to_dict()
    return out


def table(res: dict) -> str:
    lines = [
        "| NER data set | P | R | micro F1 | type-macro F1 | PER F1 | ORG F1 | LOC F1 | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in res["ner"].items():
        pt = r["per_type"]
        tgt = (
            ""
            if r["target"] is None
            else f"{r['headline'].replace('_f1', '')} F1 ≥ {100 * r['target']:.0f}"
        )
        lines.append(
            f"| {name} | {100 * r['precision']:.1f} | {100 * r['recall']:.1f} | {100 * r['micro_f1']:.1f} | "
            f"{100 * r['macro_f1']:.1f} | {100 * pt['PER']['f1']:.1f} | {100 * pt['ORG']['f1']:.1f} | "
            f"{100 * pt['LOC']['f1']:.1f} | {tgt} |"
        )
    if not res["ud"]:
        return "\n".join(lines)
    lines += [
        "",
        "| UD data set | UPOS | feats | lemma | UAS | LAS | LAS (full labels) | sentence F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in res["ud"].items():
        lines.append(
            f"| {name} | {100 * r['upos']:.1f} | {100 * r['feats']:.1f} | {100 * r['lemma']:.1f} | "
            f"{100 * r['uas']:.1f} | {100 * r['las']:.1f} | {100 * r['las_full']:.1f} | {100 * r['sent_f1']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--model", type=Path, default=None, help="model dir (default: the shipped one)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--ner-only", action="store_true", help="skip the UD rows (for NER-only models)"
    )
    args = ap.parse_args(argv)
    res = run(args.data, args.model, args.ner_only)
    print(json.dumps(res, indent=2) if args.json else table(res))


if __name__ == "__main__":
    main()
