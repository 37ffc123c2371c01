"""Indirect quotations: sentences without quotation marks that report someone's words.

A sentence with no direct or mixed quotation is matched against the constructions of
``CONSTRUCTIONS``, in order; the first that finds a quotation wins. Each is a small
function with its example in its docstring. Before them, a sentence that only says who
said the previous words ("Hal senada disampaikan X.") updates the running speaker and
quotes nothing. The reported content is the quotation: after the verb and after
"bahwa", after the comma of "Menurut X, …", before the comma of "…, kata X."; the final
full stop is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warta.analysis.quotes.build import CONFIDENCE, make_quote
from warta.analysis.quotes.context import Context
from warta.analysis.quotes.layout import Token, skip_space, tokens
from warta.analysis.quotes.phrases import np_after, subject_region
from warta.analysis.quotes.relays import via as relay
from warta.analysis.quotes.speakers import (
    antecedent,
    np_speaker,
    speaker_from_span,
    speaker_in_subject,
)
from warta.analysis.quotes.words import (
    ADJUNCT_OPENERS,
    AGENT_PASSIVES,
    BARE_CUES,
    CLAUSE_OPENERS,
    DEMONSTRATIVES,
    DENIALS,
    DIRECTIVES,
    MEN_CUES,
    NP_STOP,
    OPENING_CUES,
    PASSIVE_CUES,
    PERSON_NOUNS,
    PRONOUNS,
    REPORT_BLOCKERS,
    STANCE_NOUNS,
    TITLE_WORDS,
    UTTERANCE_NOUNS,
    WEAK_MEN_CUES,
    alternation,
    cue_word,
)
from warta.record import Quote, Speaker

__all__ = ["CONSTRUCTIONS", "indirect_quote"]

_ATTRIB_SENT_RE = re.compile(
    r"\s*"
    + alternation(UTTERANCE_NOUNS)
    + r"\s+(?:senada|serupa|yang sama|"
    + alternation(DEMONSTRATIVES)
    + r")\s+(?:juga\s+|pun\s+)?(?:di\w+kan|diungkap)\s+(?:oleh\s+)?",
    re.IGNORECASE,
)
_PASSIVE_OPEN_RE = re.compile(
    r"\s*(?:(?:Lebih lanjut|Selanjutnya|Kemudian|Selain itu),?\s+)?"
    r"(" + alternation(PASSIVE_CUES, capitalised=True) + r")(?:\s+(?:pula|juga|lagi))?\s*,\s*"
)
_OPEN_CUE_RE = re.compile(
    r"\s*(?:[^,]{0,40},\s*)?(" + alternation(OPENING_CUES | {"menurut"}) + r")(nya)?\b\s*",
    re.IGNORECASE,
)
_PAREN_CUE_RE = re.compile(
    r",\s*("
    + alternation(BARE_CUES | PASSIVE_CUES | {"menurut"})
    + r")\s+(?:oleh\s+)?([^,]{2,60}?)\s*,\s*"
)
_CLOSING_CUE_RE = re.compile(r",\s*(\w+)\b([^,]{0,80}?)[.!?]?\s*$")
_PASSIVE_AGENT_RE = re.compile(
    r"\s*[^,]{1,60}?\s(?:juga\s+|pun\s+)?(" + alternation(AGENT_PASSIVES) + r")\s+(?:oleh\s+)?"
    r"([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})\s+(\w+)"
)
_APPOSITIVE_RE = re.compile(r"\s*([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})\s*,\s*")
_BAHWA_RE = re.compile(r"\s*(?:[^,.\"“”]{0,70}?\s)?bahwa\s+")
_FIRST_WORD_RE = re.compile(r"\s*(\w+)")
_FIRST_TOKEN_RE = re.compile(r"\s*([\w\-]+)")
_PUNCT_AFTER_RE = re.compile(r"\s*[,:]")
_QUOTE_MARKS = ('"', "“", "”")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence without a direct or mixed quotation, as the constructions read it."""

    start: int
    end: int
    content_end: int  # ``end`` before the final punctuation and closing marks
    text: str  # the sentence's own characters
    via: str | None  # an outlet it says the words were relayed through
    doc: Any


