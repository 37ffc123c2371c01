"""How an ``Analysis`` looks in a terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from warta.record import Analysis

__all__ = ["render_analysis"]


def render_analysis(a: Analysis, console: Console) -> None:
    art = a.article
    console.rule(f"[bold]{art.title or '(untitled)'}[/bold]  [dim]{art.id}[/dim]")
    facts = [
        ("outlet", art.outlet),
        ("published", f"{art.published.value} ({art.published.how})" if art.published else None),
        ("dateline", f"{art.dateline.text} -> {art.dateline.place}" if art.dateline else None),
        ("credited source", art.credited_source),
        ("editor", art.editor),
        ("authors", ", ".join(art.authors) or None),
        ("url", art.url),
        ("category", f"{a.category.label} ({a.category.score:.2f})" if a.category else None),
        ("tone", f"{a.tone.score:+.2f} {a.tone.label or ''}" if a.tone else None),
        ("size", f"{len(art.paragraphs)} paragraphs, {len(a.sentences)} sentences, {len(art.text)} characters"),
    ]
    for key, value in facts:
        if value:
            console.print(f"[bold]{key:>16}[/bold]  {value}", soft_wrap=True)
    if art.related:
        console.print(f"[bold]{'related':>16}[/bold]  " + " | ".join(r.title for r in art.related), soft_wrap=True)

    if a.entities:
        t = Table("entity", "type", "CAMEO", "country", "role", "mentions", title="Who and where", title_justify="left")
        for e in sorted(a.entities, key=lambda e: -len(e.mentions)):
            role = e.roles[0].text or e.roles[0].title if e.roles else ""
            t.add_row(e.name, e.type, e.cameo or "", e.country or "", role or "", str(len(e.mentions)))
        console.print(t)
    if a.places:
        console.print("[bold]places[/bold]  " + "; ".join(
            f"{p.name} ({p.lat:.2f}, {p.lon:.2f})" if p.lat is not None else p.name for p in a.places
        ), soft_wrap=True)
    if a.quotes:
        console.print("[bold]Who said what[/bold]")
        for q in a.quotes:
            who = q.speaker.text if q.speaker else "?"
            via = f" [dim]via {q.via}[/dim]" if q.via else ""
            console.print(f"  [cyan]{who}[/cyan]{via} [dim]({q.kind})[/dim]: “{_cut(q.text)}”", soft_wrap=True)
    if a.events:
        t = Table("CAMEO", "PLOVER", "source", "target", "date", "flags", "evidence", title="Who did what to whom", title_justify="left")
        for ev in a.events:
            flags = ", ".join(f for f in (("negated" if ev.negated else ""), ev.modality if ev.modality != "asserted" else "") if f)
            evidence = " … ".join(art.text[s.start:s.end] for s in ev.evidence[:2])
            t.add_row(
                ev.cameo, ev.plover or "",
                f"{ev.source.code or '?'} ({ev.source.text})" if ev.source else "",
                f"{ev.target.code or '?'} ({ev.target.text})" if ev.target else "",
                ev.date or "", flags, _cut(evidence, 50),
            )
        console.print(t)
    if a.themes:
        console.print("[bold]themes[/bold]  " + ", ".join(f"{t.id}×{len(t.mentions)}" for t in a.themes), soft_wrap=True)
    if a.dates:
        console.print("[bold]dates[/bold]  " + "; ".join(f"{d.text} = {d.value}" for d in a.dates[:12]), soft_wrap=True)
    if a.amounts:
        console.print("[bold]amounts[/bold]  " + "; ".join(
            f"{m.text} = {m.value:g}{' ' + m.unit if m.unit else ''}{' ' + m.object if m.object else ''}" for m in a.amounts[:12]
        ), soft_wrap=True)


def _cut(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
