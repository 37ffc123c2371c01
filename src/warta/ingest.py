"""Ingest: read documents, analyse them and store each one in its own transaction."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from warta.errors import WartaError
from warta.pipeline import analyze_documents
from warta.record import Analysis
from warta.sources import iter_documents
from warta.store import Store

__all__ = ["IngestReport", "ingest_paths"]


@dataclass(slots=True)
class IngestReport:
    created: int = 0
    updated: int = 0
    failed: int = 0
    seconds: float = 0.0
    last: Analysis | None = None

    @property
    def stored(self) -> int:
        return self.created + self.updated


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    on_error: Callable[[WartaError], None] | None = None,
    progress: bool | None = None,
) -> IngestReport:
    """Analyse and store every document under ``paths``; failures are reported, not fatal.

    A progress bar is shown on a terminal once a second document arrives (``progress``
    forces it on or off). Interrupting leaves every stored article complete: a rerun
    stores the rest and only updates what was already there.
    """
    report = IngestReport()
    started = time.perf_counter()
    bar = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        transient=True,
        disable=progress is False,
    )
    task = None
    try:
        for n, result in enumerate(analyze_documents(iter_documents(list(paths))), start=1):
            if n == 2 and progress is not False:
                bar.start()
                task = bar.add_task("ingest", total=None, rate="")
            if isinstance(result, WartaError):
                report.failed += 1
                if on_error is not None:
                    on_error(result)
            else:
                try:
                    _, created = store.put(result)
                except WartaError as exc:
                    report.failed += 1
                    if on_error is not None:
                        on_error(exc)
                else:
                    report.created += created
                    report.updated += not created
                    report.last = result
            if task is not None:
                elapsed = time.perf_counter() - started
                bar.update(task, completed=n, rate=f"{n / elapsed:.1f} docs/s")
    finally:
        bar.stop()
        report.seconds = time.perf_counter() - started
    return report
