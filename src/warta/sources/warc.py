"""WARC and WARC.gz archives: one ``RawDocument`` per HTML page captured with status 200."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from warta.errors import DocumentTooLarge, EmptyDocument, InputError, MalformedDocument
from warta.sources.decode import declared_charset, decode
from warta.sources.html import document_from_html
from warta.sources.raw import MAX_BYTES, RawDocument

__all__ = ["iter_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What a cut or corrupt archive raises from inside warcio, gzip or zlib.
_BROKEN = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError)


def iter_warc(
    stream: IO[bytes], *, name: str, max_bytes: int = MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Yield the HTML responses of a WARC stream as documents named ``name#<record number>``.

    Other records (requests, metadata, images, redirects, revisits) are skipped silently.
    A broken or truncated record ends the archive with one ``MalformedDocument``: what was
    read before it stays yielded.
    """
    found = 0
    number = 0
    archive = ArchiveIterator(stream)
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - warcio fails on corrupt input in many ways
            where = f"after record {number}" if number else "at the start"
            yield MalformedDocument(f"broken WARC {where}: {_one_line(exc)}", doc=name)
            return
        number += 1
        doc_name = f"{name}#{number}"
        item = _html_response(record, name=doc_name, max_bytes=max_bytes)
        if _truncated(record):
            yield MalformedDocument(
                f"WARC truncated inside record {number}: the rest of the archive is lost",
                doc=doc_name,
            )
            return
        if item is not None:
            found += 1
            yield item
    # warcio stops quietly at a gzip member cut short: the bytes it consumed beyond the
    # end of the last whole record are the lost rest of the archive.
    lost = archive.fh.tell() - archive.offset
    if lost > 0:
        yield MalformedDocument(
            f"WARC truncated after record {number}: {lost:,} trailing bytes are not a whole record",
            doc=name,
        )
        return
    if not found:
        yield EmptyDocument(
            f"no HTML response with status 200 among {number} WARC records", doc=name
        )


def _html_response(
    record: ArcWarcRecord, *, name: str, max_bytes: int
) -> RawDocument | InputError | None:
    """The record as a document if it is an HTML page served with status 200, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or not ctype.startswith(_HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        body = record.content_stream().read(max_bytes + 1)
    except _BROKEN as exc:
        return MalformedDocument(f"cannot read WARC record: {_one_line(exc)}", doc=name)
    if len(body) > max_bytes:
        return DocumentTooLarge(f"HTML body over the limit of {max_bytes:,} bytes", doc=name)
    try:
        html = decode(body, name=name, declared=_charset(ctype) or declared_charset(body))
        doc = document_from_html(html, name=name, url=url)
    except InputError as exc:
        return exc
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date:
        # The capture date, not the publication date: kept for callers with nothing better.
        doc.meta["warc_date"] = warc_date
    return doc


def _truncated(record: ArcWarcRecord) -> bool:
    """Drain the record and tell whether the archive ended before its Content-Length."""
    raw = record.raw_stream
    try:
        while raw.read(65536):
            pass
    except _BROKEN:
        return True
    return getattr(raw, "limit", 0) > 0


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