def indirect_quote(ctx: Context, s_start: int, s_end: int, doc: Any) -> Quote | None:
    """The indirect quotation of the sentence ``s_start:s_end``, or None."""
    text = ctx.text
    sent = text[s_start:s_end]
    if len(sent.split()) < 4:
        return None
    end = s_end
    while end > s_start and text[end - 1] in '.!?… "”':
        end -= 1
    s = Sentence(s_start, s_end, end, sent, relay(text, s_start, s_end), doc)
    if _names_previous_speaker(ctx, s):
        return None
    for construction in CONSTRUCTIONS:
        quote = construction(ctx, s)
        if quote is not None:
            return quote
    return None


def _quote(
    ctx: Context,
    span: tuple[int, int],
    speaker: Speaker | None,
    cue: str,
    via: str | None,
    confidence: float = CONFIDENCE["indirect"],
) -> Quote:
    return make_quote(ctx, "indirect", span, speaker, cue, via, confidence)


def _names_previous_speaker(ctx: Context, s: Sentence) -> bool:
    """ "Hal senada disampaikan X.": names the running speaker but quotes nothing itself."""
    m = _ATTRIB_SENT_RE.match(s.text)
    if not m:
        return False
    np = np_after(ctx.text, s.start + m.end(), s.end)
    if np is not None:
        ctx.remember_speaker(np_speaker(ctx, np, s.start + m.end())[0], s.start)
    return True


def _passive_opener(ctx: Context, s: Sentence) -> Quote | None:
    """ "Diungkapkan, …", "Lebih lanjut dijelaskan, …": the running speaker's words."""
    m = _PASSIVE_OPEN_RE.match(s.text)
    if not m:
        return None
    content = skip_space(ctx.text, s.start + m.end(), s.content_end)
    speaker = antecedent(ctx, s.start)
    if speaker is None or len(ctx.text[content : s.content_end].split()) < 3:
        return None
    span = (content, s.content_end)
    return _quote(ctx, span, speaker, m.group(1), s.via, CONFIDENCE["indirect_passive"])


def _opening_cue(ctx: Context, s: Sentence) -> Quote | None:
    """ "Menurut X, …", "Menurutnya, …", "Kata X, …", "Lanjut X, …".

    Only "menurut" may follow an introductory phrase ("Hal itu, menurut Dian, …"):
    "X, kata Y, …" is a parenthetical cue.
    """
    m = _OPEN_CUE_RE.match(s.text)
    if not m or (m.group(1).lower() != "menurut" and s.text[: m.start(1)].strip()):
        return None
    text = ctx.text
    cue = m.group(1).lower()
    c_pos = s.start + m.end()
    via = s.via
    if m.group(2):  # "Menurutnya, …"
        speaker = antecedent(ctx, s.start)
        content = c_pos + 1 if text[c_pos : c_pos + 1] == "," else c_pos
    else:
        np = np_after(text, c_pos, s.end)
        if np is None or not _opening_cue_phrase(text, cue, np, s.end):
            return None
        speaker, outlet = np_speaker(ctx, np, c_pos)
        if outlet is not None:
            speaker, via = None, outlet
        content, appositive = _after_opening_phrase(text, np, speaker, s.end)
        if appositive is not None:
            speaker = speaker_from_span(ctx, *appositive)
    content = skip_space(text, content, s.content_end)
    if len(text[content : s.content_end].split()) < 3:
        return None
    return _quote(ctx, (content, s.content_end), speaker, cue, via)


