"""Which format a document is in, decided from its first bytes rather than its file name."""

from __future__ import annotations

import json
import re
import zlib
from enum import StrEnum

__all__ = ["GZIP_MAGIC", "Format", "detect_format", "gunzip_head"]

GZIP_MAGIC = b"\x1f\x8b"


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"
    JSONL = "jsonl"
    JSON = "json"


# Leading junk seen in real files: BOM, whitespace (feeds starting with a newline before
# ``<?xml``), server comments before the DOCTYPE.
_LEAD = re.compile(rb"^(?:\xef\xbb\xbf)?(?:\s+|<!--.*?-->)*", re.DOTALL)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|table|span|br|h[1-6])[\s>/]",
    re.IGNORECASE,
)


def gunzip_head(data: bytes, size: int = 65536) -> bytes:
    """Decompress the first ``size`` bytes of a gzip stream (one member is enough to sniff)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, size)
    except zlib.error:
        return b""


def detect_format(head: bytes) -> Format:
    """Guess the format from the first kilobytes of a (decompressed) document."""
    lead = _LEAD.match(head)
    body = head[lead.end() :] if lead else head
    if body.startswith(b"WARC/"):
        return Format.WARC
    if body.startswith(b"<?xml"):
        return (
            Format.FEED
            if _FEED_ROOT.search(body[:4096])
            else (Format.HTML if _HTML_ROOT.search(body[:4096]) else Format.FEED)
        )
    if body[:1] == b"<":
        if _FEED_ROOT.match(body):
            return Format.FEED
        if _HTML_ROOT.search(body[:4096]):
            return Format.HTML
    if body[:1] in (b"{", b"["):
        return _json_kind(body)
    return Format.TEXT


def _json_kind(body: bytes) -> Format:
    first, newline, rest = body.partition(b"\n")
    try:
        value = json.loads(first)
    except ValueError:
        if body[:1] == b"[":
            return Format.JSON
        if not newline:
            # One line longer than the head: a JSON Lines record with a big ``html`` field.
            return Format.JSONL
        # A pretty-printed object or array spans lines; a broken first record does not.
        return Format.JSONL if rest.lstrip().startswith(b"{") else Format.JSON
    if isinstance(value, dict) and rest.strip():
        return Format.JSONL
    return Format.JSON
