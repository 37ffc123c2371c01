"""JSONL (one Analysis record per line) and Parquet (one row per article)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from warta.export.atomic import atomic_path
from warta.record import Analysis

__all__ = ["write_jsonl", "write_parquet"]


def write_jsonl(analyses: Iterable[Analysis], path: Path) -> int:
    n = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for a in analyses:
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def write_parquet(analyses: Iterable[Analysis], path: Path) -> int:
    """One row per article: article fields as columns, extractions as nested lists.

    Nested columns keep their structure (lists of structs) so that DuckDB, pandas and
    Spark can unnest them; if Arrow cannot unify a column's types across rows, that
    column is written as JSON text instead of failing the export.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for a in analyses:
        d = a.to_dict()
        art = d.pop("article")
        published = art.pop("published") or {}
        dateline = art.pop("dateline") or {}
        row = {
            **{k: v for k, v in art.items() if k not in ("paragraphs",)},
            "published": published.get("value"),
            "published_how": published.get("how"),
            "dateline": dateline.get("text"),
            "dateline_place": dateline.get("place"),
            "schema": d.pop("schema"),
            "tone_score": (d.get("tone") or {}).get("score"),
            "category": (d.pop("category") or {}).get("label"),
            **d,
        }
        rows.append(row)
    columns: dict[str, list] = {
        k: [r.get(k) for r in rows] for k in (rows[0] if rows else {"id": None})
    }
    arrays = {}
    for name, values in columns.items():
        try:
            arrays[name] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrays[name] = pa.array(
                [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
            )
    table = pa.table(arrays) if rows else pa.table({"id": pa.array([], pa.string())})
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)
    return len(rows)
