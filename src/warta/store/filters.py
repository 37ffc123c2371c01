"""The checked pieces of the store's WHERE clauses: dates, LIKE patterns, the article
filters. SQL is built from fixed fragments; user values only ever travel as parameters,
and a value that cannot mean anything (an impossible date, an oversized query) is a
``QueryError`` rather than a query that silently matches nothing."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from warta.errors import QueryError

__all__ = [
    "LIKE_ESCAPE",
    "MAX_QUERY_CHARS",
    "article_where",
    "check_date",
    "like_contains",
    "like_prefix",
]

# A search longer than this is not a human query; refusing it keeps FTS5 from
# building enormous query plans.
MAX_QUERY_CHARS = 1000

# The forms the API accepts (web/api.py DATE): YYYY, YYYY-MM, YYYY-MM-DD, optionally
# with a time of day. Stored dates are ISO strings, so these compare as prefixes.
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)?)?")

# Append to a ``LIKE ?`` whose pattern comes from like_prefix / like_contains.
LIKE_ESCAPE = " ESCAPE '\\'"


def check_date(value: str, name: str) -> str:
    """``value`` unchanged if it is a real date (or month, or year), else a ``QueryError``."""
    match = _DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError
        if len(value) <= 7:  # YYYY or YYYY-MM
            date(int(value[:4]), int(value[5:7] or 1), 1)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        raise QueryError(
            f"{name} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD (a real one)"
        ) from None
    return value


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_prefix(value: str) -> str:
    """A LIKE pattern matching strings that start with ``value`` taken literally
    (``_`` and ``%`` are not wildcards); use with ``LIKE_ESCAPE``."""
    return _escape_like(value) + "%"


def like_contains(value: str) -> str:
    """A LIKE pattern matching strings that contain ``value`` taken literally."""
    return "%" + _escape_like(value) + "%"


def article_where(
    *,
    q: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    theme: str | None = None,
    fts_joined: bool = False,
) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for article filters (``d`` is ``documents``).

    With ``fts_joined`` the caller's FROM already joins ``documents_fts`` (for snippets
    and ranking), so the query matches it directly.
    """
    where: list[str] = []
    params: list[Any] = []
    if q:
        if len(q) > MAX_QUERY_CHARS:
            raise QueryError(f"query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
        where.append(
            "documents_fts MATCH ?"
            if fts_joined
            else "d.id IN (SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?)"
        )
        params.append(q)
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if since:
        where.append("d.published >= ?")
        params.append(check_date(since, "since"))
    if until:
        where.append("d.published < ?")
        params.append(check_date(until, "until"))
    if entity:
        where.append(
            "d.id IN (SELECT doc_id FROM entities e"
            " WHERE e.key = ? OR e.name = ? COLLATE NOCASE OR e.cameo = ?)"
        )
        params += [entity, entity, entity]
    if theme:
        where.append("d.id IN (SELECT doc_id FROM themes WHERE theme = ? COLLATE NOCASE)")
        params.append(theme)
    return (" WHERE " + " AND ".join(where)) if where else "", params
