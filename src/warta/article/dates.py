"""Date expressions in an article body, resolved to calendar values.

Explicit forms (``Kamis (16/12)``, ``Selasa (21/10/2025)``, ``16 Desember 2021``,
``September 2019``, ``2022``) and relative ones (``kemarin``, ``hari ini``, ``besok``,
``pekan lalu``, ``bulan depan``, ``tahun lalu``, ``akhir pekan``, ``dua hari lalu``, a
weekday such as ``pada hari Selasa``, a month alone such as ``pada Februari``) are found with
compiled patterns and resolved against the publication date (``relative=True`` when the
value depends on it). Without a publication date only self-contained forms are kept.

Decisions (news is written in the past tense about the days around publication):

* a weekday alone is the most recent such day on or before publication, or the next one on
  or after it when its sentence speaks of plans (``akan``, ``berharap``, ``dijadwalkan``,
  ``mendatang`` ...); ``lalu``/``depan`` after it force the direction;
* a month alone is the next such month after publication when its sentence speaks of plans,
  the latest one up to publication when it speaks of the past (``lalu``, ``sejak``,
  ``telah`` ...), else the closest one (ties go to the past);
* a day and month without a year are the closest such date to publication;
* ``akhir pekan`` is reported as the ISO week (precision ``week``) holding that weekend;
* weeks are ISO weeks (``2021-W50``), months ``2022-02``, years ``2022``.

The span of a mention leaves out a leading preposition (``pada``), so ``pada hari Selasa``
gives the mention ``hari Selasa``. dateparser is not used on this path: the news forms are
few and fixed, and a table keeps bare numbers from ever being read as dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from warta.lang.id import alternation, lexicon
from warta.record import Article, DateMention

from ._calendar import (
    DAY_MONTH,
    FULL_MONTHS,
    MONTH_YEAR,
    MONTHS,
    WEEKDAY_NUMERIC,
    WEEKDAYS,
    closest_year,
    infer_year,
    safe_date,
    weekday_after,
    weekday_before,
    year_of,
)
from .numbers import NUMBER_WORDS

__all__ = ["date_spans", "dates_and_spans", "extract_dates"]

_lex = lexicon()


def _words_re(words: Iterable[str]) -> str:
    return r"\b(?:" + alternation(words) + r")\b"


# A sentence speaking of plans or of the past decides which way a lone weekday or month lies.
_FUTURE = re.compile(_words_re(_lex.words("plan_words")), re.IGNORECASE)
_PAST = re.compile(_words_re(_lex.words("past_words")), re.IGNORECASE)
_RELATIVE_DAY = {w: int(n) for w, n in _lex.table("relative_days").items()}
_REL_DAY = re.compile(_words_re(_RELATIVE_DAY), re.IGNORECASE)
_UNITS = _lex.table("time_units")  # "pekan" -> "week"
_WEEK_UNITS = [w for w, unit in _UNITS.items() if unit == "week"]
# Which way a unit lies ("pekan lalu": -1) and after what the word stands: a unit or a
# weekday ("Senin depan"), a count of units ("dua hari lagi"), or both.
_SIGN = {w: int(sign) for w, sign, _after in _lex.rows("time_directions")}
_AFTER_UNIT = [w for w, _sign, after in _lex.rows("time_directions") if after in ("unit", "both")]
_AFTER_COUNT = [w for w, _sign, after in _lex.rows("time_directions") if after in ("count", "both")]
_REL_UNIT = re.compile(
    rf"\b(?P<unit>{alternation(w for w in _UNITS if _UNITS[w] != 'day')})"
    rf"\s+(?P<dir>{alternation(_AFTER_UNIT)})\b",
    re.IGNORECASE,
)
_WEEKEND = re.compile(
    rf"\bakhir\s+(?:{alternation(_WEEK_UNITS)})(?:\s+(?P<dir>{alternation(_AFTER_UNIT)}))?\b",
    re.IGNORECASE,
)
# "dua hari lalu", "sepekan lagi": a count up to ten, in digits or words.
_COUNT_WORDS = [w for w, n in NUMBER_WORDS.items() if n <= 10]
_N_AGO = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{alternation(_COUNT_WORDS)})\s*"
    rf"(?P<unit>{alternation(_UNITS)})\s+(?:yang\s+)?(?P<dir>{alternation(_AFTER_COUNT)})\b",
    re.IGNORECASE,
)
# A weekday alone; capitalised so that "minggu" (week) is not taken for Sunday.
_CAP_WEEKDAYS = alternation(w.capitalize() for w in WEEKDAYS)
_WEEKDAY = re.compile(
    rf"\b(?:(?P<hari>[Hh]ari)\s+)?(?P<wd>{_CAP_WEEKDAYS})\b"
    rf"(?P<dir>\s+(?:{alternation(_AFTER_UNIT)})\b)?"
)
_CAP_MONTHS = alternation(m.capitalize() for m in FULL_MONTHS)
_MONTH_ALONE = re.compile(
    rf"\b(?i:{alternation(_lex.words('month_lead_words'))})\s+"
    rf"(?P<mon>{_CAP_MONTHS})\b(?!\s+(?:19|20)\d\d)"
)
_YEAR = re.compile(
    r"(?<![\d.,/\-])(?<!Rp)(?<!Rp )(?P<y>(?:19[5-9]\d|20[0-4]\d))(?![\d/]|[.,]\d|\s*(?:%|persen\b))"
)
_PREP = re.compile(rf"^(?:{alternation(_lex.words('date_prepositions'))})\s+", re.IGNORECASE)


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _sentence(text: str, start: int, end: int) -> str:
    """The clause that decides the tense of a mention: from the start of its sentence (at
    most 90 characters back) to a few words after it. A cue word further away ("Polisi
    mengatakan pada Senin ... akan ...") belongs to another clause."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    left = max(left, start - 90)
    rights = [i for i in (text.find(c, end) for c in ".!?\n,") if i != -1]
    right = min([*rights, end + 25, len(text)])
    return text[left:right]


def _direction(word: str | None, sentence: str) -> int:
    """-1 past, +1 future, 0 undecided."""
    if word and word.strip().lower() in _SIGN:
        return _SIGN[word.strip().lower()]
    if _FUTURE.search(sentence):
        return 1
    if _PAST.search(sentence):
        return -1
    return 0


Candidate = tuple[int, int, str, str, bool]  # start, end, value, precision, relative


def _day_month(
    m: re.Match, y: int | None, month: int, day: int, ref: date | None
) -> Iterator[Candidate]:
    """A day and month, with the year as written, else the one closest to ``ref``."""
    d = safe_date(y, month, day) if y else closest_year(month, day, ref) if ref else None
    if d:
        yield m.start(), m.end(), d.isoformat(), "day", not y


_Scan = tuple[list[re.Match], list[re.Match], list[re.Match], list[re.Match]]


def _scan(text: str) -> _Scan:
    """The matches of the self-contained forms (weekday with numbers, day and month, month
    and year, year), found once: both the dates and the amounts' date spans read them."""
    return (
        list(WEEKDAY_NUMERIC.finditer(text)),
        list(DAY_MONTH.finditer(text)),
        list(MONTH_YEAR.finditer(text)),
        list(_YEAR.finditer(text)),
    )


def _explicit(text: str, ref: date | None, scan: _Scan) -> Iterator[Candidate]:
    weekday_numeric, day_month, month_year, _ = scan
    for m in weekday_numeric:
        day, month, y = int(m.group("d")), int(m.group("m")), year_of(m.group("y"))
        if y or ref:
            yield from _day_month(m, y, month, day, ref)
        else:
            d = infer_year(WEEKDAYS[m.group("wd").lower()], month, day, date.today())
            if d:
                yield m.start(), m.end(), d.isoformat(), "day", True
    for m in day_month:
        month, day, y = (
            MONTHS[m.group("mon").lower().rstrip(".")],
            int(m.group("d")),
            year_of(m.group("y")),
        )
        yield from _day_month(m, y, month, day, ref)
    for m in month_year:
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        yield m.start(), m.end(), f"{int(m.group('y')):04d}-{month:02d}", "month", False


def _shifted(ref: date, unit: str, k: int) -> tuple[str, str]:
    """The value and precision of ``k`` units ("day", "week", "month", "year") from ``ref``."""
    if unit == "day":
        return (ref + timedelta(days=k)).isoformat(), "day"
    if unit == "week":
        return _iso_week(ref + timedelta(weeks=k)), "week"
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, k)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{ref.year + k:04d}", "year"


