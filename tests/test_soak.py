"""The short soak run (`scripts/soak.py --quick`): the shared corpora (when ../shared is
beside the clone) and every hostile case of issue #16 through ingest, batch (uninterrupted,
then killed and resumed), export, load and the API. Nothing may crash, nothing may be lost,
and every case must end the way it should."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import REPO, SHARED


@pytest.mark.slow
def test_quick_soak_crashes_nothing_and_loses_nothing(tmp_path):
    report = tmp_path / "soak.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "soak.py"),
            "--quick",
            "--shared",
            str(SHARED),
            "--report",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    assert report.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    figures = json.loads(report.read_text(encoding="utf-8"))
    totals, steps = figures["totals"], figures["steps"]
    assert totals["in"] > 0 and totals["stored"] > 0, proc.stdout[-3000:]

    crashes = [f"[{s['step']}] {c}" for s in steps for c in s["crashes"]]
    assert totals["crashed"] == 0, "crashed:\n" + "\n".join(crashes[:40])
    losses = [
        f"[{s['step']}] {g}"
        for s in steps
        for g in s["groups"]
        if ", lost 0" not in g and "lost" in g
    ]
    assert totals["lost"] == 0, "lost:\n" + "\n".join(losses[:40])
    checks = [f"[{s['step']}] {c}" for s in steps for c in s["checks"]]
    assert totals["checks"] == 0, "failed checks:\n" + "\n".join(checks[:40])
    assert proc.returncode == 0, proc.stdout[-3000:]


def _soak():
    spec = importlib.util.spec_from_file_location("soak", REPO / "scripts" / "soak.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["soak"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_soak_counts_a_chained_traceback_once_and_reads_error_lines():
    soak = _soak()
    err = (
        'Traceback (most recent call last):\n  File "a.py", line 1, in f\nValueError: inner\n\n'
        "The above exception was the direct cause of the following exception:\n\n"
        'Traceback (most recent call last):\n  File "a.py", line 2, in g\nRuntimeError: outer\n'
        "error berita.jsonl#2: record has no text\n"
        "error berita.jsonl#3: analysis failed: TypeError: x\n"
    )
    run = soak.Run(["ingest"], 1, "", err, 1.0, 10.0)
    assert run.crashes() == ["traceback: RuntimeError: outer"]
    assert run.errors() == [
        ("berita.jsonl#2", "record has no text"),
        ("berita.jsonl#3", "analysis failed: TypeError: x"),
    ]
    tally = soak.Tally("ingest")
    assert [tally.count_error(doc, message) for doc, message in run.errors()] == [False, True]
    assert tally.reasons == {"record has no text": 1} and len(tally.crashes) == 1
    assert (
        soak.reason("line over the limit of 20,971,520 bytes (line 7)")
        == "line over the limit of N bytes"
    )
