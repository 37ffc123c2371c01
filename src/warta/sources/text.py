"""Plain text to ``RawDocument``."""

from __future__ import annotations

from warta.errors import EmptyDocument
from warta.sources.clean import clean_document
from warta.sources.raw import RawDocument

__all__ = ["document_from_text", "normalize_paragraphs"]


def normalize_paragraphs(text: str) -> str:
    """One paragraph per line: unify line ends, trim lines, drop blank lines and a BOM."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def document_from_text(
    text: str, *, name: str, url: str | None = None, published: str | None = None
) -> RawDocument:
    """Wrap a plain-text article; the whole text is one document (``clean.clean_document``
    repairs it: no lone surrogates, only an http(s) ``url``)."""
    body = normalize_paragraphs(text)
    if not body:
        raise EmptyDocument("no text" if not text else "only whitespace", doc=name)
    return clean_document(RawDocument(name=name, text=body, url=url, published=published))
