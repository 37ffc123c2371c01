"""Render an article's text as HTML with its extractions highlighted in place.

Spans may nest or overlap (an entity inside a quote inside an event sentence). The text
is cut at every span boundary and each piece is wrapped in one element per span that
covers it, so the markup is always well formed whatever the overlaps.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass
from html import escape

from warta.record import Analysis

__all__ = ["Mark", "highlight", "marks_for"]


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    css: str  # class names
    title: str  # tooltip
    ref: str = ""  # data-ref, e.g. the entity or event id


def marks_for(a: Analysis) -> list[Mark]:
    marks: list[Mark] = []
    for e in a.entities:
        label = " · ".join(x for x in (e.name, e.cameo, e.country) if x)
        for m in e.mentions:
            marks.append(Mark(m.start, m.end, f"ent ent-{e.type}", label, e.id))
    for q in a.quotes:
        who = q.speaker.text if q.speaker else "speaker unknown"
        marks.append(
            Mark(
                q.start,
                q.end,
                f"quote quote-{q.kind}",
                f"{q.kind} quote · {who}" + (f" · via {q.via}" if q.via else ""),
            )
        )
    for d in a.dates:
        marks.append(Mark(d.start, d.end, "date", f"{d.value} ({d.precision})"))
    for ev in a.events:
        src = ev.source.code if ev.source else "?"
        tgt = ev.target.code if ev.target else "?"
        for s in ev.evidence:
            marks.append(
                Mark(
                    s.start,
                    s.end,
                    f"event quad{ev.quad_class}",
                    f"CAMEO {ev.cameo} {ev.plover or ''} · {src} → {tgt}",
                    ev.id,
                )
            )
    return [m for m in marks if 0 <= m.start < m.end <= len(a.article.text)]


def highlight(text: str, marks: list[Mark]) -> str:
    """``text`` as HTML paragraphs with every mark (``0 <= start < end <= len(text)``,
    as ``marks_for`` gives them) wrapped around its characters.

    One pass over the text: the marks are ranked once (wider spans outside, so nesting
    follows containment; ties keep the given order: ``sorted`` is stable) and a sweep keeps the marks open at
    each cut, so the work grows with the size of the output, not with pieces x marks.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    shown = [m for m in marks if m.start < m.end]  # an empty or reversed span covers nothing
    ranked = sorted(shown, key=lambda m: (m.start - m.end, m.start))
    opening = [_open_tag(m) for m in ranked]
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for rank, m in enumerate(ranked):
        starting[m.start].append(rank)
        ending[m.end].append(rank)
    # A mark covers the piece [a, b) between two cuts when start <= a < end: it opens at
    # its start cut and closes at its end cut.
    open_ranks: list[int] = []
    out = []
    for a, b in itertools.pairwise(cuts):
        for rank in ending.get(a, ()):
            del open_ranks[bisect_left(open_ranks, rank)]
        for rank in starting.get(a, ()):
            insort(open_ranks, rank)
        piece = escape(text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        out.append("".join(opening[r] for r in open_ranks) + piece + "</mark>" * len(open_ranks))
    return "<p>" + "".join(out) + "</p>"


def _open_tag(m: Mark) -> str:
    ref = f' data-ref="{escape(m.ref)}"' if m.ref else ""
    return f'<mark class="{escape(m.css)}" title="{escape(m.title)}"{ref}>'
