"""The quotation finder's vocabulary: every word class comes from the lexicon (or, for
office titles, from the knowledge base's one title table), and the classes agree with
each other where the grammar relies on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warta.analysis.quotes import indirect, words
from warta.knowledge import title_sectors
from warta.lang.id import lexicon

PACKAGE = Path(indirect.__file__).parent


def test_office_titles_come_from_the_knowledge_base():
    """One place for office titles: every one-word title of agents.txt is a title word,
    and the finder's own class holds none of them (nor a short form)."""
    one_word = {t for t in title_sectors() if " " not in t}
    assert one_word <= words.TITLE_WORDS
    assert set(words.TITLE_ABBREVIATIONS) <= words.TITLE_WORDS
    own = lexicon().words("title_phrase_words")
    assert not own & one_word
    assert not own & set(words.TITLE_ABBREVIATIONS)
    # ranks that used to be missing are title words now: "kata Kompol Ari" names Ari
    assert {"kompol", "bripka", "letkol", "legislator"} <= words.TITLE_WORDS


def test_short_forms_stand_for_office_titles():
    """Each short form ("menaker") stands for an office title, or one made of an office
    title and a qualifier ("wakil gubernur")."""
    titles = title_sectors()
    for short, title in words.TITLE_ABBREVIATIONS.items():
        assert " " not in short and title == title.lower(), short
        assert title in titles or any(w in titles for w in title.split()), (short, title)


@pytest.mark.parametrize(
    ("subclass", "of"),
    [
        ("speech_verbs_taking_objects", "speech_verbs_men"),
        ("directive_verbs", "speech_verbs_taking_objects"),
        ("sentence_opening_speech_verbs", "speech_verbs"),
    ],
)
def test_subclasses_stay_inside_their_class(subclass, of):
    """A weak or sentence-opening speech verb the finder does not know as a speech verb
    would never be reached by the grammar."""
    lex = lexicon()
    assert lex.words(subclass) <= lex.words(of), lex.words(subclass) - lex.words(of)


def test_outlet_name_parts_mark_word_boundaries_only_at_the_ends():
    raw = lexicon().ordered("news_outlet_name_parts")
    assert all("_" not in part.strip("_") for part in raw)
    assert " tv" in words.OUTLET_HINTS and "media " in words.OUTLET_HINTS


def test_no_word_list_or_word_alternation_left_in_the_package():
    """Regexes are built from word classes: no alternation of five or more lower-case
    words is written out in the finder's code."""
    alternation = re.compile(r"\(\?:(?:[a-z]+\|){4,}[a-z]+\)|\((?:[a-z]+\|){4,}[a-z]+\)")
    for path in sorted(PACKAGE.glob("*.py")):
        found = alternation.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name}: {found}"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kata", ("kata", False)),
        ("ujarnya", ("ujar", True)),
        ("mengatakan", ("mengatakan", False)),
        ("sambungya", ("sambung", True)),  # a common typo for "sambungnya"
        ("rumah", None),
    ],
)
def test_cue_word(word, expected):
    assert words.cue_word(word) == expected


def test_constructions_say_what_they_match():
    """Each indirect construction is a small function whose docstring shows an example
    in quotation marks; the reporting-verb one, which rejects what it cannot read, is last."""
    for construction in indirect.CONSTRUCTIONS:
        assert construction.__doc__ and '"' in construction.__doc__, construction.__name__
    assert indirect.CONSTRUCTIONS[-1].__name__ == "_reporting_verb"
