"""Linking: one knowledge-base entry for each mention that may mean several.

A name the knowledge base lists more than once ("Georgia", "Hassan", "Al-Azhar") is
settled by the label the model gave it, by what the article already named (countries,
entries linked elsewhere) and by who held an office on the publication day. One-word
person aliases ("Putin", "Xi") are kept only with support, and a name standing untagged
after a title and its organisation is read as a person.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from warta.analysis.geocode import pick_place

from .agents import agent_before
from .countries import country_in_name, foreign_institutions
from .mentions import (
    KIND_ORDER,
    KIND_TYPES,
    LABEL_KINDS,
    Context,
    Found,
    Mention,
    alpha3,
    overlapping,
)
from .names import bare, name_like, name_word
from .title_patterns import AFTER_QUALIFIER
from .titles import title_before
from .words import PLACE_UNIT_WORDS

__all__ = ["keep_supported", "link", "titled_names"]

_MAJOR_PLACES = frozenset({"capital", "province", "region", "sea"})  # not words: KB levels


def _pick_entry(
    m: Mention,
    label: str | None,
    linked: dict[str, int],
    countries: set[str],
    date: str | None,
    kb: Any,
) -> Any:
    cands = m.cands
    if label in LABEL_KINDS:
        fit = [c for c in cands if c.kind in LABEL_KINDS[label]]
        if label == "PER" and not fit:
            # The model's PER on a name the KB knows only as a country, an organisation or
            # a capital or province is more likely the model's slip; a town's name may
            # well be a person's name.
            fit = [
                c
                for c in cands
                if c.kind in ("country", "igo", "org")
                or (c.kind == "place" and (c.extra or {}).get("level") in _MAJOR_PLACES)
            ]
            if not fit:
                return None
        cands = fit or cands
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None

    def score(e: Any) -> tuple:
        role_ok = bool(date and e.kind == "person" and kb.role_on(e.id, date))
        return (
            -linked.get(e.id, 0),
            -(e.country in countries),
            -role_ok,
            KIND_ORDER.get(e.kind, 9),
        )

    if cands[0].kind == "place" and all(c.kind == "place" for c in cands):
        return pick_place(cands, countries, prefer=linked)
    return min(cands, key=score)


def link(ctx: Context, found: Found) -> tuple[list[Mention], set[str], dict[str, int]]:
    """Choose an entry for every KB match; returns the linked matches, the countries the
    article names and the entries already linked (both context for later choices)."""
    kbm = sorted(
        [m for m in ctx.kb_matches if id(m) not in found.dropped] + found.looked_up,
        key=lambda m: m.start,
    )
    countries = {
        alpha3(m.cands[0]) for m in kbm if len(m.cands) == 1 and m.cands[0].kind == "country"
    }
    countries.discard(None)
    linked: dict[str, int] = {}
    for m in kbm:
        if m.entry is not None:
            linked[m.entry.id] = linked.get(m.entry.id, 0) + (m.end - m.start)
    for m in kbm:
        if m.entry is None or (m.label == "PER" and m.entry.kind != "person"):
            m.entry = _pick_entry(m, m.label, linked, countries, ctx.date, ctx.kb)
        if m.entry is None and m.from_ner:
            found.mentions.append(
                Mention(
                    m.start,
                    m.end,
                    label=m.label,
                    from_ner=True,
                    roles=m.roles,
                    country=m.country,
                    sector=m.sector,
                )
            )
    kbm = [m for m in kbm if m.entry is not None and not country_in_name(ctx.text, m)]
    return foreign_institutions(ctx, found, kbm), countries, linked


def _local_name_words(ctx: Context, found: Found) -> set[str]:
    """The words of the unknown people's full names the article writes."""
    out: set[str] = set()
    for x in found.mentions:
        words = ctx.text[x.start : x.end].split() if x.label == "PER" and x.entry is None else []
        if len(words) > 1:
            out.update(words)
            out.update(bare(w) for w in words)
    return out


def keep_supported(ctx: Context, found: Found, kbm: list[Mention]) -> None:
    """Keep the linked matches, except one-word person aliases without support."""
    text = ctx.text
    # A one-word person alias ("Putin", "Xi") is trusted only with support: the model
    # tagged it, the full name is in the article, or a title or agent word stands before.
    full_names = {
        m.entry.id for m in kbm if m.entry.kind == "person" and " " in text[m.start : m.end].strip()
    }
    # A one-word alias that is also part of an unknown person's full name in this article
    # ("Halimah" after "Rina Halimah") is that person, not the KB's namesake.
    local_tokens = _local_name_words(ctx, found)
    for m in kbm:
        surface = text[m.start : m.end].strip()
        one_word_person = (
            m.entry.kind == "person" and " " not in surface and m.entry.id not in full_names
        )
        if one_word_person and surface in local_tokens:
            found.mentions.append(
                Mention(
                    m.start,
                    m.end,
                    label="PER",
                    from_ner=m.from_ner,
                    roles=m.roles,
                    country=m.country,
                    sector=m.sector,
                )
            )
            continue
        if (
            one_word_person
            and not m.from_ner
            and title_before(ctx, m.start) is None
            and agent_before(ctx, m.start) is None
        ):
            continue
        m.label = m.label or KIND_TYPES.get(m.entry.kind, "ORG")
        found.mentions.append(m)


def _looks_like_name(words: list[str], ctx: Context) -> bool:
    """The first word decides (a place word, an ordinary word, or a short all-caps name
    such as "IGN" with more words after it); the words after it need only look like
    names ("Jaya Negara")."""
    first = words[0]
    return (
        (name_like(first, ctx) or (first.isupper() and 2 <= len(first) <= 4 and len(words) > 1))
        and first.lower() not in PLACE_UNIT_WORDS
        and all(name_word(w) for w in words[1:])
    )


def titled_names(ctx: Context, found: Found) -> None:
    """A name the model did not tag, standing after a title and the organisation or place
    that qualifies it: "Wali Kota Denpasar [IGN Jaya Negara] berharap", "Direktur PT X
    (PGB) [Mustika Aji]", "Direktur ... Kementerian ESDM, [Ma'mun],". Its words must look
    like a name (capitalised, not ordinary words the article writes in lower case, not
    titles), and a title must stand before it."""
    text = ctx.text
    taken = sorted((m.start, m.end) for m in found.mentions if m.start >= 0)
    starts = [t[0] for t in taken]
    new = []
    for m in found.mentions:
        if m.label == "PER" or m.start < 0:
            continue
        g = AFTER_QUALIFIER.match(text, m.end)
        if g is None:
            continue
        s, e = g.start(1), g.end(1)
        if not _looks_like_name(text[s:e].split(), ctx):
            continue
        i = bisect_left(starts, s)
        if (
            any(a < e and b > s for a, b in taken[max(0, i - 1) : i + 2])
            or overlapping(ctx, s, e)
            or title_before(ctx, s) is None
        ):
            continue
        new.append(Mention(s, e, label="PER", from_ner=False))
    found.mentions.extend(new)
