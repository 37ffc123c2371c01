"""Credit lines at the top or bottom of a body: ``Sumber: The Hill | Editor: Noverius Laoli``,
``Reporter: ...``, ``Penulis: ...``, ``Penyunting: ...``. They become fields and leave the body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.lang.id import alternation, lexicon

__all__ = ["Credits", "take_credits"]

# Credit label -> the field it fills: "sumber" -> source, "penulis" -> author.
_LABELS = lexicon().table("credit_labels")
_LABEL = rf"(?:{alternation(_LABELS)})"
# One credit: "Label : value"; a line may join several with "|" or just juxtapose them.
_ITEM = re.compile(
    rf"(?P<label>{_LABEL})\s*:\s*(?P<value>[^|]*?)\s*(?=\||\s{_LABEL}\s*:|$)", re.IGNORECASE
)
_LINE = re.compile(rf"^\s*{_LABEL}\s*:\s*\S[^\n]{{0,200}}$", re.IGNORECASE)
# "Kontributor Makassar, Hendra Cipto": the place is not a name.
_CONTRIB = re.compile(r"^Kontributor\s+[A-Z][\w ]*?,\s*", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\bdan\b)\s*")
# How many paragraphs at each end may hold credits.
_EDGE = 3


@dataclass(slots=True)
class Credits:
    paragraphs: list[str]
    credited_source: str | None = None
    editor: str | None = None
    authors: list[str] = field(default_factory=list)


def _is_credit_line(para: str) -> bool:
    if not _LINE.match(para):
        return False
    items = list(_ITEM.finditer(para))
    # A real credit is short: "Sumber: daya alam ..." in a sentence is not.
    return bool(items) and all(0 < len(m.group("value").split()) <= 8 for m in items)


def _apply(para: str, credits: Credits) -> None:
    for m in _ITEM.finditer(para):
        kind = _LABELS[m.group("label").lower()]
        value = m.group("value").strip(" .,")
        if kind == "source":
            credits.credited_source = credits.credited_source or value
        elif kind == "editor":
            credits.editor = credits.editor or value
        else:
            value = _CONTRIB.sub("", value)
            for name in _NAME_SPLIT.split(value):
                if name and name not in credits.authors:
                    credits.authors.append(name)


def take_credits(paragraphs: list[str]) -> Credits:
    """Remove credit lines from the first and last few paragraphs and return them as fields."""
    credits = Credits(paragraphs=list(paragraphs))
    paras = credits.paragraphs
    keep = [True] * len(paras)
    n = len(paras)
    edge = [i for i in range(n) if i < _EDGE or i >= n - _EDGE]
    for i in edge:
        if _is_credit_line(paras[i]):
            _apply(paras[i], credits)
            keep[i] = False
    credits.paragraphs = [p for p, k in zip(paras, keep, strict=True) if k]
    return credits
