"""The source of an event: who did it.

The first actor of the verb's clause (else of the sentence) before the verb that no
preposition governs; then the parser's ``nsubj``; then a pronoun subject. For a di- passive,
the "oleh" agent or the bare agent after the verb; for an event noun, the actors of its own
phrase; for "X menyatakan bahwa Y harus ...", the speaker X.
"""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors import ActorMention
from warta.analysis.events.candidates import Candidate
from warta.analysis.events.clauses import boundary, clause_start
from warta.analysis.events.match import PatternMatch
from warta.analysis.events.sentence import SentenceActors
from warta.analysis.events.words import (
    ATTRIB,
    FUTURE,
    HYPO,
    NEG,
    OBLIGE,
    PREP,
    SPEECH,
    TIME_WORDS,
)

__all__ = [
    "after_word",
    "linear_subject",
    "oblige_at",
    "obliged",
    "source_for",
    "subject_noun",
    "unattributed",
]

# The parser's subject relations, and the relations a verb's subject is inherited through
# ("X berencana *mengirim* ...": the subject of "berencana").
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
_CLIMB_DEPS = (  # not words: Universal Dependencies relation labels
    "xcomp",
    "conj",
    "ccomp",
    "advcl",
    "acl",
    "parataxis",
)


def _dep_subject(doc: Any, tok: int) -> int | None:
    """Token index of the subject of ``tok`` in the parse, climbing through xcomp/conj."""
    t = doc[tok]
    for _ in range(4):
        for c in t.children:
            if c.dep_ in _SUBJECT_DEPS:
                return c.i
        if t.dep_ in _CLIMB_DEPS and t.head is not t:
            t = t.head
            continue
        break
    return None


def _subtree_actor(sa: SentenceActors, tok: int) -> ActorMention | None:
    a = sa.at(tok)
    if a is not None:
        return a
    t = sa.doc[tok]
    lo, hi = t.left_edge.i, t.right_edge.i + 1
    inside = [x for x in sa.in_range(lo, hi) if x.kind != "place"]
    return inside[0] if inside else None


def _after_speech_verb(sa: SentenceActors, v: int, cs: int) -> ActorMention | None:
    """The subject Y of "X mengatakan Y berkomitmen ...": the first free actor after the
    nearest speech verb of the clause."""
    for sv in range(v - 1, cs - 1, -1):
        if sa.w(sv) in SPEECH:
            after = [
                a for a in sa.in_range(sv + 1, v) if a.kind == "actor" and sa.prep_before(a) is None
            ]
            return after[0] if after else None
    return None


def _free(sa: SentenceActors, a: ActorMention) -> bool:
    """A mention that can be a subject: no uncoded place, no preposition, no list a
    preposition governs, no attribution right before it."""
    return (
        not (a.kind == "place" and a.code is None)
        and sa.prep_before(a) is None
        and not sa.in_governed_list(a)
        and not any(sa.w(t) in ATTRIB for t in range(max(sa.s0, a.tok_start - 2), a.tok_start))
    )


def linear_subject(sa: SentenceActors, v: int, local_only: bool = False) -> ActorMention | None:
    """First actor of the clause before ``v`` that no preposition governs; failing that
    (unless ``local_only``), the first such actor of the sentence before ``v``."""
    cs = sa.s0 + clause_start(sa.words, v - sa.s0)
    after = _after_speech_verb(sa, v, cs)
    if after is not None:
        return after
    for lo in (cs,) if local_only else (cs, sa.s0):
        ok = [a for a in sa.in_range(lo, v) if _free(sa, a)]
        if not ok:
            continue
        if ok[0].code is None and ok[0].kind != "pronoun":
            # An uncoded name in apposition with a coded one ("Kenzo Oshima,
            # Koordinator Bantuan Darurat PBB, menuntut"): the coded one is the actor.
            coded = [
                a
                for a in ok[1:]
                if a.code
                and a.kind == "actor"
                and "," in sa.words[ok[0].tok_end - sa.s0 : a.tok_start - sa.s0]
            ]
            if coded:
                return coded[0]
        return ok[0]
    return None


def oblige_at(sa: SentenceActors, cand: Candidate) -> int | None:
    """Where the pattern's "harus/agar" stands, when it starts with one."""
    first = sa.s0 + cand.match.start
    return first if sa.w(first) in OBLIGE else None


def obliged(sa: SentenceActors, cand: Candidate) -> ActorMention | None:
    """The actor obliged in "... bahwa China harus menghapus ...": the one before "harus"."""
    v = oblige_at(sa, cand)
    if v is None:
        return None
    cs = sa.s0 + clause_start(sa.words, v - sa.s0)
    inside = [a for a in sa.in_range(cs, v) if a.kind == "actor" and a.code]
    return inside[-1] if inside else None


def after_word(sa: SentenceActors, m: PatternMatch, word: str) -> list[ActorMention]:
    """The actors (with those coordinated) after ``word`` near the pattern ("antara X dan Y")."""
    for t in range(sa.s0 + m.anchor, min(sa.s1, sa.s0 + m.end + 6)):
        if sa.w(t) == word:
            first = next((a for a in sa.all if a.tok_start > t and a.kind == "actor"), None)
            if first is None:
                return []
            return sa.compound(first)
    return []


def _speaker_of_demand(sa: SentenceActors, cand: Candidate, at: int) -> ActorMention | None:
    """The demand "... bahwa China harus ..." is made by the speaker of the sentence, not by
    the obliged party."""
    first = next(
        (
            a
            for a in sa.all
            if a.tok_start < at and a.kind == "actor" and a.code and sa.prep_before(a) is None
        ),
        None,
    )
    return first if first is not obliged(sa, cand) else None


