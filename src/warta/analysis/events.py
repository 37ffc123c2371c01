"""Political events in CAMEO and PLOVER: who did what to whom, sentence by sentence.

``extract_events(analysis, doc)`` reads each sentence of the parsed article:

1. **Verb phrases.** The Indonesian dictionary (``warta/knowledge/cameo/verbs_id.txt``,
   expanded to active, passive and nominal surface forms) is matched on the sentence's
   words; at each verb the most specific pattern wins ("mengancam sanksi" 1312 over
   "mengancam" 130).
2. **Clause structure.** A verb inside the complement of a demand, appeal, promise, threat
   or rejection ("menuntut AS *membatalkan* ...") is not an event of its own: it refines
   the outer code (demand + withdraw = 1056). Verbs in a conditional clause ("jika Moskow
   melancarkan serangan") are never asserted events; a conflictual action announced for the
   future or under a condition becomes a threat (13x). Cooperative actions announced for
   the future become intents (03x), as CAMEO prescribes.
3. **Actors.** The source is the subject: the first actor of the verb's clause (else of the
   sentence) before the verb that no preposition governs, then the parser's ``nsubj``; the
   "oleh" agent of a di- passive. The target is the oblique the pattern names ("dengan",
   "kepada", "terhadap", ...), else the object or first actor after the verb in the clause,
   else the place of the event. Actors come from the resolved entities;
   coordinated actors ("AS dan sekutunya seperti Kanada, Inggris, dan Australia") give one
   event each; pronouns are resolved in the sentence, "kami/kita" to the quote's speaker.
4. **Record.** Goldstein, QuadClass and PLOVER type/mode come from the CAMEO tables; place
   from the sentence's place (else the dateline), date from the sentence's date expression
   (else the publication date); ``rule`` is the dictionary entry id.

``code_sentence(text)`` runs the whole pipeline on one sentence (used by the evaluation).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from warta.analysis.event_actors import ActorMention, sentence_actors
from warta.analysis.event_codes import (
    AERIAL,
    ARMOUR,
    accusation,
    aim,
    place_code,
    refine_code,
)
from warta.analysis.event_match import PatternMatch, find_patterns, lemma_words, normal_words
from warta.analysis.event_words import (
    ATTRIB,
    COMPLEMENT_ROOTS,
    COORD,
    FUTURE,
    HYPO,
    MOVES,
    NEG,
    PREP,
    PUNCT_STOP,
    PURPOSE,
    SPEECH,
    STOP_PHRASES,
    SUBORD,
    TIME_WORDS,
    TOPIC,
    boundary,
    clause_start,
    in_background,
    in_condition,
    later_condition,
    left_context,
    relative,
)
from warta.knowledge.cameo import code_info
from warta.record import Actor, Analysis, Event, Span

_log = logging.getLogger(__name__)

__all__ = ["code_sentence", "extract_events", "refine_code"]

# -- helpers -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    match: PatternMatch
    code: str
    anchor: int  # doc token index
    negated: bool = False
    modality: str = "asserted"
    suppressed: bool = False
    background: bool = False
    inner: list[_Cand] = field(default_factory=list)
    cond_actor: ActorMention | None = None


def _select(matches: list[PatternMatch]) -> list[PatternMatch]:
    """One pattern per verb: the most specific; drop patterns inside a better one."""
    best: dict[int, PatternMatch] = {}
    for m in matches:
        cur = best.get(m.anchor)
        if cur is None or m.specificity > cur.specificity:
            best[m.anchor] = m
    kept = sorted(best.values(), key=lambda m: (-len(m.tokens), m.anchor))
    out: list[PatternMatch] = []
    for m in kept:
        toks = set(m.tokens)
        if any(toks <= set(k.tokens) for k in out):
            continue
        if any(m.anchor in k.tokens and k.anchor != m.anchor for k in out):
            continue
        if any(toks & set(k.tokens) and ("nom" in k.entry.opts) == ("nom" in m.entry.opts)
               for k in out):
            continue  # shares words with a more specific pattern: the same phrase
        out.append(m)
    return sorted(out, key=lambda m: m.anchor)


def _in_quote(analysis: Analysis, char: int) -> Any:
    for q in analysis.quotes:
        if q.start <= char < q.end:
            return q
    return None


# -- actor choice ------------------------------------------------------------------------


class _SentenceActors:
    """Actor mentions of one sentence with the lookups the coder needs."""

    def __init__(self, analysis: Analysis, doc: Any, s0: int, s1: int, date: str | None,
                 prev_subject: ActorMention | None) -> None:
        self.analysis, self.doc, self.s0, self.s1 = analysis, doc, s0, s1
        self._date = date
        self._all: list[ActorMention] | None = None
        self.prev_subject = prev_subject
        self.words = normal_words([t.text for t in doc[s0:s1]])
        if doc.has_annotation("LEMMA"):
            self.words = lemma_words(self.words, [t.lemma_ for t in doc[s0:s1]])
        self.other_anchors: set[int] = set()

    @property
    def all(self) -> list[ActorMention]:
        # Found on first use: most sentences hold no event pattern and never need their
        # actors, which are the costliest part of the stage.
        if self._all is None:
            self._all = sentence_actors(self.analysis, self.doc, self.s0, self.s1, self._date)
        return self._all

    def at(self, tok: int) -> ActorMention | None:
        for a in self.all:
            if a.start <= tok < a.end:
                return a
        return None

    def in_range(self, lo: int, hi: int) -> list[ActorMention]:
        return [a for a in self.all if a.start >= lo and a.end <= hi]

    def w(self, tok: int) -> str:
        return self.words[tok - self.s0]

    def prep_before(self, a: ActorMention) -> str | None:
        """The preposition governing ``a`` ("di", "kepada", ...), if any, looking past
        nouns of its phrase ("di perbatasan Ukraina", "ke kota Gorazde")."""
        j = a.start - 1
        steps = 0
        while j >= self.s0 and steps < 3:
            w = self.w(j)
            if w == "dari" and j > self.s0 and self.w(j - 1) in ("lebih", "kurang"):
                return None  # "lebih dari 100.000 tentara" is a quantity, not a source
            if w in PREP:
                return w
            if w in (",", "dan", "serta", "atau") or w in SUBORD or w in PUNCT_STOP:
                return None
            tok = self.doc[j]
            if tok.pos_ in ("VERB", "AUX") or (w.startswith(("me", "di", "ber")) and
                                               tok.pos_ not in ("NOUN", "PROPN", "ADJ")
                                               and not tok.text[:1].isupper() and len(w) > 5):
                return None
            j -= 1
            steps += 1
        return None

    def resolve(self, a: ActorMention, before: int) -> ActorMention | None:
        """A pronoun's referent; other mentions are returned as they are."""
        if a.kind != "pronoun":
            return a
        if a.etype == "we":
            q = _in_quote(self.analysis, a.char_start)
            if q is not None and q.speaker is not None and q.speaker.entity_id:
                ent = self.analysis.entity(q.speaker.entity_id)
                if ent is not None:
                    code = ent.cameo or ent.country
                    return ActorMention(a.start, a.end, code, ent.id, a.text, a.char_start,
                                        a.char_end, "actor", ent.type)
            # No quote record: the speaker is the subject of the sentence's speech verb.
            for b in self.all:
                if b.kind == "actor" and b.start < a.start and b.code:
                    return b
            return None
        want_per = a.etype == "per"
        subj = self._speech_subject(a.start)
        if subj is not None and (not want_per or subj.etype == "PER"):
            return subj
        for b in reversed(self.all):
            if b.start >= a.start or b.kind != "actor" or not b.code:
                continue
            if want_per and b.etype not in ("PER",):
                continue
            if self.in_governed_list(b) or self.prep_before(b) in ("dari", "seperti", "di"):
                continue  # "datang dari Jepang, ... dan Rusia. Mereka ...": not a doer
            return b
        if self.prev_subject is not None and self.prev_subject.code:
            return self.prev_subject
        return None

    def _clause_initial(self, a: ActorMention) -> bool:
        j = a.start - 1
        while j >= self.s0 and (self.w(j) in ("para", "seorang", "sejumlah", "sekelompok")
                                or not self.w(j).strip()):
            j -= 1
        return j < self.s0 or self.w(j) in (",", "bahwa", "“", '"', "dan", "namun", "tetapi")

    def _speech_subject(self, p: int) -> ActorMention | None:
        """"X mengatakan (bahwa) dia ...": the pronoun is X, the subject of the nearest
        speech or thought verb before it."""
        for v in range(p - 1, self.s0 - 1, -1):
            if self.w(v) in SPEECH:
                for b in reversed(self.all):
                    if b.end <= v and b.kind == "actor" and b.code \
                            and self._clause_initial(b):
                        return b
                return None
        return None

    def in_governed_list(self, a: ActorMention) -> bool:
        """True when ``a`` is a later member of a list a preposition governs ("datang dari
        Jepang, Jerman, dan AS")."""
        group = self.compound(a) if a in self.all else [a]
        first = group[0]
        # Only a preposition right before the list counts: in "di tengah langkah AS dan
        # sekutunya" the list is the possessor of "langkah", the doer of the move.
        return first is not a and first.start > self.s0 \
            and self.w(first.start - 1) in PREP

    def compound(self, a: ActorMention) -> list[ActorMention]:
        """``a`` and the actors coordinated with it ("AS dan sekutunya seperti Kanada")."""
        group = [a]
        idx = self.all.index(a) if a in self.all else -1
        if idx < 0:
            return group
        for step in (1, -1):
            k = idx
            while 0 <= k + step < len(self.all):
                b = self.all[k + step]
                lo, hi = (self.all[k].end, b.start) if step == 1 else (b.end, self.all[k].start)
                between = [self.w(t) for t in range(lo, hi)]
                if not between or not all(x in COORD for x in between):
                    break
                if "dan" not in between and "," not in between and "serta" not in between \
                        and "seperti" not in between and "maupun" not in between \
                        and "atau" not in between:
                    break
                if b.kind == "actor" and b.code:
                    group.append(b)
                k += step
        group.sort(key=lambda x: x.start)
        return group


