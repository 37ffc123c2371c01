"""The Python API beside the command: ``warta.analyze_files`` (once ``warta.load``, a name
that said the opposite of the ``warta load`` command) and its ``errors=`` argument."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import warta

GOOD = "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a-baik.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-kosong.txt").write_bytes(b"")
    return tmp_path


def test_analyze_files_skips_or_raises_on_a_failing_document(folder: Path):
    analyses = warta.analyze_files(folder, errors="skip")
    assert [a.article.origin for a in analyses] == [str(folder / "a-baik.txt")]
    with pytest.raises(warta.EmptyDocument, match=r"b-kosong\.txt"):
        warta.analyze_files(folder, errors="raise")


@pytest.mark.parametrize("errors", ["ignore", "Skip", "", None])
def test_analyze_files_refuses_an_unknown_errors_value(folder: Path, errors: object):
    with pytest.raises(ValueError, match="'raise', 'skip'"):
        warta.analyze_files(folder, errors=errors)  # type: ignore[arg-type]


def test_load_is_a_deprecated_alias(folder: Path):
    with pytest.warns(DeprecationWarning, match="analyze_files"):
        analyses = warta.load(folder, errors="skip")
    assert [a.to_dict() for a in analyses] == [
        a.to_dict() for a in warta.analyze_files(folder, errors="skip")
    ]
    with pytest.warns(DeprecationWarning), pytest.raises(ValueError, match="'raise', 'skip'"):
        warta.load(folder, errors="ignore")  # type: ignore[arg-type]


def test_analyze_files_does_not_warn(folder: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        warta.analyze_files(folder / "a-baik.txt")


def test_the_new_name_is_exported():
    assert "analyze_files" in warta.__all__
    assert "load" in warta.__all__  # kept for old code, with its warning
