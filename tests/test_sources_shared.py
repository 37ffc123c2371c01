"""The readers on the real pages, feeds, archives and dumps in ``../shared/data``.

Ground truth comes from each page's ``*.expected.json``; it was made by other tools, so
we check rates over the collection rather than equality per page (see web/README.md).
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from warta.errors import EmptyDocument, InputError
from warta.sources import RawDocument, iter_documents

# Floors for the HTML collection (measured: listings 6/6, date 32/32, title 28/30,
# text similarity >= 0.8 on 28/31, mean 0.90). Lowering one is a deliberate change.
MIN_DATE_DAY = 0.9
MIN_TITLE = 0.8
MIN_TEXT_SIMILAR = 0.8
MIN_MEAN_SIMILARITY = 0.85

_QUOTES_DASHES = re.compile(r"[\u201c\u201d\"\u2013\u2014-]")


def _norm(text: str) -> str:
    # The reference scrapers turned curly quotes and dashes into ASCII and collapsed spaces.
    return " ".join(_QUOTES_DASHES.sub(" ", text).split()).lower()


def _read_one(path: Path) -> RawDocument | InputError:
    items = list(iter_documents([path]))
    assert len(items) == 1, items
    return items[0]


@pytest.fixture(scope="module")
def web(shared: Path) -> Path:
    return shared / "data" / "web"


@pytest.fixture(scope="module")
def html_results(web: Path) -> list[tuple[dict, RawDocument | InputError]]:
    out = []
    for page in sorted((web / "html").glob("*.html")):
        expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
        out.append((expected, _read_one(page)))
    return out


def test_every_web_file_reads_without_an_exception(web):
    items = list(iter_documents([web]))  # everything, sidecar JSON files included
    assert items
    for item in items:
        assert isinstance(item, (RawDocument, InputError))
        if isinstance(item, RawDocument):
            assert item.text and item.text.strip()
            assert item.name.startswith(str(web))
        else:
            assert item.doc and "\n" not in str(item)


def test_listing_pages_are_rejected_and_articles_read(html_results):
    listings = [(e, r) for e, r in html_results if e.get("page_type") == "listing"]
    articles = [(e, r) for e, r in html_results if e.get("date")]
    assert len(listings) == 6
    for _, result in listings:
        assert isinstance(result, InputError) and "no article text found" in str(result)
    for _, result in articles:
        assert isinstance(result, RawDocument), result


def test_dates_against_ground_truth(html_results):
    pairs = [(e["date"], r) for e, r in html_results if e.get("date")]
    same_day = [isinstance(r, RawDocument) and (r.published or "")[:10] == d[:10] for d, r in pairs]
    assert len(pairs) >= 30
    assert sum(same_day) / len(pairs) >= MIN_DATE_DAY, same_day


def test_titles_against_ground_truth(html_results):
    pairs = [(e["title"], r) for e, r in html_results if e.get("title") and not e.get("page_type")]
    same = [isinstance(r, RawDocument) and _norm(r.title or "") == _norm(t) for t, r in pairs]
    assert sum(same) / len(pairs) >= MIN_TITLE, same


def test_text_against_ground_truth(html_results):
    scores = []
    for expected, result in html_results:
        if not expected.get("text") or expected.get("page_type") or "date" not in expected:
            continue
        got = _norm(result.text) if isinstance(result, RawDocument) else ""
        scores.append(
            difflib.SequenceMatcher(None, got, _norm(expected["text"]), autojunk=False).ratio()
        )
    assert len(scores) >= 25
    assert sum(s >= 0.8 for s in scores) / len(scores) >= MIN_TEXT_SIMILAR, scores
    assert sum(scores) / len(scores) >= MIN_MEAN_SIMILARITY, scores


def test_must_include_and_exclude(html_results):
    checked = 0
    for expected, result in html_results:
        if not isinstance(result, RawDocument):
            continue
        text = _norm(result.text)
        for snippet in expected.get("must_exclude", []):
            assert _norm(snippet) not in text
            checked += 1
        includes = expected.get("must_include", [])
        if includes:
            # reactjs-id-1 (documentation, not news) is the only page with snippets: one of
            # its four is not verbatim in the page (web/README.md) and one is a heading that
            # precision-first extraction drops. Measured 2/4.
            assert sum(_norm(s) in text for s in includes) >= len(includes) / 2
            checked += 1
    assert checked


def test_wrongly_declared_charset_is_read_as_utf8(web):
    for name in ("kapanlagi-1", "kapanlagi-2", "kapanlagi-3"):
        doc = _read_one(web / "html" / f"{name}.html")
        assert isinstance(doc, RawDocument)
        assert "\u00c3" not in doc.text and "\u00c2" not in doc.text  # UTF-8 read as latin-1


FEED_ITEMS = {
    "antaranews-1": 20,
    "detik-1": 20,
    "kapanlagi-1": 3,
    "republika-1": 10,
    "tempo-reserialised-1": 9,
}


@pytest.mark.parametrize("feed", sorted(FEED_ITEMS))
def test_feeds(web, feed):
    path = web / "feeds" / f"{feed}.xml"
    items = list(iter_documents([path]))
    assert len(items) == FEED_ITEMS[feed]
    assert [i.name for i in items] == [f"{path}#{n}" for n in range(1, len(items) + 1)]
    for doc in items:
        assert isinstance(doc, RawDocument), doc
        assert doc.title and doc.text and doc.url.startswith("http")
        assert "feedsportal" not in doc.url
        assert doc.published is None or doc.published[:4] >= "2015"
        assert "&nbsp;" not in doc.text and "<p>" not in doc.text
    sidecar = path.with_suffix(".expected.json")
    if sidecar.exists():
        links = json.loads(sidecar.read_text(encoding="utf-8"))["links"]
        for doc, link in zip(items, links):
            # the expected link may be the feedsportal redirect, which we keep in meta
            assert link in (doc.url, doc.meta.get("link"))


def test_feed_dates_keep_their_offset(web):
    first = _read_one_of(web / "feeds" / "antaranews-1.xml")
    assert first.published == "2015-11-05T14:56:43+07:00"
    detik = _read_one_of(web / "feeds" / "detik-1.xml")
    assert detik.published.endswith("+00:00")  # the feed writes GMT


def _read_one_of(path: Path) -> RawDocument:
    doc = next(iter(iter_documents([path])))
    assert isinstance(doc, RawDocument)
    return doc


def test_warc_files(web):
    whirlwind = list(iter_documents([web / "warc" / "commoncrawl-whirlwind.warc.gz"]))
    assert [d.url for d in whirlwind] == ["https://an.wikipedia.org/wiki/Escopete"]
    assert whirlwind[0].meta["warc_date"].startswith("2024")

    wet = list(iter_documents([web / "warc" / "commoncrawl-whirlwind.warc.wet.gz"]))
    assert len(wet) == 1 and isinstance(wet[0], EmptyDocument)

    iana = list(iter_documents([web / "warc" / "pywb-iana.warc.gz"]))
    # 16 HTML responses with status 200: each is a document or a "not an article" error
    assert len(iana) == 16
    docs = [d for d in iana if isinstance(d, RawDocument)]
    assert len(docs) >= 8
    assert all(d.url.startswith(("http://www.iana.org/", "https://www.iana.org/")) for d in docs)


NEWS = {
    "clickid_kompas": (3253, 0),
    "clickid_okezone": (4664, 5),
    # 21 empty texts, and row 401 whose text is "#NAME?" (a spreadsheet error, under
    # MIN_TEXT_CHARS).
    "clickid_tribunnews": (1500, 22),
    "detik": (700, 0),
}


@pytest.mark.parametrize("dump", sorted(NEWS))
def test_news_jsonl_reads_fully(shared, dump):
    path = shared / "data" / "news" / f"{dump}.jsonl"
    rows, empty = NEWS[dump]
    items = list(iter_documents([path]))
    assert len(items) == rows
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == empty and all(isinstance(e, EmptyDocument) for e in errors)
    docs = [i for i in items if isinstance(i, RawDocument)]
    for doc in docs:
        assert doc.url and doc.title and doc.published and doc.outlet and doc.section
        assert doc.meta["id"].startswith(dump.split("_")[0])
        assert "\n\n" not in doc.text
    if dump == "detik":
        assert all(isinstance(d.meta.get("stakeholders"), dict) for d in docs)
        assert len({d.url for d in docs}) == 632


def test_seed_article(shared):
    doc = _read_one(shared / "data" / "seed" / "kontan-rusia-china.txt")
    assert isinstance(doc, RawDocument)
    assert len(doc.text.split("\n")) == 16
