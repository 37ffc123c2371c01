"""Who said it: speakers from noun phrases, subjects, pronouns and entity mentions.

1. The phrase at a cue is resolved to the entity mention covering its personal name
   (a person first), else to an organisation or country mention; a bare title is the
   one person entity holding it.
2. Pronouns, ``-nya`` forms and anaphoric descriptions ("pria kelahiran Jawa Tengah
   ini") point back to the running speaker or the last sentence subject (``antecedent``).
3. A speaker named by a short form ("Zainal") is linked to the one fuller person entity
   ("Zainal Abidin") holding all its words (``link_speaker``).
"""

from __future__ import annotations

import re
from typing import Any

from warta.analysis.quotes.context import Context
from warta.analysis.quotes.layout import Token, skip_space, tokens
from warta.analysis.quotes.marks import MARKS_RE
from warta.analysis.quotes.phrases import name_in, only_title_words, subject_region
from warta.analysis.quotes.relays import is_outlet
from warta.analysis.quotes.words import (
    APPOSITION_MARKERS,
    DAYS,
    DEMONSTRATIVES,
    INTRO_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    alternation,
)
from warta.record import Speaker

__all__ = [
    "antecedent",
    "link_speaker",
    "np_speaker",
    "running_speaker",
    "speaker_from_span",
    "speaker_in_subject",
    "track_subject",
]

# Entity types that can say something.
_SPEAKER_TYPES = frozenset({"PER", "ORG", "GPE", "NORP", "GROUP", "LOC"})
# Quotes further back than this (characters) are no longer the running speaker.
_RUNNING = 1500
# "ungkap Gubernur asal Buleleng itu": a description pointing back to a person.
_ANAPHORIC_TAIL_RE = re.compile(
    r"[\s,]*[^,.;:\"“”\n]{0,40}?"  # the rest of the description
    r"\b" + alternation(DEMONSTRATIVES) + r"\b\s*(?:[,.;]|$)"
)
_FIRST_NAME_WORD_RE = re.compile(r"[\w'’\-.]+")
_TITLE_WORD_RE = re.compile(r"[\w\-]+")
_NAME_TOKEN_RE = re.compile(r"[\w'’]+")
_OLEH_RE = re.compile(r"\boleh\s+")
# Words after which the next capitalised run is the person's name ("warga bernama X").
_NAMING = ("bernama", "berinisial")


def speaker_from_span(ctx: Context, start: int, end: int) -> Speaker | None:
    """A speaker for the noun phrase at ``start:end``.

    The personal name in the phrase ("Retno Marsudi" in "Menteri Luar Negeri Retno
    Marsudi") is mapped to the entity mention that covers it; a phrase with no personal
    name falls back to an organisation or country mention ("BNPB", "Pemerintah Rusia").
    A name no mention covers is kept as text (``entity_id`` None) rather than given to a
    neighbouring entity.
    """
    text = ctx.text
    if end <= start:
        return None
    first = _FIRST_NAME_WORD_RE.match(text[start:end])
    if (
        first
        and not first.group()[0].isupper()
        and first.group().lower() not in TITLE_WORDS
        and "," not in text[start:end]
    ):
        return None  # a description ("pengemudi Pajero", "sang perekam"), not a name
    ms = [m for m in ctx.mentions_in(start, end) if m[3] in _SPEAKER_TYPES]
    name = name_in(text, start, end)
    if name is not None:
        over = [m for m in ms if m[0] < name[1] and m[1] > name[0]]
        if over:
            # A person first; else the widest mention ("Pemerintah Rusia" over "Rusia").
            m = next((m for m in over if m[3] == "PER"), None) or max(
                over, key=lambda m: m[1] - m[0]
            )
            return ctx.speaker_at(m)
        return Speaker(None, text[name[0] : name[1]], name[0], name[1])
    if not ms and ctx.entities_by_id:
        holder = _title_holder(ctx, start, end)
        if holder is not None:
            return holder
    orgs = [m for m in ms if m[3] != "LOC"] or ms
    if orgs:
        return ctx.speaker_at(max(orgs, key=lambda m: m[1] - m[0]))
    return None


def _title_holder(ctx: Context, start: int, end: int) -> Speaker | None:
    """A bare title ("Presiden mengatakan …"): the one person the article gives it to."""
    text = ctx.text
    words = {w.lower() for w in _TITLE_WORD_RE.findall(text[start:end])}
    # A multi-word title matches the whole phrase; a short form ("Menaker") its title.
    forms = words | {" ".join(text[start:end].lower().split())}
    forms |= {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}
    holders = [
        e
        for e in ctx.entities_by_id.values()
        if e.type == "PER" and any(r.title and r.title.lower() in forms for r in e.roles)
    ]
    if len(holders) == 1:
        return Speaker(holders[0].id, text[start:end], start, end)
    return None


