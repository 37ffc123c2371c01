"""The entity rules read their words from the lexicon: every entry of a class the rules
build a pattern from is matched where it is listed, and a knowledge base that cannot do
what the rules ask fails loudly."""

from __future__ import annotations

import pytest
import spacy

from helpers import doc_with_ents
from warta.analysis.entities import resolve_entities
from warta.analysis.entities.names import name_like, trim
from warta.analysis.entities.resolve import _context
from warta.analysis.entities.title_patterns import APPOSITIVE, SPAN_TITLE
from warta.analysis.entities.words import CALENDAR_WORDS, TITLE_SECTORS
from warta.knowledge import kb
from warta.lang.id import lexicon
from warta.record import Analysis, Article, Published

LEX = lexicon()
NLP = spacy.blank("id")


def _lead_words() -> list[str]:
    return sorted(
        LEX.words("sentence_opening_speech_verbs")
        | LEX.words("citation_words")
        | LEX.words("sentence_opening_connectives")
    )


@pytest.mark.parametrize("word", _lead_words())
def test_a_sentence_initial_word_swept_into_a_name_is_trimmed(word):
    text = f"{word.capitalize()} Joko Widodo tiba."
    s, e = trim(text, 0, text.index(" tiba"))
    assert text[s:e] == "Joko Widodo"


@pytest.mark.parametrize(
    "prefix", LEX.ordered("title_prefixes") + LEX.ordered("not_current_title_prefixes")
)
def test_every_title_prefix_opens_a_title(prefix):
    text = f"{prefix.capitalize()} Menteri Luar Negeri Sugiono"
    m = SPAN_TITLE.match(text)
    assert m is not None and m.group("pre").strip() == prefix.capitalize()
    assert m.group("base") == "Menteri Luar Negeri"


@pytest.mark.parametrize("opener", LEX.ordered("apposition_openers"))
def test_every_apposition_opener_introduces_an_office(opener):
    m = APPOSITIVE.match(f"Yuri Ushakov, {opener} ajudan Kremlin, berkata.", len("Yuri Ushakov"))
    assert m is not None and m.group("base") == "ajudan"


def test_calendar_words_are_the_full_months_weekdays_and_time_zones():
    months = LEX.table("month_names")
    assert {"januari", "juni", "juli", "agustus", "nopember", "mei"} <= CALENDAR_WORDS
    assert not {"jan", "jun", "agus", "sept"} & CALENDAR_WORDS  # abbreviations may be names
    assert set(LEX.table("weekday_names")) <= CALENDAR_WORDS
    assert LEX.words("indonesian_time_zones") <= CALENDAR_WORDS
    assert all(
        w in months
        or w in LEX.table("weekday_names")
        or w in LEX.words("indonesian_time_zones")
        or w == "pukul"
        for w in CALENDAR_WORDS
    )


def test_a_calendar_word_is_no_name_but_an_abbreviation_may_be():
    art = Article(
        id="t", text="Agus datang pada Juni.", published=Published("2025-06-01", "day", "t")
    )
    ctx = _context(art, kb(), NLP(art.text))
    assert not name_like("Juni", ctx)
    assert name_like("Agus", ctx)


def test_titles_come_from_the_one_title_table():
    assert TITLE_SECTORS["presiden"] == "GOV"
    assert "menteri luar negeri" in TITLE_SECTORS


class _NoEntries:
    """The shipped knowledge base without ``entries``: a broken knowledge base."""

    def __init__(self) -> None:
        self._kb = kb()

    def __getattr__(self, name):
        if name == "entries":
            raise AttributeError(name)
        return getattr(self._kb, name)


def test_a_broken_knowledge_base_fails_loudly():
    # The index of people's name words needs kb.entries(); it used to swallow the error
    # and give no short forms at all.
    text = "Luthfi mengatakan investasi di Jawa Tengah naik."
    art = Article(
        id="t",
        text=text,
        title="Ahmad Luthfi Sebut Investasi Naik",
        published=Published("2025-05-26", "day", "t"),
    )
    doc = doc_with_ents(NLP, text, [("Luthfi", "PER")])
    names = [e.name for e in resolve_entities(Analysis(article=art), doc)]
    assert "Ahmad Luthfi" in names  # the headline gives the full name
    with pytest.raises(AttributeError, match="entries"):
        resolve_entities(Analysis(article=art), doc, kb=_NoEntries())
