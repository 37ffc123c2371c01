"""The word classes the event actors read, and the look-ups built on them.

Every Indonesian word comes from ``warta.lang.id`` (``lang/id/words/``) or, for a word's
sector, from the knowledge base's one agent table (``knowledge/sources/agents.txt``, through
``kb().agent`` and ``title_sectors()``). Nothing here maps a word to a sector itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from warta.knowledge import kb, title_sectors
from warta.lang.id import lexicon

__all__ = [
    "AGENT_MODIFIER_HEADS",
    "BARE_AGENTS",
    "COUNTRY_ATTRIBUTE_NOUNS",
    "DIRECTIONS",
    "DOER_POSSESSOR_NOUNS",
    "FORMER_MARKERS",
    "GOV_TITLES",
    "GROUP_MARKERS",
    "GROUP_NOUNS",
    "PEACEKEEPER_WORDS",
    "PEACEKEEPING_WORDS",
    "PHRASE_FILLERS",
    "PRONOUNS",
    "RULER_WORDS",
    "SETTLEMENT_NOUNS",
    "SPORT_HEADS",
    "country_code",
    "is_agent_word",
    "sector_word",
    "singular",
]

_LEX = lexicon()

# Pronoun -> what it stands for ("per" a person, "grp" a group, "we" the speaker's side).
PRONOUNS: Mapping[str, str] = _LEX.table("actor_pronouns")
# Compass directions after a place name ("Israel utara"), in the order they are tried.
DIRECTIONS: tuple[str, ...] = _LEX.ordered("compass_directions")
PHRASE_FILLERS = _LEX.words("actor_phrase_fillers")
SPORT_HEADS = _LEX.words("sport_person_heads")
BARE_AGENTS = _LEX.words("standalone_agents")
DOER_POSSESSOR_NOUNS = _LEX.words("doer_possessor_nouns")
GROUP_NOUNS = _LEX.words("group_nouns")  # join the agent word's span: "para demonstran"
GROUP_MARKERS = GROUP_NOUNS | _LEX.words("group_quantifiers")
AGENT_MODIFIER_HEADS = _LEX.words("agent_modifier_heads")
PEACEKEEPING_WORDS = _LEX.words("peacekeeping_words")
PEACEKEEPER_WORDS = _LEX.words("troop_nouns") | PEACEKEEPING_WORDS
FORMER_MARKERS = _LEX.words("former_markers")
SETTLEMENT_NOUNS = _LEX.words("settlement_nouns")
COUNTRY_ATTRIBUTE_NOUNS = _LEX.words("country_attribute_nouns")

# Government office titles of agents.txt's title column, and the words that open them
# ("perdana" of "perdana menteri", "wakil" of "wakil presiden"): one such word near an
# unknown person makes them an office holder.
_GOV = [t for t, sector in title_sectors().items() if sector == "GOV"]
GOV_TITLES = frozenset(t for t in _GOV if " " not in t) | frozenset(
    t.split()[0] for t in _GOV if " " in t and t.split()[1] in _GOV
)
# Words that, like a government title, may stand beside a former-office marker.
RULER_WORDS = GOV_TITLES | _LEX.words("ruler_nouns")


def singular(words: str) -> str:
    """ "kelompok-kelompok bersenjata" -> "kelompok bersenjata": plural reduplication of
    each word undone (the whole phrase is tried first, so "mata-mata" keeps its sense)."""
    out = []
    for w in words.split():
        a, sep, b = w.partition("-")
        out.append(a if sep and a == b else w)
    return " ".join(out)


def sector_word(words: str) -> str | None:
    """The sector (three letters) an agent word or phrase gives, from agents.txt: "tentara"
    MIL, "menteri pertahanan" GOV (the first sector of GOVMIL)."""
    low = words.lower()
    for key in dict.fromkeys((low, singular(low))):
        got = kb().agent(key, in_events=True)
        if got:
            return got.strip("~[]")[:3] or None
    return None


def is_agent_word(word: str) -> bool:
    """True when agents.txt gives the word a sector."""
    return kb().agent(word, in_events=True) is not None


def country_code(words: str) -> str | None:
    """The CAMEO code of the country these words name ("Rusia" -> "RUS"), or None."""
    found = kb().lookup(words, kinds=("country",))
    return (found[0].cameo or found[0].country) if found else None
