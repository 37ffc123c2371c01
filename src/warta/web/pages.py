"""The dashboard's pages, rendered on the server (Jinja2 templates, SVG charts), and the
API reference at ``/docs``, rendered from the OpenAPI schema: no script, nothing fetched.

Only http(s) URLs become links (``is http_url`` in the templates); anything else a record
holds (``javascript:``, ``data:``) is shown as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from warta.web import charts
from warta.web.highlight import highlight, marks_for
from warta.web.params import Code, Date, DocId, EntityKey, Offset, Quad, Root, Text

__all__ = ["is_http_url", "router"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def is_http_url(value: object) -> bool:
    """True for an absolute http(s) URL with a host: the only kind a page links to."""
    if not isinstance(value, str) or any(c.isspace() or ord(c) < 32 for c in value):
        return False
    return value.lower().startswith(("http://", "https://")) and bool(urlsplit(value).hostname)


templates.env.tests["http_url"] = is_http_url


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    outlet: Text = None,
    since: Date = None,
    until: Date = None,
    entity: Text = None,
    theme: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    filters = {
        k: v
        for k, v in dict(
            q=q, outlet=outlet, since=since, until=until, entity=entity, theme=theme
        ).items()
        if v
    }
    store = request.app.state.store
    page = store.articles(limit=20, offset=offset, **filters)
    return _page(
        request,
        "search.html",
        filters=filters,
        page=page,
        facets=store.facets(**filters),
        offset=offset,
        total_docs=store.count(),
    )


@router.get("/article/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: DocId) -> HTMLResponse:
    a = request.app.state.store.get(doc_id)
    if a is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    return _page(request, "article.html", a=a, body=highlight(a.article.text, marks_for(a)))


@router.get("/entity/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, key: EntityKey) -> HTMLResponse:
    store = request.app.state.store
    info = store.entity(key)
    if info is None:
        raise HTTPException(404, f"no entity {key!r}")
    timeline = store.entity_timeline(key)
    roles = []
    docs = store.entity_documents(key, limit=20)
    if docs:
        latest = store.get(docs[0]["id"])
        for e in latest.entities if latest else []:
            if (e.kb_id or e.name) == key:
                roles = e.roles
    return _page(
        request,
        "entity.html",
        info=info,
        key=key,
        roles=roles,
        docs=docs,
        chart=charts.bar_chart(timeline, x="period", y="mentions", css="chart timeline"),
        quotes=store.quotes(speaker=info["name"], limit=20),
        co=store.co_mentions(key),
        as_source=store.events(source_key=key, limit=20)["items"],
        as_target=store.events(target_key=key, limit=20)["items"],
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    source: Code = None,
    target: Code = None,
    actor: Code = None,
    root: Root = None,
    quad: Quad = None,
    since: Date = None,
    until: Date = None,
    offset: Offset = 0,
) -> HTMLResponse:
    filters = {
        k: v
        for k, v in dict(
            source=source,
            target=target,
            actor=actor,
            root=root,
            quad=quad,
            since=since,
            until=until,
        ).items()
        if v
    }
    store = request.app.state.store
    days = store.event_timeline(**filters)
    return _page(
        request,
        "events.html",
        filters=filters,
        page=store.events(limit=50, offset=offset, **filters),
        chart=charts.bar_chart(days, x="day", y="goldstein", signed=True, css="chart goldstein"),
        days=days,
        offset=offset,
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, root: Root = None, quad: Quad = None, since: Date = None, until: Date = None
) -> HTMLResponse:
    graph = request.app.state.store.network(
        limit=300, root=root, quad=quad, since=since, until=until
    )
    return _page(request, "network.html", graph=graph, svg=charts.network_svg(graph))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    points = request.app.state.store.map_points()
    return _page(request, "map.html", points=points, svg=charts.map_svg(points))


@router.get("/docs", response_class=HTMLResponse)
def api_reference(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return _page(request, "reference.html", spec=spec, operations=_operations(spec))


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of the schema flattened for the reference page."""
    schemas = spec.get("components", {}).get("schemas", {})
    out = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            body = (
                op.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
            )
            body_fields = schemas.get(body.get("$ref", "").rsplit("/", 1)[-1], {}).get(
                "properties", {}
            )
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "parameters": [
                        (
                            p["name"],
                            p["in"],
                            p.get("required", False),
                            _describe(p.get("schema", {})),
                            p.get("description") or p.get("schema", {}).get("description", ""),
                        )
                        for p in op.get("parameters", [])
                    ],
                    "body": [
                        (name, _describe(s), s.get("description", ""))
                        for name, s in body_fields.items()
                    ],
                    "auth": bool(op.get("security")),
                    "responses": [
                        (code, r.get("description", "")) for code, r in op["responses"].items()
                    ],
                }
            )
    return out


def _describe(schema: dict[str, Any]) -> str:
    """A one-line summary of a JSON schema: type and constraints."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    s = options[0] if options else schema
    parts = [str(s.get("type", "any"))]
    if "enum" in s:
        parts.append("one of " + ", ".join(map(str, s["enum"])))
    for key, label in (
        ("minimum", "≥"),
        ("maximum", "≤"),
        ("minLength", "length ≥"),
        ("maxLength", "length ≤"),
        ("pattern", "matching"),
        ("default", "default"),
    ):
        if key in s or (key == "default" and "default" in schema):
            parts.append(f"{label} {s.get(key, schema.get(key))}")
    return ", ".join(parts)
