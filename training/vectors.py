"""Train compact floret vectors on the news text in ../shared/data/news (training only).

    python training/vectors.py [--data ../shared/data] [--out training/work/vectors]

Writes ``raw.jsonl`` (paragraphs, for ``spacy pretrain``), ``floret.floret`` (the hash table) and initialises a spaCy vectors dir
(``spacy init vectors id ... --mode floret``) that the NER config can use. The text is
tokenised with warta's tokenizer so vector rows match pipeline tokens. The
vectors are a hash table of ``BUCKET`` rows, so their size does not grow with the
vocabulary: 50,000 x 100 floats is 20 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

DIM = 100
BUCKET = 50_000
MINN, MAXN = 3, 5
EPOCHS = 5  # floret has no seed option: one thread keeps runs repeatable


def write_text(data: Path, out: Path) -> int:
    import spacy

    import warta.language.tokenizer  # noqa: F401  (registers the tokenizer)

    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "warta.id_tokenizer.v1"}}})
    texts = []
    for f in sorted((data / "news").glob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                t = json.loads(line).get("text") or ""
                texts.extend(p for p in t.split("\n") if p.strip())
    # The same paragraphs, raw, for `spacy pretrain` (JSONL with a "text" key).
    with open(out.with_name("raw.jsonl"), "w", encoding="utf-8") as fh:
        for t in texts:
            fh.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
            words = [t.text for t in doc if not t.is_space]
            n += len(words)
            fh.write(" ".join(words) + "\n")
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "training" / "work" / "vectors")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    text = args.out / "news.txt"
    print("tokens:", write_text(args.data, text), flush=True)

    import floret

    model = floret.train_unsupervised(
        str(text),
        model="cbow",
        mode="floret",
        hashCount=2,
        bucket=BUCKET,
        dim=DIM,
        minn=MINN,
        maxn=MAXN,
        epoch=EPOCHS,
        minCount=3,
        thread=args.threads,
    )
    vec = args.out / "floret.floret"
    model.save_floret_vectors(str(vec))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "id",
            str(vec),
            str(args.out / "spacy"),
            "--mode",
            "floret",
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
