"""The quotation scorer on hand-made gold and predictions (no corpus needed)."""

from __future__ import annotations

import hashlib
import json

from warta.evaluation.quotes import (
    GoldQuote,
    QuoteScores,
    evaluate_quotes,
    load_gold,
    score_article,
)
from warta.record import Analysis, Article, Entity, Quote, Span, Speaker

TEXT = '"Kami siap bekerja keras," kata Budi Santoso. Andi Wijaya mengatakan rapat ditunda.'


def _analysis():
    a = Analysis(article=Article(id="a1", text=TEXT))
    a.entities = [
        Entity("e1", "PER", "Budi Santoso", kb_id="Q1", mentions=[Span(32, 44)]),
        Entity("e2", "PER", "Andi Wijaya", mentions=[Span(46, 57)]),
    ]
    return a


def _gold():
    return [
        GoldQuote("a1", "direct", 1, 25, "Budi Santoso", "Q1"),
        GoldQuote("a1", "indirect", 69, 83, "Andi Wijaya"),
    ]


def test_exact_and_overlap_spans_and_speakers():
    a = _analysis()
    pred = [
        Quote("direct", TEXT[1:25], 1, 25, Speaker("e1", "Budi Santoso", 32, 44)),
        # one character short: an overlap match, not an exact one; speaker by text only
        Quote("indirect", TEXT[69:82], 69, 82, Speaker(None, "Andi", 46, 50)),
        Quote("indirect", TEXT[46:57], 46, 57, None),
    ]  # spurious
    scores = QuoteScores()
    score_article(scores, a, _gold(), pred)
    d, i = scores.spans["direct"], scores.spans["indirect"]
    assert (d.tp_exact, d.tp_overlap, d.n_gold, d.n_pred) == (1, 1, 1, 1)
    assert (i.tp_exact, i.tp_overlap, i.n_gold, i.n_pred) == (0, 1, 1, 2)
    assert scores.span_f1("indirect", "overlap") == 2 * 0.5 * 1.0 / 1.5
    assert scores.span_f1("indirect", "exact") == 0.0
    assert scores.speaker_accuracy("direct") == 1.0
    # "Andi" is not an entity: wrong for strict, right for lenient (a word of the name).
    assert scores.speaker_accuracy("indirect") == 0.0
    assert scores.speaker_accuracy("indirect", lenient=True) == 1.0


def test_kb_id_counts_even_when_names_differ():
    a = _analysis()
    a.entities[0].name = "Budi S."
    pred = [Quote("direct", TEXT[1:25], 1, 25, Speaker("e1", "Budi", 32, 36))]
    scores = QuoteScores()
    score_article(scores, a, _gold()[:1], pred)
    assert scores.speaker_accuracy("direct") == 1.0


def test_drift_is_detected_and_offsets_follow_cleaning(tmp_path):
    raw = 'Judul\n\nSCROLL TO CONTINUE WITH CONTENT\n\n"Kami  siap," kata Budi.'
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "url": "u", "text": raw}) + "\n", encoding="utf-8")
    s = raw.index("Kami")
    e = raw.index(',"') + 1
    sha = hashlib.sha1(raw[s:e].encode()).hexdigest()[:8]
    gold = tmp_path / "g.jsonl"
    rows = [
        {"article": "x1", "kind": "direct", "start": s, "end": e, "speaker": "Budi", "sha1": sha},
        {
            "article": "x1",
            "kind": "direct",
            "start": s,
            "end": e,
            "speaker": "Budi",
            "sha1": "00000000",
        },
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert len(load_gold(gold)["x1"]) == 2

    def extract(analysis, doc):
        t = analysis.article.text
        i = t.index("Kami")
        j = t.index(',"') + 1
        return [Quote("direct", t[i:j], i, j, Speaker(None, "Budi", None, None))]

    scores = evaluate_quotes(gold, corpus, extract=extract, entities="none")
    assert scores.drifted == 1 and scores.unmapped == 0
    assert scores.spans["direct"].tp_exact == 1
    assert scores.speaker_accuracy("direct", lenient=True) == 1.0
