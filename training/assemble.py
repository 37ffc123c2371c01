"""Join the trained UD pipeline and the NER pipeline into the shipped model.

    python training/assemble.py UD_MODEL NER_MODEL [--out src/warta/language/model]

The NER component keeps its own tok2vec (its listener is replaced by a copy of the
NER pipeline's tok2vec), so the UD and NER encoders stay as they were trained.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

VERSION = "0.1.0"


def assemble(ud_model: Path, ner_model: Path, out: Path) -> Path:
    import spacy

    import warta.language.components  # noqa: F401  (registers warta_paragraph_breaks, warta_attach_spaces)
    from warta.language.tokenizer import make_tokenizer

    nlp = spacy.load(ud_model)
    ner_nlp = spacy.load(ner_model)
    if "tok2vec" in ner_nlp.pipe_names:
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    if ner_nlp.vocab.vectors.shape[0]:
        nlp.vocab.vectors = ner_nlp.vocab.vectors
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.add_pipe("warta_paragraph_breaks", before="parser")
    nlp.add_pipe("warta_attach_spaces", after="parser")
    nlp.tokenizer = make_tokenizer(nlp)
    nlp.meta.update(
        name="warta_id",
        version=VERSION,
        description=(
            "Indonesian news pipeline of warta: tokenizer, morphologizer (UPOS+feats), "
            "trainable lemmatizer and parser trained on UD CSUI train + GSD dev + PUD; "
            "NER (PER/ORG/LOC) trained on NER UI and NER UGM fold-1 train, NERGRIT train, "
            "idner-news-2k train, NERP train (lowercased) and synthetic title-name sentences "
            "with names from the PETRARCH2 dictionaries. See docs/model.md."
        ),
        license="CC BY-SA 4.0",
        author="warta",
        sources=[
            {"name": "UD Indonesian-CSUI", "license": "CC BY-SA 4.0"},
            {"name": "UD Indonesian-GSD", "license": "CC BY-SA 4.0"},
            {"name": "UD Indonesian-PUD", "license": "CC BY-SA 3.0"},
            {"name": "IndoNLU NERGRIT", "license": "Apache-2.0 / MIT"},
            {"name": "IndoLEM NER UI, NER UGM", "license": "none stated"},
            {"name": "idner-news-2k", "license": "MIT"},
            {"name": "IndoNLU NERP", "license": "Apache-2.0 / MIT"},
            {"name": "PETRARCH2 dictionaries (names only)", "license": "MIT"},
        ],
    )
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("ud_model", type=Path)
    ap.add_argument("ner_model", type=Path)
    ap.add_argument("--out", type=Path, default=REPO / "src" / "warta" / "language" / "model")
    args = ap.parse_args(argv)
    out = assemble(args.ud_model, args.ner_model, args.out)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"{out}: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
