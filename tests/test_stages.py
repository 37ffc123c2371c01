"""The extraction stages declare what they read and assign, and keep to it: the order is
checked once, a stage that reads an undeclared field fails, and on real articles each stage
changes only what it declares."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from warta.analysis.stages import STAGES, Stage, StageOrderError, check_order
from warta.article import parse_article
from warta.language import load_pipeline
from warta.record import Analysis, Span
from warta.sources import document_from_text

FIELDS = {f.name for f in fields(Analysis)}


class _Guard:
    """An Analysis seen through a stage's declaration: reading a field the stage neither
    needs nor assigns raises, as does assigning one it does not declare."""

    def __init__(self, analysis: Analysis, stage: Stage) -> None:
        object.__setattr__(self, "_a", analysis)
        object.__setattr__(self, "_read", {n.split(".")[0] for n in (*stage.needs, *stage.assigns)})
        object.__setattr__(self, "_write", {n.split(".")[0] for n in stage.assigns})
        object.__setattr__(self, "_stage", stage.name)

    def __getattr__(self, name: str):
        if name in FIELDS and name not in self._read:
            raise AssertionError(f"stage {self._stage!r} reads {name!r} without declaring it")
        return getattr(self._a, name)

    def __setattr__(self, name: str, value) -> None:
        if name not in self._write:
            raise AssertionError(f"stage {self._stage!r} assigns {name!r} without declaring it")
        setattr(self._a, name, value)


def _parsed(text: str):
    article = parse_article(document_from_text(text, name="t"))
    return article, load_pipeline()(article.text)


def _run_guarded(text: str) -> list[tuple[str, set[str]]]:
    article, doc = _parsed(text)
    analysis = Analysis(article=article)
    analysis.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    changed = []
    for stage in STAGES:
        before = {f: json.dumps(v, sort_keys=True) for f, v in analysis.to_dict().items()}
        stage.run(_Guard(analysis, stage), doc)  # type: ignore[arg-type]
        after = {f: json.dumps(v, sort_keys=True) for f, v in analysis.to_dict().items()}
        changed.append((stage.name, {f for f in after if after[f] != before[f]}))
    return changed


def test_the_shipped_order_is_valid():
    check_order(STAGES)


def test_a_need_no_earlier_stage_assigns_is_refused():
    late = Stage("late", needs=("events",), assigns=("themes",), run=lambda a, d: None)
    with pytest.raises(StageOrderError, match=r"late.*needs events"):
        check_order((late, *STAGES))
    typo = Stage("typo", needs=("article",), assigns=("entitys",), run=lambda a, d: None)
    with pytest.raises(StageOrderError, match="entitys"):
        check_order((typo,))


def test_the_guard_catches_an_undeclared_read():
    sneaky = Stage("sneaky", needs=("article",), assigns=("themes",), run=lambda a, d: a.events)
    article, doc = _parsed(
        "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta pada Senin."
    )
    with pytest.raises(AssertionError, match="reads 'events'"):
        sneaky.run(_Guard(Analysis(article=article), sneaky), doc)  # type: ignore[arg-type]


def test_each_stage_keeps_to_its_declaration_on_the_seed(seed_text: str):
    for name, changed in _run_guarded(seed_text):
        stage = next(s for s in STAGES if s.name == name)
        assert changed <= {n.split(".")[0] for n in stage.assigns}, name


def test_each_stage_keeps_to_its_declaration_on_real_news(shared: Path):
    path = shared / "data" / "news" / "detik.jsonl"
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(next(fh))["text"] for _ in range(5)]
    for text in texts:
        for name, changed in _run_guarded(text):
            stage = next(s for s in STAGES if s.name == name)
            assert changed <= {n.split(".")[0] for n in stage.assigns}, name
