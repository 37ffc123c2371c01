"""WARC and WARC.gz archives: one ``RawDocument`` per HTML page captured with status 200."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from warta.errors import DocumentTooLarge, EmptyDocument, InputError, MalformedDocument
from warta.sources.decode import declared_charset, decode
from warta.sources.html import document_from_html
from warta.sources.raw import MAX_BYTES, RawDocument

__all__ = ["MAX_HEADER_BYTES", "iter_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What a cut or corrupt archive raises from inside warcio, gzip or zlib.
_BROKEN = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError)
# The WARC and HTTP header lines of one record, together (and the blank lines before
# it): real ones are a few kilobytes. warcio reads a header line whole, however long,
# so without this bound one gzip member holding a 3 GB "line" was decompressed into memory.
MAX_HEADER_BYTES = 1024 * 1024


def iter_warc(
    stream: IO[bytes], *, name: str, max_bytes: int = MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Yield the HTML responses of a WARC stream as documents named ``name#<record number>``.

    Other records (requests, metadata, images, redirects, revisits) are skipped silently.
    A broken or truncated record ends the archive with one ``MalformedDocument``, and a
    record whose headers are over ``MAX_HEADER_BYTES`` with one ``DocumentTooLarge``: what
    was read before it stays yielded.
    """
    found = 0
    number = 0
    archive = _Archive(stream)
    records = iter(archive)
    while True:
        archive.reader.header_budget = MAX_HEADER_BYTES
        try:
            record = next(records)
        except StopIteration:
            break
        except _HeadersTooLarge:
            yield DocumentTooLarge(
                f"WARC headers over the limit of {MAX_HEADER_BYTES:,} bytes: "
                "the rest of the archive is not read",
                doc=f"{name}#{number + 1}",
            )
            return
        except Exception as exc:  # warcio fails on corrupt input in many ways
            where = f"after record {number}" if number else "at the start"
            yield MalformedDocument(f"broken WARC {where}: {_one_line(exc)}", doc=name)
            return
        number += 1
        doc_name = f"{name}#{number}"
        archive.reader.header_budget = MAX_HEADER_BYTES  # chunked bodies read size lines
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


class _HeadersTooLarge(ValueError):
    """A record's header lines ran over ``MAX_HEADER_BYTES``."""


class _CappedReader(DecompressingBufferedReader):
    """warcio's reader, with every line read in bounded pieces and counted.

    warcio parses headers with ``readline()`` and no length: it joins a long line piece
    by piece (quadratic: a 60 MB line took 73 s) and holds all of it. Here a line is read
    at most ``header_budget + 1`` bytes at a time, and once the lines read since the
    budget was set exceed it, ``_HeadersTooLarge`` is raised. Bodies are read with
    ``read()``, which is bounded by the caller, and do not count.
    """

    header_budget = MAX_HEADER_BYTES

    def readline(self, length: int | None = None) -> bytes:
        limit = self.header_budget + 1
        if length is not None and length >= 0:
            limit = min(length, limit)
        pieces = []
        size = 0
        while size < limit:
            piece = super().readline(limit - size)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
            if piece.endswith(b"\n"):
                break
        self.header_budget -= size
        if self.header_budget < 0:
            raise _HeadersTooLarge(f"headers over {MAX_HEADER_BYTES:,} bytes")
        return b"".join(pieces)


class _Archive(ArchiveIterator):
    """warcio's iterator reading through ``_CappedReader``."""

    reader: _CappedReader

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(stream)
        # Nothing has been read yet: the reader warcio made is replaced before first use.
        self.reader = _CappedReader(self.fh, block_size=self.reader.block_size)


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
