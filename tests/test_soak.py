"""The short soak run (`scripts/soak.py --quick`): the shared corpora (when ../shared is
beside the clone) and every hostile case of issue #16 through ingest, batch (uninterrupted,
then killed and resumed), export, load and the API. Nothing may crash, nothing may be lost,
and every case must end the way it should."""

from __future__ import annotations

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
