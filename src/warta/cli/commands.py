"""The ``warta`` typer app: every command in one table, and ``main``, the one place that
turns errors into a line on standard error and an exit status (``docs/errors.md``):

- 0 success, 1 some documents failed (the command says so), 130 interrupted;
- 2 warta could not run: a usage error (unknown option, bad choice, missing file), a
  ``WartaError`` (a store that cannot be opened, a malformed query) or an ``OSError`` (a
  path that cannot be read or written). Each is one line, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

import typer
from rich.text import Text

from warta.cli import analyse, batch, evaluate, export, queries, serve
from warta.cli.common import err, print_error
from warta.errors import WartaError

__all__ = ["COMMANDS", "EVAL_COMMANDS", "app", "eval_app", "main"]

app = typer.Typer(
    name="warta",
    help="Indonesian news into structured, evidence-linked records.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(name="eval", help="Measure warta against gold data.")
app.add_typer(eval_app)

COMMANDS: tuple[Callable[..., None], ...] = (
    analyse.analyze,
    analyse.ingest,
    queries.search,
    queries.show,
    queries.quotes,
    queries.tone,
    export.export,
    batch.batch,
    batch.load,
    serve.serve,
)
EVAL_COMMANDS: tuple[Callable[..., None], ...] = (evaluate.ner, evaluate.ud, evaluate.events)
for command in COMMANDS:
    app.command()(command)
for command in EVAL_COMMANDS:
    eval_app.command()(command)


@app.callback(invoke_without_command=True)
@eval_app.callback(invoke_without_command=True)
def _help_without_a_command(ctx: typer.Context) -> None:
    """With no command, print the help (exit status 0)."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help(), nl=False)  # (typer with rich prints the help itself)
        raise typer.Exit(0)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the ``warta`` command on ``argv`` (default: the process arguments) and exit."""
    for stream in (sys.stdout, sys.stderr):
        # A lone surrogate (a truncated emoji) in an article prints as \\udXXX, not a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        status = app(args=argv, prog_name="warta", standalone_mode=False)
    except WartaError as exc:
        print_error(exc)
        sys.exit(2)
    except typer.TyperException as exc:  # a usage error found by typer or raised as BadParameter
        print_error(_usage_line(exc))
        sys.exit(exc.exit_code)
    except OSError as exc:  # a path the user named cannot be read or written
        print_error(_os_line(exc))
        sys.exit(2)
    except (KeyboardInterrupt, typer.Abort):
        err.print(Text("interrupted"))
        sys.exit(130)
    sys.exit(status if isinstance(status, int) else 0)


def _usage_line(exc: typer.TyperException) -> str:
    ctx = getattr(exc, "ctx", None)
    message = " ".join(exc.format_message().split())
    return f"{message} (see '{ctx.command_path} --help')" if ctx is not None else message


def _os_line(exc: OSError) -> str:
    names = [str(n) for n in (exc.filename, exc.filename2) if n is not None]
    where = " -> ".join(names)
    what = exc.strerror or str(exc)
    return f"{where}: {what}" if where else what
