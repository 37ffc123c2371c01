"""The role of an actor read from the words around it: the agent word heading a country
("Pejabat senior Hongaria" HUNGOV), the title before a person the KB links to a country
only, an institution named after its place ("Universitas Mosul" IRQEDU), the role shared
by a coordination ("Kapal-kapal perang Italia dan Yunani"), and the heads that make a
country a place or no actor at all ("kota-kota Irak", "bahasa Rusia")."""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors.mention import ActorMention
from warta.analysis.events.actors.words import (
    COUNTRY_ATTRIBUTE_NOUNS,
    PEACEKEEPER_WORDS,
    PEACEKEEPING_WORDS,
    PHRASE_FILLERS,
    SETTLEMENT_NOUNS,
    SPORT_HEADS,
    country_code,
    is_agent_word,
    sector_word,
)

__all__ = [
    "enrich",
    "inherit",
    "merge_adjacent",
    "placelike",
    "recode_org_country",
    "share_role",
    "sport",
]

# Codes of actors that belong to no one country: no country's sector is read for them.
_NO_COUNTRY = ("IGO", "NGO", "IMG", "MNC")
# Parts of speech that end an actor phrase when read leftwards from its country.
_PHRASE_BREAKS = frozenset({"VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ", "PRON", "DET"})
# Words joining two coordinated actors ("Chile dan Peru").
_COORDINATION = (["dan"], ["serta"], [","], ["maupun"])


def sport(doc: Any, a: ActorMention, s0: int) -> bool:
    """True when a sports head stands within three words before the mention ("Pembalap
    Spanyol", "Tim basket Indonesia"): such a phrase names a team or a player."""
    return any(
        doc[k].lower_ in SPORT_HEADS for k in range(max(s0, a.tok_start - 3), a.tok_start + 1)
    )


def _filler(doc: Any, j: int) -> bool:
    """A word that may sit inside an actor phrase between its head and its country."""
    t = doc[j]
    w = t.lower_
    if w in PHRASE_FILLERS or w.isdigit() or t.like_num:
        return True
    # Qualifiers ("warga Kurdi Irak", "pekerja pabrik kertas Prancis"), not verbs.
    if t.pos_ in _PHRASE_BREAKS:
        return False
    if len(w) > 5 and w.startswith(("me", "ber", "di", "ter")) and not t.text[:1].isupper():
        return False
    return t.pos_ in ("PROPN", "NOUN", "ADJ") and j > 0


def _peacekeepers(doc: Any, a: ActorMention, s0: int) -> bool:
    """A bare UN mention after troop or peacekeeping words: "pasukan penjaga perdamaian PBB"."""
    return bool(
        a.code
        and a.code.startswith("IGOUNO")
        and len(a.code) == 6
        and a.tok_start > s0
        and any(t.lower_ in PEACEKEEPER_WORDS for t in doc[max(s0, a.tok_start - 3) : a.tok_start])
    )


def _unknown_person(doc: Any, a: ActorMention, s0: int) -> ActorMention:
    """A person the KB does not know, with a country in the span or its title (the
    capitalised words right before it: "Presiden Georgia Eduard Shevardnadze")."""
    first = a.tok_start
    while first > s0 and a.tok_start - first < 3 and doc[first - 1].text[:1].isupper():
        first -= 1
    for n in (2, 1):
        for lo in range(first, a.tok_end - n + 1):
            code = country_code(" ".join(t.text for t in doc[lo : lo + n]))
            if code:
                sector = None
                for k in range(first, lo):
                    sector = sector or sector_word(doc[k].text)
                return a.recoded(code + (sector or ""))
    return a


def _titled_country_person(doc: Any, a: ActorMention, s0: int) -> ActorMention:
    """ "Presiden Irak Saddam Hussein" linked to a country only: the title gives the role."""
    for k in range(max(s0, a.tok_start - 3), min(a.tok_end, a.tok_start + 3)):
        sector = sector_word(doc[k].text)
        if sector:
            return a.recoded(a.code + sector)  # type: ignore[operator]
    return a


def _country_at(doc: Any, a: ActorMention) -> int:
    """The token where the country word (one or two tokens) inside the mention starts."""
    at = a.tok_end - 1
    while (
        at > a.tok_start
        and country_code(doc[at].text) is None
        and country_code(doc[at - 1 : at + 1].text) is None
    ):
        at -= 1
    if at > a.tok_start and country_code(doc[at - 1 : at + 1].text):
        at -= 1
    return at


