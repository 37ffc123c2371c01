"""Long texts through the language model: windows of whole paragraphs, joined into one Doc.

spaCy refuses a text over ``nlp.max_length`` characters (error E088, one million by
default), and the memory its parser and tagger take grows with the text it is given. A
text longer than :data:`WINDOW_CHARS` is therefore cut into windows, each parsed alone,
and the parsed windows are joined with ``Doc.from_docs``. The windows are consecutive
slices of the text, so the joined Doc's text is the original text character for character
and every token offset is still an offset into it (``docs/architecture.md``: offsets
everywhere).

A window ends before a paragraph break: the break's whitespace token starts the next
sentence anyway (``warta_paragraph_breaks``), so a text cut there is tokenised and split
into sentences as it would be whole. Only a paragraph longer than a window is cut
inside, after its last sentence end (or, failing that, after its last space, or at the
limit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["WINDOW_CHARS", "join_docs", "split_windows"]

# Well under spaCy's max_length, and about twenty long news articles: texts of ordinary
# length are parsed whole, as before windows existed.
WINDOW_CHARS = 100_000
# A sentence end inside an over-long paragraph: final punctuation, closing marks, a space.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]»]*\s+")
_SPACE = re.compile(r"\s+")


def split_windows(text: str, max_chars: int | None = None) -> list[str]:
    """Cut ``text`` into consecutive windows of at most ``max_chars`` characters
    (default :data:`WINDOW_CHARS`).

    ``"".join(split_windows(text)) == text`` always holds; a text that fits is returned
    as the one window.
    """
    max_chars = WINDOW_CHARS if max_chars is None else max_chars
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    windows = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        windows.append(text[start:end])
        start = end
    windows.append(text[start:])
    return windows


def _cut(text: str, start: int, limit: int) -> int:
    """Where the window starting at ``start`` ends (after ``start``, at most ``limit``)."""
    newline = text.rfind("\n", start + 1, limit + 1)
    while newline > start and text[newline - 1] == "\n":
        newline -= 1  # the whole run of line breaks goes to the next window
    if newline > start:
        return newline
    window = text[start:limit]
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [match.end() for match in pattern.finditer(window)]
        if ends:
            return start + ends[-1]
    return limit


def join_docs(docs: Sequence[Doc]) -> Doc:
    """One Doc of the parsed windows of a text, in order (the Doc itself when alone)."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    # No whitespace is added between windows: their texts already join to the original.
    # The tensor (tok2vec output) is left out: no stage reads it, and it is the largest part.
    return Doc.from_docs(list(docs), ensure_whitespace=False, exclude=["tensor"])
