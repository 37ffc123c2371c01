"""Direct and mixed quotations: a quoted span and the cue that attributes it.

A quoted span is attached, in this order of preference, to

1. a cue right after it: '"…," kata Putin', '"…," ujarnya', '"…," Putin menambahkan';
2. nothing before it in its sentence: the speaker named in a following "Hal itu
   disampaikan oleh X", else the running speaker (a continuation);
3. a cue right before it: 'Psaki mengatakan bahwa "…"', 'ujarnya: "…"';
4. a speech verb governing the sentence it stands inside: a ``mixed`` quotation
   ('menyebut Xi sebagai "teman baik"'). Without one a quoted phrase is a title, a name
   or a scare quote, and no quotation.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from warta.analysis.quotes.build import CONFIDENCE, make_quote
from warta.analysis.quotes.context import Context
from warta.analysis.quotes.layout import tokens
from warta.analysis.quotes.marks import QSpan
from warta.analysis.quotes.phrases import np_after, subject_region
from warta.analysis.quotes.relays import via as relay
from warta.analysis.quotes.speakers import (
    antecedent,
    np_speaker,
    running_speaker,
    speaker_in_subject,
)
from warta.analysis.quotes.words import (
    BARE_CUES,
    DEMONSTRATIVES,
    MEN_CUES,
    TERM_MARKERS,
    UTTERANCE_NOUNS,
    alternation,
    cue_word,
)
from warta.record import Quote, Speaker

__all__ = ["direct_or_mixed"]

_DEMONSTRATIVE = alternation(DEMONSTRATIVES)
# "Hal itu disampaikan oleh X" after a cue-less quotation names its speaker.
_PASSIVE_ATTRIB_RE = re.compile(
    rf"^\s*(?:{alternation(UTTERANCE_NOUNS, capitalised=True)} {_DEMONSTRATIVE}|"
    rf"Demikian(?: hal itu)?|Itu)\s+di\w+kan\s+(?:oleh\s+)?",
)
_WORDS_RE = re.compile(r"\w+")


def direct_or_mixed(
    ctx: Context,
    qs: QSpan,
    sentence: tuple[int, int],
    next_open: int,
    sentences: list[tuple[int, int]],
    doc: Any,
) -> Quote | None:
    """The quotation of ``qs`` in ``sentence`` (``next_open``: where the next quoted span
    of the sentence opens), or None when the span is no quotation."""
    text = ctx.text
    s_start, s_end = sentence
    inner_s, inner_e = qs.inner_start, qs.inner_end
    # Trim spaces just inside the marks.
    while inner_s < inner_e and text[inner_s].isspace():
        inner_s += 1
    while inner_e > inner_s and text[inner_e - 1].isspace():
        inner_e -= 1
    if inner_e <= inner_s:
        return None
    span = (inner_s, inner_e)
    after = (qs.close + 1) if qs.close is not None else inner_e
    penalty = 0.0 if qs.balanced else CONFIDENCE["unbalanced_penalty"]
    via = relay(text, s_start, s_end)

    post = _post_cue(ctx, after, min(next_open, s_end))
    if post is not None:
        cue, speaker = post
        conf = CONFIDENCE["nya"] if cue.lower().endswith("nya") else CONFIDENCE["post_cue"]
        return make_quote(ctx, "direct", span, speaker, cue, via, conf - penalty)

    pre_text = text[s_start : qs.open]
    if not pre_text.strip():
        # The quotation opens the sentence with no cue after it.
        speaker, named = _continuation_speaker(ctx, qs, s_end, sentences)
        conf = CONFIDENCE["pre_cue"] if named else CONFIDENCE["continuation"]
        if len(text[inner_s:inner_e].split()) < 3 and speaker is None:
            return None
        return make_quote(ctx, "direct", span, speaker, None, via, conf - penalty)

    pre = _pre_cue(ctx, s_start, qs.open, doc)
    if pre is not None:
        cue, speaker = pre
        return make_quote(ctx, "direct", span, speaker, cue, via, CONFIDENCE["pre_cue"] - penalty)

    if _is_term(pre_text, text[inner_s:inner_e]):
        return None
    governing = _governing_cue(ctx, s_start, qs.open, doc)
    if governing is None:
        return None
    cue, speaker = governing
    return make_quote(ctx, "mixed", span, speaker, cue, via, CONFIDENCE["mixed"] - penalty)


def _is_term(pre_text: str, phrase: str) -> bool:
    """A quoted phrase that is a title, a name or a term: after a term marker (video
    "…", berjudul "…") or made of capitalised words only ("AUKUS", "Tata Tentrem")."""
    before_words = _WORDS_RE.findall(pre_text.lower())
    if before_words and (
        before_words[-1] in TERM_MARKERS
        or (len(before_words) > 1 and before_words[-2] in TERM_MARKERS)
    ):
        return True
    return phrase[-1] not in ".!?," and all(
        w[:1].isupper() or not w[:1].isalpha() for w in phrase.split()
    )


def _post_cue(ctx: Context, after: int, limit: int) -> tuple[str, Speaker | None] | None:
    """A cue right after a closing mark: '," kata Putin' / '," ujarnya' / '," Putin menambahkan'."""
    text = ctx.text
    toks = tokens(text, after, min(limit, after + 200))
    k = 0
    while k < len(toks) and toks[k][2] in ",":
        k += 1
    if k < len(toks) and toks[k][2].lower() in ("demikian", "begitu"):
        k += 1
    if k >= len(toks):
        return None
    s, e, w = toks[k]
    cue = cue_word(w)
    if cue is None:
        return _english_order_cue(ctx, s, w, limit)
    while k + 1 < len(toks) and cue_word(toks[k + 1][2]) and toks[k + 1][2].lower() in BARE_CUES:
        k += 1  # "ujar ungkap Yuwono": a doubled cue
        e = toks[k][1]
    np = np_after(text, e, limit)
    if cue[1]:
        # "ujarnya Ma'mun": a name right after the -nya form wins over the antecedent.
        if np is not None and text[np[0]].isupper() and np[0] - e <= 2:
            return w, np_speaker(ctx, np, s)[0]
        # '"…," ujarnya' continues the running speaker, even when another person was
        # the subject of the sentence in between ("Saat ini AR masih diperiksa.").
        return w, antecedent(ctx, s, prefer_speaker=True)
    if np is None and cue[0] not in BARE_CUES:
        return None
    speaker, outlet = np_speaker(ctx, np, s)
    if outlet is not None:
        return None
    return w, speaker


def _english_order_cue(
    ctx: Context, s: int, w: str, limit: int
) -> tuple[str, Speaker | None] | None:
    """'," Putin menambahkan.': a name, then a meN- speech verb."""
    text = ctx.text
    if w.lower() == "menurut" or not w[0].isupper():
        return None
    np = np_after(text, s, limit)
    if np is not None:
        rest = tokens(text, np[1], min(limit, np[1] + 40))
        if rest and cue_word(rest[0][2]) and rest[0][2].lower() in MEN_CUES:
            return rest[0][2], np_speaker(ctx, np, s)[0]
    return None


def _pre_cue(
    ctx: Context, s_start: int, open_at: int, doc: Any
) -> tuple[str, Speaker | None] | None:
    """A cue ending right before an opening mark: 'Psaki mengatakan bahwa "…'."""
    text = ctx.text
    toks = tokens(text, s_start, open_at)
    if not toks:
        return None
    k = len(toks) - 1
    tail_ok = False
    while k >= 0 and toks[k][2] in (",", ":"):
        k -= 1
        tail_ok = True
    if k >= 0 and toks[k][2].lower() == "bahwa":
        k -= 1
        tail_ok = True
    for j in range(k, max(-1, k - 9), -1):
        w = toks[j][2]
        cue = cue_word(w)
        if cue is None:
            if w in ".!?":
                return None
            continue
        if j != k and not tail_ok:
            return None  # words between the cue and the quotation: a mixed quotation
        if j > 0 and toks[j - 1][2].lower() in ("yang", "untuk"):
            return None
        if cue[1]:
            # "Siti menjawab singkat, ujarnya: "…"": -nya is the subject of this sentence.
            if j > 1:
                sub = subject_region(text, s_start, toks[j][0])
                head = speaker_in_subject(ctx, sub[0], sub[1], None, None)
                if head is not None:
                    return w, head
            return w, antecedent(ctx, toks[j][0])
        if cue[0] in BARE_CUES and cue[0] not in MEN_CUES:
            speaker, outlet = np_speaker(ctx, np_after(text, toks[j][1], open_at), toks[j][0])
            if outlet is not None:
                return None
            return w, speaker
        sub = subject_region(text, s_start, toks[j][0])
        return w, speaker_in_subject(ctx, sub[0], sub[1], doc, (toks[j][0], toks[j][1]))
    return None


def _governing_cue(
    ctx: Context, s_start: int, open_at: int, doc: Any
) -> tuple[str, Speaker | None] | None:
    """The first meN- speech verb before a quoted phrase, and its subject's speaker."""
    text = ctx.text
    for s, e, w in tokens(text, s_start, open_at):
        cue = cue_word(w)
        if cue is None or cue[0] not in MEN_CUES:
            continue
        sub = subject_region(text, s_start, s)
        # "Rudd … mengkritik Trump …, menyebutnya sebagai "…"": after a comma the verb
        # heads a participle clause whose subject is the sentence's first name.
        participle = text[:s].rstrip().endswith(",") and w.lower().endswith("nya")
        return w, speaker_in_subject(ctx, sub[0], sub[1], doc, (s, e), first=participle)
    return None


def _continuation_speaker(
    ctx: Context, qs: QSpan, s_end: int, sentences: list[tuple[int, int]]
) -> tuple[Speaker | None, bool]:
    """Speaker of a cue-less quotation opening a sentence, and whether the next sentence
    names them ("Hal itu disampaikan oleh X")."""
    text = ctx.text
    i = bisect.bisect_left(sentences, (s_end, s_end))
    if i < len(sentences):
        n_start, n_end = sentences[i]
        m = _PASSIVE_ATTRIB_RE.match(text, n_start, n_end)
        if m:
            np = np_after(text, m.end(), n_end)
            if np is not None:
                return np_speaker(ctx, np, m.end())[0], True
    # Else whoever spoke just before (a previous sentence ending "…, ujarnya:").
    return running_speaker(ctx, qs.open), False
