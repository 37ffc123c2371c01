"""Amounts in Indonesian news: counts, money and percentages.

``100.000 tentara`` -> 100000 (object ``tentara``), ``Rp 1,5 triliun`` -> 1.5e12 IDR,
``3 persen``/``3%`` -> 3 percent, ``US$ 2 miliar``/``2 miliar dolar AS`` -> 2e9 USD,
``lebih dari 100.000`` (the qualifier stays in the mention's text), ``1,2 juta orang``,
``dua tersangka``. Indonesian numbers use ``.`` for thousands and ``,`` for decimals; a dot
followed by anything but groups of three digits is read as a decimal point (``US$ 2.5``).

Not amounts: dates and years (spans from :func:`warta.article.dates.date_spans`), clock
times (``10.00 WIB``, ``pukul 15.30``), phone-like numbers (a leading 0 and 8+ digits),
article and law numbers (``Pasal 27``, ``Nomor 731``), ages in parentheses (``(28)``),
numbers glued to letters (``G20``, ``COVID-19``), scores and vague words (``ratusan``).
A bare number with neither unit nor object nor scale word is not reported: on its own it
is too often a rank, a level or a code. A range (``20-40 persen``) gives its lower bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.article.dates import date_spans
from warta.article.numbers import NUMBER_WORDS
from warta.lang.id import alternation, lexicon
from warta.record import Amount, Article

__all__ = ["extract_amounts"]

_lex = lexicon()

# Scale words -> factor ("juta" -> 1e6); None for an approximate count ("ribuan").
_SCALES: dict[str, float | None] = {
    w: None if f == "-" else float(f) for w, f in _lex.table("number_scales").items()
}
# "satu"/"se" are left out: "salah satu", "satu-satunya" are not counts.
_WORD_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if n > 1}
# "belas" adds ten ("tiga belas"), "puluh" and "ratus" multiply ("dua puluh"): word ->
# ("+" or "x", n).
_MULTIPLIERS = {w: (op[0], int(op[1:])) for w, op in _lex.table("number_multipliers").items()}
# Currency signs and ISO codes before a number (symbols, not words).
_CURRENCY_BEFORE = [
    (r"Rp\.?", "IDR"),
    (r"IDR", "IDR"),
    (r"US\s?\$|USD|\$", "USD"),
    (r"€|EUR", "EUR"),
    (r"£|GBP", "GBP"),
    (r"¥|JPY", "JPY"),
    (r"RM", "MYR"),
    (r"S\$|SGD", "SGD"),
]
# Currency names after a number, matched as written ("dolar Singapura"), longest first.
_CURRENCY_NAMES = _lex.table("currency_names")
_CURRENCY_BY_NAME = {" ".join(name.lower().split()): code for name, code in _CURRENCY_NAMES.items()}
_UNITS = _lex.table("measure_units")
_UNIT_RE = alternation(_UNITS)
# Classifiers: the counted thing is the next word ("1 unit laptop").
_CLASSIFIERS = _lex.words("numeral_classifiers")
_TIME_ZONES = _lex.words("indonesian_time_zones")
_NOT_OBJECTS = _lex.words("not_counted_words") | _TIME_ZONES
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_CUR_BEFORE = "|".join(f"(?:{p})" for p, _ in _CURRENCY_BEFORE)
_CUR_AFTER = alternation(_CURRENCY_NAMES)
_SCALE_WORDS = [w for w, f in _SCALES.items() if f is not None and len(w) > 1]
# "jutaan" ("Rp150 jutaan") is an approximate "juta": it still scales. "M" and "T" alone
# are rupiah shorthands (read as such only next to a currency).
_SCALE = rf"(?:{alternation(_SCALE_WORDS)})(?:an)?|[MT](?![\w.,]\d)"
# Case-insensitive words, written as a case-sensitive first letter ([Ll], with the
# non-ASCII code points re.I also folds to k and s) and a case-insensitive rest: tried at
# every character of the text, the regex engine now rejects them on one class test, which
# made the amounts pattern over twice as fast than "(?i:lebih\s+dari|kurang\s+dari|...)".
_FOLDS = {"k": "\u212a", "s": "\u017f"}  # Kelvin sign, long s


def _first_letter_groups(words: Iterable[str]) -> str:
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(
        f"[{c.upper()}{c}{_FOLDS.get(c, '')}](?i:{alternation(rests)})"
        for c, rests in sorted(by_first.items())
    )


_QUALIFIERS = _lex.words("amount_qualifiers")
_QUAL = rf"(?:{_first_letter_groups(_QUALIFIERS)})"
_AMOUNT = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?<![\w/.,\-])(?:(?P<cur>{_CUR_BEFORE})\s?)?"
    rf"(?P<num>{_NUM})(?:\s*(?:-|–|s\.d\.?|sampai)\s*(?P<num2>{_NUM}))?(?![\w/]|[.,]\d)"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?"
    rf"(?:\s*(?P<cur2>{_CUR_AFTER})\b)?"
    rf"(?:\s*(?P<unit>%|(?i:{_UNIT_RE})\b))?"
    rf"(?:\s+(?P<obj>[a-z][a-z\-]+)(?:\s+(?P<obj2>[a-z][a-z\-]+))?)?",
)
# Number words: "dua tersangka", "tiga belas orang", "lima ratus ribu warga".
_DIGIT_WORDS = [w for w, n in NUMBER_WORDS.items() if 1 <= n <= 9 and w != "se"]  # free forms
_MULT = alternation(_MULTIPLIERS)
_WORDNUM = re.compile(
    rf"(?<![\w-])(?P<qual>(?i:{alternation(_QUALIFIERS)})\s+)?"
    rf"(?P<w>{alternation(_WORD_NUMBERS)})"
    rf"(?:\s+(?P<mult>{_MULT}))?"
    rf"(?:\s+(?P<w2>{alternation(_DIGIT_WORDS)})(?!\s+(?:{_MULT})))?"
    rf"(?:\s+(?P<scale>{alternation(_SCALE_WORDS)}))?"
    r"\s+(?P<obj>[a-z][a-z\-]+)(?:\s+(?P<obj2>[a-z][a-z\-]+))?"
)
_BEFORE_SKIP = re.compile(
    rf"(?:\b(?:{alternation(_lex.words('number_label_words'))})\.?\s*|\bke-|[#@/])$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(
    rf"^\s*(?:{alternation([z.upper() for z in _TIME_ZONES] + ['GMT', 'UTC'])}"
    rf"|{alternation(_lex.words('day_parts'))})\b"
)


def _number(raw: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        return float(raw.replace(".", "").replace(",", "."))
    if "," in raw:
        return float(raw.replace(",", "."))
    return float(raw)


def _currency(cur: str | None, cur2: str | None) -> str | None:
    """The ISO code of a currency sign before the number or a name after it."""
    if cur:
        for pattern, code in _CURRENCY_BEFORE:
            if re.fullmatch(pattern, cur.strip(), re.IGNORECASE):
                return code
    if cur2:
        return _CURRENCY_BY_NAME.get(" ".join(cur2.lower().split()))
    return None


# Active verbs ("magnitudo 6,2 mengguncang"): what follows the number is not what it counts.
_VERB = re.compile(r"^(?:meng|meny|mem[bp]|men[dcj]|me[lrwy])[a-z]")


def _object(obj: str | None, obj2: str | None) -> str | None:
    if not obj or obj.lower() in _NOT_OBJECTS or obj.lower() in _UNITS or _VERB.match(obj):
        return None
    if obj.lower() in _CLASSIFIERS and obj2 and obj2.lower() not in _NOT_OBJECTS:
        return obj2
    return obj


def _qualifier(raw: str | None) -> str | None:
    return " ".join(raw.lower().split()) if raw else None


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < te and ts < e for ts, te in spans)


def _not_an_amount(text: str, m: re.Match, dates: list[tuple[int, int]]) -> bool:
    """A number that is a date, a label ("Pasal 27"), a clock time, a phone number or an
    age in parentheses."""
    num = m.group("num")
    ns, ne = m.start("num"), m.end("num")
    if _inside(dates, ns, ne):
        return True
    before = text[max(0, ns - 12) : ns]
    if m.group("cur") is None and _BEFORE_SKIP.search(before):
        return True
    if re.fullmatch(r"\d{1,2}[.:]\d{2}", num) and (
        _TIME_AFTER.match(text[ne:]) or "pukul" in before.lower()
    ):
        return True
    if num.startswith("0") and len(re.sub(r"\D", "", num)) >= 8:
        return True
    return text[max(0, ns - 1) : ns] == "(" and text[ne : ne + 1] == ")"  # "(28)": an age


def _numeric(text: str, m: re.Match, dates: list[tuple[int, int]]) -> Amount | None:
    """The amount of one match of the digits pattern, or None."""
    if _not_an_amount(text, m, dates):
        return None
    num = m.group("num")
    value = _number(num)
    if value is None:
        return None
    scale = m.group("scale")
    unit = _currency(m.group("cur"), m.group("cur2"))
    if scale:
        factor = _SCALES.get(scale.lower().removesuffix("an") if len(scale) > 3 else scale.lower())
        if factor is None:
            return None
        # "M"/"T" after a number are rupiah shorthands only next to a currency.
        if scale in ("M", "T") and unit is None:
            scale = None
        else:
            value *= factor
    measure = m.group("unit")
    if measure and unit is None:
        unit = _UNITS.get(re.sub(r"\s+", " ", measure.lower()))
    obj = None
    end = m.end("num2") if m.group("num2") else m.end("num")
    for g in ("scale", "cur2", "unit"):
        if m.group(g) and (g != "scale" or scale):
            end = max(end, m.end(g))
    if unit is None:  # money and measures count no object
        obj = _object(m.group("obj"), m.group("obj2")) if not measure else None
        if obj:
            end = m.end("obj2") if obj == m.group("obj2") else m.end("obj")
    if unit is None and obj is None and (not scale or (len(num) == 4 and num.isdigit())):
        return None
    start = (
        m.start("qual")
        if m.group("qual")
        else (m.start("cur") if m.group("cur") else m.start("num"))
    )
    return Amount(
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        unit=unit,
        object=obj,
        qualifier=_qualifier(m.group("qual")),
    )


def _spelled(text: str, m: re.Match) -> Amount | None:
    """The amount of one match of the number-words pattern ("dua tersangka"), or None."""
    unit = _UNITS.get(m.group("obj"))
    obj = None if unit else _object(m.group("obj"), m.group("obj2"))
    if unit is None and (
        obj is None or obj in _MULTIPLIERS or obj in _SCALES or obj in _WORD_NUMBERS
    ):
        return None
    value = float(_WORD_NUMBERS[m.group("w")])
    mult = m.group("mult")
    if mult:
        op, n = _MULTIPLIERS[mult]
        value = value + n if op == "+" else value * n
    if m.group("w2"):
        value += _WORD_NUMBERS.get(m.group("w2"), 1)
    if m.group("scale"):
        value *= _SCALES[m.group("scale")]
    start = m.start("qual") if m.group("qual") else m.start("w")
    end = m.end("obj2") if obj and obj == m.group("obj2") else m.end("obj")
    return Amount(
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        unit=unit,
        object=obj,
        qualifier=_qualifier(m.group("qual")),
    )


def extract_amounts(
    article: Article, *, dates: list[tuple[int, int]] | None = None
) -> list[Amount]:
    """Numeric amounts in ``article.text``, in text order.

    ``dates`` are ``date_spans(article.text)`` when the caller has them already (see
    :func:`warta.article.dates.dates_and_spans`).
    """
    text = article.text
    if dates is None:
        dates = date_spans(text)
    out = [a for a in (_numeric(text, m, dates) for m in _AMOUNT.finditer(text)) if a]
    taken = [(a.start, a.end) for a in out]
    for m in _WORDNUM.finditer(text):
        if _inside(taken, m.start(), m.end()) or _inside(dates, m.start(), m.end()):
            continue
        amount = _spelled(text, m)
        if amount is not None:
            out.append(amount)
    out.sort(key=lambda a: a.start)
    return out
