"""The regular expressions that find office titles around names, built once from the word
classes (``words.py``): a title before a name ("Presiden Rusia Vladimir Putin"), at the
start of a span the model labelled PER, and in an apposition after a name ("Yuri Ushakov,
seorang ajudan Kremlin,")."""

from __future__ import annotations

import re

from warta.lang.id import alternation

from .words import (
    APPOSITION_OPENERS,
    OFFICE_NAME_CONNECTIVES,
    RANKS,
    SENTENCE_LEAD_WORDS,
    TITLE_PREFIXES,
    TITLE_SECTORS,
)

__all__ = [
    "AFTER_QUALIFIER",
    "APPOSITIVE",
    "LEAD_WORD",
    "LEFT_TITLE",
    "PREFIX_TAIL",
    "PREV_WORD",
    "RANK_BEFORE",
    "SENTENCE_START",
    "SPAN_TITLE",
]

# A title: the long ones in any case, the short ones ("pm", "ceo") in capitals only.
_BASE = (
    r"(?:(?i:"
    + alternation(t for t in TITLE_SECTORS if len(t) > 3)
    + r")|"
    + alternation(t.upper() for t in TITLE_SECTORS if len(t) <= 3)
    + ")"
)
_PREFIXES = r"(?i:" + alternation(TITLE_PREFIXES) + r")"
# Words of a title's tail: capitalised words, a parenthesised short form ("(Sumsel)") and
# the few lower-case words of office names ("Hubungan dan Kerja Sama", "Duta Besar Rusia
# untuk AS", "Asisten Menteri urusan Eropa"), which never end it.
_QUAL_WORD = r"(?:\(?[A-Z0-9][\w.&'’\-]*\)?|" + alternation(OFFICE_NAME_CONNECTIVES) + ")"
_NOT_AFTER_CONNECTIVE = "".join(rf"(?<!\b{re.escape(w)})" for w in OFFICE_NAME_CONNECTIVES)
# A title ending right before a name: ".*" makes the match the title nearest the name;
# a comma may separate them ("Menteri Lingkungan Malaysia, Yeo Bee Yin").
LEFT_TITLE = re.compile(
    r".*(?<![\w\-])(?P<base>" + _BASE + r")(?P<qual>(?:[ \t]+" + _QUAL_WORD + r"){0,8}?)"
    r"(?<![\s(])" + _NOT_AFTER_CONNECTIVE + r"(?:[ \t]*,)?[ \t]+$",
    re.DOTALL,
)
SENTENCE_START = re.compile(r"(?:^|[.!?:;,\n\"“”(]\s*)$")
PREV_WORD = re.compile(r"(?<![\w\-])([\w\-]+)\s+$")
# Title prefixes ("mantan", "Wakil") right before a position.
PREFIX_TAIL = re.compile(r"(?:(?<![\w\-])" + _PREFIXES + r"\s+)+$")
# A title at the start of a span the model labelled PER ("Presiden Rusia Vladimir Putin").
SPAN_TITLE = re.compile(r"(?P<pre>(?:" + _PREFIXES + r"\s+)*)(?P<base>" + _BASE + r")(?=\s)")
# "Yuri Ushakov, seorang ajudan Kremlin," — an apposition naming the office.
APPOSITIVE = re.compile(
    r"\s*,\s*(?:(?i:" + alternation(APPOSITION_OPENERS) + r")\s+)?"
    r"(?P<pre>(?:" + _PREFIXES + r"\s+)*)"
    r"(?P<base>" + _BASE + r")(?P<qual>(?:\s+[\w.&'’\-]+){0,6}?)\s*(?=[,;.)]|$)"
)
# A sentence-initial verb or connective the model swept into a name ("Melansir The Hill").
LEAD_WORD = re.compile(r"(?:" + alternation(SENTENCE_LEAD_WORDS) + r")\s+")
# A rank, then one or two capitalised words the model left out of the PER span that
# follows ("Kombes Bhakti [Eri Nurmansyah]"): after a rank comes the name.
RANK_BEFORE = re.compile(
    r"(?<![\w\-])(?=[A-Z])(?i:"
    + alternation(sorted(RANKS))
    + r")\.?(?:\s+Pol\.?)?[ \t]+((?:[A-Z][\w'’\-]*[ \t]+){1,2})$"
)
# A name after a title's organisation or place ("Wali Kota Denpasar [IGN Jaya Negara]
# berharap", "Direktur PT X (PGB) [Mustika Aji]"): up to four capitalised words, then
# punctuation or a lower-case word.
AFTER_QUALIFIER = re.compile(
    r"(?:[ \t]*\([^()\n]{1,20}\))?(?:[ \t]*,)?[ \t]+"
    r"((?:[A-Z][\w'’\-]*)(?:[ \t]+[A-Z][\w'’\-]*){0,3})(?=[ \t]*[,.;:)]|[ \t]+[a-z])"
)