def _dep_subject(doc: Any, tok: int, passive: bool) -> int | None:
    """Token index of the subject of ``tok`` in the parse, climbing through xcomp/conj."""
    t = doc[tok]
    for _ in range(4):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubj:pass", "csubj"):
                return c.i
        if t.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acl", "parataxis") and t.head is not t:
            t = t.head
            continue
        break
    return None


def _subtree_actor(sa: _SentenceActors, tok: int) -> ActorMention | None:
    a = sa.at(tok)
    if a is not None:
        return a
    t = sa.doc[tok]
    lo, hi = t.left_edge.i, t.right_edge.i + 1
    inside = [x for x in sa.in_range(lo, hi) if x.kind != "place"]
    return inside[0] if inside else None


def _linear_subject(sa: _SentenceActors, v: int, local_only: bool = False
                    ) -> ActorMention | None:
    """First actor of the clause before ``v`` that no preposition governs; failing that
    (unless ``local_only``), the first such actor of the sentence before ``v``."""
    words = sa.words
    cs = sa.s0 + clause_start(words, v - sa.s0)
    # "X mengatakan Y berkomitmen ...": after a speech verb, Y is the subject.
    for sv in range(v - 1, cs - 1, -1):
        if sa.w(sv) in SPEECH:
            after = [a for a in sa.in_range(sv + 1, v) if a.kind == "actor"
                     and sa.prep_before(a) is None]
            if after:
                return after[0]
            break
    for lo in ((cs,) if local_only else (cs, sa.s0)):
        ok = [a for a in sa.in_range(lo, v)
              if not (a.kind == "place" and a.code is None)
              and sa.prep_before(a) is None and not sa.in_governed_list(a)
              and not any(sa.w(t) in ATTRIB for t in range(max(sa.s0, a.start - 2), a.start))]
        if ok:
            if ok[0].code is None or ok[0].kind == "pronoun":
                # An uncoded name in apposition with a coded one ("Kenzo Oshima,
                # Koordinator Bantuan Darurat PBB, menuntut"): the coded one is the actor.
                coded = [a for a in ok[1:] if a.code and a.kind == "actor"
                         and "," in sa.words[ok[0].end - sa.s0:a.start - sa.s0]]
                if coded and ok[0].kind != "pronoun":
                    return coded[0]
            return ok[0]
    return None