def antecedent(ctx: Context, pos: int, prefer_speaker: bool = False) -> Speaker | None:
    """The most recent plausible person before ``pos``: last speaker or last subject."""
    if prefer_speaker and ctx.last_speaker is not None and pos - ctx.last_speaker_pos < _RUNNING:
        return _copy(ctx.last_speaker)
    cands = []
    if ctx.last_speaker is not None:
        cands.append((ctx.last_speaker_pos, ctx.last_speaker))
    if ctx.last_subject is not None:
        cands.append((ctx.last_subject_pos, ctx.last_subject))
    if cands:
        cands.sort(key=lambda c: c[0])
        return _copy(cands[-1][1])
    # No running speaker: the nearest person mention before ``pos``.
    before = [m for m in ctx.mentions_in(0, pos) if m[3] == "PER" and m[1] <= pos]
    return ctx.speaker_at(before[-1]) if before else None


def running_speaker(ctx: Context, pos: int) -> Speaker | None:
    """The speaker of the running passage, if someone spoke shortly before ``pos``."""
    if ctx.last_speaker is not None and pos - ctx.last_speaker_pos < _RUNNING:
        return _copy(ctx.last_speaker)
    return None


def _copy(sp: Speaker) -> Speaker:
    return Speaker(sp.entity_id, sp.text, sp.start, sp.end)


def track_subject(ctx: Context, s_start: int, s_end: int) -> None:
    """Remember a person who opens a sentence: "Ia ..." in the next one may mean them.

    Only sentences without quotation marks count, and only a person named at the start
    (after an introductory phrase): names inside quotations or objects are not subjects.
    """
    text = ctx.text
    if MARKS_RE.search(text, s_start, s_end):
        return
    head = skip_space(text, subject_region(text, s_start, s_end)[0], s_end)
    # "… dikonfirmasi oleh Kombes Rizki Agung Prakoso": the agent is who we read about.
    for oleh in _OLEH_RE.finditer(text, head, s_end):
        for m in ctx.mentions_in(oleh.end(), min(s_end, oleh.end() + 60)):
            if m[3] == "PER" and only_title_words(text, oleh.end(), m[0]):
                ctx.remember_subject(ctx.speaker_at(m), m[0])
                return
    if not ctx.mentions:
        _track_named_subject(ctx, head, s_end)
        return
    for m in ctx.mentions_in(head, min(s_end, head + 60)):
        if m[3] == "PER" and only_title_words(text, head, m[0]):
            ctx.remember_subject(ctx.speaker_at(m), m[0])
            return


def _track_named_subject(ctx: Context, head: int, s_end: int) -> None:
    """No entities: a name opening the sentence ("Budi Santoso tiba di …"), found as a
    title-led or multi-word capitalised run."""
    text = ctx.text
    run = []
    for s, e, w in tokens(text, head, min(s_end, head + 80)):
        if not w[0].isupper() or w.lower() in DAYS:
            break
        run.append((s, e, w))
    if (
        run
        and run[0][2].lower() not in INTRO_WORDS
        and (len(run) >= 2 or run[0][2].lower() in TITLE_WORDS)
    ):
        name = name_in(text, run[0][0], run[-1][1])
        if name is not None and name[1] - name[0] > 2:
            ctx.remember_subject(Speaker(None, text[name[0] : name[1]], name[0], name[1]), name[0])


def np_speaker(
    ctx: Context, np: tuple[int, int] | None, cue_pos: int
) -> tuple[Speaker | None, str | None]:
    """(speaker, outlet) for the noun phrase named at a cue.

    A pronoun or an anaphoric description ("pria kelahiran Jawa Tengah ini") points back
    to the running speaker; an outlet is returned as the second item (a relay, never a
    speaker); a description without a name ("pengemudi Pajero") gives no speaker.
    """
    text = ctx.text
    if np is None:
        return antecedent(ctx, cue_pos), None
    name = text[np[0] : np[1]]
    if name.split()[0].lower() in PRONOUNS:
        return antecedent(ctx, cue_pos), None
    if is_outlet(name):
        return None, name
    if _ANAPHORIC_TAIL_RE.match(text, np[1], min(len(text), np[1] + 60)):
        return antecedent(ctx, cue_pos), None  # "ungkap Gubernur asal Buleleng itu"
    return speaker_from_span(ctx, np[0], np[1]), None


