"""Split a plain-text body into paragraphs.

Three layouts occur: one paragraph per line (the seed, most plain-text exports), paragraphs
separated by blank lines (Detik), and CLICK-ID's scraper output, where paragraph and inline
text nodes are joined by commas and linked words are missing (``Pemain.,Inggris``,
``mantan pemain , tersebut``). For the last one we split, best effort, where a comma run
follows the end of a sentence (``.`` ``!`` ``?`` ``:`` or a closing quote) and a capital,
digit or opening quote follows; runs of empty nodes (``,,,``) inside a paragraph are folded
to one comma. A sentence that ends with a missing linked word (``... dari ,.``) still ends
with a full stop, so it splits as well; a paragraph made of two nodes joined mid-sentence
(``kata dia,Senin``) stays whole.
"""

from __future__ import annotations

import re

__all__ = ["is_comma_joined", "split_paragraphs"]

_LINES = re.compile(r"\s*\n\s*")
_NODE_BREAK = re.compile(
    r"(?<=[.!?:\"”’)])[\s\u00a0]*,(?:[\s\u00a0]*,)*[\s\u00a0]*(?=[A-Z0-9\"“‘'(\[])"
)
_EMPTY_NODES = re.compile(r"[\s\u00a0]*,(?:[\s\u00a0]*,)+")
_SPACES = re.compile(r"[ \t\u00a0\u200b\u200e\ufeff]+")


def is_comma_joined(text: str) -> bool:
    """True for CLICK-ID-like bodies: no line breaks, and sentences joined by ``.,``."""
    return "\n" not in text.strip() and len(re.findall(r"[.!?\"”],\S", text)) >= 1


def _tidy(para: str) -> str:
    para = _SPACES.sub(" ", para)
    para = _EMPTY_NODES.sub(",", para)
    return para.strip(" ,")


def split_paragraphs(text: str) -> list[str]:
    """Paragraph strings of ``text``, stripped, without empty ones."""
    parts = _NODE_BREAK.split(text) if is_comma_joined(text) else _LINES.split(text)
    out = []
    for part in parts:
        part = _tidy(part)
        if part:
            out.append(part)
    return out
