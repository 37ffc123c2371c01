"""The ``warta`` command, a package of thin typer commands over the library.

``commands`` holds the app (every command in one table) and ``main``; ``common`` the
consoles and shared options; one module per group of commands: ``analyse`` (analyze,
ingest), ``queries`` (search, show, quotes, tone), ``export``, ``batch`` (batch, load),
``serve`` and ``evaluate`` (eval ner, ud, events). Each command parses its options, calls
one library function and prints the result; ``main`` turns errors into one line.
"""

from warta.cli.commands import app, eval_app, main

__all__ = ["app", "eval_app", "main"]
