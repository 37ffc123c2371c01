"""Build warta's language model from ../shared/data in one command.

    python training/build.py [--data ../shared/data] [--work training/work] [--no-vectors]
                             [--no-nerp] [--no-augment]

Steps: convert the corpora (prepare.py), train floret vectors on the news text
(vectors.py), train the UD pipeline (configs/ud_vectors.cfg, or ud.cfg without vectors)
and the NER pipeline (configs/ner_vectors.cfg or ner.cfg) on the NER corpora plus NERP
and the synthetic title-name sentences of augment.py, and join them into
src/warta/language/model (assemble.py). Seeds are fixed in the configs
([system] seed = 0); each spaCy run is single-threaded. Logs go to WORK/logs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRAINING = REPO / "training"
CODE = REPO / "src" / "warta" / "language" / "tokenizer.py"


def _run(cmd: list[str], log: Path) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        OMP_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        PYTHONHASHSEED="0",
    )
    print("$", " ".join(cmd), f"> {log}", flush=True)
    with open(log, "w") as fh:
        subprocess.run(cmd, check=True, stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=REPO)


def train(
    config: Path, out: Path, train_path: Path, dev_path: Path, log: Path, *extra: str
) -> Path:
    _run(
        [
            sys.executable,
            "-m",
            "spacy",
            "train",
            str(config),
            "--output",
            str(out),
            "--code",
            str(CODE),
            "--paths.train",
            str(train_path),
            "--paths.dev",
            str(dev_path),
            *extra,
        ],
        log,
    )
    return out / "model-best"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--work", type=Path, default=TRAINING / "work")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "warta" / "language" / "model")
    ap.add_argument("--no-vectors", action="store_true", help="train NER without floret vectors")
    ap.add_argument(
        "--no-nerp", action="store_true", help="leave the lowercased NERP train set out"
    )
    ap.add_argument("--no-augment", action="store_true", help="leave the synthetic sentences out")
    ap.add_argument(
        "--max-steps", type=int, default=0, help="override max_steps (0: the configs' values)"
    )
    args = ap.parse_args(argv)
    work, corpus, logs = args.work, args.work / "corpus", args.work / "logs"
    py = sys.executable
    _run(
        [py, str(TRAINING / "prepare.py"), "--data", str(args.data), "--out", str(corpus)],
        logs / "prepare.log",
    )
    ud_cfg, ner_cfg, extra = TRAINING / "configs" / "ud.cfg", TRAINING / "configs" / "ner.cfg", []
    if not args.no_vectors:
        _run(
            [
                py,
                str(TRAINING / "vectors.py"),
                "--data",
                str(args.data),
                "--out",
                str(work / "vectors"),
            ],
            logs / "vectors.log",
        )
        ud_cfg = TRAINING / "configs" / "ud_vectors.cfg"
        ner_cfg = TRAINING / "configs" / "ner_vectors.cfg"
        extra = ["--paths.vectors", str(work / "vectors" / "spacy")]
    if args.max_steps:
        extra += ["--training.max_steps", str(args.max_steps)]
    ud = train(
        ud_cfg,
        work / "ud",
        corpus / "ud_train.spacy",
        corpus / "ud_dev.spacy",
        logs / "ud.log",
        *extra,
    )
    ner_train = corpus / (
        "ner_train"
        + ("" if args.no_augment else "_aug")
        + ("" if args.no_nerp else "_nerp")
        + ".spacy"
    )
    ner = train(
        ner_cfg, work / "ner", ner_train, corpus / "ner_dev.spacy", logs / "ner.log", *extra
    )
    if not args.no_vectors:
        # Second stage: 1,200 more steps at half the learning rate, kept whatever the dev
        # score (model-last); see docs/model.md for why.
        train(
            TRAINING / "configs" / "ner_finetune.cfg",
            work / "ner_ft",
            ner_train,
            corpus / "ner_dev.spacy",
            logs / "ner_ft.log",
            "--paths.ner_base",
            str(ner),
            *extra,
        )
        ner = work / "ner_ft" / "model-last"
    _run(
        [py, str(TRAINING / "assemble.py"), str(ud), str(ner), "--out", str(args.out)],
        logs / "assemble.log",
    )
    print((logs / "assemble.log").read_text())


if __name__ == "__main__":
    main()
