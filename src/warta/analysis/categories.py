"""Category: the news section an article belongs to (politik, ekonomi, olahraga, ...).

A linear classifier (LinearSVC, scores turned into probabilities by a softmax with a
cross-validated temperature) over word uni- and bigrams of the title, counted three times, and
the start of the body, plus the title's words in a block of their own (``t:word``, normalised
apart from the body so a long body cannot drown the headline) (``models/categories.npz``, trained by ``training/train_categories.py``
on the labelled Detik and CLICK-ID articles in ``../shared/data/news/``; the label mapping and
the scores are in ``docs/classifiers.md``). Returns the most likely label and its probability,
or ``None`` for an empty article.
"""

from __future__ import annotations

import re

from warta.analysis.models.linear import load_model
from warta.record import Article, Category

__all__ = ["LABELS", "classify_article"]

LABELS = (  # not words: the category labels of the record and the model (docs/classifiers.md)
    "politik",
    "ekonomi",
    "hukum",
    "lingkungan",
    "internasional",
    "regional",
    "olahraga",
    "hiburan",
    "teknologi",
    "kesehatan",
    "otomotif",
    "gaya_hidup",
    "religi",
    "pendidikan",
)

# Enough of the body to name the section; keeps the cost flat for very long articles.
MAX_CHARS = 3000

# Outlet names and in-text boilerplate would otherwise teach the model which outlet wrote
# the article (outlets cover different sections), not what it is about.
_NOISE = re.compile(
    r"\b(?:scroll to continue with content|advertisement|baca juga|baca selengkapnya|"
    r"(?:www\.)?(?:kompas|okezone|tribunnews|tribun|detik|kontan)(?:\.com|\.co\.id)?|"
    r"detik\w*|kompas\w*|okezone\w*|tribun\w*)\b",
    re.IGNORECASE,
)


def document_text(title: str | None, text: str | None) -> str:
    """The text the classifier reads; shared with the training script.

    The title is the first line (the model weights it via ``title_weight``), so line breaks
    inside it are flattened.
    """
    body = (text or "")[:MAX_CHARS]
    head = " ".join((title or "").split())
    return _NOISE.sub(" ", f"{head}\n{body}")


def classify_article(article: Article) -> Category | None:
    """The article's section label and its probability, or None when there is no text."""
    if not ((article.text or "").strip() or (article.title or "").strip()):
        return None
    model = load_model("categories")
    proba = model.proba(document_text(article.title, article.text))
    best = int(proba.argmax())
    return Category(label=model.classes[best], score=round(float(proba[best]), 4))
