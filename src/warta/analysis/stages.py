"""The extraction stages, in order, each declaring what it reads and what it assigns.

Like spaCy components, a stage says which fields of the ``Analysis`` it needs and which it
assigns (a dotted name for a field inside one: ``article.dateline.place_id``,
``entities.tone``). ``check_order`` proves once, when the pipeline is built, that every
field a stage needs is there before it runs; ``tests/test_stages.py`` checks on real
articles that a stage changes nothing it did not declare. A stage reaches other stages only
through these fields, never through their private tables.

    RawDocument -> Article -> spaCy Doc -> dates, amounts -> entities, places -> quotes
                                        -> category -> events -> themes, tone
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from warta.analysis.amounts import extract_amounts
from warta.analysis.categories import classify_article
from warta.analysis.entities import resolve_entities
from warta.analysis.events import extract_events
from warta.analysis.geocode import geocode
from warta.analysis.quotes import extract_quotes
from warta.analysis.themes import assign_themes
from warta.analysis.tone import score_tone
from warta.article.dates import dates_and_spans
from warta.record import Analysis

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["GIVEN", "STAGES", "Stage", "StageOrderError", "check_order"]

# Filled by the pipeline before any stage runs: the parsed article and its sentences.
GIVEN = ("article", "sentences")


class StageOrderError(RuntimeError):
    """A stage needs a field that no earlier stage assigns, or names one that does not exist."""


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Analysis, Doc], None]


def _dates_amounts(a: Analysis, doc: Doc) -> None:
    a.dates, spans = dates_and_spans(a.article)
    a.amounts = extract_amounts(a.article, dates=spans)


def _resolution(a: Analysis, doc: Doc) -> None:
    a.entities = resolve_entities(a, doc)
    a.places, dateline_entity = geocode(a, a.entities)
    if a.article.dateline is not None and dateline_entity is not None:
        a.article.dateline.place_id = dateline_entity


def _quotes(a: Analysis, doc: Doc) -> None:
    a.quotes = extract_quotes(a, doc)


def _category(a: Analysis, doc: Doc) -> None:
    a.category = classify_article(a.article)


def _events(a: Analysis, doc: Doc) -> None:
    a.events = extract_events(a, doc)


def _themes_tone(a: Analysis, doc: Doc) -> None:
    a.themes = assign_themes(a.article, doc, a.entities)
    a.tone, entity_tone = score_tone(a.article, doc, a.entities)
    for ent in a.entities:
        ent.tone = entity_tone.get(ent.id)


STAGES: tuple[Stage, ...] = (
    Stage("dates", needs=("article",), assigns=("dates", "amounts"), run=_dates_amounts),
    Stage(
        "resolution",
        needs=("article", "sentences"),
        assigns=("entities", "places", "article.dateline.place_id"),
        run=_resolution,
    ),
    Stage("quotes", needs=("article", "entities"), assigns=("quotes",), run=_quotes),
    Stage("category", needs=("article",), assigns=("category",), run=_category),
    Stage(
        "events",
        needs=(  # not words: Analysis field names
            "article",
            "sentences",
            "entities",
            "places",
            "dates",
            "quotes",
            "category",
        ),
        assigns=("events",),
        run=_events,
    ),
    Stage(
        "themes_tone",
        needs=("article", "entities"),
        assigns=("themes", "tone", "entities.tone"),
        run=_themes_tone,
    ),
)


def check_order(stages: Iterable[Stage]) -> None:
    """Raise ``StageOrderError`` unless each stage's needs are given or assigned earlier
    and every name is a field of ``Analysis``."""
    known = {f.name for f in fields(Analysis)}
    have = set(GIVEN)
    for stage in stages:
        for name in (*stage.needs, *stage.assigns):
            if name.split(".")[0] not in known:
                raise StageOrderError(f"stage {stage.name!r} names {name!r}, no field of Analysis")
        missing = [n for n in stage.needs if n not in have]
        if missing:
            raise StageOrderError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage assigns"
            )
        have.update(stage.assigns)
