"""The target of an event: whom it was done to.

The first actor right of the verb in its clause that is a direct object or introduced by a
target preposition (the pattern's own ``tgt=`` first), skipping parentheses, currencies
("dolar AS"), the source's own compound and attribution tails; a location ("di Moskow") is
the fallback and stands for its country (or its people, or its government: ``place_code``).
Investigations, accusations, rejections and protests target the doer of the deed they are
about; complaints the one complained about; rallying support the one supported.
"""

from __future__ import annotations

from dataclasses import dataclass

from warta.analysis.events.actors import ActorMention
from warta.analysis.events.candidates import Candidate
from warta.analysis.events.codes import place_code
from warta.analysis.events.sentence import SentenceActors
from warta.analysis.events.source import after_word, linear_subject, oblige_at, obliged
from warta.analysis.events.words import (
    ADDRESSEE_PREPS,
    ATTRIB,
    CURRENCY,
    DEED_VERBS,
    PUNCT_STOP,
    PURPOSE_PREPS,
    SUBORD,
    SUPPORT_VERBS,
    TARGET_PREPS,
)
from warta.knowledge import kb

__all__ = ["target_for"]

# Roots whose target is the doer of the deed they are about: investigate 09, disapprove 11,
# reject 12, protest 14.
_ABOUT_DEEDS = ("09", "11", "12", "14")
_VIOLENCE = ("18", "19", "20")
# Roots of cooperation: meet 04, diplomatic 05, material cooperation 06, aid 07.
_COOPERATION = ("04", "05", "06", "07")


@dataclass(slots=True)
class _Scan:
    """What a target scan must skip: the source, its compound and their entities."""

    cand: Candidate
    source: ActorMention | None
    skip: set[int]  # ids of the source's mentions
    group_ents: set[tuple[str, str | None]]
    preps: set[str]  # the pattern's own target prepositions (``tgt=``)


def _clause_ends(w: str) -> bool:
    return w in PUNCT_STOP or w in ATTRIB or w in SUBORD or w in ("bahwa", ",")


def _doer_of_deed(sa: SentenceActors, cand: Candidate, skip: set[int]) -> ActorMention | None:
    """The doer of a deed: "penyelidikan atas kekerasan yang dilakukan pasukan X" -> X."""
    v = cand.anchor
    for t in range(v + 1, min(sa.s1 - 1, v + 20)):
        w = sa.w(t)
        if _clause_ends(w):
            return None
        if w in DEED_VERBS and t > sa.s0 and sa.w(t - 1) == "yang":
            k = t + 2 if sa.w(t + 1) == "oleh" else t + 1
            a = sa.at(k)
            if (
                a is not None
                and a.tok_start == k
                and a.kind == "actor"
                and a.code
                and id(a) not in skip
            ):
                return a
            return None
    return None


def _complained_about(sa: SentenceActors, cand: Candidate, skip: set[int]) -> ActorMention | None:
    """The one complained about: "mengadu ke PBB atas blokade AS" -> AS (PBB only hears it)."""
    v = cand.anchor
    addressee = False
    for t in range(v + 1, min(sa.s1, v + 16)):
        w = sa.w(t)
        if _clause_ends(w):
            return None
        if w in ("ke", "kepada"):
            addressee = True
        elif w in ("atas", "tentang", "mengenai", "soal") and addressee:
            for k in range(t + 1, min(sa.s1, t + 6)):
                if sa.w(k) in PUNCT_STOP or sa.w(k) in ("yang", ","):
                    return None
                a = sa.at(k)
                if a is not None and a.kind == "actor" and a.code and id(a) not in skip:
                    return a
            return None
    return None


def _beneficiary(sa: SentenceActors, cand: Candidate, skip: set[int]) -> ActorMention | None:
    """Rallying support on behalf of someone ("mendesak X untuk mendukung PLO"): PLO."""
    v = cand.anchor
    for t in range(v + 1, min(sa.s1, v + 26)):
        w = sa.w(t)
        if w in PUNCT_STOP or w in ATTRIB or w in SUBORD:
            return None
        if w in SUPPORT_VERBS:
            for a in sa.all:
                if (
                    a.tok_start > t
                    and a.kind == "actor"
                    and a.code
                    and id(a) not in skip
                    and sa.prep_before(a) in (None, "bagi", "untuk", "kepada")
                ):
                    return a
            return None
    return None


