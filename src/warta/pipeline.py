"""``analyze``: one document in, one ``Analysis`` out, through every stage in order.

    RawDocument -> Article -> spaCy Doc -> entities, places, dates, amounts,
                                           quotes, events, themes, tone, category

The same function serves the Python API, the CLI, the store's ingest and the batch
runners; batches go through ``analyze_documents`` so that the language model sees
``nlp.pipe`` batches.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Literal

from warta.errors import EmptyDocument, InputError, WartaError
from warta.record import Analysis, Span
from warta.sources.raw import RawDocument

__all__ = ["analyze", "analyze_document", "analyze_documents", "analyze_files", "load"]

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|article|div|p)\b", re.I | re.S)
_BATCH = 16
_ERROR_MODES = ("raise", "skip")  # what analyze_files does with a failing document


def analyze(text_or_html: str, *, url: str | None = None, published: str | None = None) -> Analysis:
    """Analyse one article given as plain text or as an HTML page."""
    from warta.sources import document_from_html, document_from_text

    name = url or "<text>"
    if _HTML_START.match(text_or_html[:2000]):
        raw = document_from_html(text_or_html, name=name, url=url)
        if published:
            raw.published = published
    else:
        raw = document_from_text(text_or_html, name=name, url=url, published=published)
    return analyze_document(raw)


def analyze_document(raw: RawDocument) -> Analysis:
    """Analyse one ``RawDocument``; raises a ``WartaError`` naming it on failure."""
    result = next(analyze_documents([raw]))
    if isinstance(result, WartaError):
        raise result
    return result


def analyze_files(*paths: str | Path, errors: Literal["raise", "skip"] = "raise") -> list[Analysis]:
    """Read and analyse every document in ``paths`` (files, directories, ``-``).

    ``errors="raise"`` stops at the first failing document; ``errors="skip"`` leaves it
    out (use ``analyze_documents`` to see which failed and why). Any other value is a
    ``ValueError``.
    """
    from warta.sources import iter_documents

    if errors not in _ERROR_MODES:
        raise ValueError(
            f"errors must be one of {', '.join(map(repr, _ERROR_MODES))}, not {errors!r}"
        )
    out = []
    for result in analyze_documents(iter_documents(paths)):
        if isinstance(result, WartaError):
            if errors == "raise":
                raise result
            continue
        out.append(result)
    return out


def load(*paths: str | Path, errors: Literal["raise", "skip"] = "raise") -> list[Analysis]:
    """Deprecated name of ``analyze_files`` (``warta load`` is the command that merges a
    batch output into the store; this function analyses files)."""
    warnings.warn(
        "warta.load() is deprecated and will be removed: use warta.analyze_files()",
        DeprecationWarning,
        stacklevel=2,
    )
    return analyze_files(*paths, errors=errors)


def analyze_documents(docs: Iterable[RawDocument | InputError]) -> Iterator[Analysis | WartaError]:
    """Analyse a stream of documents; failures are yielded as errors, in input order."""
    from warta.article import parse_article

    batch: list[tuple[object, RawDocument]] = []
    for item in docs:
        if isinstance(item, WartaError):
            yield from _run(batch)
            batch = []
            yield item
            continue
        try:
            article = parse_article(item)
            if not article.text.strip():
                raise EmptyDocument("no article text after cleaning", doc=item.name)
        except WartaError as exc:
            yield from _run(batch)
            batch = []
            yield exc.with_doc(item.name)
            continue
        except Exception as exc:  # a bug in a parser must not stop the batch
            yield from _run(batch)
            batch = []
            yield InputError(f"cannot parse article: {type(exc).__name__}: {exc}", doc=item.name)
            continue
        batch.append((article, item))
        if len(batch) >= _BATCH:
            yield from _run(batch)
            batch = []
    yield from _run(batch)


def _run(batch: list[tuple[object, RawDocument]]) -> Iterator[Analysis | WartaError]:
    if not batch:
        return
    from warta.language import load_pipeline

    nlp = load_pipeline()
    texts = ((article.text, i) for i, (article, _raw) in enumerate(batch))
    for doc, i in nlp.pipe(texts, as_tuples=True, batch_size=_BATCH):
        article, raw = batch[i]
        try:
            yield _analyse(article, doc)
        except WartaError as exc:
            yield exc.with_doc(raw.name)
        except Exception as exc:  # keep the batch going; report the document and the cause
            yield WartaError(f"analysis failed: {type(exc).__name__}: {exc}", doc=raw.name)


def _analyse(article, doc, timings: dict[str, float] | None = None) -> Analysis:  # noqa: ANN001 - Article, spaCy Doc
    """Run every extraction stage over one parsed article; ``timings`` collects seconds per stage."""
    analysis = Analysis(article=article)
    analysis.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    for name, stage in _stages():
        if timings is None:
            stage(analysis, doc)
        else:
            t0 = time.perf_counter()
            stage(analysis, doc)
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return analysis


@lru_cache(maxsize=1)
def _stages() -> tuple[tuple[str, Callable[[Analysis, object], None]], ...]:
    """The extraction stages in order; each reads what earlier ones filled in."""
    from warta.analysis.amounts import extract_amounts
    from warta.analysis.categories import classify_article
    from warta.analysis.entities import resolve_entities
    from warta.analysis.events import extract_events
    from warta.analysis.geocode import geocode
    from warta.analysis.quotes import extract_quotes
    from warta.analysis.themes import assign_themes
    from warta.analysis.tone import score_tone
    from warta.article.dates import dates_and_spans

    def dates_amounts(a: Analysis, doc) -> None:  # noqa: ANN001
        a.dates, spans = dates_and_spans(a.article)
        a.amounts = extract_amounts(a.article, dates=spans)

    def resolution(a: Analysis, doc) -> None:  # noqa: ANN001
        a.entities = resolve_entities(a, doc)
        a.places, dateline_entity = geocode(a, a.entities)
        if a.article.dateline is not None and dateline_entity is not None:
            a.article.dateline.place_id = dateline_entity

    def quotes(a: Analysis, doc) -> None:  # noqa: ANN001
        a.quotes = extract_quotes(a, doc)

    def category(a: Analysis, doc) -> None:  # noqa: ANN001
        a.category = classify_article(a.article)

    def events(a: Analysis, doc) -> None:  # noqa: ANN001
        a.events = extract_events(a, doc)

    def themes_tone(a: Analysis, doc) -> None:  # noqa: ANN001
        a.themes = assign_themes(a.article, doc, a.entities)
        a.tone, entity_tone = score_tone(a.article, doc, a.entities)
        for ent in a.entities:
            ent.tone = entity_tone.get(ent.id)

    return (
        ("dates", dates_amounts),
        ("resolution", resolution),
        ("quotes", quotes),
        ("category", category),  # before events, which read it (sports and soft news)
        ("events", events),
        ("themes_tone", themes_tone),
    )
