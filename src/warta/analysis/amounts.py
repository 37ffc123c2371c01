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

from warta.article.dates import date_spans
from warta.article.numbers import NUMBER_WORDS
from warta.record import Amount, Article

__all__ = ["extract_amounts"]

_SCALES = {
    "ribu": 1e3,
    "rb": 1e3,
    "ribuan": None,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "m": 1e9,
    "triliun": 1e12,
    "trilyun": 1e12,
    "t": 1e12,
    "billion": 1e9,
    "million": 1e6,
}
# "satu"/"se" are left out: "salah satu", "satu-satunya" are not counts.
_WORD_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if n > 1}
_WORD_MULT = {"belas": None, "puluh": 10, "ratus": 100}
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
_CURRENCY_AFTER = [
    # Longest first: "dolar Singapura" before "dolar".
    (r"dolar\s+Singapura", "SGD"),
    (r"dolar\s+Australia", "AUD"),
    (r"rupiah", "IDR"),
    (r"dolar\s+(?:AS|Amerika(?:\s+Serikat)?)|dollar\s+(?:AS|Amerika)|dolar|dollar", "USD"),
    (r"euro", "EUR"),
    (r"yen", "JPY"),
    (r"yuan|renminbi", "CNY"),
    (r"ringgit", "MYR"),
    (r"poundsterling|pound", "GBP"),
    (r"won", "KRW"),
    (r"riyal", "SAR"),
]
_UNITS = {
    "persen": "percent",
    "%": "percent",
    "kilogram": "kg",
    "kg": "kg",
    "gram": "g",
    "ton": "t",
    "kilometer": "km",
    "km": "km",
    "meter": "m",
    "hektare": "ha",
    "hektar": "ha",
    "ha": "ha",
    "liter": "l",
    "derajat": "degree",
    "barel": "barrel",
    "mw": "MW",
    "megawatt": "MW",
    "tahun": "year",
    "bulan": "month",
    "hari": "day",
    "jam": "hour",
    "menit": "minute",
    "pekan": "week",
    "minggu": "week",
    "kali": "times",
    "poin": "point",
    "basis poin": "bp",
    "bps": "bp",
    "detik": "second",
    "milimeter": "mm",
    "mm": "mm",
    "sentimeter": "cm",
    "cm": "cm",
    "cc": "cc",
    "inci": "inch",
    "megapiksel": "MP",
    "mp": "MP",
    "miligram": "mg",
    "mg": "mg",
    "mikrogram": "ug",
    "mililiter": "ml",
    "ml": "ml",
    "gb": "GB",
    "mb": "MB",
    "tb": "TB",
    "knot": "knot",
    "kwh": "kWh",
    "gwh": "GWh",
}
_UNIT_RE = "|".join(
    sorted((re.escape(u).replace(r"\ ", r"\s+") for u in _UNITS), key=len, reverse=True)
)
# Classifiers: the counted thing is the next word ("1 unit laptop").
_CLASSIFIERS = {
    "buah",
    "unit",
    "ekor",
    "lembar",
    "biji",
    "butir",
    "batang",
    "helai",
    "potong",
    "pucuk",
}
_NOT_OBJECTS = {
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "pada",
    "untuk",
    "dengan",
    "atau",
    "itu",
    "ini",
    "tersebut",
    "lebih",
    "kurang",
    "sekitar",
    "hingga",
    "sampai",
    "per",
    "dalam",
    "oleh",
    "sebagai",
    "saja",
    "lalu",
    "silam",
    "lagi",
    "mendatang",
    "kemudian",
    "terakhir",
    "pertama",
    "kedua",
    "setiap",
    "juga",
    "pun",
    "akan",
    "telah",
    "sudah",
    "belum",
    "tidak",
    "bukan",
    "adalah",
    "ialah",
    "yakni",
    "yaitu",
    "menjadi",
    "jadi",
    "atas",
    "bawah",
    "antara",
    "melawan",
    "kontra",
    "versus",
    "vs",
    "kata",
    "ujar",
    "tahunan",
    "hal",
    "kali",
    "wib",
    "wita",
    "wit",
    "saat",
    "segitu",
    "sejak",
    "kini",
    "masih",
    "hanya",
    "bagi",
    "tadi",
    "namun",
    "sedangkan",
    "sementara",
    "serta",
    "tetapi",
    "tapi",
    "karena",
    "jika",
    "bila",
    "sekali",
}
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_CUR_BEFORE = "|".join(f"(?:{p})" for p, _ in _CURRENCY_BEFORE)
_CUR_AFTER = "|".join(f"(?:{p})" for p, _ in _CURRENCY_AFTER)
# "jutaan" ("Rp150 jutaan") is an approximate "juta": it still scales.
_SCALE = (
    r"(?:ribu|rb|juta|jt|miliar|milyar|triliun|trilyun|billion|million)(?:an)?|[MT](?![\w.,]\d)"
)
# Case-insensitive words, written as a case-sensitive first letter ([Ll], with the two
# non-ASCII code points re.I also folds to k and s) and a case-insensitive rest: tried at
# every character of the text, the regex engine now rejects them on one class test, which
# made the amounts pattern over twice as fast. No word is a prefix of another, so grouping
# them by first letter matches exactly what "(?i:lebih\s+dari|kurang\s+dari|...)" did.
_QUAL = (
    r"(?:[Ll](?i:ebih\s+dari)|[Kk\u212a](?i:urang\s+dari)"
    r"|[Ss\u017f](?i:ekitar|ekira|ebanyak|etidaknya|edikitnya|ampai)"
    r"|[Hh](?i:ampir|ingga)|[Mm](?i:encapai|inimal|aksimal))"
)
_AMOUNT = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?<![\w/.,\-])(?:(?P<cur>{_CUR_BEFORE})\s?)?"
    rf"(?P<num>{_NUM})(?:\s*(?:-|–|s\.d\.?|sampai)\s*(?P<num2>{_NUM}))?(?![\w/]|[.,]\d)"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?"
    rf"(?:\s*(?P<cur2>{_CUR_AFTER})\b)?"
    rf"(?:\s*(?P<unit>%|(?i:{_UNIT_RE})\b))?"
    rf"(?:\s+(?P<obj>[a-z][a-z\-]+)(?:\s+(?P<obj2>[a-z][a-z\-]+))?)?",
)
_WORDNUM = re.compile(
    r"(?<![\w-])(?P<qual>(?i:lebih\s+dari|sekitar|hampir|sebanyak)\s+)?"
    r"(?P<w>dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu)"
    r"(?:\s+(?P<mult>belas|puluh|ratus))?"
    r"(?:\s+(?P<w2>satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?!\s+(?:belas|puluh|ratus)))?"
    r"(?:\s+(?P<scale>ribu|juta|miliar|triliun))?"
    r"\s+(?P<obj>[a-z][a-z\-]+)(?:\s+(?P<obj2>[a-z][a-z\-]+))?"
)
_BEFORE_SKIP = re.compile(
    r"(?:\b(?:pasal|ayat|nomor|no|nomer|bab|halaman|hal|pukul|jam|tahun|perpres|pp|uu|permen|jalan|jl|rt|rw|lantai|kamar|km|kilometer|gedung|blok|kav|seri|tipe|nomor:)\.?\s*|\bke-|[#@/])$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"^\s*(?:WIB|WITA|WIT|GMT|UTC|pagi|siang|sore|malam)\b")


def _number(raw: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        return float(raw.replace(".", "").replace(",", "."))
    if "," in raw:
        return float(raw.replace(",", "."))
    return float(raw)


def _currency(text: str | None, table: list[tuple[str, str]]) -> str | None:
    if not text:
        return None
    for pattern, code in table:
        if re.fullmatch(pattern, text.strip(), re.IGNORECASE):
            return code
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


def extract_amounts(article: Article, *, dates: list[tuple[int, int]] | None = None
                    ) -> list[Amount]:
    """Numeric amounts in ``article.text``, in text order.

    ``dates`` are ``date_spans(article.text)`` when the caller has them already (see
    :func:`warta.article.dates.dates_and_spans`).
    """
    text = article.text
    if dates is None:
        dates = date_spans(text)
    out: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        num = m.group("num")
        ns, ne = m.start("num"), m.end("num")
        if _inside(dates, ns, ne):
            continue
        before = text[max(0, ns - 12) : ns]
        if m.group("cur") is None and _BEFORE_SKIP.search(before):
            continue
        if re.fullmatch(r"\d{1,2}[.:]\d{2}", num) and (
            _TIME_AFTER.match(text[ne:]) or "pukul" in before.lower()
        ):
            continue
        if num.startswith("0") and len(re.sub(r"\D", "", num)) >= 8:
            continue
        if text[max(0, ns - 1) : ns] == "(" and text[ne : ne + 1] == ")":
            continue  # "(28)": an age or a list number
        value = _number(num)
        if value is None:
            continue
        scale = m.group("scale")
        unit = _currency(m.group("cur"), _CURRENCY_BEFORE) or _currency(
            m.group("cur2"), _CURRENCY_AFTER
        )
        if scale:
            factor = _SCALES.get(
                scale.lower().removesuffix("an") if len(scale) > 3 else scale.lower()
            )
            if factor is None:
                continue
            # "M"/"T" after a number are rupiah shorthands only next to a currency.
            if scale in ("M", "T") and unit is None:
                scale = None
            else:
                value *= factor
        measure = m.group("unit")
        if measure and unit is None:
            unit = _UNITS.get(re.sub(r"\s+", " ", measure.lower()))
        obj = None
        end = m.end("num2") if m.group("num2") else ne
        for g in ("scale", "cur2", "unit"):
            if m.group(g) and (g != "scale" or scale):
                end = max(end, m.end(g))
        if unit is None:  # money and measures count no object
            obj = _object(m.group("obj"), m.group("obj2")) if not measure else None
            if obj:
                end = m.end("obj2") if obj == m.group("obj2") else m.end("obj")
        if unit is None and obj is None and not scale:
            continue
        if unit is None and obj is None and len(num) == 4 and num.isdigit():
            continue
        start = m.start("qual") if m.group("qual") else (m.start("cur") if m.group("cur") else ns)
        out.append(
            Amount(text=text[start:end], start=start, end=end, value=value, unit=unit, object=obj,
                   qualifier=_qualifier(m.group("qual")))
        )
    taken = [(a.start, a.end) for a in out]
    for m in _WORDNUM.finditer(text):
        if _inside(taken, m.start(), m.end()) or _inside(dates, m.start(), m.end()):
            continue
        unit = _UNITS.get(m.group("obj"))
        obj = None if unit else _object(m.group("obj"), m.group("obj2"))
        if unit is None and (
            obj is None or obj in _WORD_MULT or obj in _SCALES or obj in _WORD_NUMBERS
        ):
            continue
        value = float(_WORD_NUMBERS[m.group("w")])
        mult = m.group("mult")
        if mult == "belas":
            value += 10
        elif mult:
            value *= _WORD_MULT[mult]
        if m.group("w2"):
            value += _WORD_NUMBERS.get(m.group("w2"), 1)
        if m.group("scale"):
            value *= _SCALES[m.group("scale")]
        start = m.start("qual") if m.group("qual") else m.start("w")
        end = m.end("obj2") if obj and obj == m.group("obj2") else m.end("obj")
        out.append(
            Amount(text=text[start:end], start=start, end=end, value=value, unit=unit, object=obj,
                   qualifier=_qualifier(m.group("qual")))
        )
    out.sort(key=lambda a: a.start)
    return out