def _counted(text: str, ref: date) -> Iterator[Candidate]:
    """ "kemarin", "besok"; "dua hari lalu", "sepekan lagi"; "pekan lalu", "tahun depan"."""
    for m in _REL_DAY.finditer(text):
        d = ref + timedelta(days=_RELATIVE_DAY[m.group(0).lower()])
        yield m.start(), m.end(), d.isoformat(), "day", True
    for m in _N_AGO.finditer(text):
        raw_n = m.group("n").lower()
        n = int(raw_n) if raw_n.isdigit() else NUMBER_WORDS[raw_n]
        sign = _SIGN[m.group("dir").lower()]
        value, precision = _shifted(ref, _UNITS[m.group("unit").lower()], sign * n)
        yield m.start(), m.end(), value, precision, True
    for m in _WEEKEND.finditer(text):
        direction = _direction(m.group("dir"), _sentence(text, m.start(), m.end()))
        monday = ref - timedelta(days=ref.weekday())
        if direction < 0 and (m.group("dir") or ref.weekday() <= 4):
            saturday = monday - timedelta(days=2)
        elif direction > 0 and m.group("dir") and m.group("dir").lower() == "depan":
            saturday = monday + timedelta(days=12)
        else:
            saturday = monday + timedelta(days=5)
        yield m.start(), m.end(), _iso_week(saturday), "week", True
    for m in _REL_UNIT.finditer(text):
        unit, k = _UNITS[m.group("unit").lower()], _SIGN[m.group("dir").lower()]
        value, precision = _shifted(ref, unit, k)
        yield m.start(), m.end(), value, precision, True


