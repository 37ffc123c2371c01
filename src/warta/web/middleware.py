"""What every request meets before it is routed (plain ASGI middleware, so nothing here
reads a body it does not have to).

Outermost first, as ``create_app`` stacks them:

1. ``SecurityHeaders``: CSP (own origin only, no inline script or style, no framing),
   ``X-Frame-Options``, ``X-Content-Type-Options``, ``Referrer-Policy`` on every answer.
2. ``HostCheck``: only the host names the server is bound to (DNS rebinding defence).
3. ``TokenGate``: writes are authenticated from the headers, before the body is read.
4. ``BodyLimit``: a declared length over the cap is refused unread; a streamed
   (chunked) body is counted while it is read and cut off at the cap.
5. ``EmptyFormFields``: a dashboard form's empty fields mean "no filter" on pages.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warta.web.errors import error_response

__all__ = [
    "LOOPBACK_HOSTS",
    "SECURITY_HEADERS",
    "BodyLimit",
    "EmptyFormFields",
    "HostCheck",
    "SecurityHeaders",
    "TokenGate",
    "bearer_token_matches",
]

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# A request refused before its body is read ends its connection: the server then has
# no reason to take in the rest of the body.
_CLOSE = {"Connection": "close"}
# A Host header is a name or an IP literal and an optional port: nothing else.
_HOST_HEADER = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?")


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str | None) -> str | None:
    """The lower-cased host of a Host header without port or brackets; None if malformed."""
    match = _HOST_HEADER.fullmatch(header or "")
    return match.group(1).strip("[]").lower() if match else None


class HostCheck:
    """Answer only requests addressed to one of ``allowed`` host names ("*": any), or to
    the IP address the connection arrived at: a page that rebinds its own domain name to
    this machine still sends that name, never the bare address."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.strip("[]").lower() for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.allowed:
            host = host_name(Headers(scope=scope).get("host"))
            local_address = (scope.get("server") or ("",))[0]
            if host is None or (host not in self.allowed and host != local_address):
                shown = Headers(scope=scope).get("host", "")[:100]
                response = error_response(
                    400, "InvalidHost", f"this server does not answer to host {shown!r}", _CLOSE
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def bearer_token_matches(authorization: str | None, token: str) -> bool:
    """``Authorization: Bearer <token>`` (scheme in any case), compared in constant time."""
    scheme, _, given = (authorization or "").partition(" ")
    digest = hashlib.sha256(given.strip(" ").encode("utf-8")).digest()
    same = hmac.compare_digest(digest, hashlib.sha256(token.encode("utf-8")).digest())
    return scheme.lower() == "bearer" and same


class TokenGate:
    """Authenticate writes from their headers before anything reads their body.

    ``guarded`` maps (method, path) to whether the route is off (403) when the server
    has no token; ``token`` is read at each request (``warta serve`` may set it after
    the app is built).
    """

    def __init__(
        self, app: ASGIApp, guarded: dict[tuple[str, str], bool], token: Callable[[], str | None]
    ) -> None:
        self.app = app
        self.guarded = guarded
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        off_without_token = (
            self.guarded.get((scope.get("method", ""), scope.get("path", "")))
            if scope["type"] == "http"
            else None
        )
        if off_without_token is not None:
            token = self.token()
            if not token and off_without_token:
                message = (
                    "ingestion over HTTP is disabled; start the server with a token to enable it"
                )
                await error_response(403, "HTTPError", message, _CLOSE)(scope, receive, send)
                return
            if token and not bearer_token_matches(Headers(scope=scope).get("authorization"), token):
                response = error_response(
                    401,
                    "HTTPError",
                    "missing or wrong bearer token",
                    {"WWW-Authenticate": "Bearer", **_CLOSE},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuse bodies over ``max_bytes``: unread when the declared length says so, else as
    soon as the bytes read so far pass the cap (413, ``PayloadTooLarge``)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> HTTPException:
        return HTTPException(413, f"request body over {self.max_bytes // (1024 * 1024)} MB")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await error_response(413, "PayloadTooLarge", self._too_large().detail, _CLOSE)(
                scope, receive, send
            )
            return
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # FastAPI re-raises HTTPExceptions from body reading; the app's
                    # handler answers it in the error shape.
                    raise self._too_large()
            return message

        await self.app(scope, capped_receive, send)


class EmptyFormFields:
    """A dashboard form sends its empty fields as ``since=``: for pages, empty means "no
    filter" rather than an invalid date. The JSON API stays strict."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and not scope["path"].startswith("/api")
            and scope.get("query_string")
        ):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            scope = {
                **scope,
                "query_string": urlencode([(k, v) for k, v in pairs if v]).encode("latin-1"),
            }
        await self.app(scope, receive, send)
