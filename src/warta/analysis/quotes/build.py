"""A found quotation as a ``Quote`` record, with how much the finder trusts it."""

from __future__ import annotations

from warta.analysis.quotes.context import Context
from warta.analysis.quotes.speakers import link_speaker
from warta.record import Quote, Speaker

__all__ = ["CONFIDENCE", "make_quote"]

# How much we trust each way of finding a quotation and its speaker (docs/quotes.md).
CONFIDENCE = {  # not words: the ways of finding a quotation
    "post_cue": 0.95,  # '"…," kata Putin'
    "pre_cue": 0.9,  # 'Psaki mengatakan bahwa "…"'
    "nya": 0.85,  # '"…," ujarnya'
    "continuation": 0.6,  # a quotation with no cue: the running speaker's
    "mixed": 0.6,  # a quoted phrase inside a reported sentence
    "indirect": 0.7,  # reported speech without marks
    "indirect_passive": 0.6,  # "Diungkapkan, …": the running speaker's words
    "unbalanced_penalty": 0.3,  # subtracted when the marks do not pair
}


def make_quote(
    ctx: Context,
    kind: str,
    span: tuple[int, int],
    speaker: Speaker | None,
    cue: str | None,
    via: str | None,
    confidence: float,
) -> Quote:
    """The ``Quote`` of ``ctx.text[span]``; the speaker is linked to the fullest entity
    naming them and loses trailing punctuation the noun-phrase grammar may keep."""
    text = ctx.text
    if speaker is not None:
        speaker = link_speaker(ctx, speaker)
        if speaker.start is not None and speaker.end is not None:
            while speaker.end > speaker.start and text[speaker.end - 1] in ",.;:":
                speaker.end -= 1
            speaker.text = text[speaker.start : speaker.end]
    start, end = span
    return Quote(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        speaker=speaker,
        cue=cue,
        via=via,
        confidence=round(max(0.05, min(1.0, confidence)), 2),
    )
