"""``warta serve``: the dashboard and HTTP API over the store.

The ingest token is a secret. ``--token T`` works but puts it in the process list (``ps``),
where every user of the machine can read it; ``WARTA_TOKEN`` or ``--token-file PATH`` keep
it out of sight.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer

from warta.cli.common import DbOption, out
from warta.errors import WartaError

__all__ = ["TOKEN_ENV", "read_token", "serve"]

TOKEN_ENV = "WARTA_TOKEN"
_MAX_TOKEN_FILE = 4096  # bytes; a token is one short line


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Interface to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8765,
    token: Annotated[
        str | None,
        typer.Option(
            help=f"Enable POST /api/articles (and guard POST /api/analyze) with this bearer "
            f"token. Visible to every user in the process list: prefer {TOKEN_ENV} or "
            f"--token-file."
        ),
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option(
            dir_okay=False,
            help="Read the bearer token from this file (one line; keep it chmod 600).",
        ),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Also answer requests whose Host header names this host (repeatable); loopback "
            "names, --host and the address a request arrives on are always accepted. Other "
            "Host headers get 400 (DNS rebinding)."
        ),
    ] = None,
) -> None:
    """Start the dashboard and HTTP API over the store."""
    ingest_token = read_token(token, token_file, os.environ)
    try:
        import uvicorn

        from warta.web import create_app
    except ImportError as exc:
        raise WartaError(
            f"the dashboard needs the web extra: pip install 'warta[web]' ({exc.name} is missing)"
        ) from exc
    application = create_app(
        db, ingest_token=ingest_token, host=host, allowed_hosts=tuple(allow_host or ())
    )
    store_path = application.state.store.path
    out.print(
        f"warta dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs; store {store_path})",
        soft_wrap=True,
    )
    uvicorn.run(application, host=host, port=port, log_level="warning")


def read_token(
    token: str | None, token_file: Path | None, environ: Mapping[str, str]
) -> str | None:
    """The ingest token: ``--token``, else ``--token-file``, else ``$WARTA_TOKEN``, else none.

    Giving both ``--token`` and ``--token-file`` is a usage error; a token file that cannot
    be read, is empty, or holds more than one word is a ``WartaError`` naming the file.
    """
    if token is not None and token_file is not None:
        raise typer.BadParameter("give --token or --token-file, not both")
    if token is not None:
        return _checked(token, "--token")
    if token_file is not None:
        return _checked(_read_token_file(token_file), str(token_file))
    if environ.get(TOKEN_ENV):
        return _checked(environ[TOKEN_ENV], TOKEN_ENV)
    return None


def _read_token_file(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            data = fh.read(_MAX_TOKEN_FILE + 1)
    except OSError as exc:
        raise WartaError(f"cannot read the token file: {exc.strerror}", doc=str(path)) from exc
    if len(data) > _MAX_TOKEN_FILE:
        raise WartaError(f"not a token file (over {_MAX_TOKEN_FILE} bytes)", doc=str(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WartaError("the token file is not UTF-8 text", doc=str(path)) from exc


def _checked(token: str, where: str) -> str:
    token = token.strip()
    if not token:
        raise WartaError("the token is empty", doc=where)
    if not all("!" <= ch <= "~" for ch in token):  # what an HTTP header carries intact
        raise WartaError(
            "the token must be one word of printable ASCII (no spaces or line breaks)", doc=where
        )
    return token
