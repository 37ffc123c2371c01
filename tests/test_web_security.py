"""What the server lets in and what its pages let run (issue #16, items 10, 11 and 12)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

import warta.pipeline
from helpers import make_analysis, small_store
from warta.web import create_app

LOCAL = "http://127.0.0.1:8765"
HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "https:javascript:alert(1)",
]


@pytest.fixture()
def store(tmp_path):
    s = small_store(tmp_path / "w.db")
    yield s
    s.close()


@pytest.fixture()
def client(store):
    with TestClient(create_app(store=store, ingest_token="rahasia"), base_url=LOCAL) as c:
        yield c


def _error(resp, status, kind=None):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message"}
    if kind:
        assert body["error"]["type"] == kind
    return body["error"]


# -- item 11: Host header (DNS rebinding) ----------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:8765",
        "127.0.0.1.evil.example",
        "localhost.evil.example:8765",
        "",
        "[::2]:8765",
    ],
)
def test_a_foreign_host_header_is_refused(store, host):
    with TestClient(create_app(store=store), base_url=LOCAL) as c:
        for path in ("/api/articles", "/", "/static/app.css", "/openapi.json"):
            _error(c.get(path, headers={"host": host}), 400, "InvalidHost")


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8765", "localhost", "LOCALHOST:8765", "[::1]:8765", "[::1]"]
)
def test_the_loopback_names_are_accepted(client, host):
    assert client.get("/api/articles", headers={"host": host}).status_code == 200


def test_the_bound_host_and_named_hosts_are_accepted(store):
    app = create_app(store=store, host="192.0.2.7", allowed_hosts=["warta.lan"])
    with TestClient(app, base_url=LOCAL) as c:
        for host in ("192.0.2.7:8765", "warta.lan", "WARTA.LAN:80", "localhost"):
            assert c.get("/api/articles", headers={"host": host}).status_code == 200, host
        _error(c.get("/api/articles", headers={"host": "evil.example"}), 400, "InvalidHost")


def test_the_address_a_connection_arrived_at_is_accepted(store):
    # `warta serve --host 192.0.2.7`: reached by that address, whatever create_app was told
    with TestClient(create_app(store=store), base_url="http://192.0.2.7:8765") as c:
        assert c.get("/api/articles").status_code == 200
        _error(
            c.get("/api/articles", headers={"host": "rebound.evil.example:8765"}),
            400,
            "InvalidHost",
        )


# -- item 11: security headers, no inline script, nothing fetched from elsewhere ----------


def test_every_response_carries_the_security_headers(client):
    doc_id = client.get("/api/articles").json()["items"][0]["id"]
    for path in (
        "/",
        f"/article/{doc_id}",
        "/api/articles",
        "/api/articles/nope",
        "/docs",
        "/static/app.css",
        "/openapi.json",
        "/no/such/page",
    ):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp
        assert h["x-frame-options"] == "DENY"
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"


def test_pages_hold_no_inline_script_and_load_nothing_from_elsewhere(client):
    doc_id = client.get("/api/articles").json()["items"][0]["id"]
    for path in (
        "/",
        f"/article/{doc_id}",
        "/entity/warta:a",
        "/events",
        "/network",
        "/map",
        "/docs",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script" not in page.text.lower(), path
        assert not re.search(
            r"""\b(src|href)\s*=\s*["']?(https?:)?//""",
            page.text.replace('href="https://contoh.id/', ""),
        ), path
        assert not re.search(r"\son[a-z]+\s*=", page.text), path  # no inline handlers


def test_the_api_reference_is_served_from_the_package(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "cdn" not in page.text.lower()
    for path in client.get("/openapi.json").json()["paths"]:
        assert path in page.text
    assert "/api/analyze" in page.text and "413" in page.text
    assert client.get("/redoc").status_code == 404


# -- item 10: only http(s) URLs become links --------------------------------------------


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_stored_non_http_url_is_shown_as_text_not_as_a_link(store, url):
    a = make_analysis(9, url=url)
    store.put(a)
    with TestClient(create_app(store=store), base_url=LOCAL) as c:
        page = c.get(f"/article/{a.article.id}").text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert all(h.startswith("/") and not h.startswith("//") for h in hrefs), hrefs
    assert 'class="original"' not in page
    assert "alert" in page or "data:" in page or "evil.example" in page or "msgbox" in page


def test_an_http_url_stays_a_link(client):
    page = client.get("/article/doc0001").text
    assert '<a class="original" href="https://contoh.id/1"' in page


# -- item 12: the bearer token ----------------------------------------------------------


@pytest.fixture()
def fake_analysis(monkeypatch):
    monkeypatch.setattr(
        warta.pipeline, "analyze", lambda text, url=None, published=None: make_analysis(5)
    )


@pytest.mark.parametrize(
    "header",
    [
        "rahasia",
        "Token rahasia",
        "Bearer",
        "Bearer rahasiax",
        "Bearer rahasi",
        "Basic cmFoYXNpYQ==",
        "bearer:rahasia",
    ],
)
def test_the_token_is_only_accepted_as_a_bearer_token(client, fake_analysis, header):
    r = client.post(
        "/api/articles",
        json={"text": "Presiden bertemu menteri."},
        headers={"Authorization": header},
    )
    _error(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer rahasia", "bearer rahasia", "BEARER rahasia"])
def test_a_bearer_token_is_accepted(client, fake_analysis, header):
    r = client.post(
        "/api/articles",
        json={"text": "Presiden bertemu menteri."},
        headers={"Authorization": header},
    )
    assert r.status_code == 201 and r.json() == {"id": "doc0005", "created": True}
