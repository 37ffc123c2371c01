"""In-place highlighting of an article's extractions (``warta.web.highlight``)."""

from __future__ import annotations

import itertools
import json
import math
from html import escape
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.web.highlight import Mark, highlight, marks_for


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.ok, self.text = [], True, []

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def _reference(text: str, marks: list[Mark]) -> str:
    """The implementation before issue #16 (quadratic: every piece scanned every mark),
    kept as the specification of the output."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        active = [m for m in marks if m.start <= a and b <= m.end]
        active.sort(key=lambda m: (m.start - m.end, m.start))
        for m in reversed(active):
            ref = f' data-ref="{escape(m.ref)}"' if m.ref else ""
            piece = f'<mark class="{escape(m.css)}" title="{escape(m.title)}"{ref}>{piece}</mark>'
        out.append(piece)
    return "<p>" + "".join(out) + "</p>"


def test_overlapping_marks_give_well_formed_html_and_keep_the_text():
    text = "Putin berkata “teman baik” kepada Xi & <Beijing>."
    marks = [
        Mark(0, 5, "ent", "a"),
        Mark(14, 26, "quote", "q"),
        Mark(15, 20, "ent", "b"),
        Mark(6, 30, "event", "e"),
        Mark(34, 36, "ent", "c"),
    ]
    html = highlight(text, marks)
    p = _Balance()
    p.feed(html)
    assert p.ok and not p.stack
    assert "".join(p.text) == text
    # segments: a | event | quote+event | quote+b+event | quote+event | event | c
    assert html.count("<mark") == 1 + 1 + 2 + 3 + 2 + 1 + 1


@st.composite
def _text_and_marks(draw):
    text = draw(st.text(alphabet="ab &<\"'\n", max_size=60))
    n = len(text)
    bounds = st.integers(0, n)
    marks = []
    for _ in range(draw(st.integers(0, 12))):
        start, end = sorted((draw(bounds), draw(bounds)))
        if start < end:
            css = draw(st.sampled_from(["ent ent-PER", "quote", "date", "event quad1"]))
            marks.append(
                Mark(
                    start,
                    end,
                    css,
                    draw(st.sampled_from(["t", "a<b", "x & y"])),
                    draw(st.sampled_from(["", "e1", 'e"2'])),
                )
            )
    return text, marks


@settings(max_examples=300, deadline=None)
@given(_text_and_marks())
def test_same_output_as_before_on_any_marks(case):
    text, marks = case
    assert highlight(text, marks) == _reference(text, marks)


def _counted(op: str):
    def compare(self, other):
        _Offset.calls += 1
        return getattr(int, op)(self, other)

    return compare


class _Offset(int):
    """An int that counts how often it is compared."""

    calls = 0
    __lt__, __le__, __gt__, __ge__ = (
        _counted("__lt__"),
        _counted("__le__"),
        _counted("__gt__"),
        _counted("__ge__"),
    )
    __eq__, __ne__ = _counted("__eq__"), _counted("__ne__")
    __hash__ = int.__hash__


def test_highlighting_compares_offsets_n_log_n_times_not_n_squared():
    # Issue #16: a 990k-character article took 5.9 s of CPU per view, because every
    # piece of text was checked against every mark. 1,000 marks, mostly disjoint as in a
    # long article: the old way makes about 4 * n^2 = 4 million comparisons.
    n = 1000
    text = "kata " * (3 * n)
    marks = [Mark(_Offset(5 * i), _Offset(5 * i + 4), "ent", "t") for i in range(0, 3 * n, 3)]
    marks += [Mark(_Offset(0), _Offset(len(text)), "event", "whole")]
    _Offset.calls = 0
    html = highlight(text, marks)
    assert html.count("<mark") == 2 * n + n  # each word in two marks, each gap in one
    assert _Offset.calls < 20 * n * math.log2(n)


@pytest.fixture(scope="module")
def real_analyses(shared):
    import warta

    path = shared / "data" / "news" / "detik.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    # the longest articles carry the most (and most overlapping) marks
    rows.sort(key=lambda r: -len(r.get("text") or ""))
    return [warta.analyze(r["text"], url=r.get("url")) for r in rows[:12]]


def test_same_output_as_before_on_real_articles(real_analyses):
    for a in real_analyses:
        marks = marks_for(a)
        assert len(marks) > 20
        assert highlight(a.article.text, marks) == _reference(a.article.text, marks)