_OBLIGE = ("harus", "agar", "mesti", "wajib")


def _oblige_at(sa: _SentenceActors, cand: _Cand) -> int | None:
    """Where the pattern's "harus/agar" stands, when it starts with one."""
    first = sa.s0 + cand.match.start
    return first if sa.w(first) in _OBLIGE else None


def _obliged(sa: _SentenceActors, cand: _Cand) -> ActorMention | None:
    """The actor obliged in "... bahwa China harus menghapus ...": the one before "harus"."""
    v = _oblige_at(sa, cand)
    cs = sa.s0 + clause_start(sa.words, v - sa.s0)
    inside = [a for a in sa.in_range(cs, v) if a.kind == "actor" and a.code]
    return inside[-1] if inside else None


def _source_for(sa: _SentenceActors, cand: _Cand, use_parse: bool) -> ActorMention | None:
    v = cand.anchor
    m = cand.match
    at = _oblige_at(sa, cand)
    if at is not None:
        # The demand is made by the speaker of the sentence, not by the obliged party.
        first = next((a for a in sa.all if a.start < at and a.kind == "actor" and a.code
                      and sa.prep_before(a) is None), None)
        obliged = _obliged(sa, cand)
        return first if first is not obliged else None
    passive = m.voice == "passive"
    if passive:
        # The di- passive's agent: "oleh X", or a bare agent right after the verb.
        for t in range(v + 1, min(sa.s1, v + 14)):
            if sa.w(t) == "oleh":
                a = next((x for x in sa.all if x.start > t and x.start <= t + 4), None)
                if a is not None:
                    return sa.resolve(a, t)
            if boundary(sa.words, t - sa.s0):
                break
        a = next((x for x in sa.all if v < x.start <= v + 2 and x.kind == "actor"), None)
        if a is not None and sa.prep_before(a) is None:
            return a
        return None
    if "nom" in m.entry.opts:
        ant = _after_word(sa, m, "antara")
        if ant:
            return ant[0]
        # Possessor of the event noun: "pengumpulan ... tentara Rusia".
        m0, m1 = sa.s0 + m.start, sa.s0 + m.end
        for a in sa.all:
            if a.kind == "actor" and m0 <= a.start <= m1 + 1 and \
                    (a.start < m1 or sa.prep_before(a) in (None, "oleh")):
                return a
        for t in range(m1, min(sa.s1, m1 + 10)):
            if sa.w(t) == "oleh":
                a = next((x for x in sa.all if t < x.start <= t + 3), None)
                if a is not None:
                    return a
        return None  # an event noun takes its actors from its own phrase only
    lin = _linear_subject(sa, v)
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
        subj = _dep_subject(sa.doc, v, passive)
        if subj is not None and sa.s0 <= subj < sa.s1:
            a = _subtree_actor(sa, subj)
            if a is not None and sa.prep_before(a) is None and not sa.in_governed_list(a):
                return sa.resolve(a, v)
    a = _linear_subject(sa, v)
    if a is None:
        # A pronoun subject of the clause ("dia berharap untuk bertemu").
        cs = sa.s0 + clause_start(sa.words, v - sa.s0)
        pron = [x for x in sa.all if x.kind == "pronoun" and cs <= x.start < v]
        if pron:
            return sa.resolve(pron[0], v)
        return None
    return sa.resolve(a, v)


