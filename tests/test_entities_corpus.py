"""Entity resolution over real news (read from ../shared at run time): invariants that
must hold on every article, whatever the model says.

The Doc here is the tokenizer only (no model spans), so every entity comes from the
knowledge base's alias matcher and the phrase rules; this keeps the test fast and
independent of the model's training state.
"""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
import spacy

from warta.analysis.entities import resolve_entities
from warta.analysis.geocode import geocode
from warta.errors import InputError
from warta.record import Analysis

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWS = SHARED / "data" / "news"


def _records(name: str, n: int):
    path = NEWS / name
    if not path.is_file():
        pytest.skip(f"shared news not found at {path} (fresh clone without ../shared)")
    with open(path, encoding="utf-8") as fh:
        yield from (json.loads(line) for line in islice(fh, n))


@pytest.mark.parametrize("name", ["detik.jsonl", "clickid_kompas.jsonl", "clickid_okezone.jsonl"])
def test_invariants_on_real_articles(name):
    from warta.article import parse_article
    from warta.sources.jsonl import document_from_record

    nlp = spacy.blank("id")
    checked = 0
    for rec in _records(name, 120):
        try:
            article = parse_article(document_from_record(rec, name=rec["id"]))
        except InputError:
            continue  # empty records exist in the ClickID dumps
        analysis = Analysis(article=article)
        text = article.text
        ents = resolve_entities(analysis, nlp(text))
        places, dateline_id = geocode(analysis, ents)
        ids = [e.id for e in ents]
        assert ids == [f"e{i}" for i in range(1, len(ents) + 1)], rec["id"]
        seen_kb = set()
        for e in ents:
            assert e.name, (rec["id"], e)
            for m in e.mentions:
                assert 0 <= m.start < m.end <= len(text), (rec["id"], e.name)
                surface = text[m.start : m.end]
                assert surface == surface.strip() and surface[0].isalnum(), (rec["id"], surface)
            if e.kb_id:
                assert e.kb_id not in seen_kb, (rec["id"], "two entities for", e.kb_id)
                seen_kb.add(e.kb_id)
            if e.type == "GROUP":
                assert e.cameo and e.country and e.cameo == e.country + e.sector
        by_id = {e.id: e for e in ents}
        for p in places:
            assert by_id[p.entity_id].type in ("LOC", "GPE")
            if p.lat is not None:
                assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
        if dateline_id is not None:
            assert by_id[dateline_id].type in ("LOC", "GPE")
        checked += 1
    assert checked >= 100
