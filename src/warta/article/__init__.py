"""Indonesian news conventions: from a :class:`~warta.sources.raw.RawDocument` to an
:class:`~warta.record.Article` with a clean body, paragraphs, credits, dateline, related
headlines and publication date.

Steps, each in its own module: ``paragraphs`` (split by layout), ``boilerplate`` (inserts,
promos, footers), ``headers`` (Sumber/Editor/Reporter lines), ``dateline`` (``KONTAN.CO.ID -
MOSKOW.``), ``published`` (metadata, URL, text, weekday inference), ``ids`` (stable ids).
Date expressions in the body are in :mod:`warta.article.dates`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from warta.record import Article, Dateline, Span

from .boilerplate import strip_boilerplate
from .dateline import clean_lead, find_dateline, outlet_name
from .headers import take_credits
from .ids import article_id
from .paragraphs import split_paragraphs
from .published import find_published

if TYPE_CHECKING:  # importing warta.sources would load the HTML/WARC readers for nothing
    from warta.sources.raw import RawDocument

__all__ = ["article_id", "parse_article"]

PARAGRAPH_SEPARATOR = "\n\n"


def _dedup(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def parse_article(raw: RawDocument, *, today: date | None = None) -> Article:
    """Clean one document into an :class:`Article`.

    ``today`` bounds year inference for dates printed without a year (default: the
    current date). An empty text gives an article with an empty body, not an error: the
    caller decides whether that is worth reporting.
    """
    today = today or date.today()
    text = (raw.text or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = split_paragraphs(text)

    channel_outlet = None
    if paragraphs and paragraphs[0].startswith("detik") and " " not in paragraphs[0]:
        channel_outlet = outlet_name(paragraphs.pop(0))

    stripped = strip_boilerplate(paragraphs)
    credits = take_credits(stripped.paragraphs)
    paragraphs = credits.paragraphs

    dateline = None
    dateline_outlet = None
    if paragraphs:
        first = paragraphs[0]
        found = find_dateline(first)
        if found:
            dateline = Dateline(text=found.text, place=found.place)
            dateline_outlet = found.outlet
            first = first[found.end :]
        first = clean_lead(first).strip()
        if first:
            paragraphs[0] = first
        else:
            paragraphs.pop(0)

    spans = []
    pos = 0
    for para in paragraphs:
        spans.append(Span(pos, pos + len(para)))
        pos += len(para) + len(PARAGRAPH_SEPARATOR)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)

    published = find_published(
        metadata=raw.published, url=raw.url, paragraphs=paragraphs, today=today
    )
    return Article(
        id=article_id(raw.url, body or text),
        text=body,
        url=raw.url,
        outlet=outlet_name(raw.outlet) or dateline_outlet or channel_outlet,
        title=raw.title,
        authors=_dedup([*raw.authors, *credits.authors, *stripped.authors]),
        editor=credits.editor,
        credited_source=credits.credited_source or stripped.credited_source,
        dateline=dateline,
        published=published,
        paragraphs=spans,
        related=stripped.related,
        section=raw.section,
        origin=raw.name,
    )
