"""The input readers on hand-made files: every format, and every kind of bad input.

All texts here are short made-up sentences; real pages are tested in
``test_sources_shared.py``.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from helpers import PARAS
from warta import sources
from warta.errors import (
    BinaryDocument,
    DocumentTooLarge,
    EmptyDocument,
    InputError,
    MalformedDocument,
)
from warta.sources import (
    RawDocument,
    decode,
    document_from_html,
    document_from_text,
    iter_bytes,
    iter_documents,
    read_bytes,
)


def article_html(
    title: str = "Jembatan Baru Diresmikan", *, charset: str = "utf-8", close_tags: bool = True
) -> str:
    body = "".join(f"<p>{p}</p>" if close_tags else f"<p>{p}" for p in PARAS)
    end = "</article></body></html>" if close_tags else ""
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset}">'
        f"<title>{title} - Warta Contoh</title>"
        '<meta property="og:site_name" content="Warta Contoh">'
        '<meta property="article:published_time" content="2024-03-04T09:30:00+07:00">'
        '<meta name="author" content="Budi Penulis">'
        "</head><body><nav><a href='/'>Beranda</a> <a href='/nasional'>Nasional</a></nav>"
        f"<article><h1>{title}</h1>{body}{end}"
    )


def only(items: list) -> object:
    assert len(items) == 1, items
    return items[0]


def assert_one_error(items: list, cls: type[InputError], doc: str) -> InputError:
    err = only(items)
    assert isinstance(err, cls), err
    assert err.doc == doc
    assert "\n" not in str(err) and str(err).startswith(f"{doc}: ")
    return err


def docs_and_errors(items: list) -> tuple[list[RawDocument], list[InputError]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


# --- public API ---------------------------------------------------------------------------


def test_all_names_exported():
    for name in sources.__all__:
        assert hasattr(sources, name), name
    for name in (
        "iter_documents",
        "document_from_html",
        "document_from_text",
        "decode",
        "read_bytes",
    ):
        assert name in sources.__all__


# --- plain text and decoding --------------------------------------------------------------


def test_plain_text_file_is_one_document(tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_text("\r\n".join(PARAS) + "\r\n\r\n", encoding="utf-8")
    doc = only(list(iter_documents([path])))
    assert isinstance(doc, RawDocument)
    assert doc.name == str(path)
    assert doc.text == "\n".join(PARAS)
    assert doc.html is None


def test_blank_lines_between_paragraphs_are_dropped():
    doc = document_from_text("Satu.\n\n  Dua.  \n\n\nTiga.", name="x", published="2024-01-02")
    assert doc.text == "Satu.\nDua.\nTiga."
    assert doc.published == "2024-01-02"


def test_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "lama.txt"
    text = "Caf\u00e9 itu disebut \u201cterbaik\u201d oleh warga \u2013 katanya."
    path.write_bytes(text.encode("cp1252"))
    doc = only(list(iter_documents([path])))
    assert doc.text == text


def test_utf8_bom_is_stripped_and_utf16_read():
    assert decode("\ufeffHalo dunia".encode("utf-8"), name="x") == "Halo dunia"
    assert decode("Halo dunia".encode("utf-16"), name="x") == "Halo dunia"


def test_utf8_wins_over_a_wrong_latin1_declaration(tmp_path):
    html = article_html(charset="iso-8859-1").replace("</h1>", "</h1><p>\u00a9 Warta Contoh</p>")
    path = tmp_path / "halaman.html"
    path.write_bytes(html.encode("utf-8"))
    doc = only(list(iter_documents([path])))
    assert isinstance(doc, RawDocument), doc
    assert "\u00c2" not in doc.text  # mojibake of a UTF-8 read as latin-1
    assert "\u201cKami berharap" in doc.text


def test_declared_latin1_means_cp1252():
    raw = "\u201cYa\u201d".encode("cp1252")
    assert decode(raw, name="x", declared="latin-1") == "\u201cYa\u201d"


@pytest.mark.parametrize(
    "payload, what",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"teks\x00\x00\x00biner" * 50, "NUL"),
        (bytes(range(1, 32)) * 40, "control"),
    ],
)
def test_binary_file_is_refused(tmp_path, payload, what):
    path = tmp_path / "gambar.txt"
    path.write_bytes(payload)
    err = assert_one_error(list(iter_documents([path])), BinaryDocument, str(path))
    assert what in str(err)


def test_text_starting_with_mz_is_not_an_executable():
    assert decode(b"MZ Hidayat hadir dalam rapat.", name="x").startswith("MZ Hidayat")


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n   \n"])
def test_empty_and_whitespace_files(tmp_path, content):
    path = tmp_path / "kosong.txt"
    path.write_bytes(content)
    assert_one_error(list(iter_documents([path])), EmptyDocument, str(path))


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "besar.txt"
    with path.open("wb") as fh:  # sparse: 4 GiB on paper, nothing on disk
        fh.truncate(4 * 1024**3)
    err = assert_one_error(list(iter_documents([path])), DocumentTooLarge, str(path))
    assert "limit" in str(err)
    with pytest.raises(DocumentTooLarge):
        read_bytes(path)


def test_max_bytes_is_respected(tmp_path):
    path = tmp_path / "sedang.txt"
    path.write_text("kata " * 400, encoding="utf-8")
    assert_one_error(list(iter_documents([path], max_bytes=1000)), DocumentTooLarge, str(path))
    assert isinstance(only(list(iter_documents([path], max_bytes=5000))), RawDocument)


def test_missing_path_yields_an_error_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "ada.txt"
    good.write_text(PARAS[0], encoding="utf-8")
    missing = tmp_path / "tidak-ada.txt"
    docs, errors = docs_and_errors(list(iter_documents([missing, good])))
    assert [d.name for d in docs] == [str(good)]
    assert_one_error(errors, InputError, str(missing))


# --- HTML -----------------------------------------------------------------------------------


def test_html_article_text_and_metadata():
    doc = document_from_html(article_html(), name="p.html", url="https://contoh.id/a/123-jembatan")
    assert doc.title == "Jembatan Baru Diresmikan"
    assert doc.url == "https://contoh.id/a/123-jembatan"
    assert doc.published.startswith("2024-03-04")
    assert doc.outlet == "Warta Contoh"
    assert doc.authors == ["Budi Penulis"]
    for para in PARAS:
        assert para in doc.text.split("\n")
    assert "Beranda" not in doc.text


def test_html_with_unclosed_tags_still_reads(tmp_path):
    path = tmp_path / "rusak.html"
    path.write_text(article_html(close_tags=False), encoding="utf-8")
    doc = only(list(iter_documents([path])))
    assert isinstance(doc, RawDocument), doc
    assert PARAS[1] in doc.text


def test_html_fragment_is_all_text():
    doc = document_from_html(
        "<p>Presiden meresmikan pasar.</p><p>Warga <b>senang</b>.</p>", name="f"
    )
    assert doc.text == "Presiden meresmikan pasar.\nWarga senang."


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><<<>>>&&&</body></html>",
        "<html><head><title>Kosong</title></head><body><script>var a=1;</script></body></html>",
        "   ",
    ],
)
def test_html_without_article_is_a_clear_error(html):
    with pytest.raises(InputError) as info:
        document_from_html(html, name="kosong.html")
    assert info.value.doc == "kosong.html"
    assert "\n" not in str(info.value)


def test_listing_page_is_not_an_article(tmp_path):
    links = "".join(
        f'<li><a href="/berita/{i}/judul-berita-nomor-{i}">Judul berita nomor {i}</a></li>'
        for i in range(40)
    )
    html = f"<html><head><title>Indeks</title></head><body><ul>{links}</ul></body></html>"
    path = tmp_path / "indeks.html"
    path.write_text(html, encoding="utf-8")
    err = only(list(iter_documents([path])))
    assert isinstance(err, InputError) and not isinstance(err, RawDocument)
    assert "no article text found" in str(err)


# --- feeds ----------------------------------------------------------------------------------

RSS = """
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Warta Contoh</title><link>https://contoh.id/</link>
<item><title>Jembatan baru</title><link>https://contoh.id/a/1-jembatan-baru</link>
<guid>https://contoh.id/a/1-jembatan-baru</guid>
<pubDate>Mon, 04 Mar 2024 09:30:00 +0700</pubDate><category>Daerah</category>
<description>&lt;p&gt;{0}&lt;/p&gt;&lt;p&gt;{1}&lt;/p&gt;</description></item>
<item><title>Tanpa isi</title><link>https://contoh.id/a/2-kosong</link></item>
<item><title>Lewat pengalih</title>
<link>http://contoh.feedsportal.com/c/1/f/2/s/3/story01.htm</link>
<guid isPermaLink="false">https://contoh.id/a/3-asli</guid>
<pubDate>Mon, 04 Mar 24 02:00:00 GMT</pubDate>
<description>{2}</description></item>
</channel></rss>
"""


def test_rss_feed_named_html_is_detected_by_content(tmp_path):
    path = tmp_path / "feed.html"  # a feed stored under the wrong extension
    path.write_text(RSS.format(*PARAS[:2], "Kabar singkat dari kota."), encoding="utf-8")
    docs, errors = docs_and_errors(list(iter_documents([path])))
    assert [d.name for d in docs] == [f"{path}#1", f"{path}#3"]
    first, third = docs
    assert first.title == "Jembatan baru"
    assert first.url == "https://contoh.id/a/1-jembatan-baru"
    assert first.published == "2024-03-04T09:30:00+07:00"
    assert first.text == "\n".join(PARAS[:2])
    assert first.section == "Daerah" and first.outlet == "Warta Contoh"
    # the redirect link gives way to the guid, kept aside
    assert third.url == "https://contoh.id/a/3-asli"
    assert third.meta["link"].startswith("http://contoh.feedsportal.com/")
    assert third.published.startswith("2024-03-04T02:00:00")
    assert_one_error(errors, EmptyDocument, f"{path}#2")


def test_atom_feed(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Warta Atom</title>
<entry><title>Satu</title><link href="https://contoh.id/atom/1-satu"/><id>urn:x:1</id>
<updated>2024-03-05T10:00:00+07:00</updated><author><name>Siti</name></author>
<content type="html">&lt;p&gt;{PARAS[0]}&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "atom.xml"
    path.write_text(atom, encoding="utf-8")
    doc = only(list(iter_documents([path])))
    assert doc.url == "https://contoh.id/atom/1-satu"
    assert doc.published == "2024-03-05T10:00:00+07:00"
    assert doc.authors == ["Siti"]
    assert doc.text == PARAS[0]


def test_malformed_feed_keeps_readable_items(tmp_path):
    broken = RSS.format(*PARAS).replace("</channel></rss>", "<item><title>Pot")
    path = tmp_path / "rusak.xml"
    path.write_text(broken, encoding="utf-8")
    docs, _ = docs_and_errors(list(iter_documents([path])))
    assert f"{path}#1" in [d.name for d in docs]


def test_unreadable_feed_is_one_error(tmp_path):
    path = tmp_path / "sampah.xml"
    path.write_text('<?xml version="1.0"?>\n<rss><channel><<<&&& ]]>', encoding="utf-8")
    err = only(list(iter_documents([path])))
    assert isinstance(err, (MalformedDocument, EmptyDocument)) and err.doc == str(path)
    assert "\n" not in str(err)


# --- WARC -----------------------------------------------------------------------------------


def write_warc(path: Path, *, gz: bool) -> None:
    # Lengths are given so that warcio does not spool payloads to unclosed temporary files.
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(
            url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8"
        ) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
                )
            )

        writer.write_record(
            writer.create_warc_record(
                "https://contoh.id/a/1-jembatan",
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                length=18,
                warc_content_type="application/http; msgtype=request",
            )
        )
        response("https://contoh.id/a/1-jembatan", article_html().encode())
        response("https://contoh.id/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png")
        response("https://contoh.id/a/hilang", b"<html>Not found</html>", status="404 Not Found")
        response("https://contoh.id/a/2-pasar", article_html("Pasar Baru Dibuka").encode())


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_only(tmp_path, gz):
    path = tmp_path / ("arsip.warc.gz" if gz else "arsip.dat")
    write_warc(path, gz=gz)
    docs, errors = docs_and_errors(list(iter_documents([path])))
    assert errors == []
    assert [d.url for d in docs] == [
        "https://contoh.id/a/1-jembatan",
        "https://contoh.id/a/2-pasar",
    ]
    assert [d.name for d in docs] == [f"{path}#2", f"{path}#5"]
    assert docs[1].title == "Pasar Baru Dibuka"
    assert docs[0].meta["warc_date"][:4].isdigit()
    assert PARAS[0] in docs[0].text


@pytest.mark.parametrize("cut", [0.5, 0.75, 0.9, 0.99])
def test_truncated_warc_keeps_what_was_read(tmp_path, cut):
    full = tmp_path / "utuh.warc.gz"
    write_warc(full, gz=True)
    data = full.read_bytes()
    path = tmp_path / "terpotong.warc.gz"
    path.write_bytes(data[: int(len(data) * cut)])
    items = list(iter_documents([path]))
    *docs, err = items
    # what precedes the cut comes through, then exactly one error for the rest
    assert [d.url for d in docs] == ["https://contoh.id/a/1-jembatan"]
    assert isinstance(err, MalformedDocument), err
    assert err.doc.startswith(str(path)) and "\n" not in str(err)


def test_garbage_warc_is_one_error(tmp_path):
    path = tmp_path / "sampah.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\n\x01\x02" * 3)
    items = list(iter_documents([path]))
    err = only(items)
    assert isinstance(err, InputError) and err.doc.startswith(str(path))


def test_warc_without_html_says_so(tmp_path):
    path = tmp_path / "teks.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        writer.write_record(
            writer.create_warc_record(
                "https://contoh.id/",
                "conversion",
                payload=io.BytesIO(PARAS[0].encode()),
                length=len(PARAS[0].encode()),
                warc_content_type="text/plain",
            )
        )
    assert_one_error(list(iter_documents([path])), EmptyDocument, str(path))


# --- JSON Lines and JSON ----------------------------------------------------------------------


def test_jsonl_bad_line_in_the_middle(tmp_path):
    rows = [
        {
            "id": "a-1",
            "text": PARAS[0],
            "url": "https://contoh.id/1",
            "title": "Satu",
            "published": "2024-03-04T09:30:00",
            "outlet": "contoh",
            "category": "Daerah",
            "stakeholders": {"government": ["Gubernur"]},
        },
        '{"id": "a-2", "text": "potongan',
        {"id": "a-3", "html": article_html(), "url": "https://contoh.id/3-jembatan"},
        ["bukan", "objek"],
        {"id": "a-5", "text": "  "},
        {"id": "a-6", "judul": "tanpa teks"},
    ]
    path = tmp_path / "berita.jsonl"
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n\n",
        encoding="utf-8",
    )
    items = list(iter_documents([path]))
    assert [i.name if isinstance(i, RawDocument) else i.doc for i in items] == [
        f"{path}#{n}" for n in range(1, 7)
    ]
    first, bad, third, notobj, empty, notext = items
    assert first.text == PARAS[0] and first.section == "Daerah" and first.outlet == "contoh"
    assert first.meta["id"] == "a-1" and first.meta["stakeholders"] == {"government": ["Gubernur"]}
    assert first.published == "2024-03-04T09:30:00"
    assert isinstance(bad, MalformedDocument) and "\n" not in str(bad)
    assert isinstance(third, RawDocument) and PARAS[2] in third.text
    assert third.url == "https://contoh.id/3-jembatan"
    assert isinstance(notobj, MalformedDocument)
    assert isinstance(empty, EmptyDocument)
    assert isinstance(notext, MalformedDocument)


def test_gzipped_jsonl_and_text(tmp_path):
    jsonl = tmp_path / "berita.jsonl.gz"
    jsonl.write_bytes(
        gzip.compress("\n".join(json.dumps({"text": p}) for p in PARAS).encode("utf-8"))
    )
    txt = tmp_path / "artikel.gz"
    txt.write_bytes(gzip.compress(PARAS[0].encode("utf-8")))
    items = list(iter_documents([jsonl, txt]))
    assert [i.text for i in items] == [*PARAS, PARAS[0]]


def test_truncated_gzip_jsonl_keeps_complete_lines(tmp_path):
    data = gzip.compress("\n".join(json.dumps({"text": p}) for p in PARAS * 50).encode())
    path = tmp_path / "potong.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    docs, errors = docs_and_errors(list(iter_documents([path])))
    assert docs and all(d.text in PARAS for d in docs)
    assert len(errors) <= 1 and all(e.doc.startswith(str(path)) for e in errors)


def test_single_json_object_file(tmp_path):
    path = tmp_path / "satu.json"
    path.write_text(json.dumps({"title": "Satu", "text": PARAS[1]}, indent=2), encoding="utf-8")
    doc = only(list(iter_documents([path])))
    assert doc.name == str(path) and doc.title == "Satu" and doc.text == PARAS[1]


# --- directories and stdin --------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".tersembunyi").mkdir()
    (tmp_path / "b" / "dua.txt").write_text(PARAS[1], encoding="utf-8")
    (tmp_path / "a.txt").write_text(PARAS[0], encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (tmp_path / ".rahasia.txt").write_text("jangan dibaca", encoding="utf-8")
    (tmp_path / ".tersembunyi" / "x.txt").write_text("jangan dibaca", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    names = [i.name if isinstance(i, RawDocument) else i.doc for i in items]
    assert names == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "dua.txt"),
        str(tmp_path / "c.png"),
    ]
    assert isinstance(items[2], BinaryDocument)


def test_stdin_format_is_detected_from_content(monkeypatch):
    feed = RSS.format(*PARAS[:2], "Kabar singkat dari kota.").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed)))
    docs, errors = docs_and_errors(list(iter_documents(["-"])))
    assert [d.name for d in docs] == ["<stdin>#1", "<stdin>#3"]
    assert [e.doc for e in errors] == ["<stdin>#2"]


def test_stdin_warc_is_streamed(monkeypatch, tmp_path):
    path = tmp_path / "a.warc.gz"
    write_warc(path, gz=True)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    docs, errors = docs_and_errors(list(iter_documents(["-"])))
    assert len(docs) == 2 and not errors


def test_iter_bytes_and_errors_do_not_stop_the_batch(tmp_path):
    files = []
    for name, content in [
        ("a.txt", PARAS[0].encode()),
        ("b.txt", b""),
        ("c.bin", b"\x00" * 99),
        ("d.txt", PARAS[1].encode()),
    ]:
        (tmp_path / name).write_bytes(content)
        files.append(tmp_path / name)
    items = list(iter_documents(files))
    assert [type(i) for i in items] == [RawDocument, EmptyDocument, BinaryDocument, RawDocument]
    assert only(list(iter_bytes(PARAS[2].encode(), name="upload"))).name == "upload"


def test_jsonl_with_lines_longer_than_the_sniffed_head(tmp_path):
    html = article_html().replace("</article>", "<p>" + "kata " * 20000 + "</p></article>")
    path = tmp_path / "besar.jsonl"
    rows = [{"html": html, "url": "https://contoh.id/1-besar"}, {"text": PARAS[0]}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs, errors = docs_and_errors(list(iter_documents([path])))
    assert not errors and [d.name for d in docs] == [f"{path}#1", f"{path}#2"]
    assert PARAS[1] in docs[0].text


def test_pretty_printed_json_array(tmp_path):
    path = tmp_path / "daftar.json"
    path.write_text(json.dumps([{"text": p} for p in PARAS[:2]] + [{"x": 1}], indent=2))
    items = list(iter_documents([path]))
    assert [i.text for i in items[:2]] == PARAS[:2]
    assert isinstance(items[2], MalformedDocument) and items[2].doc == f"{path}#3"
