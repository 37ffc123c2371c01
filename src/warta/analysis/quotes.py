"""Quotations and their speakers: ``extract_quotes(analysis, doc=None) -> list[Quote]``.

A cue grammar over the article text, so it works before (and without) the parsed Doc:

1. quotation marks are paired per paragraph (curly “ ”, guillemets « », straight ``"``),
   a quotation left open at a paragraph end continues when the next paragraph opens with a
   mark, and an unbalanced mark is closed at the next speech cue or the paragraph end;
2. each quoted span is attached to a cue after it (``"…," kata Putin``), a cue before it
   (``Psaki mengatakan bahwa "…"``, ``ujarnya: "…"``), or, when it opens a sentence with no
   cue, to the speaker of the running passage;
3. a short quoted phrase inside a sentence is a ``mixed`` quotation when a speech verb
   governs the sentence (``menyebut Xi sebagai "teman baik"``) and is dropped otherwise
   (titles, names, scare quotes);
4. sentences without quotation marks are indirect quotations when they match
   ``X mengatakan (bahwa) …``, ``Menurut X, …`` or ``…, kata X.``;
5. speakers are noun phrases at the cue, resolved to ``analysis.entities`` by mention
   offsets; ``-nya`` forms and pronouns point back to the running speaker; outlets
   ("menurut The New York Times", "dilansir Reuters") go to ``via``, never to ``speaker``.

Conventions (see docs/quotes.md): ``start``/``end`` cover the quoted words, inside the
marks for direct and mixed quotations; a quotation split by its cue gives two quotes with
the same speaker; a quotation running over paragraphs is one quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from warta.analysis.quote_cues import (
    BARE_CUES,
    MEN_CUES,
    NP_STOP,
    OUTLET_HINTS,
    OUTLETS,
    PRONOUNS,
    RELAY_VERBS,
    TERM_MARKERS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEAK_MEN_CUES,
)
from warta.record import Analysis, Entity, Quote, Speaker

__all__ = ["extract_quotes"]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# How much we trust each way of finding a quotation and its speaker.
_CONF = {
    "post_cue": 0.95,
    "pre_cue": 0.9,
    "nya": 0.85,
    "continuation": 0.6,
    "mixed": 0.6,
    "indirect": 0.7,
    "unbalanced_penalty": 0.3,
}

_OPEN = "“«„"
_CLOSE = "”»"
_MARKS_RE = re.compile(r"[“”«»„\"]")
_PARA_RE = re.compile(r"\n\s*\n|\n")
_WORD_RE = re.compile(r"[\w@](?:[\w@'’\-/]|\.(?=\w))*|\(|\)|[,.;:!?\"“”]")
_DAYS = _words(
    """
    senin selasa rabu kamis jumat jum'at sabtu minggu
    """
)
_ABBREV = _words(
    """
    dr prof h hj no jl kec kab st sdr m dkk dll dsb tsb rp mis tbk ir drs bpk ny tn kol brig
    jend kh sh se mh mm amd spd skom ust pt cv ltd inc co vs hlm tel ds kel prov
    """
)
_SENT_END_RE = re.compile(
    r"[.!?…]+[\"”’')\]]*(?=\s+[\"“(\[A-Z0-9])|(?<=[a-z)][.!?])(?=[\"“]?[A-Z][a-z])"
)
_INTRO_WORDS = _words(
    """
    terkait sementara selain dalam di pada namun lebih adapun kemudian sebelumnya saat
    ketika usai seusai menanggapi menyikapi atas untuk sedangkan bahkan meski meskipun
    karena oleh dengan setelah sebelum ditemui dihubungi secara sebagai selanjutnya lalu
    senada hal sejalan berdasarkan mengenai soal tak tidak apalagi padahal jika kalau
    melalui lewat diungkapkan dijelaskan disebutkan ditegaskan dikatakan diketahui hingga
    sampai menurutnya kini tetapi akan tapi maka jadi sehingga agar supaya walau seorang
    para sang salah sebuah
    """
)
_ADJUNCT_START = _words(
    """
    kepada dalam saat di ketika usai seusai melalui lewat pada sambil seraya
    """
)
_CUE_AFTER_PUNCT_RE = re.compile(r"[,.!?]\s+(\w+)")
_PASSIVE_ATTRIB_RE = re.compile(
    r"^\s*(?:Hal (?:itu|ini|tersebut)|Pernyataan (?:itu|ini|tersebut)|Demikian(?: hal itu)?|"
    r"Itu|Keterangan (?:itu|tersebut))\s+(?:di\w+kan|disampaikan|dikatakan|diungkapkan)\s+"
    r"(?:oleh\s+)?",
)
_PASSIVE_OPEN_RE = re.compile(
    r"\s*(?:(?:Lebih lanjut|Selanjutnya|Kemudian|Selain itu),?\s+)?"
    r"(Diungkapkan|Dijelaskan|Ditegaskan|Disebutkan|Dikatakan|Ditambahkan|Dipaparkan|"
    r"Diterangkan|diungkapkan|dijelaskan|ditegaskan|disebutkan|dikatakan|ditambahkan|dipaparkan|"
    r"diterangkan)(?:\s+(?:pula|juga|lagi))?\s*,\s*"
)
_ATTRIB_SENT_RE = re.compile(
    r"\s*(?:Hal|Pernyataan|Pendapat|Keterangan|Penjelasan)\s+(?:senada|serupa|itu|ini|tersebut|"
    r"yang sama)\s+(?:juga\s+|pun\s+)?(?:di\w+kan|diutarakan|diungkap|disampaikan)\s+(?:oleh\s+)?",
    re.IGNORECASE,
)
_OPEN_CUE_RE = re.compile(
    r"\s*(?:[^,]{0,40},\s*)?(menurut|kata|lanjut|imbuh|tambah|ujar|tutur|sambung)(nya)?\b\s*",
    re.IGNORECASE,
)
_PAREN_CUE_RE = re.compile(
    r",\s*(kata|ujar|lanjut|imbuh|tambah|terang|tutur|ungkap|sebut|menurut|"
    r"disebutkan|dikatakan|dijelaskan|diungkapkan|ditambahkan|ditegaskan)\s+"
    r"(?:oleh\s+)?([^,]{2,60}?)\s*,\s*"
)
_APPOSITIVE_RE = re.compile(r"\s*([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})\s*,\s*")
# "ungkap Gubernur asal Buleleng itu": a description pointing back to a person.
_ANAPHORIC_TAIL_RE = re.compile(
    r"[\s,]*[^,.;:\"“”\n]{0,40}?"  # the rest of the description
    r"\b(?:ini|itu|tersebut)\b\s*(?:[,.;]|$)"
)
_NEGATIONS = _words(
    """
    tidak tak belum bukan enggan menolak
    """
)
_PERSON_NOUNS = _words(
    """
    pria wanita perempuan lelaki laki-laki sosok pejabat politikus politisi ekonom pengamat
    tokoh kader perwira jenderal waketum ketum sekjen mantan eks bos pengusaha ibu bapak
    """
)
_NOT_REPORT_OBJECTS = _words(
    """
    dukungan minat apresiasi belasungkawa duka terima selamat permohonan permintaan
    keprihatinan kekecewaan penghargaan harapannya apresiasinya dukungannya
    """
)
_DIRECTIVES = _words(
    """
    meminta mendesak mengimbau berharap mengingatkan
    """
)
_CLAUSE_OPENERS = _words(
    """
    pihaknya dirinya ia dia beliau mereka kami kita pemerintah sudah telah akan tidak tak
    belum masih ada biasanya semua seluruh saat kini sekarang
    """
)
_PASSIVE_AGENT_RE = re.compile(
    r"\s*[^,]{1,60}?\s(?:juga\s+|pun\s+)?(?:disebut|dinilai|dikatakan|diklaim)\s+(?:oleh\s+)?"
    r"([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})\s+(\w+)"
)
_OLEH_RE = re.compile(r"\boleh\s+")
_SPEAKER_TYPES = frozenset({"PER", "ORG", "GPE", "NORP", "GROUP", "LOC"})
_NOT_REPORT_BEFORE = _words(
    """
    yang untuk akan tidak belum ingin dapat bisa tak enggan sempat harus perlu mau
    """
)
_RELAY_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in sorted(RELAY_VERBS, key=len, reverse=True)) + r")\s+",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _QSpan:
    """A quoted stretch: marks at ``open``/``close`` (``close`` None when unbalanced)."""

    open: int
    inner_start: int
    inner_end: int
    close: int | None
    balanced: bool = True


@dataclass(slots=True)
class _State:
    text: str
    mentions: list[tuple[int, int, Entity | None, str]]  # start, end, entity, type
    mention_starts: list[int]
    last_speaker: Speaker | None = None
    last_speaker_pos: int = -1
    last_subject: Speaker | None = None
    last_subject_pos: int = -1
    entities_by_id: dict[str, Entity] = field(default_factory=dict)


# --------------------------------------------------------------------------- public


def extract_quotes(analysis: Analysis, doc: Any = None) -> list[Quote]:
    """Find direct, mixed and indirect quotations in ``analysis.article.text``.

    ``doc`` (a spaCy Doc over the same text) is optional: when given, its named entities
    stand in for missing ``analysis.entities`` and its dependency parse picks subjects.
    """
    text = analysis.article.text or ""
    if not text.strip():
        return []
    paragraphs = _paragraphs(analysis, text)
    qspans = _pair_marks(text, paragraphs)
    sentences = _sentences(text, paragraphs, qspans)
    state = _state(text, analysis, doc)

    quotes: list[Quote] = []
    qi = 0
    for s_start, s_end in sentences:
        in_sentence: list[_QSpan] = []
        while qi < len(qspans) and qspans[qi].open < s_end:
            if qspans[qi].open >= s_start:
                in_sentence.append(qspans[qi])
            qi += 1
        found = False
        for k, qs in enumerate(in_sentence):
            nxt = in_sentence[k + 1].open if k + 1 < len(in_sentence) else s_end
            quote = _direct_or_mixed(state, qs, s_start, s_end, nxt, sentences, doc)
            if quote is not None:
                quotes.append(quote)
                found = True
                _remember(state, quote)
        if not found:
            quote = _indirect(state, s_start, s_end, doc)
            if quote is not None:
                quotes.append(quote)
                _remember(state, quote)
                found = quote.speaker is not None
        if not found:
            _track_subject(state, s_start, s_end)
    return quotes


# --------------------------------------------------------------------------- layout


def _paragraphs(analysis: Analysis, text: str) -> list[tuple[int, int]]:
    if analysis.article.paragraphs:
        return [(p.start, p.end) for p in analysis.article.paragraphs]
    spans, pos = [], 0
    for m in _PARA_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _pair_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[_QSpan]:
    """Pair quotation marks; an open quotation may continue into the next paragraph."""
    out: list[_QSpan] = []
    carried: int | None = None  # open mark carried over from the previous paragraph
    for pi, (p_start, p_end) in enumerate(paragraphs):
        marks = [(m.start(), m.group()) for m in _MARKS_RE.finditer(text, p_start, p_end)]
        open_at = carried
        carried_in = carried
        # The continuation paragraph normally repeats the opening mark: skip it.
        lead = _skip_space(text, p_start, p_end)
        skip_at = lead if carried is not None and text[lead : lead + 1] in (*_OPEN, '"') else -1
        carried = None
        # With an odd number of straight marks, one is unpaired: a closing-looking first
        # mark ('siapa?" terang dia.') closes a quotation opened before the paragraph.
        odd = carried_in is None and sum(1 for _, c in marks if c == '"') % 2 == 1
        for pos, ch in marks:
            if pos == skip_at:
                continue
            if open_at is None:
                if ch in _CLOSE or (ch == '"' and odd and _closer_like(text, pos, p_start, p_end)):
                    # A stray closing mark: the quotation began at the paragraph start.
                    if _cue_after(text, pos + 1, p_end):
                        s = _skip_space(text, p_start, pos)
                        out.append(_QSpan(s, s, pos, pos, balanced=False))
                    continue
                open_at = pos
            else:
                if ch in _OPEN:
                    continue  # nested or doubled opening mark inside a quotation
                out.append(_QSpan(open_at, open_at + 1, pos, pos))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            nxt_text = text[nxt[0] : nxt[1]].lstrip() if nxt else ""
            if nxt_text and nxt_text[0] in _OPEN + '"' and _continues(text, open_at, p_end):
                carried = open_at
                continue
            # Unbalanced: close at the first speech cue after a comma, else at the end.
            end = _unbalanced_end(text, open_at + 1, p_end)
            out.append(_QSpan(open_at, open_at + 1, end, None, balanced=False))
    out.sort(key=lambda q: q.open)
    return [q for q in out if q.inner_end > q.inner_start]


def _closer_like(text: str, pos: int, p_start: int, p_end: int) -> bool:
    """A straight mark glued to the word before it and followed by a space or the end."""
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + 1] if pos + 1 < p_end else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def _continues(text: str, open_at: int, p_end: int) -> bool:
    """Whether a quotation left open at a paragraph end runs on into the next one.

    Not when a cue already follows it in its paragraph ("…, kata Budi." with the closing
    mark forgotten): then it is an unbalanced quotation that ends there.
    """
    return _unbalanced_end(text, open_at + 1, p_end, cue_only=True) is None


def _unbalanced_end(text: str, start: int, p_end: int, cue_only: bool = False) -> int | None:
    for m in _CUE_AFTER_PUNCT_RE.finditer(text, start, p_end):
        word = m.group(1).lower()
        base = word.removesuffix("nya")
        if base in BARE_CUES:
            return m.start() + 1
    if cue_only:
        return None
    end = p_end
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _cue_after(text: str, pos: int, limit: int) -> bool:
    m = re.match(r"\s*(\w+)", text[pos:limit])
    if not m:
        return False
    w = m.group(1).lower()
    return w in BARE_CUES or (w.endswith("nya") and w[:-3] in BARE_CUES)


def _skip_space(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _sentences(
    text: str, paragraphs: list[tuple[int, int]], qspans: list[_QSpan]
) -> list[tuple[int, int]]:
    """Split paragraphs into sentences, never inside a quotation."""
    inside = [(q.open, (q.close if q.close is not None else q.inner_end)) for q in qspans]
    starts = [a for a, _ in inside]

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and inside[i][0] < pos < inside[i][1]

    # Paragraphs joined by a quotation that runs over them form one block.
    blocks: list[list[int]] = []
    for p_start, p_end in paragraphs:
        if blocks and in_quote(p_start):
            blocks[-1][1] = p_end
        else:
            blocks.append([p_start, p_end])
    out: list[tuple[int, int]] = []
    for b_start, b_end in blocks:
        pos = _skip_space(text, b_start, b_end)
        for m in _SENT_END_RE.finditer(text, b_start, b_end):
            if in_quote(m.start()):
                continue
            before = re.search(r"(\w+)$", text[pos : m.start()])
            if (
                m.group().startswith(".")
                and before
                and (before.group(1).lower() in _ABBREV or len(before.group(1)) == 1)
            ):
                continue
            if m.end() > pos:
                out.append((pos, m.end()))
            pos = _skip_space(text, m.end(), b_end)
        end = b_end
        while end > pos and text[end - 1].isspace():
            end -= 1
        if end > pos:
            out.append((pos, end))
    return out


# --------------------------------------------------------------------------- entities


def _state(text: str, analysis: Analysis, doc: Any) -> _State:
    mentions: list[tuple[int, int, Entity | None, str]] = []
    for ent in analysis.entities:
        for m in ent.mentions:
            mentions.append((m.start, m.end, ent, ent.type))
    if not mentions and doc is not None:
        for span in getattr(doc, "ents", ()):
            label = {"PERSON": "PER", "ORGANIZATION": "ORG", "PLACE": "LOC"}.get(
                span.label_, span.label_
            )
            mentions.append((span.start_char, span.end_char, None, label))
    mentions.sort(key=lambda m: (m[0], -m[1]))
    return _State(
        text=text,
        mentions=mentions,
        mention_starts=[m[0] for m in mentions],
        entities_by_id={e.id: e for e in analysis.entities},
    )


def _mentions_in(state: _State, start: int, end: int) -> list[tuple[int, int, Entity | None, str]]:
    i = bisect.bisect_left(state.mention_starts, start)
    # Step back over mentions that begin before ``start`` but reach into the span.
    j = i
    while j > 0 and state.mentions[j - 1][1] > start:
        j -= 1
    out = []
    for m in state.mentions[j:]:
        if m[0] >= end:
            break
        if m[1] > start:
            out.append(m)
    return out


def _speaker_from_span(state: _State, start: int, end: int) -> Speaker | None:
    """A speaker for the noun phrase at ``start:end``.

    The personal name in the phrase ("Retno Marsudi" in "Menteri Luar Negeri Retno
    Marsudi") is mapped to the entity mention that covers it; a phrase with no personal
    name falls back to an organisation or country mention ("BNPB", "Pemerintah Rusia").
    A name no mention covers is kept as text (``entity_id`` None) rather than given to a
    neighbouring entity.
    """
    text = state.text
    if end <= start:
        return None
    first = re.match(r"[\w'’\-.]+", text[start:end])
    if (
        first
        and not first.group()[0].isupper()
        and first.group().lower() not in TITLE_WORDS
        and "," not in text[start:end]
    ):
        return None  # a description ("pengemudi Pajero", "sang perekam"), not a name
    ms = [m for m in _mentions_in(state, start, end) if m[3] in _SPEAKER_TYPES]
    name = _name_in(text, start, end)
    if name is not None:
        over = [m for m in ms if m[0] < name[1] and m[1] > name[0]]
        if over:
            # A person first; else the widest mention ("Pemerintah Rusia" over "Rusia").
            m = next((m for m in over if m[3] == "PER"), None) or max(
                over, key=lambda m: m[1] - m[0]
            )
            return Speaker(m[2].id if m[2] else None, text[m[0] : m[1]], m[0], m[1])
        return Speaker(None, text[name[0] : name[1]], name[0], name[1])
    if not ms and state.entities_by_id:
        # A bare title ("Presiden mengatakan …"): the one person the article gives it to.
        words = {w.lower() for w in re.findall(r"[\w\-]+", text[start:end])}
        # A multi-word title matches the whole phrase; a short form ("Menaker") its title.
        forms = words | {" ".join(text[start:end].lower().split())}
        forms |= {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}
        holders = [
            e
            for e in state.entities_by_id.values()
            if e.type == "PER" and any(r.title and r.title.lower() in forms for r in e.roles)
        ]
        if len(holders) == 1:
            e = holders[0]
            return Speaker(e.id, text[start:end], start, end)
    orgs = [m for m in ms if m[3] != "LOC"] or ms
    if orgs:
        m = max(orgs, key=lambda m: m[1] - m[0])
        return Speaker(m[2].id if m[2] else None, text[m[0] : m[1]], m[0], m[1])
    return None


def _name_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The personal name at the end of a noun phrase ("Menteri Luar Negeri Retno Marsudi").

    Only used when no entity annotation covers the phrase: trailing capitalised words that
    are neither title words nor acronyms, at most three of them.
    """
    toks = [
        (m.start() + start, m.end() + start, m.group())
        for m in re.finditer(r"[\w'’\-]+(?:\.[\w'’\-]+)*", text[start:end])
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
    name: list[tuple[int, int, str]] = []
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
    if not name:
        caps = [t for t in toks if t[2][0].isupper() and t[2].lower() not in TITLE_WORDS]
        if not caps:
            return None  # a description ("warga setempat", "Pihak kuasa hukum"), not a name
        name = [caps[-1]]
    return name[0][0], name[-1][1]


def _antecedent(state: _State, pos: int, prefer_speaker: bool = False) -> Speaker | None:
    """The most recent plausible person before ``pos``: last speaker or last subject."""
    if prefer_speaker and state.last_speaker is not None and pos - state.last_speaker_pos < 1500:
        sp = state.last_speaker
        return Speaker(sp.entity_id, sp.text, sp.start, sp.end)
    cands = []
    if state.last_speaker is not None:
        cands.append((state.last_speaker_pos, state.last_speaker))
    if state.last_subject is not None:
        cands.append((state.last_subject_pos, state.last_subject))
    if cands:
        cands.sort(key=lambda c: c[0])
        sp = cands[-1][1]
        return Speaker(sp.entity_id, sp.text, sp.start, sp.end)
    # No running speaker: the nearest person mention before ``pos``.
    before = [m for m in _mentions_in(state, 0, pos) if m[3] == "PER" and m[1] <= pos]
    if before:
        m = before[-1]
        return Speaker(m[2].id if m[2] else None, state.text[m[0] : m[1]], m[0], m[1])
    return None


def _remember(state: _State, quote: Quote) -> None:
    if quote.speaker is not None:
        state.last_speaker = quote.speaker
        state.last_speaker_pos = quote.start


def _only_title_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only titles and names ("Kapolres Tasikmalaya AKBP")."""
    for w in re.findall(r"[\w'’\-]+", text[start:end]):
        if not (w[0].isupper() or w.lower() in TITLE_WORDS):
            return False
    return True


def _track_subject(state: _State, s_start: int, s_end: int) -> None:
    """Remember a person who opens a sentence: "Ia ..." in the next one may mean them.

    Only sentences without quotation marks count, and only a person named at the start
    (after an introductory phrase): names inside quotations or objects are not subjects.
    """
    if _MARKS_RE.search(state.text, s_start, s_end):
        return
    head = _subject_region(state.text, s_start, s_end)[0]
    head = _skip_space(state.text, head, s_end)
    # "… dikonfirmasi oleh Kombes Rizki Agung Prakoso": the agent is who we read about.
    for m in _OLEH_RE.finditer(state.text, head, s_end):
        for mm in _mentions_in(state, m.end(), min(s_end, m.end() + 60)):
            if mm[3] == "PER" and _only_title_words(state.text, m.end(), mm[0]):
                state.last_subject = Speaker(
                    mm[2].id if mm[2] else None, state.text[mm[0] : mm[1]], mm[0], mm[1]
                )
                state.last_subject_pos = mm[0]
                return
    if not state.mentions:
        # No entities: a name opening the sentence ("Budi Santoso tiba di …"), found as a
        # title-led or multi-word capitalised run.
        toks = _tokens(state.text, head, min(s_end, head + 80))
        run = []
        for s, e, w in toks:
            if not w[0].isupper() or w.lower() in _DAYS:
                break
            run.append((s, e, w))
        if (
            run
            and run[0][2].lower() not in _INTRO_WORDS
            and (len(run) >= 2 or run[0][2].lower() in TITLE_WORDS)
        ):
            name = _name_in(state.text, run[0][0], run[-1][1])
            if name is not None and name[1] - name[0] > 2:
                state.last_subject = Speaker(None, state.text[name[0] : name[1]], name[0], name[1])
                state.last_subject_pos = name[0]
        return
    for m in _mentions_in(state, head, min(s_end, head + 60)):
        if m[3] == "PER" and _only_title_words(state.text, head, m[0]):
            state.last_subject = Speaker(
                m[2].id if m[2] else None, state.text[m[0] : m[1]], m[0], m[1]
            )
            state.last_subject_pos = m[0]
            return


# --------------------------------------------------------------------------- noun phrases


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (m.start() + start, m.end() + start, m.group()) for m in _WORD_RE.finditer(text[start:end])
    ]


def _np_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The speaker noun phrase right after a cue: "kata Menteri Luar Negeri Retno Marsudi"."""
    toks = _tokens(text, pos, min(limit, pos + 160))
    got: list[tuple[int, int, str]] = []
    only_titles = True
    i = 0
    depth = 0
    while i < len(toks):
        w = toks[i][2]
        lw = w.lower()
        if w == "(":
            depth += 1
            got.append(toks[i])
            i += 1
            continue
        if w == ")":
            depth = max(0, depth - 1)
            got.append(toks[i])
            i += 1
            continue
        if depth:
            got.append(toks[i])
            i += 1
            continue
        if w == ",":
            # "kata kuasa hukum Lisa, Jhony Boy Nababan", "kata Kasi Intel Kejari Cilegon,
            # Nasruddin": an appositive name after a role.
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                got
                and nxt
                and (nxt[2][0].isupper() or nxt[2] == "dan")
                and nxt[2].lower() not in _DAYS
                and (
                    not got[0][2][0].isupper()
                    or only_titles
                    or got[0][2].lower().strip(".") in TITLE_WORDS
                )
            ):
                got.append(toks[i])
                i += 1
                only_titles = False
                continue
            break
        if lw == "dan" and got and (got[-1][2][0].isupper() or got[-1][2] == ","):
            # "Kepala Satuan Tugas Koordinasi dan Supervisi KPK": a conjoined title.
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt and nxt[2][0].isupper():
                got.append(toks[i])
                i += 1
                continue
            break
        if w in ".;:!?":
            break
        if lw in _DAYS and got:
            break
        if w[0].isupper() or w[0].isdigit() and got:
            got.append(toks[i])
            if lw not in TITLE_WORDS:
                only_titles = False
        elif lw in NP_STOP:
            break
        elif lw in TITLE_WORDS or (lw in PRONOUNS and not got):
            got.append(toks[i])
            if lw in PRONOUNS:
                break
        elif not got and lw not in NP_STOP:
            # Lower-case role words before a name ("warga setempat", "sang perekam").
            got.append(toks[i])
        elif got and not got[-1][2][0].isupper():
            got.append(toks[i])
        else:
            break
        i += 1
        if len(got) > 14:
            break
    while got and got[-1][2] in ",(":
        got.pop()
    if not got:
        return None
    end = got[-1][1]
    # The word pattern keeps dots inside abbreviations; a final one ends the sentence.
    if text[end - 1] == "." and got[-1][2].count(".") == 1:
        end -= 1
    return got[0][0], end


def _np_speaker(
    state: _State, np: tuple[int, int] | None, cue_pos: int
) -> tuple[Speaker | None, str | None]:
    """(speaker, outlet) for the noun phrase named at a cue.

    A pronoun or an anaphoric description ("pria kelahiran Jawa Tengah ini") points back
    to the running speaker; an outlet is returned as the second item (a relay, never a
    speaker); a description without a name ("pengemudi Pajero") gives no speaker.
    """
    text = state.text
    if np is None:
        return _antecedent(state, cue_pos), None
    name = text[np[0] : np[1]]
    first = name.split()[0].lower()
    if first in PRONOUNS:
        return _antecedent(state, cue_pos), None
    if _is_outlet(name):
        return None, name
    if _ANAPHORIC_TAIL_RE.match(text, np[1], min(len(text), np[1] + 60)):
        return _antecedent(state, cue_pos), None  # "ungkap Gubernur asal Buleleng itu"
    return _speaker_from_span(state, np[0], np[1]), None


def _subject_region(text: str, s_start: int, verb_start: int) -> tuple[int, int]:
    """The subject of a speech verb: the sentence start up to the verb, minus an intro."""
    region = text[s_start:verb_start]
    first = re.match(r"\s*(\w+)", region)
    if first and first.group(1).lower() in _INTRO_WORDS:
        comma = region.find(",")
        if comma != -1:
            return s_start + comma + 1, verb_start
    return s_start, verb_start


def _speaker_in_subject(
    state: _State,
    start: int,
    end: int,
    doc: Any,
    verb: tuple[int, int] | None,
    first: bool = False,
) -> Speaker | None:
    text = state.text
    toks = _tokens(text, start, end)
    if toks and toks[-1][2].lower() in ("ini", "itu", "tersebut"):
        # "Mantan Gubernur Jakarta itu mengatakan …" points back to a person;
        # "Situasi ini menegaskan …" is no speaker at all.
        if any(t[2].lower() in TITLE_WORDS or t[2].lower() in _PERSON_NOUNS for t in toks[:-1]):
            return _antecedent(state, toks[-1][0])
        return None
    if not toks:
        return None
    found = _subject_head(state, toks, start, end, first)
    if found is None and doc is not None and verb is not None:
        # The grammar found no head: ask the parse for the verb's subject.
        region = _doc_subject(doc, verb)
        if region is not None and region[0] >= start - 1:
            found = _subject_head(state, _tokens(text, *region), *region)
    return found


def _subject_head(
    state: _State, toks: list[tuple[int, int, str]], start: int, end: int, first: bool = False
) -> Speaker | None:
    text = state.text
    if not toks:
        return None
    lead = toks[:3] + ([toks[-1]] if toks[-1][2].lower() in PRONOUNS else [])
    for s, _e, w in lead:
        lw = w.lower()
        if lw in PRONOUNS:
            return _antecedent(state, s)
        if lw.endswith("nya") and lw[:-3] in ("menurut",):
            return _antecedent(state, s)
    # The head: the capitalised run next to the verb, or, with an apposition
    # ("Yuri Ushakov, seorang ajudan Kremlin, mengatakan"), the run before it.
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    appo_at = None
    named_at = None
    for k, (s, e, w) in enumerate(toks):
        lw = w.lower()
        if (
            lw in ("seorang", "yang", "selaku", "sebagai")
            and appo_at is None
            and runs + [cur] != [[]]
        ):
            appo_at = len(runs) + (1 if cur else 0)
        if lw in ("bernama", "berinisial") and named_at is None:
            named_at = len(runs) + (1 if cur else 0)  # "seorang warga … bernama Massimo"
        if (
            w[0].isupper()
            and lw not in _DAYS
            and not (k == 0 and lw in _INTRO_WORDS)
            or cur
            and w == "("
        ):
            cur.append((s, e, w))
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    if not runs:
        ms = [m for m in _mentions_in(state, start, end) if m[3] in _SPEAKER_TYPES]
        m = next((m for m in ms if m[3] == "PER"), ms[0] if ms else None)
        return Speaker(m[2].id if m[2] else None, text[m[0] : m[1]], m[0], m[1]) if m else None
    if named_at is not None and named_at < len(runs):
        run = runs[named_at]
    elif first:
        run = runs[0]
    else:
        run = runs[appo_at - 1] if appo_at else runs[-1]
    return _speaker_from_span(state, run[0][0], run[-1][1])


def _doc_subject(doc: Any, verb: tuple[int, int]) -> tuple[int, int] | None:
    try:
        span = doc.char_span(verb[0], verb[1], alignment_mode="expand")
    except Exception:  # noqa: BLE001 - a Doc over other text: fall back to the grammar
        return None
    if span is None or len(span) == 0:
        return None
    for child in span.root.children:
        if child.dep_.startswith("nsubj"):
            sub = list(child.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1].text)
    return None


