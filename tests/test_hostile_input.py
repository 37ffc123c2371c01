"""Hostile and broken input through the sources: nothing good is lost, nothing bad gets in
(issue #16, items 2, 3, 5, 10 and 14).

Each test reproduces one case of the issue; ``docs/errors.md`` names the test behind each
guarantee. All texts are made up.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import PARAS
from warta.errors import DocumentTooLarge, EmptyDocument, InputError, MalformedDocument
from warta.pipeline import analyze_documents
from warta.record import Analysis
from warta.sources import (
    MIN_TEXT_CHARS,
    RawDocument,
    document_from_html,
    document_from_text,
    iter_bytes,
    iter_documents,
    read_bytes,
)
from warta.sources.warc import MAX_HEADER_BYTES
from warta.store import open_store

GOOD = {"text": PARAS[0], "url": "https://contoh.id/a/1-jembatan"}


def jsonl(*records: object) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode() + b"\n"


def split(items: list) -> tuple[list[RawDocument], list[InputError]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def peak_bytes(run: Callable[[], object]) -> tuple[object, int]:
    """What ``run`` returns, and the most memory Python held while it ran."""
    tracemalloc.start()
    try:
        result = run()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def has_surrogate(value: object) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return any(has_surrogate(k) or has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_surrogate(v) for v in value)
    return False


# -- item 2: lone UTF-16 surrogates --------------------------------------------------------


def test_lone_surrogates_in_a_jsonl_record_are_replaced_and_the_article_stored(tmp_path):
    # json.dumps writes the lone surrogate as the escape "\ud83d", as real dumps do.
    records = [
        {**GOOD, "text": f"{PARAS[0]} \ud83d", "title": "Jembatan \ud83d baru"},
        {"text": PARAS[1], "title": "Emoji utuh \ud83d\ude00", "tags": ["a\udc00"]},
        {"text": PARAS[2], "url": "https://contoh.id/a/3"},
    ]
    docs, errors = split(list(iter_bytes(jsonl(*records), name="dump.jsonl")))
    assert not errors
    first, second, _ = docs
    assert first.text.endswith(" \ufffd") and first.title == "Jembatan \ufffd baru"
    assert "surrogate" in first.warnings[0] and "text (1)" in first.warnings[0]
    assert second.title == "Emoji utuh \U0001f600"  # a pair is the character it spells
    assert second.meta["tags"] == ["a\ufffd"]
    for doc in docs:
        assert not has_surrogate([doc.name, doc.text, doc.title, doc.meta, doc.warnings])
    analyses = list(analyze_documents(docs))
    assert all(isinstance(a, Analysis) for a in analyses), analyses
    assert analyses[0].warnings == first.warnings
    with open_store(tmp_path / "w.db") as store:
        for a in analyses:
            store.put(a)
        assert store.get(analyses[0].article.id).article.title == "Jembatan \ufffd baru"


def test_a_file_name_that_is_not_utf8_does_not_reach_the_record(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/berita-\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(PARAS[0].encode())
    (doc,) = list(iter_documents([folder]))
    assert isinstance(doc, RawDocument)
    assert doc.name.endswith("berita-\ufffd.txt") and "name (1)" in doc.warnings[0]


# -- item 3: directories, FIFOs, feeds -------------------------------------------------------


def test_a_directory_nested_1100_levels_is_walked(tmp_path):
    (tmp_path / "atas.txt").write_text(PARAS[0], encoding="utf-8")
    levels = [tmp_path]
    for _ in range(1100):  # level by level: mkdir(parents=True) itself recurses too deep
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    (levels[-1] / "bawah.txt").write_text(PARAS[1], encoding="utf-8")
    try:
        docs, errors = split(list(iter_documents([tmp_path])))
    finally:  # pytest's own clean-up of tmp_path recurses too deep: empty it bottom up
        (levels[-1] / "bawah.txt").unlink()
        for level in reversed(levels[1:]):
            level.rmdir()
    assert not errors
    assert [Path(d.name).name for d in docs] == ["atas.txt", "bawah.txt"]


def _within(seconds: float, run: Callable[[], list]) -> list:
    """``run()``'s result; fails (instead of hanging the suite) when it blocks."""
    out: list = []
    worker = threading.Thread(target=lambda: out.append(run()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert out, f"still blocked after {seconds} s"
    return out[0]


def _raised(function: Callable[..., object], *args: object) -> list[BaseException]:
    """What ``function(*args)`` raised, as a one-item list (empty if it returned)."""
    try:
        function(*args)
    except Exception as exc:
        return [exc]
    return []


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    (err,) = _within(60, lambda: list(iter_documents([fifo])))
    assert isinstance(err, InputError) and err.doc == str(fifo)
    assert "not a regular file but a FIFO" in err.message
    (refused,) = _within(60, lambda: _raised(read_bytes, fifo))
    assert isinstance(refused, InputError) and "not a regular file" in refused.message
    # Inside a directory it is refused the same way, and the files beside it are read.
    (tmp_path / "berita.txt").write_text(PARAS[0], encoding="utf-8")
    docs, errors = split(_within(60, lambda: list(iter_documents([tmp_path]))))
    assert [d.name for d in docs] == [str(tmp_path / "berita.txt")]
    assert [e.doc for e in errors] == [str(fifo)]


def test_an_unreadable_directory_is_an_error_naming_it(tmp_path, monkeypatch):
    root = tmp_path / "arsip"
    locked = root / "terkunci"
    locked.mkdir(parents=True)
    (locked / "rahasia.txt").write_text(PARAS[0], encoding="utf-8")
    (root / "terbuka.txt").write_text(PARAS[1], encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anyway: make the listing fail as it would
        real = os.scandir

        def scandir(path="."):
            if Path(os.fsdecode(path)) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        docs, errors = split(list(iter_documents([root])))
    finally:
        locked.chmod(0o755)
    assert [Path(d.name).name for d in docs] == ["terbuka.txt"]
    (err,) = errors
    assert err.doc == str(locked) and "cannot read directory: Permission denied" in err.message


RSS_ITEMS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Warta Contoh</title><link>https://contoh.id/</link>
<item><title>Satu</title><link>https://contoh.id/a/1</link><description>{0}</description></item>
<item><title>Dua {ref} rusak</title><link>https://contoh.id/a/2</link>
<description>{1} {ref}</description></item>
<item><title>Tiga</title><link>https://contoh.id/a/3</link><description>{2}</description></item>
</channel></rss>
"""


@pytest.mark.parametrize("ref", ["&#xD83D;", "&#55357;", "&#x110000;", "&#99999999999999;"])
def test_an_invalid_character_reference_costs_no_item_of_the_feed(ref):
    feed = RSS_ITEMS.format(*PARAS, ref=ref).encode()
    docs, errors = split(list(iter_bytes(feed, name="feed.xml")))
    assert not errors
    assert [d.name for d in docs] == ["feed.xml#1", "feed.xml#2", "feed.xml#3"]
    assert [d.url for d in docs] == [f"https://contoh.id/a/{n}" for n in (1, 2, 3)]
    assert docs[1].title == "Dua \ufffd rusak" and docs[1].text.endswith("\ufffd")
    assert docs[1].warnings == ["2 invalid character references replaced with U+FFFD"]
    assert docs[0].outlet == "Warta Contoh" and not docs[0].warnings


def test_a_broken_item_costs_only_itself():
    feed = RSS_ITEMS.format(*PARAS, ref="").replace(
        "<title>Dua  rusak</title>", "<title>Dua &#xD83D;</title><pubDate>&#99999999999;"
    )
    docs, _ = split(list(iter_bytes(feed.encode(), name="feed.xml")))
    assert {d.name for d in docs} >= {"feed.xml#1", "feed.xml#3"}


# -- item 5: size caps while reading ---------------------------------------------------------


def _gzip_stream(parts: list[tuple[bytes, int]]) -> bytes:
    """gzip of each ``(chunk, times)`` repeated, compressed as it goes (no big buffer)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = []
    for chunk, times in parts:
        for _ in range(times):
            out.append(comp.compress(chunk))
    out.append(comp.flush())
    return b"".join(out)


def test_a_gzip_bomb_as_one_jsonl_line_is_refused_while_reading(tmp_path):
    line_mb = 256
    bomb = _gzip_stream(
        [
            (jsonl(GOOD)[:-1] + b"\n" + b'{"text": "', 1),
            (b"a" * (1 << 20), line_mb),
            (b'"}\n' + jsonl({**GOOD, "url": "https://contoh.id/a/3"}), 1),
        ]
    )
    path = tmp_path / "bom.jsonl.gz"
    path.write_bytes(bomb)
    limit = 1 << 20
    items, peak = peak_bytes(lambda: list(iter_documents([path], max_bytes=limit)))
    docs, errors = split(items)
    assert [d.name for d in docs] == [f"{path}#1", f"{path}#3"]
    (err,) = errors
    assert isinstance(err, DocumentTooLarge) and err.doc == f"{path}#2"
    assert peak < 16 * limit, f"{peak:,} bytes held for a {line_mb} MB line"


def test_a_gzip_bomb_as_a_warc_header_line_is_refused_while_reading(tmp_path):
    line_mb = 256
    record = _gzip_stream(
        [
            (b"WARC/1.0\r\nWARC-Type: response\r\nX-Bom: ", 1),
            (b"a" * (1 << 20), line_mb),
            (b"\r\n\r\n", 1),
        ]
    )
    path = tmp_path / "bom.warc.gz"
    path.write_bytes(record)
    items, peak = peak_bytes(lambda: list(iter_documents([path])))
    (err,) = items
    assert isinstance(err, DocumentTooLarge) and err.doc == f"{path}#1"
    assert f"WARC headers over the limit of {MAX_HEADER_BYTES:,} bytes" in err.message
    # warcio inflates one compressed block at a time; the line itself is never held.
    assert peak < 100 * (1 << 20), f"{peak:,} bytes held for a {line_mb} MB line"


def test_a_long_header_line_in_a_plain_warc_is_refused_while_reading(tmp_path):
    path = tmp_path / "panjang.warc"
    with path.open("wb") as fh:
        fh.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Panjang: ")
        for _ in range(60):
            fh.write(b"b" * (1 << 20))
        fh.write(b"\r\n\r\n")
    items, peak = peak_bytes(lambda: list(iter_documents([path])))
    (err,) = items
    assert isinstance(err, DocumentTooLarge) and err.doc == f"{path}#1"
    assert peak < 8 * MAX_HEADER_BYTES


def test_a_long_jsonl_line_does_not_hide_the_next_ones(tmp_path):
    path = tmp_path / "baris.jsonl"
    path.write_bytes(
        jsonl(GOOD) + b'{"text": "' + b"c" * 5000 + b'"}\n' + jsonl({"text": PARAS[1]})
    )
    docs, errors = split(list(iter_documents([path], max_bytes=4096)))
    assert [d.name for d in docs] == [f"{path}#1", f"{path}#3"]
    assert [type(e) for e in errors] == [DocumentTooLarge] and errors[0].doc == f"{path}#2"


# -- item 14: wrongly typed fields, texts too short to be articles ----------------------------


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("url", 5, "a number"),
        ("url", True, "a boolean"),
        ("title", ["Judul"], "an array"),
        ("published", 1700000000, "a number"),
        ("outlet", {"nama": "Contoh"}, "an object"),
        ("text", 12345, "a number"),
        ("html", ["<p>x</p>"], "an array"),
        ("category", 3, "a number"),
    ],
)
def test_a_wrongly_typed_field_refuses_its_record_only(field, value, kind):
    bad = {**GOOD, field: value}
    data = jsonl(GOOD, bad, {"text": PARAS[1]})
    docs, errors = split(list(iter_bytes(data, name="dump.jsonl")))
    assert [d.name for d in docs] == ["dump.jsonl#1", "dump.jsonl#3"]
    (err,) = errors
    assert isinstance(err, MalformedDocument) and err.doc == "dump.jsonl#2"
    assert err.message == f"field {field!r} must be a string, got {kind}"


def test_authors_must_be_a_string_or_a_list_of_strings():
    data = jsonl({**GOOD, "authors": ["Siti", 7]}, {**GOOD, "author": "Budi"})
    docs, errors = split(list(iter_bytes(data, name="d.jsonl")))
    assert [d.authors for d in docs] == [["Budi"]]
    assert "'authors' must be a string or a list of strings, got an array" in errors[0].message


@pytest.mark.parametrize("text", ["a", "-", "#NAME?", "x" * (MIN_TEXT_CHARS - 1)])
def test_a_text_too_short_to_be_an_article_is_refused(tmp_path, text):
    docs, errors = split(list(iter_bytes(jsonl({"text": text}, GOOD), name="d.jsonl")))
    assert [d.name for d in docs] == ["d.jsonl#2"]
    assert isinstance(errors[0], EmptyDocument) and errors[0].doc == "d.jsonl#1"
    assert f"shorter than the minimum of {MIN_TEXT_CHARS}" in errors[0].message
    path = tmp_path / "pendek.txt"
    path.write_text(text, encoding="utf-8")
    (err,) = list(iter_documents([path]))
    assert isinstance(err, EmptyDocument)
    assert split(list(iter_bytes(("y" * MIN_TEXT_CHARS).encode(), name="t")))[0]


# -- item 10 (reader half): only http(s) URLs become the article's url ------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/berita/relatif",
        "http://",
        "https://contoh.id/\x00a",
    ],
)
def test_a_non_http_url_is_kept_as_text_not_as_the_url(url):
    (doc,) = list(iter_bytes(jsonl({**GOOD, "url": url}), name="d.jsonl"))
    assert isinstance(doc, RawDocument)
    assert doc.url is None
    assert doc.warnings == [
        f"url {url.strip()!r} is not an http(s) URL: kept as text here, not as the article's link"
    ]
    (a,) = analyze_documents([doc])
    assert isinstance(a, Analysis) and a.article.url is None and a.warnings == doc.warnings


