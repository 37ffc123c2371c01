"""``warta export``: the store as JSONL, Parquet or GDELT 2.0 tables."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from warta.cli.common import DbOption, open_cli_store, out

__all__ = ["ExportFormat", "export"]


class ExportFormat(StrEnum):
    """The formats of ``warta export --format`` (``warta.export.FORMATS``; a test keeps
    the two equal)."""

    JSONL = "jsonl"
    PARQUET = "parquet"
    GDELT_EVENTS = "gdelt-events"
    GDELT_MENTIONS = "gdelt-mentions"
    GDELT_GKG = "gdelt-gkg"


def export(
    output: Annotated[Path, typer.Argument(dir_okay=False, help="Output file.")],
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="The output format.")
    ] = ExportFormat.JSONL,
    since: Annotated[str | None, typer.Option(help="Published on or after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="Published before (ISO date).")] = None,
    db: DbOption = None,
) -> None:
    """Export stored analyses (JSONL, Parquet, GDELT 2.0 events / mentions / GKG)."""
    from warta.export import export_store

    with open_cli_store(db) as store:
        n = export_store(store, output, format=format.value, since=since, until=until)
    out.print(f"{n} rows -> {output}", soft_wrap=True)
