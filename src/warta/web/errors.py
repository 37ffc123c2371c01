"""The one error shape, ``{"error": {"type", "message"}}``: the model the OpenAPI schema
declares, the responses that carry it, and the exception handlers that produce it.

| status | type | when |
|---|---|---|
| 400 | ``ValidationError``, ``QueryError``, ``InvalidHost`` | bad parameters or body, a malformed FTS5 query, an impossible date; a Host header the server does not answer to |
| 401 | ``HTTPError`` | a write without the right ``Authorization: Bearer`` token (``WWW-Authenticate: Bearer``) |
| 403 | ``HTTPError`` | ``POST /api/articles`` on a server started without a token |
| 404 | ``HTTPError`` | unknown id, entity or path |
| 405 | ``HTTPError`` | with an ``Allow`` header naming the methods the path takes |
| 413 | ``PayloadTooLarge`` | a body over the limit, declared or streamed |
| 422 | an ``InputError`` name | the posted document cannot be analysed (empty, binary, malformed) |
| 503 | ``Busy`` | too many analyses waiting (``Retry-After``) |
| 500 | ``InternalError`` or a ``WartaError`` name | a broken store or model |
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.routing import Match, Mount

from warta.errors import InputError, QueryError, WartaError

__all__ = ["Error", "declared", "error_response", "install_handlers"]

log = logging.getLogger("warta.web")

# Types beyond the generic "HTTPError" (the type 401/403/404/405 have always had).
_KINDS = {413: "PayloadTooLarge", 503: "Busy"}


class ErrorDetail(BaseModel):
    type: str
    message: str


class Error(BaseModel):
    """Every 4xx and 5xx answer of the server."""

    error: ErrorDetail


def error_response(
    status: int, kind: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"type": kind, "message": message}}, status_code=status, headers=headers
    )


_WHEN: dict[int | str, str] = {
    400: "Bad parameters or body (a malformed FTS5 query, an impossible date...), or a Host header the server does not answer to",
    401: "Missing or wrong `Authorization: Bearer` token",
    403: "Ingestion over HTTP is off: the server runs without a token",
    404: "No such article, entity or path",
    413: "The body is over the size limit (declared or streamed)",
    422: "The posted document cannot be analysed (empty, binary, malformed)",
    503: "Too many analyses waiting: retry after `Retry-After` seconds",
    "default": "Any other error, in the same shape: 405 (with an `Allow` header), 500",
}
_HEADERS: dict[int | str, dict[str, Any]] = {
    401: {"WWW-Authenticate": {"description": "`Bearer`", "schema": {"type": "string"}}},
    503: {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}},
}


def declared(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses (and ``default``), all of shape ``Error``."""
    out: dict[int | str, dict[str, Any]] = {}
    keys: tuple[int | str, ...] = (*statuses, "default")
    for status in keys:
        out[status] = {"model": Error, "description": _WHEN[status]}
        if status in _HEADERS:
            out[status]["headers"] = _HEADERS[status]
    return out


_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def _allowed_methods(request: Request) -> str:
    """Every method some route of the app takes at this path (Starlette's own 405 names
    only the methods of the first route that matched the path)."""
    routes = [r for r in request.app.router.routes if not isinstance(r, Mount)]
    allowed = []
    for method in _METHODS:
        probe = {"type": "http", "path": request.url.path, "root_path": "", "method": method}
        if any(route.matches(probe)[0] is Match.FULL for route in routes):
            allowed.append(method)
    # The one mount is the static files, which take GET and HEAD.
    return ", ".join(allowed) or "GET, HEAD"


def install_handlers(app: FastAPI) -> None:
    """Turn every exception that reaches the app's edge into the one error shape."""

    @app.exception_handler(QueryError)
    async def on_query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, "QueryError", exc.message)

    @app.exception_handler(InputError)
    async def on_input_error(_request: Request, exc: InputError) -> JSONResponse:
        return error_response(422, type(exc).__name__, str(exc))

    @app.exception_handler(WartaError)
    async def on_warta_error(_request: Request, exc: WartaError) -> JSONResponse:
        log.error("%s", exc)
        return error_response(500, type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def on_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(
            400, "ValidationError", f"{where}: {first.get('msg', 'invalid value')}"
        )

    @app.exception_handler(HTTPException)
    async def on_http(request: Request, exc: HTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request)
        kind = _KINDS.get(exc.status_code, "HTTPError")
        return error_response(exc.status_code, kind, str(exc.detail), headers)

    @app.exception_handler(Exception)
    async def on_bug(_request: Request, exc: Exception) -> JSONResponse:
        # Starlette logs the traceback after this answer is sent: nothing is hidden.
        return error_response(500, "InternalError", "internal error (logged by the server)")
