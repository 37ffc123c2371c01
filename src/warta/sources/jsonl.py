"""JSON Lines dumps (one article per line) and single JSON article objects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

from warta.errors import DocumentTooLarge, EmptyDocument, InputError, MalformedDocument
from warta.sources.decode import decode
from warta.sources.html import document_from_html
from warta.sources.raw import MAX_BYTES, RawDocument
from warta.sources.text import document_from_text

__all__ = ["LineReader", "document_from_record", "iter_json", "iter_jsonl"]

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
# Fields that must be JSON strings when present (``id`` may be any value: it goes to meta).
_STRING_FIELDS = ("text", "html", "url", "title", "published", "outlet", "category", "section")
# How much of an over-long line is read at a time while skipping it.
_SKIP_CHUNK = 1 << 20


class LineReader(Protocol):
    """What JSON Lines are read from: a binary file, a gzip stream, a buffer."""

    def readline(self, size: int, /) -> bytes: ...


def iter_jsonl(
    stream: LineReader, *, name: str, max_bytes: int = MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Yield one document per non-blank line, named ``name#<line number>``.

    Lines are read at most ``max_bytes`` at a time: a longer line is refused without
    being held in memory (a gzip bomb on one line decompresses chunk by chunk into
    nothing), and the next line is read as usual.
    """
    for number, line in enumerate(_lines(stream, max_bytes), start=1):
        doc = f"{name}#{number}"
        if line is None:
            yield DocumentTooLarge(f"line over the limit of {max_bytes:,} bytes", doc=doc)
            continue
        if not line.strip():
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


def _lines(stream: LineReader, limit: int) -> Iterator[bytes | None]:
    """The lines of ``stream``, or ``None`` in place of a line over ``limit`` bytes."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest in bounded chunks
                line = stream.readline(_SKIP_CHUNK)
            yield None
            continue
        yield line


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
    """Build a document from one article object with ``text`` or ``html``.

    Each known field must have its type (``_STRING_FIELDS`` are strings, ``authors`` a
    string or a list of strings; ``null`` is as good as absent): a wrongly typed field
    refuses the record with a ``MalformedDocument`` naming the field, rather than
    storing ``"url": 5`` as the URL "5".
    """
    if not isinstance(record, dict):
        raise MalformedDocument(f"expected a JSON object, got {_json_type(record)}", doc=name)
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedDocument(
                f"field {key!r} must be a string, got {_json_type(value)}", doc=name
            )
    for key in ("authors", "author"):
        value = record.get(key)
        if value is not None and not _is_str_or_str_list(value):
            raise MalformedDocument(
                f"field {key!r} must be a string or a list of strings, got {_json_type(value)}",
                doc=name,
            )
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        if "text" in record or "html" in record:
            raise EmptyDocument("record has no text", doc=name)
        raise MalformedDocument("record has neither a 'text' nor an 'html' field", doc=name)
    url = _str(record.get("url"))
    if text and text.strip():
        doc = document_from_text(text, name=name, url=url)
    elif html and html.strip():
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
        doc.authors = [a.strip() for a in authors if a.strip()]
    if record.get("id") is not None:
        doc.meta["id"] = record["id"]
    for key, value in record.items():
        if key not in _FIELDS:
            doc.meta[key] = value
    return doc


def _str(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _is_str_or_str_list(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, as the record's author wrote it."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else "null"
