"""Indonesian calendar words and the compiled patterns shared by publication-date and
date-mention extraction."""

from __future__ import annotations

import re
from datetime import date, timedelta

from warta.lang.id import lexicon

MONTHS: dict[str, int] = {k: int(v) for k, v in lexicon().table("month_names").items()}
# Full names only where a month stands alone: "Mar", "Jun" or "Agus" alone are too
# ambiguous. A month's full names are its longest spellings ("agustus"; both "november"
# and "nopember"), which keeps "juni" and "juli" that a length threshold lost.
_LONGEST = {n: max(len(k) for k, v in MONTHS.items() if v == n) for n in set(MONTHS.values())}
FULL_MONTHS = {k: v for k, v in MONTHS.items() if len(k) == _LONGEST[v]}
WEEKDAYS: dict[str, int] = {k: int(v) for k, v in lexicon().table("weekday_names").items()}


def _alt(words: dict[str, int]) -> str:
    # Longest first, so "jumat" is not cut to "jum" and "september" to "sep".
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH_RE = rf"(?:{_alt(MONTHS)})\.?"
FULL_MONTH_RE = rf"(?:{_alt(FULL_MONTHS)})"
WEEKDAY_RE = rf"(?:{_alt(WEEKDAYS)})"

# "Kamis (16/12)", "Selasa (21/10/2025)", "Senin, (9/9/2019)"
WEEKDAY_NUMERIC = re.compile(
    rf"\b(?P<wd>{WEEKDAY_RE})\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
    re.IGNORECASE,
)
# "16 Desember 2021", "Selasa, 17 September 2019", "16 Des", "1 Okt. 2019"
DAY_MONTH = re.compile(
    rf"\b(?:(?P<wd>{WEEKDAY_RE})\s*,?\s*)?(?:tanggal\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{MONTH_RE})(?:\s+(?P<y>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
# "September 2022", "Desember 2021"
MONTH_YEAR = re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


def year_of(y: str | None) -> int | None:
    if not y:
        return None
    n = int(y)
    return n + 2000 if len(y) == 2 else n


def safe_date(y: int, m: int, d: int) -> date | None:
    if not 1900 <= y <= 2100:  # "(16/9/3019)" is a typo, not a date
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def closest_year(month: int, day: int, ref: date) -> date | None:
    """The date with this day and month nearest to ``ref`` (a news "16/12" is near its article)."""
    cands = [safe_date(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)]
    cands = [c for c in cands if c]
    if not cands:
        return None
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref))


def infer_year(weekday: int, month: int, day: int, today: date) -> date | None:
    """The latest date not after ``today`` with this day and month falling on ``weekday``."""
    for y in range(today.year, today.year - 60, -1):
        c = safe_date(y, month, day)
        if c and c <= today and c.weekday() == weekday:
            return c
    return None


def weekday_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.weekday()) % 7)