def _is_outlet(name: str) -> bool:
    low = name.lower().strip(" .,")
    return low in OUTLETS or any(h in f" {low} " for h in OUTLET_HINTS)


def _via(text: str, start: int, end: int) -> str | None:
    """An outlet the sentence says the words were relayed through."""
    for m in _RELAY_RE.finditer(text, start, end):
        np = _np_after(text, m.end(), end)
        if np is None:
            continue
        name = text[np[0] : np[1]]
        if not name[0].isupper():
            continue
        if m.group().lower().startswith("menurut") and not _is_outlet(name):
            continue
        return name
    return None


# --------------------------------------------------------------------------- direct


def _cue_word(w: str) -> tuple[str, bool] | None:
    """(base cue, has -nya) for a cue word, else None."""
    lw = w.lower()
    if lw in BARE_CUES or lw in MEN_CUES:
        return lw, False
    if lw.endswith("nya") and (lw[:-3] in BARE_CUES or lw[:-3] in MEN_CUES):
        return lw[:-3], True
    if lw.endswith("ya") and lw[:-2] + "nya" != lw and lw[:-2] in BARE_CUES:
        return lw[:-2], True  # common typo: "sambungya"
    return None


def _post_cue(state: _State, after: int, limit: int) -> tuple[str, Speaker | None, int] | None:
    """A cue right after a closing mark: '," kata Putin' / '," ujarnya' / '," Putin menambahkan'."""
    text = state.text
    toks = _tokens(text, after, min(limit, after + 200))
    k = 0
    while k < len(toks) and toks[k][2] in ",":
        k += 1
    if k < len(toks) and toks[k][2].lower() in ("demikian", "begitu"):
        k += 1
    if k >= len(toks):
        return None
    s, e, w = toks[k]
    cue = _cue_word(w)
    if cue is not None and (cue[0] in BARE_CUES or cue[1] or cue[0] in MEN_CUES):
        if cue[0] == "menurut":
            return None
        while (
            k + 1 < len(toks) and _cue_word(toks[k + 1][2]) and toks[k + 1][2].lower() in BARE_CUES
        ):
            k += 1  # "ujar ungkap Yuwono": a doubled cue
            e = toks[k][1]
        np = _np_after(text, e, limit)
        if cue[1]:
            # "ujarnya Ma'mun": a name right after the -nya form wins over the antecedent.
            if np is not None and text[np[0]].isupper() and np[0] - e <= 2:
                return w, _np_speaker(state, np, s)[0], s
            # '"…," ujarnya' continues the running speaker, even when another person was
            # the subject of the sentence in between ("Saat ini AR masih diperiksa.").
            return w, _antecedent(state, s, prefer_speaker=True), s
        if np is None and cue[0] not in BARE_CUES:
            return None
        speaker, outlet = _np_speaker(state, np, s)
        if outlet is not None:
            return None
        return w, speaker, s
    if w.lower() == "menurut":
        return None
    # English order: '," Putin menambahkan.'
    if w[0].isupper():
        np = _np_after(text, s, limit)
        if np is not None:
            rest = _tokens(text, np[1], min(limit, np[1] + 40))
            if rest and _cue_word(rest[0][2]) and rest[0][2].lower() in MEN_CUES:
                return rest[0][2], _np_speaker(state, np, s)[0], rest[0][0]
    return None


