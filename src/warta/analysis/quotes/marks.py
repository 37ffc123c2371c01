"""Quotation marks and their pairing, paragraph by paragraph.

Curly marks (“ ”), guillemets (« ») and straight marks (") are paired within a
paragraph. A quotation left open at a paragraph end continues when the next paragraph
opens with a mark (the newspaper convention); otherwise it is unbalanced and ends at the
first ", <speech verb>" after it or at the paragraph end. A stray closing mark followed by
a speech verb opens the quotation at the paragraph start. Single quotes are never paired:
they are quotations inside quotations, or titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.analysis.quotes.layout import skip_space, trim_end
from warta.analysis.quotes.words import BARE_CUES

__all__ = ["MARKS_RE", "QSpan", "pair_marks"]

_OPEN = "“«„"
_CLOSE = "”»"
MARKS_RE = re.compile(r"[“”«»„\"]")
_CUE_AFTER_PUNCT_RE = re.compile(r"[,.!?]\s+(\w+)")
_FIRST_WORD_RE = re.compile(r"\s*(\w+)")


@dataclass(slots=True)
class QSpan:
    """A quoted stretch: marks at ``open``/``close`` (``close`` None when unbalanced)."""

    open: int
    inner_start: int
    inner_end: int
    close: int | None
    balanced: bool = True

    @property
    def extent(self) -> tuple[int, int]:
        """(opening mark, closing mark or, unbalanced, where the quotation ends)."""
        return self.open, (self.close if self.close is not None else self.inner_end)


def pair_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[QSpan]:
    """Pair quotation marks; an open quotation may continue into the next paragraph."""
    out: list[QSpan] = []
    carried: int | None = None  # open mark carried over from the previous paragraph
    for pi, (p_start, p_end) in enumerate(paragraphs):
        open_at = _pair_in_paragraph(text, p_start, p_end, carried, out)
        carried = None
        if open_at is None:
            continue
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        nxt_text = text[nxt[0] : nxt[1]].lstrip() if nxt else ""
        if nxt_text and nxt_text[0] in _OPEN + '"' and _continues(text, open_at, p_end):
            carried = open_at
            continue
        # Unbalanced: close at the first speech cue after a comma, else at the end.
        end = _unbalanced_end(text, open_at + 1, p_end)
        out.append(QSpan(open_at, open_at + 1, end, None, balanced=False))
    out.sort(key=lambda q: q.open)
    return [q for q in out if q.inner_end > q.inner_start]


def _pair_in_paragraph(
    text: str, p_start: int, p_end: int, carried: int | None, out: list[QSpan]
) -> int | None:
    """Pair the marks of one paragraph into ``out``; the mark still open at its end."""
    marks = [(m.start(), m.group()) for m in MARKS_RE.finditer(text, p_start, p_end)]
    open_at = carried
    # The continuation paragraph normally repeats the opening mark: skip it.
    lead = skip_space(text, p_start, p_end)
    skip_at = lead if carried is not None and text[lead : lead + 1] in (*_OPEN, '"') else -1
    # With an odd number of straight marks, one is unpaired: a closing-looking first
    # mark ('siapa?" terang dia.') closes a quotation opened before the paragraph.
    odd = carried is None and sum(1 for _, c in marks if c == '"') % 2 == 1
    for pos, ch in marks:
        if pos == skip_at:
            continue
        if open_at is None:
            if ch in _CLOSE or (ch == '"' and odd and _closer_like(text, pos, p_start, p_end)):
                # A stray closing mark: the quotation began at the paragraph start.
                if _cue_after(text, pos + 1, p_end):
                    s = skip_space(text, p_start, pos)
                    out.append(QSpan(s, s, pos, pos, balanced=False))
                continue
            open_at = pos
        elif ch not in _OPEN:  # an opening mark inside a quotation is nested or doubled
            out.append(QSpan(open_at, open_at + 1, pos, pos))
            open_at = None
    return open_at


def _closer_like(text: str, pos: int, p_start: int, p_end: int) -> bool:
    """A straight mark glued to the word before it and followed by a space or the end."""
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + 1] if pos + 1 < p_end else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def _continues(text: str, open_at: int, p_end: int) -> bool:
    """Whether a quotation left open at a paragraph end runs on into the next one.

    Not when a cue already follows it in its paragraph ("…, kata Budi." with the closing
    mark forgotten): then it is an unbalanced quotation that ends there.
    """
    return _cue_end(text, open_at + 1, p_end) is None


def _cue_end(text: str, start: int, p_end: int) -> int | None:
    """Where an unclosed quotation ends at a punctuation mark before a speech verb."""
    for m in _CUE_AFTER_PUNCT_RE.finditer(text, start, p_end):
        if m.group(1).lower().removesuffix("nya") in BARE_CUES:
            return m.start() + 1
    return None


def _unbalanced_end(text: str, start: int, p_end: int) -> int:
    """The end of an unclosed quotation: before the first ", <cue>", else the paragraph end."""
    end = _cue_end(text, start, p_end)
    return end if end is not None else trim_end(text, start, p_end)


def _cue_after(text: str, pos: int, limit: int) -> bool:
    """Whether a bare speech verb (or its -nya form) follows ``pos``."""
    m = _FIRST_WORD_RE.match(text[pos:limit])
    if not m:
        return False
    w = m.group(1).lower()
    return w in BARE_CUES or (w.endswith("nya") and w[:-3] in BARE_CUES)
