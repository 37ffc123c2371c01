"""The JSON API. Every list is paginated (``limit``, ``offset``) and filterable; every
parameter is validated before it reaches the store; every error a route can answer is
declared in the OpenAPI schema with its real shape (``errors.declared``)."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, HTTPException, Query, Request, Security
from fastapi.security import HTTPBearer
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from warta import pipeline
from warta.record import Analysis
from warta.store import Store
from warta.web.analyses import AnalysisQueue
from warta.web.errors import declared
from warta.web.params import (
    DATE_PATTERN,
    Code,
    Date,
    DocId,
    EntityKey,
    Limit,
    Offset,
    Quad,
    Root,
    Text,
    real_date,
)

__all__ = ["MAX_HTML_CHARS", "MAX_TEXT_CHARS", "AnalyzeRequest", "router"]

router = APIRouter()

# What one posted article may hold. The longest of the 10,000 shared news articles has
# 17,771 characters; 200,000 is a few seconds of analysis. Longer documents go through
# `warta ingest`, which has no request to keep waiting.
MAX_TEXT_CHARS = 200_000
MAX_HTML_CHARS = 2_000_000
# Declares the bearer scheme in the OpenAPI schema; the check itself is
# middleware.TokenGate, which runs before the body is read.
bearer = HTTPBearer(
    auto_error=False, scheme_name="bearer", description="the token `warta serve` was started with"
)


def _store(request: Request) -> Store:
    return request.app.state.store


def _queue(request: Request) -> AnalysisQueue:
    return request.app.state.analyses


@router.get("/articles", summary="Search articles", responses=declared(400))
def list_articles(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=500, description="FTS5 query over title and text")
    ] = None,
    outlet: Text = None,
    since: Date = None,
    until: Date = None,
    entity: Text = None,
    theme: Text = None,
    limit: Limit = 20,
    offset: Offset = 0,
    facets: bool = False,
) -> dict[str, Any]:
    filters: dict[str, Any] = dict(
        q=q, outlet=outlet, since=since, until=until, entity=entity, theme=theme
    )
    page = _store(request).articles(limit=limit, offset=offset, **filters)
    if facets:
        page["facets"] = _store(request).facets(**filters)
    return {**page, "limit": limit, "offset": offset}


@router.get(
    "/articles/{doc_id}", summary="One article with its full record", responses=declared(400, 404)
)
def get_article(request: Request, doc_id: DocId) -> dict[str, Any]:
    analysis = _store(request).get(doc_id)
    if analysis is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    return analysis.to_dict()


@router.get("/entities", summary="Entities with mention counts", responses=declared(400))
def list_entities(
    request: Request,
    type: Annotated[str | None, Query(pattern=r"^[A-Z]{2,6}$")] = None,
    prefix: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return {
        **_store(request).entities(type=type, prefix=prefix, limit=limit, offset=offset),
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/entities/{key:path}",
    summary="One entity: counts, mentions over time, co-mentions",
    responses=declared(400, 404),
)
def get_entity(
    request: Request, key: EntityKey, by: Literal["day", "month", "year"] = "day"
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


@router.get("/quotes", summary="Quotations with speakers", responses=declared(400))
def list_quotes(
    request: Request,
    speaker: Text = None,
    entity: Text = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    items = _store(request).quotes(
        speaker=speaker, mentioning=entity, since=since, until=until, limit=limit
    )
    return {"items": items, "limit": limit}


def _event_filters(source, target, actor, root, quad, since, until, place) -> dict[str, Any]:
    return dict(
        source=source,
        target=target,
        actor=actor,
        root=root,
        quad=quad,
        since=since,
        until=until,
        place=place,
    )


@router.get("/events", summary="Coded events", responses=declared(400))
def list_events(
    request: Request,
    source: Code = None,
    target: Code = None,
    actor: Code = None,
    root: Root = None,
    quad: Quad = None,
    since: Date = None,
    until: Date = None,
    place: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    filters = _event_filters(source, target, actor, root, quad, since, until, place)
    return {
        **_store(request).events(limit=limit, offset=offset, **filters),
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/events/timeline",
    summary="Goldstein sums and QuadClass counts per day",
    responses=declared(400),
)
def events_timeline(
    request: Request,
    source: Code = None,
    target: Code = None,
    actor: Code = None,
    root: Root = None,
    quad: Quad = None,
    since: Date = None,
    until: Date = None,
    place: Text = None,
) -> dict[str, Any]:
    filters = _event_filters(source, target, actor, root, quad, since, until, place)
    return {"days": _store(request).event_timeline(**filters)}


@router.get(
    "/network", summary="Actors as nodes, events as weighted edges", responses=declared(400)
)
def network(
    request: Request,
    root: Root = None,
    quad: Quad = None,
    since: Date = None,
    until: Date = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> dict[str, Any]:
    return _store(request).network(limit=limit, root=root, quad=quad, since=since, until=until)


@router.get("/map", summary="Place and event locations", responses=declared(400))
def map_points(
    request: Request, limit: Annotated[int, Query(ge=1, le=5000)] = 2000
) -> dict[str, Any]:
    return _store(request).map_points(limit=limit)


class AnalyzeRequest(BaseModel):
    """One article: exactly one of ``text`` and ``html`` (the other absent or null)."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
                {"required": ["html"], "properties": {"html": {"type": "string"}}},
            ]
        }
    )

    text: str | None = Field(
        None, min_length=1, max_length=MAX_TEXT_CHARS, description="plain text of the article"
    )
    html: str | None = Field(
        None, min_length=1, max_length=MAX_HTML_CHARS, description="or the HTML page"
    )
    url: str | None = Field(
        None, max_length=2000, pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$", description="http(s) only"
    )
    published: Annotated[str | None, AfterValidator(real_date)] = Field(None, pattern=DATE_PATTERN)

    @model_validator(mode="after")
    def one_body(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


def _analyze(body: AnalyzeRequest) -> Analysis:
    return pipeline.analyze(body.text or body.html or "", url=body.url, published=body.published)


def _analyze_and_store(store: Store, body: AnalyzeRequest) -> dict[str, Any]:
    doc_id, created = store.put(_analyze(body))
    return {"id": doc_id, "created": created}


@router.post(
    "/analyze",
    summary="Analyse posted text or HTML without storing it (needs the token if the server has one)",
    responses=declared(400, 401, 413, 422, 503),
    dependencies=[Security(bearer)],
)
async def analyze(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> dict[str, Any]:
    return await _queue(request).run(lambda: _analyze(body).to_dict())


@router.post(
    "/articles",
    status_code=201,
    summary="Analyse and store an article (needs the token)",
    responses=declared(400, 401, 403, 413, 422, 503),
    dependencies=[Security(bearer)],
)
async def ingest(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> dict[str, Any]:
    return await _queue(request).run(partial(_analyze_and_store, _store(request), body))
