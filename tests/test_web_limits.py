"""The server reads no more than it must and never stalls (issue #16, items 6 and 7).

Bodies are sent through the ASGI interface directly, so the test counts exactly how many
chunks the server pulled before it answered.
"""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest
from fastapi.testclient import TestClient

import warta.pipeline
from helpers import make_analysis, small_store
from warta.web import create_app
from warta.web.api import MAX_HTML_CHARS, MAX_TEXT_CHARS
from warta.web.app import MAX_BODY_BYTES, MAX_WAITING_ANALYSES

LOCAL = "http://127.0.0.1:8765"
MB = 1024 * 1024


@pytest.fixture()
def store(tmp_path):
    s = small_store(tmp_path / "w.db")
    yield s
    s.close()


@pytest.fixture()
def fake_analysis(monkeypatch):
    """The real pipeline is not what these tests are about: an instant stand-in."""
    calls = []

    def analyze(text, *, url=None, published=None):
        calls.append(len(text))
        return make_analysis(7, url=url or "https://contoh.id/baru")

    monkeypatch.setattr(warta.pipeline, "analyze", analyze)
    return calls


def _stream(app, path, *, chunks, chunk_size=MB, headers=()):
    """POST ``chunks`` chunks of JSON-ish bytes with chunked transfer encoding (no
    Content-Length); returns (status, headers, body, chunks the server pulled)."""
    pulled = 0
    sent = []

    async def receive():
        nonlocal pulled
        if pulled < chunks:
            pulled += 1
            return {"type": "http.request", "body": b" " * chunk_size, "more_body": pulled < chunks}
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8765"),
            (b"transfer-encoding", b"chunked"),
            (b"content-type", b"application/json"),
            *headers,
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8765),
        "state": {},
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], dict(start["headers"]), body, pulled


def test_a_write_without_the_token_is_refused_before_its_body_is_read(store):
    # Issue #16: a 500 MB chunked POST without a token was read and parsed (1.83 GB)
    # before the token check. Here 400 MB are offered; none may be pulled.
    app = create_app(store=store, ingest_token="rahasia")
    status, headers, body, pulled = _stream(app, "/api/articles", chunks=400)
    assert (status, pulled) == (401, 0)
    assert headers[b"www-authenticate"] == b"Bearer"
    assert headers[b"connection"] == b"close"  # the server takes in nothing more
    assert b'"error"' in body
    status, _, _, pulled = _stream(
        app, "/api/articles", chunks=400, headers=[(b"authorization", b"Bearer salah")]
    )
    assert (status, pulled) == (401, 0)


def test_ingestion_switched_off_refuses_before_reading(store):
    app = create_app(store=store)
    status, _, _, pulled = _stream(app, "/api/articles", chunks=400)
    assert (status, pulled) == (403, 0)


@pytest.mark.parametrize(
    "path, headers",
    [
        ("/api/articles", [(b"authorization", b"Bearer rahasia")]),
        ("/api/analyze", [(b"authorization", b"Bearer rahasia")]),
    ],
)
def test_a_streamed_body_is_capped_while_it_is_read(store, path, headers):
    app = create_app(store=store, ingest_token="rahasia")
    status, _, body, pulled = _stream(app, path, chunks=400, headers=headers)
    assert status == 413 and b"PayloadTooLarge" in body
    assert pulled <= MAX_BODY_BYTES // MB + 1


def test_a_declared_length_over_the_cap_is_refused_unread(store):
    app = create_app(store=store)
    with TestClient(app, base_url=LOCAL) as c:
        r = c.post("/api/analyze", content=b"x" * 10, headers={"content-length": str(10**9)})
    assert r.status_code == 413 and r.json()["error"]["type"] == "PayloadTooLarge"


def test_analyze_is_guarded_by_the_token_when_there_is_one(store, fake_analysis):
    with TestClient(create_app(store=store, ingest_token="rahasia"), base_url=LOCAL) as c:
        assert c.post("/api/analyze", json={"text": "Presiden bertemu menteri."}).status_code == 401
        r = c.post(
            "/api/analyze",
            json={"text": "Presiden bertemu menteri."},
            headers={"Authorization": "Bearer rahasia"},
        )
        assert r.status_code == 200 and r.json()["schema"] == "warta/1"
    with TestClient(create_app(store=store), base_url=LOCAL) as c:
        assert c.post("/api/analyze", json={"text": "Presiden bertemu menteri."}).status_code == 200
    assert len(fake_analysis) == 2


@pytest.mark.parametrize("field, limit", [("text", MAX_TEXT_CHARS), ("html", MAX_HTML_CHARS)])
def test_analyze_input_is_bounded(store, fake_analysis, field, limit):
    with TestClient(create_app(store=store), base_url=LOCAL) as c:
        r = c.post("/api/analyze", json={field: "a" * (limit + 1)})
        assert r.status_code == 400 and field in r.json()["error"]["message"]
        assert fake_analysis == []
        assert c.post("/api/analyze", json={field: "a" * limit}).status_code == 200


def test_waiting_analyses_are_bounded_and_reads_stay_responsive(store, monkeypatch):
    # Issue #16: one long text plus 40 small requests stalled every API read for 47 s.
    # Here every analysis blocks until released: the server must keep one running and
    # MAX_WAITING_ANALYSES waiting, answer the rest 503 with Retry-After at once, and
    # answer reads meanwhile.
    release = threading.Event()
    started = threading.Event()

    def analyze(text, *, url=None, published=None):
        started.set()
        assert release.wait(60)
        return make_analysis(8)

    monkeypatch.setattr(warta.pipeline, "analyze", analyze)
    app = create_app(store=store)

    async def scenario():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=LOCAL, timeout=60) as c:
            posts = [
                asyncio.create_task(c.post("/api/analyze", json={"text": f"Teks nomor {i}."}))
                for i in range(45)
            ]
            refused = []

            async def first_answers():
                for task in asyncio.as_completed(posts):
                    refused.append(await task)
                    if len(refused) == 45 - 1 - MAX_WAITING_ANALYSES:
                        return

            await asyncio.wait_for(first_answers(), 30)
            assert all(r.status_code == 503 for r in refused)
            assert all(int(r.headers["retry-after"]) > 0 for r in refused)
            assert refused[0].json()["error"]["type"] == "Busy"
            # reads are answered while analyses wait; a stall fails with the timeout
            read = await asyncio.wait_for(c.get("/api/articles"), 30)
            assert read.status_code == 200 and read.json()["total"] == 3
            page = await asyncio.wait_for(c.get("/"), 30)
            assert page.status_code == 200
            assert started.is_set()
            release.set()
            done = await asyncio.gather(*posts)
            return [r.status_code for r in done]

    statuses = asyncio.run(scenario())
    assert statuses.count(200) == 1 + MAX_WAITING_ANALYSES
    assert statuses.count(503) == 45 - 1 - MAX_WAITING_ANALYSES
