"""``warta batch`` (many documents in parallel into Parquet) and ``warta load`` (a batch
output into the store)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from warta.cli.common import DbOption, err, open_cli_store, out, print_error

__all__ = ["Engine", "batch", "load"]


class Engine(StrEnum):
    """Where ``warta batch`` runs its workers."""

    LOCAL = "local"  # worker processes on this machine
    RAY = "ray"  # a Ray cluster


def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, directories, WARC archives, JSONL dumps.")
    ],
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out", "-o", file_okay=False, help="Output directory (Parquet datasets + manifest)."
        ),
    ],
    engine: Annotated[Engine, typer.Option(help="local (worker processes) or ray.")] = Engine.LOCAL,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Workers (default: one per core).")
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: start a local Ray).")
    ] = None,
    shard_size: Annotated[
        int, typer.Option(min=1, help="Documents per shard (the unit of resumption).")
    ] = 64,
    lang: Annotated[
        str | None, typer.Option(help="Keep only documents in this language (e.g. id).")
    ] = None,
    site: Annotated[
        list[str] | None, typer.Option(help="Keep only documents from this domain (repeatable).")
    ] = None,
) -> None:
    """Analyse many documents in parallel into Parquet datasets; a rerun resumes."""
    from rich.progress import Progress

    from warta.batch import run_batch

    with Progress(transient=True, console=err) as bar:
        task = bar.add_task("batch", total=None)
        report = run_batch(
            inputs,
            out_dir,
            engine=engine.value,
            workers=workers,
            address=address,
            shard_size=shard_size,
            lang=lang,
            sites=site,
            on_shard=lambda c: bar.advance(task, c["articles"] + c["errors"]),
        )
    for sample in report.error_samples:
        print_error(sample)
    out.print(
        f"{report.articles} articles in {report.shards} shards ({report.resumed} resumed), "
        f"{report.errors} failed, {report.skipped} skipped by language, "
        f"{report.duplicates} near-duplicates, {report.seconds:.1f} s -> {out_dir}",
        soft_wrap=True,
    )
    if report.errors:
        raise typer.Exit(1)


def load(
    directory: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="A warta batch output directory.")
    ],
    db: DbOption = None,
) -> None:
    """Merge a batch output into the store (idempotent)."""
    from warta.batch import load_batch

    with open_cli_store(db) as store:
        report = load_batch(directory, store, on_error=print_error)
        out.print(
            f"{report.loaded} articles loaded, {report.failed} failed -> {store.path} "
            f"({store.count()} in the store)",
            soft_wrap=True,
        )
    if report.failed:
        raise typer.Exit(1)