def _noun_before(sa: _SentenceActors, lo: int, v: int) -> bool:
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
        if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "" and w not in FUTURE | NEG
                                              and w not in HYPO):
            return True
    return False


def _subject_noun(sa: _SentenceActors, cand: _Cand) -> bool:
    """True when the verb's clause opens with a noun phrase before the verb (a subject
    that is not an actor), as opposed to a verb with no expressed subject."""
    cs = sa.s0 + clause_start(sa.words, cand.anchor - sa.s0)
    return _noun_before(sa, cs, cand.anchor)


def _unattributed(sa: _SentenceActors, cand: _Cand) -> ActorMention | None:
    """An attack nobody is named for: CAMEO's unidentified armed forces of the country it
    happened in ("ledakan bom di dekat kota Samarra" -> IRQUAF)."""
    places = [a for a in sa.all if a.kind == "place" and a.code]
    places += [a for a in sa.all if a.kind == "actor" and a.code and len(a.code) == 3
               and sa.prep_before(a) in ("di", "dekat")]
    if not places:
        return None
    p = min(places, key=lambda a: abs(a.start - cand.anchor))
    return ActorMention(p.start, p.end, p.code[:3] + "UAF", None, p.text, p.char_start,
                        p.char_end, "actor", "UAF")


def _after_word(sa: _SentenceActors, m: PatternMatch, word: str) -> list[ActorMention]:
    for t in range(sa.s0 + m.anchor, min(sa.s1, sa.s0 + m.end + 6)):
        if sa.w(t) == word:
            first = next((a for a in sa.all if a.start > t and a.kind == "actor"), None)
            if first is None:
                return []
            return sa.compound(first)
    return []


def _target_for(sa: _SentenceActors, cand: _Cand, source: ActorMention | None,
                source_group: list[ActorMention]) -> ActorMention | None:
    m = cand.match
    v = cand.anchor
    preps = set(m.entry.opts.get("tgt") or ()) if isinstance(m.entry.opts.get("tgt"), list) \
        else set()
    if m.voice == "passive":
        # The subject of a di- passive stands in its own clause ("setelah pabrik diserang").
        subj = _linear_subject(sa, v, local_only=True)
        if subj is not None and subj not in source_group:
            return subj
    if _oblige_at(sa, cand) is not None:
        obliged = _obliged(sa, cand)
        if obliged is not None and obliged not in source_group:
            return obliged
    skip = {id(a) for a in source_group}
    # Same referent *and* same code: "warga Kurdi Irak ... dari Irak" relates IRQCVL to IRQ.
    group_ents = {(a.entity_id, a.code) for a in source_group if a.entity_id}
    if source is not None:
        skip.add(id(source))
    if "nom" in m.entry.opts and "antara" in preps:
        ant = _after_word(sa, m, "antara")
        if len(ant) > 1:
            return ant[1]
    if cand.code[:2] in ("09", "11", "12", "14"):
        # Investigating or protesting a deed names its doer: "penyelidikan atas kekerasan
        # yang dilakukan pasukan X terhadap warga Y" -> pasukan X.
        got = _doer_of_deed(sa, cand, skip)
        if got is not None:
            return got
    if cand.code[:2] == "11":
        # A complaint addressed to a body is about someone: "mengadu ke PBB atas blokade
        # AS" targets the US, the addressee only hears it.
        got = _complained_about(sa, cand, skip)
        if got is not None:
            return got
    if cand.code == "053":
        # Rallying support on behalf of someone: the target is the one supported ("mendesak
        # X untuk mendukung PLO"), not the party urged.
        got = _beneficiary(sa, cand, skip)
        if got is not None:
            return got
    got = None
    if preps - {"di"}:
        # The pattern names its target's preposition ("mengekstradisi X ke Inggris"):
        # an actor so introduced beats a bare object.
        got = _scan_target(sa, cand, source, skip, group_ents, preps, False, prep_only=True)
    if got is None:
        got = _scan_target(sa, cand, source, skip, group_ents, preps, False)
    if got is None and cand.match.code[:2] not in ("18", "19", "20"):
        # Nothing before a purpose clause: its actor is the target ("mogok makan untuk
        # memprotes keputusan Swedia", "bersedia mengirim ... untuk membantu Arab Saudi").
        got = _scan_target(sa, cand, source, skip, group_ents, preps, True)
    return got


_DEED_VERBS = frozenset({"dilakukan", "dilancarkan", "dilakukannya", "diperbuat"})


def _doer_of_deed(sa: _SentenceActors, cand: _Cand, skip: set) -> ActorMention | None:
    v = cand.anchor
    for t in range(v + 1, min(sa.s1 - 1, v + 20)):
        w = sa.w(t)
        if w in PUNCT_STOP or w in ATTRIB or w in SUBORD or w in ("bahwa", ","):
            return None
        if w in _DEED_VERBS and t > sa.s0 and sa.w(t - 1) == "yang":
            k = t + 2 if sa.w(t + 1) == "oleh" else t + 1
            a = sa.at(k)
            if a is not None and a.start == k and a.kind == "actor" and a.code \
                    and id(a) not in skip:
                return a
            return None
    return None


