"""``create_app``: the FastAPI application (JSON API under ``/api``, pages at the root).

Read-only by default: ``POST /api/articles`` answers 403 unless an ingest token is
configured, and then requires it as a bearer token. Every error leaves as
``{"error": {"type", "message"}}`` with a 4xx/5xx status.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from warta.errors import InputError, QueryError, WartaError
from warta.store import Store, open_store

__all__ = ["create_app", "MAX_BODY_BYTES"]

# POST bodies above this are refused before being read: an article is rarely over 1 MB.
MAX_BODY_BYTES = 5 * 1024 * 1024
STATIC = Path(__file__).parent / "static"


def create_app(db: str | Path | None = None, *, ingest_token: str | None = None, store: Store | None = None) -> FastAPI:
    from warta import __version__
    from warta.web import api, pages

    app = FastAPI(
        title="warta",
        version=__version__,
        description="Indonesian news as structured, evidence-linked records: articles, entities, quotes and CAMEO/PLOVER events.",
    )
    app.state.store = store or open_store(db)
    app.state.ingest_token = ingest_token
    # spaCy pipelines are not documented as thread-safe; analyses run one at a time.
    app.state.analyze_lock = threading.Lock()

    @app.middleware("http")
    async def limit_body(request: Request, call_next):  # noqa: ANN001, ANN202
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return _error(413, "PayloadTooLarge", f"request body over {MAX_BODY_BYTES // (1024 * 1024)} MB")
        return await call_next(request)

    @app.middleware("http")
    async def drop_empty_form_fields(request: Request, call_next):  # noqa: ANN001, ANN202
        # A dashboard form sends its empty fields as "since=": for pages, empty means
        # "no filter" rather than an invalid date. The JSON API stays strict.
        if not request.url.path.startswith("/api") and request.scope.get("query_string"):
            pairs = [(k, v) for k, v in parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True) if v]
            request.scope["query_string"] = urlencode(pairs).encode("latin-1")
        return await call_next(request)

    @app.exception_handler(QueryError)
    async def on_query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return _error(400, "QueryError", exc.message)

    @app.exception_handler(InputError)
    async def on_input_error(_request: Request, exc: InputError) -> JSONResponse:
        return _error(422, type(exc).__name__, str(exc))

    @app.exception_handler(WartaError)
    async def on_warta_error(_request: Request, exc: WartaError) -> JSONResponse:
        return _error(500, type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def on_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(400, "ValidationError", f"{where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "HTTPError", str(exc.detail))

    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"type": kind, "message": message}}, status_code=status)