def _pre_cue(
    state: _State, s_start: int, open_at: int, doc: Any
) -> tuple[str, Speaker | None] | None:
    """A cue ending right before an opening mark: 'Psaki mengatakan bahwa "…'."""
    text = state.text
    toks = _tokens(text, s_start, open_at)
    if not toks:
        return None
    k = len(toks) - 1
    tail_ok = False
    while k >= 0 and toks[k][2] in (",", ":"):
        k -= 1
        tail_ok = True
    if k >= 0 and toks[k][2].lower() == "bahwa":
        k -= 1
        tail_ok = True
    for j in range(k, max(-1, k - 9), -1):
        w = toks[j][2]
        cue = _cue_word(w)
        if cue is None:
            if w in ".!?":
                return None
            continue
        if j != k and not tail_ok:
            return None  # words between the cue and the quotation: a mixed quotation
        if j > 0 and toks[j - 1][2].lower() in ("yang", "untuk"):
            return None
        if cue[1]:
            # "Siti menjawab singkat, ujarnya: "…"": -nya is the subject of this sentence.
            if j > 1:
                sub = _subject_region(text, s_start, toks[j][0])
                head = _speaker_in_subject(state, sub[0], sub[1], None, None)
                if head is not None:
                    return w, head
            return w, _antecedent(state, toks[j][0])
        if cue[0] == "menurut" or cue[0] in BARE_CUES and cue[0] not in MEN_CUES:
            np = _np_after(text, toks[j][1], open_at)
            speaker, outlet = _np_speaker(state, np, toks[j][0])
            if outlet is not None:
                return None
            return w, speaker
        sub = _subject_region(text, s_start, toks[j][0])
        return w, _speaker_in_subject(state, sub[0], sub[1], doc, (toks[j][0], toks[j][1]))
    return None