def _named(text: str, ref: date) -> Iterator[Candidate]:
    """A weekday or a month named alone ("pada hari Selasa", "sejak Februari")."""
    for m in _WEEKDAY.finditer(text):
        wd_text = m.group("wd")
        # "Minggu" alone is as often "week" as "Sunday": only with "hari" before it.
        if wd_text.lower() == "minggu" and not m.group("hari"):
            continue
        weekday = WEEKDAYS[wd_text.lower()]
        direction = _direction(m.group("dir"), _sentence(text, m.start(), m.end()))
        explicit = m.group("dir") is not None and m.group("dir").strip().lower() != "ini"
        if direction > 0:
            d = weekday_after(ref + timedelta(days=1 if explicit else 0), weekday)
        else:
            d = weekday_before(ref - timedelta(days=1 if explicit else 0), weekday)
        yield m.start(), m.end(), d.isoformat(), "day", True
    for m in _MONTH_ALONE.finditer(text):
        month = MONTHS[m.group("mon").lower()]
        direction = _direction(None, _sentence(text, m.start(), m.end()))
        if direction > 0:
            y = ref.year if month >= ref.month else ref.year + 1
        elif direction < 0:
            y = ref.year if month <= ref.month else ref.year - 1
        else:
            here = ref.year * 12 + ref.month - 1
            y = min(
                (ref.year - 1, ref.year, ref.year + 1),
                key=lambda yy: (abs(yy * 12 + month - 1 - here), yy * 12 + month - 1 > here),
            )
        yield m.start("mon"), m.end("mon"), f"{y:04d}-{month:02d}", "month", True


def _relative(text: str, ref: date) -> Iterator[Candidate]:
    yield from _counted(text, ref)
    yield from _named(text, ref)


def _years(scan: _Scan) -> Iterator[Candidate]:
    for m in scan[3]:
        yield m.start(), m.end(), m.group("y"), "year", False


def _select(cands: Iterator[Candidate], taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    for cand in cands:
        s, e = cand[0], cand[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        yield cand


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of self-contained date expressions (no resolution): used to keep amount
    extraction away from day numbers and years."""
    return _spans(text, _scan(text))


def _spans(text: str, scan: _Scan) -> list[tuple[int, int]]:
    taken: list[tuple[int, int]] = []
    for _ in _select(_explicit(text, date(2000, 1, 1), scan), taken):
        pass
    for _ in _select(_years(scan), taken):
        pass
    return sorted(taken)


def _reference(article: Article) -> date | None:
    if article.published and article.published.value:
        try:
            return date.fromisoformat(article.published.value[:10])
        except ValueError:
            return None
    return None


def extract_dates(article: Article) -> list[DateMention]:
    """Every date expression in ``article.text``, in text order."""
    return _dates(article, _scan(article.text))


def dates_and_spans(article: Article) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """``extract_dates(article)`` and ``date_spans(article.text)`` with one pass of the
    patterns they share (the pipeline needs both: the spans keep amounts off dates)."""
    scan = _scan(article.text)
    return _dates(article, scan), _spans(article.text, scan)


def _dates(article: Article, scan: _Scan) -> list[DateMention]:
    text = article.text
    ref = _reference(article)
    taken: list[tuple[int, int]] = []
    found = list(_select(_explicit(text, ref, scan), taken))
    if ref:
        found += _select(_relative(text, ref), taken)
    found += _select(_years(scan), taken)
    out = []
    for s, e, value, precision, relative in sorted(found):
        prep = _PREP.match(text[s:e])
        if prep:
            s += prep.end()
        out.append(
            DateMention(
                text=text[s:e], start=s, end=e, value=value, precision=precision, relative=relative
            )
        )
    return out
