"""Event coding with the real pipeline (``warta.analyze``, nothing else): the seed article
and the dev gold.

Reads ../shared at run time (skipped with a reason when absent) and needs the shipped
language model (skipped when it is not built). Quality floors are pinned below: lowering
one is a deliberate change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import warta
from warta.errors import ModelError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "data" / "seed" / "kontan-rusia-china.txt"
DEV = SHARED / "gold" / "events_dev.jsonl"
NOEVENT = ROOT / "gold" / "events_noevent_dev.jsonl"

# Floors on the dev gold plus the no-event file, a little under the measured values in
# docs/events.md. The target floor is below the 0.8 goal: it guards against regressions,
# it does not claim the goal.
FLOORS = {
    "root_f1": 0.84,
    "code_accuracy": 0.82,
    "source_accuracy": 0.82,
    "target_accuracy": 0.65,
    "false_event_rate": 0.03,
}


@pytest.fixture(scope="module")
def nlp():
    from warta.language import load_pipeline

    try:
        return load_pipeline()
    except ModelError as exc:
        pytest.skip(f"language model not built: {exc}")


@pytest.fixture(scope="module")
def seed_events(nlp):
    if not SEED.is_file():
        pytest.skip("../shared/data/seed not available")
    analysis = warta.analyze(SEED.read_text(encoding="utf-8"))
    return analysis, analysis.events


def _has(events, root, src, tgt, **kw):
    for e in events:
        if e.root != root or e.negated:
            continue
        s = e.source.code if e.source else ""
        t = e.target.code if e.target else ""
        if (
            (s or "").startswith(src)
            and (t or "").startswith(tgt)
            and all(getattr(e, k) == v for k, v in kw.items())
        ):
            return True
    return False


def test_seed_troops_at_the_border(seed_events):
    assert _has(seed_events[1], "15", "RUSMIL", "UKR")


def test_seed_us_threatens_sanctions_conditionally(seed_events):
    events = seed_events[1]
    assert _has(events, "13", "USA", "RUS", modality="conditional")
    # The attack in the condition ("jika Moskow melancarkan serangan") is not asserted.
    assert not any(e.root in ("18", "19") and e.modality == "asserted" for e in events)


def test_seed_video_call_both_ways(seed_events):
    events = seed_events[1]
    assert _has(events, "04", "RUS", "CHN") and _has(events, "04", "CHN", "RUS")


def test_seed_xi_supports_russia(seed_events):
    assert _has(seed_events[1], "05", "CHN", "RUS")


def test_seed_diplomatic_boycott(seed_events):
    events = [e for e in seed_events[1] if e.root == "16"]
    assert {e.source.code[:3] for e in events} >= {"USA", "CAN", "GBR", "AUS"}
    assert {e.target.code[:3] for e in events} == {"CHN"}


def test_seed_donfried_meets_in_moscow(seed_events):
    assert _has(seed_events[1], "04", "USA", "RUS")


def test_seed_no_unrelated_pairs(seed_events):
    analysis, events = seed_events
    text = analysis.article.text
    for e in events:
        # Every event points at text inside its own sentence.
        assert e.sentence.start <= e.evidence[0].start < e.evidence[0].end <= e.sentence.end
        for actor in (e.source, e.target):
            if actor is not None and actor.start is not None:
                assert text[actor.start : actor.end] == actor.text
        # No actor pairs the article never relates (e.g. Australia and Ukraine).
        pair = {
            (e.source.code or "")[:3] if e.source else None,
            (e.target.code or "")[:3] if e.target else None,
        }
        assert not pair & {"AUS", "CAN", "GBR"} or pair & {"CHN"}


@pytest.mark.skipif(not DEV.is_file(), reason="../shared/gold/events_dev.jsonl not available")
def test_dev_gold_floors(nlp):
    from warta.evaluation.events import evaluate_events

    report = evaluate_events([DEV, NOEVENT])
    d = report.to_dict()
    assert d["root"]["f1"] >= FLOORS["root_f1"], report.format()
    assert d["code_accuracy"] >= FLOORS["code_accuracy"], report.format()
    assert d["source_accuracy"] >= FLOORS["source_accuracy"], report.format()
    assert d["target_accuracy"] >= FLOORS["target_accuracy"], report.format()
    assert d["false_event_rate"] <= FLOORS["false_event_rate"], report.format()