def _direct_or_mixed(
    state: _State,
    qs: _QSpan,
    s_start: int,
    s_end: int,
    next_open: int,
    sentences: list[tuple[int, int]],
    doc: Any,
) -> Quote | None:
    text = state.text
    inner_s, inner_e = qs.inner_start, qs.inner_end
    # Trim spaces just inside the marks.
    while inner_s < inner_e and text[inner_s].isspace():
        inner_s += 1
    while inner_e > inner_s and text[inner_e - 1].isspace():
        inner_e -= 1
    if inner_e <= inner_s:
        return None
    words = len(text[inner_s:inner_e].split())
    after = (qs.close + 1) if qs.close is not None else inner_e
    penalty = 0.0 if qs.balanced else _CONF["unbalanced_penalty"]
    via = _via(text, s_start, s_end)

    post = _post_cue(state, after, min(next_open, s_end))
    if post is not None:
        cue, speaker, _ = post
        conf = _CONF["nya"] if cue.lower().endswith("nya") else _CONF["post_cue"]
        return _quote(
            "direct", text, inner_s, inner_e, speaker, cue, via, conf - penalty, state=state
        )

    pre_text = text[s_start : qs.open]
    if not pre_text.strip():
        # The quotation opens the sentence with no cue after it.
        speaker, how = _continuation_speaker(state, qs, s_end, sentences)
        conf = _CONF["continuation"] if how != "passive" else _CONF["pre_cue"]
        if words < 3 and speaker is None:
            return None
        return _quote(
            "direct", text, inner_s, inner_e, speaker, None, via, conf - penalty, state=state
        )

    pre = _pre_cue(state, s_start, qs.open, doc)
    if pre is not None:
        cue, speaker = pre
        return _quote(
            "direct",
            text,
            inner_s,
            inner_e,
            speaker,
            cue,
            via,
            _CONF["pre_cue"] - penalty,
            state=state,
        )

    # A quoted phrase inside a sentence: mixed when a speech verb governs the sentence.
    before_words = re.findall(r"\w+", pre_text.lower())
    if before_words and (
        before_words[-1] in TERM_MARKERS
        or (len(before_words) > 1 and before_words[-2] in TERM_MARKERS)
    ):
        return None
    phrase = text[inner_s:inner_e]
    if phrase[-1] not in ".!?," and all(
        w[:1].isupper() or not w[:1].isalpha() for w in phrase.split()
    ):
        return None  # a name or title in quotes ("AUKUS", "Tata Tentrem Kerta Raharja")
    cue_hit = _sentence_cue(state, s_start, qs.open, doc)
    if cue_hit is None:
        return None
    cue, speaker = cue_hit
    return _quote(
        "mixed", text, inner_s, inner_e, speaker, cue, via, _CONF["mixed"] - penalty, state=state
    )


