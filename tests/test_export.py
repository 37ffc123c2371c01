import csv
import json

import pyarrow.parquet as pq
import pytest

from warta.export import export_analyses
from warta.export.gdelt import EVENT_COLUMNS, GKG_COLUMNS, MENTION_COLUMNS

from helpers import make_analysis


@pytest.fixture()
def analyses():
    out = []
    for n in range(3):
        a = make_analysis(n, url=f"https://contoh{n % 2}.id/{n}")
        a.events[0].date = "2024-03-01"
        out.append(a)
    return out


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_events_have_61_columns_and_merge_mentions(tmp_path, analyses):
    path = tmp_path / "events.tsv"
    n = export_analyses(analyses, path, format="gdelt-events")
    rows = _rows(path)
    assert n == len(rows) == 1
    row = dict(zip(EVENT_COLUMNS, rows[0]))
    assert len(rows[0]) == len(EVENT_COLUMNS) == 61
    assert row["SQLDATE"] == "20240301" and row["EventCode"] == "040" and row["EventRootCode"] == "04"
    assert row["Actor1Code"] == "IDNGOV" and row["Actor1CountryCode"] == "IDN" and row["Actor1Type1Code"] == "GOV"
    assert (row["NumMentions"], row["NumArticles"], row["NumSources"]) == ("3", "3", "2")
    assert row["SOURCEURL"].startswith("https://contoh")
    assert float(row["ActionGeo_Lat"]) == pytest.approx(-6.2)


def test_gdelt_mentions_and_gkg_column_counts(tmp_path, analyses):
    m, g = tmp_path / "m.tsv", tmp_path / "g.tsv"
    assert export_analyses(analyses, m, format="gdelt-mentions") == 3
    assert export_analyses(analyses, g, format="gdelt-gkg") == 3
    assert {len(r) for r in _rows(m)} == {len(MENTION_COLUMNS)}
    gkg = [dict(zip(GKG_COLUMNS, r)) for r in _rows(g)]
    assert {len(r) for r in _rows(g)} == {27}
    assert "kerja sama baik" in gkg[0]["V2.1QUOTATIONS"]
    assert "Menteri A" in gkg[0]["V1PERSONS"]
    assert 'speaker="Ia"' in gkg[0]["V2EXTRASXML"]
    assert gkg[0]["V1THEMES"] == "DIPLOMACY"


def test_jsonl_and_parquet(tmp_path, analyses):
    j, p = tmp_path / "a.jsonl", tmp_path / "a.parquet"
    assert export_analyses(analyses, j, format="jsonl") == 3
    lines = [json.loads(x) for x in j.read_text(encoding="utf-8").splitlines()]
    assert [x["article"]["id"] for x in lines] == [a.article.id for a in analyses]
    assert export_analyses(analyses, p, format="parquet") == 3
    table = pq.read_table(p)
    assert table.num_rows == 3
    assert table.column("entities").to_pylist()[0][0]["name"] == "Menteri A"


def test_failed_export_leaves_no_file(tmp_path, analyses):
    def broken():
        yield analyses[0]
        raise RuntimeError("disk went away")

    target = tmp_path / "x.jsonl"
    with pytest.raises(RuntimeError):
        export_analyses(broken(), target, format="jsonl")
    assert not target.exists() and list(tmp_path.iterdir()) == []
