"""Render an article's text as HTML with its extractions highlighted in place.

Spans may nest or overlap (an entity inside a quote inside an event sentence). The text
is cut at every span boundary and each piece is wrapped in one element per span that
covers it, so the markup is always well formed whatever the overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from warta.record import Analysis

__all__ = ["Mark", "marks_for", "highlight"]


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
        marks.append(Mark(q.start, q.end, f"quote quote-{q.kind}", f"{q.kind} quote · {who}" + (f" · via {q.via}" if q.via else "")))
    for d in a.dates:
        marks.append(Mark(d.start, d.end, "date", f"{d.value} ({d.precision})"))
    for ev in a.events:
        src = ev.source.code if ev.source else "?"
        tgt = ev.target.code if ev.target else "?"
        for s in ev.evidence:
            marks.append(Mark(s.start, s.end, f"event quad{ev.quad_class}", f"CAMEO {ev.cameo} {ev.plover or ''} · {src} → {tgt}", ev.id))
    return [m for m in marks if 0 <= m.start < m.end <= len(a.article.text)]


def highlight(text: str, marks: list[Mark]) -> str:
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        active = [m for m in marks if m.start <= a and b <= m.end]
        # Wider spans outside, so nesting follows containment.
        active.sort(key=lambda m: (m.start - m.end, m.start))
        for m in reversed(active):
            ref = f' data-ref="{escape(m.ref)}"' if m.ref else ""
            piece = f'<mark class="{escape(m.css)}" title="{escape(m.title)}"{ref}>{piece}</mark>'
        out.append(piece)
    return "<p>" + "".join(out) + "</p>"