def test_an_rss_link_that_is_not_http_is_not_the_url():
    feed = RSS_ITEMS.format(*PARAS, ref="").replace(
        "<link>https://contoh.id/a/2</link>", "<link>javascript:alert(1)</link>"
    )
    docs, _ = split(list(iter_bytes(feed.encode(), name="f.xml")))
    assert docs[1].url is None and "javascript:alert(1)" in docs[1].warnings[0]
    # A permalink guid is the URL when the link is not http(s).
    with_guid = feed.replace(
        "<link>javascript:alert(1)</link>",
        "<link>javascript:alert(1)</link><guid>https://contoh.id/a/2-asli</guid>",
    )
    docs, _ = split(list(iter_bytes(with_guid.encode(), name="f.xml")))
    assert docs[1].url == "https://contoh.id/a/2-asli" and not docs[1].warnings


def test_a_url_given_with_a_page_or_a_text_must_be_http():
    html = (
        "<!DOCTYPE html><html><head><title>Jembatan</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article></body></html>"
    )
    page = document_from_html(html, name="page.html", url="javascript:alert(1)")
    text = document_from_text(PARAS[0], name="t.txt", url="data:,x")
    assert page.url is None and "'javascript:alert(1)' is not an http(s) URL" in page.warnings[0]
    assert text.url is None and "'data:,x' is not an http(s) URL" in text.warnings[0]
    assert document_from_text(PARAS[0], name="t", url="HTTPS://Contoh.id/a").url == (
        "HTTPS://Contoh.id/a"
    )


def test_gzip_jsonl_with_hostile_records_keeps_every_good_one(tmp_path):
    records = [
        GOOD,
        {**GOOD, "url": 5},
        {"text": "a"},
        {"text": f"{PARAS[1]} \ud83d", "url": "javascript:alert(1)"},
        {"text": PARAS[2], "url": "https://contoh.id/a/5"},
    ]
    path = tmp_path / "campur.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(*records)))
    results = list(analyze_documents(iter_documents([path])))
    stored = [r for r in results if isinstance(r, Analysis)]
    assert [r.article.origin for r in stored] == [f"{path}#1", f"{path}#4", f"{path}#5"]
    assert [str(e).split(":")[0] for e in results if not isinstance(e, Analysis)] == [
        f"{path}#2",
        f"{path}#3",
    ]
    with open_store(tmp_path / "w.db") as store:
        for a in stored:
            store.put(a)