def _complained_about(sa: _SentenceActors, cand: _Cand, skip: set) -> ActorMention | None:
    v = cand.anchor
    addressee = False
    for t in range(v + 1, min(sa.s1, v + 16)):
        w = sa.w(t)
        if w in PUNCT_STOP or w in ATTRIB or w in SUBORD or w in ("bahwa", ","):
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


_SUPPORT_VERBS = frozenset({"mendukung", "membantu", "membela", "memperjuangkan",
                            "menyokong", "mendampingi"})


def _beneficiary(sa: _SentenceActors, cand: _Cand, skip: set) -> ActorMention | None:
    v = cand.anchor
    for t in range(v + 1, min(sa.s1, v + 26)):
        w = sa.w(t)
        if w in PUNCT_STOP or w in ATTRIB or w in SUBORD:
            return None
        if w in _SUPPORT_VERBS:
            for a in sa.all:
                if a.start > t and a.kind == "actor" and a.code and id(a) not in skip \
                        and sa.prep_before(a) in (None, "bagi", "untuk", "kepada"):
                    return a
            return None
    return None


def _verbish(sa: _SentenceActors, t: int) -> bool:
    w = sa.w(t)
    tok = sa.doc[t]
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return len(w) > 4 and w.startswith(("me", "ber", "di", "ter", "mem", "men")) \
        and not tok.text[:1].isupper()


def _scan_target(sa: _SentenceActors, cand: _Cand, source: ActorMention | None, skip: set,
                 group_ents: set, preps: set, relaxed: bool, prep_only: bool = False
                 ) -> ActorMention | None:
    """First target-like actor right of the verb; a location ("di Moskow") is returned
    marked ``kind="place_loc"`` when nothing better comes before the clause ends."""
    m = cand.match
    v = cand.anchor
    loc: ActorMention | None = None
    depth = 0
    for t in range(v + 1, min(sa.s1, v + 26)):
        w = sa.w(t)
        if w == "(":
            depth += 1
            continue
        if w == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if w in PUNCT_STOP or w in ATTRIB or (w in SUBORD and t > sa.s0 + m.end):
            break
        if t >= sa.s0 + m.end and not relaxed:
            nxt = t + 1 < sa.s1
            if w == "bahwa" or w in ("agar", "supaya") or t in sa.other_anchors:
                break
            if w in ("untuk", "guna", "demi") and nxt and _verbish(sa, t + 1):
                break
            if w == "upaya" and t > sa.s0 and sa.w(t - 1) in ("dalam", "sebagai", "sbg"):
                break
        if w == "," and t + 1 < sa.s1 and (sa.w(t + 1) in ATTRIB or sa.w(t + 1) in SUBORD):
            break
        a = sa.at(t)
        if a is None or a.start != t or id(a) in skip:
            continue
        if a.code is None and a.kind == "actor" and a.etype not in ("PER", None) \
                and not a.text[:1].isupper():
            continue  # a lower-case word the tagger took for a name ("otonomi")
        if t > sa.s0 and sa.w(t - 1) in ("dolar", "euro", "yen", "yuan", "rupee", "dollar"):
            continue  # "dolar AS" is a currency, not an actor
        if a.kind == "pronoun":
            r = sa.resolve(a, t)
            if r is None or id(r) in skip or (source is not None and r.code == source.code):
                continue
            a = r
        if a.entity_id and (a.entity_id, a.code) in group_ents:
            continue
        if source is not None and a.entity_id and a.entity_id == source.entity_id \
                and a.code == source.code:
            continue
        prep = sa.prep_before(a)
        if prep_only:
            if prep in preps and prep != "di" and a.code:
                return _as_place_target(a, cand.code, a.code) if a.kind == "place" else a
            continue
        if prep == "di" and "di" in preps and a.code:
            return a
        if a.kind == "place" and prep in ("dengan", "kepada", "terhadap", "ke", "melawan") \
                and a.code:
            # A capital or region standing for its country (or its government).
            return _as_place_target(a, cand.code, a.code)
        if a.kind == "place" or prep == "di":
            if loc is None and a.code:
                loc = a
            continue
        if prep is None and m.voice == "passive":
            continue  # the bare noun after a di- verb is its agent, not its target
        if prep == "oleh" and cand.code[:2] in ("09", "11", "12", "14") \
                and m.voice != "passive":
            return a  # "protes atas penangkapan aktivis oleh polisi X": the doer named
        if prep in (None, "kepada", "terhadap", "dengan", "ke", "atas", "bagi", "untuk",
                    "melawan", "menentang", "antara", "dari", "pada") or prep in preps:
            if prep == "dari" and "dari" not in preps and cand.match.code[:2] in (
                    "04", "05", "06", "07"):
                continue
            if prep == "pada" and "pada" not in preps:
                continue
            return a
    if loc is not None:
        code = loc.code
        if loc.kind == "place":
            code = place_code(loc.code, cand.code, capital=_is_capital(loc.text))
        return ActorMention(loc.start, loc.end, code,
                            loc.entity_id, loc.text, loc.char_start, loc.char_end,
                            "place_loc", loc.etype)
    return None


def _is_capital(name: str) -> bool:
    """True when the knowledge base files ``name`` as a capital city."""
    try:
        from warta.knowledge import kb

        return any((e.extra or {}).get("capital_of") or (e.extra or {}).get("level")
                   == "capital" for e in kb().lookup(name, kinds=("place",)))
    except Exception:  # noqa: BLE001 - no KB tables: no capital metonymy
        return False


