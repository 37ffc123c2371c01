"""The JSON API. Every list is paginated (``limit``, ``offset``) and filterable; every
parameter is validated before it reaches the store."""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from pydantic import BaseModel, Field, model_validator

from warta.store import Store

router = APIRouter()

DATE = r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$"
Date = Annotated[str | None, Query(pattern=DATE, description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[str | None, Query(max_length=200)]
Code = Annotated[str | None, Query(pattern=r"^[A-Za-z]{1,15}$", description="CAMEO actor code or prefix")]


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("/articles", summary="Search articles")
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, description="FTS5 query over title and text")] = None,
    outlet: Text = None, since: Date = None, until: Date = None, entity: Text = None, theme: Text = None,
    limit: Limit = 20, offset: Offset = 0,
    facets: bool = False,
) -> dict[str, Any]:
    filters = dict(q=q, outlet=outlet, since=since, until=until, entity=entity, theme=theme)
    page = _store(request).articles(limit=limit, offset=offset, **filters)
    if facets:
        page["facets"] = _store(request).facets(**filters)
    return {**page, "limit": limit, "offset": offset}


@router.get("/articles/{doc_id}", summary="One article with its full record")
def get_article(request: Request, doc_id: Annotated[str, PathParam(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]) -> dict[str, Any]:
    analysis = _store(request).get(doc_id)
    if analysis is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    return analysis.to_dict()


@router.get("/entities", summary="Entities with mention counts")
def list_entities(
    request: Request,
    type: Annotated[str | None, Query(pattern=r"^[A-Z]{2,6}$")] = None,
    prefix: Text = None, limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:
    return {**_store(request).entities(type=type, prefix=prefix, limit=limit, offset=offset), "limit": limit, "offset": offset}


@router.get("/entities/{key:path}", summary="One entity: counts, mentions over time, co-mentions")
def get_entity(
    request: Request, key: Annotated[str, PathParam(max_length=200)], by: Literal["day", "month", "year"] = "day",
) -> dict[str, Any]:
    store = _store(request)
    info = store.entity(key)
    if info is None:
        raise HTTPException(404, f"no entity {key!r}")
    return {
        **info,
        "timeline": store.entity_timeline(key, by=by),
        "co_mentions": store.co_mentions(key),
        "articles_list": store.entity_documents(key),
    }


@router.get("/quotes", summary="Quotations with speakers")
def list_quotes(
    request: Request, speaker: Text = None, entity: Text = None, since: Date = None, until: Date = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    items = _store(request).quotes(speaker=speaker, mentioning=entity, since=since, until=until, limit=limit)
    return {"items": items, "limit": limit}


def _event_filters(source, target, actor, root, quad, since, until, place) -> dict[str, Any]:  # noqa: ANN001
    return dict(source=source, target=target, actor=actor, root=root, quad=quad, since=since, until=until, place=place)


Root = Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root code, 01-20")]
Quad = Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4")]


@router.get("/events", summary="Coded events")
def list_events(
    request: Request, source: Code = None, target: Code = None, actor: Code = None, root: Root = None,
    quad: Quad = None, since: Date = None, until: Date = None, place: Text = None,
    limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:
    filters = _event_filters(source, target, actor, root, quad, since, until, place)
    return {**_store(request).events(limit=limit, offset=offset, **filters), "limit": limit, "offset": offset}


@router.get("/events/timeline", summary="Goldstein sums and QuadClass counts per day")
def events_timeline(
    request: Request, source: Code = None, target: Code = None, actor: Code = None, root: Root = None,
    quad: Quad = None, since: Date = None, until: Date = None, place: Text = None,
) -> dict[str, Any]:
    filters = _event_filters(source, target, actor, root, quad, since, until, place)
    return {"days": _store(request).event_timeline(**filters)}


@router.get("/network", summary="Actors as nodes, events as weighted edges")
def network(
    request: Request, root: Root = None, quad: Quad = None, since: Date = None, until: Date = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> dict[str, Any]:
    return _store(request).network(limit=limit, root=root, quad=quad, since=since, until=until)


@router.get("/map", summary="Place and event locations")
def map_points(request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict[str, Any]:
    return _store(request).map_points(limit=limit)


class AnalyzeRequest(BaseModel):
    text: str | None = Field(None, max_length=2_000_000)
    html: str | None = Field(None, max_length=4_000_000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, pattern=DATE)

    @model_validator(mode="after")
    def one_body(self) -> AnalyzeRequest:
        if bool(self.text) == bool(self.html):
            raise ValueError("give exactly one of text or html")
        return self


def _analyze(request: Request, body: AnalyzeRequest):  # noqa: ANN202
    import warta

    with request.app.state.analyze_lock:
        return warta.analyze(body.text or body.html or "", url=body.url, published=body.published)


@router.post("/analyze", summary="Analyse posted text or HTML without storing it")
def analyze(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> dict[str, Any]:
    return _analyze(request, body).to_dict()


@router.post("/articles", status_code=201, summary="Analyse and store an article (needs the ingest token)")
def ingest(
    request: Request, body: Annotated[AnalyzeRequest, Body()],
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    token = request.app.state.ingest_token
    if not token:
        raise HTTPException(403, "ingestion over HTTP is disabled; start the server with --token to enable it")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token")
    analysis = _analyze(request, body)
    doc_id, created = _store(request).put(analysis)
    return {"id": doc_id, "created": created}
