"""Tone: how positive or negative an article, its sentences, and its entities read.

Each sentence gets a score in [-1, 1] from a linear classifier (``models/tone.npz``, trained by
``training/train_tone.py`` on CNBC Indonesia headlines and IndoNLU SmSA): the probability of
"positive" minus the probability of "negative". Negation is part of the features: the words
after "tidak", "belum", "bukan"... are distinct features ("NEG_naik").

The article's tone aggregates its sentences (and its title, read as one more sentence):

- ``positive``: share of sentences whose most likely class is positive;
- ``negative``: share whose most likely class is negative;
- ``polarity``: ``positive + negative``, how emotive the text is;
- ``score``: mean sentence score, in [-1, 1];
- ``label``: ``negative`` below -0.1, ``positive`` above 0.1, else ``neutral``.

Tone toward an entity is the mean score of the sentences that mention it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from warta.analysis.models.linear import LinearModel, load_model
from warta.record import Article, Entity, Tone

__all__ = ["score_tone", "sentence_tone"]

_MODELS = {"news": "tone", "review": "tone_review"}
LABEL_THRESHOLD = 0.1

# Used only when no parsed Doc is given: end punctuation (optionally followed by a closing
# quote) and whitespace before a capital, a digit or an opening quote; or a line break.
_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘A-Z0-9])|\n+")


def _model(domain: str) -> LinearModel:
    try:
        return load_model(_MODELS[domain])
    except KeyError:
        raise ValueError(f"unknown tone domain {domain!r}; use one of {sorted(_MODELS)}") from None


def _scores(model: LinearModel, texts: Sequence[str]) -> np.ndarray:
    """(n, 3) probabilities in the order negative, neutral, positive."""
    proba = model.proba_many(texts)
    order = [model.classes.index(c) for c in ("negative", "neutral", "positive")]
    return proba[:, order]


def sentence_tone(text: str, domain: str = "news") -> float:
    """Tone of one sentence in [-1, 1]: P(positive) - P(negative).

    ``domain="review"`` uses the model trained on SmSA comments and reviews only.
    """
    p = _scores(_model(domain), [text])[0]
    return float(p[2] - p[0])


def _split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.start() + (1 if m.group().startswith(('"', "”", "’", "'")) else 0)))
        start = m.end()
    spans.append((start, len(text)))
    # Trim whitespace and drop empty pieces, keeping offsets into the original text.
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _sentences(article: Article, doc) -> list[tuple[int, int]]:
    if doc is not None:
        text = article.text
        # Offsets only: building each Span's text would cost more than scoring it.
        return [
            (s.start_char, s.end_char)
            for s in doc.sents
            if not text[s.start_char : s.end_char].isspace() and s.end_char > s.start_char
        ]
    return _split_sentences(article.text)


def score_tone(
    article: Article, doc=None, entities: list[Entity] | None = None
) -> tuple[Tone, dict[str, float]]:
    """The article's tone and the tone toward each entity id that occurs in a sentence."""
    spans = _sentences(article, doc)
    texts = [article.text[s:e] for s, e in spans]
    if article.title:
        texts.append(article.title)
    if not texts:
        return Tone(positive=0.0, negative=0.0, polarity=0.0, score=0.0, label="neutral"), {}

    p = _scores(_model("news"), texts)
    per_sentence = p[:, 2] - p[:, 0]
    best = p.argmax(axis=1)
    n = len(texts)
    positive = float((best == 2).sum()) / n
    negative = float((best == 0).sum()) / n
    score = float(per_sentence.mean())
    if score > LABEL_THRESHOLD:
        label = "positive"
    elif score < -LABEL_THRESHOLD:
        label = "negative"
    else:
        label = "neutral"
    tone = Tone(
        positive=round(positive, 4),
        negative=round(negative, 4),
        polarity=round(positive + negative, 4),
        score=round(score, 4),
        label=label,
    )
    return tone, _entity_tone(spans, per_sentence, entities or [])


def _entity_tone(
    spans: list[tuple[int, int]], per_sentence: np.ndarray, entities: list[Entity]
) -> dict[str, float]:
    out: dict[str, float] = {}
    if not spans:
        return out
    starts = np.array([s for s, _ in spans])
    for ent in entities:
        hit: set[int] = set()
        for m in ent.mentions:
            # The sentence containing a mention is the last one starting at or before it.
            i = int(np.searchsorted(starts, m.start, side="right")) - 1
            if i >= 0 and m.start < spans[i][1]:
                hit.add(i)
        if hit:
            out[ent.id] = round(float(np.mean([per_sentence[i] for i in sorted(hit)])), 4)
    return out
