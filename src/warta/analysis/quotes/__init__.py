"""Quotations and their speakers: ``extract_quotes(analysis, doc=None) -> list[Quote]``.

A cue grammar over the article text, so it works before (and without) the parsed Doc.
One module per job:

- ``marks``: quotation marks are paired per paragraph (curly “ ”, guillemets « »,
  straight ``"``); a quotation left open at a paragraph end continues when the next
  paragraph opens with a mark, and an unbalanced mark is closed at the next speech cue
  or the paragraph end;
- ``layout``: paragraphs, sentences (never split inside a quotation) and word tokens;
- ``direct``: each quoted span is attached to a cue after it (``"…," kata Putin``), a cue
  before it (``Psaki mengatakan bahwa "…"``, ``ujarnya: "…"``), or, when it opens a
  sentence with no cue, to the speaker of the running passage; a short quoted phrase
  inside a sentence is a ``mixed`` quotation when a speech verb governs the sentence
  (``menyebut Xi sebagai "teman baik"``) and is dropped otherwise (titles, names, scare
  quotes);
- ``indirect``: sentences without quotation marks are indirect quotations when one of
  its constructions matches (``X mengatakan (bahwa) …``, ``Menurut X, …``,
  ``…, kata X.``, …), tried in order;
- ``phrases`` and ``speakers``: speakers are noun phrases at the cue, resolved to
  ``analysis.entities`` by mention offsets; ``-nya`` forms and pronouns point back to
  the running speaker (``context``);
- ``relays``: outlets ("menurut The New York Times", "dilansir Reuters") go to ``via``,
  never to ``speaker``;
- ``words``: the word classes it reads, all from ``warta.lang.id.lexicon()`` and the
  knowledge base's office titles.

Conventions (see docs/quotes.md): ``start``/``end`` cover the quoted words, inside the
marks for direct and mixed quotations; a quotation split by its cue gives two quotes with
the same speaker; a quotation running over paragraphs is one quote.
"""

from __future__ import annotations

from typing import Any

from warta.analysis.quotes.context import Context, build_context
from warta.analysis.quotes.direct import direct_or_mixed
from warta.analysis.quotes.indirect import indirect_quote
from warta.analysis.quotes.layout import paragraphs, sentences
from warta.analysis.quotes.marks import QSpan, pair_marks
from warta.analysis.quotes.speakers import track_subject
from warta.record import Analysis, Quote

__all__ = ["extract_quotes"]


def extract_quotes(analysis: Analysis, doc: Any = None) -> list[Quote]:
    """Find direct, mixed and indirect quotations in ``analysis.article.text``.

    ``doc`` (a spaCy Doc parsed from that same text) is optional: when given, its named
    entities stand in for missing ``analysis.entities`` and its dependency parse picks
    subjects. A Doc over any other text is a caller's mistake and raises ``ValueError``.
    """
    text = analysis.article.text or ""
    if doc is not None and doc.text != text:
        raise ValueError(
            f"extract_quotes: the Doc is not parsed from article {analysis.article.id!r}'s text"
        )
    if not text.strip():
        return []
    paras = paragraphs(analysis, text)
    qspans = pair_marks(text, paras)
    sents = sentences(text, paras, [q.extent for q in qspans])
    ctx = build_context(text, analysis, doc)

    quotes: list[Quote] = []
    qi = 0
    for sentence in sents:
        s_start, s_end = sentence
        in_sentence: list[QSpan] = []
        while qi < len(qspans) and qspans[qi].open < s_end:
            if qspans[qi].open >= s_start:
                in_sentence.append(qspans[qi])
            qi += 1
        found = False
        for k, qs in enumerate(in_sentence):
            nxt = in_sentence[k + 1].open if k + 1 < len(in_sentence) else s_end
            quote = direct_or_mixed(ctx, qs, sentence, nxt, sents, doc)
            if quote is not None:
                _keep(ctx, quotes, quote)
                found = True
        if not found:
            quote = indirect_quote(ctx, s_start, s_end, doc)
            if quote is not None:
                _keep(ctx, quotes, quote)
                found = quote.speaker is not None
        if not found:
            track_subject(ctx, s_start, s_end)
    return quotes


def _keep(ctx: Context, quotes: list[Quote], quote: Quote) -> None:
    """Add ``quote``; its speaker becomes the running speaker."""
    quotes.append(quote)
    ctx.remember_speaker(quote.speaker, quote.start)
