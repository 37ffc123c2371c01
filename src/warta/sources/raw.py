"""``RawDocument``: what a source yields, before any Indonesian is interpreted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["MAX_BYTES", "MIN_TEXT_CHARS", "RawDocument"]

# Larger inputs are refused: a news article is rarely over 200 kB of text, and a 20 MB
# "article" is almost always a mis-pointed dump that would stall the pipeline.
MAX_BYTES = 20 * 1024 * 1024
# Shorter texts (after trimming) are refused: what is left is a stray value ("-", "ok",
# "#NAME?" from a spreadsheet export), not an article. The shortest real news items in
# our corpora are one sentence of about fifty characters.
MIN_TEXT_CHARS = 20


@dataclass(slots=True)
class RawDocument:
    """One document as read from a source.

    ``name`` identifies it in messages (a path, ``path#3`` for the third record of a feed,
    WARC or JSONL file, or ``<stdin>``). Exactly one of ``text`` and ``html`` is set, both
    already decoded to ``str``. The optional metadata comes from the container (feed item,
    JSONL keys, WARC headers), never from interpreting the text. ``warnings`` says what
    the source repaired (a lone surrogate replaced, a non-http(s) URL set aside); the
    pipeline copies them into ``Analysis.warnings``.
    """

    name: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 as given by the container
    outlet: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
