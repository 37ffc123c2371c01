"""The text's layout as the quotation finder reads it: paragraphs, sentences, word tokens.

Sentences are split here, never inside a quotation, so the finder does not depend on
``analysis.sentences`` or ``doc.sents`` (a parser may split a quoted passage).
"""

from __future__ import annotations

import bisect
import re

from warta.analysis.quotes.words import ABBREVIATIONS
from warta.record import Analysis

__all__ = ["Token", "paragraphs", "sentences", "skip_space", "tokens", "trim_end"]

# (start, end, word) in article-text offsets.
Token = tuple[int, int, str]

_PARA_RE = re.compile(r"\n\s*\n|\n")
# Words (keeping inner apostrophes, hyphens, slashes and the dots of abbreviations),
# parentheses, and the punctuation the grammar looks at.
_WORD_RE = re.compile(r"[\w@](?:[\w@'’\-/]|\.(?=\w))*|\(|\)|[,.;:!?\"“”]")
_SENT_END_RE = re.compile(
    r"[.!?…]+[\"”’')\]]*(?=\s+[\"“(\[A-Z0-9])|(?<=[a-z)][.!?])(?=[\"“]?[A-Z][a-z])"
)
_LAST_WORD_RE = re.compile(r"(\w+)$")


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The word and punctuation tokens of ``text[start:end]``."""
    return [
        (m.start() + start, m.end() + start, m.group()) for m in _WORD_RE.finditer(text[start:end])
    ]


def skip_space(text: str, pos: int, limit: int) -> int:
    """The first non-space position at or after ``pos`` (at most ``limit``)."""
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces (not before ``start``)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def paragraphs(analysis: Analysis, text: str) -> list[tuple[int, int]]:
    """The article's paragraphs, or the text's lines when the article gives none."""
    if analysis.article.paragraphs:
        return [(p.start, p.end) for p in analysis.article.paragraphs]
    spans, pos = [], 0
    for m in _PARA_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def sentences(
    text: str, paras: list[tuple[int, int]], quoted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Split paragraphs into sentences, never inside a quotation.

    ``quoted`` holds the (opening mark, closing mark) of every quotation, in text order;
    paragraphs joined by a quotation that runs over them form one block.
    """
    starts = [a for a, _ in quoted]

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and quoted[i][0] < pos < quoted[i][1]

    blocks: list[list[int]] = []
    for p_start, p_end in paras:
        if blocks and in_quote(p_start):
            blocks[-1][1] = p_end
        else:
            blocks.append([p_start, p_end])
    out: list[tuple[int, int]] = []
    for b_start, b_end in blocks:
        pos = skip_space(text, b_start, b_end)
        for m in _SENT_END_RE.finditer(text, b_start, b_end):
            if in_quote(m.start()) or _after_abbreviation(text, pos, m):
                continue
            if m.end() > pos:
                out.append((pos, m.end()))
            pos = skip_space(text, m.end(), b_end)
        end = trim_end(text, pos, b_end)
        if end > pos:
            out.append((pos, end))
    return out


def _after_abbreviation(text: str, pos: int, m: re.Match[str]) -> bool:
    """A full stop after an abbreviation ("Prof.") or a single letter ends no sentence."""
    if not m.group().startswith("."):
        return False
    before = _LAST_WORD_RE.search(text[pos : m.start()])
    if before is None:
        return False
    return before.group(1).lower() in ABBREVIATIONS or len(before.group(1)) == 1
