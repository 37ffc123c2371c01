"""Tokens, features and a numpy-only linear classifier shared by training and run time.

Training (``training/train_*.py``) fits scikit-learn's ``TfidfVectorizer`` with
:func:`featurize` as its analyzer and a linear model on top, then calls :func:`save_model`.
At run time :class:`LinearModel` redoes the same arithmetic with numpy: sublinear tf times
idf, L2 normalisation, a dot product with the coefficients, softmax. Because the features
come from the very same function in both places, the two cannot drift apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from warta.lang.id import lexicon

__all__ = [
    "NEGATORS",
    "LinearModel",
    "featurize",
    "load_model",
    "save_model",
    "stem",
    "tokenize",
]

MODEL_DIR = Path(__file__).resolve().parent

# Words, numbers and reduplications ("anak-anak") are tokens; clause punctuation is kept as a
# token too because it closes a negation window.
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*|[.,;:!?()\"“”]")
_DIGIT = re.compile(r"\d")
_BOUNDARY = frozenset('.,;:!?()"“”')

# Negation cues, colloquial forms and "kurang" (not enough) included.
NEGATORS = lexicon().words("sentiment_negators")
NEG_WINDOW = 3

# Light affix stripping: enough to let "menjatuhkan" and "dijatuhi" share a feature, without
# a dictionary. Order matters: longer prefixes first.
_PREFIXES = lexicon().ordered("stemming_prefixes")
_SUFFIXES = lexicon().ordered("stemming_suffixes")


def tokenize(text: str) -> list[str]:
    """Lowercased tokens; any token with a digit is reduced to its shape ("0.000")."""
    return _TOKEN.findall(_DIGIT.sub("0", text.lower()))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude Indonesian stem: one derivational suffix and one prefix removed."""
    w = word
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    for pre in _PREFIXES:
        if w.startswith(pre) and len(w) - len(pre) >= 4:
            w = w[len(pre) :]
            break
    return w


def featurize(
    text: str,
    *,
    bigrams: bool = True,
    negation: bool = True,
    stems: bool = False,
    chars: Sequence[int] | None = None,
    window: int = NEG_WINDOW,
    title_weight: int = 1,
    title_block: bool = False,
) -> list[str]:
    """Feature strings for one text.

    With ``negation`` the up to ``window`` words after a negator (stopping at punctuation)
    become ``NEG_word`` instead of ``word``, so "tidak bagus" and "bagus" pull apart.
    ``chars=(lo, hi)`` adds character n-grams of each space-padded word (like scikit-learn's
    ``char_wb``): they survive the misspellings of comments, at a run-time cost.
    With ``title_weight=k`` the first line of ``text`` (a title) is counted ``k`` times: a
    headline names the topic more densely than the body does.
    With ``title_block`` the words of the first line are added again as ``t:word``; the
    model puts them in a block of their own, L2-normalised apart from the body (see
    :class:`LinearModel`), so a short headline is not drowned by a long body.
    """
    if title_block:
        title = text.split("\n", 1)[0]
        head = ["t:" + tok for tok in tokenize(title) if tok not in _BOUNDARY]
        return (
            featurize(
                text,
                bigrams=bigrams,
                negation=negation,
                stems=stems,
                chars=chars,
                window=window,
                title_weight=title_weight,
            )
            + head
        )
    if title_weight > 1:
        title = text.split("\n", 1)[0]
        extra = featurize(
            title, bigrams=bigrams, negation=negation, stems=stems, chars=chars, window=window
        )
        return featurize(
            text, bigrams=bigrams, negation=negation, stems=stems, chars=chars, window=window
        ) + extra * (title_weight - 1)
    feats: list[str] = []
    prev: str | None = None
    neg_left = 0
    for tok in tokenize(text):
        if tok in _BOUNDARY:
            prev = None
            neg_left = 0
            continue
        if negation and neg_left > 0:
            feats.append("NEG_" + tok)
            neg_left -= 1
        else:
            feats.append(tok)
        if negation and tok in NEGATORS:
            neg_left = window
        if stems:
            s = stem(tok)
            if s != tok:
                feats.append("~" + s)
        if bigrams and prev is not None:
            feats.append(prev + " " + tok)
        if chars:
            padded = " " + tok + " "
            for n in range(chars[0], min(chars[1], len(padded)) + 1):
                feats.extend("#" + padded[i : i + n] for i in range(len(padded) - n + 1))
        prev = tok
    return feats


