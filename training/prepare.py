"""Convert ../shared/data into spaCy ``.spacy`` corpora for training.

    python training/prepare.py [--data ../shared/data] [--out training/work/corpus]

UD (CoNLL-U): multiword tokens (``6-7 menyetujuinya``) become one token with the surface
form, because news text is tokenised at whitespace and punctuation and never into
clitics; the merged token takes the POS, features, lemma and relation of the part whose
head lies outside the range (the syntactic head of the word). Consecutive sentences are
grouped into documents so the parser learns sentence boundaries.

NER (BIO): labels are mapped to PER/ORG/LOC and everything else becomes O; an ``I-``
with no open entity of its type starts one.

Held out, never written to a training file: NERGRIT test, NER UI test.01, idner2k dev,
CSUI test, GSD test. The in-training dev sets are NER UI dev.01, NER UGM dev.01 and
NERGRIT valid for NER, and every 10th document of the UD training data for UD.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warta.evaluation.ner import map_bio, read_bio
from warta.evaluation.ud import read_conllu

sys.path.insert(0, str(Path(__file__).resolve().parent))
import augment

__all__ = ["bio_docs", "conllu_docs", "main", "rebuild_fold"]

DEFAULT_DATA = REPO.parent / "shared" / "data"
SENTS_PER_DOC = 8
SEED = 0
N_SYNTHETIC = 1000


def bio_docs(vocab, sentences) -> Iterator[Doc]:
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    for words, labels in sentences:
        doc = Doc(vocab, words=words)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(map_bio(labels)))
        yield doc


def rebuild_fold(full: Path, idx: Path) -> list[tuple[list[str], list[str]]]:
    """IndoLEM train fold from the full corpus and the index file (see data README)."""
    blocks = full.read_text(encoding="utf-8").split("\n\n")
    text = "".join(blocks[int(i)] + "\n\n" for i in idx.read_text().split())
    sents = []
    for block in text.split("\n\n"):
        rows = [r.split("\t") for r in block.split("\n") if r.strip()]
        if rows:
            sents.append(([r[0] for r in rows], [r[-1] for r in rows]))
    return sents


# --------------------------------------------------------------------------- UD
def conllu_docs(vocab, sentences: list, per_doc: int = SENTS_PER_DOC) -> Iterator[Doc]:
    for start in range(0, len(sentences), per_doc):
        group = sentences[start : start + per_doc]
        words, spaces, lemmas, pos, tags, morphs, heads, deps, sent_starts = ([] for _ in range(9))
        for sent in group:
            offset = len(words)
            for j, t in enumerate(sent.tokens):
                words.append(t["form"])
                spaces.append(t["space"])
                lemmas.append(t["lemma"])
                pos.append(t["upos"])
                tags.append(t["tag"])
                morphs.append(t["feats"])
                heads.append(offset + (j if t["head"] is None else t["head"]))
                deps.append(t["dep"])
                sent_starts.append(j == 0)
            spaces[-1] = True
        yield Doc(
            vocab,
            words=words,
            spaces=spaces,
            lemmas=lemmas,
            pos=pos,
            tags=tags,
            morphs=morphs,
            heads=heads,
            deps=deps,
            sent_starts=sent_starts,
        )


def _save(docs, path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    print(f"{path}: {n} docs")
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=REPO / "training" / "work" / "corpus")
    args = ap.parse_args(argv)
    data, out = args.data, args.out
    vocab = spacy.blank("id").vocab
    rng = random.Random(SEED)

    # UD ------------------------------------------------------------------
    ud = data / "ud"
    train_sents: list = []
    for name in ("id_csui-ud-train", "id_gsd-ud-dev", "id_pud-ud-test"):
        train_sents.extend(read_conllu(ud / f"{name}.conllu"))
    ud_docs = list(conllu_docs(vocab, train_sents))
    dev_docs = ud_docs[::10]
    trn_docs = [d for i, d in enumerate(ud_docs) if i % 10]
    _save(trn_docs, out / "ud_train.spacy")
    _save(dev_docs, out / "ud_dev.spacy")
    _save(ud_docs, out / "ud_all.spacy")
    for name in ("id_csui-ud-test", "id_gsd-ud-test"):
        _save(conllu_docs(vocab, list(read_conllu(ud / f"{name}.conllu"))), out / f"{name}.spacy")

    # NER -----------------------------------------------------------------
    ner = data / "ner"
    base = []
    base += rebuild_fold(ner / "nerui" / "nergithub.txt", ner / "nerui" / "train.01.idx")
    base += rebuild_fold(ner / "nerugm" / "nerugm.txt", ner / "nerugm" / "train.01.idx")
    base += list(read_bio(ner / "nergrit_train.txt"))
    base += list(read_bio(ner / "idner2k_train.txt"))
    rng.shuffle(base)
    nerp = list(read_bio(ner / "nerp_train.txt"))
    with_nerp = base + nerp
    rng.shuffle(with_nerp)
    _save(bio_docs(vocab, base), out / "ner_train.spacy")
    _save(bio_docs(vocab, with_nerp), out / "ner_train_nerp.spacy")
    synthetic = augment.sentences(
        data / "events" / "petrarch2-dictionaries" / "Phoenix.Countries.actors.txt",
        N_SYNTHETIC,
        SEED,
    )
    with_aug = base + synthetic
    rng.shuffle(with_aug)
    _save(bio_docs(vocab, with_aug), out / "ner_train_aug.spacy")
    with_aug_nerp = with_aug + nerp
    rng.shuffle(with_aug_nerp)
    _save(bio_docs(vocab, with_aug_nerp), out / "ner_train_aug_nerp.spacy")
    dev = []
    dev += list(read_bio(ner / "nerui" / "dev.01.tsv"))
    dev += list(read_bio(ner / "nerugm" / "dev.01.tsv"))
    dev += list(read_bio(ner / "nergrit_valid.txt"))
    _save(bio_docs(vocab, dev), out / "ner_dev.spacy")


if __name__ == "__main__":
    main()
