"""``warta analyze`` and ``warta ingest``: analyse documents, print or store them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Annotated

import typer

from warta.cli.common import (
    DbOption,
    JsonOption,
    PathsArgument,
    open_cli_store,
    out,
    print_error,
    print_json,
    print_json_line,
    targets,
)
from warta.errors import WartaError
from warta.record import Analysis

__all__ = ["analyze", "ingest"]


def analyze(
    paths: PathsArgument = None,
    json_: JsonOption = False,
    sample: Annotated[
        bool, typer.Option("--sample", help="Analyse the bundled sample article.")
    ] = False,
) -> None:
    """Analyse documents and print what warta found (nothing is stored).

    With --json: one JSON document for one input document, JSON Lines (one record per
    line) for several.
    """
    from warta.pipeline import analyze_documents
    from warta.render import render_analysis
    from warta.sources import iter_documents

    results, several = _peek_several(analyze_documents(iter_documents(targets(paths, sample))))
    failed = 0
    for result in results:
        if isinstance(result, WartaError):
            failed += 1
            print_error(result)
        elif not json_:
            render_analysis(result, out)
        elif several:
            print_json_line(result.to_dict())
        else:
            print_json(result.to_dict())
    if failed:
        raise typer.Exit(1)


def _peek_several(
    results: Iterable[Analysis | WartaError],
) -> tuple[Iterator[Analysis | WartaError], bool]:
    """The same results, and whether there are more than one (failures count: they are
    documents too)."""
    results = iter(results)
    head = list(islice(results, 2))
    return chain(head, results), len(head) > 1


def ingest(
    paths: PathsArgument = None,
    db: DbOption = None,
    sample: Annotated[
        bool, typer.Option("--sample", help="Ingest the bundled sample article.")
    ] = False,
    show: Annotated[
        bool, typer.Option("--show/--no-show", help="Print a summary of a single ingested article.")
    ] = True,
) -> None:
    """Analyse documents and store them (re-ingesting an article updates it)."""
    from warta.ingest import ingest_paths
    from warta.render import render_analysis

    inputs = targets(paths, sample)
    with open_cli_store(db) as store:
        report = ingest_paths(store, inputs, on_error=print_error)
        if show and report.stored == 1 and report.last is not None:
            render_analysis(report.last, out)
        out.print(
            f"{report.stored} stored ({report.created} new, {report.updated} updated), "
            f"{report.failed} failed, {report.seconds:.1f} s -> {store.path}",
            soft_wrap=True,
        )
    if report.failed:
        raise typer.Exit(1)