def _sentence_cue(
    state: _State, s_start: int, open_at: int, doc: Any
) -> tuple[str, Speaker | None] | None:
    text = state.text
    toks = _tokens(text, s_start, open_at)
    for s, e, w in toks:
        cue = _cue_word(w)
        if cue is None or cue[0] not in MEN_CUES and cue[0] != "menurut":
            continue
        if cue[0] == "menurut":
            if cue[1]:
                return w, _antecedent(state, s)
            np = _np_after(text, e, open_at)
            if np is None:
                continue
            speaker, outlet = _np_speaker(state, np, s)
            if outlet is not None:
                continue
            return w, speaker
        sub = _subject_region(text, s_start, s)
        # "Rudd … mengkritik Trump …, menyebutnya sebagai "…"": after a comma the verb
        # heads a participle clause whose subject is the sentence's first name.
        participle = text[:s].rstrip().endswith(",") and w.lower().endswith("nya")
        return w, _speaker_in_subject(state, sub[0], sub[1], doc, (s, e), first=participle)
    return None


def _continuation_speaker(
    state: _State, qs: _QSpan, s_end: int, sentences: list[tuple[int, int]]
) -> tuple[Speaker | None, str]:
    """Speaker of a cue-less quotation opening a sentence."""
    text = state.text
    # "Hal itu disampaikan oleh X" in the next sentence names the speaker.
    i = bisect.bisect_left(sentences, (s_end, s_end))
    if i < len(sentences):
        n_start, n_end = sentences[i]
        m = _PASSIVE_ATTRIB_RE.match(text, n_start, n_end)
        if m:
            np = _np_after(text, m.end(), n_end)
            if np is not None:
                return _np_speaker(state, np, m.end())[0], "passive"
    # The previous sentence ended with a colon after a cue: its speaker.
    if state.last_speaker is not None and qs.open - state.last_speaker_pos < 1500:
        sp = state.last_speaker
        return Speaker(sp.entity_id, sp.text, sp.start, sp.end), "continuation"
    return None, "none"


