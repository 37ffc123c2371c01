"""Reader of the " | "-separated fact tables in src/warta/knowledge/sources/."""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_table", "split_list"]


def read_table(path: Path, ncols: int) -> list[list[str]]:
    """Rows of a table; '#' lines and blank lines are skipped; short rows are padded."""
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > ncols:
            raise SystemExit(f"{path.name}:{lineno}: {len(cells)} fields, expected {ncols}")
        rows.append(cells + [""] * (ncols - len(cells)))
    return rows


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]
