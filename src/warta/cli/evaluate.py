"""``warta eval ner|ud|events``: measure warta against gold data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Protocol

import typer

from warta.cli.common import JsonOption, out, print_json

__all__ = ["events", "ner", "ud"]


class _Report(Protocol):
    def to_dict(self) -> dict[str, Any]: ...
    def format(self) -> str: ...


def ner(
    files: Annotated[
        list[Path],
        typer.Argument(exists=True, dir_okay=False, help="BIO files (token<TAB>label or columns)."),
    ],
    json_: JsonOption = False,
) -> None:
    """Entity-level precision, recall, micro F1 and type-macro F1 of the shipped NER."""
    from warta.evaluation.ner import evaluate_ner

    _print(evaluate_ner(files), json_)


def ud(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A CoNLL-U file.")],
    json_: JsonOption = False,
) -> None:
    """UPOS accuracy, UAS, LAS and sentence-boundary F1 of the shipped parser."""
    from warta.evaluation.ud import evaluate_ud

    _print(evaluate_ud(file), json_)


def events(
    files: Annotated[
        list[Path],
        typer.Argument(
            exists=True, dir_okay=False, help="Gold JSONL in the events_dev.jsonl format."
        ),
    ],
    json_: JsonOption = False,
) -> None:
    """Event detection, root, code and actor precision/recall/F1, with a confusion table."""
    from warta.evaluation.events import evaluate_events

    _print(evaluate_events(files), json_)


def _print(report: _Report, json_: bool) -> None:
    if json_:
        print_json(report.to_dict())
    else:
        out.print(report.format())
