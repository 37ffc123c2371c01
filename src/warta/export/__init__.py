"""Exports of stored analyses: JSONL, Parquet and GDELT 2.0 (events, mentions, GKG).

Every writer goes to a temporary file beside the target and renames it into place when
done, so an interrupted export never leaves a half-written file under the final name.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from warta.errors import WartaError
from warta.record import Analysis

__all__ = ["FORMATS", "export_analyses", "export_store"]

FORMATS = ("jsonl", "parquet", "gdelt-events", "gdelt-mentions", "gdelt-gkg")


def export_analyses(
    analyses: Iterable[Analysis], path: str | Path, *, format: str = "jsonl"
) -> int:
    """Write ``analyses`` to ``path`` in ``format``; returns the number of rows written."""
    from warta.export import gdelt, tables

    writers = {
        "jsonl": tables.write_jsonl,
        "parquet": tables.write_parquet,
        "gdelt-events": gdelt.write_events,
        "gdelt-mentions": gdelt.write_mentions,
        "gdelt-gkg": gdelt.write_gkg,
    }
    if format not in writers:
        raise WartaError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    return writers[format](analyses, Path(path))


def export_store(
    store,
    path: str | Path,
    *,
    format: str = "jsonl",
    since: str | None = None,
    until: str | None = None,
) -> int:
    """Export every stored analysis (optionally within a publication-date range)."""
    return export_analyses(store.iter_analyses(since=since, until=until), path, format=format)