class LinearModel:
    """A TF-IDF + linear classifier evaluated with numpy only."""

    __slots__ = (  # not words: attribute names
        "classes",
        "coef",
        "idf",
        "index",
        "intercept",
        "options",
        "split",
        "sublinear",
    )

    def __init__(
        self,
        vocab: Sequence[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: Sequence[str],
        options: dict,
    ) -> None:
        self.index = {term: i for i, term in enumerate(vocab)}
        self.idf = np.asarray(idf, dtype=np.float32)
        # Stored as (n_features, n_classes) so a document's rows are gathered contiguously.
        self.coef = np.ascontiguousarray(np.asarray(coef, dtype=np.float32))
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.classes = list(classes)
        self.sublinear = bool(options.get("sublinear_tf", True))
        self.options = dict(options.get("featurize", {}))
        # Features from index ``split`` on (the character n-grams of tone_review, the ``t:``
        # title words of categories) form a second block that is L2-normalised on its own,
        # as when two vectorizers are stacked side by side. A block weight chosen at training
        # is already folded into that block's coefficients.
        self.split = int(options.get("split", len(vocab)))

    def features(self, text: str) -> list[str]:
        return featurize(text, **self.options)

    def decision(self, feats: Iterable[str]) -> np.ndarray:
        """Raw class scores (one per class) for one document's features."""
        return self.decision_many([feats])[0]

    def decision_many(self, docs: Sequence[Iterable[str]]) -> np.ndarray:
        """Raw class scores, shape (n_docs, n_classes), computed in one pass.

        Feature look-ups are the only per-document Python work; weighting, normalisation
        and the dot products run once over all documents' features together.
        """
        get = self.index.get
        keys: list[int] = []
        counts: list[int] = []
        lengths: list[int] = []
        for feats in docs:
            before = len(keys)
            for feat, n in Counter(feats).items():
                i = get(feat)
                if i is not None:
                    keys.append(i)
                    counts.append(n)
            lengths.append(len(keys) - before)
        n_docs = len(lengths)
        scores = np.tile(self.intercept, (n_docs, 1))
        if not keys:
            return scores
        k = np.asarray(keys, dtype=np.int64)
        tf = np.asarray(counts, dtype=np.float32)
        if self.sublinear:
            tf = 1.0 + np.log(tf)
        w = tf * self.idf[k]
        lens = np.asarray(lengths, dtype=np.int64)
        doc = np.repeat(np.arange(n_docs), lens)
        # One L2 norm per (document, block); block 1 starts at ``split``.
        group = doc * 2 + (k >= self.split)
        norms = np.sqrt(np.bincount(group, weights=w * w, minlength=2 * n_docs))
        w = w / np.where(norms > 0, norms, 1.0)[group].astype(np.float32)
        contrib = self.coef[k] * w[:, None]
        nonempty = lens > 0
        starts = (np.cumsum(lens) - lens)[nonempty]
        scores[nonempty] += np.add.reduceat(contrib, starts, axis=0)
        return scores

    def proba(self, text: str) -> np.ndarray:
        """Class probabilities (softmax of the scores) for one text."""
        return _softmax(self.decision_many([self.features(text)])[0])

    def proba_many(self, texts: Iterable[str]) -> np.ndarray:
        docs = [self.features(t) for t in texts]
        if not docs:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        return _softmax(self.decision_many(docs))

    def predict(self, texts: Iterable[str]) -> list[str]:
        return [self.classes[i] for i in self.proba_many(texts).argmax(axis=1)]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def save_model(
    path: Path,
    vocab: Sequence[str],
    idf: np.ndarray,
    coef: np.ndarray,
    intercept: np.ndarray,
    classes: Sequence[str],
    options: dict,
) -> None:
    """Write a model as plain arrays. ``coef`` is scikit-learn's (n_classes, n_features)."""
    coef = np.asarray(coef, dtype=np.float32)
    if coef.shape[0] == 1 and len(classes) == 2:  # binary models keep one row in sklearn
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    np.savez_compressed(
        path,
        vocab=np.array(list(vocab), dtype=np.str_),
        idf=np.asarray(idf, dtype=np.float32),
        # float16 halves the file; the scores move by < 1e-3, far below any decision margin.
        coef=coef.T.astype(np.float16),
        intercept=np.asarray(intercept, dtype=np.float32),
        classes=np.array(list(classes), dtype=np.str_),
        options=np.array(json.dumps(options)),
    )


@cache
def load_model(name: str) -> LinearModel:
    """Load ``<name>.npz`` from this folder (once per process)."""
    with np.load(MODEL_DIR / f"{name}.npz", allow_pickle=False) as data:
        return LinearModel(
            vocab=data["vocab"].tolist(),
            idf=data["idf"],
            coef=data["coef"],
            intercept=data["intercept"],
            classes=data["classes"].tolist(),
            options=json.loads(str(data["options"])),
        )
