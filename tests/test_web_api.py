"""The HTTP API over a real store file, through FastAPI's test client."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from warta.store import open_store
from warta.web import create_app

from helpers import make_analysis


@pytest.fixture()
def client(tmp_path):
    store = open_store(tmp_path / "w.db")
    for n in range(5):
        a = make_analysis(n, url=f"https://contoh{n % 2}.id/{n}")
        a.events[0].date = f"2024-03-0{1 + n % 3}"
        store.put(a)
    app = create_app(store=store, ingest_token="rahasia")
    with TestClient(app) as c:
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
    assert client.get("/api/quotes", params={"speaker": "Menteri A"}).json()["items"][0]["text"] == "kerja sama baik"
    ev = client.get("/api/events", params={"source": "IDN", "root": "4", "quad": 1}).json()
    assert ev["total"] == 5 and ev["items"][0]["sentence"].startswith("Menteri A")
    days = client.get("/api/events/timeline", params={"source": "IDNGOV", "target": "MYS"}).json()["days"]
    assert sum(d["events"] for d in days) == 5 and sum(d["goldstein"] for d in days) == pytest.approx(5.0)
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
    ],
)
def test_bad_parameters_are_400_with_one_error_shape(client, path, params):
    err = _error_shape(client.get(path, params=params), 400)
    assert err["message"]


def test_not_found_and_ingest_guard(client):
    _error_shape(client.get("/api/articles/tidakada"), 404)
    _error_shape(client.get("/api/entities/tidakada"), 404)
    _error_shape(client.post("/api/articles", json={"text": "x"}), 401)
    _error_shape(client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer salah"}), 401)
    _error_shape(client.post("/api/analyze", json={"text": "a", "html": "<p>b</p>"}), 400)
    _error_shape(client.post("/api/analyze", content=b"x" * 10, headers={"content-length": str(10**9)}), 413)


def test_ingest_is_off_without_a_token(tmp_path):
    with TestClient(create_app(tmp_path / "w.db")) as c:
        _error_shape(c.post("/api/articles", json={"text": "Presiden bertemu menteri."}), 403)


def test_pages_render(client):
    doc_id = client.get("/api/articles").json()["items"][0]["id"]
    for path in ("/", "/?q=bertemu", f"/article/{doc_id}", "/entity/warta:a", "/events?source=IDN", "/network", "/map"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<html" in r.text
    page = client.get(f"/article/{doc_id}").text
    assert 'class="ent ent-PER"' in page and 'class="quote quote-direct"' in page and "event quad1" in page
    assert "<svg class=\"network\"" in client.get("/network").text
    assert client.get("/openapi.json").json()["info"]["title"] == "warta"


def test_entity_keys_with_slashes(tmp_path):
    store = open_store(tmp_path / "w.db")
    a = make_analysis(1, url="https://contoh.id/1")
    a.entities[0].kb_id = "warta:person/menteri-a"
    store.put(a)
    with TestClient(create_app(store=store)) as c:
        assert c.get("/api/entities/warta:person/menteri-a").json()["articles"] == 1
        page = c.get("/entity/warta%3Aperson%2Fmenteri-a")
        assert page.status_code == 200 and "Menteri A" in page.text
        doc = c.get(f"/article/{a.article.id}").text
        link = re.search(r'href="(/entity/warta[^"]+)"', doc).group(1)
        assert "Menteri A" in c.get(link).text
    store.close()
