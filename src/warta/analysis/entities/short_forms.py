"""People named only by a short form: their full name, from the text, the headline or
the knowledge base.

After the grouping by words: a nickname in parentheses after a full name ("Rasmoro
Pramono Aji (Oney)") and a clipped given name ("Adit" for "Adityawarman Adil") join that
person; a one-word name that the text (or the headline) also writes with more name words
that the model left untagged ("Kombes Ferry Walintukan", "Ahmad Luthfi Sebut ...") gets
them; and a one-word name that is a word of a known person holding, on the publication
date, an office whose title the article uses ("Panglima" ... "Agus") is that person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from .mentions import Context, Mention, overlapping
from .names import name_like
from .title_patterns import PREV_WORD
from .titles import title_before
from .words import ADDRESS_WORDS, PERSON_DESCRIPTORS, SPEAKER_CUES, TITLE_SECTORS

__all__ = ["short_forms"]

_NICKNAME = re.compile(r"[ \t]*\(([A-Z][a-z][\w'’\-]*)\)")
_NAME_TOKEN = re.compile(r"[A-Z][\w'’\-]*")
# "<role> <name or acronym>, " before a name in apposition.
_APPOSED = re.compile(r"(?<![\w\-])([A-Za-z]+)[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?,[ \t]*$")

Spans = list[tuple[int, int, str]]  # (start, end, key) of every mention, sorted


def short_forms(
    ctx: Context, mentions: list[Mention], title: str, full: dict[str, list[str]]
) -> None:
    """Give people named only by a short form their full name (see the module's doc)."""
    text = ctx.text
    if not any(m.label == "PER" and m.start >= 0 for m in mentions):
        return
    _nicknames_and_clipped(mentions, text, full)
    # One-word names left: look for their fuller form in the text and the headline.
    singles: dict[str, list[Mention]] = {}
    for m in mentions:
        if (
            m.label == "PER"
            and m.start >= 0
            and m.entry is None
            and m.key.startswith("name:")
            and " " not in text[m.start : m.end].strip()
        ):
            singles.setdefault(m.key, []).append(m)
    if not singles:
        return
    spans = sorted((m.start, m.end, m.key) for m in mentions if m.start >= 0)
    for key, ms in singles.items():
        if len(full.get(key, ())) > 1:
            continue
        word = text[ms[0].start : ms[0].end].strip()
        run = _fuller_in_text(ctx, word, key, spans)
        if run is not None:
            mentions.append(Mention(run[0], run[1], label="PER", key=key, from_ner=False))
            continue
        name = _fuller_in_title(ctx, title, word)
        if name is not None:
            for m in ms:
                m.name = name
            continue
        entry = _office_holder(ctx.kb, word, ctx.date, title + "\n" + text)
        if entry is not None:
            for m in ms:
                m.entry, m.key = entry, entry.id


def _nicknames_and_clipped(mentions: list[Mention], text: str, full: dict[str, list[str]]) -> None:
    """A nickname in parentheses after a full name, or a clipped given name, joins the
    person ("Oney" after "Rasmoro Pramono Aji (Oney)", "Adit" for "Adityawarman Adil")."""
    nick: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "PER" and m.start >= 0 and " " in text[m.start : m.end].strip():
            n = _NICKNAME.match(text, m.end)
            if n is not None:
                nick.setdefault(n.group(1), set()).add(m.key)
    multi = {k: ws for k, ws in full.items() if len(ws) > 1}
    for m in mentions:
        if m.entry is not None or m.start < 0 or not m.key.startswith("name:"):
            continue
        words = text[m.start : m.end].split()
        if len(words) != 1 or m.key in multi:
            continue
        w = words[0]
        keys = nick.get(w, set())
        if not keys and len(w) >= 3 and w[:1].isupper():
            keys = {
                k
                for k, ws in multi.items()
                if any(x.startswith(w) and len(x) >= len(w) + 2 for x in ws)
            }
        if len(keys) == 1:
            m.key, m.label = next(iter(keys)), "PER"


def _widen(text: str, s: int, e: int, ok: Any, longest: int) -> tuple[int, int]:
    """``text[s:e]`` widened by single-spaced name words (``ok``) on both sides, until it
    is longer than ``longest`` characters."""
    while True:  # to the right: single spaces, name words
        nx = _NAME_TOKEN.match(text, e + 1) if text[e : e + 1] == " " else None
        if nx is None or not ok(nx.group()) or e - s > longest:
            break
        e = nx.end()
    while True:  # to the left
        pv = re.search(r"([A-Z][\w'’\-]*) $", text[max(0, s - 40) : s])
        if pv is None or not ok(pv.group(1)) or e - s > longest:
            break
        s -= len(pv.group(0))
    return s, e


def _fuller_in_text(ctx: Context, word: str, key: str, spans: Spans) -> tuple[int, int] | None:
    """The longest run of name words around ``word`` in the text, not inside another
    entity's mention nor a known name, and introduced as people are: after a title or
    rank ("Kombes [Ferry Walintukan] membantah", "Pengacara RK, [Muslim Jaya ...]") or a
    word of address."""
    text = ctx.text
    best = None
    for occ in re.finditer(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", text):
        s, e = _widen(text, occ.start(), occ.end(), lambda w: name_like(w, ctx), 60)
        if (s, e) == (occ.start(), occ.end()):
            continue
        i = bisect_left(spans, (s, -1, ""))
        clash = any(os < e and oe > s and ok != key for os, oe, ok in spans[max(0, i - 2) : i + 4])
        if (
            clash
            or not _introduced(ctx, s)
            or any(m.cands and m.cands[0].kind != "person" for m in overlapping(ctx, s, e))
        ):
            continue
        if best is None or e - s > best[1] - best[0]:
            best = (s, e)
    return best


def _introduced(ctx: Context, s: int) -> bool:
    """Whether ``text[s:]`` is introduced as a person: right after a title, rank, word of
    address, description or speech verb ("Kombes Ferry ...", "ujar Jayant ..."), or in
    apposition to one ("pengacara Jokowi, Yakup ...")."""
    pw = PREV_WORD.search(ctx.text, max(0, s - 30), s)
    if pw is not None and pw.end() == s:
        w = pw.group(1).lower()
        if w in ADDRESS_WORDS or w in PERSON_DESCRIPTORS or w in TITLE_SECTORS or w in SPEAKER_CUES:
            return True
    ap = _APPOSED.search(ctx.text, max(0, s - 60), s)
    if ap is not None and ap.end() == s:
        w = ap.group(1).lower()
        if w in PERSON_DESCRIPTORS or w in TITLE_SECTORS:
            return True
    return title_before(ctx, s) is not None


def _fuller_in_title(ctx: Context, title: str, word: str) -> str | None:
    """ "Ahmad Luthfi" in the headline for "Luthfi" in the text. Headline words are all
    capitalised, so a word joins the name only when it is a known given name or the body
    also writes it capitalised."""
    occ = re.search(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", title)
    if occ is None:
        return None
    tokens = _person_tokens(ctx.kb)

    def ok(w: str) -> bool:
        return name_like(w, ctx) and (
            w.lower() in tokens
            or re.search(r"[a-z,] " + re.escape(w) + r"(?![\w\-])", ctx.text) is not None
        )

    s, e = _widen(title, occ.start(), occ.end(), ok, len(title))
    name = title[s:e]
    return name if " " in name else None


@lru_cache(maxsize=4)
def _person_tokens(kb: Any) -> dict[str, list]:
    """Lower-cased words of the knowledge base's person names -> the people (built once
    per knowledge base)."""
    index: dict[str, list] = {}
    for ent in kb.entries("person"):
        for w in set(ent.name.lower().split()):
            index.setdefault(w, []).append(ent)
    return index


def _office_holder(kb: Any, word: str, date: str | None, text: str) -> Any:
    """The one known person with ``word`` in their name who holds, on ``date``, an office
    whose every title word the article uses ("Panglima" ... "TNI" for "Agus")."""
    if not date:
        return None
    found = []
    for ent in _person_tokens(kb).get(word.lower(), ()):
        role = kb.role_on(ent.id, date)
        if role is None or not role.title:
            continue
        if all(
            re.search(r"(?<![\w\-])(?i:" + re.escape(t) + r")(?![\w\-])", text)
            for t in role.title.split()
        ):
            found.append(ent)
    return found[0] if len(found) == 1 else None
