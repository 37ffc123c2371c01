"""The Indonesian word classes entity resolution reads, from the lexicon and the title table.

Every class is a file in ``warta/lang/id/words/`` (see its header for what it holds);
``TITLE_SECTORS`` is ``knowledge/sources/agents.txt``'s title column. This module only
names them for the code and derives the few unions the rules use.
"""

from __future__ import annotations

from spacy.lang.id.stop_words import STOP_WORDS

from warta.article._calendar import FULL_MONTHS, WEEKDAYS
from warta.knowledge import title_sectors
from warta.lang.id import lexicon

__all__ = [
    "ADDRESS_WORDS",
    "APPOSITION_OPENERS",
    "CALENDAR_WORDS",
    "GROUP_TITLES",
    "HOME_OFFICE_TITLES",
    "HONORIFICS",
    "INDONESIAN_OFFICE_TITLES",
    "NAME_PARTICLES",
    "NOT_CURRENT_PREFIXES",
    "NOT_NAMES",
    "OFFICE_NAME_CONNECTIVES",
    "OFFICE_WORDS",
    "ORG_OPENERS",
    "PERSON_DESCRIPTORS",
    "PLACE_UNIT_WORDS",
    "PORTFOLIO_WORDS",
    "RANKS",
    "RANK_COMPOUND_HEADS",
    "RANK_WORDS",
    "SENTENCE_LEAD_WORDS",
    "SPEAKER_CUES",
    "STOP_WORDS",
    "TITLE_PREFIXES",
    "TITLE_SECTORS",
]

_lex = lexicon()


# Office titles -> the CAMEO sector the title gives the person it names; None where the
# organisation decides ("Juru Bicara Kremlin" is GOV, "Juru Bicara PSSI" is not).
TITLE_SECTORS = title_sectors()

INDONESIAN_OFFICE_TITLES = _lex.words("indonesian_office_titles")
HOME_OFFICE_TITLES = _lex.words("home_office_titles")
GROUP_TITLES = _lex.words("group_titles")
NOT_CURRENT_PREFIXES = _lex.ordered("not_current_title_prefixes")
# Every word that may open a title: "mantan", "wakil", "plt." ...
TITLE_PREFIXES = NOT_CURRENT_PREFIXES + _lex.ordered("title_prefixes")
PORTFOLIO_WORDS = _lex.words("portfolio_words")
HONORIFICS = _lex.words("honorifics")
# Honorifics and the familiar terms of address ("Mas", "Cak") that may precede a first name.
ADDRESS_WORDS = HONORIFICS | _lex.words("familiar_address_terms")
OFFICE_WORDS = _lex.words("government_office_words")
NOT_NAMES = _lex.words("non_name_words")
ORG_OPENERS = _lex.words("organisation_name_openers")
OFFICE_NAME_CONNECTIVES = _lex.ordered("office_name_connectives")
APPOSITION_OPENERS = _lex.ordered("apposition_openers")
RANKS = _lex.words("police_military_ranks")
# Ranks and the unit heads' abbreviated offices that stand right before a name.
RANK_WORDS = RANKS | _lex.words("unit_commander_titles")
RANK_COMPOUND_HEADS = _lex.words("rank_compound_heads")
NAME_PARTICLES = _lex.words("name_particles")
PLACE_UNIT_WORDS = _lex.words("place_unit_words")
PERSON_DESCRIPTORS = _lex.words("person_descriptors")
# Calendar and clock words: capitalised, they are no names ("Senin", "Desember", "WIB").
CALENDAR_WORDS = (
    frozenset(FULL_MONTHS)
    | frozenset(WEEKDAYS)
    | _lex.words("indonesian_time_zones")
    | {"pukul"}  # o'clock
)
_SPEECH_VERBS = _lex.words("speech_verbs")
# Words after which a name is the one who spoke: "ujar Jayant Menon", "katanya Budi",
# "menurut Jayant".
SPEAKER_CUES = _SPEECH_VERBS | {v + "nya" for v in _SPEECH_VERBS} | _lex.words("citation_words")
# Sentence-initial words the model sweeps into a name ("Melansir The Hill", "Namun Putin",
# "Kata Budi"), capitalised as they open a sentence.
SENTENCE_LEAD_WORDS = frozenset(
    w.capitalize()
    for w in _lex.words("citation_words")
    | _lex.words("sentence_opening_speech_verbs")
    | _lex.words("sentence_opening_connectives")
)
