"""Entity-level evaluation of the pipeline's NER on BIO files.

A BIO file has one token per line, the token in the first column and the label in the
last (``token<TAB>label`` or whitespace columns such as ``token UPOS label``), and a
blank line between sentences. Labels are mapped to warta's PER/ORG/LOC (IndoNLU's PPL,
PLC, IND; IndoLEM's PERSON, LOCATION, ORGANIZATION; NERGRIT's PLACE, ORGANISATION);
other types count as O.

The pipeline runs on the gold tokens (``Doc(vocab, words=...)``), so tokenisation
differences cannot cost or earn points. An entity counts as correct when its start,
end and type all match. Micro F1 pools all entities; type-macro F1 (as IndoNLU reports
for NERGRIT and NERP) is the mean of the per-type F1 over PER, ORG and LOC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "LABEL_MAP",
    "TYPES",
    "Counts",
    "NerReport",
    "bio_spans",
    "evaluate_ner",
    "map_bio",
    "read_bio",
]

TYPES = ("PER", "ORG", "LOC")
LABEL_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "PPL": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "IND": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
}


def read_bio(path: Path | str) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(tokens, raw labels)`` per sentence of a BIO file."""
    words: list[str] = []
    labels: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            parts = line.split("\t") if "\t" in line else line.split()
            parts = [p.strip() for p in parts]
            if not parts or not parts[0]:
                if words:
                    yield words, labels
                words, labels = [], []
                continue
            words.append(parts[0])
            labels.append(parts[-1] if len(parts) > 1 else "O")
    if words:
        yield words, labels


def map_bio(labels: Sequence[str]) -> list[str]:
    """Map raw BIO labels to PER/ORG/LOC BIO (others become O); a stray ``I-`` opens an entity."""
    out: list[str] = []
    prev = "O"
    for raw in labels:
        prefix, _, typ = raw.partition("-")
        mapped = LABEL_MAP.get(typ.upper()) if prefix in ("B", "I") else None
        if mapped is None:
            tag = "O"
        elif prefix == "I" and prev in (f"B-{mapped}", f"I-{mapped}"):
            tag = f"I-{mapped}"
        else:
            tag = f"B-{mapped}"
        out.append(tag)
        prev = tag
    return out


def bio_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of mapped BIO tags (end exclusive)."""
    spans = set()
    start, typ = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and typ == tag[2:]:
            continue
        if start is not None:
            spans.add((start, i, typ))
            start, typ = None, None
        if tag != "O":
            start, typ = i, tag[2:]
    return spans


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.tp + self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(slots=True)
class NerReport:
    """Scores of one evaluation (over all the given files together). Scores are 0..1."""

    files: list[str]
    sentences: int = 0
    tokens: int = 0
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})

    @property
    def micro(self) -> Counts:
        return Counts(
            tp=sum(c.tp for c in self.per_type.values()),
            fp=sum(c.fp for c in self.per_type.values()),
            fn=sum(c.fn for c in self.per_type.values()),
        )

    @property
    def macro_f1(self) -> float:
        """Mean per-type F1 over the types that occur in the gold data or predictions."""
        used = [c for c in self.per_type.values() if c.tp + c.fp + c.fn]
        return sum(c.f1 for c in used) / len(used) if used else 0.0

    def to_dict(self) -> dict:
        m = self.micro
        return {
            "files": list(self.files),
            "sentences": self.sentences,
            "tokens": self.tokens,
            "precision": m.precision,
            "recall": m.recall,
            "micro_f1": m.f1,
            "macro_f1": self.macro_f1,
            "per_type": {t: c.to_dict() for t, c in self.per_type.items()},
        }

    def format(self) -> str:
        m = self.micro
        lines = [
            f"NER on {', '.join(self.files)}: {self.sentences} sentences, {self.tokens} tokens",
            f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}",
        ]
        for t, c in self.per_type.items():
            lines.append(
                f"{t:<8}{100 * c.precision:8.2f}{100 * c.recall:8.2f}{100 * c.f1:8.2f}{c.tp + c.fn:9d}"
            )
        lines.append(
            f"{'micro':<8}{100 * m.precision:8.2f}{100 * m.recall:8.2f}{100 * m.f1:8.2f}{m.tp + m.fn:9d}"
        )
        lines.append(f"{'macro':<8}{'':>8}{'':>8}{100 * self.macro_f1:8.2f}")
        return "\n".join(lines)


def _predict(nlp: Language, sentences: list[list[str]], batch_size: int = 256) -> Iterable:
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=words) for words in sentences)
    # Only what NER needs: components after "ner" and the parser/lemmatizer are skipped
    # when the NER has its own encoder; otherwise run everything up to NER.
    names = nlp.pipe_names
    if "ner" not in names:
        from warta.errors import ModelError

        raise ModelError("the pipeline has no 'ner' component")
    needed = _needed_for_ner(nlp)
    for name, proc in nlp.pipeline:
        if name in needed:
            docs = (
                proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
            )
    return docs


def _needed_for_ner(nlp: Language) -> set[str]:
    model = getattr(nlp.get_pipe("ner"), "model", None)
    listens = model is not None and any(
        getattr(node, "name", "").startswith("tok2vec-listener") for node in model.walk()
    )
    if not listens:
        return {"ner"}
    upto = nlp.pipe_names[: nlp.pipe_names.index("ner") + 1]
    return set(upto)


def evaluate_ner(paths: Sequence[str | Path], nlp: Language | None = None) -> NerReport:
    """Evaluate ``nlp`` (default: the shipped pipeline) on the BIO files ``paths``."""
    if nlp is None:
        from warta.language import load_pipeline

        nlp = load_pipeline()
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    for path in paths:
        if not path.is_file():
            from warta.errors import InputError

            raise InputError("no such BIO file", doc=str(path))
    report = NerReport(files=[p.name for p in paths])
    sentences: list[list[str]] = []
    gold: list[set[tuple[int, int, str]]] = []
    for path in paths:
        for words, labels in read_bio(path):
            sentences.append(words)
            gold.append(bio_spans(map_bio(labels)))
    report.sentences = len(sentences)
    report.tokens = sum(len(s) for s in sentences)
    for doc, g in zip(_predict(nlp, sentences), gold):
        pred = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in report.per_type}
        for typ, c in report.per_type.items():
            gt = {s for s in g if s[2] == typ}
            pt = {s for s in pred if s[2] == typ}
            c.tp += len(gt & pt)
            c.fp += len(pt - gt)
            c.fn += len(gt - pt)
    return report
