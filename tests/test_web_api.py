"""The HTTP API over a real store file, through FastAPI's test client."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from helpers import make_analysis
from warta.store import open_store
from warta.web import create_app

LOCAL = "http://127.0.0.1:8765"


@pytest.fixture()
def client(tmp_path):
    store = open_store(tmp_path / "w.db")
    for n in range(5):
        a = make_analysis(n, url=f"https://contoh{n % 2}.id/{n}")
        a.events[0].date = f"2024-03-0{1 + n % 3}"
        store.put(a)
    app = create_app(store=store, ingest_token="rahasia")
    with TestClient(app, base_url=LOCAL) as c:
        yield c
    store.close()


def _error_shape(resp, status):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message"}
    return body["error"]


def test_articles_search_filters_and_facets(client):
    r = client.get("/api/articles", params={"q": "bertemu", "limit": 2, "facets": True}).json()
    assert r["total"] == 5 and len(r["items"]) == 2
    assert r["facets"]["theme"][0] == {"value": "DIPLOMACY", "n": 5}
    r = client.get("/api/articles", params={"since": "2024-03-03", "entity": "warta:a"}).json()
    assert r["total"] == 3
    doc = client.get(f"/api/articles/{r['items'][0]['id']}").json()
    assert doc["schema"] == "warta/1"


def test_entities_quotes_events(client):
    ents = client.get("/api/entities", params={"type": "PER", "prefix": "Menteri"}).json()
    assert ents["total"] == 2
    ent = client.get("/api/entities/warta:a").json()
    assert ent["articles"] == 5 and sum(t["mentions"] for t in ent["timeline"]) == 5
    assert (
        client.get("/api/quotes", params={"speaker": "Menteri A"}).json()["items"][0]["text"]
        == "kerja sama baik"
    )
    ev = client.get("/api/events", params={"source": "IDN", "root": "4", "quad": 1}).json()
    assert ev["total"] == 5 and ev["items"][0]["sentence"].startswith("Menteri A")
    days = client.get("/api/events/timeline", params={"source": "IDNGOV", "target": "MYS"}).json()[
        "days"
    ]
    assert sum(d["events"] for d in days) == 5 and sum(
        d["goldstein"] for d in days
    ) == pytest.approx(5.0)
    net = client.get("/api/network").json()
    assert net["edges"][0]["events"] == 5
    assert client.get("/api/map").json()["places"][0]["name"] == "Kota Contoh"


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/articles", {"q": '"unbalanced'}),
        ("/api/articles", {"q": "NEAR("}),
        ("/api/articles", {"since": "kemarin"}),
        ("/api/articles", {"limit": 0}),
        ("/api/articles", {"limit": 100000}),
        ("/api/articles", {"offset": -1}),
        ("/api/events", {"root": "x1"}),
        ("/api/events", {"quad": 9}),
        ("/api/events", {"source": "US'; DROP TABLE events;--"}),
        ("/api/entities", {"type": "per son"}),
        ("/api/articles", {"since": "2025-13-45"}),
        ("/api/articles", {"until": "2025-02-30"}),
        ("/api/quotes", {"since": "2024-00-10"}),
        ("/api/events", {"until": "2024-01-01T25:00"}),
        ("/api/network", {"since": "2024-04-31"}),
        ("/api/articles", {"facets": "perhaps"}),
    ],
)
def test_bad_parameters_are_400_with_one_error_shape(client, path, params):
    err = _error_shape(client.get(path, params=params), 400)
    assert err["message"]


def test_not_found_and_ingest_guard(client):
    _error_shape(client.get("/api/articles/tidakada"), 404)
    _error_shape(client.get("/api/entities/tidakada"), 404)
    _error_shape(client.post("/api/articles", json={"text": "x"}), 401)
    _error_shape(
        client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer salah"}),
        401,
    )
    auth = {"Authorization": "Bearer rahasia"}
    _error_shape(
        client.post("/api/analyze", json={"text": "a", "html": "<p>b</p>"}, headers=auth), 400
    )
    _error_shape(
        client.post(
            "/api/analyze", content=b"x" * 10, headers={"content-length": str(10**9), **auth}
        ),
        413,
    )


def test_real_dates_of_every_precision_are_accepted(client):
    for since in ("2024", "2024-03", "2024-02-29", "2024-03-02T10:00", "2024-03-02 10:00:59"):
        assert client.get("/api/articles", params={"since": since}).status_code == 200, since


def test_an_id_prefix_is_a_prefix_not_a_like_pattern(client):
    # "_" and "%" are LIKE wildcards: "doc0_01" matched doc0001 (issue #16, item 13).
    assert client.get("/api/articles/doc00").status_code == 404  # ambiguous prefix
    assert client.get("/api/articles/doc0001").json()["article"]["id"] == "doc0001"
    assert client.get("/api/articles/doc000").status_code == 404  # five articles share it
    for pattern in ("doc0_01", "doc%01", "d_c0001", "%"):
        r = client.get(f"/api/articles/{pattern}")
        _error_shape(r, 400)
        assert client.get(f"/article/{pattern}").status_code == 400


def test_a_method_not_allowed_names_the_allowed_ones(client):
    for path, allowed in (
        ("/api/articles", {"GET", "POST"}),
        ("/api/analyze", {"POST"}),
        ("/api/map", {"GET"}),
        ("/article/doc0001", {"GET"}),
        ("/static/app.css", {"GET", "HEAD"}),
    ):
        r = client.request("DELETE", path)
        _error_shape(r, 405)
        assert {m.strip() for m in r.headers["allow"].split(",")} == allowed, path
        for method in allowed - {"POST"}:
            assert client.request(method, path).status_code == 200, (method, path)


def test_the_schema_declares_every_error_with_its_real_shape(client):
    spec = client.get("/openapi.json").json()
    error = spec["components"]["schemas"]["Error"]
    assert set(error["properties"]) == {"error"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            codes = set(op["responses"])
            assert "422" not in codes or method == "post", (method, path)
            assert {"400", "default"} <= codes, (method, path)
            if "{" in path:
                assert "404" in codes
            if method == "post":
                assert {"413", "422", "503"} <= codes, path
            for code, response in op["responses"].items():
                if code[0] in "45" or code == "default":
                    assert response["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/Error"
                    }
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert "Retry-After" in spec["paths"]["/api/analyze"]["post"]["responses"]["503"]["headers"]
    # this server has a token: both writes need it, none is switched off
    for path in ("/api/articles", "/api/analyze"):
        op = spec["paths"][path]["post"]
        assert (
            op["security"] == [{"bearer": []}]
            and "401" in op["responses"]
            and "403" not in op["responses"]
        )


def test_the_schema_of_a_server_without_token(tmp_path):
    with TestClient(create_app(tmp_path / "w.db"), base_url=LOCAL) as c:
        paths = c.get("/openapi.json").json()["paths"]
    ingest, analyze = paths["/api/articles"]["post"], paths["/api/analyze"]["post"]
    assert (
        "security" not in ingest
        and "403" in ingest["responses"]
        and "401" not in ingest["responses"]
    )
    assert "security" not in analyze and not {"401", "403"} & set(analyze["responses"])


def test_ingest_is_off_without_a_token(tmp_path):
    with TestClient(create_app(tmp_path / "w.db"), base_url=LOCAL) as c:
        _error_shape(c.post("/api/articles", json={"text": "Presiden bertemu menteri."}), 403)


def test_pages_render(client):
    doc_id = client.get("/api/articles").json()["items"][0]["id"]
    for path in (
        "/",
        "/?q=bertemu",
        f"/article/{doc_id}",
        "/entity/warta:a",
        "/events?source=IDN",
        "/network",
        "/map",
    ):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<html" in r.text
    page = client.get(f"/article/{doc_id}").text
    assert (
        'class="ent ent-PER"' in page
        and 'class="quote quote-direct"' in page
        and "event quad1" in page
    )
    assert '<svg class="network"' in client.get("/network").text
    assert client.get("/openapi.json").json()["info"]["title"] == "warta"


def test_entity_keys_with_slashes(tmp_path):
    store = open_store(tmp_path / "w.db")
    a = make_analysis(1, url="https://contoh.id/1")
    a.entities[0].kb_id = "warta:person/menteri-a"
    store.put(a)
    with TestClient(create_app(store=store), base_url=LOCAL) as c:
        assert c.get("/api/entities/warta:person/menteri-a").json()["articles"] == 1
        page = c.get("/entity/warta%3Aperson%2Fmenteri-a")
        assert page.status_code == 200 and "Menteri A" in page.text
        doc = c.get(f"/article/{a.article.id}").text
        link = re.search(r'href="(/entity/warta[^"]+)"', doc).group(1)
        assert "Menteri A" in c.get(link).text
    store.close()
