"""Input readers: plain text, HTML, RSS/Atom, WARC, JSON Lines, directories and stdin.

Everything here knows formats only. Each reader yields ``RawDocument``s with the main text
and whatever metadata the container carries; a document that cannot be read is yielded as
its ``InputError`` so that batches go on. Every document leaves the sources repaired
and checked by ``clean.py`` (no lone surrogates, only an http(s) ``url``, text at least
``MIN_TEXT_CHARS`` long).
"""

from warta.sources.clean import http_url
from warta.sources.decode import decode, read_bytes
from warta.sources.html import document_from_html
from warta.sources.raw import MAX_BYTES, MIN_TEXT_CHARS, RawDocument
from warta.sources.reader import iter_bytes, iter_documents
from warta.sources.text import document_from_text

__all__ = [
    "MAX_BYTES",
    "MIN_TEXT_CHARS",
    "RawDocument",
    "decode",
    "document_from_html",
    "document_from_text",
    "http_url",
    "iter_bytes",
    "iter_documents",
    "read_bytes",
]