def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w'’]+", name.casefold()) if len(w) > 1)


def _link_speaker(state: _State, speaker: Speaker) -> Speaker:
    """Point a speaker at the fullest entity naming the same person.

    "kata Zainal" may be resolved to an entity called "Zainal" while the article also
    has "Iptu Zainal Abidin": when exactly one other person entity's name contains all
    the words of this one, the speaker is that person. A speaker with no entity is
    linked the same way from its text. The speaker's text and offsets stay at the cue.
    """
    if not state.entities_by_id:
        return speaker
    ent = state.entities_by_id.get(speaker.entity_id) if speaker.entity_id else None
    if ent is not None and ent.type != "PER":
        return speaker
    words = _name_tokens(ent.name if ent is not None else speaker.text)
    if not words:
        return speaker
    fuller = [
        e
        for e in state.entities_by_id.values()
        if e.type == "PER" and e is not ent and words < _name_tokens(e.name)
    ]
    if ent is None:
        fuller += [
            e
            for e in state.entities_by_id.values()
            if e.type in _SPEAKER_TYPES and _name_tokens(e.name) == words
        ]
    if len({e.id for e in fuller}) == 1:
        speaker.entity_id = fuller[0].id
    return speaker


def _quote(
    kind: str,
    text: str,
    start: int,
    end: int,
    speaker: Speaker | None,
    cue: str | None,
    via: str | None,
    conf: float,
    state: _State | None = None,
) -> Quote:
    # Drop the speaker's trailing punctuation that the noun-phrase grammar may keep.
    if speaker is not None and state is not None:
        speaker = _link_speaker(state, speaker)
    if speaker is not None and speaker.start is not None and speaker.end is not None:
        while speaker.end > speaker.start and text[speaker.end - 1] in ",.;:":
            speaker.end -= 1
        speaker.text = text[speaker.start : speaker.end]
    return Quote(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        speaker=speaker,
        cue=cue,
        via=via,
        confidence=round(max(0.05, min(1.0, conf)), 2),
    )