def _agent_ending_at(
    doc: Any, a: ActorMention, s0: int, j: int, country_at: int
) -> ActorMention | None:
    """The mention widened to an agent word (one to three tokens) ending at token ``j``."""
    for n in (3, 2, 1):
        lo = j - n + 1
        if lo < s0:
            continue
        sector = sector_word(" ".join(t.text for t in doc[lo : j + 1]))
        if sector:
            start = min(lo, a.tok_start)
            if sector not in ("CVL", "REF") and any(
                t.lower_ == "sipil" for t in doc[j + 1 : country_at]
            ):
                sector = "CVL"  # "penasihat sipil Jepang": civilians, not officials
            return ActorMention(
                start,
                a.tok_end,
                (a.code or "") + sector,
                a.entity_id,
                doc[start : a.tok_end].text,
                doc[start].idx,
                a.char_end,
                a.kind,
                a.etype,
            )
    return None


def _agent_before_country(doc: Any, a: ActorMention, s0: int) -> ActorMention:
    """The agent word heading a bare country, read leftwards from the country word over at
    most five filler words: "Kapal-kapal perang Prancis" FRAMIL, "Kelompok pemberontak di
    Pantai Gading" CIVREB."""
    country_at = _country_at(doc, a)
    j = country_at - 1
    steps = 0
    after_di = False
    while j >= s0 and steps < 5:
        found = _agent_ending_at(doc, a, s0, j, country_at)
        if found is not None:
            return found
        if after_di and doc[j].lower_ in PEACEKEEPING_WORDS:
            break  # peacekeepers "di Lebanon" are not Lebanon's forces
        if doc[j].lower_ == "di" and steps == 0:
            after_di = True
        elif not _filler(doc, j):
            break
        j -= 1
        steps += 1
    return a


def enrich(doc: Any, a: ActorMention, s0: int) -> ActorMention:
    """A bare country code plus the agent word heading its phrase: "Pejabat senior
    Hongaria" is HUNGOV, "Kapal-kapal perang Prancis" FRAMIL, "Kelompok pemberontak di
    Pantai Gading" CIVREB. Looks inside the mention first ("Pasukan Serbia" as one span)."""
    if a.kind != "actor":
        return a
    if _peacekeepers(doc, a, s0):
        return a.recoded("IGOUNOMIL")
    if not a.code and a.etype == "PER":
        return _unknown_person(doc, a, s0)
    if a.code and len(a.code) == 3 and a.etype == "PER":
        return _titled_country_person(doc, a, s0)
    if not a.code or len(a.code) != 3 or a.etype == "PER":
        return a
    return _agent_before_country(doc, a, s0)


def inherit(doc: Any, cover: ActorMention, inner: ActorMention) -> ActorMention:
    """An uncoded name around a coded one takes its code: "kota Mardin" (Mardin, TUR),
    "Negara Bagian Kordofan Selatan"; an institution named after its place takes the place's
    country and the sector of its head word ("Universitas Mosul" IRQEDU)."""
    code = inner.code
    kind = cover.kind
    if cover.etype in ("ORG", "GROUP", "LOC") and code and len(code) == 3:
        for k in range(cover.tok_start, inner.tok_start):
            sector = sector_word(doc[k].text)
            if sector:
                # "Fakultas Hukum Universitas Mosul": the university, IRQEDU.
                code, kind = code + sector, "actor"
                break
        else:
            if cover.kind == "actor" and inner.kind == "place":
                return cover  # "Stadion Gelora Bung Karno": a building, not an actor
    return ActorMention(
        cover.tok_start,
        cover.tok_end,
        code,
        cover.entity_id or inner.entity_id,
        cover.text,
        cover.char_start,
        cover.char_end,
        kind,
        cover.etype,
    )


