"""Reading the store: ``warta search``, ``show``, ``quotes`` and ``tone``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.text import Text

from warta.cli.common import DbOption, JsonOption, open_cli_store, out, print_json
from warta.errors import WartaError

__all__ = ["Period", "quotes", "search", "show", "tone"]

SinceOption = Annotated[str | None, typer.Option(help="Published on or after (ISO date).")]
UntilOption = Annotated[str | None, typer.Option(help="Published before (ISO date).")]


class Period(StrEnum):
    """The width of a period in ``warta tone --by``."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def search(
    query: Annotated[
        str | None, typer.Argument(help="FTS5 query, e.g. 'sanksi AND Rusia'.")
    ] = None,
    theme: Annotated[str | None, typer.Option(help="Only articles with this theme id.")] = None,
    entity: Annotated[
        str | None,
        typer.Option(help="Only articles mentioning this entity (name, KB id or CAMEO code)."),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Only articles from this outlet.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many articles.")] = 20,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Search stored articles."""
    with open_cli_store(db) as store:
        hits = store.search(
            query, theme=theme, entity=entity, outlet=outlet, since=since, until=until, limit=limit
        )
    if json_:
        print_json([h.to_dict() for h in hits])
        return
    if not hits:
        out.print("no match")
    for h in hits:
        head = f"  {h.published or '?':<19}  {h.outlet or '':<10} {h.title or ''}"
        out.print(Text.assemble((h.id, "bold"), head), soft_wrap=True)
        out.print(f"    {h.snippet}", soft_wrap=True)


def show(
    doc_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Show one stored article's analysis."""
    from warta.render import render_analysis

    with open_cli_store(db) as store:
        analysis = store.get(doc_id)
    if analysis is None:
        raise WartaError(f"no stored article with id {doc_id!r}")
    if json_:
        print_json(analysis.to_dict())
    else:
        render_analysis(analysis, out)


def quotes(
    speaker: Annotated[str | None, typer.Option(help="Speaker name (part of it) or KB id.")] = None,
    entity: Annotated[str | None, typer.Option(help="Only quotes that mention this text.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many quotes.")] = 50,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """List stored quotations with their speakers."""
    with open_cli_store(db) as store:
        rows = store.quotes(
            speaker=speaker, mentioning=entity, since=since, until=until, limit=limit
        )
    if json_:
        print_json(rows)
        return
    for r in rows:
        line = Text(r["speaker"] or "(speaker unknown)", style="bold")
        if r["via"]:
            line.append(f" via {r['via']}")
        line.append("  ").append(f"{(r['published'] or '')[:10]} {r['doc_id']}", style="dim")
        out.print(line, soft_wrap=True)
        out.print(f"    “{r['text']}”", soft_wrap=True)


def tone(
    entity: Annotated[str, typer.Argument(help="Entity name, KB id or CAMEO code.")],
    by: Annotated[Period, typer.Option(help="The period to average over.")] = Period.DAY,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Average tone toward an entity over time."""
    with open_cli_store(db) as store:
        rows = store.tone_over_time(entity, by=by.value)
    if json_:
        print_json(rows)
        return
    for r in rows:
        score = r["tone"] if r["tone"] is not None else float("nan")
        out.print(f"{r['period']}  {score:+.3f}  ({r['articles']} articles)")
