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
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from warta.errors import EmptyDocument, InputError, WartaError
from warta.record import Analysis, Article, Span
from warta.sources.clean import clean_document
from warta.sources.raw import RawDocument

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from warta.analysis.stages import Stage

__all__ = [
    "analyze",
    "analyze_document",
    "analyze_documents",
    "analyze_files",
    "analyze_parsed",
    "load",
]

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|article|div|p)\b", re.I | re.S
)
_BATCH = 16
# A batch is also cut at this many characters of text: a few long documents are parsed
# without ordinary articles beside them, so the Docs held at once stay bounded.
_BATCH_CHARS = 1_000_000
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

    batch: list[tuple[Article, RawDocument]] = []
    chars = 0
    for item in docs:
        if isinstance(item, WartaError):
            yield from _run(batch)
            batch, chars = [], 0
            yield item
            continue
        try:
            # Documents from the sources are clean already; one built by a caller is
            # repaired the same way (lone surrogates, non-http(s) url) before any stage.
            article = parse_article(clean_document(item))
            if not article.text.strip():
                raise EmptyDocument("no article text after cleaning", doc=item.name)
        except WartaError as exc:
            yield from _run(batch)
            batch, chars = [], 0
            yield exc.with_doc(item.name)
            continue
        except Exception as exc:  # a bug in a parser must not stop the batch
            yield from _run(batch)
            batch, chars = [], 0
            yield InputError(f"cannot parse article: {type(exc).__name__}: {exc}", doc=item.name)
            continue
        batch.append((article, item))
        chars += len(article.text)
        if len(batch) >= _BATCH or chars >= _BATCH_CHARS:
            yield from _run(batch)
            batch, chars = [], 0
    yield from _run(batch)


def _run(batch: list[tuple[Article, RawDocument]]) -> Iterator[Analysis | WartaError]:
    if not batch:
        return
    from warta.language import load_pipeline

    nlp = load_pipeline()
    parsed = _parse(nlp, [article.text for article, _raw in batch])
    for (article, raw), doc in zip(batch, parsed):
        if isinstance(doc, Exception):
            yield WartaError(
                f"language model failed: {type(doc).__name__}: {_one_line(doc)}", doc=raw.name
            )
            continue
        try:
            analysis = analyze_parsed(article, doc)
        except WartaError as exc:
            yield exc.with_doc(raw.name)
            continue
        except Exception as exc:  # keep the batch going; report the document and the cause
            yield WartaError(
                f"analysis failed: {type(exc).__name__}: {_one_line(exc)}", doc=raw.name
            )
            continue
        analysis.warnings[:0] = raw.warnings  # what the source repaired comes first
        yield analysis


def _parse(nlp: Language, texts: list[str]) -> list[Doc | Exception]:
    """The language model over ``texts`` as one ``nlp.pipe`` batch: one Doc per text.

    Long texts are parsed in windows of paragraphs and joined (``language/windows.py``).
    When the batch raises, each text is parsed alone, so that the exception stands in
    for the one text that caused it and every other text still gets its Doc.
    """
    from warta.language.windows import join_docs, split_windows

    pieces = [(window, i) for i, text in enumerate(texts) for window in split_windows(text)]
    windows: list[list[Doc]] = [[] for _ in texts]
    try:
        for doc, i in nlp.pipe(pieces, as_tuples=True, batch_size=_pipe_batch(texts)):
            windows[i].append(doc)
        return [join_docs(docs) for docs in windows]
    except Exception:  # one text broke the batch: find it by parsing each text alone
        return [_parse_alone(nlp, text) for text in texts]


def _pipe_batch(texts: list[str]) -> int:
    """How many texts (or windows) ``nlp.pipe`` takes at once: the memory the model takes
    grows with the characters of a batch, so long texts go through one window at a time."""
    from warta.language.windows import WINDOW_CHARS

    return 1 if any(len(text) > WINDOW_CHARS for text in texts) else _BATCH


def _parse_alone(nlp: Language, text: str) -> Doc | Exception:
    from warta.language.windows import join_docs, split_windows

    try:
        return join_docs([nlp(window) for window in split_windows(text)])
    except Exception as exc:  # the per-document boundary: this text's error, not the batch's
        return exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def analyze_parsed(article: Article, doc: Doc, timings: dict[str, float] | None = None) -> Analysis:
    """Run every extraction stage over one parsed article; ``timings`` collects seconds per stage."""
    analysis = Analysis(article=article)
    analysis.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    for stage in _stages():
        if timings is None:
            stage.run(analysis, doc)
        else:
            t0 = time.perf_counter()
            stage.run(analysis, doc)
            timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - t0
    return analysis


@lru_cache(maxsize=1)
def _stages() -> tuple[Stage, ...]:
    """The extraction stages in order, their order checked once per process."""
    # Imported here, not at the top: it loads every extractor, which `import warta` must not.
    from warta.analysis.stages import STAGES, check_order

    check_order(STAGES)
    return STAGES
