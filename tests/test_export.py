import csv
import json

import pyarrow.parquet as pq
import pytest

from helpers import make_analysis
from warta.export import export_analyses
from warta.export.gdelt import EVENT_COLUMNS, GKG_COLUMNS, MENTION_COLUMNS
from warta.record import Analysis, DateMention, Published


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
    assert (
        row["SQLDATE"] == "20240301" and row["EventCode"] == "040" and row["EventRootCode"] == "04"
    )
    assert (
        row["Actor1Code"] == "IDNGOV"
        and row["Actor1CountryCode"] == "IDN"
        and row["Actor1Type1Code"] == "GOV"
    )
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


# Issue #16, item 4: a week-resolved date (an ordinary "akhir pekan" in a Detik article)
# crashed the GKG export with ValueError: invalid literal for int() with base 10: 'W26'.
# Every date form the record model allows (docs/schema.md) must reach every GDELT column.
@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2021-12-16", "day", "3#12#16#2021#0"),
        ("2022-02", "month", "2#2#0#2022#0"),
        ("2022", "year", "1#0#0#2022#0"),
        # 13-19 December 2021: the week lies in one month.
        ("2021-W50", "week", "2#12#0#2021#0"),
        # 29 November - 5 December 2021: in one year, not in one month.
        ("2021-W48", "week", "1#0#0#2021#0"),
        # 28 December 2020 - 3 January 2021: no GDELT resolution holds it.
        ("2020-W53", "week", None),
        ("2021-13", "month", None),
        ("2021-W60", "week", None),
        ("pekan lalu", "week", None),
    ],
)
def test_gkg_enhanced_dates_of_every_resolution(tmp_path, value, precision, expected):
    a = make_analysis(1)
    a.dates = [DateMention("kapan", 0, 5, value, precision)]
    path = tmp_path / "g.tsv"
    assert export_analyses([a], path, format="gdelt-gkg") == 1
    (row,) = [dict(zip(GKG_COLUMNS, r)) for r in _rows(path)]
    assert row["V2.1ENHANCEDDATES"] == (expected or "")


PUBLISHED = [
    ("2024-03-05", "day"),
    ("2024-03-05T10:30+07:00", "minute"),
    ("2024-03-05T10:30:15+07:00", "second"),
    ("2024-03", "month"),
    ("2024", "year"),
]
EVENT_DATES = [None, "2024-03-04", "2024-W09", "2024-03", "2024"]


@pytest.mark.parametrize("fmt", ["gdelt-events", "gdelt-mentions", "gdelt-gkg"])
def test_every_date_precision_reaches_every_gdelt_file(tmp_path, fmt):
    analyses = []
    for n, ((published, precision), event_date) in enumerate(zip(PUBLISHED, EVENT_DATES)):
        a = make_analysis(n)
        a.article.published = Published(published, precision, "metadata")
        a.events[0].date = event_date
        a.dates = [
            DateMention("kapan", 0, 5, v, p)
            for v, p in zip(EVENT_DATES[1:], ["day", "week", "month", "year"])
        ]
        analyses.append(a)
    path = tmp_path / "out.tsv"
    n = export_analyses(analyses, path, format=fmt)
    rows = _rows(path)
    assert n == len(rows) > 0
    width = {
        "gdelt-events": EVENT_COLUMNS,
        "gdelt-mentions": MENTION_COLUMNS,
        "gdelt-gkg": GKG_COLUMNS,
    }[fmt]
    assert {len(r) for r in rows} == {len(width)}
    for row in rows:
        for name, cell in zip(width, row):
            if (
                name in ("SQLDATE", "DATEADDED", "V2.1DATE", "EventTimeDate", "MentionTimeDate")
                and cell
            ):
                assert cell.isdigit() and cell[:4] == "2024", (name, cell)


def test_gkg_export_of_detik_articles_with_week_dates(tmp_path, shared):
    from warta.pipeline import analyze_documents
    from warta.sources import iter_documents

    found = []
    for n, a in enumerate(analyze_documents(iter_documents([shared / "data/news/detik.jsonl"]))):
        if not isinstance(a, Analysis):
            continue
        if any(d.precision == "week" for d in a.dates):
            found.append(a)
        if len(found) == 3 or n == 200:
            break
    assert found, "no week-resolved date in the first 200 Detik articles"
    path = tmp_path / "g.tsv"
    assert export_analyses(found, path, format="gdelt-gkg") == len(found)
    for row in _rows(path):
        for entry in dict(zip(GKG_COLUMNS, row))["V2.1ENHANCEDDATES"].split(";"):
            resolution, _month, _day, year, offset = entry.split("#")
            assert resolution in "123" and int(year) > 2000 and int(offset) >= 0
