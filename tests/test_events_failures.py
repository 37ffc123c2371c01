"""Failures of the event coder are loud: the evaluation runs the real pipeline only, and a
broken stage or knowledge base raises instead of silently coding less (made-up texts)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import warta
import warta.analysis.events.coder as coder
import warta.analysis.events.target as target
from warta.errors import WartaError
from warta.evaluation.events import evaluate_events

REPO = Path(__file__).resolve().parents[1]
TEXT = "Polisi Indonesia menangkap tiga aktivis di Jakarta."


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [
        {"text_id": TEXT, "cameo": "173", "source_code": "IDNCOP", "target_code": "IDNOPP"},
        {"text_id": "Harga cabai naik di pasar.", "no_event": True, "cameo": None},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    return path


def _broken(*_args, **_kwargs):
    raise RuntimeError("stage made to fail")


def test_the_evaluation_codes_through_the_real_pipeline(tmp_path):
    report = evaluate_events(_gold(tmp_path))
    assert report.code.tp_gold == 1 and report.no_event_texts == 1
    assert report.predicted_events == len(warta.analyze(TEXT).events)


def test_a_failing_stage_fails_the_evaluation(tmp_path, monkeypatch):
    monkeypatch.setattr(coder, "candidates", _broken)
    with pytest.raises(WartaError, match="stage made to fail"):
        evaluate_events(_gold(tmp_path))


def test_a_broken_knowledge_base_raises(monkeypatch):
    # "Kyiv" is the target's place: whether it is a capital is asked of the KB. A broken KB
    # once read as "no capital"; now it is a bug that stops the document.
    monkeypatch.setattr(target, "kb", _broken)
    with pytest.raises(WartaError, match="stage made to fail"):
        warta.analyze("Pasukan Rusia menyerang Kyiv pada Senin malam.")


def test_warta_eval_events_exits_with_the_error(tmp_path):
    """The CLI, in its own process, with the coder's candidate stage made to raise."""
    script = textwrap.dedent(
        f"""
        import runpy, sys
        import warta.analysis.events.coder as coder

        def broken(*args):
            raise RuntimeError("stage made to fail")

        coder.candidates = broken
        sys.argv = ["warta", "eval", "events", {str(_gold(tmp_path))!r}]
        runpy.run_module("warta.cli", run_name="__main__")
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert run.returncode != 0
    assert "stage made to fail" in run.stderr
    assert "events:" not in run.stdout  # no figures printed