def _opening_cue_phrase(text: str, cue: str, np: tuple[int, int], s_end: int) -> bool:
    """Whether the phrase after an opening cue can name a speaker: "Kata" and "Lanjut"
    need "Name," right after them; after "menurut" a lower-case phrase must be a title,
    a person noun or a pronoun ("Menurut data …" cites a source, not a speaker)."""
    comma = text.find(",", np[1], s_end)
    if cue != "menurut":
        return comma != -1 and comma <= np[1] + 1 and text[np[0]].isupper()
    head = text[np[0] : np[1]].split()[0].lower()
    return text[np[0]].isupper() or head in TITLE_WORDS or head in PERSON_NOUNS or head in PRONOUNS


def _after_opening_phrase(
    text: str, np: tuple[int, int], speaker: Speaker | None, s_end: int
) -> tuple[int, tuple[int, int] | None]:
    """Where the content starts after "Menurut X", and the name in apposition, if any.

    "Menurut pengamat otomotif dari ITB, Yannes Pasaribu, ada …": the description runs to
    the comma and the name follows it; "Menurut Bahlil pemberian IUP …" has no comma.
    """
    comma = text.find(",", np[1], s_end)
    described = not text[np[0]].isupper()
    if described and comma != -1 and comma - np[1] < 80:
        app = _APPOSITIVE_RE.match(text, comma + 1, s_end)
        if app:
            return app.end(), (app.start(1), app.end(1))
        return comma + 1, None
    if comma == -1 or comma > np[1] + 1:
        return np[1], None
    app = _APPOSITIVE_RE.match(text, comma + 1, s_end)
    if app and (speaker is None or described):
        return app.end(), (app.start(1), app.end(1))
    return comma + 1, None


def _parenthetical_cue(ctx: Context, s: Sentence) -> Quote | None:
    """ "Polres Sekadau, kata Zainal, mengingatkan …": the whole sentence is the report."""
    m = _PAREN_CUE_RE.search(s.text)
    if not m or s.start + m.end() >= s.content_end:
        return None
    np = np_after(ctx.text, s.start + m.start(2), s.start + m.end())
    speaker, outlet = np_speaker(ctx, np, s.start + m.start(1))
    if speaker is None and outlet is None:
        return None
    via = s.via if outlet is None else outlet
    start = skip_space(ctx.text, s.start, s.content_end)
    return _quote(ctx, (start, s.content_end), speaker, m.group(1), via)


def _closing_cue(ctx: Context, s: Sentence) -> Quote | None:
    """ "…, kata X." / "…, ujarnya.": the report is before the comma."""
    text = ctx.text
    tail = _CLOSING_CUE_RE.search(s.text)
    if not tail:
        return None
    cue = cue_word(tail.group(1))
    if cue is None or cue[0] not in BARE_CUES:
        return None
    c_start = s.start + tail.start()
    cue_pos = s.start + tail.start(1)
    via = s.via
    speaker: Speaker | None
    if cue[1]:
        speaker = antecedent(ctx, cue_pos)
    else:
        np = np_after(text, s.start + tail.end(1), s.end)
        speaker, outlet = np_speaker(ctx, np, cue_pos)
        if outlet is not None:
            speaker, via = None, outlet
    sub = subject_region(text, s.start, c_start)
    if len(text[sub[0] : c_start].split()) < 3:
        return None
    start = skip_space(text, sub[0], c_start)
    return _quote(ctx, (start, c_start), speaker, tail.group(1), via)


def _passive_agent(ctx: Context, s: Sentence) -> Quote | None:
    """ "Musk juga disebut Trump berada di masa kelam …": a passive with its agent."""
    m = _PASSIVE_AGENT_RE.match(s.text)
    if not m or m.group(3).lower() in NP_STOP:
        return None
    speaker = speaker_from_span(ctx, s.start + m.start(2), s.start + m.end(2))
    content = s.start + m.start(3)
    if speaker is None or len(ctx.text[content : s.content_end].split()) < 3:
        return None
    return _quote(ctx, (content, s.content_end), speaker, m.group(1), s.via)


