"""The publication date of an article, and how we know it.

In order of trust: the container's metadata, a date in the URL (``/read/2019/09/10/``,
CNN Indonesia's ``/20211216...-``), a full date in the opening paragraphs
(``Selasa (21/10/2025)``), and last a weekday with day and month (``Kamis (16/12)``), whose
year is inferred as the latest one not after ``today`` on which that day is that weekday.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from warta.record import Published

from ._calendar import DAY_MONTH, MONTHS, WEEKDAY_NUMERIC, WEEKDAYS, infer_year, safe_date, year_of

__all__ = ["find_published"]

_URL_YMD = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")
_URL_COMPACT = re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}\b")
# How many opening paragraphs may give the date: later ones talk about other days.
_LEAD_PARAGRAPHS = 4


def _from_metadata(value: str) -> Published | None:
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        try:
            import dateparser  # only for containers that give non-ISO strings

            dt = dateparser.parse(value, languages=["id", "en"])
        except Exception:
            dt = None
        if dt is None:
            return None
    if len(value) <= 10 and "T" not in value and ":" not in value:
        return Published(value=dt.date().isoformat(), precision="day", how="metadata")
    precision = "second" if dt.second or dt.microsecond else "minute"
    return Published(value=dt.isoformat(timespec="seconds"), precision=precision, how="metadata")


def _from_url(url: str) -> Published | None:
    for rx in (_URL_YMD, _URL_COMPACT):
        m = rx.search(url)
        if m:
            d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return Published(value=d.isoformat(), precision="day", how="url")
    return None


def _from_text(paragraphs: list[str], today: date) -> Published | None:
    lead = "\n".join(paragraphs[:_LEAD_PARAGRAPHS])
    found: list[tuple[int, date, str]] = []
    for m in WEEKDAY_NUMERIC.finditer(lead):
        y = year_of(m.group("y"))
        if y:
            d = safe_date(y, int(m.group("m")), int(m.group("d")))
            if d and d <= today:
                found.append((m.start(), d, m.group(0)))
    for m in DAY_MONTH.finditer(lead):
        y = year_of(m.group("y"))
        if y:
            d = safe_date(y, MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
            if d and d <= today:
                found.append((m.start(), d, m.group(0)))
    if found:
        # The article cannot predate what it reports: take the latest date of the lead.
        _, d, text = max(found, key=lambda f: (f[1], -f[0]))
        return Published(value=d.isoformat(), precision="day", how=f"text '{text}'")
    for m in WEEKDAY_NUMERIC.finditer(lead):
        if m.group("y"):
            continue
        weekday = WEEKDAYS[m.group("wd").lower()]
        d = infer_year(weekday, int(m.group("m")), int(m.group("d")), today)
        if d:
            return Published(
                value=d.isoformat(), precision="day", how=f"inferred from '{m.group(0)}'"
            )
    return None


def find_published(
    *, metadata: str | None, url: str | None, paragraphs: list[str], today: date
) -> Published | None:
    """The best-supported publication date, or None."""
    if metadata:
        got = _from_metadata(metadata)
        if got:
            return got
    if url:
        got = _from_url(url)
        if got:
            return got
    return _from_text(paragraphs, today)
