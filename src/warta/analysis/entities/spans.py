"""The language model's spans, repaired against the knowledge base's matches.

The model's named-entity spans (PER, ORG, LOC) are often a little off: a title or a
sentence's first word swept in ("Presiden Rusia Vladimir Putin", "Melansir The Hill"), a
rank left out ("Kombes Bhakti [Eri Nurmansyah]"), two known names merged ("China Xi
Jinping"), a company labelled PER. :func:`read_model_span` repairs one span and then keeps
it, hands it to the KB match it covers, or drops the KB matches it shows are not names.
"""

from __future__ import annotations

import re
from typing import Any

from .mentions import (
    LABEL_KINDS,
    NER_TYPES,
    Context,
    Found,
    Mention,
    agent_sector,
    alpha3,
    overlapping,
)
from .names import (
    ARTICLE_PREFIX,
    blank_out,
    common_word,
    named_elsewhere,
    only_honorifics,
    same_person,
    text_gap,
    tiled,
    trim,
)
from .title_patterns import PREV_WORD, RANK_BEFORE, SENTENCE_START, SPAN_TITLE
from .titles import RoleInfo, add_role, split_span_title, title_before
from .words import (
    HONORIFICS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_OPENERS,
    PORTFOLIO_WORDS,
    RANK_COMPOUND_HEADS,
    RANK_WORDS,
    STOP_WORDS,
    TITLE_SECTORS,
)

__all__ = ["model_spans", "read_model_span"]

Span3 = tuple[int, int, str]  # start, end, label


def model_spans(ctx: Context, doc: Any) -> list[Span3]:
    """The model's spans as (start, end, label), with a first name the model cut off a
    person's name joined back ("[Salem] [Mohammed al-Zaabi]": LOC + PER, nothing between)."""
    out: list[Span3] = []
    for ent in getattr(doc, "ents", ()):
        label = NER_TYPES.get(ent.label_)
        if label is None:
            continue
        s, e = ent.start_char, ent.end_char
        if (
            out
            and label == "PER"
            and " " not in ctx.text[out[-1][0] : out[-1][1]]
            and not ctx.text[out[-1][1] : s].strip()
            and s - out[-1][1] == 1
            and not overlapping(ctx, out[-1][0], out[-1][1])
        ):
            s = out.pop()[0]
        out.append((s, e, label))
    return out


def read_model_span(ctx: Context, found: Found, span: Span3) -> None:
    """Repair one model span against the KB matches inside it, then keep, link or drop it."""
    repaired = _repair(ctx, *span)
    if repaired is None:
        return
    s, e, label, role_info = repaired
    over = overlapping(ctx, s, e)
    cover = [m for m in over if m.start <= s and m.end >= e]
    inner = [m for m in over if m.start >= s and m.end <= e]
    if cover:
        km = cover[0]
        km.label, km.from_ner = label, True
        if role_info:
            add_role(km, role_info)
        return
    if len(inner) < len(over):
        return  # a KB match crosses the span: the KB's exact alias wins
    if _merged_names(ctx.text, s, e, label, inner):
        return
    if not _drop_inner(ctx.text, found, s, e, label, inner, role_info):
        return
    found.mentions.extend(_new_mention(ctx, found, s, e, label, inner, role_info))


def _repair(ctx: Context, s: int, e: int, label: str) -> tuple[int, int, str, Any] | None:
    """The span's edges and label set right, with the role a title inside it gives; None
    when nothing of a name is left."""
    text = ctx.text
    s, e = trim(text, s, e)
    if s >= e or text[s:e] in NOT_NAMES or common_word(text, s, e):
        return None
    role_info = None
    if label != "PER" and any(
        m.end == e
        and m.start >= s
        and " " in text[m.start : m.end]
        and any(c.kind == "person" for c in m.cands)
        for m in overlapping(ctx, s, e)
    ):
        # "Pemimpin Tertinggi Iran Ayatollah Ali Khamenei" labelled ORG: it ends in a
        # known person's full name, so it is a titled person.
        label = "PER"
    if label == "PER" and text[s:e].split(maxsplit=1)[0] in ORG_OPENERS:
        label = "ORG"  # "PT Prima Global Baverindo" is a company, whatever the model says
    cut = _rank_inside(text, s, e)
    if cut is not None:
        s, label = cut, "PER"
    s, label = _titled_tail(ctx, s, e, label)
    if label == "PER":
        s, e = _person_edges(ctx, s, e)
        if s >= e:
            return None
        s, role_info = split_span_title(ctx, s, e)
        if s >= e:
            return None  # a title with no name ("Presiden Venezuela"): not a person
        if role_info is None:
            s = _strip_title_tail(ctx, s, e)
        if only_honorifics(text[s:e]):
            return None  # a title alone ("Walkot", "Pak Menko") names no one here
    return s, e, label, role_info


