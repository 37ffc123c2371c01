"""The parameters the API and the pages share, each validated before it reaches the store.

A date must match ``DATE_PATTERN`` (what the OpenAPI schema declares) and be a real
date: ``2025-02-30`` matches the pattern and is refused with a 400.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Path, Query
from pydantic import AfterValidator

__all__ = [
    "DATE_PATTERN",
    "Code",
    "Date",
    "DocId",
    "EntityKey",
    "Limit",
    "Offset",
    "Quad",
    "Root",
    "Text",
    "real_date",
]

DATE_PATTERN = (
    r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])"
    r"([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?)?)?$"
)


def real_date(value: str | None) -> str | None:
    """``value`` unchanged if it names a day that exists (``YYYY`` and ``YYYY-MM`` always do)."""
    if value is not None and len(value) >= 10:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real date") from None
    return value


Date = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="ISO date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]",
    ),
    AfterValidator(real_date),
]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[str | None, Query(max_length=200)]
Code = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{1,15}$", description="CAMEO actor code or prefix")
]
Root = Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root code, 01-20")]
Quad = Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4")]
# Article ids are 16 hex digits; a unique prefix is enough. "_" and "%" are refused:
# they would be wildcards in the store's prefix lookup.
DocId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9-]+$",
        description="article id or a unique prefix of it",
    ),
]
EntityKey = Annotated[
    str, Path(min_length=1, max_length=200, description="knowledge-base id or entity name")
]
