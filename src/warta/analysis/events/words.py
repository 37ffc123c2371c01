"""The Indonesian word classes the event coder reads, by the names the coder uses.

Every class is a file of ``warta/lang/id/words/`` (its header says what the class is); this
module only names them, and adds the punctuation that ends a clause or a pattern gap.
"""

from __future__ import annotations

from warta.lang.id import lexicon

__all__ = [
    "ADDRESSEE_PREPS",
    "ATTRIB",
    "BACKGROUND",
    "COND",
    "CONTENT_NOUNS",
    "COORD",
    "COORD_JOIN",
    "CURRENCY",
    "DEED_VERBS",
    "FUTURE",
    "GAP_STOP",
    "HYPO",
    "MOVES",
    "NEG",
    "OBLIGE",
    "PREP",
    "PUNCT_STOP",
    "PURPOSE",
    "PURPOSE_PREPS",
    "REL_FILLERS",
    "SPEECH",
    "SUBORD",
    "SUPPORT_VERBS",
    "TARGET_PREPS",
    "TIME_WORDS",
    "TOPIC",
]

_lex = lexicon()

# Punctuation that ends a clause (a comma ends one too, but joins list members).
PUNCT_STOP = frozenset({";", ":", "?", "!", "“", "”", '"'})

NEG = _lex.words("negators")
FUTURE = _lex.words("future_markers")
HYPO = _lex.words("hypothetical_markers")
COND = _lex.words("conditional_conjunctions")
# A background clause or phrase ("setelah ...", "akibat ...").
BACKGROUND = _lex.words("background_conjunctions") | _lex.words("background_prepositions")
# Words that open a new clause.
SUBORD = _lex.words("background_conjunctions") | _lex.words("clause_conjunctions") | COND
REL_FILLERS = _lex.words("preverbal_adverbs")
CONTENT_NOUNS = _lex.words("statement_nouns")
PURPOSE_PREPS = _lex.words("purpose_prepositions")
PURPOSE = PURPOSE_PREPS | _lex.words("purpose_conjunctions")
OBLIGE = _lex.words("obligation_markers")
MOVES = _lex.words("decision_words")
ATTRIB = _lex.words("attribution_markers")
SPEECH = _lex.words("content_clause_verbs")
PREP = _lex.words("prepositions")
TARGET_PREPS = _lex.words("target_prepositions")
ADDRESSEE_PREPS = _lex.words("addressee_prepositions")
TOPIC = _lex.words("topic_prepositions")
# What may stand between the members of a list of actors, and what joins them.
COORD_JOIN = _lex.words("list_conjunctions") | {","}
COORD = COORD_JOIN | _lex.words("list_fillers")
TIME_WORDS = _lex.words("time_words") | frozenset(_lex.table("weekday_names"))
DEED_VERBS = _lex.words("deed_verbs")
SUPPORT_VERBS = _lex.words("support_verbs")
CURRENCY = _lex.words("currency_words")
# A dictionary pattern's gap never crosses clause punctuation, an attribution ("kata",
# "ujar"), a condition or the start of a background clause: "mengancam sanksi jika Moskow
# melancarkan serangan" must not read as "mengancam ... melancarkan serangan".
GAP_STOP = (
    frozenset({",", ";", ":", "“", "”", '"', "(", ")", ".", "?", "!", "kata", "ujar"})
    | COND
    | frozenset({"sementara", "setelah", "sebelum", "karena"})
)