def _as_place_target(a: ActorMention, event: str, code: str) -> ActorMention:
    return ActorMention(a.start, a.end, place_code(code, event, capital=_is_capital(a.text)),
                        a.entity_id, a.text, a.char_start, a.char_end, a.kind, a.etype)


# -- the coder ---------------------------------------------------------------------------


def _actor(a: ActorMention | None) -> Actor | None:
    if a is None:
        return None
    return Actor(entity_id=a.entity_id, code=a.code, text=a.text, start=a.char_start,
                 end=a.char_end)


def _candidates(sa: _SentenceActors) -> list[_Cand]:
    words = sa.words
    matches = _select(find_patterns(words))
    cands: list[_Cand] = []
    for m in matches:
        if any(tuple(words[m.anchor:m.anchor + len(p)]) == p for p in STOP_PHRASES):
            continue
        c = _Cand(m, accusation(aim(m.code, words, m.anchor), words, m.anchor),
                  sa.s0 + m.anchor)
        left = left_context(words, m.anchor)
        if "nom" in m.entry.opts:
            if any(w in TOPIC for w in left[:2]):
                continue  # the topic of another event, not an event itself
            host = next((x for x in reversed(cands) if not x.suppressed
                         and "nom" not in x.match.entry.opts
                         and not any(boundary(words, k)
                                     for k in range(x.match.anchor, m.anchor))), None)
            if host is not None:
                # The object of a verb ("memberikan bantuan kemanusiaan"): it may make the
                # verb's code more precise, but it is not a second event.
                if host.code[:2] == c.code[:2] and host.code.endswith("0") \
                        and len(c.code) >= len(host.code):
                    host.code = c.code
                continue
        c.negated = any(w in NEG for w in left[:3])
        if any(w in FUTURE for w in left):
            c.modality = "future"
        elif any(w in HYPO for w in left[:2]):
            c.modality = "hypothetical"
        if in_condition(words, m.anchor):
            c.modality = "conditional"
            c.suppressed = True
        if relative(words, m.start):
            c.suppressed = True  # "yang diduduki Israel": a description, not the news
        c.background = in_background(words, m.anchor)
        cands.append(c)
    if any(not c.suppressed and not c.background for c in cands):
        for c in cands:
            if c.background:
                c.suppressed = True
    # Complements and purposes: the inner verb refines the outer one, or is dropped.
    for i, inner in enumerate(cands):
        if inner.suppressed:
            continue
        for outer in reversed(cands[:i]):
            if outer.suppressed:
                continue
            lo, hi = outer.match.anchor, inner.match.anchor
            between = words[lo + 1:hi]
            if any(w in PUNCT_STOP or w in SUBORD or w == ";" for w in between):
                break
            if "," in between and not any(w in PURPOSE for w in between):
                break
            tgt_words = outer.match.entry.opts.get("tgt")
            if isinstance(tgt_words, list) and words[inner.match.anchor] in tgt_words:
                inner.suppressed = True  # "unjuk rasa menentang X": a target marker
                break
            if inner.match.entry.id == "193.tewaskan" and outer.code[:2] in ("18", "19", "20"):
                inner.suppressed = True  # the toll of the attack, not a second attack
                break
            purpose = any(w in PURPOSE or w == "upaya" for w in between)
            clause = "bahwa" in between  # "sepakat bahwa ...": a belief, not a plan
            if outer.code[:2] in COMPLEMENT_ROOTS:
                inner.suppressed = True
                inner.modality = "demanded" if outer.code[:2] in ("02", "10") else "future"
                if not clause and inner.code[:2] == outer.code[:2] \
                        and len(inner.code) >= len(outer.code) and outer.code.endswith("0"):
                    outer.code = inner.code  # "memperingatkan ... tidak akan menoleransi"
                elif not clause and (outer.code == outer.code[:2] + "0"
                                     or outer.match.entry.fixed == 1
                                     or outer.code in ("124", "127")):
                    refined = refine_code(outer.code, inner.code)
                    if refined != outer.code and (outer.code[:2] != "13"
                                                  or inner.code[:2] >= "14"
                                                  or inner.code[:2] == "13"):
                        outer.code = refined
                outer.inner.append(inner)
                break
            if purpose:
                inner.suppressed = True
                inner.modality = "hypothetical"
                outer.inner.append(inner)
                break
    for c in cands:
        if c.suppressed:
            continue
        left = left_context(words, c.match.anchor, 3)
        if left and left[0] in PURPOSE and c.modality == "asserted":
            # A purpose with no event before it: "langkah AS ... untuk memberlakukan boikot"
            # is a move made; "saluran ... untuk memantau" is only an aim.
            before = set(words[max(0, c.match.anchor - 12):c.match.anchor])
            if not before & MOVES:
                c.modality = "hypothetical"
        root = c.code[:2]
        cond_at = later_condition(words, c.match.anchor)
        if c.negated:
            pass  # "setuju untuk tidak menempatkan": no intent, no threat
        elif c.modality == "future" and "04" <= root <= "08":
            c.code = refine_code("03", c.code)
        elif root >= "14" and (c.modality == "future" or cond_at is not None):
            c.code = refine_code("13", c.code)
            if cond_at is not None:
                c.modality = "conditional"
        elif root == "13" and cond_at is not None:
            c.modality = "conditional"
        if c.code[:2] == "13" and cond_at is not None:
            # The threatened party is the actor of the condition ("jika Moskow ...").
            c.cond_actor = next((a for a in sa.all if a.start > sa.s0 + cond_at
                                 and a.kind == "actor" and a.code), None)
    return [c for c in cands if not c.suppressed]


