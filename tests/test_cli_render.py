"""The terminal summary prints article text as text: rich markup, emoji codes and
bracketed words in a title, a name or a quote are shown literally, never interpreted."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from warta.record import (
    Actor,
    Amount,
    Analysis,
    Article,
    Category,
    Dateline,
    DateMention,
    Entity,
    Event,
    Place,
    Published,
    Quote,
    Related,
    Role,
    Span,
    Speaker,
    Theme,
    Tone,
)

# Each string would be read by rich as markup (a closing tag without an opening one
# raises MarkupError; an opening tag is swallowed) or as an emoji code.
TITLE = "Heboh [/video] Presiden [bold]Jokowi :fire:"
TEXT = "Heboh [/video] di Jakarta. [red]Menteri[/red] berkata [/] tidak ada [link=x]masalah."


def _analysis() -> Analysis:
    def marked(what: str) -> str:
        return f"{what} [/{what}] [i]"

    evidence = Span(TEXT.index("[red]"), TEXT.index("berkata"))
    article = Article(
        id="abc123",
        text=TEXT,
        url="https://contoh.id/[/url]",
        outlet=marked("outlet"),
        title=TITLE,
        authors=[marked("author")],
        editor=marked("editor"),
        credited_source=marked("source"),
        dateline=Dateline(text=marked("dateline"), place=marked("place")),
        published=Published(value="2024-01-02", precision="day", how=marked("how")),
        paragraphs=[Span(0, len(TEXT))],
        related=[Related(title=marked("related"))],
    )
    return Analysis(
        article=article,
        sentences=[Span(0, len(TEXT))],
        entities=[
            Entity(
                id="e1",
                type="PER",
                name=marked("entity"),
                cameo="IDNGOV",
                country="IDN",
                roles=[Role(title="Menteri", text=marked("role"))],
                mentions=[Span(0, 5)],
            )
        ],
        places=[Place(entity_id="e1", name=marked("placename"), lat=-6.2, lon=106.8)],
        dates=[
            DateMention(text=marked("date"), start=0, end=5, value="2024-01-02", precision="day")
        ],
        quotes=[
            Quote(
                kind="direct",
                text=marked("quote"),
                start=0,
                end=5,
                speaker=Speaker(entity_id="e1", text=marked("speaker")),
                via=marked("via"),
            )
        ],
        events=[
            Event(
                id="ev1",
                cameo="010",
                root="01",
                quad_class=1,
                goldstein=0.0,
                plover=None,
                source=Actor(entity_id="e1", code="IDNGOV", text=marked("actor")),
                target=None,
                sentence=Span(0, len(TEXT)),
                evidence=[evidence],
                date=marked("evdate"),
            )
        ],
        themes=[Theme(id=marked("theme"), label="x", mentions=[Span(0, 5)])],
        tone=Tone(positive=0.1, negative=0.0, polarity=0.1, score=0.1, label=marked("tone")),
        amounts=[
            Amount(text=marked("amount"), start=0, end=5, value=3.0, unit="[/u]", object="[b]")
        ],
        category=Category(label=marked("category"), score=0.5),
    )


def _render(analysis: Analysis, *, markup: bool) -> str:
    from warta.render import render_analysis

    buffer = io.StringIO()
    console = Console(file=buffer, width=1000, color_system=None, markup=markup, emoji=True)
    render_analysis(analysis, console)
    return buffer.getvalue()


@pytest.mark.parametrize("markup", [True, False], ids=["markup-console", "plain-console"])
def test_every_field_is_printed_literally(markup: bool):
    shown = _render(_analysis(), markup=markup)
    assert TITLE in shown
    for what in (
        "outlet", "author", "editor", "source", "dateline", "place", "how", "related",
        "entity", "role", "placename", "date", "quote", "speaker", "via", "actor",
        "evdate", "theme", "tone", "amount", "category",
    ):  # fmt: skip
        assert f"{what} [/{what}] [i]" in shown, what
    assert "[red]Menteri[/red]" in shown  # the evidence, cut from the article text
    assert "[/u] [b]" in shown
    assert "https://contoh.id/[/url]" in shown
    for own_markup in ("[/bold]", "[cyan]", "[dim]"):  # styles are styles, whatever the console
        assert own_markup not in shown