def _passive_agent(sa: SentenceActors, v: int) -> ActorMention | None:
    """The di- passive's agent: "oleh X", or a bare agent right after the verb."""
    for t in range(v + 1, min(sa.s1, v + 14)):
        if sa.w(t) == "oleh":
            a = next((x for x in sa.all if x.tok_start > t and x.tok_start <= t + 4), None)
            if a is not None:
                return sa.resolve(a, t)
        if boundary(sa.words, t - sa.s0):
            break
    a = next((x for x in sa.all if v < x.tok_start <= v + 2 and x.kind == "actor"), None)
    if a is not None and sa.prep_before(a) is None:
        return a
    return None


def _noun_agent(sa: SentenceActors, m: PatternMatch) -> ActorMention | None:
    """An event noun takes its actors from its own phrase only: "antara X dan Y", its
    possessor ("pengumpulan ... tentara Rusia"), or "oleh X"."""
    ant = after_word(sa, m, "antara")
    if ant:
        return ant[0]
    m0, m1 = sa.s0 + m.start, sa.s0 + m.end
    for a in sa.all:
        if (
            a.kind == "actor"
            and m0 <= a.tok_start <= m1 + 1
            and (a.tok_start < m1 or sa.prep_before(a) in (None, "oleh"))
        ):
            return a
    for t in range(m1, min(sa.s1, m1 + 10)):
        if sa.w(t) == "oleh":
            agent = next((x for x in sa.all if t < x.tok_start <= t + 3), None)
            if agent is not None:
                return agent
    return None


def _parsed_subject(sa: SentenceActors, v: int) -> ActorMention | None:
    """The free actor mention holding the parser's subject of ``v`` (climbing xcomp/conj)."""
    subj = _dep_subject(sa.doc, v)
    if subj is None or not sa.s0 <= subj < sa.s1:
        return None
    a = _subtree_actor(sa, subj)
    if a is not None and sa.prep_before(a) is None and not sa.in_governed_list(a):
        return a
    return None


def _active_subject(sa: SentenceActors, v: int, use_parse: bool) -> ActorMention | None:
    lin = linear_subject(sa, v)
    if lin is not None and lin.kind == "pronoun":
        got = sa.resolve(lin, v)
        if got is not None:
            return got
    if lin is not None and lin.kind != "pronoun":
        # On the dev gold, the first actor of the clause (else of the sentence) before the
        # verb is its subject more often than the parser's nsubj: the parser is trained on
        # little news text and errs on appositions and long names.
        return sa.resolve(lin, v)
    if use_parse and sa.doc.has_annotation("DEP"):
        parsed = _parsed_subject(sa, v)
        if parsed is not None:
            return sa.resolve(parsed, v)
    if lin is not None:
        return sa.resolve(lin, v)  # a pronoun without a referent: no source
    # A pronoun subject of the clause ("dia berharap untuk bertemu").
    cs = sa.s0 + clause_start(sa.words, v - sa.s0)
    pron = [x for x in sa.all if x.kind == "pronoun" and cs <= x.tok_start < v]
    return sa.resolve(pron[0], v) if pron else None


def source_for(sa: SentenceActors, cand: Candidate, use_parse: bool) -> ActorMention | None:
    """The source actor of ``cand``, or None."""
    at = oblige_at(sa, cand)
    if at is not None:
        return _speaker_of_demand(sa, cand, at)
    if cand.match.voice == "passive":
        return _passive_agent(sa, cand.anchor)
    if cand.nominal:
        return _noun_agent(sa, cand.match)
    return _active_subject(sa, cand.anchor, use_parse)


def _noun_before(sa: SentenceActors, lo: int, v: int) -> bool:
    """A noun before ``v`` that could be the clause's subject (not inside a prepositional
    phrase, not a time expression)."""
    in_pp = 0
    for t in range(lo, v):
        tok = sa.doc[t]
        w = sa.w(t)
        if w in SPEECH or w in ATTRIB:
            return False  # "..., mengatakan dia": no subject noun of its own
        if w in PREP:
            in_pp = 3
            continue
        if in_pp:
            in_pp -= 1
            continue
        if w in TIME_WORDS or not tok.is_alpha:
            continue
        if tok.pos_ in ("NOUN", "PROPN") or (
            tok.pos_ == "" and w not in FUTURE and w not in NEG and w not in HYPO
        ):
            return True
    return False


def subject_noun(sa: SentenceActors, cand: Candidate) -> bool:
    """True when the verb's clause opens with a noun phrase before the verb (a subject
    that is not an actor), as opposed to a verb with no expressed subject."""
    cs = sa.s0 + clause_start(sa.words, cand.anchor - sa.s0)
    return _noun_before(sa, cs, cand.anchor)


def unattributed(sa: SentenceActors, cand: Candidate) -> ActorMention | None:
    """An attack nobody is named for: CAMEO's unidentified armed forces of the country it
    happened in ("ledakan bom di dekat kota Samarra" -> IRQUAF)."""
    places = [a for a in sa.all if a.kind == "place" and a.code]
    places += [
        a
        for a in sa.all
        if a.kind == "actor"
        and a.code
        and len(a.code) == 3
        and sa.prep_before(a) in ("di", "dekat")
    ]
    if not places:
        return None
    p = min(places, key=lambda a: abs(a.tok_start - cand.anchor))
    return ActorMention(
        p.tok_start,
        p.tok_end,
        f"{(p.code or '')[:3]}UAF",
        None,
        p.text,
        p.char_start,
        p.char_end,
        "actor",
        "UAF",
    )
