"""What every command module shares: the two consoles, the shared options and the few
ways the CLI prints.

Both consoles have rich markup and emoji codes switched off: everything the CLI prints
may contain article text (a title ``Heboh [/video] ...``, a path with brackets), so text
is printed as text, and styles are given as ``rich.text.Text`` parts, never as markup.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from warta.store import Store, open_store

__all__ = [
    "DbOption",
    "JsonOption",
    "PathsArgument",
    "err",
    "open_cli_store",
    "out",
    "print_error",
    "print_json",
    "print_json_line",
    "sample_path",
    "targets",
]

out = Console(highlight=False, markup=False, emoji=False)
err = Console(stderr=True, highlight=False, markup=False, emoji=False)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", dir_okay=False, help="Store file (default: the per-user warta store)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a summary.")]
PathsArgument = Annotated[
    list[str] | None, typer.Argument(help="Files, directories or - for stdin.", show_default=False)
]


def open_cli_store(db: Path | None) -> Store:
    """The store at ``--db`` (or the default one); a ``StoreError`` if it cannot be opened."""
    return open_store(db)


def sample_path() -> str:
    """The bundled sample article behind ``--sample``."""
    return str(resources.files("warta.samples").joinpath("contoh-artikel.txt"))


def targets(paths: list[str] | None, sample: bool) -> list[str]:
    """The inputs of ``analyze``/``ingest``: the paths given, plus the sample if asked."""
    found = list(paths or []) + ([sample_path()] if sample else [])
    if not found:
        raise typer.BadParameter("give at least one file, directory or -, or --sample")
    return found


def print_error(message: object) -> None:
    """One line on standard error: ``error <message>``, the message printed as text."""
    err.print(Text.assemble(("error", "red"), " ", str(message)), soft_wrap=True)


def print_json(data: object) -> None:
    """``data`` as one indented JSON document on standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_json_line(data: object) -> None:
    """``data`` as one line of JSON Lines on standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
