"""The quotation scorer on hand-made gold and predictions (no corpus needed)."""

from __future__ import annotations

import hashlib
import json

import pytest

import warta.evaluation.quotes as evaluation
from warta.errors import ModelError, WartaError
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


def _one_article(tmp_path):
    raw = '"Kami siap," kata Budi.'
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "url": "u", "text": raw}) + "\n", encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    row = {"article": "x1", "kind": "direct", "start": 1, "end": 11, "speaker": "Budi"}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return gold, corpus


def test_a_failing_pipeline_fails_the_evaluation(tmp_path, monkeypatch):
    """The evaluation scores the real pipeline; a stage that raises is an error, never a
    silent fallback to a partial pipeline or a low score."""
    gold, corpus = _one_article(tmp_path)

    def broken(docs):
        for doc in docs:
            yield WartaError("analysis failed: RuntimeError: boom", doc=doc.name)

    monkeypatch.setattr(evaluation, "load_pipeline", lambda: None)
    monkeypatch.setattr(evaluation, "analyze_documents", broken)
    with pytest.raises(WartaError, match="boom"):
        evaluate_quotes(gold, corpus, entities="require")


def test_without_the_model_auto_scores_the_text_alone(tmp_path, monkeypatch):
    gold, corpus = _one_article(tmp_path)

    def missing():
        raise ModelError("language model not built")

    monkeypatch.setattr(evaluation, "load_pipeline", missing)
    scores = evaluate_quotes(gold, corpus)
    assert scores.mode.endswith("text-only (no language model), subset=all")
    assert scores.spans["direct"].tp_exact == 1
    with pytest.raises(ModelError):
        evaluate_quotes(gold, corpus, entities="require")


def test_raw_mode_is_text_only(tmp_path):
    gold, corpus = _one_article(tmp_path)
    with pytest.raises(ValueError, match="raw"):
        evaluate_quotes(gold, corpus, mode="raw", entities="require")
    assert "text-only" in evaluate_quotes(gold, corpus, mode="raw").mode