def _sentence_events(analysis: Analysis, doc: Any, s0: int, s1: int, date: str | None,
                     prev_subject: ActorMention | None, use_parse: bool = True
                     ) -> tuple[list[tuple[_Cand, ActorMention | None, ActorMention | None]],
                                ActorMention | None]:
    sa = _SentenceActors(analysis, doc, s0, s1, date, prev_subject)
    out = []
    subject_seen = prev_subject
    cands = _candidates(sa)
    sa.other_anchors = {c.anchor for c in cands}
    for c in cands:
        src = _source_for(sa, c, use_parse)
        group = sa.compound(src) if src is not None and src in sa.all else (
            [src] if src is not None else [])
        if src is not None and c.code in ("180", "183", "190", "193"):
            # The weapon names the CAMEO code: aircraft 195, tanks and artillery 194.
            head = {w.lower() for w in src.text.split()}
            if head & AERIAL:
                c.code = "195"
            elif head & ARMOUR:
                c.code = "194"
        nominal = "nom" in c.match.entry.opts
        if src is None and c.code[:2] in ("18", "19", "20") and (
                nominal or c.match.voice == "passive"):
            # Only an attack told without its subject ("ledakan bom ...", "diserang"): a
            # verb with a subject that is no actor ("Banjir mengepung ...") is not one.
            src = _unattributed(sa, c)
            group = [src] if src is not None else []
        if src is None and not nominal and c.match.voice != "passive" \
                and _subject_noun(sa, c):
            continue  # "Tim basket Indonesia menyerah ...": the doer is not an actor
        tgt = _target_for(sa, c, src, group)
        if tgt is None and c.cond_actor is not None and c.cond_actor not in group:
            tgt = c.cond_actor
        # "X dan Y sama-sama melanggar ...": each did it to the other.
        recip = "recip" in c.match.entry.opts or any(
            w in ("sama-sama", "saling") for w in sa.words[max(0, c.match.start - 2):
                                                        c.match.start])
        if src is not None:
            subject_seen = src
        tgroup = sa.compound(tgt) if tgt is not None and tgt in sa.all else (
            [tgt] if tgt is not None else [])
        if recip and len(group) > 1:
            for a in group:
                for b in group:
                    if a is not b:
                        out.append((c, a, b))
            continue
        if not any(a is not None and a.code for a in group) and not any(
                b is not None and b.code and b.kind != "place_loc" for b in tgroup):
            continue  # no coded actor, or only a place ("angin kencang ... di kota Bogor")
        for a in group or [None]:
            for b in tgroup or [None]:
                if a is not None and b is not None and a is b:
                    continue
                out.append((c, a, b))
                if recip and "nom" in c.match.entry.opts and a is not None and b is not None:
                    out.append((c, b, a))
    return out, subject_seen


_FINAL = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")"})


def _sentence_spans(analysis: Analysis, doc: Any) -> list[tuple[int, int]]:
    """The Doc's sentences, with a split the parser made mid-sentence undone: a piece that
    does not end in final punctuation (or a line break) is joined to the next one."""
    try:
        raw = [(s.start, s.end) for s in doc.sents]
    except ValueError:  # no sentence boundaries: the whole doc is one sentence
        return _bounded(0, len(doc))
    out: list[tuple[int, int]] = []
    start = None
    for s0, s1 in raw:
        if start is None:
            start = s0
        last = s1 - 1
        while last > s0 and (doc[last].text in _CLOSERS or doc[last].is_space):
            last -= 1
        ends = doc[last].text in _FINAL or doc[last].text.endswith(tuple(_FINAL)) \
            or "\n" in doc[s1 - 1].whitespace_ or doc[s1 - 1].is_space \
            or (s1 < len(doc) and doc[s1].is_space)
        if ends or s1 == len(doc):
            out.append((start, s1))
            start = None
    if start is not None:
        out.append((start, len(doc)))
    return [piece for s0, s1 in out for piece in _bounded(s0, s1)]


# Longer "sentences" are text without punctuation (lists, scraped tables, hostile input);
# coding works clause by clause and its cost grows with the square of the length, so they
# are coded in windows. Real sentences are far shorter (Detik: 99 % under 52 tokens).
MAX_SENTENCE_TOKENS = 200


def _bounded(s0: int, s1: int) -> list[tuple[int, int]]:
    return [(a, min(a + MAX_SENTENCE_TOKENS, s1)) for a in range(s0, s1, MAX_SENTENCE_TOKENS)]


def _date_in(analysis: Analysis, c0: int, c1: int) -> str | None:
    for d in analysis.dates:
        if c0 <= d.start < c1:
            return d.value
    pub = analysis.article.published
    return pub.value[:10] if pub and pub.value else None


