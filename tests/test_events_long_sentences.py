"""Text without punctuation is coded in windows, so its cost stays linear."""

import spacy

import warta
from warta.analysis.events.coder import MAX_SENTENCE_TOKENS, sentence_spans


def test_long_unpunctuated_text_is_cut_into_windows():
    sentence = (
        "polisi menangkap aktivis di jakarta pada senin dan pemerintah menolak bertemu mereka "
    )
    words = (sentence * 100).split()
    doc = spacy.blank("id")(" ".join(words))
    spans = sentence_spans(doc)
    assert spans[0][0] == 0 and spans[-1][1] == len(doc)
    assert all(b - a <= MAX_SENTENCE_TOKENS for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))


def test_events_are_still_found_in_such_text():
    text = " ".join(["Polisi Indonesia menangkap tiga aktivis di Jakarta pada Senin"] * 60)
    assert any(e.cameo == "173" for e in warta.analyze(text).events)
