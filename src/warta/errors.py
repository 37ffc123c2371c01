"""warta's exceptions. Every error a user can cause is a ``WartaError``::

    WartaError
    ├── InputError            a document cannot be read
    │   ├── EmptyDocument     nothing to analyse (empty file or record, text too short)
    │   ├── BinaryDocument    not text (NUL bytes, an image, an archive)
    │   ├── DocumentTooLarge  over the size limit
    │   └── MalformedDocument broken HTML, feed, WARC or JSON record
    ├── StoreError            the store cannot be opened or written
    │   └── QueryError        a malformed or too slow search query
    └── ModelError            the shipped language model is missing or broken

Errors carry the document they concern (``doc``): the CLI prints ``doc: message`` on one
line, and batch runners record it and go on with the next document.
"""

from __future__ import annotations

from typing import Self

__all__ = [
    "BinaryDocument",
    "DocumentTooLarge",
    "EmptyDocument",
    "InputError",
    "MalformedDocument",
    "ModelError",
    "QueryError",
    "StoreError",
    "WartaError",
]


class WartaError(Exception):
    """Base class of every error warta raises on purpose."""

    def __init__(self, message: str, *, doc: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.doc = doc

    def with_doc(self, doc: str) -> Self:
        """Attach the document name on the way out, unless a more precise one is set."""
        if self.doc is None:
            self.doc = doc
        return self

    def __str__(self) -> str:
        return f"{self.doc}: {self.message}" if self.doc else self.message


class InputError(WartaError):
    """A document cannot be read or decoded."""


class EmptyDocument(InputError):
    """The document holds no text to analyse."""


class BinaryDocument(InputError):
    """The document is binary data, not text."""


class DocumentTooLarge(InputError):
    """The document is over the size limit."""


class MalformedDocument(InputError):
    """The HTML, feed, WARC or JSON structure is broken beyond repair."""


class StoreError(WartaError):
    """The store cannot be opened, read or written."""


class QueryError(StoreError):
    """A search query is malformed or ran over its time limit."""


class ModelError(WartaError):
    """The shipped language model is missing or cannot be loaded."""