def _merged_names(text: str, s: int, e: int, label: str, inner: list[Mention]) -> bool:
    """The span is known names side by side, with at most titles between them ("China Xi
    Jinping", "Amerika Serikat Donald Trump"): the model merged them; the KB's names
    stand, and a person among them takes the label."""
    if not (
        inner
        and tiled(blank_out(text, s, e, inner))
        and (
            label == "PER"
            or all(c.kind in ("person", "country") for m in inner for c in m.cands[:1])
        )
    ):
        return False
    for km in inner:
        if any(c.kind == "person" for c in km.cands) and label == "PER":
            km.label, km.from_ner = "PER", True
    return True


def _drop_inner(
    text: str,
    found: Found,
    s: int,
    e: int,
    label: str,
    inner: list[Mention],
    role_info: RoleInfo | None,
) -> bool:
    """Set aside the KB matches inside the span that are part of its name; False when a
    KB person inside it takes the span over."""
    if label == "PER":
        persons = [m for m in inner if any(c.kind == "person" for c in m.cands)]
        # A KB person inside the span takes it over only when it ends the span (the
        # surname): "Hassan" inside "Hassan Rouhani" is not a different Hassan.
        if persons and persons[-1].end == e and same_person(text, s, persons[-1]):
            km = persons[-1]
            km.label, km.from_ner = "PER", True
            if role_info:
                add_role(km, role_info)
            found.dropped.update(id(m) for m in inner if m is not km)
            return False
        # Places or organisations inside a person's name are not mentions.
        found.dropped.update(id(m) for m in inner)
    elif label == "ORG":
        # Names inside an organisation's name ("New York" in "New York Times") are not
        # mentions of their own; a country there is the organisation's country.
        found.dropped.update(id(m) for m in inner)
    else:
        # In an Indonesian place name the proper name comes last ("Pangkalan Udara
        # Ahvaz", "Selat Hormuz"); a known name elsewhere in a LOC span ("Turki" in
        # "Turki al-Maliki", "New York" in "New York Times") is part of another name.
        found.dropped.update(
            id(m) for m in inner if m.end != e or all(c.kind == "person" for c in m.cands)
        )
    return True


def _new_mention(
    ctx: Context,
    found: Found,
    s: int,
    e: int,
    label: str,
    inner: list[Mention],
    role_info: RoleInfo | None,
) -> list[Mention]:
    """The span as a mention of its own: linked by a direct lookup of the whole span
    (then kept in ``found.looked_up``, not returned), or with the country an organisation
    names."""
    text, kb = ctx.text, ctx.kb
    nm = Mention(s, e, label=label, from_ner=True)
    if role_info:
        add_role(nm, role_info)
    # The whole span may still be a KB name that the longest-match pass split
    # differently ("Presiden Prabowo" + "Subianto"): one dictionary lookup.
    direct = kb.lookup(text[s:e], kinds=LABEL_KINDS.get(label, ("org",)))
    if direct:
        nm.cands = tuple(direct)
        nm.entry = direct[0] if len(direct) == 1 else None
        found.dropped.update(id(m) for m in inner)
        found.looked_up.append(nm)
        return []
    if label == "ORG" and inner:
        # An organisation naming a country ("Kementerian Luar Negeri Rusia", "Pengadilan
        # Perdagangan Internasional AS"): the country is the organisation's, its first
        # word(s) may give the sector.
        for km in inner:
            if km.cands[0].kind == "country":
                nm.country = alpha3(km.cands[0])
        if nm.country:
            words = text[s:e].split()
            nm.sector = (
                agent_sector(kb, " ".join(words[:2])) if len(words) > 1 else None
            ) or agent_sector(kb, words[0])
    return [nm]


def _titled_tail(ctx: Context, s: int, e: int, label: str) -> tuple[int, str]:
    """ "Sekretaris pers [Gedung Putih Stephanie Grisham]" labelled LOC: a title before the
    span, known names at its start, unknown words after them — the known names qualify
    the title and the rest is a person."""
    over = overlapping(ctx, s, e)
    inner = [m for m in over if m.start >= s and m.end <= e]
    if not over and label != "PER":
        # An unknown two-word name right after a title ("Gubernur Kalimantan Timur
        # [Isran Noor]" labelled LOC) is a person.
        words = ctx.text[s:e].split()
        if (
            len(words) >= 2
            and words[0] not in ORG_OPENERS
            and all(w[:1].isupper() for w in words)
            and title_before(ctx, s) is not None
        ):
            return s, "PER"
        return s, label
    if not inner or inner[0].start != s:
        return s, label
    # In a PER span only a country or organisation may lead: a place's name is often a
    # given name too ("Bima Sakti Wijaya").
    leading = ("country", "igo", "org") if label == "PER" else ("country", "igo", "org", "place")
    pos = s
    for m in inner:
        if text_gap(ctx.text, pos, m.start) or not all(c.kind in leading for c in m.cands):
            break
        pos = m.end
    rest = ctx.text[pos:e].split()
    if pos == s or pos >= e or len(rest) < 2 or not all(w[:1].isupper() for w in rest):
        return s, label
    name_start = e - len(ctx.text[pos:e].lstrip())
    # A PER span may start with the title's country ("[Kiribati Taneti Mamau]" after
    # "Presiden"); another label needs a title before the name to be read as a person
    # ("Duta Besar Rusia untuk [AS Sergey Kislyak]").
    if (
        label != "PER"
        and title_before(ctx, name_start) is None
        and ctx.text[name_start:e].split()[-1] not in ctx.per_words
    ):
        return s, label
    return name_start, "PER"


