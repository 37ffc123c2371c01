"""Office holders read from titles: a titled person the KB does not know ("Presiden
Mugabe"), a title followed by names no stage tagged ("Perdana Menteri Mahendra Chaudhry"),
and former office holders ("mantan presiden X"), whom CAMEO codes ELI. The titles and
their sectors come from the title column of ``knowledge/sources/agents.txt``."""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors.mention import ActorMention
from warta.analysis.events.actors.words import FORMER_MARKERS, GOV_TITLES, RULER_WORDS
from warta.knowledge import title_sectors

__all__ = ["former", "titled", "untagged_titled"]

# Codes of actors that belong to no one country: never an elite of one.
_NO_COUNTRY = ("IGO", "NGO", "IMG", "MNC")


def titled(doc: Any, a: ActorMention, s0: int, country: str) -> ActorMention:
    """A titled person the KB does not know ("Presiden Mugabe"), read as an office holder
    of the country the sentence is about."""
    if a.code or a.etype != "PER" or a.kind != "actor":
        return a
    words = {t.lower_ for t in doc[max(s0, a.tok_start - 2) : a.tok_start + 1]}
    if words & GOV_TITLES:
        return a.recoded(country + "GOV")
    return a


def _title_at(lows: list[str], i: int, n_max: int) -> tuple[int, str] | None:
    """The length and sector of the longest title (at most ``n_max`` words) starting at
    ``lows[i]``, or None."""
    sectors = title_sectors()
    for n in range(min(n_max, 3), 0, -1):
        sector = sectors.get(" ".join(lows[i : i + n]))
        if sector:
            return n, sector
    return None


def untagged_titled(
    doc: Any, s0: int, s1: int, lows: list[str], taken: set[int], country: str
) -> list[ActorMention]:
    """ "Perdana Menteri Mahendra Chaudhry" that no stage tagged: a title followed by
    capitalised names is an office holder of the sentence's country. ``lows`` are the
    sentence's lower-cased words; ``taken`` the tokens already in a mention (updated)."""
    out = []
    i = s0
    while i < s1:
        free = 0  # how many tokens from i on are in no mention (at most three)
        while free < 3 and i + free < s1 and i + free not in taken:
            free += 1
        hit = _title_at(lows, i - s0, free) if free else None
        if hit is None or not doc[i].text[:1].isupper():
            i += 1
            continue
        n, sector = hit
        j = i + n
        while (
            j < s1
            and j - (i + n) < 4
            and doc[j].text[:1].isupper()
            and j not in taken
            and doc[j].is_alpha
        ):
            j += 1
        if j - (i + n) >= 1:
            out.append(
                ActorMention(
                    i,
                    j,
                    country + sector,
                    None,
                    doc[i:j].text,
                    doc[i].idx,
                    doc[j - 1].idx + len(doc[j - 1].text),
                    "actor",
                    "PER",
                )
            )
            taken.update(range(i, j))
        i = j
    return out


def former(doc: Any, a: ActorMention, s0: int) -> ActorMention:
    """A person (or titled phrase) marked as a former office holder is ELI: the marker
    stands next to a title ("mantan presiden", "Presiden terguling") or right before the
    person's name. A capitalised marker inside a name ("Bekas Republik Yugoslavia
    Makedonia") is part of the name."""
    if (
        a.kind != "actor"
        or not a.code
        or len(a.code) < 3
        or not a.code[:3].isalpha()
        or a.code.startswith(_NO_COUNTRY)
    ):
        return a
    for k in range(max(s0, a.tok_start - 3), min(a.tok_end, a.tok_start + 3)):
        if doc[k].lower_ not in FORMER_MARKERS:
            continue
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if (
            k > s0
            and doc[k].text[:1].isupper()
            and nxt is not None
            and nxt.text[:1].isupper()
            and nxt.lower_ not in RULER_WORDS
        ):
            continue
        near_title = (nxt is not None and nxt.lower_ in RULER_WORDS) or (
            k > s0 and doc[k - 1].lower_ in RULER_WORDS
        )
        if near_title or (a.etype == "PER" and k == a.tok_start - 1):
            return a.recoded(a.code[:3] + "ELI")
    return a
