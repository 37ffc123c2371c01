"""``create_app``: the FastAPI application (JSON API under ``/api``, pages at the root),
and ``serve``, which runs it with uvicorn.

Read-only by default: ``POST /api/articles`` answers 403 unless an ingest token is
configured, and then requires it as a bearer token, as does ``POST /api/analyze``.
The middleware that guards every request is described in ``middleware.py``; every error
leaves as ``{"error": {"type", "message"}}`` (``errors.py``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

from warta import __version__
from warta.store import Store, open_store
from warta.web import api, pages
from warta.web.analyses import AnalysisQueue
from warta.web.errors import install_handlers
from warta.web.middleware import (
    LOOPBACK_HOSTS,
    BodyLimit,
    EmptyFormFields,
    HostCheck,
    SecurityHeaders,
    TokenGate,
)

__all__ = ["MAX_BODY_BYTES", "MAX_WAITING_ANALYSES", "create_app", "serve"]

# Bodies above this are refused: unread when Content-Length says so, else as soon as the
# bytes read pass it. An article is rarely over 1 MB.
MAX_BODY_BYTES = 5 * 1024 * 1024
# Analyses waiting behind the running one before POSTs are answered 503.
MAX_WAITING_ANALYSES = 4
STATIC = Path(__file__).parent / "static"
# (method, path) of the routes that need the token; True: off (403) without a token.
GUARDED = {("POST", "/api/articles"): True, ("POST", "/api/analyze"): False}


def create_app(
    db: str | Path | None = None,
    *,
    ingest_token: str | None = None,
    store: Store | None = None,
    host: str = "127.0.0.1",
    allowed_hosts: Iterable[str] = (),
) -> FastAPI:
    """The app over the store at ``db`` (or ``store``).

    ``ingest_token`` enables ``POST /api/articles`` and guards ``POST /api/analyze``
    (``app.state.ingest_token`` may also be set later). Requests are answered only when
    their Host header names a loopback name, ``host`` (the interface the server is bound
    to) or one of ``allowed_hosts`` (``"*"``: any; only behind a proxy that checks it).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.analyses.close()

    app = FastAPI(
        title="warta",
        version=__version__,
        description="Indonesian news as structured, evidence-linked records: articles, entities, quotes and CAMEO/PLOVER events.",
        docs_url=None,
        redoc_url=None,  # /docs is pages.api_reference: no script from a CDN
        lifespan=lifespan,
    )
    app.state.store = store or open_store(db)
    app.state.ingest_token = ingest_token
    app.state.analyses = AnalysisQueue(max_waiting=MAX_WAITING_ANALYSES)

    # add_middleware puts each one outside the ones added before it.
    app.add_middleware(EmptyFormFields)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(TokenGate, guarded=GUARDED, token=lambda: app.state.ingest_token)
    app.add_middleware(HostCheck, allowed={*LOOPBACK_HOSTS, host, *allowed_hosts})
    app.add_middleware(SecurityHeaders)
    install_handlers(app)

    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The schema, built once, true to how the server runs: with a token, the guarded
    routes declare the bearer scheme and 401; without one, ingestion declares only its 403
    and analysis is open."""
    if app.openapi_schema is None:
        spec = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        for (method, path), off_without_token in GUARDED.items():
            op = spec["paths"][path][method.lower()]
            if app.state.ingest_token:
                op["responses"].pop("403", None)
            else:
                op.pop("security", None)
                op["responses"].pop("401", None)
                if not off_without_token:
                    op["responses"].pop("403", None)
        app.openapi_schema = spec
    return app.openapi_schema


def serve(
    db: str | Path | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str | None = None,
    allowed_hosts: Iterable[str] = (),
    log_level: str = "warning",
) -> None:
    """Run the dashboard and API with uvicorn until interrupted (``warta serve``)."""
    app = create_app(db, ingest_token=token, host=host, allowed_hosts=allowed_hosts)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