def _place_in(analysis: Analysis, c0: int, c1: int) -> str | None:
    place_ids = {p.entity_id for p in analysis.places}
    for ent in analysis.entities:
        if ent.id in place_ids and any(c0 <= m.start < c1 for m in ent.mentions):
            return ent.id
    dl = analysis.article.dateline
    return dl.place_id if dl is not None else None


# In sports reports a country named without a role ("Indonesia kalah 2-3 dari Malaysia",
# "Barcelona bertandang ke markas Dortmund") is a team, and "menyerang", "bertemu" or
# "menjamu" describe a match; in entertainment, lifestyle and motoring news a bare country
# is a band's home, a holiday spot or a carmaker's market ("bertemu penggemar",
# "berkunjung ke Yogyakarta"). Events whose actors are only bare countries are dropped
# there. Actors with a role (ministers, police, fans) still make events.
SOFT_SECTIONS = frozenset({"olahraga", "hiburan", "gaya_hidup", "otomotif"})
# The classifier's probability. Those sections score 0.7 or more; short political
# sentences (the event dev gold) are sometimes called sports at 0.2-0.6.
SOFT_MIN_SCORE = 0.7


def _teams_only(src: ActorMention | None, tgt: ActorMention | None) -> bool:
    from warta.knowledge import kb

    codes = [a.code for a in (src, tgt) if a is not None and a.code]
    return bool(codes) and all(len(c) == 3 and kb().country(c) is not None for c in codes)


def extract_events(analysis: Analysis, doc: Any, *, use_parse: bool = True) -> list[Event]:
    """The CAMEO/PLOVER events of ``analysis.article``, in text order.

    ``doc`` is the parsed Doc over ``analysis.article.text``; ``analysis`` has its
    entities, places, dates and quotes filled. Works on a Doc without a parse too (the
    actors are then chosen by word order alone).
    """
    events: list[Event] = []
    art_id = analysis.article.id or "doc"
    date0 = analysis.article.published.value[:10] if analysis.article.published else None
    prev: ActorMention | None = None
    seen: set[tuple] = set()
    cat = analysis.category
    soft = cat is not None and cat.label in SOFT_SECTIONS and cat.score >= SOFT_MIN_SCORE
    for s0, s1 in _sentence_spans(analysis, doc):
        if s1 <= s0:
            continue
        try:
            coded, prev = _sentence_events(analysis, doc, s0, s1, date0, prev, use_parse)
        except Exception:  # noqa: BLE001 - one bad sentence must not cost the article
            _log.exception("event coding failed on %s, tokens %d-%d", art_id, s0, s1)
            continue
        c0 = doc[s0].idx
        c1 = doc[s1 - 1].idx + len(doc[s1 - 1].text)
        for cand, src, tgt in coded:
            # One event per verb and pair of codes: a second mention of the same actors
            # adds nothing.
            key = (cand.anchor, cand.code, src.code if src else None, tgt.code if tgt else None)
            if key in seen or (soft and _teams_only(src, tgt)):
                continue
            seen.add(key)
            info = code_info(cand.code)
            m = cand.match
            ev_toks = [s0 + i for i in m.tokens]
            evidence = [Span(doc[ev_toks[0]].idx,
                             doc[ev_toks[-1]].idx + len(doc[ev_toks[-1]].text))]
            conf = 0.4 + 0.1 * min(3, m.entry.fixed) + (0.1 if src and src.code else 0) \
                + (0.1 if tgt and tgt.code else 0)
            events.append(Event(
                id=f"{art_id}-ev{len(events) + 1}",
                cameo=cand.code, root=cand.code[:2], quad_class=info.quad_class,
                goldstein=info.goldstein, plover=info.plover, plover_mode=info.plover_mode,
                source=_actor(src), target=_actor(tgt), sentence=Span(c0, c1),
                evidence=evidence, place_id=_place_in(analysis, c0, c1),
                date=_date_in(analysis, c0, c1), negated=cand.negated,
                modality=cand.modality, confidence=round(min(1.0, conf), 2),
                rule=m.entry.id))
    return events


def code_sentence(text: str) -> list[Event]:
    """Run the real pipeline on one sentence (or short text) and return its events.

    Goes through :func:`warta.analyze` when the whole pipeline is importable and keeps the
    sentence as the article body; otherwise runs the stages events need (parse, entities,
    places, quotes) directly.
    """
    try:
        from warta.pipeline import analyze
    except ImportError:
        analyze = None
    if analyze is not None:
        try:
            analysis = analyze(text)
        except Exception:  # noqa: BLE001 - a missing or failing stage: run ours below
            analysis = None
        if analysis is not None and text.strip() in (analysis.article.text or ""):
            return list(analysis.events)
    return _code_with_stages(text)


def _code_with_stages(text: str) -> list[Event]:
    from warta.language import load_pipeline
    from warta.record import Article

    doc = load_pipeline()(text)
    analysis = Analysis(article=Article(id="s", text=text))
    analysis.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    stages = (
        ("warta.analysis.entities", "resolve_entities", "entities"),
        ("warta.analysis.quotes", "extract_quotes", "quotes"),
    )
    for module, func, attr in stages:
        try:
            mod = __import__(module, fromlist=[func])
            setattr(analysis, attr, getattr(mod, func)(analysis, doc))
        except Exception:  # noqa: BLE001 - optional stages: the KB stands in for entities
            setattr(analysis, attr, [])
    return extract_events(analysis, doc)