def _verbish(sa: SentenceActors, t: int) -> bool:
    w = sa.w(t)
    tok = sa.doc[t]
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return len(w) > 4 and w.startswith(("me", "ber", "di", "ter")) and not tok.text[:1].isupper()


def is_capital(name: str) -> bool:
    """True when the knowledge base files ``name`` as a capital city."""
    return any(
        (e.extra or {}).get("capital_of") or (e.extra or {}).get("level") == "capital"
        for e in kb().lookup(name, kinds=("place",))
    )


def _as_place_target(a: ActorMention, event: str, code: str) -> ActorMention:
    return ActorMention(
        a.tok_start,
        a.tok_end,
        place_code(code, event, capital=is_capital(a.text)),
        a.entity_id,
        a.text,
        a.char_start,
        a.char_end,
        a.kind,
        a.etype,
    )


def _scan_stops(sa: SentenceActors, cand: Candidate, t: int, relaxed: bool) -> bool:
    """The target scan ends at word ``t``: the clause ends, or (unless ``relaxed``) a new
    clause, another event or a purpose starts after the pattern."""
    m = cand.match
    w = sa.w(t)
    if w in PUNCT_STOP or w in ATTRIB or (w in SUBORD and t > sa.s0 + m.end):
        return True
    if t >= sa.s0 + m.end and not relaxed:
        if w == "bahwa" or w in ("agar", "supaya") or t in sa.other_anchors:
            return True
        if w in PURPOSE_PREPS and t + 1 < sa.s1 and _verbish(sa, t + 1):
            return True
        if w == "upaya" and t > sa.s0 and sa.w(t - 1) in ("dalam", "sebagai", "sbg"):
            return True
    return w == "," and t + 1 < sa.s1 and (sa.w(t + 1) in ATTRIB or sa.w(t + 1) in SUBORD)


def _mention_at(sa: SentenceActors, scan: _Scan, t: int) -> ActorMention | None:
    """The mention starting at ``t`` that could be a target (pronouns resolved), or None."""
    a = sa.at(t)
    if a is None or a.tok_start != t or id(a) in scan.skip:
        return None
    if (
        a.code is None
        and a.kind == "actor"
        and a.etype not in ("PER", None)
        and not a.text[:1].isupper()
    ):
        return None  # a lower-case word the tagger took for a name ("otonomi")
    if t > sa.s0 and sa.w(t - 1) in CURRENCY:
        return None  # "dolar AS" is a currency, not an actor
    source = scan.source
    if a.kind == "pronoun":
        r = sa.resolve(a, t)
        if r is None or id(r) in scan.skip or (source is not None and r.code == source.code):
            return None
        a = r
    if a.entity_id and (a.entity_id, a.code) in scan.group_ents:
        return None
    if (
        source is not None
        and a.entity_id
        and a.entity_id == source.entity_id
        and a.code == source.code
    ):
        return None
    return a


def _object_role(scan: _Scan, a: ActorMention, prep: str | None) -> ActorMention | None:
    """``a`` as a direct object or introduced by a target preposition; None otherwise."""
    cand = scan.cand
    root = cand.code[:2]
    if prep is None and cand.match.voice == "passive":
        return None  # the bare noun after a di- verb is its agent, not its target
    if prep == "oleh" and root in _ABOUT_DEEDS and cand.match.voice != "passive":
        return a  # "protes atas penangkapan aktivis oleh polisi X": the doer named
    if prep is None or prep in TARGET_PREPS or prep in scan.preps:
        if prep == "dari" and "dari" not in scan.preps and cand.match.code[:2] in _COOPERATION:
            return None  # "bantuan dari Jepang": the giver, not the one helped
        if prep == "pada" and "pada" not in scan.preps:
            return None
        return a
    return None


def _as_location(loc: ActorMention, event: str) -> ActorMention:
    code = loc.code
    if loc.kind == "place":
        code = place_code(loc.code, event, capital=is_capital(loc.text))
    return ActorMention(
        loc.tok_start,
        loc.tok_end,
        code,
        loc.entity_id,
        loc.text,
        loc.char_start,
        loc.char_end,
        "place_loc",
        loc.etype,
    )