# --------------------------------------------------------------------------- indirect


def _indirect(state: _State, s_start: int, s_end: int, doc: Any) -> Quote | None:
    text = state.text
    sent = text[s_start:s_end]
    if len(sent.split()) < 4:
        return None
    via = _via(text, s_start, s_end)
    end = s_end
    while end > s_start and text[end - 1] in '.!?… "”':
        end -= 1

    # "Hal senada disampaikan X." names the running speaker but quotes nothing itself.
    m = _ATTRIB_SENT_RE.match(sent)
    if m:
        np = _np_after(text, s_start + m.end(), s_end)
        if np is not None:
            speaker = _np_speaker(state, np, s_start + m.end())[0]
            if speaker is not None:
                state.last_speaker, state.last_speaker_pos = speaker, s_start
        return None

    # "Diungkapkan, …" / "Lebih lanjut dijelaskan, …": the running speaker's words.
    m = _PASSIVE_OPEN_RE.match(sent)
    if m:
        content = _skip_space(text, s_start + m.end(), end)
        speaker = _antecedent(state, s_start)
        if speaker is not None and len(text[content:end].split()) >= 3:
            return _quote(
                "indirect",
                text,
                content,
                end,
                speaker,
                m.group(1),
                via,
                _CONF["indirect"] - 0.1,
                state=state,
            )

    # "Menurut X, …", "Menurut X …", "Kata X, …", "Lanjut X, …" (possibly after an intro).
    m = _OPEN_CUE_RE.match(sent)
    # Only "menurut" follows an intro ("Hal itu, menurut Dian, …"); "X, kata Y, …" is
    # the parenthetical case below.
    if m and (m.group(1).lower() == "menurut" or not sent[: m.start(1)].strip()):
        quote = _open_cue(state, m, s_start, s_end, end, via)
        if quote is not None:
            return quote

    # "Polres Sekadau, kata Zainal, mengingatkan …": a cue in parentheses mid-sentence.
    m = _PAREN_CUE_RE.search(sent)
    if m and s_start + m.end() < end:
        np = _np_after(text, s_start + m.start(2), s_start + m.end())
        cue_pos = s_start + m.start(1)
        speaker, outlet = _np_speaker(state, np, cue_pos)
        if outlet is not None:
            speaker, via = None, outlet
        if speaker is not None or outlet is not None:
            start = _skip_space(text, s_start, end)
            return _quote(
                "indirect",
                text,
                start,
                end,
                speaker,
                m.group(1),
                via,
                _CONF["indirect"],
                state=state,
            )

    # "…, kata X." / "…, ujarnya." / "…, menurut X." at the sentence end.
    tail = re.search(r",\s*(\w+)\b([^,]{0,80}?)[.!?]?\s*$", sent)
    if tail:
        cue = _cue_word(tail.group(1))
        if cue is not None and (cue[0] in BARE_CUES or cue[0] == "menurut"):
            c_start = s_start + tail.start()
            cue_pos = s_start + tail.start(1)
            speaker: Speaker | None
            if cue[1]:
                speaker = _antecedent(state, cue_pos)
            else:
                np = _np_after(text, s_start + tail.end(1), s_end)
                speaker, outlet = _np_speaker(state, np, cue_pos)
                if outlet is not None:
                    speaker, via = None, outlet
            sub = _subject_region(text, s_start, c_start)
            if len(text[sub[0] : c_start].split()) >= 3:
                start = _skip_space(text, sub[0], c_start)
                return _quote(
                    "indirect",
                    text,
                    start,
                    c_start,
                    speaker,
                    tail.group(1),
                    via,
                    _CONF["indirect"],
                    state=state,
                )

    # "Musk juga disebut Trump berada di masa kelam …": a passive with its agent.
    m = _PASSIVE_AGENT_RE.match(sent)
    if m and m.group(2).lower() not in NP_STOP:
        speaker = _speaker_from_span(state, s_start + m.start(1), s_start + m.end(1))
        content = s_start + m.start(2)
        if speaker is not None and len(text[content:end].split()) >= 3:
            return _quote(
                "indirect",
                text,
                content,
                end,
                speaker,
                "disebut",
                via,
                _CONF["indirect"],
                state=state,
            )

    # "X (adverbials) mengatakan (kepada …) (bahwa) …"
    toks = _tokens(text, s_start, s_end)
    for j, (s, e, w) in enumerate(toks[:25]):
        lw = w.lower()
        if lw not in MEN_CUES:
            continue
        if j == 0 or toks[j - 1][2].lower() in _NOT_REPORT_BEFORE:
            continue
        if any(t[2].lower() in _NEGATIONS for t in toks[max(0, j - 3) : j]):
            return None  # "tidak pernah menyebut": a denial is not a report of the words
        if any(t[2] in ('"', "“", "”") for t in toks[:j]):
            return None
        rest_start = e
        after = text[rest_start:end]
        b = re.match(r"\s*(?:[^,.\"“”]{0,70}?\s)?bahwa\s+", after)
        weak_ok = False
        if b:
            content = rest_start + b.end()
            weak_ok = True
        else:
            first = re.match(r"\s*(\w+)", after)
            c = after.find(",")
            if first and first.group(1).lower() in _ADJUNCT_START and 0 <= c < 90:
                content = rest_start + c + 1
                weak_ok = True
            elif re.match(r"\s*[,:]", after):
                content = rest_start + after.index(after.lstrip()[0]) + 1
                weak_ok = True
            else:
                content = rest_start
        sub = _subject_region(text, s_start, s)
        speaker = _speaker_in_subject(state, sub[0], sub[1], doc, (s, e))
        if lw in WEAK_MEN_CUES and not weak_ok and lw not in _DIRECTIVES:
            # "memastikan pihaknya …", "menyampaikan pemerintah akan …": a clause follows.
            nxt = re.match(r"\s*([\w\-]+)", after)
            weak_ok = bool(nxt) and nxt.group(1).lower() in _CLAUSE_OPENERS
        if lw in WEAK_MEN_CUES and not weak_ok:
            # Not a report ("menyampaikan apresiasi"), but its subject is who we are
            # reading about: "Menurutnya, …" in the next sentence may point back to it.
            if speaker is not None and state.last_speaker is None:
                state.last_subject, state.last_subject_pos = speaker, s
            return None
        content = _skip_space(text, content, end)
        if len(text[content:end].split()) < 3:
            return None
        if not weak_ok and text[content:end].split()[0].lower() in _NOT_REPORT_OBJECTS:
            return None  # "menyatakan dukungan terhadap …" reports a stance, not words
        if speaker is None:
            # "Pihak kuasa hukum mengatakan …": reported speech by someone unnamed keeps a
            # null speaker; a longer subject is more likely not a speaker at all, and a
            # demonstrative one ("Situasi ini menegaskan …") is a thing, not a person.
            subject = text[sub[0] : s].split()
            if (
                not subject
                or len(subject) > 4
                or lw in WEAK_MEN_CUES
                or not any(w[:1].isalpha() for w in subject)
                or subject[-1].lower() in ("ini", "itu", "tersebut")
            ):
                return None
        return _quote(
            "indirect", text, content, end, speaker, w, via, _CONF["indirect"], state=state
        )
    return None


