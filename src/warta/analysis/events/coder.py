"""``extract_events``: the events of an article, sentence by sentence.

Per sentence: the candidates (:mod:`.candidates`), then for each its source
(:mod:`.source`) and target (:mod:`.target`), one event per pair of coordinated actors;
then the record, with the CAMEO tables' Goldstein score, QuadClass and PLOVER type, the
sentence's place and date.
"""

from __future__ import annotations

from typing import Any

from warta.analysis.events.actors import ActorMention
from warta.analysis.events.candidates import Candidate, candidates
from warta.analysis.events.codes import weapon
from warta.analysis.events.grammar import grammar
from warta.analysis.events.sentence import SentenceActors
from warta.analysis.events.source import source_for, subject_noun, unattributed
from warta.analysis.events.target import target_for
from warta.knowledge import kb
from warta.knowledge.cameo import code_info
from warta.record import Actor, Analysis, Event, Span

__all__ = ["MAX_SENTENCE_TOKENS", "extract_events", "sentence_spans"]

_VIOLENCE = ("18", "19", "20")
# "X dan Y sama-sama melanggar ...": each did it to the other.
_RECIPROCAL = ("sama-sama", "saling")
_FINAL = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")"})
# Longer "sentences" are text without punctuation (lists, scraped tables, hostile input);
# coding works clause by clause and its cost grows with the square of the length, so they
# are coded in windows. Real sentences are far shorter (Detik: 99 % under 52 tokens).
MAX_SENTENCE_TOKENS = 200

Coded = tuple[Candidate, ActorMention | None, ActorMention | None]


def _group(sa: SentenceActors, a: ActorMention | None) -> list[ActorMention]:
    """``a`` with the actors coordinated with it (none for None)."""
    if a is None:
        return []
    return sa.compound(a) if a in sa.all else [a]


def _pairs(
    c: Candidate, group: list[ActorMention], tgroup: list[ActorMention], recip: bool
) -> list[Coded]:
    """One event per source and per target of the compounds; reciprocal events both ways."""
    if recip and len(group) > 1:
        return [(c, a, b) for a in group for b in group if a is not b]
    if not any(a.code for a in group) and not any(b.code and b.kind != "place_loc" for b in tgroup):
        return []  # no coded actor, or only a place ("angin kencang ... di kota Bogor")
    out: list[Coded] = []
    sources: list[ActorMention | None] = [*group] or [None]
    targets: list[ActorMention | None] = [*tgroup] or [None]
    for a in sources:
        for b in targets:
            if a is not None and b is not None and a is b:
                continue
            out.append((c, a, b))
            if recip and c.nominal and a is not None and b is not None:
                out.append((c, b, a))
    return out


def _code_one(
    sa: SentenceActors, c: Candidate, use_parse: bool
) -> tuple[list[Coded], ActorMention | None] | None:
    """The events of one candidate and its source; None when the candidate is no event."""
    src = source_for(sa, c, use_parse)
    group = _group(sa, src)
    if src is not None:
        # The weapon names the CAMEO code: aircraft 195, tanks and artillery 194.
        c.code = weapon(c.code, {w.lower() for w in src.text.split()})
    attack_told = c.nominal or c.match.voice == "passive"
    if src is None and c.code[:2] in _VIOLENCE and attack_told:
        # Only an attack told without its subject ("ledakan bom ...", "diserang"): a
        # verb with a subject that is no actor ("Banjir mengepung ...") is not one.
        src = unattributed(sa, c)
        group = [src] if src is not None else []
    if src is None and not attack_told and subject_noun(sa, c):
        return None  # "Tim basket Indonesia menyerah ...": the doer is not an actor
    tgt = target_for(sa, c, src, group)
    if tgt is None and c.cond_actor is not None and c.cond_actor not in group:
        tgt = c.cond_actor
    start = c.match.start
    recip = "recip" in c.match.entry.opts or any(
        w in _RECIPROCAL for w in sa.words[max(0, start - 2) : start]
    )
    return _pairs(c, group, _group(sa, tgt), recip), src


def sentence_events(
    analysis: Analysis,
    doc: Any,
    span: tuple[int, int],
    date: str | None,
    prev_subject: ActorMention | None,
    use_parse: bool = True,
) -> tuple[list[Coded], ActorMention | None]:
    """The events of the sentence ``doc[span[0]:span[1]]`` as (candidate, source, target),
    and the last subject seen (for pronouns of the next sentence)."""
    sa = SentenceActors(analysis, doc, span[0], span[1], date, prev_subject)
    out: list[Coded] = []
    subject_seen = prev_subject
    cands = candidates(sa)
    sa.other_anchors = {c.anchor for c in cands}
    for c in cands:
        got = _code_one(sa, c, use_parse)
        if got is None:
            continue
        coded, src = got
        if src is not None:
            subject_seen = src
        out.extend(coded)
    return out, subject_seen


