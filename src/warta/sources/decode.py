"""Bytes to text: size limit, binary sniffing and charset fallbacks.

Only format-level decisions live here: nothing about Indonesian.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from warta.errors import BinaryDocument, DocumentTooLarge, EmptyDocument
from warta.sources.files import open_regular
from warta.sources.raw import MAX_BYTES

__all__ = ["declared_charset", "decode", "read_bytes", "sniff_binary"]

# Magic numbers of files that are never documents. gzip is absent on purpose: the reader
# looks inside gzip streams (WARC.gz, .jsonl.gz) before deciding.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC/XLS)"),
    (b"PAR1", "Parquet file"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# "MZ" and "BZh" are short enough to start a real text ("MZ Hidayat ..."); only trust them
# when the rest of the sample also looks binary.
_WEAK_MAGIC = {b"MZ", b"BZh", b"ID3"}

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# C0 controls other than tab, LF, CR, FF; a few stray ones occur in scraped text, a binary
# file is full of them.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_SHARE = 0.05
_SAMPLE = 8192
_LATIN1_LABELS = {"latin-1", "iso8859-1", "ascii", "iso-8859-1", "latin1"}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def read_bytes(path: str | Path, *, name: str | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a whole file, refusing it before reading when it is over ``max_bytes`` or is
    not a regular file (a FIFO would block: ``files.open_regular``)."""
    path = Path(path)
    doc = name or str(path)
    fh, size = open_regular(path, name=doc)
    with fh:
        if size > max_bytes:
            raise DocumentTooLarge(
                f"{size:,} bytes is over the limit of {max_bytes:,} bytes", doc=doc
            )
        # The file may grow between stat and read: never take more than the limit.
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentTooLarge(f"over the limit of {max_bytes:,} bytes", doc=doc)
    return data


def sniff_binary(data: bytes) -> str | None:
    """Return what the bytes look like if they are binary, else ``None``."""
    head = data[:_SAMPLE]
    if head.startswith(_UTF16_BOMS):
        return None
    for magic, what in _MAGIC:
        if head.startswith(magic) and (magic not in _WEAK_MAGIC or _CONTROL.search(head)):
            return what
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head and len(_CONTROL.findall(head)) / len(head) > _CONTROL_SHARE:
        return "binary data (control characters)"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names, if any (not trusted blindly)."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes, *, name: str, declared: str | None = None) -> str:
    """Decode document bytes to text.

    UTF-8 is tried first even when another charset is declared: real pages declare
    ``iso-8859-1`` and are UTF-8. Then the declared charset, then cp1252 (Windows text with
    curly quotes), then latin-1, which cannot fail. A BOM is stripped.
    """
    if not data.strip():
        raise EmptyDocument("empty document" if not data else "only whitespace", doc=name)
    what = sniff_binary(data)
    if what:
        raise BinaryDocument(f"not a text document: looks like {what}", doc=name)
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # As browsers do (WHATWG encoding standard), latin-1 and ASCII labels mean cp1252: its
    # 0x80-0x9F bytes are curly quotes and dashes, not C1 controls.
    if declared in _LATIN1_LABELS:
        declared = "cp1252"
    candidates = [c for c in (declared, "cp1252") if c]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")
