"""Office titles around person names, read as :class:`~warta.record.Role`\\ s.

A title before a name ("Presiden Rusia Vladimir Putin", "Wakil Menteri Luar Negeri AM
Fachir"), at the start of a span the model labelled PER, or in apposition after it ("Yuri
Ushakov, seorang ajudan Kremlin,") gives the person a role, often a country and the sector
the title implies (``TITLE_SECTORS``, from ``knowledge/sources/agents.txt``).
"""

from __future__ import annotations

import re
from typing import Any

from warta.lang.id import HOME_COUNTRY
from warta.record import Role

from .countries import generic
from .mentions import Context, Mention, agent_sector, alpha3, overlapping
from .title_patterns import (
    APPOSITIVE,
    LEFT_TITLE,
    PREFIX_TAIL,
    PREV_WORD,
    SENTENCE_START,
    SPAN_TITLE,
)
from .words import (
    HOME_OFFICE_TITLES,
    INDONESIAN_OFFICE_TITLES,
    NOT_CURRENT_PREFIXES,
    OFFICE_WORDS,
    PORTFOLIO_WORDS,
    TITLE_SECTORS,
)

__all__ = [
    "RoleInfo",
    "add_role",
    "read_roles",
    "split_span_title",
    "title_after",
    "title_before",
]

_WINDOW = 120  # characters looked at before a name for its title
_WS = re.compile(r"\s+")

# A role read from a title, with the country and the sector it gives the person.
RoleInfo = tuple[Role, str | None, str | None]


def _qualifier(
    ctx: Context, start: int, end: int, allow_person: bool = True
) -> tuple[str | None, str | None, Any, int] | None:
    """Read the organisation or country named in ``text[start:end]`` (a title's tail).

    The first one named wins ("Duta Besar Rusia untuk AS": Russia's ambassador); a
    person may stand there too ("penasihat Rouhani"). An Indonesian institution named
    generically in an article about somewhere else is skipped ("Juru Bicara Kementerian
    Luar Negeri Iran"). Returns (org_or_country, country, entry, where it begins)."""
    text = ctx.text
    inside = [m for m in overlapping(ctx, start, end) if m.start >= start and m.end <= end]
    if not allow_person and any(c.kind == "person" for m in inside for c in m.cands[:1]):
        return None  # "Presiden Jokowi dan [Pratikno]": the title is Jokowi's
    person = None
    for m in inside:
        ent = m.entry or (m.cands[0] if m.cands else None)
        if ent is None:
            continue
        if ent.kind == "person":
            person = person or (text[m.start : m.end], alpha3(ent), ent, m.start)
            continue
        if ent.kind == "country":
            code = alpha3(ent)
            return code, code, ent, m.start
        if ctx.foreign and ent.country == HOME_COUNTRY and generic(text[m.start : m.end]):
            continue
        return text[m.start : m.end], alpha3(ent), ent, m.start
    if person is not None:
        return person
    return None, None, None, end


def _title_sector(ctx: Context, base_key: str, full_key: str, ent: Any, qual: str) -> str | None:
    """The sector a title gives: its own, else its office's ("Juru Bicara Kemlu")."""
    sector = TITLE_SECTORS.get(full_key) or TITLE_SECTORS.get(base_key)
    if sector is None and ent is not None and ent.cameo and len(ent.cameo) >= 6:
        sector = ent.cameo[3:6]  # "Juru Bicara Kemlu": the office's own sector
    if sector is None:
        # "Direktur Departemen ...", "Juru Bicara Kementerian ...": the office's word.
        first = qual.split()[:1]
        if first and first[0].lower() in OFFICE_WORDS:
            sector = agent_sector(ctx.kb, first[0])
    return sector


def _make_role(
    ctx: Context,
    pre: str,
    base: str,
    qual_start: int,
    qual_end: int,
    title_start: int,
    allow_person: bool = True,
) -> RoleInfo | None:
    """Build a Role from a title found at ``title_start``; returns (role, country, sector),
    or None when the title turns out to belong to someone else."""
    text = ctx.text
    found = _qualifier(ctx, qual_start, qual_end, allow_person)
    if found is None:
        return None
    org, country, ent, org_start = found
    title = _WS.sub(" ", (pre + base + text[qual_start:org_start]).strip())
    role = Role(
        title=title, org_or_country=org, text=_WS.sub(" ", text[title_start:qual_end].strip())
    )
    base_key = _WS.sub(" ", base.lower())
    full_key = _WS.sub(" ", (base + text[qual_start:org_start]).strip().lower())
    sector = _title_sector(ctx, base_key, full_key, ent, text[qual_start:qual_end])
    if any(pre.lower().startswith(p) for p in NOT_CURRENT_PREFIXES):
        sector = None
    keys = (base_key, full_key)
    if country is None and (
        any(k in INDONESIAN_OFFICE_TITLES for k in keys)
        or (not ctx.foreign and org is None and any(k in HOME_OFFICE_TITLES for k in keys))
    ):
        # An office named without a country is Indonesian in an Indonesian outlet's
        # article about Indonesia ("Wakil Menteri Luar Negeri AM Fachir"); in an article
        # naming nothing Indonesian it stays unknown ("Menteri Keuangan Steven Mnuchin").
        country = HOME_COUNTRY
    return role, country, sector


