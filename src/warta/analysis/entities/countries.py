"""Country context: whether an article is about Indonesia, and whose an institution is.

warta reads Indonesian outlets, which name their own country's institutions without the
country ("Kementerian Luar Negeri", "Mahkamah Agung"). In a story about somewhere else the
same words name that country's institution ("Kementerian Luar Negeri Iran"), and a
country's name may be a person's given name ("Kolonel Turki al-Malki").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from warta.lang.id import HOME_COUNTRY, alternation, lexicon

from .mentions import Context, Found, Mention, alpha3

__all__ = ["country_in_name", "foreign_institutions", "generic", "names_home"]

# A rank or title right before a country's name makes it a given name ("Kolonel Turki",
# "Pangeran Turki"): a class of its own, narrower than every rank and honorific.
_GIVEN_NAME_TITLES = lexicon().words("titles_before_given_name")
_TITLE_BEFORE = re.compile(r"(?<![\w\-])(?i:" + alternation(_GIVEN_NAME_TITLES) + r")\s+$")
_ARABIC_NAME_NEXT = re.compile(r"\s+(?:al-|Al-|el-|bin\s|binti\s|ibn\s)")


def names_home(entries: Iterable[Any]) -> bool:
    """Whether any of ``entries`` is an Indonesian country, place or person."""
    return any(
        e.country == HOME_COUNTRY and e.kind in ("country", "place", "person") for e in entries
    )


def generic(surface: str) -> bool:
    """A name any country's institution could bear: several words, no acronym, no
    "Indonesia"/"RI" in it."""
    words = surface.split()
    return len(words) > 1 and not any(
        w.isupper() or w in ("Indonesia", "RI", "Republik") for w in words
    )


def country_in_name(text: str, m: Mention) -> bool:
    """A country's name that is a person's given name: "Kolonel Turki al-Malki"."""
    if m.entry.kind != "country" or m.from_ner:
        return False
    return bool(
        _ARABIC_NAME_NEXT.match(text, m.end)
        or _TITLE_BEFORE.search(text, max(0, m.start - 20), m.start)
    )


def _sector_of(entry: Any) -> str | None:
    """The role part of an entry's CAMEO code ("IDNGOVMIL" -> "GOVMIL")."""
    code = entry.cameo or ""
    return code[3:] or None if len(code) > 3 else None


def foreign_institutions(ctx: Context, found: Found, linked: list[Mention]) -> list[Mention]:
    """An Indonesian institution named generically ("Kementerian Luar Negeri", "Mahkamah
    Agung") is another country's when that country's name follows it ("Kementerian Luar
    Negeri Iran"), or when the article names nothing Indonesian at all: such matches
    become unlinked ORG mentions in ``found``; returns the matches that stay linked."""
    text = ctx.text
    foreign = not names_home(m.entry for m in linked)
    for i, m in enumerate(linked):
        if (
            m.entry.kind != "org"
            or m.entry.country != HOME_COUNTRY
            or not generic(text[m.start : m.end])
        ):
            continue
        nxt = linked[i + 1] if i + 1 < len(linked) else None
        if (
            nxt is not None
            and nxt.entry.kind == "country"
            and nxt.entry.country != HOME_COUNTRY
            and not text[m.end : nxt.start].strip()
        ):
            # The office's sector is its Indonesian counterpart's: Kemlu IDNGOV -> IRNGOV.
            code = alpha3(nxt.entry)
            found.mentions.append(
                Mention(
                    m.start,
                    nxt.end,
                    label="ORG",
                    from_ner=m.from_ner,
                    country=code,
                    sector=_sector_of(m.entry),
                )
            )
            m.entry = None
        elif foreign:
            found.mentions.append(Mention(m.start, m.end, label="ORG", from_ner=m.from_ner))
            m.entry = None
    return [m for m in linked if m.entry is not None]