def _scan_target(
    sa: SentenceActors, scan: _Scan, relaxed: bool, prep_only: bool = False
) -> ActorMention | None:
    """First target-like actor right of the verb; a location ("di Moskow") is returned
    marked ``kind="place_loc"`` when nothing better comes before the clause ends."""
    cand = scan.cand
    v = cand.anchor
    loc: ActorMention | None = None
    depth = 0
    for t in range(v + 1, min(sa.s1, v + 26)):
        w = sa.w(t)
        if w in ("(", ")"):
            depth = depth + 1 if w == "(" else max(0, depth - 1)
            continue
        if depth:
            continue
        if _scan_stops(sa, cand, t, relaxed):
            break
        a = _mention_at(sa, scan, t)
        if a is None:
            continue
        prep = sa.prep_before(a)
        if prep_only:
            if prep in scan.preps and prep != "di" and a.code:
                return _as_place_target(a, cand.code, a.code) if a.kind == "place" else a
            continue
        if prep == "di" and "di" in scan.preps and a.code:
            return a
        if a.kind == "place" and prep in ADDRESSEE_PREPS and a.code:
            # A capital or region standing for its country (or its government).
            return _as_place_target(a, cand.code, a.code)
        if a.kind == "place" or prep == "di":
            if loc is None and a.code:
                loc = a
            continue
        got = _object_role(scan, a, prep)
        if got is not None:
            return got
    return _as_location(loc, cand.code) if loc is not None else None


def _by_role(sa: SentenceActors, cand: Candidate, skip: set[int]) -> ActorMention | None:
    """Targets some roots name by the deed, complaint or support they are about."""
    root = cand.code[:2]
    if root in _ABOUT_DEEDS:
        got = _doer_of_deed(sa, cand, skip)
        if got is not None:
            return got
    if root == "11":
        got = _complained_about(sa, cand, skip)
        if got is not None:
            return got
    if cand.code == "053":
        return _beneficiary(sa, cand, skip)
    return None


def _fixed_target(
    sa: SentenceActors, cand: Candidate, source_group: list[ActorMention]
) -> ActorMention | None:
    """The subject of a di- passive, the one obliged in "X harus ...", the second of
    "antara X dan Y"."""
    m = cand.match
    if m.voice == "passive":
        # The subject of a di- passive stands in its own clause ("setelah pabrik diserang").
        subj = linear_subject(sa, cand.anchor, local_only=True)
        if subj is not None and subj not in source_group:
            return subj
    if oblige_at(sa, cand) is not None:
        ob = obliged(sa, cand)
        if ob is not None and ob not in source_group:
            return ob
    return None


def target_for(
    sa: SentenceActors,
    cand: Candidate,
    source: ActorMention | None,
    source_group: list[ActorMention],
) -> ActorMention | None:
    """The target actor of ``cand`` given its source and the source's compound, or None."""
    m = cand.match
    tgt = m.entry.opts.get("tgt")
    preps = set(tgt) if isinstance(tgt, list) else set()
    got = _fixed_target(sa, cand, source_group)
    if got is not None:
        return got
    skip = {id(a) for a in source_group}
    if source is not None:
        skip.add(id(source))
    # Same referent *and* same code: "warga Kurdi Irak ... dari Irak" relates IRQCVL to IRQ.
    group_ents = {(a.entity_id, a.code) for a in source_group if a.entity_id}
    if cand.nominal and "antara" in preps:
        ant = after_word(sa, m, "antara")
        if len(ant) > 1:
            return ant[1]
    got = _by_role(sa, cand, skip)
    if got is not None:
        return got
    scan = _Scan(cand, source, skip, group_ents, preps)
    if preps - {"di"}:
        # The pattern names its target's preposition ("mengekstradisi X ke Inggris"):
        # an actor so introduced beats a bare object.
        got = _scan_target(sa, scan, False, prep_only=True)
    if got is None:
        got = _scan_target(sa, scan, False)
    if got is None and m.code[:2] not in _VIOLENCE:
        # Nothing before a purpose clause: its actor is the target ("mogok makan untuk
        # memprotes keputusan Swedia", "bersedia mengirim ... untuk membantu Arab Saudi").
        got = _scan_target(sa, scan, True)
    return got
