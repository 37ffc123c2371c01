"""JSON Lines dumps (one article per line) and single JSON article objects."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from warta.errors import DocumentTooLarge, EmptyDocument, InputError, MalformedDocument
from warta.sources.decode import decode
from warta.sources.html import document_from_html
from warta.sources.raw import MAX_BYTES, RawDocument
from warta.sources.text import document_from_text

__all__ = ["document_from_record", "iter_json", "iter_jsonl"]

# Record keys with a RawDocument field of their own; everything else goes to ``meta``.
_FIELDS = {
    "text",
    "html",
    "url",
    "title",
    "published",
    "outlet",
    "category",
    "id",
    "author",
    "authors",
    "section",
}


def iter_jsonl(
    lines: Iterable[bytes], *, name: str, max_bytes: int = MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Yield one document per non-blank line, named ``name#<line number>``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc = f"{name}#{number}"
        if len(line) > max_bytes:
            yield DocumentTooLarge(f"line over the limit of {max_bytes:,} bytes", doc=doc)
            continue
        try:
            record = json.loads(decode(line, name=doc))
        except InputError as exc:
            yield exc
            continue
        except ValueError as exc:
            yield MalformedDocument(f"invalid JSON: {exc}", doc=doc)
            continue
        try:
            yield document_from_record(record, name=doc)
        except InputError as exc:
            yield exc


def iter_json(text: str, *, name: str) -> Iterator[RawDocument | InputError]:
    """A JSON file holding one article object, or an array of them (``name#1`` …)."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise MalformedDocument(f"invalid JSON: {exc}", doc=name) from exc
    if isinstance(value, list):
        for i, record in enumerate(value, start=1):
            try:
                yield document_from_record(record, name=f"{name}#{i}")
            except InputError as exc:
                yield exc
    else:
        yield document_from_record(value, name=name)


def document_from_record(record: Any, *, name: str) -> RawDocument:
    """Build a document from one article object with ``text`` or ``html``."""
    if not isinstance(record, dict):
        raise MalformedDocument(f"expected a JSON object, got {type(record).__name__}", doc=name)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        if "text" in record or "html" in record:
            raise EmptyDocument("record has no text", doc=name)
        raise MalformedDocument("record has neither a 'text' nor an 'html' field", doc=name)
    url = _str(record.get("url"))
    if isinstance(text, str) and text.strip():
        doc = document_from_text(text, name=name, url=url)
    elif isinstance(html, str) and html.strip():
        doc = document_from_html(html, name=name, url=url)
    else:
        raise EmptyDocument("record has empty text", doc=name)
    # The record's own metadata wins over what was extracted from its HTML.
    doc.title = _str(record.get("title")) or doc.title
    doc.published = _str(record.get("published")) or doc.published
    doc.outlet = _str(record.get("outlet")) or doc.outlet
    doc.section = _str(record.get("category")) or _str(record.get("section")) or doc.section
    authors = record.get("authors", record.get("author"))
    if isinstance(authors, str) and authors.strip():
        doc.authors = [authors.strip()]
    elif isinstance(authors, list):
        doc.authors = [a.strip() for a in authors if isinstance(a, str) and a.strip()]
    if record.get("id") is not None:
        doc.meta["id"] = record["id"]
    for key, value in record.items():
        if key not in _FIELDS:
            doc.meta[key] = value
    return doc


def _str(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