def speaker_in_subject(
    ctx: Context,
    start: int,
    end: int,
    doc: Any,
    verb: tuple[int, int] | None,
    first: bool = False,
) -> Speaker | None:
    """The speaker in the subject ``start:end`` of a speech verb at ``verb``.

    ``first``: take the first name of the subject (the subject of a participle clause)
    rather than the one next to the verb. When the grammar finds no head and a parsed
    ``doc`` is given, the verb's nominal subject in the parse is read instead.
    """
    text = ctx.text
    toks = tokens(text, start, end)
    if toks and toks[-1][2].lower() in DEMONSTRATIVES:
        # "Mantan Gubernur Jakarta itu mengatakan …" points back to a person;
        # "Situasi ini menegaskan …" is no speaker at all.
        if any(t[2].lower() in TITLE_WORDS or t[2].lower() in PERSON_NOUNS for t in toks[:-1]):
            return antecedent(ctx, toks[-1][0])
        return None
    if not toks:
        return None
    found = _subject_head(ctx, toks, start, end, first)
    if found is None and doc is not None and verb is not None:
        region = _doc_subject(doc, verb)
        if region is not None and region[0] >= start - 1:
            found = _subject_head(ctx, tokens(text, *region), *region)
    return found


def _subject_head(
    ctx: Context, toks: list[Token], start: int, end: int, first: bool = False
) -> Speaker | None:
    """The head of a subject: a pronoun's antecedent, else the speaker of its name run."""
    if not toks:
        return None
    lead = toks[:3] + ([toks[-1]] if toks[-1][2].lower() in PRONOUNS else [])
    for s, _e, w in lead:
        lw = w.lower()
        if lw in PRONOUNS or lw == "menurutnya":
            return antecedent(ctx, s)
    runs, appo_at, named_at = _name_runs(toks)
    if not runs:
        ms = [m for m in ctx.mentions_in(start, end) if m[3] in _SPEAKER_TYPES]
        m = next((m for m in ms if m[3] == "PER"), ms[0] if ms else None)
        return ctx.speaker_at(m) if m else None
    if named_at is not None and named_at < len(runs):
        run = runs[named_at]
    elif first:
        run = runs[0]
    else:
        run = runs[appo_at - 1] if appo_at else runs[-1]
    return speaker_from_span(ctx, run[0][0], run[-1][1])


def _name_runs(toks: list[Token]) -> tuple[list[list[Token]], int | None, int | None]:
    """The capitalised runs of a subject, the index of the run after the first apposition
    word ("Yuri Ushakov, seorang ajudan Kremlin") and the one after "bernama"."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    appo_at = None
    named_at = None
    for k, (s, e, w) in enumerate(toks):
        lw = w.lower()
        if lw in APPOSITION_MARKERS and appo_at is None and [*runs, cur] != [[]]:
            appo_at = len(runs) + (1 if cur else 0)
        if lw in _NAMING and named_at is None:
            named_at = len(runs) + (1 if cur else 0)  # "seorang warga … bernama Massimo"
        if (w[0].isupper() and lw not in DAYS and not (k == 0 and lw in INTRO_WORDS)) or (
            cur and w == "("
        ):
            cur.append((s, e, w))
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs, appo_at, named_at


def _doc_subject(doc: Any, verb: tuple[int, int]) -> tuple[int, int] | None:
    """The characters of the verb's nominal subject in the dependency parse."""
    span = doc.char_span(verb[0], verb[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for child in span.root.children:
        if child.dep_.startswith("nsubj"):
            sub = list(child.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1].text)
    return None


def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(w for w in _NAME_TOKEN_RE.findall(name.casefold()) if len(w) > 1)


def link_speaker(ctx: Context, speaker: Speaker) -> Speaker:
    """Point a speaker at the fullest entity naming the same person.

    "kata Zainal" may be resolved to an entity called "Zainal" while the article also
    has "Iptu Zainal Abidin": when exactly one other person entity's name contains all
    the words of this one, the speaker is that person. A speaker with no entity is
    linked the same way from its text. The speaker's text and offsets stay at the cue.
    """
    if not ctx.entities_by_id:
        return speaker
    ent = ctx.entities_by_id.get(speaker.entity_id) if speaker.entity_id else None
    if ent is not None and ent.type != "PER":
        return speaker
    words = _name_tokens(ent.name if ent is not None else speaker.text)
    if not words:
        return speaker
    fuller = [
        e
        for e in ctx.entities_by_id.values()
        if e.type == "PER" and e is not ent and words < _name_tokens(e.name)
    ]
    if ent is None:
        fuller += [
            e
            for e in ctx.entities_by_id.values()
            if e.type in _SPEAKER_TYPES and _name_tokens(e.name) == words
        ]
    if len({e.id for e in fuller}) == 1:
        speaker.entity_id = fuller[0].id
    return speaker
