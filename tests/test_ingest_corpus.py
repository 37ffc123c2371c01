"""The real corpora through the whole pipeline into a real store: no errors, no duplicates."""

from __future__ import annotations

import itertools
import json

import pytest

from warta.ingest import ingest_paths
from warta.store import open_store


@pytest.mark.slow
def test_all_detik_articles_ingest_and_reingest_without_duplicates(shared, tmp_path):
    detik = shared / "data" / "news" / "detik.jsonl"
    with detik.open(encoding="utf-8") as fh:  # not splitlines(): texts hold U+2028
        rows = [json.loads(x) for x in fh]
    errors = []
    with open_store(tmp_path / "w.db") as store:
        first = ingest_paths(store, [detik], on_error=errors.append, progress=False)
        assert errors == [] and first.failed == 0
        assert first.stored == len(rows) == 700
        count = store.count()
        # 700 rows hold 632 distinct URLs: a repeated URL updates its article
        assert count == len({r["url"] for r in rows})
        second = ingest_paths(store, [detik], on_error=errors.append, progress=False)
        assert errors == [] and second.created == 0 and store.count() == count


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["clickid_kompas.jsonl", "clickid_okezone.jsonl", "clickid_tribunnews.jsonl"]
)
def test_clickid_sample_ingests(shared, tmp_path, name):
    src = shared / "data" / "news" / name
    lines = list(itertools.islice(src.open(encoding="utf-8"), 150))
    sample = tmp_path / name
    sample.write_text("".join(lines), encoding="utf-8")
    empty = sum(1 for x in lines if not json.loads(x)["text"].strip())
    errors = []
    with open_store(tmp_path / "w.db") as store:
        report = ingest_paths(store, [sample], on_error=errors.append, progress=False)
    # the only acceptable failures: rows the scraper left empty, or that hold nothing but a
    # footer ("Artikel ini telah tayang di ..."), which cleaning rightly removes
    assert all("empty text" in str(e) or "no article text after cleaning" in str(e) for e in errors)
    assert empty <= report.failed <= empty + 2
    assert report.stored == len(lines) - report.failed
