"""Quotations of the seed article (read from ../shared at run time), with and without entities."""

from __future__ import annotations

import pytest

from warta.analysis.quotes import extract_quotes
from warta.article import parse_article
from warta.errors import ModelError
from warta.record import Analysis
from warta.sources import document_from_text

# (words inside the quotation, kind, speaker's words at the cue, canonical speaker, via)
SEED_QUOTES = [
    ("Saya berterima kasih", "direct", "Putin", "Vladimir Putin", None),
    ("teman baik", "mixed", "Putin", "Vladimir Putin", None),
    ("untuk membuka halaman baru", "mixed", "Xi", "Xi Jinping", None),
    ("ini adalah pertanda baik", "direct", "Jen Psaki", "Jen Psaki", None),
    (
        "sepenuhnya mendukung inisiatif",
        "mixed",
        "Yuri Ushakov",
        "Yuri Ushakov",
        "The New York Times",
    ),
]


@pytest.fixture(scope="module")
def article(seed_text):
    return parse_article(document_from_text(seed_text, name="kontan-rusia-china.txt"))


@pytest.fixture(scope="module")
def text_only(article):
    analysis = Analysis(article=article)
    return analysis, extract_quotes(analysis)


@pytest.fixture(scope="module")
def with_entities(article):
    from warta.analysis.entities import resolve_entities
    from warta.language import load_pipeline

    try:
        nlp = load_pipeline()
    except ModelError as exc:  # a fresh clone before `python training/build.py`
        pytest.skip(f"shipped language model not built: {exc}")
    doc = nlp(article.text)
    analysis = Analysis(article=article)
    analysis.entities = resolve_entities(analysis, doc)
    return analysis, extract_quotes(analysis, doc)


def _find(quotes, words):
    hits = [q for q in quotes if words in q.text]
    assert len(hits) == 1, f"{words!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.parametrize("words, kind, said, _name, via", SEED_QUOTES)
def test_seed_quotes_from_text_alone(text_only, words, kind, said, _name, via):
    analysis, quotes = text_only
    q = _find(quotes, words)
    assert q.kind == kind
    assert q.speaker is not None and q.speaker.text == said
    assert q.via == via
    text = analysis.article.text
    assert text[q.start : q.end] == q.text
    # Direct and mixed spans cover the words inside the marks, never the marks.
    assert text[q.start - 1] in '“"' and text[q.end] in '”"'


@pytest.mark.parametrize("words, kind, _said, name, via", SEED_QUOTES)
def test_seed_quotes_resolved_to_entities(with_entities, words, kind, _said, name, via):
    analysis, quotes = with_entities
    q = _find(quotes, words)
    assert q.kind == kind and q.via == via
    ent = analysis.entity(q.speaker.entity_id)
    assert ent is not None and ent.name == name


def test_outlet_credit_is_not_a_via(text_only):
    """ "Melansir The Hill" credits the whole article: no quotation is relayed through it."""
    _, quotes = text_only
    assert all(q.via != "The Hill" for q in quotes)
    assert all(q.speaker is None or "Times" not in q.speaker.text for q in quotes)
