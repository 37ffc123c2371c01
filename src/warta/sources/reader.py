"""``iter_documents``: files, directories and stdin to a stream of documents and errors.

The format of each input is decided from its content (a feed saved as ``.html``, a WARC
without its extension), never from the file name alone. Containers (WARC, JSON Lines) are
streamed, and the size limit applies to each of their records; any other input is refused
whole when it is over the limit, before it is read.
"""

from __future__ import annotations

import gzip
import io
import logging
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from warta.errors import BinaryDocument, DocumentTooLarge, InputError, MalformedDocument
from warta.sources.clean import check_length, clean_document, clean_error
from warta.sources.decode import declared_charset, decode, sniff_binary
from warta.sources.detect import GZIP_MAGIC, Format, detect_format, gunzip_head
from warta.sources.feed import iter_feed
from warta.sources.files import open_regular, walk
from warta.sources.html import document_from_html
from warta.sources.jsonl import LineReader, iter_json, iter_jsonl
from warta.sources.raw import MAX_BYTES, RawDocument
from warta.sources.text import document_from_text
from warta.sources.warc import iter_warc

__all__ = ["STDIN", "iter_bytes", "iter_documents"]

log = logging.getLogger(__name__)

STDIN = "-"
_STDIN_NAME = "<stdin>"
_HEAD = 65536

Item = RawDocument | InputError


def iter_documents(paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Yield every document found under ``paths``, and every failure as an error instance.

    A path is a file, a directory (read recursively in sorted order, hidden entries
    skipped) or ``"-"`` for standard input. Errors are yielded, never raised, so that one
    bad document does not stop a batch. Every document yielded has been through
    ``clean.clean_document`` and ``clean.check_length``.
    """
    for path in paths:
        if str(path) == STDIN:
            yield from _guard(
                lambda: _iter_stream(sys.stdin.buffer, _STDIN_NAME, None, max_bytes), _STDIN_NAME
            )
            continue
        path = Path(path)
        if path.is_dir():
            for found in walk(path):
                if isinstance(found, InputError):
                    yield clean_error(found)
                else:
                    yield from _iter_file(found, max_bytes)
        elif path.exists() or path.is_symlink():
            yield from _iter_file(path, max_bytes)
        else:
            yield clean_error(InputError("no such file or directory", doc=str(path)))


def iter_bytes(data: bytes, *, name: str, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Like ``iter_documents`` for bytes already in memory (an upload, a message body)."""
    if len(data) > max_bytes:
        yield DocumentTooLarge(f"over the limit of {max_bytes:,} bytes", doc=name)
        return
    yield from _guard(lambda: _iter_stream(io.BytesIO(data), name, len(data), max_bytes), name)


def _iter_file(path: Path, max_bytes: int) -> Iterator[Item]:
    name = str(path)
    try:
        fh, size = open_regular(path, name=name)
    except InputError as exc:
        yield clean_error(exc)
        return
    except OSError as exc:
        yield clean_error(InputError(f"cannot open: {exc.strerror or exc}", doc=name))
        return
    with fh:
        yield from _guard(lambda: _iter_stream(fh, name, size, max_bytes), name)


def _guard(make: Callable[[], Iterator[Item]], name: str) -> Iterator[Item]:
    """Turn what a reader raises into a yielded error, so the batch goes on; finish each
    document on its way out (``_finish``)."""
    try:
        for item in make():
            yield _finish(item)
    except InputError as exc:
        yield clean_error(exc.with_doc(name))
    except OSError as exc:
        yield clean_error(InputError(f"cannot read: {exc.strerror or exc}", doc=name))
    except Exception as exc:  # a parser library failing on odd input must not end the batch
        log.warning("unexpected error reading %s", name, exc_info=True)
        yield clean_error(MalformedDocument(f"cannot read ({type(exc).__name__}: {exc})", doc=name))


def _finish(item: Item) -> Item:
    """Repair what would break a later stage, and refuse a text too short to be an article."""
    if isinstance(item, InputError):
        return clean_error(item)
    try:
        return check_length(clean_document(item))
    except InputError as exc:
        return clean_error(exc)


def _iter_stream(fh: IO[bytes], name: str, size: int | None, max_bytes: int) -> Iterator[Item]:
    head = fh.read(_HEAD)
    stream: IO[bytes] = io.BufferedReader(_Replay(head, fh))
    if head.startswith(GZIP_MAGIC):
        inner = gunzip_head(head)
        if not inner:
            raise BinaryDocument("gzip data that does not decompress", doc=name)
        fmt = detect_format(inner)
        if fmt is Format.WARC:
            # warcio reads gzip per record itself.
            yield from iter_warc(stream, name=name, max_bytes=max_bytes)
            return
        unzipped = gzip.GzipFile(fileobj=stream)
        if fmt is Format.JSONL:
            yield from _jsonl_lines(unzipped, name, max_bytes)
            return
        try:
            data = unzipped.read(max_bytes + 1)
        except (EOFError, OSError, zlib.error) as exc:
            raise MalformedDocument(f"broken gzip data: {exc}", doc=name) from exc
        if len(data) > max_bytes:
            raise DocumentTooLarge(
                f"over the limit of {max_bytes:,} bytes once decompressed", doc=name
            )
        yield from _iter_data(data, name, fmt, max_bytes)
        return
    fmt = detect_format(head)
    if fmt is Format.WARC:
        yield from iter_warc(stream, name=name, max_bytes=max_bytes)
        return
    if fmt is Format.JSONL and not sniff_binary(head):
        yield from _jsonl_lines(stream, name, max_bytes)
        return
    if size is not None and size > max_bytes:
        raise DocumentTooLarge(f"{size:,} bytes is over the limit of {max_bytes:,} bytes", doc=name)
    data = head + fh.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        raise DocumentTooLarge(f"over the limit of {max_bytes:,} bytes", doc=name)
    yield from _iter_data(data, name, fmt, max_bytes)


def _jsonl_lines(stream: LineReader, name: str, max_bytes: int) -> Iterator[Item]:
    try:
        yield from iter_jsonl(stream, name=name, max_bytes=max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield MalformedDocument(f"truncated or broken compressed data: {exc}", doc=name)


def _iter_data(data: bytes, name: str, fmt: Format, max_bytes: int) -> Iterator[Item]:
    if fmt is Format.WARC:
        yield from iter_warc(io.BytesIO(data), name=name, max_bytes=max_bytes)
    elif fmt is Format.JSONL:
        yield from _jsonl_lines(io.BytesIO(data), name, max_bytes)
    elif fmt is Format.FEED:
        decode(data, name=name)  # refuse empty and binary input before feedparser sees it
        yield from iter_feed(data, name=name)
    elif fmt is Format.JSON:
        yield from iter_json(decode(data, name=name), name=name)
    elif fmt is Format.HTML:
        html = decode(data, name=name, declared=declared_charset(data))
        yield document_from_html(html, name=name)
    else:
        yield document_from_text(decode(data, name=name), name=name)


class _Replay(io.RawIOBase):
    """A stream that gives back the already-read head, then the rest (stdin cannot seek)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n