def _open_cue(
    state: _State, m: re.Match[str], s_start: int, s_end: int, end: int, via: str | None
) -> Quote | None:
    """ "Menurut X, …" and its kin at the start of a sentence."""
    text = state.text
    cue = m.group(1)
    c_pos = s_start + m.end()
    if m.group(2):  # "Menurutnya, …"
        speaker = _antecedent(state, s_start)
        content = c_pos + 1 if text[c_pos : c_pos + 1] == "," else c_pos
    else:
        np = _np_after(text, c_pos, s_end)
        if np is None:
            return None
        comma = text.find(",", np[1], s_end)
        if cue.lower() != "menurut" and (
            comma == -1 or comma > np[1] + 1 or not text[np[0]].isupper()
        ):
            return None  # "Kata" / "Lanjut" need "Name," right after them
        speaker, outlet = _np_speaker(state, np, c_pos)
        if outlet is not None:
            speaker, via = None, outlet
        head = text[np[0] : np[1]].split()[0].lower()
        if (
            cue.lower() == "menurut"
            and not text[np[0]].isupper()
            and head not in TITLE_WORDS
            and head not in _PERSON_NOUNS
            and head not in PRONOUNS
        ):
            return None  # "Menurut kesepakatan …", "Menurut data …": a source, not a speaker
        if not text[np[0]].isupper() and comma != -1 and comma - np[1] < 80:
            # "Menurut pengamat otomotif dari ITB, Yannes Pasaribu, ada …": the
            # description runs to the comma and the name follows it.
            content = comma + 1
            app = _APPOSITIVE_RE.match(text, content, s_end)
            if app:
                speaker = _speaker_from_span(state, app.start(1), app.end(1))
                content = app.end()
        elif comma == -1 or comma > np[1] + 1:
            content = np[1]  # "Menurut Bahlil pemberian IUP …" (no comma)
        else:
            content = comma + 1
            # "Menurut pengamat otomotif dari ITB, Yannes Pasaribu, ada …": the name
            # after a description.
            app = _APPOSITIVE_RE.match(text, content, s_end)
            if app and (speaker is None or not text[np[0]].isupper()):
                speaker = _speaker_from_span(state, app.start(1), app.end(1))
                content = app.end()
    content = _skip_space(text, content, end)
    if len(text[content:end].split()) < 3:
        return None
    return _quote(
        "indirect", text, content, end, speaker, cue.lower(), via, _CONF["indirect"], state=state
    )