def _reporting_verb(ctx: Context, s: Sentence) -> Quote | None:
    """ "X (adverbials) mengatakan (kepada …) (bahwa) …": the first meN- speech verb in
    the first 25 tokens that no "yang", modal or negation governs decides."""
    toks = tokens(ctx.text, s.start, s.end)
    for j, (_vs, _ve, w) in enumerate(toks[:25]):
        if w.lower() not in MEN_CUES:
            continue
        if j == 0 or toks[j - 1][2].lower() in REPORT_BLOCKERS:
            continue
        return _report(ctx, s, toks, j)
    return None


def _report(ctx: Context, s: Sentence, toks: list[Token], j: int) -> Quote | None:
    """The report of the speech verb ``toks[j]``, or None when it reports nothing."""
    text = ctx.text
    v_start, v_end, w = toks[j]
    lw = w.lower()
    if any(t[2].lower() in DENIALS for t in toks[max(0, j - 3) : j]):
        return None  # "tidak pernah menyebut": a denial is not a report of the words
    if any(t[2] in _QUOTE_MARKS for t in toks[:j]):
        return None
    content, clause_follows = _report_start(text, v_end, s.content_end)
    sub = subject_region(text, s.start, v_start)
    speaker = speaker_in_subject(ctx, sub[0], sub[1], s.doc, (v_start, v_end))
    if lw in WEAK_MEN_CUES and not clause_follows and lw not in DIRECTIVES:
        # "memastikan pihaknya …", "menyampaikan pemerintah akan …": a clause follows.
        nxt = _FIRST_TOKEN_RE.match(text, v_end, s.content_end)
        clause_follows = nxt is not None and nxt.group(1).lower() in CLAUSE_OPENERS
    if lw in WEAK_MEN_CUES and not clause_follows:
        # Not a report ("menyampaikan apresiasi"), but its subject is who we are
        # reading about: "Menurutnya, …" in the next sentence may point back to it.
        if speaker is not None and ctx.last_speaker is None:
            ctx.remember_subject(speaker, v_start)
        return None
    content = skip_space(text, content, s.content_end)
    words = text[content : s.content_end].split()
    if len(words) < 3:
        return None
    if not clause_follows and words[0].lower() in STANCE_NOUNS:
        return None  # "menyatakan dukungan terhadap …" reports a stance, not words
    if speaker is None and not _unnamed_reporter(text[sub[0] : v_start].split(), lw):
        return None
    return _quote(ctx, (content, s.content_end), speaker, w, s.via)


def _report_start(text: str, verb_end: int, end: int) -> tuple[int, bool]:
    """Where the report after a speech verb starts, and whether a clause surely follows
    ("bahwa", a comma or colon, or an adjunct closed by a comma: "kepada wartawan, …")."""
    after = text[verb_end:end]
    b = _BAHWA_RE.match(after)
    if b:
        return verb_end + b.end(), True
    first = _FIRST_WORD_RE.match(after)
    c = after.find(",")
    if first and first.group(1).lower() in ADJUNCT_OPENERS and 0 <= c < 90:
        return verb_end + c + 1, True
    if _PUNCT_AFTER_RE.match(after):
        return verb_end + after.index(after.lstrip()[0]) + 1, True
    return verb_end, False


def _unnamed_reporter(subject: list[str], verb: str) -> bool:
    """Whether a subject with no speaker still reports words ("Pihak kuasa hukum
    mengatakan …" keeps a null speaker). Not a long subject (more likely no speaker at
    all), a weak verb, or a demonstrative one ("Situasi ini menegaskan …" is a thing)."""
    return (
        bool(subject)
        and len(subject) <= 4
        and verb not in WEAK_MEN_CUES
        and any(w[:1].isalpha() for w in subject)
        and subject[-1].lower() not in DEMONSTRATIVES
    )


# The constructions, tried in this order on every sentence without a direct quotation.
CONSTRUCTIONS: tuple[Callable[[Context, Sentence], Quote | None], ...] = (
    _passive_opener,
    _opening_cue,
    _parenthetical_cue,
    _closing_cue,
    _passive_agent,
    _reporting_verb,  # last: it rejects what it cannot read
)
