"""Evaluation of the pipeline's POS, morphology, lemmas, dependencies and sentence
boundaries on a Universal Dependencies CoNLL-U file.

Tokens: a multiword token (``6-7 menyetujuinya``) is one token with its surface form,
as warta's tokenizer never splits clitics; it takes the POS, features, lemma, head
and relation of the part whose head lies outside the range. The training converter
uses the same rule (:func:`read_conllu`), so scores compare like with like.

* UPOS, feats, lemma accuracy, UAS and LAS are measured on gold tokens, one sentence
  per ``Doc``. LAS compares the universal part of the relation (``flat`` for
  ``flat:name``), as the CoNLL 2018 shared task did; ``las_full`` compares full labels.
  Punctuation counts.
* Sentence boundaries are measured on raw text: the ``# text`` of consecutive
  sentences is joined with single spaces into documents of ``SENTS_PER_DOC``
  sentences (the files have no document markers), the pipeline segments them, and a
  predicted sentence is correct when its character span (whitespace trimmed) equals
  a gold one. Precision, recall and F1 are over sentences, as in CoNLL 2018.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["SENTS_PER_DOC", "UdReport", "evaluate_ud", "read_conllu"]

SENTS_PER_DOC = 10


@dataclass(slots=True)
class UdSentence:
    text: str
    tokens: list[dict]


def read_conllu(path: Path | str) -> Iterator[UdSentence]:
    """Yield sentences with merged multiword tokens (see the module docstring).

    Each token dict has ``form, lemma, upos, tag, feats, head`` (index in the sentence,
    ``None`` for the root), ``dep`` (lowercase, ``ROOT`` for the root) and ``space``.
    """
    rows: list[list[str]] = []
    text = ""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield UdSentence(text, _merge(rows))
                rows, text = [], ""
            elif line.startswith("#"):
                if line.startswith("# text ="):
                    text = line.split("=", 1)[1].strip()
            else:
                rows.append(line.split("\t"))
    if rows:
        yield UdSentence(text, _merge(rows))


def _merge(rows: list[list[str]]) -> list[dict]:
    words = {int(r[0]): r for r in rows if r[0].isdigit()}
    span_of: dict[int, list[str]] = {}
    for r in rows:
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            for i in range(a, b + 1):
                span_of[i] = r
    owner: dict[int, int] = {}
    merged: list[tuple[list[str], list[str], str, str]] = []  # (word row, parts, form, misc)
    i, n = 1, max(words)
    while i <= n:
        if i in span_of:
            r = span_of[i]
            a, b = (int(x) for x in r[0].split("-"))
            parts = list(range(a, b + 1))
            head_part = next((p for p in parts if int(words[p][6]) not in parts), parts[0])
            for p in parts:
                owner[p] = len(merged)
            merged.append((words[head_part], parts, r[1], r[9]))
            i = b + 1
        else:
            owner[i] = len(merged)
            merged.append((words[i], [i], words[i][1], words[i][9]))
            i += 1
    tokens = []
    for w, _parts, form, misc in merged:
        head = int(w[6])
        tokens.append(
            {
                "form": form,
                "lemma": w[2],
                "upos": w[3],
                "tag": w[4],
                "feats": "" if w[5] == "_" else w[5],
                "head": None if head == 0 else owner[head],
                "dep": w[7].lower() if head else "ROOT",
                "space": "SpaceAfter=No" not in misc,
            }
        )
    return tokens


@dataclass(slots=True)
class UdReport:
    """Scores (0..1) of one CoNLL-U file."""

    file: str
    sentences: int
    tokens: int
    upos: float
    feats: float
    lemma: float
    uas: float
    las: float
    las_full: float
    sent_precision: float
    sent_recall: float
    sent_f1: float

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}

    def format(self) -> str:
        rows = [
            ("UPOS", self.upos),
            ("feats", self.feats),
            ("lemma", self.lemma),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("LAS (full labels)", self.las_full),
            ("sentences P", self.sent_precision),
            ("sentences R", self.sent_recall),
            ("sentences F1", self.sent_f1),
        ]
        out = [f"UD on {self.file}: {self.sentences} sentences, {self.tokens} tokens"]
        out += [f"{name:<18}{100 * v:7.2f}" for name, v in rows]
        return "\n".join(out)


def _universal(dep: str) -> str:
    return dep.split(":", 1)[0].lower()


def evaluate_ud(path: str | Path, nlp: Language | None = None) -> UdReport:
    """Evaluate ``nlp`` (default: the shipped pipeline) on the CoNLL-U file ``path``."""
    from spacy.tokens import Doc

    if nlp is None:
        from warta.language import load_pipeline

        nlp = load_pipeline()
    path = Path(path)
    if not path.is_file():
        from warta.errors import InputError

        raise InputError("no such CoNLL-U file", doc=str(path))
    sents = list(read_conllu(path))
    n = upos = feats = lemma = uas = las = las_full = 0
    gold_docs = (
        Doc(nlp.vocab, words=[t["form"] for t in s.tokens], spaces=[t["space"] for t in s.tokens])
        for s in sents
    )
    skip = [name for name in ("ner",) if name in nlp.pipe_names]
    with nlp.select_pipes(disable=skip):
        for s, doc in zip(sents, nlp.pipe(gold_docs, batch_size=64)):
            for t, tok in zip(s.tokens, doc):
                n += 1
                upos += tok.pos_ == t["upos"]
                feats += str(tok.morph) == t["feats"]
                lemma += tok.lemma_ == t["lemma"]
                gold_head = tok.i if t["head"] is None else t["head"]
                if tok.head.i == gold_head:
                    uas += 1
                    pred_dep = "ROOT" if tok.dep_.lower() == "root" else tok.dep_.lower()
                    las += _universal(pred_dep) == _universal(t["dep"])
                    las_full += pred_dep == t["dep"]
    sp, sr, sf = _sentence_scores(nlp, [s.text for s in sents])
    d = max(n, 1)
    return UdReport(
        file=path.name,
        sentences=len(sents),
        tokens=n,
        upos=upos / d,
        feats=feats / d,
        lemma=lemma / d,
        uas=uas / d,
        las=las / d,
        las_full=las_full / d,
        sent_precision=sp,
        sent_recall=sr,
        sent_f1=sf,
    )


def _sentence_scores(nlp: Language, texts: list[str]) -> tuple[float, float, float]:
    gold: set[tuple[int, int, int]] = set()
    raw: list[str] = []
    for d, start in enumerate(range(0, len(texts), SENTS_PER_DOC)):
        pos = 0
        for t in texts[start : start + SENTS_PER_DOC]:
            gold.add((d, pos, pos + len(t)))
            pos += len(t) + 1
        raw.append(" ".join(texts[start : start + SENTS_PER_DOC]))
    pred: set[tuple[int, int, int]] = set()
    keep = {"tok2vec", "parser", "senter", "warta_paragraph_breaks", "warta_attach_spaces"}
    skip = [name for name in nlp.pipe_names if name not in keep]
    with nlp.select_pipes(disable=skip):
        for d, doc in enumerate(nlp.pipe(raw, batch_size=16)):
            # A pipeline that sets no boundaries has found one sentence per document.
            sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
            for sent in sents:
                text = sent.text
                start = sent.start_char + (len(text) - len(text.lstrip()))
                end = sent.end_char - (len(text) - len(text.rstrip()))
                if end > start:
                    pred.add((d, start, end))
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
