"""Long documents are analysed, in windows of paragraphs, and one document that breaks the
language model costs only itself (issue #16, item 1).

Before: a text over spaCy's max_length (1,000,000 characters) raised E088 out of
``analyze_documents``, and every document of its batch and after it was lost.
"""

from __future__ import annotations

import json

import pytest

import warta.language
from helpers import PARAS
from warta.errors import WartaError
from warta.language import load_pipeline
from warta.language.windows import WINDOW_CHARS, join_docs, split_windows
from warta.pipeline import analyze_documents
from warta.record import Analysis
from warta.sources import RawDocument, iter_bytes


def long_text(chars: int) -> str:
    """Made-up paragraphs, one per line, until the text is over ``chars`` characters."""
    paras: list[str] = []
    size = 0
    while size <= chars:
        para = f"{PARAS[len(paras) % 3]} (bagian {len(paras) + 1})"
        paras.append(para)
        size += len(para) + 1
    return "\n".join(paras)


def assert_offsets_point_into_text(a: Analysis) -> None:
    text = a.article.text
    assert a.sentences and a.sentences[-1].end <= len(text)
    assert all(s.start < s.end for s in a.sentences)
    for ent in a.entities:
        for m in ent.mentions:
            assert text[m.start : m.end].strip(), (ent.name, m)
    for q in a.quotes:
        assert text[q.start : q.end] == q.text


def test_a_document_over_spacys_max_length_is_analysed_with_its_batch():
    nlp = load_pipeline()
    huge = long_text(nlp.max_length)
    assert len(huge) > nlp.max_length
    lines = [
        json.dumps({"text": f"{PARAS[0]}\n{PARAS[1]}", "url": "https://contoh.id/a/1"}),
        json.dumps({"text": huge, "url": "https://contoh.id/a/2"}),
        json.dumps({"text": PARAS[2], "url": "https://contoh.id/a/3"}),
    ]
    data = "\n".join(lines).encode()
    results = list(analyze_documents(iter_bytes(data, name="dump.jsonl")))
    errors = [r for r in results if isinstance(r, WartaError)]
    assert not errors, errors
    assert [r.article.origin for r in results] == ["dump.jsonl#1", "dump.jsonl#2", "dump.jsonl#3"]
    long_one = results[1]
    assert len(long_one.article.text) > nlp.max_length
    # Sentences run to the end of the text, at least one per paragraph.
    assert len(long_one.sentences) >= len(long_one.article.paragraphs) > 5_000
    assert long_one.sentences[-1].end == len(long_one.article.text)
    assert long_one.quotes and long_one.quotes[-1].start > len(long_one.article.text) - 1000
    for a in results:
        assert_offsets_point_into_text(a)


def test_windows_are_consecutive_slices_cut_before_paragraph_breaks():
    text = long_text(50_000).replace("\n", "\n\n")
    windows = split_windows(text, 4_000)
    assert "".join(windows) == text
    assert len(windows) > 10
    assert all(0 < len(w) <= 4_000 for w in windows)
    # Each window after the first starts with the paragraph break it was cut before.
    assert all(w.startswith("\n\n") and not w.startswith("\n\n\n") for w in windows[1:])
    assert split_windows(PARAS[0]) == [PARAS[0]]


def test_a_paragraph_longer_than_a_window_is_cut_after_a_sentence_or_a_space():
    one_paragraph = " ".join(PARAS * 20)
    windows = split_windows(one_paragraph, 1_000)
    assert "".join(windows) == one_paragraph
    assert all(w.endswith(". ") or w.endswith("\u201d ") for w in windows[:-1])
    no_sentences = "kata " * 1_000
    assert all(w.endswith(" ") for w in split_windows(no_sentences, 333)[:-1])
    no_spaces = "x" * 1_000
    assert [len(w) for w in split_windows(no_spaces, 300)] == [300, 300, 300, 100]


def test_joined_windows_are_one_doc_over_the_whole_text():
    nlp = load_pipeline()
    text = "\n\n".join(PARAS * 4)
    windows = split_windows(text, 600)
    assert len(windows) > 2
    joined = join_docs([nlp(w) for w in windows])
    whole = nlp(text)
    assert joined.text == text
    assert [t.idx for t in joined] == [t.idx for t in whole]
    assert [(s.start_char, s.end_char) for s in joined.sents] == [
        (s.start_char, s.end_char) for s in whole.sents
    ]
    assert joined.has_annotation("DEP") and joined.has_annotation("ENT_IOB")


def test_windowed_analysis_keeps_offsets_exact(monkeypatch):
    monkeypatch.setattr("warta.language.windows.WINDOW_CHARS", 700)
    text = "\n".join(PARAS * 6)
    (a,) = analyze_documents([RawDocument(name="panjang.txt", text=text)])
    assert isinstance(a, Analysis)
    assert_offsets_point_into_text(a)
    assert len(a.quotes) == 6


class _BreaksOn:
    """The shipped pipeline, except that it raises on any text holding ``mark``."""

    def __init__(self, mark: str) -> None:
        self.nlp = load_pipeline()
        self.mark = mark

    def pipe(self, pieces, **kwargs):
        pieces = list(pieces)
        if any(self.mark in text for text, _ in pieces):
            raise ValueError("the model cannot take this text")
        yield from self.nlp.pipe(pieces, **kwargs)

    def __call__(self, text: str):
        if self.mark in text:
            raise ValueError("the model cannot take this text")
        return self.nlp(text)


def test_one_document_breaking_the_model_costs_only_itself(monkeypatch):
    monkeypatch.setattr(warta.language, "load_pipeline", lambda: _BreaksOn("RUSAK"))
    docs = [RawDocument(name=f"d{i}.txt", text=PARAS[i % 3]) for i in range(5)]
    docs[2] = RawDocument(name="d2.txt", text=f"{PARAS[2]} RUSAK")
    results = list(analyze_documents(docs))
    assert [type(r).__name__ for r in results] == [
        "Analysis",
        "Analysis",
        "WartaError",
        "Analysis",
        "Analysis",
    ]
    error = results[2]
    assert error.doc == "d2.txt"
    assert "language model failed: ValueError: the model cannot take this text" in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("chars", [WINDOW_CHARS - 1, WINDOW_CHARS, WINDOW_CHARS + 1])
def test_window_boundary_lengths(chars):
    text = ("kata " * (chars // 5 + 1))[:chars]
    windows = split_windows(text)
    assert "".join(windows) == text
    assert len(windows) == (1 if chars <= WINDOW_CHARS else 2)


def test_a_document_built_by_a_caller_is_repaired_like_one_read_by_the_sources():
    doc = RawDocument(name="dari-python", text=f"{PARAS[0]} \ud83d", url="javascript:x()")
    (a,) = analyze_documents([doc])
    assert isinstance(a, Analysis)
    assert a.article.text.endswith("\ufffd") and a.article.url is None
    assert len(a.warnings) == 2