def _bounded(s0: int, s1: int) -> list[tuple[int, int]]:
    return [(a, min(a + MAX_SENTENCE_TOKENS, s1)) for a in range(s0, s1, MAX_SENTENCE_TOKENS)]


def _ends_sentence(doc: Any, s0: int, s1: int) -> bool:
    """The parser's sentence ``s0..s1`` ends in final punctuation or a line break."""
    last = s1 - 1
    while last > s0 and (doc[last].text in _CLOSERS or doc[last].is_space):
        last -= 1
    return (
        doc[last].text in _FINAL
        or doc[last].text.endswith(tuple(_FINAL))
        or "\n" in doc[s1 - 1].whitespace_
        or doc[s1 - 1].is_space
        or (s1 < len(doc) and doc[s1].is_space)
    )


def sentence_spans(doc: Any) -> list[tuple[int, int]]:
    """The Doc's sentences, with a split the parser made mid-sentence undone: a piece that
    does not end in final punctuation (or a line break) is joined to the next one. Longer
    than ``MAX_SENTENCE_TOKENS``, a sentence is cut into windows."""
    if not doc.has_annotation("SENT_START"):
        return _bounded(0, len(doc))  # no sentence boundaries: the whole doc is one
    out: list[tuple[int, int]] = []
    start = None
    for s in doc.sents:
        s0, s1 = s.start, s.end
        if start is None:
            start = s0
        if _ends_sentence(doc, s0, s1) or s1 == len(doc):
            out.append((start, s1))
            start = None
    if start is not None:
        out.append((start, len(doc)))
    return [piece for s0, s1 in out for piece in _bounded(s0, s1)]


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


def _soft(analysis: Analysis) -> bool:
    """The article is in a section where a bare country is no actor (``soft_sections.tsv``)."""
    cat = analysis.category
    if cat is None:
        return False
    least = grammar().soft_sections.get(cat.label)
    return least is not None and cat.score >= least


def _teams_only(src: ActorMention | None, tgt: ActorMention | None) -> bool:
    codes = [a.code for a in (src, tgt) if a is not None and a.code]
    return bool(codes) and all(len(c) == 3 and kb().country(c) is not None for c in codes)


def _actor(a: ActorMention | None) -> Actor | None:
    if a is None:
        return None
    return Actor(
        entity_id=a.entity_id, code=a.code, text=a.text, start=a.char_start, end=a.char_end
    )


def _event(analysis: Analysis, doc: Any, n: int, sentence: tuple[int, int], coded: Coded) -> Event:
    cand, src, tgt = coded
    s0, s1 = sentence
    c0 = doc[s0].idx
    c1 = doc[s1 - 1].idx + len(doc[s1 - 1].text)
    info = code_info(cand.code)
    m = cand.match
    ev_toks = [s0 + i for i in m.tokens]
    evidence = [Span(doc[ev_toks[0]].idx, doc[ev_toks[-1]].idx + len(doc[ev_toks[-1]].text))]
    conf = (
        0.4
        + 0.1 * min(3, m.entry.fixed)
        + (0.1 if src and src.code else 0)
        + (0.1 if tgt and tgt.code else 0)
    )
    return Event(
        id=f"{analysis.article.id or 'doc'}-ev{n}",
        cameo=cand.code,
        root=cand.code[:2],
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=info.plover,
        plover_mode=info.plover_mode,
        source=_actor(src),
        target=_actor(tgt),
        sentence=Span(c0, c1),
        evidence=evidence,
        place_id=_place_in(analysis, c0, c1),
        date=_date_in(analysis, c0, c1),
        negated=cand.negated,
        modality=cand.modality,
        confidence=round(min(1.0, conf), 2),
        rule=m.entry.id,
    )


def extract_events(analysis: Analysis, doc: Any, *, use_parse: bool = True) -> list[Event]:
    """The CAMEO/PLOVER events of ``analysis.article``, in text order.

    ``doc`` is the parsed Doc over ``analysis.article.text``; ``analysis`` has its
    entities, places, dates, quotes and category filled. Works on a Doc without a parse too
    (the actors are then chosen by word order alone).
    """
    events: list[Event] = []
    date0 = analysis.article.published.value[:10] if analysis.article.published else None
    prev: ActorMention | None = None
    seen: set[tuple[int, str, str | None, str | None]] = set()
    soft = _soft(analysis)
    for span in sentence_spans(doc):
        if span[1] <= span[0]:
            continue
        coded, prev = sentence_events(analysis, doc, span, date0, prev, use_parse)
        for cand, src, tgt in coded:
            # One event per verb and pair of codes: a second mention of the same actors
            # adds nothing.
            key = (cand.anchor, cand.code, src.code if src else None, tgt.code if tgt else None)
            if key in seen or (soft and _teams_only(src, tgt)):
                continue
            seen.add(key)
            events.append(_event(analysis, doc, len(events) + 1, span, (cand, src, tgt)))
    return events