def merge_adjacent(doc: Any, kept: list[ActorMention]) -> list[ActorMention]:
    """ "Presiden Rusia" + "Vladimir Putin" side by side are one actor: keep the span of
    both and the code of the person (or the longer code)."""
    out: list[ActorMention] = []
    for a in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == a.kind == "actor"
            and prev.tok_end == a.tok_start
            and prev.code
            and a.code
            and prev.code[:3] == a.code[:3]
        ):
            best = a if (a.etype == "PER" or len(a.code) > len(prev.code)) else prev
            out[-1] = ActorMention(
                prev.tok_start,
                a.tok_end,
                best.code,
                best.entity_id,
                doc[prev.tok_start : a.tok_end].text,
                prev.char_start,
                a.char_end,
                "actor",
                best.etype,
            )
            continue
        out.append(a)
    return out


def recode_org_country(doc: Any, kept: list[ActorMention]) -> list[ActorMention]:
    """ "Mahkamah Konstitusi Latvia": an institution the KB files under one country,
    followed by another country's name, belongs to that country."""
    out: list[ActorMention] = []
    skip = -1
    for n, a in enumerate(kept):
        if n == skip:
            continue
        b = kept[n + 1] if n + 1 < len(kept) else None
        if (
            b is not None
            and b.tok_start == a.tok_end
            and a.code
            and len(a.code) >= 6
            and b.code
            and len(b.code) == 3
            and b.kind == "actor"
            and b.code != a.code[:3]
            and not a.code.startswith(("IGO", "NGO"))
        ):
            out.append(
                ActorMention(
                    a.tok_start,
                    b.tok_end,
                    b.code + a.code[3:6],
                    b.entity_id,
                    doc[a.tok_start : b.tok_end].text,
                    a.char_start,
                    b.char_end,
                    "actor",
                    a.etype,
                )
            )
            skip = n + 1
            continue
        out.append(a)
    return out


def _shares_role(doc: Any, a: ActorMention, b: ActorMention) -> bool:
    """True when ``a`` (an agent phrase with a country) is coordinated with ``b``, a bare
    country that takes its role."""
    if a.kind != "actor" or b.kind != "actor" or not a.code or not b.code:
        return False
    if (
        len(b.code) != 3
        or b.etype not in ("GPE", None)
        or len(a.code) < 6
        or a.code.startswith(_NO_COUNTRY)
        or a.etype == "PER"
    ):
        return False
    if [t.lower_ for t in doc[a.tok_end : b.tok_start]] not in _COORDINATION:
        return False
    if (
        b.tok_end < len(doc)
        and doc[b.tok_end].pos_ in ("NOUN", "PROPN")
        and doc[b.tok_end].text[:1].isupper()
    ):
        return False  # "... dan Rusia Bersatu": the country starts a longer name
    # "Rusia dan China": nothing heads the first country.
    return not (a.tok_start >= a.tok_end - 1 or _country_first(doc, a))


def share_role(doc: Any, kept: list[ActorMention]) -> list[ActorMention]:
    """ "Pejabat senior Chile dan Peru", "Kapal-kapal perang Italia dan Yunani": the
    agent word heading a coordination covers a bare country that follows it."""
    out = list(kept)
    for n in range(1, len(out)):
        a, b = out[n - 1], out[n]
        if _shares_role(doc, a, b):
            out[n] = b.recoded(b.code + a.code[3:6])  # type: ignore[operator,index]
    return out


def _country_first(doc: Any, a: ActorMention) -> bool:
    # True when the mention opens with its country ("Rusia" in "Rusia Bersatu").
    t = doc[a.tok_start]
    return t.text[:1].isupper() and t.pos_ == "PROPN" and not is_agent_word(t.lower_)


def placelike(doc: Any, a: ActorMention, s0: int) -> ActorMention | None:
    """A country name after "kota"/"desa" is a place; after "bahasa" it is no actor."""
    if a.kind != "actor" or not a.code or len(a.code) != 3 or a.tok_start <= s0:
        return a
    prev = doc[a.tok_start - 1].lower_
    prev2 = f"{doc[a.tok_start - 2].lower_} {prev}" if a.tok_start - 2 >= s0 else ""
    if prev in COUNTRY_ATTRIBUTE_NOUNS or prev2 in COUNTRY_ATTRIBUTE_NOUNS:
        return None
    # "desa strategis di Kamboja barat": the village named by the country it lies in.
    town_di = prev == "di" and any(
        doc[k].lower_ in SETTLEMENT_NOUNS for k in range(max(s0, a.tok_start - 4), a.tok_start - 1)
    )
    if prev in SETTLEMENT_NOUNS or town_di:
        return a.recoded(a.code, "place")
    return a
