"""The dashboard's pages, rendered on the server (Jinja2 templates, SVG charts)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from warta.web import api, charts
from warta.web.highlight import highlight, marks_for

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    outlet: api.Text = None, since: api.Date = None, until: api.Date = None, entity: api.Text = None,
    theme: api.Text = None, offset: api.Offset = 0,
) -> HTMLResponse:
    filters = {k: v for k, v in dict(q=q, outlet=outlet, since=since, until=until, entity=entity, theme=theme).items() if v}
    store = request.app.state.store
    page = store.articles(limit=20, offset=offset, **filters)
    return _page(request, "search.html", filters=filters, page=page, facets=store.facets(**filters), offset=offset,
                 total_docs=store.count())


@router.get("/article/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: Annotated[str, PathParam(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]) -> HTMLResponse:
    a = request.app.state.store.get(doc_id)
    if a is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    return _page(request, "article.html", a=a, body=highlight(a.article.text, marks_for(a)))


@router.get("/entity/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, key: Annotated[str, PathParam(max_length=200)]) -> HTMLResponse:
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
        request, "entity.html", info=info, key=key, roles=roles, docs=docs,
        chart=charts.bar_chart(timeline, x="period", y="mentions", css="chart timeline"),
        quotes=store.quotes(speaker=info["name"], limit=20),
        co=store.co_mentions(key),
        as_source=store.events(source_key=key, limit=20)["items"],
        as_target=store.events(target_key=key, limit=20)["items"],
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, source: api.Code = None, target: api.Code = None, actor: api.Code = None,
    root: api.Root = None, quad: api.Quad = None, since: api.Date = None, until: api.Date = None,
    offset: api.Offset = 0,
) -> HTMLResponse:
    filters = {k: v for k, v in dict(source=source, target=target, actor=actor, root=root, quad=quad, since=since, until=until).items() if v}
    store = request.app.state.store
    days = store.event_timeline(**filters)
    return _page(
        request, "events.html", filters=filters, page=store.events(limit=50, offset=offset, **filters),
        chart=charts.bar_chart(days, x="day", y="goldstein", signed=True, css="chart goldstein"),
        days=days, offset=offset,
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, root: api.Root = None, quad: api.Quad = None, since: api.Date = None, until: api.Date = None) -> HTMLResponse:
    graph = request.app.state.store.network(limit=300, root=root, quad=quad, since=since, until=until)
    return _page(request, "network.html", graph=graph, svg=charts.network_svg(graph))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    points = request.app.state.store.map_points()
    return _page(request, "map.html", points=points, svg=charts.map_svg(points))
