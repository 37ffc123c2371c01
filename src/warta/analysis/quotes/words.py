"""The words the quotation finder reads: Indonesian word classes from the lexicon.

Every set here is read once from ``warta/lang/id/words/`` (``warta.lang.id.lexicon()``)
or, for office titles, from the knowledge base's one title table
(``warta.knowledge.title_sectors()``); this module only names them for the grammar and
derives the few that are one class plus another. All entries are lower case; the
grammar lower-cases what it compares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.knowledge import title_sectors
from warta.lang.id import lexicon

__all__ = [
    "ABBREVIATIONS",
    "ADJUNCT_OPENERS",
    "AGENT_PASSIVES",
    "APPOSITION_MARKERS",
    "BARE_CUES",
    "CLAUSE_OPENERS",
    "DAYS",
    "DEMONSTRATIVES",
    "DENIALS",
    "DIRECTIVES",
    "INTRO_WORDS",
    "MEN_CUES",
    "NP_STOP",
    "OPENING_CUES",
    "OUTLETS",
    "OUTLET_HINTS",
    "PASSIVE_CUES",
    "PERSON_NOUNS",
    "PRONOUNS",
    "RELAY_PHRASES",
    "REPORT_BLOCKERS",
    "STANCE_NOUNS",
    "TERM_MARKERS",
    "TITLE_ABBREVIATIONS",
    "TITLE_WORDS",
    "UTTERANCE_NOUNS",
    "WEAK_MEN_CUES",
    "alternation",
    "cue_word",
]

_LEX = lexicon()

# Bare speech verbs used after a quotation ("...," kata Putin) and with -nya ("ujarnya").
BARE_CUES = _LEX.words("speech_verbs")
# meN-/ber- speech verbs: "X mengatakan (bahwa) ...", "..., Putin menambahkan."
MEN_CUES = _LEX.words("speech_verbs_men")
# Passive speech verbs: "Diungkapkan, …", ", dikatakan Budi, …".
PASSIVE_CUES = _LEX.words("speech_verbs_passive")
# Passive verbs whose agent follows: "Musk juga disebut Trump berada di masa kelam …".
AGENT_PASSIVES = _LEX.words("passive_agent_verbs")
# The few bare speech verbs that open a sentence as its cue: "Kata Budi, …", "Lanjut dia, …".
OPENING_CUES = _LEX.words("sentence_opening_speech_verbs")
# Speech verbs that take a noun object unless "bahwa", a comma or a clause opener follows.
WEAK_MEN_CUES = _LEX.words("speech_verbs_taking_objects")
# Asking, urging and hoping: never a report, whatever follows.
DIRECTIVES = _LEX.words("directive_verbs")
# After a weak speech verb, these show that a reported clause follows.
CLAUSE_OPENERS = _LEX.words("clause_openers")
# Right before a speech verb: "yang mengatakan", "ingin menyampaikan" report nothing.
REPORT_BLOCKERS = _LEX.words("report_blocking_words")
# In the three words before a speech verb: "tidak pernah menyebut" reports nothing.
DENIALS = _LEX.words("speech_denials")
# As the object of a speech verb: "menyatakan dukungan" is a stance, not a report.
STANCE_NOUNS = _LEX.words("stance_nouns")

# What someone said, named in an attribution: "Hal itu disampaikan oleh X".
UTTERANCE_NOUNS = _LEX.words("utterance_nouns")
# Words that open an apposition after a name: "Yuri Ushakov, seorang ajudan Kremlin, …".
APPOSITION_MARKERS = _LEX.words("apposition_markers")
# Pronouns that stand for a speaker; resolved to the most recent plausible person.
PRONOUNS = _LEX.words("person_pronouns")
# "... itu", "... ini", "... tersebut": a description pointing back to someone named.
DEMONSTRATIVES = _LEX.words("demonstratives")
# Nouns for a person ("pria kelahiran Jawa Tengah ini").
PERSON_NOUNS = _LEX.words("person_nouns")
# Words that end a speaker noun phrase after a cue ("kata Tito *kepada* wartawan").
NP_STOP = _LEX.words("noun_phrase_stops")
# Words that open an introductory phrase before a sentence's subject ("Terkait hal itu, ...").
INTRO_WORDS = _LEX.words("sentence_intro_words")
# Words that open an adjunct between a speech verb and its report ("kepada wartawan, ...").
ADJUNCT_OPENERS = _LEX.words("adjunct_openers")
# Words before a quoted phrase that make it a title or a name, not someone's words.
TERM_MARKERS = _LEX.words("term_markers")
# Day names: never part of a speaker's name ("kata Budi, Senin (3/2)").
DAYS = frozenset(_LEX.table("weekday_names"))
# Abbreviations whose full stop does not end a sentence ("Prof.", "Jl.").
ABBREVIATIONS = _LEX.words("dotted_abbreviations")

# Phrases that relay a report from another outlet ("seperti dilansir Reuters"); after
# "menurut" only an outlet (OUTLETS, OUTLET_HINTS) is a relay.
RELAY_PHRASES = _LEX.ordered("relay_phrases")
# News outlets and agencies: after "menurut", these are a relay (via), not a speaker.
OUTLETS = _LEX.words("news_outlets")
# Name parts that make a name an outlet ("... Times", "kantor berita ..."), matched inside
# " name " with "_" in the file standing for the word boundary (a space).
OUTLET_HINTS = tuple(hint.replace("_", " ") for hint in _LEX.ordered("news_outlet_name_parts"))

# Short forms of offices used alone for the office holder ("tegas Menaker") -> the title
# they stand for, as roles write it ("menteri ketenagakerjaan").
TITLE_ABBREVIATIONS = _LEX.table("office_abbreviations")
# Title, role and generic words that may precede a name ("kata Menteri Luar Negeri Retno
# Marsudi") or stand for no one in particular ("Penyelenggara mengatakan"): the one-word
# office titles of the knowledge base, their short forms, and the other words of title
# phrases (honorifics, parts of multi-word titles, institutions, generic roles).
TITLE_WORDS = (
    frozenset(title for title in title_sectors() if " " not in title)
    | frozenset(TITLE_ABBREVIATIONS)
    | _LEX.words("title_phrase_words")
)


def cue_word(word: str) -> tuple[str, bool] | None:
    """(base speech verb, has -nya) for a speech verb as written, else None.

    "kata" -> ("kata", False), "ujarnya" -> ("ujar", True), "mengatakannya" ->
    ("mengatakan", True); the common typo "sambungya" counts as "sambungnya".
    """
    lw = word.lower()
    if lw in BARE_CUES or lw in MEN_CUES:
        return lw, False
    if lw.endswith("nya") and (lw[:-3] in BARE_CUES or lw[:-3] in MEN_CUES):
        return lw[:-3], True
    if lw.endswith("ya") and lw[:-2] + "nya" != lw and lw[:-2] in BARE_CUES:
        return lw[:-2], True
    return None


def alternation(words: Iterable[str], *, capitalised: bool = False) -> str:
    """A regex group matching any of ``words`` (longest first, so no word hides a longer
    one); with ``capitalised``, each also with a capital first letter."""
    forms = set(words)
    if capitalised:
        forms |= {w[:1].upper() + w[1:] for w in forms}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w))) + ")"
