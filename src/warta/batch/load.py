"""``load_batch``: merge a batch output into a store, one record at a time.

A batch output is files on disk that anyone (another warta version, a script, a broken
disk) may have changed, so every record is checked against the record model before it
reaches the store. A record that is not valid JSON or not a valid ``Analysis``, and a part
file that cannot be read, is reported as one ``MalformedDocument`` naming the file and the
row (``…/part-000003.parquet#7``, rows counted from 1); every other record is stored.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warta.errors import MalformedDocument, StoreError, WartaError

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from warta.record import Analysis
    from warta.store import Store

__all__ = ["LoadReport", "load_batch"]


@dataclass(slots=True)
class LoadReport:
    loaded: int = 0
    failed: int = 0  # bad records, part files that cannot be read, records the store refused
    seconds: float = 0.0


def load_batch(
    out: str | Path,
    store: Store,
    *,
    on_article: Callable[[], None] | None = None,
    on_error: Callable[[WartaError], None] | None = None,
) -> LoadReport:
    """Store every article of a batch output (idempotent: reloading updates).

    Raises ``WartaError`` only when ``out`` is not a batch output at all; a bad record or
    part file is passed to ``on_error`` and counted in ``LoadReport.failed``.
    """
    out = Path(out)
    if not (out / "articles").is_dir():
        raise WartaError(f"{out} is not a warta batch output (no articles/ folder)")
    report = LoadReport()
    started = time.perf_counter()
    parts = sorted(
        (out / "articles").glob("date=*/part-*.parquet"), key=lambda p: (p.name, p.parent.name)
    )
    for part in parts:
        for item in _records(part):
            if isinstance(item, WartaError):
                report.failed += 1
                if on_error is not None:
                    on_error(item)
                continue
            try:
                store.put(item)
            except StoreError as exc:
                report.failed += 1
                if on_error is not None:
                    on_error(exc)
                continue
            report.loaded += 1
            if on_article is not None:
                on_article()
    report.seconds = time.perf_counter() - started
    return report


def _records(part: Path) -> Iterator[Analysis | MalformedDocument]:
    """The records of one part file, or the reason each cannot be loaded."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = 0
    try:
        file = pq.ParquetFile(part)
        if "record" not in file.schema_arrow.names:
            yield MalformedDocument("this Parquet file has no 'record' column", doc=str(part))
            return
        batches = file.iter_batches(columns=["record"], batch_size=256)
        while (batch := next(batches, None)) is not None:
            values = batch.column(0).to_pylist()
            for value in values:
                row += 1
                yield _record(value, name=f"{part}#{row}")
    except (OSError, pa.ArrowException) as exc:  # not Parquet, or cut short
        where = f" after row {row}" if row else ""
        yield MalformedDocument(
            f"cannot read this Parquet file{where} ({_one_line(exc)})", doc=str(part)
        )


def _record(value: Any, *, name: str) -> Analysis | MalformedDocument:
    from pydantic import ValidationError

    from warta.record import Analysis

    if not isinstance(value, str):
        return MalformedDocument(f"the record is {type(value).__name__}, not JSON text", doc=name)
    try:
        data = json.loads(value)
    except ValueError as exc:
        return MalformedDocument(f"the record is not valid JSON ({exc})", doc=name)
    try:
        _validator().validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "record"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return MalformedDocument(f"not a warta record: {where}: {first['msg']}{more}", doc=name)
    return Analysis.from_dict(data)


@lru_cache(maxsize=1)
def _validator() -> TypeAdapter:
    """Checks a record dict against every field type of ``warta.record.Analysis``."""
    from pydantic import TypeAdapter

    from warta.record import Analysis

    return TypeAdapter(Analysis)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
