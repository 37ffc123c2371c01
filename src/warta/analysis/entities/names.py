"""What a name looks like: tests on words and spans that every resolution step shares.

Indonesian writes names capitalised, but also every sentence's first word, titles,
honorifics, months and days; these tests tell a name's words from those.
"""

from __future__ import annotations

import re

from .mentions import Context, Mention
from .title_patterns import LEAD_WORD
from .words import (
    ADDRESS_WORDS,
    CALENDAR_WORDS,
    HONORIFICS,
    NOT_NAMES,
    OFFICE_WORDS,
    PORTFOLIO_WORDS,
    STOP_WORDS,
    TITLE_SECTORS,
)

__all__ = [
    "ARTICLE_PREFIX",
    "bare",
    "blank_out",
    "common_word",
    "name_like",
    "name_word",
    "named_elsewhere",
    "only_honorifics",
    "same_person",
    "text_gap",
    "tiled",
    "trim",
]

# Arabic articles and Hebrew "ben" glued to a surname: "al-Zaabi", "bin-Salman".
ARTICLE_PREFIX = re.compile(r"^(?:al|el|Al|El|ad|as|ash|at|az|ben|bin)-")
_EDGE = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’)\],.:;]+$")
_PUNCT_ONLY = re.compile(r"^[\W_]*$")


def bare(token: str) -> str:
    """A surname without its Arabic article: "al-Zaabi" -> "Zaabi"."""
    return ARTICLE_PREFIX.sub("", token)


def common_word(text: str, s: int, e: int) -> bool:
    """A lone capitalised word that the same article also writes in lower case ("Bocah",
    "Setiap", "Hotel") is an ordinary word at a sentence start, not a name. Names the KB
    knows are not affected: their KB match covers the span."""
    word = text[s:e]
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    if low in STOP_WORDS:
        return True
    i = text.find(low)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(low)] if i + len(low) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(low, i + 1)
    return False


def name_like(w: str, ctx: Context) -> bool:
    """A capitalised word that may belong to a person's name."""
    low = w.lower()
    if (
        not w[:1].isupper()
        or w.isupper()
        or len(w) < 2
        or low in STOP_WORDS
        or low in TITLE_SECTORS
        or low in ADDRESS_WORDS
        or low in PORTFOLIO_WORDS
        or low in OFFICE_WORDS
        or low in CALENDAR_WORDS
        or w in NOT_NAMES
    ):
        return False
    # Ordinary words the article also writes in lower case ("Bocah", "Hotel").
    return low not in ctx.lower_words


def name_word(w: str) -> bool:
    """A capitalised word that is no stop word, title or date word."""
    low = w.lower()
    return (
        w[:1].isupper()
        and low not in STOP_WORDS
        and low not in TITLE_SECTORS
        and low not in HONORIFICS
        and low not in CALENDAR_WORDS
        and w not in NOT_NAMES
    )


def only_honorifics(prefix: str) -> bool:
    """True when the words before a KB name inside a PER span are honorifics or titles
    ("Ayatollah Ali Khamenei"), not a given name ("Rina Halimah")."""
    words = prefix.replace(".", " ").lower().split()
    return all(w in HONORIFICS or w in TITLE_SECTORS for w in words)


def tiled(rest: str) -> bool:
    """True when what is left of a span, once its known names are removed, is only
    punctuation, titles and honorifics."""
    for w in rest.split():
        w = w.strip(",.;:()\"'“”").lower()
        if (
            w
            and not _PUNCT_ONLY.match(w)
            and w not in HONORIFICS
            and w not in TITLE_SECTORS
            and w not in PORTFOLIO_WORDS
        ):
            return False
    return True


def blank_out(text: str, s: int, e: int, inner: list[Mention]) -> str:
    """``text[s:e]`` with the given matches removed."""
    chars = list(text[s:e])
    for m in inner:
        chars[m.start - s : m.end - s] = " " * (m.end - m.start)
    return "".join(chars)


def same_person(text: str, start: int, km: Mention) -> bool:
    """Whether a KB person alias that ends a PER span names the span's person.

    Yes after honorifics ("Ayatollah Ali Khamenei"), or when the alias is the entry's
    surname and the span's given name starts like the entry's ("Benyamin Netanyahu");
    no when the alias is some namesake's given name ("Rina Halimah", "Halimah Yacob")."""
    prefix = text[start : km.start]
    if only_honorifics(prefix):
        return True
    words = prefix.split()
    for ent in km.cands:
        if ent.kind != "person":
            continue
        parts = ent.name.split()
        if (
            len(parts) > 1
            and parts[-1].lower() == text[km.start : km.end].split()[-1].lower()
            and words
            and words[0][:1].lower() == parts[0][:1].lower()
        ):
            return True
    return False


def named_elsewhere(text: str, s: int, e: int) -> bool:
    """Whether the article also writes ``text[s:e]`` outside this place: a place named
    only inside a person's name is more likely a given name ("Bima Sakti Wijaya")."""
    pat = re.compile(r"(?<![\w\-])" + re.escape(text[s:e]) + r"(?![\w\-])")
    return any(m.start() != s for m in pat.finditer(text))


def text_gap(text: str, a: int, b: int) -> bool:
    """True when something other than spaces lies between ``a`` and ``b``."""
    return bool(text[a:b].strip())


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A model span without edge punctuation, an unclosed parenthesis and a sentence's
    first verb or connective ("Melansir The Hill")."""
    m = _EDGE.search(text, s, e)
    if m is not None and m.end() == e:
        e = m.start()
    while s < e and text[s] in " \"'“”‘’([":
        s += 1
    # "Kementerian Agama (Kemenag": an opened, unclosed parenthesis ends the name.
    paren = text.find("(", s, e)
    if paren > s and text.find(")", paren, e) < 0:
        e = len(text[s:paren].rstrip()) + s
    lead = LEAD_WORD.match(text, s, e)
    if lead is not None:
        s = lead.end()
    return s, e
