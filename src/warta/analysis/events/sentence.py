"""One sentence as the event coder reads it: its normalised words and its actor mentions,
with the look-ups the source and target choice need (the preposition governing a mention,
pronoun referents, coordinated actors)."""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors import ActorMention, sentence_actors
from warta.analysis.events.match import lemma_words, normal_words
from warta.analysis.events.words import COORD, COORD_JOIN, PREP, PUNCT_STOP, SPEECH, SUBORD
from warta.record import Analysis, Quote

__all__ = ["SentenceActors", "in_quote"]

# Words before a noun phrase that do not end the clause ("para menteri", "seorang pejabat").
_DETERMINERS = ("para", "seorang", "sejumlah", "sekelompok")
# Words after which a phrase starts a clause.
_CLAUSE_OPENERS = (",", "bahwa", "“", '"', "dan", "namun", "tetapi")


def in_quote(analysis: Analysis, char: int) -> Quote | None:
    """The quotation of ``analysis`` that holds character ``char``, if any."""
    for q in analysis.quotes:
        if q.start <= char < q.end:
            return q
    return None


class SentenceActors:
    """Actor mentions of one sentence (doc tokens ``s0``..``s1``) with the look-ups the
    coder needs. ``words`` are the sentence's lower-cased words ("-nya" stripped, unknown
    verb forms read through their lemma)."""

    def __init__(
        self,
        analysis: Analysis,
        doc: Any,
        s0: int,
        s1: int,
        date: str | None,
        prev_subject: ActorMention | None,
    ) -> None:
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
            if a.tok_start <= tok < a.tok_end:
                return a
        return None

    def in_range(self, lo: int, hi: int) -> list[ActorMention]:
        return [a for a in self.all if a.tok_start >= lo and a.tok_end <= hi]

    def w(self, tok: int) -> str:
        return self.words[tok - self.s0]

    def _verb_at(self, j: int) -> bool:
        """A verb (by tag, or by its prefix when untagged) at token ``j``."""
        tok = self.doc[j]
        w = self.w(j)
        return tok.pos_ in ("VERB", "AUX") or (
            w.startswith(("me", "di", "ber"))
            and tok.pos_ not in ("NOUN", "PROPN", "ADJ")
            and not tok.text[:1].isupper()
            and len(w) > 5
        )

    def prep_before(self, a: ActorMention) -> str | None:
        """The preposition governing ``a`` ("di", "kepada", ...), if any, looking past
        nouns of its phrase ("di perbatasan Ukraina", "ke kota Gorazde")."""
        j = a.tok_start - 1
        steps = 0
        while j >= self.s0 and steps < 3:
            w = self.w(j)
            if w == "dari" and j > self.s0 and self.w(j - 1) in ("lebih", "kurang"):
                return None  # "lebih dari 100.000 tentara" is a quantity, not a source
            if w in PREP:
                return w
            if w in (",", "dan", "serta", "atau") or w in SUBORD or w in PUNCT_STOP:
                return None
            if self._verb_at(j):
                return None
            j -= 1
            steps += 1
        return None

    def resolve(self, a: ActorMention, before: int) -> ActorMention | None:
        """A pronoun's referent; other mentions are returned as they are."""
        if a.kind != "pronoun":
            return a
        if a.etype == "we":
            return self._speaker_of(a)
        want_per = a.etype == "per"
        subj = self._speech_subject(a.tok_start)
        if subj is not None and (not want_per or subj.etype == "PER"):
            return subj
        for b in reversed(self.all):
            if b.tok_start >= a.tok_start or b.kind != "actor" or not b.code:
                continue
            if want_per and b.etype not in ("PER",):
                continue
            if self.in_governed_list(b) or self.prep_before(b) in ("dari", "seperti", "di"):
                continue  # "datang dari Jepang, ... dan Rusia. Mereka ...": not a doer
            return b
        if self.prev_subject is not None and self.prev_subject.code:
            return self.prev_subject
        return None

    def _speaker_of(self, a: ActorMention) -> ActorMention | None:
        """The referent of "kami/kita/saya": the speaker of the quotation they stand in,
        else the first actor of the sentence before them."""
        q = in_quote(self.analysis, a.char_start)
        if q is not None and q.speaker is not None and q.speaker.entity_id:
            ent = self.analysis.entity(q.speaker.entity_id)
            if ent is not None:
                code = ent.cameo or ent.country
                return ActorMention(
                    a.tok_start,
                    a.tok_end,
                    code,
                    ent.id,
                    a.text,
                    a.char_start,
                    a.char_end,
                    "actor",
                    ent.type,
                )
        # No quote record: the speaker is the subject of the sentence's speech verb.
        for b in self.all:
            if b.kind == "actor" and b.tok_start < a.tok_start and b.code:
                return b
        return None

    def _clause_initial(self, a: ActorMention) -> bool:
        j = a.tok_start - 1
        while j >= self.s0 and (self.w(j) in _DETERMINERS or not self.w(j).strip()):
            j -= 1
        return j < self.s0 or self.w(j) in _CLAUSE_OPENERS

    def _speech_subject(self, p: int) -> ActorMention | None:
        """The pronoun in "X mengatakan (bahwa) dia ..." is X, the subject of the nearest
        speech or thought verb before it."""
        for v in range(p - 1, self.s0 - 1, -1):
            if self.w(v) in SPEECH:
                for b in reversed(self.all):
                    if b.tok_end <= v and b.kind == "actor" and b.code and self._clause_initial(b):
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
        return first is not a and first.tok_start > self.s0 and self.w(first.tok_start - 1) in PREP

    def _linked(self, lo: int, hi: int) -> bool:
        """The words between two mentions join them into one list ("dan", ",", "serta
        sekutunya seperti")."""
        between = [self.w(t) for t in range(lo, hi)]
        return (
            bool(between)
            and all(x in COORD for x in between)
            and any(x in COORD_JOIN for x in between)
        )

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
                lo, hi = (
                    (self.all[k].tok_end, b.tok_start)
                    if step == 1
                    else (b.tok_end, self.all[k].tok_start)
                )
                if not self._linked(lo, hi):
                    break
                if b.kind == "actor" and b.code:
                    group.append(b)
                k += step
        group.sort(key=lambda x: x.tok_start)
        return group
