"""Grouping: the mentions of one referent become one :class:`~warta.record.Entity`.

Mentions linked to the same knowledge-base entry, of the same agent group, or written
the same way share an entity; a short form of an unknown person's name ("Sri", "Mulyani",
"Lukman Hakim") joins the full name the article writes once ("Sri Mulyani", "Lukman
Hakim Saifuddin"). The entity's type, name, country, CAMEO code and salience are read
from its mentions and its entry.
"""

from __future__ import annotations

import re
from typing import Any

from warta.record import Entity, Role, Span

from .mentions import KIND_TYPES, Context, Mention, alpha3
from .names import bare
from .short_forms import short_forms

__all__ = ["group", "make_entity"]

_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip()).lower()


def _contains_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


def _person_name_words(mentions: list[Mention], text: str) -> dict[str, set[str]]:
    """Each word of a multi-word person name (and its bare form) -> the keys using it."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "PER" and m.start >= 0:
            surface = text[m.start : m.end]
            if " " in surface.strip():
                for tok in surface.split():
                    out.setdefault(tok, set()).add(m.key)
                    if bare(tok) != tok:
                        out.setdefault(bare(tok), set()).add(m.key)
    return out


def _longest_names(mentions: list[Mention], text: str) -> dict[str, list[str]]:
    """Key -> the words of the longest name a person is written with."""
    full: dict[str, list[str]] = {}
    for m in mentions:
        if m.label == "PER" and m.start >= 0:
            words = text[m.start : m.end].split()
            if len(words) > len(full.get(m.key, ())):
                full[m.key] = words
    return full


def _join_short_names(mentions: list[Mention], text: str, full: dict[str, list[str]]) -> None:
    """Short forms of unknown people ("Sri" / "Mulyani" after "Sri Mulyani"): a one-token
    name joins the only multi-token person name in the article that contains it, a
    shorter run of a person's words ("Lukman Hakim") the only longer name holding it."""
    per_names = _person_name_words(mentions, text)
    for m in mentions:
        if m.entry is None and m.start >= 0 and m.key.startswith("name:"):
            words = text[m.start : m.end].split()
            if len(words) == 1:
                keys = per_names.get(words[0], set())
            elif m.label == "PER":
                keys = {
                    k for k, ws in full.items() if len(ws) > len(words) and _contains_run(ws, words)
                }
            else:
                keys = set()
            if len(keys) == 1:
                # Any label: the model often calls a lone surname ORG or LOC.
                m.key = next(iter(keys))
                m.label = "PER"


def group(ctx: Context, mentions: list[Mention], title: str = "") -> list[Entity]:
    """The entities of ``mentions``, in order of first mention, with ids e1, e2, ..."""
    text = ctx.text
    # Keys: KB id, fixed key (groups), or the name of an unknown referent.
    for m in mentions:
        if m.key is None:
            # By name only: the model may label one name PER here and LOC there.
            m.key = m.entry.id if m.entry is not None else "name:" + _norm(text[m.start : m.end])
    full = _longest_names(mentions, text)
    _join_short_names(mentions, text, full)
    short_forms(ctx, mentions, title, full)

    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)

    def first(ms: list[Mention]) -> int:
        real = [m.start for m in ms if m.start >= 0]
        return min(real) if real else len(text) + 1

    ordered = sorted(by_key.values(), key=first)
    total = max(1, sum(1 for m in mentions if m.start >= 0))
    return [
        make_entity(f"e{n}", ms, text, ctx.kb, ctx.date, total)
        for n, ms in enumerate(ordered, start=1)
    ]


def _merged_roles(ms: list[Mention]) -> list[Role]:
    roles: list[Role] = []
    for m in ms:
        for r in m.roles:
            if all(
                (r.title.lower(), r.org_or_country) != (x.title.lower(), x.org_or_country)
                for x in roles
            ):
                roles.append(r)
    return roles


def _label(ms: list[Mention]) -> str:
    """Most frequent label, PER first on a tie, then the label seen first: ordering a
    ``set`` here made the type of a tied ORG/LOC entity change with the hash seed."""
    labels = [m.label for m in ms if m.label]
    if not labels:
        return "ORG"
    return max(sorted(dict.fromkeys(labels), key=lambda x: x != "PER"), key=labels.count)


def _person_cameo(
    entry: Any,
    kb: Any,
    date: str | None,
    roles: list[Role],
    country: str | None,
    sector: str | None,
    cameo: str | None,
) -> str | None:
    """A known person's CAMEO code: the office held on the publication day (whose role
    joins ``roles`` when the text gave none), else what the text and the entry say."""
    kb_role = kb.role_on(entry.id, date) if date else None
    if kb_role is not None:
        if not roles:
            roles.append(
                Role(
                    title=kb_role.title,
                    org_or_country=kb_role.org_or_country,
                    start=kb_role.start or None,
                    end=kb_role.end or None,
                )
            )
        return kb_role.cameo
    if sector and country:
        return country + sector
    if date and entry.roles:
        # Known offices, none held on that day: no longer (or not yet) in office.
        return country or entry.cameo
    return entry.cameo or cameo


def make_entity(
    eid: str, ms: list[Mention], text: str, kb: Any, date: str | None, total: int
) -> Entity:
    """One entity from the mentions of one referent."""
    ms.sort(key=lambda m: m.start)
    real = [m for m in ms if m.start >= 0]
    entry = next((m.entry for m in ms if m.entry is not None), None)
    roles = _merged_roles(ms)
    country = next((m.country for m in ms if m.country), None)
    sector = next((m.sector for m in ms if m.sector), None)
    cameo = next((m.cameo for m in ms if m.cameo), None)
    label = _label(ms)
    if entry is not None:
        etype = KIND_TYPES.get(entry.kind, label)
        name = entry.name
        country = alpha3(entry) or country
        kb_id = entry.id
        if entry.kind == "person":
            cameo = _person_cameo(entry, kb, date, roles, country, sector, cameo)
        elif entry.kind == "place":
            # A place is not an actor: its capital-as-government reading is a GROUP
            # made where the parse shows the place acting.
            cameo = None
        else:
            cameo = entry.cameo or cameo
    else:
        etype = label
        kb_id = None
        longest = max(real, key=lambda m: m.end - m.start) if real else None
        name = ms[0].name or (
            _WS.sub(" ", text[longest.start : longest.end].strip()) if longest else ""
        )
        if cameo is None and country and sector:
            cameo = country + sector
        elif cameo is None and country and etype == "PER":
            cameo = country
    if cameo and len(cameo) >= 6 and sector is None and country and cameo[:3] == country:
        sector = cameo[3:6]
    salience = sum(1.0 + (0.5 if m.start < len(text) * 0.2 else 0.0) for m in real) / total
    return Entity(
        id=eid,
        type=etype,
        name=name,
        kb_id=kb_id,
        cameo=cameo,
        country=country,
        sector=sector,
        roles=roles,
        mentions=[Span(m.start, m.end) for m in real],
        salience=round(min(1.0, salience), 4),
    )
