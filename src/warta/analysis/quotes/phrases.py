"""Noun phrases around a speech verb, read from the text alone.

- ``np_after``: the phrase right after a cue ("kata *Menteri Luar Negeri Retno Marsudi*
  kepada wartawan");
- ``name_in``: the personal name at the end of such a phrase ("Retno Marsudi");
- ``subject_region``: the stretch before a verb that holds its subject, without an
  introductory phrase ("Terkait hal itu, *Budi* mengatakan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.analysis.quotes.layout import Token, tokens
from warta.analysis.quotes.words import DAYS, INTRO_WORDS, NP_STOP, PRONOUNS, TITLE_WORDS

__all__ = ["name_in", "np_after", "only_title_words", "subject_region"]

_NAME_WORD_RE = re.compile(r"[\w'’\-]+(?:\.[\w'’\-]+)*")
_WORD_RE = re.compile(r"[\w'’\-]+")
_FIRST_WORD_RE = re.compile(r"\s*(\w+)")
_MAX_PHRASE = 14  # tokens: a longer "phrase" is a clause


@dataclass(slots=True)
class _Phrase:
    """The tokens of a speaker phrase as they are read, left to right."""

    got: list[Token] = field(default_factory=list)
    only_titles: bool = True  # only title words so far ("kata Kasi Intel Kejari, ...")
    depth: int = 0  # inside parentheses

    def opens_with_role(self) -> bool:
        """Whether the phrase so far is a role an appositive name may follow."""
        first = self.got[0][2]
        return not first[0].isupper() or self.only_titles or first.lower().strip(".") in TITLE_WORDS


def np_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The speaker noun phrase right after a cue: "kata Menteri Luar Negeri Retno Marsudi"."""
    toks = tokens(text, pos, min(limit, pos + 160))
    ph = _Phrase()
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        took = _bracket(ph, tok)
        if took is None:
            took = _joint(ph, tok, nxt)
        if took is None:
            go_on = _word(ph, tok)
            if not go_on or len(ph.got) > _MAX_PHRASE:
                break
        elif not took:
            break
    got = ph.got
    while got and got[-1][2] in ",(":
        got.pop()
    if not got:
        return None
    end = got[-1][1]
    # The word pattern keeps dots inside abbreviations; a final one ends the sentence.
    if text[end - 1] == "." and got[-1][2].count(".") == 1:
        end -= 1
    return got[0][0], end


def _bracket(ph: _Phrase, tok: Token) -> bool | None:
    """Parentheses and what they hold stay in the phrase ("Agus Harimurti Yudhoyono (AHY)")."""
    w = tok[2]
    if w == "(":
        ph.depth += 1
    elif w == ")":
        ph.depth = max(0, ph.depth - 1)
    elif not ph.depth:
        return None
    ph.got.append(tok)
    return True


def _joint(ph: _Phrase, tok: Token, nxt: Token | None) -> bool | None:
    """A comma or "dan" inside the phrase: True to take it, False to end the phrase, None
    when the token is no joint."""
    w = tok[2]
    if w == ",":
        # "kata kuasa hukum Lisa, Jhony Boy Nababan", "kata Kasi Intel Kejari Cilegon,
        # Nasruddin": an appositive name after a role.
        if (
            ph.got
            and nxt
            and (nxt[2][0].isupper() or nxt[2] == "dan")
            and nxt[2].lower() not in DAYS
            and ph.opens_with_role()
        ):
            ph.got.append(tok)
            ph.only_titles = False
            return True
        return False
    if w.lower() == "dan" and ph.got and (ph.got[-1][2][0].isupper() or ph.got[-1][2] == ","):
        # "Kepala Satuan Tugas Koordinasi dan Supervisi KPK": a conjoined title.
        if nxt and nxt[2][0].isupper():
            ph.got.append(tok)
            return True
        return False
    return None


def _word(ph: _Phrase, tok: Token) -> bool:
    """Take a word into the phrase or not; whether to read on."""
    w = tok[2]
    lw = w.lower()
    got = ph.got
    if w in ".;:!?" or (lw in DAYS and got):
        return False
    if w[0].isupper() or (w[0].isdigit() and got):
        got.append(tok)
        if lw not in TITLE_WORDS:
            ph.only_titles = False
        return True
    if lw in NP_STOP:
        return False
    if lw in TITLE_WORDS or (lw in PRONOUNS and not got):
        got.append(tok)
        return lw not in PRONOUNS  # a pronoun is the whole phrase
    if not got or not got[-1][2][0].isupper():
        # Lower-case role words before a name ("warga setempat", "sang perekam").
        got.append(tok)
        return True
    return False


def name_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The personal name at the end of a noun phrase ("Menteri Luar Negeri Retno Marsudi").

    Only used when no entity annotation covers the phrase: trailing capitalised words that
    are neither title words nor acronyms, at most three of them.
    """
    toks = [
        (m.start() + start, m.end() + start, m.group())
        for m in _NAME_WORD_RE.finditer(text[start:end])
    ]
    if not toks:
        return None
    # "Agus Harimurti Yudhoyono (AHY)": the name is before the parenthesis.
    paren = text.find("(", start, end)
    if (
        paren != -1
        and text.find(")", paren, end) in (-1, end - 1)
        and any(t[1] <= paren and t[2][0].isupper() for t in toks)
    ):
        toks = [t for t in toks if t[1] <= paren]
    name = _trailing_name(toks)
    if not name:
        caps = [t for t in toks if t[2][0].isupper() and t[2].lower() not in TITLE_WORDS]
        if not caps:
            return None  # a description ("warga setempat", "Pihak kuasa hukum"), not a name
        name = [caps[-1]]
    return name[0][0], name[-1][1]


def _trailing_name(toks: list[Token]) -> list[Token]:
    """The last capitalised words that are not titles or acronyms, at most three."""
    name: list[Token] = []
    for t in reversed(toks):
        w = t[2]
        # The last word is the name even when it is also a title word ("Walkot Agung").
        if not w[0].isupper() or (
            name and (w.lower() in TITLE_WORDS or (len(w) > 1 and w.isupper()))
        ):
            break
        if not name and len(toks) == 1 and w.lower() in TITLE_WORDS and not w.isupper():
            break  # a bare title ("Mantan", "Menteri") names nobody; "BPS" is a speaker
        name.insert(0, t)
        if len(name) == 3:
            break
    return name


def only_title_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only titles and names ("Kapolres Tasikmalaya AKBP")."""
    return all(
        w[0].isupper() or w.lower() in TITLE_WORDS for w in _WORD_RE.findall(text[start:end])
    )


def subject_region(text: str, s_start: int, verb_start: int) -> tuple[int, int]:
    """The subject of a speech verb: the sentence start up to the verb, minus an intro."""
    region = text[s_start:verb_start]
    first = _FIRST_WORD_RE.match(region)
    if first and first.group(1).lower() in INTRO_WORDS:
        comma = region.find(",")
        if comma != -1:
            return s_start + comma + 1, verb_start
    return s_start, verb_start
