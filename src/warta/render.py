"""How an ``Analysis`` looks in a terminal (rich).

Everything shown comes from articles, so nothing here is rich markup: each line is a
``rich.text.Text`` built from (text, style) parts, which rich never parses for markup
or emoji codes, whatever the console's settings. A title such as ``Heboh [/video]`` or a
quote containing ``:fire:`` prints as written.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from warta.record import Amount, Analysis, Article

__all__ = ["render_analysis"]

_LABEL_WIDTH = 16


def render_analysis(a: Analysis, console: Console) -> None:
    """Print a readable summary of ``a``: facts, entities, quotes, events, themes, dates."""
    art = a.article
    console.rule(Text.assemble((art.title or "(untitled)", "bold"), "  ", (art.id, "dim")))
    for key, value in _facts(a):
        if value:
            console.print(
                Text.assemble((f"{key:>{_LABEL_WIDTH}}", "bold"), "  ", value), soft_wrap=True
            )
    _entities(a, console)
    if a.places:
        places = "; ".join(
            f"{p.name} ({p.lat:.2f}, {p.lon:.2f})"
            if p.lat is not None and p.lon is not None
            else p.name
            for p in a.places
        )
        _labelled(console, "places", places)
    _quotes(a, console)
    _events(a, console)
    if a.themes:
        _labelled(console, "themes", ", ".join(f"{t.id}×{len(t.mentions)}" for t in a.themes))
    if a.dates:
        _labelled(console, "dates", "; ".join(f"{d.text} = {d.value}" for d in a.dates[:12]))
    if a.amounts:
        _labelled(console, "amounts", "; ".join(_amount(m) for m in a.amounts[:12]))


def _facts(a: Analysis) -> list[tuple[str, str | None]]:
    art: Article = a.article
    return [
        ("outlet", art.outlet),
        ("published", f"{art.published.value} ({art.published.how})" if art.published else None),
        ("dateline", f"{art.dateline.text} -> {art.dateline.place}" if art.dateline else None),
        ("credited source", art.credited_source),
        ("editor", art.editor),
        ("authors", ", ".join(art.authors) or None),
        ("url", art.url),
        ("category", f"{a.category.label} ({a.category.score:.2f})" if a.category else None),
        ("tone", f"{a.tone.score:+.2f} {a.tone.label or ''}" if a.tone else None),
        (
            "size",
            f"{len(art.paragraphs)} paragraphs, {len(a.sentences)} sentences, {len(art.text)} characters",
        ),
        ("related", " | ".join(r.title for r in art.related) or None),
    ]


def _labelled(console: Console, label: str, value: str) -> None:
    console.print(Text.assemble((label, "bold"), "  ", value), soft_wrap=True)


def _entities(a: Analysis, console: Console) -> None:
    if not a.entities:
        return
    table = Table(
        "entity",
        "type",
        "CAMEO",
        "country",
        "role",
        "mentions",
        title="Who and where",
        title_justify="left",
    )
    for e in sorted(a.entities, key=lambda e: -len(e.mentions)):
        role = (e.roles[0].text or e.roles[0].title) if e.roles else ""
        cells = (e.name, e.type, e.cameo or "", e.country or "", role or "", str(len(e.mentions)))
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)


def _quotes(a: Analysis, console: Console) -> None:
    if not a.quotes:
        return
    console.print(Text("Who said what", style="bold"))
    for q in a.quotes:
        line = Text.assemble("  ", (q.speaker.text if q.speaker else "?", "cyan"))
        if q.via:
            line.append(" ").append(f"via {q.via}", style="dim")
        line.append(" ").append(f"({q.kind})", style="dim")
        line.append(f": “{_cut(q.text)}”")
        console.print(line, soft_wrap=True)


def _events(a: Analysis, console: Console) -> None:
    if not a.events:
        return
    text = a.article.text
    table = Table(
        "CAMEO", "PLOVER", "source", "target", "date", "flags", "evidence",
        title="Who did what to whom", title_justify="left",
    )  # fmt: skip
    for ev in a.events:
        flags = ", ".join(
            f
            for f in (
                "negated" if ev.negated else "",
                ev.modality if ev.modality != "asserted" else "",
            )
            if f
        )
        evidence = " … ".join(text[s.start : s.end] for s in ev.evidence[:2])
        cells = (
            ev.cameo,
            ev.plover or "",
            f"{ev.source.code or '?'} ({ev.source.text})" if ev.source else "",
            f"{ev.target.code or '?'} ({ev.target.text})" if ev.target else "",
            ev.date or "",
            flags,
            _cut(evidence, 50),
        )
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)


def _amount(m: Amount) -> str:
    unit = f" {m.unit}" if m.unit else ""
    what = f" {m.object}" if m.object else ""
    return f"{m.text} = {m.value:g}{unit}{what}"


def _cut(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
