"""Shared fixtures. Real data lives in ../shared beside the clone; tests that need it
are skipped with that reason when it is absent (as on a user's fresh clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "data" / "seed" / "kontan-rusia-china.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is not beside the clone (real-data tests need it)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return SEED.read_text(encoding="utf-8")
