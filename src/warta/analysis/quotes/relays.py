"""Outlets that relay a report: "seperti dilansir Reuters", "menurut The New York Times".

An outlet is a quote's ``via``, never its speaker.
"""

from __future__ import annotations

import re

from warta.analysis.quotes.phrases import np_after
from warta.analysis.quotes.words import OUTLET_HINTS, OUTLETS, RELAY_PHRASES, alternation

__all__ = ["is_outlet", "via"]

_RELAY_RE = re.compile(r"\b" + alternation(RELAY_PHRASES) + r"\s+", re.IGNORECASE)


def is_outlet(name: str) -> bool:
    """Whether ``name`` is a news outlet ("Reuters", "The Jakarta Post", "kantor berita X")."""
    low = name.lower().strip(" .,")
    return low in OUTLETS or any(h in f" {low} " for h in OUTLET_HINTS)


def via(text: str, start: int, end: int) -> str | None:
    """An outlet the sentence ``text[start:end]`` says the words were relayed through."""
    for m in _RELAY_RE.finditer(text, start, end):
        np = np_after(text, m.end(), end)
        if np is None:
            continue
        name = text[np[0] : np[1]]
        if not name[0].isupper():
            continue
        if m.group().lower().startswith("menurut") and not is_outlet(name):
            continue
        return name
    return None