def _rank_inside(text: str, s: int, e: int) -> int | None:
    """Where a titled name starts inside a span that opens with other words ("Sekadau
    [Iptu Zainal Abidin]"), or None."""
    if text.count(" ", s, e) < 2:
        return None  # a rank needs a word before it and a name after it
    words = list(re.finditer(r"[\w'’\-]+\.?", text[s:e]))
    for i in range(1, len(words) - 1):
        w = words[i].group().rstrip(".")
        if w[:1].isupper() and w.lower() in RANK_WORDS and words[i + 1].group()[:1].isupper():
            return s + words[i].start()
    return None


def _particle(tok: str) -> bool:
    """A lower-case word that may stand inside a name ("bin", "al-Zaabi")."""
    return tok.lower() in NAME_PARTICLES or ARTICLE_PREFIX.match(tok) is not None


def _person_edges(ctx: Context, s: int, e: int) -> tuple[int, int]:
    """Repair the edges of a PER span: join the words between a rank and the span
    ("Kombes Bhakti [Eri Nurmansyah]"), and cut it at a lower-case word glued on
    ("Zainal kepadadetikKalimantan"); a span opening in lower case is no name."""
    text = ctx.text
    first = text[s:e].split(maxsplit=1)[0] if text[s:e].strip() else ""
    if not first[:1].isupper() and not _particle(first):
        return s, s
    # "[Komitmen Putin] untuk ...": a sentence-initial ordinary word (the article also
    # writes it in lower case) is not the first name.
    rest = re.match(r"\S+\s+(?=[A-Z])", text[s:e])
    if (
        rest
        and SENTENCE_START.search(text, max(0, s - 3), s)
        and common_word(text, s, s + len(first))
    ):
        s += rest.end()
    for w in re.finditer(r"\S+", text[s:e]):
        tok = w.group()
        if not tok[:1].isupper() and not tok[:1].isdigit() and not _particle(tok) and w.start() > 0:
            e = s + w.start()
            while e > s and text[e - 1] in " \t,":
                e -= 1
            break
    return _rank_words_before(ctx, s, e), e


def _rank_words_before(ctx: Context, s: int, e: int) -> int:
    """Where the PER span ``text[s:e]`` really starts when a rank stands one or two
    capitalised words before it ("Kombes [Bhakti] Eri Nurmansyah")."""
    text = ctx.text
    m = RANK_BEFORE.search(text, max(0, s - 60), s)
    if m is None or m.end() != s or SPAN_TITLE.match(text, s, e) is not None:
        return s
    before = PREV_WORD.search(text, max(0, m.start() - 30), m.start())
    if before is not None and before.group(1).lower() in RANK_COMPOUND_HEADS:
        return s
    words = m.group(1).split()
    if any(
        w.lower() in TITLE_SECTORS
        or w.lower() in HONORIFICS
        or w.lower() in STOP_WORDS
        or w.isupper()
        for w in words
    ) or overlapping(ctx, m.start(1), s):
        return s
    return m.start(1)


def _strip_title_tail(ctx: Context, s: int, e: int) -> int:
    """Leading words of a PER span that belong to the title before it: "Kepala Bappenda
    [NTB Fathurrahman]", "Menteri [Ketenagakerjaan Yassierli]". Only known non-person
    names and portfolio words are taken off, and only when a title stands before."""
    text = ctx.text
    if " " not in text[s:e].strip() or title_before(ctx, s) is None:
        return s
    inner = {
        m.start: m
        for m in overlapping(ctx, s, e)
        if m.start >= s and all(c.kind != "person" for c in m.cands)
    }
    pos = _org_tail_end(ctx, s, e)
    while pos < e:
        km = inner.get(pos)
        if (
            km is not None
            and km.end < e
            and named_elsewhere(text, km.start, km.end)
            and text[km.start : km.end] not in ctx.per_alone
        ):
            nxt = km.end
        else:
            w = re.match(r"[\w\-]+", text[pos:e])
            if w is None or w.end() + pos >= e or w.group().lower() not in PORTFOLIO_WORDS:
                break
            nxt = pos + w.end()
        ws = re.match(r"[ \t]+", text[nxt:e])
        if ws is None:
            break
        pos = nxt + ws.end()
    return pos if text[pos : pos + 1].isupper() else s


def _org_tail_end(ctx: Context, s: int, e: int) -> int:
    """Past the end of an organisation's name the article writes in full elsewhere:
    "Direktur Bisnis Bank [Mega Syariah Rasmoro Pramono Aji]" after "Bank Mega Syariah"."""
    text = ctx.text
    words = list(re.finditer(r"\S+", text[s:e]))
    for k in range(len(words) - 1, 0, -1):
        lead = text[s : s + words[k - 1].end()]
        if any(
            len(o) > len(lead) and o.endswith(lead) and o[-len(lead) - 1] == " "
            for o in ctx.other_names
        ):
            return s + words[k].start()
    return s