def title_before(ctx: Context, start: int) -> tuple[Role, str | None, str | None, int] | None:
    """The title written right before ``text[start:]``: (role, country, sector, where the
    title starts), or None."""
    lo = max(0, start - _WINDOW)
    window = ctx.text[lo:start]
    m = LEFT_TITLE.match(window)
    if m is None:
        return None
    title_start = lo + m.start("base")
    base_end = lo + m.end("base")
    # The nearest title may be the tail of a longer one ("Perdana [Menteri]").
    while True:
        pw = PREV_WORD.search(ctx.text, lo, title_start)
        if (
            pw is None
            or _WS.sub(" ", ctx.text[pw.start(1) : base_end].lower()) not in TITLE_SECTORS
        ):
            break
        title_start = pw.start(1)
    base = ctx.text[title_start:base_end]
    pre = ""
    p = PREFIX_TAIL.search(ctx.text, lo, title_start)
    if p is not None:
        pre = ctx.text[p.start() : title_start]
        title_start = p.start()
    # A title word inside a capitalised name ("PT Gunung [Raja] Paksi") is no title: a
    # title follows a lower-case word, punctuation or the start of a sentence.
    pw = PREV_WORD.search(ctx.text, max(0, title_start - 40), title_start)
    if (
        pw is not None
        and pw.group(1)[:1].isupper()
        and not SENTENCE_START.search(ctx.text, max(0, pw.start(1) - 3), pw.start(1))
    ):
        return None
    made = _make_role(
        ctx, pre, base, lo + m.start("qual"), lo + m.end("qual"), title_start, allow_person=False
    )
    if made is None:
        return None
    role, country, sector = made
    return role, country, sector, title_start


def title_after(ctx: Context, end: int) -> RoleInfo | None:
    """An apposition after a name that names the office ("X, seorang ajudan Kremlin,")."""
    m = APPOSITIVE.match(ctx.text, end, min(len(ctx.text), end + _WINDOW))
    if m is None:
        return None
    return _make_role(
        ctx, m.group("pre"), m.group("base"), m.start("qual"), m.end("qual"), m.start("pre")
    )


def _name_after_title(ctx: Context, pos: int, end: int) -> int:
    """Where a name starts after a title's end at ``pos``: past the portfolio words and
    any country or organisation named ("Menteri Luar Negeri Rusia [Sergei Lavrov]")."""
    text = ctx.text
    inner = [
        km
        for km in overlapping(ctx, pos, end)
        if km.start >= pos and km.end <= end and any(c.kind != "person" for c in km.cands)
    ]
    while True:
        ws = re.match(r"\s+", text[pos:end])
        if ws is None:
            break
        q = pos + ws.end()
        km = next((k for k in inner if k.start == q), None)
        if km is not None:
            pos = km.end
            continue
        word = re.match(r"[\w.\-]+", text[q:end])
        if word is None or word.group(0).lower() not in PORTFOLIO_WORDS:
            break
        pos = q + word.end()
    ws = re.match(r"\s+", text[pos:end])
    return pos + (ws.end() if ws else 0)


def split_span_title(ctx: Context, start: int, end: int) -> tuple[int, RoleInfo | None]:
    """For a PER span that starts with a title, find where the name begins."""
    m = SPAN_TITLE.match(ctx.text, start, end)
    if m is None:
        return start, None
    # The name is the last KB person match inside the span, if any ...
    name_start = None
    for km in overlapping(ctx, m.end(), end):
        ent = km.entry or (km.cands[0] if km.cands else None)
        if km.start >= m.end() and km.end <= end and ent is not None and ent.kind == "person":
            name_start = km.start
    if name_start is None:
        # ... else what follows the title's portfolio words and any country/org named.
        name_start = _name_after_title(ctx, m.end(), end)
    if name_start >= end:
        return end, None  # nothing but the title and its country or organisation
    made = _make_role(ctx, m.group("pre"), m.group("base"), m.end(), name_start, start)
    return name_start, made


def add_role(m: Mention, info: RoleInfo) -> None:
    """Give ``m`` a role (once) and the country and sector it implies, unless known."""
    role, country, sector = info
    if all(
        r.title.lower() != role.title.lower() or r.org_or_country != role.org_or_country
        for r in m.roles
    ):
        m.roles.append(role)
    m.country = m.country or country
    m.sector = m.sector or sector


def read_roles(ctx: Context, m: Mention) -> None:
    """Titles before a person's name and in apposition after it."""
    if not m.roles:
        found = title_before(ctx, m.start)
        if found is not None:
            role, country, sector, _ = found
            add_role(m, (role, country, sector))
    found_after = title_after(ctx, m.end)
    if found_after is not None:
        add_role(m, found_after)
