"""Entity resolution: who and what an article names, linked to the knowledge base.

``resolve_entities(analysis, doc)`` merges two sources of mentions:

* the spans of the language model's named-entity recogniser (``doc.ents``: PER, ORG, LOC);
* the knowledge base's alias matcher (one Aho-Corasick pass over the text), which finds
  what the model missed and links each name to one entry.

Then, around each mention, it reads what Indonesian news puts next to a name: titles
before it ("Presiden Rusia Vladimir Putin"), appositions after it ("Yuri Ushakov, seorang
ajudan Kremlin,"), agent words before a country ("tentara Rusia", "Pemerintah Rusia") and
capitals used as actors ("Moskow mengancam ..."). Mentions of one referent are gathered
into one :class:`~warta.record.Entity` (short forms such as "Putin" join the full name).

Everything costs one alias pass plus constant work per mention: no scan of the knowledge
base per entity. Representation choices are documented in ``docs/entities.md``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.lang.id.stop_words import STOP_WORDS as _STOP_WORDS

from warta.knowledge import title_sectors
from warta.record import Analysis, Entity, Role, Span

__all__ = ["TITLE_SECTORS", "resolve_entities"]

# -- tables ------------------------------------------------------------------------------

# Indonesian titles that stand before (or in apposition to) a person's name, with the CAMEO
# sector the title itself implies. ``None``: the sector depends on the organisation
# ("Juru Bicara Kremlin" is GOV, "Juru Bicara PSSI" is not).
TITLE_SECTORS = title_sectors()  # from knowledge/sources/agents.txt, the one sector table

# Titles that, when nothing in the text names a country, are Indonesian offices.
_INDONESIAN_TITLES = frozenset({
    "kapolri", "kapolda", "kapolres", "kapolsek", "panglima tni", "kasad", "kasal", "kasau",
    "mendagri", "menkeu", "menhan", "menko", "mensesneg", "menkes", "mendag", "menperin",
    "menkumham", "menpora", "seskab", "bupati", "wapres", "ketua dpr", "ketua mpr",
    "menag", "mendikbud", "mendikdasmen", "menkominfo", "menkomdigi", "mentan", "menhub",
    "menaker", "mensos", "menpar", "menparekraf", "menkop", "menpupr", "menlhk", "menpan",
    "menpan-rb", "menkopolhukam", "wamenlu",
    "anggota dpr", "kapolresta", "kapolrestabes", "kabareskrim", "akbp", "kompol", "akp",
    "iptu", "ipda", "aiptu", "bripka", "briptu", "kombes", "irjen", "komjen", "pangdam",
    "dandim", "danramil", "danrem", "camat", "lurah", "kades", "wabup", "wagub", "sekda",
    "aipda", "bripda", "brigpol", "bharada", "bharatu", "bharaka", "walkot", "letkol",
})

# Title words that before a country name a group, not a person's office ("pejabat AS",
# "diplomat Rusia").
_TITLE_AGENTS = frozenset({"pejabat", "diplomat", "pemimpin", "hakim", "jaksa"})

# Offices that, named without a country in an article about Indonesia, are Indonesian
# (no prime minister, king or general here: Indonesia has none, or they are ranks).
_HOME_OFFICES = frozenset({
    "menteri", "menteri luar negeri", "menteri koordinator", "menlu", "sekretaris negara",
    "sekretaris kabinet", "kepala staf kepresidenan", "gubernur", "wali kota", "walikota",
    "kepala daerah", "jaksa agung", "duta besar", "dubes",
})

# Words before a title that change its meaning; "mantan"/"eks"/"calon" mean the person
# does not hold the office now, so the title gives no current sector.
_TITLE_PREFIXES = ("mantan", "eks", "wakil", "asisten", "deputi", "plt", "plt.", "plh",
                   "plh.", "calon", "pelaksana tugas")
_NOT_CURRENT = ("mantan", "eks", "calon")

# Capitalised words that belong to a title rather than to an organisation or a country
# ("Menteri Luar Negeri", "Sekretaris Pers").
_PORTFOLIO_WORDS = frozenset([
    "luar", "negeri", "dalam", "pertahanan", "keuangan", "perdagangan", "kesehatan",
    "pendidikan", "agama", "sosial", "koordinator", "bidang", "politik", "hukum",
    "keamanan", "perekonomian", "pers", "negara", "kabinet", "jenderal", "umum", "utama",
    "khusus", "senior", "staf", "eksekutif", "tertinggi", "kepresidenan", "hubungan",
    "internasional", "energi", "pertanian", "perindustrian", "perhubungan", "pariwisata",
    "investasi", "pembangunan", "urusan", "nasional", "ketenagakerjaan", "kelautan",
    "perikanan", "kehutanan", "lingkungan", "hidup", "komunikasi", "informatika", "digital",
    "kebudayaan", "riset", "teknologi", "koperasi", "perumahan", "permukiman", "pemuda",
    "olahraga", "pertanahan", "agraria", "imigrasi", "pemasyarakatan", "transmigrasi",
    "perlindungan", "pemberdayaan", "sekretaris",
])

# Words of address that may stand inside a PER span before a known name.
_HONORIFICS = frozenset([
    "ayatollah", "syekh", "syeikh", "sheikh", "syaikh", "pangeran", "putri", "haji",
    "hajah", "h", "hj", "kh", "k", "dr", "drs", "ir", "prof", "tuan", "nyonya", "bapak",
    "pak", "ibu", "bu", "mr", "mrs", "ms", "sir", "lord", "dame", "mbah", "gus", "habib",
    "ustaz", "ustadz", "kiai",
])

_NER_TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANIZATION": "ORG",
              "ORGANISATION": "ORG", "LOC": "LOC", "LOCATION": "LOC", "GPE": "GPE",
              "PLACE": "LOC", "NORP": "NORP"}
_KIND_TYPES = {"country": "GPE", "igo": "ORG", "org": "ORG", "person": "PER", "place": "LOC"}
# Which KB kinds a NER label is compatible with (first = preferred).
_LABEL_KINDS = {"PER": ("person",), "ORG": ("org", "igo", "country"),
                "LOC": ("place", "country"), "GPE": ("country", "place")}
# Words opening the name of a government office, read for a title's sector.
_OFFICE_WORDS = frozenset({"kementerian", "departemen", "kantor", "badan", "dinas",
                           "direktorat", "sekretariat", "kementrian", "pemerintah"})
# Spans the model sometimes takes for names on their own.
_NOT_NAMES = frozenset({"PT", "CV", "Tbk", "UD", "PD", "Persero", "Editor", "Reporter",
                        "Penulis", "Sumber", "Baca", "Artikel", "Berita"})
# First words of organisations' names.
_ORG_OPENERS = frozenset({"PT", "PT.", "CV", "CV.", "Yayasan", "Koperasi", "Universitas",
                          "Partai", "Kementerian", "Dinas", "Badan", "Bank"})
_MAJOR_PLACES = frozenset({"capital", "province", "region", "sea"})
_KIND_ORDER = {"country": 0, "igo": 1, "org": 2, "place": 3, "person": 4}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


_CS_TITLES = [t for t in TITLE_SECTORS if len(t) <= 3]  # "pm", "ceo": capitals only
_CI_TITLES = [t for t in TITLE_SECTORS if len(t) > 3]
_BASE = (r"(?:(?i:" + _alternation(_CI_TITLES) + r")|"
         + _alternation([t.upper() for t in _CS_TITLES]) + ")")
# Words of a title's tail: capitalised words, a parenthesised short form ("(Sumsel)") and
# the few lower-case words of office names ("Hubungan dan Kerja Sama", "Duta Besar Rusia
# untuk AS", "Asisten Menteri urusan Eropa").
_QUAL_WORD = r"(?:\(?[A-Z0-9][\w.&'’\-]*\)?|dan|untuk|urusan|bidang)"
# A title ending right before a name: ".*" makes the match the title nearest the name;
# a comma may separate them ("Menteri Lingkungan Malaysia, Yeo Bee Yin").
_LEFT_TITLE = re.compile(
    r".*(?<![\w\-])(?P<base>" + _BASE + r")(?P<qual>(?:[ \t]+" + _QUAL_WORD + r"){0,8}?)"
    r"(?<![\s(])(?<!\bdan)(?<!untuk)(?<!urusan)(?<!bidang)(?:[ \t]*,)?[ \t]+$",
    re.DOTALL)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;,\n\"“”(]\s*)$")
_PREV_WORD = re.compile(r"(?<![\w\-])([\w\-]+)\s+$")
_PREFIX_TAIL = re.compile(r"(?:(?<![\w\-])(?i:" + _alternation(list(_TITLE_PREFIXES))
                          + r")\s+)+$")
# A title at the start of a span the model labelled PER ("Presiden Rusia Vladimir Putin").
_SPAN_TITLE = re.compile(r"(?P<pre>(?:(?i:" + _alternation(list(_TITLE_PREFIXES))
                         + r")\s+)*)(?P<base>" + _BASE + r")(?=\s)")
# "Yuri Ushakov, seorang ajudan Kremlin," — an apposition naming the office.
_APPOSITIVE = re.compile(
    r"\s*,\s*(?:(?i:seorang|sang|selaku|yakni|yaitu|yang\s+merupakan|yang\s+juga"
    r"|yang\s+menjabat(?:\s+sebagai)?)\s+)?"
    r"(?P<pre>(?:(?i:" + _alternation(list(_TITLE_PREFIXES)) + r")\s+)*)"
    r"(?P<base>" + _BASE + r")(?P<qual>(?:\s+[\w.&'’\-]+){0,6}?)\s*(?=[,;.)]|$)")
_WORDS_BEFORE = re.compile(r"(?:^|[^\w\-])((?:[A-Za-z\-]+\s+)?[A-Za-z\-]+)\s+$")
_LEAD_WORD = re.compile(r"(?:Melansir|Dilansir|Mengutip|Dikutip|Menurut|Kata|Ujar|Sementara"
                        r"|Namun|Sedangkan|Bahkan|Adapun|Selain|Saat|Ketika|Setelah"
                        r"|Lanjut|Tambah|Imbuh|Sambung|Tutur|Ungkap|Pungkas)\s+")
# Police and military ranks and the abbreviated offices that stand right before a name:
# one inside a span after other words ("Sekadau Iptu Zainal Abidin") starts a titled
# name, the words before it being the tail of an earlier title ("Polres Sekadau").
_RANK_WORDS = frozenset({
    "iptu", "ipda", "aiptu", "aipda", "bripka", "briptu", "bripda", "brigpol", "bharada",
    "bharatu", "bharaka", "akp", "akbp", "kompol", "kombes", "brigjen", "irjen", "komjen",
    "jenderal", "letjen", "mayjen", "kolonel", "letkol", "mayor", "kapten", "letda", "lettu",
    "serda", "sertu", "serka", "serma", "pelda", "peltu", "laksma", "laksda", "laksdya",
    "laksamana", "marsma", "marsda", "marsdya", "marsekal", "kapolres", "kapolsek", "kapolda",
    "kapolresta", "kapolrestabes", "kasat", "kanit", "kasatreskrim", "dandim", "danrem",
    "danramil", "pangdam", "walkot",
})
# Of those, the ranks proper: the words after them are the name. After an office
# ("Kasat Polairud") they are its unit.
_RANKS_ONLY = _RANK_WORDS - {"kapolres", "kapolsek", "kapolda", "kapolresta", "kapolrestabes",
                             "kasat", "kanit", "kasatreskrim", "dandim", "danrem", "danramil",
                             "pangdam", "walkot"}
# Words before "Jenderal" that make it part of an office ("Direktur Jenderal Pajak").
_RANK_COMPOUNDS = frozenset({"direktur", "sekretaris", "inspektur", "konsul", "jaksa",
                             "gubernur", "wakil"})
# A rank, then one or two capitalised words the model left out of the PER span that
# follows ("Kombes Bhakti [Eri Nurmansyah]"): after a rank comes the name.
_RANK_BEFORE = re.compile(r"(?<![\w\-])(?=[A-Z])(?i:" + _alternation(sorted(_RANKS_ONLY))
                          + r")\.?(?:\s+Pol\.?)?[ \t]+((?:[A-Z][\w'’\-]*[ \t]+){1,2})$")
# Lower-case words that belong inside a person's name.
_NAME_PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "den", "de", "da", "dos",
                             "del", "di", "la", "le", "bt", "ibn"})
_EDGE = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’)\],.:;]+$")
_WS = re.compile(r"\s+")
_WORD = re.compile(r"[\w\-]+")

_WINDOW = 120  # characters looked at before a name for its title
HOME = "IDN"  # the outlets' country: its institutions are named without a country


# -- knowledge base access ---------------------------------------------------------------

def _default_kb() -> Any:
    from warta.knowledge import kb  # imported here: loading the tables is not free

    return kb()


def _alpha3(entry: Any) -> str | None:
    if entry is None:
        return None
    if entry.kind == "country":
        return entry.country or (entry.cameo[:3] if entry.cameo else None) or entry.id[-3:]
    return entry.country


def _agent_sector(kb: Any, words: str) -> str | None:
    sector = kb.agent(_WS.sub(" ", words.strip().lower()))
    return (sector.strip("~[]")[:3] or None) if sector else None


# -- mentions ----------------------------------------------------------------------------

@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str | None = None  # PER | ORG | LOC | GPE | GROUP
    entry: Any = None  # the chosen KB entry
    cands: tuple = ()  # KB entries the surface form may mean
    from_ner: bool = False
    roles: list[Role] = field(default_factory=list)
    country: str | None = None  # from the text (role qualifier, agent phrase)
    sector: str | None = None
    cameo: str | None = None  # fixed by the phrase (agent groups, capitals acting)
    key: str | None = None
    name: str | None = None


@dataclass(slots=True)
class _Ctx:
    text: str
    kb: Any
    date: str | None
    kb_matches: list  # _Mention per KB alias match, sorted by start
    starts: list[int]
    foreign: bool = False  # the article names no Indonesian country, place or person
    per_words: frozenset = frozenset()  # words of the model's PER spans
    other_names: tuple = ()  # the model's non-PER spans, as written
    per_alone: frozenset = frozenset()  # one-word PER spans ("Boston" for a person)


_CAPITAL_WORD = re.compile(r"(?<![\w\-])[A-Z0-9]")


def _kb_mentions(text: str, kb: Any, offset: int = 0) -> list[_Mention]:
    out = []
    for m in kb.find_aliases(text):
        surface = text[m.start:m.end]
        # Lower-case surface forms are ordinary words ("batu", "serang"); names are
        # written with a capital. A lower-case alias may still end in a name
        # ("pemerintah Indonesia"): look for names inside it.
        if not (surface[0].isupper() or surface[0].isdigit()):
            cap = _CAPITAL_WORD.search(surface)
            if cap is not None:
                out.extend(_kb_mentions(surface[cap.start():], kb, offset + m.start + cap.start()))
            continue
        entries = [e for e in (kb.get(i) for i in m.entry_ids) if e is not None]
        entries = [e for e in entries if e.kind != "agent"]
        if not entries:
            continue
        entries.sort(key=lambda e: _KIND_ORDER.get(e.kind, 9))
        start = m.start
        if all(e.kind == "person" for e in entries):
            # Aliases such as "Presiden Putin": the mention is the name, the title is
            # read as a role by the title rules.
            t = _SPAN_TITLE.match(surface)
            if t is not None and surface[t.end():].strip():
                start += t.end() + len(surface[t.end():]) - len(surface[t.end():].lstrip())
        out.append(_Mention(offset + start, offset + m.end,
                            entry=entries[0] if len(entries) == 1 else None,
                            cands=tuple(entries)))
    return out


def _overlapping(ctx: _Ctx, start: int, end: int) -> list[_Mention]:
    i = bisect_left(ctx.starts, start)
    # A match starting before ``start`` may still reach into the span.
    j = max(0, i - 1)
    out = []
    while j < len(ctx.kb_matches) and ctx.kb_matches[j].start < end:
        m = ctx.kb_matches[j]
        if m.end > start:
            out.append(m)
        j += 1
    return out


def _qualifier(ctx: _Ctx, start: int, end: int,
               allow_person: bool = True) -> tuple[str | None, str | None, Any, int] | None:
    """Read the organisation or country named in ``text[start:end]`` (a title's tail).

    The first one named wins ("Duta Besar Rusia untuk AS": Russia's ambassador); a
    person may stand there too ("penasihat Rouhani"). An Indonesian institution named
    generically in an article about somewhere else is skipped ("Juru Bicara Kementerian
    Luar Negeri Iran"). Returns (org_or_country, country, entry, where it begins)."""
    text = ctx.text
    inside = [m for m in _overlapping(ctx, start, end) if m.start >= start and m.end <= end]
    if not allow_person and any(c.kind == "person" for m in inside for c in m.cands[:1]):
        return None  # "Presiden Jokowi dan [Pratikno]": the title is Jokowi's
    person = None
    for m in inside:
        ent = m.entry or (m.cands[0] if m.cands else None)
        if ent is None:
            continue
        if ent.kind == "person":
            person = person or (text[m.start:m.end], _alpha3(ent), ent, m.start)
            continue
        if ent.kind == "country":
            code = _alpha3(ent)
            return code, code, ent, m.start
        if ctx.foreign and ent.country == HOME and _generic(text[m.start:m.end]):
            continue
        return text[m.start:m.end], _alpha3(ent), ent, m.start
    if person is not None:
        return person
    return None, None, None, end


def _make_role(ctx: _Ctx, pre: str, base: str, qual_start: int, qual_end: int,
               title_start: int, allow_person: bool = True
               ) -> tuple[Role, str | None, str | None] | None:
    """Build a Role from a title found at ``title_start``; returns (role, country, sector),
    or None when the title turns out to belong to someone else."""
    text = ctx.text
    found = _qualifier(ctx, qual_start, qual_end, allow_person)
    if found is None:
        return None
    org, country, ent, org_start = found
    title = _WS.sub(" ", (pre + base + text[qual_start:org_start]).strip())
    role = Role(title=title, org_or_country=org,
                text=_WS.sub(" ", text[title_start:qual_end].strip()))
    base_key = _WS.sub(" ", base.lower())
    full_key = _WS.sub(" ", (base + text[qual_start:org_start]).strip().lower())
    sector = TITLE_SECTORS.get(full_key) or TITLE_SECTORS.get(base_key)
    if sector is None and ent is not None and ent.cameo and len(ent.cameo) >= 6:
        sector = ent.cameo[3:6]  # "Juru Bicara Kemlu": the office's own sector
    if sector is None:
        # "Direktur Departemen ...", "Juru Bicara Kementerian ...": the office's word.
        first = text[qual_start:qual_end].split()[:1]
        if first and first[0].lower() in _OFFICE_WORDS:
            sector = _agent_sector(ctx.kb, first[0])
    if any(pre.lower().startswith(p) for p in _NOT_CURRENT):
        sector = None
    if country is None and (base_key in _INDONESIAN_TITLES or full_key in _INDONESIAN_TITLES
                            or (not ctx.foreign and org is None
                                and (base_key in _HOME_OFFICES or full_key in _HOME_OFFICES))):
        # An office named without a country is Indonesian in an Indonesian outlet's
        # article about Indonesia ("Wakil Menteri Luar Negeri AM Fachir"); in an article
        # naming nothing Indonesian it stays unknown ("Menteri Keuangan Steven Mnuchin").
        country = HOME
    return role, country, sector


def _title_before(ctx: _Ctx, start: int) -> tuple[Role, str | None, str | None, int] | None:
    lo = max(0, start - _WINDOW)
    window = ctx.text[lo:start]
    m = _LEFT_TITLE.match(window)
    if m is None:
        return None
    title_start = lo + m.start("base")
    base_end = lo + m.end("base")
    # The nearest title may be the tail of a longer one ("Perdana [Menteri]").
    while True:
        pw = _PREV_WORD.search(ctx.text, lo, title_start)
        if pw is None or _WS.sub(" ", ctx.text[pw.start(1):base_end].lower()) \
                not in TITLE_SECTORS:
            break
        title_start = pw.start(1)
    base = ctx.text[title_start:base_end]
    pre = ""
    p = _PREFIX_TAIL.search(ctx.text, lo, title_start)
    if p is not None:
        pre = ctx.text[p.start():title_start]
        title_start = p.start()
    # A title word inside a capitalised name ("PT Gunung [Raja] Paksi") is no title: a
    # title follows a lower-case word, punctuation or the start of a sentence.
    pw = _PREV_WORD.search(ctx.text, max(0, title_start - 40), title_start)
    if pw is not None and pw.group(1)[:1].isupper() and not _SENTENCE_START.search(
            ctx.text, max(0, pw.start(1) - 3), pw.start(1)):
        return None
    made = _make_role(ctx, pre, base, lo + m.start("qual"), lo + m.end("qual"),
                      title_start, allow_person=False)
    if made is None:
        return None
    role, country, sector = made
    return role, country, sector, title_start


def _title_after(ctx: _Ctx, end: int) -> tuple[Role, str | None, str | None] | None:
    m = _APPOSITIVE.match(ctx.text, end, min(len(ctx.text), end + _WINDOW))
    if m is None:
        return None
    return _make_role(ctx, m.group("pre"), m.group("base"), m.start("qual"), m.end("qual"),
                      m.start("pre"))


def _titled_tail(ctx: _Ctx, s: int, e: int, label: str) -> tuple[int, str]:
    """"Sekretaris pers [Gedung Putih Stephanie Grisham]" labelled LOC: a title before the
    span, known names at its start, unknown words after them — the known names qualify
    the title and the rest is a person."""
    over = _overlapping(ctx, s, e)
    inner = [m for m in over if m.start >= s and m.end <= e]
    if not over and label != "PER":
        # An unknown two-word name right after a title ("Gubernur Kalimantan Timur
        # [Isran Noor]" labelled LOC) is a person.
        words = ctx.text[s:e].split()
        if len(words) >= 2 and words[0] not in _ORG_OPENERS \
                and all(w[:1].isupper() for w in words) \
                and _title_before(ctx, s) is not None:
            return s, "PER"
        return s, label
    if not inner or inner[0].start != s:
        return s, label
    # In a PER span only a country or organisation may lead: a place's name is often a
    # given name too ("Bima Sakti Wijaya").
    leading = ("country", "igo", "org") if label == "PER" else ("country", "igo", "org", "place")
    pos = s
    for m in inner:
        if _text_gap(ctx.text, pos, m.start) or not all(c.kind in leading for c in m.cands):
            break
        pos = m.end
    rest = ctx.text[pos:e].split()
    if pos == s or pos >= e or len(rest) < 2 or not all(w[:1].isupper() for w in rest):
        return s, label
    name_start = e - len(ctx.text[pos:e].lstrip())
    # A PER span may start with the title's country ("[Kiribati Taneti Mamau]" after
    # "Presiden"); another label needs a title before the name to be read as a person
    # ("Duta Besar Rusia untuk [AS Sergey Kislyak]").
    if label != "PER" and _title_before(ctx, name_start) is None \
            and ctx.text[name_start:e].split()[-1] not in ctx.per_words:
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
        if w[:1].isupper() and w.lower() in _RANK_WORDS and words[i + 1].group()[:1].isupper():
            return s + words[i].start()
    return None


def _person_edges(ctx: _Ctx, s: int, e: int) -> tuple[int, int]:
    """Repair the edges of a PER span: join the words between a rank and the span
    ("Kombes Bhakti [Eri Nurmansyah]"), and cut it at a lower-case word glued on
    ("Zainal kepadadetikKalimantan"); a span opening in lower case is no name."""
    text = ctx.text
    first = text[s:e].split(maxsplit=1)[0] if text[s:e].strip() else ""
    if not first[:1].isupper() and first.lower() not in _NAME_PARTICLES \
            and not _ARTICLE_PREFIX.match(first):
        return s, s
    # "[Komitmen Putin] untuk ...": a sentence-initial ordinary word (the article also
    # writes it in lower case) is not the first name.
    rest = re.match(r"\S+\s+(?=[A-Z])", text[s:e])
    if rest and _SENTENCE_START.search(text, max(0, s - 3), s) and _common_word(text, s, s + len(first)):
        s += rest.end()
        first = text[s:e].split(maxsplit=1)[0]
    pos = s
    for w in re.finditer(r"\S+", text[s:e]):
        tok = w.group()
        if not tok[:1].isupper() and not tok[:1].isdigit() \
                and tok.lower() not in _NAME_PARTICLES and not _ARTICLE_PREFIX.match(tok) \
                and w.start() > 0:
            e = s + w.start()
            while e > s and text[e - 1] in " \t,":
                e -= 1
            break
    lo = max(0, pos - 60)
    m = _RANK_BEFORE.search(text, lo, pos)
    before = _PREV_WORD.search(text, max(0, m.start() - 30), m.start()) if m else None
    if m is not None and m.end() == pos and _SPAN_TITLE.match(text, s, e) is None \
            and (before is None or before.group(1).lower() not in _RANK_COMPOUNDS):
        words = m.group(1).split()
        if not any(w.lower() in TITLE_SECTORS or w.lower() in _HONORIFICS
                   or w.lower() in _STOP_WORDS or w.isupper() for w in words) \
                and not _overlapping(ctx, m.start(1), pos):
            s = m.start(1)
    return s, e


def _strip_title_tail(ctx: _Ctx, s: int, e: int) -> int:
    """Leading words of a PER span that belong to the title before it: "Kepala Bappenda
    [NTB Fathurrahman]", "Menteri [Ketenagakerjaan Yassierli]". Only known non-person
    names and portfolio words are taken off, and only when a title stands before."""
    text = ctx.text
    if " " not in text[s:e].strip() or _title_before(ctx, s) is None:
        return s
    inner = {m.start: m for m in _overlapping(ctx, s, e)
             if m.start >= s and all(c.kind != "person" for c in m.cands)}
    pos = s
    # The end of an organisation's name the article writes in full elsewhere: "Direktur
    # Bisnis Bank [Mega Syariah Rasmoro Pramono Aji]" after "Bank Mega Syariah".
    words = list(re.finditer(r"\S+", text[s:e]))
    for k in range(len(words) - 1, 0, -1):
        lead = text[s:s + words[k - 1].end()]
        if any(len(o) > len(lead) and o.endswith(lead) and o[-len(lead) - 1] == " "
               for o in ctx.other_names):
            pos = s + words[k].start()
            break
    while pos < e:
        km = inner.get(pos)
        if km is not None and km.end < e and _named_elsewhere(text, km.start, km.end) \
                and text[km.start:km.end] not in ctx.per_alone:
            nxt = km.end
        else:
            w = re.match(r"[\w\-]+", text[pos:e])
            if w is None or w.end() + pos >= e or w.group().lower() not in _PORTFOLIO_WORDS:
                break
            nxt = pos + w.end()
        ws = re.match(r"[ \t]+", text[nxt:e])
        if ws is None:
            break
        pos = nxt + ws.end()
    return pos if text[pos:pos + 1].isupper() else s


def _named_elsewhere(text: str, s: int, e: int) -> bool:
    """Whether the article also writes ``text[s:e]`` outside this place: a place named
    only inside a person's name is more likely a given name ("Bima Sakti Wijaya")."""
    pat = re.compile(r"(?<![\w\-])" + re.escape(text[s:e]) + r"(?![\w\-])")
    return any(m.start() != s for m in pat.finditer(text))


def _text_gap(text: str, a: int, b: int) -> bool:
    """True when something other than spaces lies between ``a`` and ``b``."""
    return bool(text[a:b].strip())


def _split_span_title(ctx: _Ctx, start: int, end: int) -> tuple[int, tuple | None]:
    """For a PER span that starts with a title, find where the name begins."""
    text = ctx.text
    m = _SPAN_TITLE.match(text, start, end)
    if m is None:
        return start, None
    # The name is the last KB person match inside the span, if any ...
    name_start = None
    for km in _overlapping(ctx, m.end(), end):
        ent = km.entry or (km.cands[0] if km.cands else None)
        if km.start >= m.end() and km.end <= end and ent is not None and ent.kind == "person":
            name_start = km.start
    if name_start is None:
        # ... else what follows the title's portfolio words and any country/org named.
        pos = m.end()
        inner = [km for km in _overlapping(ctx, pos, end) if km.start >= pos and km.end <= end
                 and any(c.kind != "person" for c in km.cands)]
        while True:
            ws = re.match(r"\s+", text[pos:end])
            if ws is None:
                break
            q = pos + ws.end()
            km = next((k for k in inner if k.start == q), None)
            if km is not None:
                pos = km.end
                continue
            word = re.match(r"[\w.\-]+", text[q:end])
            if word is None or word.group(0).lower() not in _PORTFOLIO_WORDS:
                break
            pos = q + word.end()
        ws = re.match(r"\s+", text[pos:end])
        name_start = pos + (ws.end() if ws else 0)
    if name_start >= end:
        return end, None  # nothing but the title and its country or organisation
    made = _make_role(ctx, m.group("pre"), m.group("base"), m.end(), name_start, start)
    return name_start, made


def _pick_entry(m: _Mention, label: str | None, linked: dict[str, int],
                countries: set[str], date: str | None, kb: Any) -> Any:
    cands = m.cands
    if label in _LABEL_KINDS:
        fit = [c for c in cands if c.kind in _LABEL_KINDS[label]]
        if label == "PER" and not fit:
            # The model's PER on a name the KB knows only as a country, an organisation or
            # a capital or province is more likely the model's slip; a town's name may
            # well be a person's name.
            fit = [c for c in cands if c.kind in ("country", "igo", "org")
                   or (c.kind == "place" and (c.extra or {}).get("level") in _MAJOR_PLACES)]
            if not fit:
                return None
        cands = fit or cands
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None

    def score(e: Any) -> tuple:
        role_ok = bool(date and e.kind == "person" and kb.role_on(e.id, date))
        return (-linked.get(e.id, 0), -(e.country in countries), -role_ok,
                _KIND_ORDER.get(e.kind, 9))

    if cands[0].kind == "place" and all(c.kind == "place" for c in cands):
        from warta.analysis.geocode import pick_place

        return pick_place(cands, countries, prefer=linked)
    return min(cands, key=score)


# -- the stage -----------------------------------------------------------------------------

def resolve_entities(analysis: Analysis, doc: Any, *, kb: Any = None) -> list[Entity]:
    """Find, link and group the entities of ``analysis.article``.

    ``doc`` is a spaCy ``Doc`` over ``analysis.article.text`` (its character offsets are
    article offsets); only ``doc.ents`` is required, and the dependency parse, when
    present, lets a capital that is the subject of a verb stand for its government.
    ``kb`` defaults to the shipped knowledge base. Entities come in order of first
    mention with ids ``e1``, ``e2``, ...; the dateline place is always among them (with
    no mention when the body never names it), so that :func:`warta.analysis.geocode.geocode`
    can give it coordinates.
    """
    article = analysis.article
    text = article.text or ""
    kb = kb if kb is not None else _default_kb()
    date = article.published.value[:10] if article.published and article.published.value else None
    kbm = _kb_mentions(text, kb)
    foreign = not any(c.country == HOME and c.kind in ("country", "place", "person")
                      for m in kbm for c in m.cands[:1])
    ctx = _Ctx(text, kb, date, kbm, [m.start for m in kbm], foreign)
    ents = [(e.start_char, e.end_char, _NER_TYPES.get(e.label_)) for e in getattr(doc, "ents", ())]
    ctx.per_words = frozenset(w for s, e, lab in ents if lab == "PER" for w in text[s:e].split())
    ctx.per_alone = frozenset(text[s:e] for s, e, lab in ents
                              if lab == "PER" and " " not in text[s:e])
    ctx.other_names = tuple({text[s:e] for s, e, lab in ents if lab in ("ORG", "LOC", "GPE")})
    st = _State()

    for span in _model_spans(ctx, doc):  # 1. the model's spans, repaired and linked
        _read_model_span(ctx, st, span)
    kbm, countries, linked = _link(ctx, st)  # 2. KB matches: context, then the rest
    _keep_supported(ctx, st, kbm)  # 3. one-word person aliases need support
    _titled_names(ctx, st)  # 3b. untagged names after a title and its organisation
    for m in st.mentions:  # 4. titles and appositions around person names
        if m.label == "PER":
            _read_roles(ctx, m)
    _read_phrases(ctx, st, doc)  # 5. agent phrases, "Pemerintahan Biden", capitals acting
    dl = _dateline_mention(article, kb, countries, linked)  # 6. the dateline place
    if dl is not None:
        st.mentions.append(dl)
    return _group(st.mentions, text, kb, date, article.title or "", ctx)


@dataclass(slots=True)
class _State:
    mentions: list[_Mention] = field(default_factory=list)  # mentions kept so far
    dropped: set[int] = field(default_factory=set)  # KB matches a model span shows not names
    looked_up: list[_Mention] = field(default_factory=list)  # spans linked by a lookup


def _model_spans(ctx: _Ctx, doc: Any) -> list[tuple[int, int, str]]:
    """The model's spans as (start, end, label), with a first name the model cut off a
    person's name joined back ("[Salem] [Mohammed al-Zaabi]": LOC + PER, nothing between)."""
    out: list[tuple[int, int, str]] = []
    for ent in getattr(doc, "ents", ()):
        label = _NER_TYPES.get(ent.label_)
        if label is None:
            continue
        s, e = ent.start_char, ent.end_char
        if out and label == "PER" and " " not in ctx.text[out[-1][0]:out[-1][1]] \
                and not ctx.text[out[-1][1]:s].strip() and s - out[-1][1] == 1 \
                and not _overlapping(ctx, out[-1][0], out[-1][1]):
            s = out.pop()[0]
        out.append((s, e, label))
    return out


def _read_model_span(ctx: _Ctx, st: _State, span: tuple[int, int, str]) -> None:
    """Repair one model span against the KB matches inside it, then keep, link or drop it."""
    text, kb = ctx.text, ctx.kb
    s, e, label = span
    s, e = _trim(text, s, e)
    if s >= e or text[s:e] in _NOT_NAMES or _common_word(text, s, e):
        return
    role_info = None
    if label != "PER" and any(
            m.end == e and m.start >= s and " " in text[m.start:m.end]
            and any(c.kind == "person" for c in m.cands)
            for m in _overlapping(ctx, s, e)):
        # "Pemimpin Tertinggi Iran Ayatollah Ali Khamenei" labelled ORG: it ends in a
        # known person's full name, so it is a titled person.
        label = "PER"
    if label == "PER" and text[s:e].split(maxsplit=1)[0] in _ORG_OPENERS:
        label = "ORG"  # "PT Prima Global Baverindo" is a company, whatever the model says
    cut = _rank_inside(text, s, e)
    if cut is not None:
        s, label = cut, "PER"
    s, label = _titled_tail(ctx, s, e, label)
    if label == "PER":
        s, e = _person_edges(ctx, s, e)
        if s >= e:
            return
        s, role_info = _split_span_title(ctx, s, e)
        if s >= e:
            return  # a title with no name ("Presiden Venezuela"): not a person
        if role_info is None:
            s = _strip_title_tail(ctx, s, e)
        if _only_honorifics(text[s:e]):
            return  # a title alone ("Walkot", "Pak Menko") names no one here
    over = _overlapping(ctx, s, e)
    cover = [m for m in over if m.start <= s and m.end >= e]
    inner = [m for m in over if m.start >= s and m.end <= e]
    if cover:
        km = cover[0]
        km.label, km.from_ner = label, True
        if role_info:
            _add_role(km, role_info)
        return
    if len(inner) < len(over):
        return  # a KB match crosses the span: the KB's exact alias wins
    if inner and _tiled(_blank_out(text, s, e, inner)) and (
            label == "PER" or all(c.kind in ("person", "country") for m in inner
                                  for c in m.cands[:1])):
        # The span is known names side by side, with at most titles between them
        # ("China Xi Jinping", "Amerika Serikat Donald Trump"): the model merged them;
        # the KB's names stand, and a person among them takes the label.
        for km in inner:
            if any(c.kind == "person" for c in km.cands) and label == "PER":
                km.label, km.from_ner = "PER", True
        return
    if label == "PER":
        persons = [m for m in inner if any(c.kind == "person" for c in m.cands)]
        # A KB person inside the span takes it over only when it ends the span (the
        # surname): "Hassan" inside "Hassan Rouhani" is not a different Hassan.
        if persons and persons[-1].end == e and _same_person(text, s, persons[-1]):
            km = persons[-1]
            km.label, km.from_ner = "PER", True
            if role_info:
                _add_role(km, role_info)
            st.dropped.update(id(m) for m in inner if m is not km)
            return
        # Places or organisations inside a person's name are not mentions.
        st.dropped.update(id(m) for m in inner)
    elif label == "ORG":
        # Names inside an organisation's name ("New York" in "New York Times") are not
        # mentions of their own; a country there is the organisation's country.
        st.dropped.update(id(m) for m in inner)
    else:
        # In an Indonesian place name the proper name comes last ("Pangkalan Udara
        # Ahvaz", "Selat Hormuz"); a known name elsewhere in a LOC span ("Turki" in
        # "Turki al-Maliki", "New York" in "New York Times") is part of another name.
        st.dropped.update(id(m) for m in inner
                          if m.end != e or all(c.kind == "person" for c in m.cands))
    nm = _Mention(s, e, label=label, from_ner=True)
    if role_info:
        _add_role(nm, role_info)
    # The whole span may still be a KB name that the longest-match pass split
    # differently ("Presiden Prabowo" + "Subianto"): one dictionary lookup.
    direct = kb.lookup(text[s:e], kinds=_LABEL_KINDS.get(label, ("org",)))
    if direct:
        nm.cands = tuple(direct)
        nm.entry = direct[0] if len(direct) == 1 else None
        st.dropped.update(id(m) for m in inner)
        st.looked_up.append(nm)
        return
    if label == "ORG" and inner:
        # An organisation naming a country ("Kementerian Luar Negeri Rusia", "Pengadilan
        # Perdagangan Internasional AS"): the country is the organisation's, its first
        # word(s) may give the sector.
        for km in inner:
            if km.cands[0].kind == "country":
                nm.country = _alpha3(km.cands[0])
        if nm.country:
            words = text[s:e].split()
            nm.sector = (_agent_sector(kb, " ".join(words[:2])) if len(words) > 1
                         else None) or _agent_sector(kb, words[0])
    st.mentions.append(nm)


def _link(ctx: _Ctx, st: _State) -> tuple[list[_Mention], set[str], dict[str, int]]:
    """Choose an entry for every KB match; returns the linked matches, the countries the
    article names and the entries already linked (both context for later choices)."""
    text = ctx.text
    kbm = sorted([m for m in ctx.kb_matches if id(m) not in st.dropped] + st.looked_up,
                 key=lambda m: m.start)
    countries = {_alpha3(m.cands[0]) for m in kbm if len(m.cands) == 1
                 and m.cands[0].kind == "country"}
    countries.discard(None)
    linked: dict[str, int] = {}
    for m in kbm:
        if m.entry is not None:
            linked[m.entry.id] = linked.get(m.entry.id, 0) + (m.end - m.start)
    for m in kbm:
        if m.entry is None or (m.label == "PER" and m.entry.kind != "person"):
            m.entry = _pick_entry(m, m.label, linked, countries, ctx.date, ctx.kb)
        if m.entry is None and m.from_ner:
            st.mentions.append(_Mention(m.start, m.end, label=m.label, from_ner=True,
                                        roles=m.roles, country=m.country, sector=m.sector))
    kbm = [m for m in kbm if m.entry is not None and not _country_in_name(text, m)]
    # An Indonesian institution named generically ("Kementerian Luar Negeri", "Mahkamah
    # Agung") is another country's when that country's name follows it ("Kementerian Luar
    # Negeri Iran"), or when the article names nothing Indonesian at all.
    foreign = not any(m.entry.country == HOME and m.entry.kind in ("country", "place", "person")
                      for m in kbm)
    for i, m in enumerate(kbm):
        if m.entry.kind != "org" or m.entry.country != HOME or not _generic(text[m.start:m.end]):
            continue
        nxt = kbm[i + 1] if i + 1 < len(kbm) else None
        if nxt is not None and nxt.entry.kind == "country" and nxt.entry.country != HOME \
                and not text[m.end:nxt.start].strip():
            # The office's sector is its Indonesian counterpart's: Kemlu IDNGOV -> IRNGOV.
            code = _alpha3(nxt.entry)
            st.mentions.append(_Mention(m.start, nxt.end, label="ORG", from_ner=m.from_ner,
                                        country=code, sector=_sector_of(m.entry)))
            m.entry = None
        elif foreign:
            st.mentions.append(_Mention(m.start, m.end, label="ORG", from_ner=m.from_ner))
            m.entry = None
    kbm = [m for m in kbm if m.entry is not None]
    return kbm, countries, linked


def _sector_of(entry: Any) -> str | None:
    """The role part of an entry's CAMEO code ("IDNGOVMIL" -> "GOVMIL")."""
    code = entry.cameo or ""
    return code[3:] or None if len(code) > 3 else None


def _keep_supported(ctx: _Ctx, st: _State, kbm: list[_Mention]) -> None:
    """Keep the linked matches, except one-word person aliases without support."""
    text = ctx.text
    # A one-word person alias ("Putin", "Xi") is trusted only with support: the model
    # tagged it, the full name is in the article, or a title or agent word stands before.
    full_names = {m.entry.id for m in kbm if m.entry.kind == "person"
                  and " " in text[m.start:m.end].strip()}
    # A one-word alias that is also part of an unknown person's full name in this article
    # ("Halimah" after "Rina Halimah") is that person, not the KB's namesake.
    local_tokens = set()
    for x in st.mentions:
        words = text[x.start:x.end].split() if x.label == "PER" and x.entry is None else []
        if len(words) > 1:
            local_tokens.update(words)
            local_tokens.update(_bare(w) for w in words)
    for m in kbm:
        surface = text[m.start:m.end].strip()
        one_word_person = m.entry.kind == "person" and " " not in surface \
            and m.entry.id not in full_names
        if one_word_person and surface in local_tokens:
            st.mentions.append(_Mention(m.start, m.end, label="PER", from_ner=m.from_ner,
                                        roles=m.roles, country=m.country, sector=m.sector))
            continue
        if one_word_person and not m.from_ner and _title_before(ctx, m.start) is None \
                and _agent_before(ctx, m.start) is None:
            continue
        m.label = m.label or _KIND_TYPES.get(m.entry.kind, "ORG")
        st.mentions.append(m)


_AFTER_QUALIFIER = re.compile(
    r"(?:[ \t]*\([^()\n]{1,20}\))?(?:[ \t]*,)?[ \t]+"
    r"((?:[A-Z][\w'’\-]*)(?:[ \t]+[A-Z][\w'’\-]*){0,3})(?=[ \t]*[,.;:)]|[ \t]+[a-z])")


_PLACE_WORDS = frozenset({"kota", "kabupaten", "provinsi", "kecamatan", "desa", "kelurahan",
                          "wilayah", "daerah", "pusat", "cabang", "kampung", "dusun"})


def _titled_names(ctx: _Ctx, st: _State) -> None:
    """A name the model did not tag, standing after a title and the organisation or place
    that qualifies it: "Wali Kota Denpasar [IGN Jaya Negara] berharap", "Direktur PT X
    (PGB) [Mustika Aji]", "Direktur ... Kementerian ESDM, [Ma'mun],". Its words must look
    like a name (capitalised, not ordinary words the article writes in lower case, not
    titles), and a title must stand before it."""
    text = ctx.text
    taken = sorted((m.start, m.end) for m in st.mentions if m.start >= 0)
    starts = [t[0] for t in taken]
    found = []
    for m in st.mentions:
        if m.label == "PER" or m.start < 0:
            continue
        g = _AFTER_QUALIFIER.match(text, m.end)
        if g is None:
            continue
        s, e = g.start(1), g.end(1)
        words = text[s:e].split()
        # The first word decides (a place word, an ordinary word, or a short all-caps
        # name such as "IGN" with more words after it); the words after it need only
        # look like names ("Jaya Negara").
        if not (_name_like(words[0], text) or (words[0].isupper() and 2 <= len(words[0]) <= 4
                                               and len(words) > 1)) \
                or words[0].lower() in _PLACE_WORDS \
                or not all(_name_word(w) for w in words[1:]):
            continue
        i = bisect_left(starts, s)
        if any(a < e and b > s for a, b in taken[max(0, i - 1):i + 2]) \
                or _overlapping(ctx, s, e) or _title_before(ctx, s) is None:
            continue
        found.append(_Mention(s, e, label="PER", from_ner=False))
    st.mentions.extend(found)


def _read_roles(ctx: _Ctx, m: _Mention) -> None:
    """Titles before a person's name and in apposition after it."""
    if not m.roles:
        found = _title_before(ctx, m.start)
        if found is not None:
            role, country, sector, _ = found
            _add_role(m, (role, country, sector))
    found_after = _title_after(ctx, m.end)
    if found_after is not None:
        _add_role(m, found_after)


def _read_phrases(ctx: _Ctx, st: _State, doc: Any) -> None:
    """Agent phrases before countries ("tentara Rusia", "Pemerintah Rusia") become GROUP
    mentions, an agent word before a person ("Pemerintahan Biden") gives a sector, and a
    capital the parse shows acting joins its government's GROUP."""
    groups: list[_Mention] = []
    for m in st.mentions:
        if m.entry is None:
            continue
        kind = m.entry.kind
        if kind in ("country", "person"):
            got = _agent_before(ctx, m.start)
            if got is None:
                continue
            words, sector, wstart = got
            if kind == "person":
                if sector == "GOV":
                    m.sector = m.sector or "GOV"
                continue
            if _inside_title(ctx, m, st.mentions):
                continue
            code = _alpha3(m.entry)
            groups.append(_Mention(wstart, m.end, label="GROUP", country=code, sector=sector,
                                   cameo=f"{code}{sector}", key=f"grp:{code}{sector}",
                                   name=f"{words} {m.entry.name}"))
        elif kind == "place" and _acts(doc, m.start, m.end):
            code = _capital_of(m.entry)
            if code:
                m.label, m.key, m.country, m.sector, m.cameo = (
                    "GROUP", f"grp:{code}GOV", code, "GOV", f"{code}GOV")
                m.name = f"pemerintah {code}"
                m.entry = None
    st.mentions.extend(groups)


_PUNCT_ONLY = re.compile(r"^[\W_]*$")


def _tiled(rest: str) -> bool:
    """True when what is left of a span, once its known names are removed, is only
    punctuation, titles and honorifics."""
    for w in rest.split():
        w = w.strip(",.;:()\"'“”").lower()
        if w and not _PUNCT_ONLY.match(w) and w not in _HONORIFICS \
                and w not in TITLE_SECTORS and w not in _PORTFOLIO_WORDS:
            return False
    return True


def _blank_out(text: str, s: int, e: int, inner: list[_Mention]) -> str:
    """``text[s:e]`` with the given matches removed."""
    chars = list(text[s:e])
    for m in inner:
        chars[m.start - s:m.end - s] = " " * (m.end - m.start)
    return "".join(chars)


_RANKS = re.compile(r"(?<![\w\-])(?i:kolonel|jenderal|letjen|mayjen|brigjen|laksamana|marsekal"
                    r"|kapten|mayor|letnan|syekh|sheikh|pangeran)\s+$")
_ARABIC_NAME_NEXT = re.compile(r"\s+(?:al-|Al-|el-|bin\s|binti\s|ibn\s)")


def _country_in_name(text: str, m: _Mention) -> bool:
    """A country's name that is a person's given name: "Kolonel Turki al-Malki"."""
    if m.entry.kind != "country" or m.from_ner:
        return False
    return bool(_ARABIC_NAME_NEXT.match(text, m.end)
                or _RANKS.search(text, max(0, m.start - 20), m.start))


def _generic(surface: str) -> bool:
    """A name any country's institution could bear: several words, no acronym, no
    "Indonesia"/"RI" in it."""
    words = surface.split()
    return len(words) > 1 and not any(w.isupper() or w in ("Indonesia", "RI", "Republik")
                                      for w in words)


def _same_person(text: str, start: int, km: _Mention) -> bool:
    """Whether a KB person alias that ends a PER span names the span's person.

    Yes after honorifics ("Ayatollah Ali Khamenei"), or when the alias is the entry's
    surname and the span's given name starts like the entry's ("Benyamin Netanyahu");
    no when the alias is some namesake's given name ("Rina Halimah", "Halimah Yacob")."""
    prefix = text[start:km.start]
    if _only_honorifics(prefix):
        return True
    words = prefix.split()
    for ent in km.cands:
        if ent.kind != "person":
            continue
        parts = ent.name.split()
        if len(parts) > 1 and parts[-1].lower() == text[km.start:km.end].split()[-1].lower() \
                and words and words[0][:1].lower() == parts[0][:1].lower():
            return True
    return False


def _only_honorifics(prefix: str) -> bool:
    """True when the words before a KB name inside a PER span are honorifics or titles
    ("Ayatollah Ali Khamenei"), not a given name ("Rina Halimah")."""
    words = prefix.replace(".", " ").lower().split()
    return all(w in _HONORIFICS or w in TITLE_SECTORS for w in words)


def _common_word(text: str, s: int, e: int) -> bool:
    """A lone capitalised word that the same article also writes in lower case ("Bocah",
    "Setiap", "Hotel") is an ordinary word at a sentence start, not a name. Names the KB
    knows are not affected: their KB match covers the span."""
    word = text[s:e]
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    if low in _STOP_WORDS:
        return True
    i = text.find(low)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(low)] if i + len(low) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(low, i + 1)
    return False


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _EDGE.search(text, s, e)
    if m is not None and m.end() == e:
        e = m.start()
    while s < e and text[s] in " \"'“”‘’([":
        s += 1
    # "Kementerian Agama (Kemenag": an opened, unclosed parenthesis ends the name.
    paren = text.find("(", s, e)
    if paren > s and text.find(")", paren, e) < 0:
        e = len(text[s:paren].rstrip()) + s
    # A sentence-initial verb or connective the model swept in ("Melansir The Hill").
    lead = _LEAD_WORD.match(text, s, e)
    if lead is not None:
        s = lead.end()
    return s, e


def _add_role(m: _Mention, info: tuple) -> None:
    role, country, sector = info
    if all(r.title.lower() != role.title.lower() or r.org_or_country != role.org_or_country
           for r in m.roles):
        m.roles.append(role)
    m.country = m.country or country
    m.sector = m.sector or sector


def _agent_before(ctx: _Ctx, start: int) -> tuple[str, str, int] | None:
    lo = max(0, start - 40)
    m = _WORDS_BEFORE.search(ctx.text, lo, start)
    if m is None or m.end() != start:
        return None
    words = m.group(1)
    parts = words.split()
    # Two words first ("angkatan laut"), then the last one ("tentara").
    for n in (2, 1):
        if len(parts) < n:
            continue
        cand = " ".join(parts[-n:])
        key = cand.lower()
        if key in TITLE_SECTORS and key not in _TITLE_AGENTS:
            return None  # "Presiden Rusia" is a title, read with the person
        sector = _agent_sector(ctx.kb, cand)
        if sector:
            wstart = m.start(1) + len(words) - len(cand)
            if n == 1 and len(parts) == 2 and parts[0].lower() == "para":
                wstart = m.start(1)
                cand = words
            return cand, sector, wstart
    return None


def _inside_title(ctx: _Ctx, m: _Mention, mentions: list[_Mention]) -> bool:
    """True when a country is the qualifier of a person's title ("Presiden Rusia X")."""
    for other in mentions:
        if other.label != "PER" or not other.roles:
            continue
        if m.end <= other.start and other.start - m.end <= 60:
            between = ctx.text[m.end:other.start]
            if between.strip() == "" or re.fullmatch(r"[\s\w.\-]*", between):
                for r in other.roles:
                    if r.text and ctx.text[m.start:m.end] in r.text:
                        return True
    return False


def _acts(doc: Any, start: int, end: int) -> bool:
    """True when the parse makes ``text[start:end]`` the subject of a verb."""
    try:
        if not doc.has_annotation("DEP"):
            return False
        span = doc.char_span(start, end, alignment_mode="expand")
    except (AttributeError, ValueError):
        return False
    if span is None:
        return False
    root = span.root
    return root.dep_.startswith("nsubj") and root.head.pos_ in ("VERB", "AUX")


def _capital_of(entry: Any) -> str | None:
    extra = getattr(entry, "extra", None) or {}
    return extra.get("capital_of")


def _dateline_mention(article: Any, kb: Any, countries: set, linked: dict) -> _Mention | None:
    dl = article.dateline
    if dl is None or not dl.place:
        return None
    name = dl.place.strip().title()
    cands = kb.lookup(name, kinds=("place", "country"))
    if not cands:
        return None
    places = [c for c in cands if c.kind == "place"]
    if places:
        from warta.analysis.geocode import pick_place

        entry = pick_place(places, countries | {"IDN"}, prefer=linked)
    else:
        entry = cands[0]
    return _Mention(-1, -1, label=_KIND_TYPES.get(entry.kind, "LOC"), entry=entry)


# -- grouping ----------------------------------------------------------------------------

_ARTICLE_PREFIX = re.compile(r"^(?:al|el|Al|El|ad|as|ash|at|az|ben|bin)-")


def _bare(token: str) -> str:
    """A surname without its Arabic article: "al-Zaabi" -> "Zaabi"."""
    return _ARTICLE_PREFIX.sub("", token)


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip()).lower()


def _group(mentions: list[_Mention], text: str, kb: Any, date: str | None,
           title: str = "", ctx: _Ctx | None = None) -> list[Entity]:
    # Keys: KB id, fixed key (groups), or the name of an unknown referent.
    for m in mentions:
        if m.key is None:
            if m.entry is not None:
                m.key = m.entry.id
            else:
                # By name only: the model may label one name PER here and LOC there.
                m.key = "name:" + _norm(text[m.start:m.end])

    # Short forms of unknown people ("Sri" / "Mulyani" after "Sri Mulyani"): a one-token
    # name joins the only multi-token person name in the article that contains it.
    per_names: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "PER" and m.start >= 0:
            surface = text[m.start:m.end]
            if " " in surface.strip():
                for tok in surface.split():
                    per_names.setdefault(tok, set()).add(m.key)
                    if _bare(tok) != tok:
                        per_names.setdefault(_bare(tok), set()).add(m.key)
    full: dict[str, list[str]] = {}  # key -> the longest name's words
    for m in mentions:
        if m.label == "PER" and m.start >= 0:
            words = text[m.start:m.end].split()
            if len(words) > len(full.get(m.key, ())):
                full[m.key] = words
    for m in mentions:
        if m.entry is None and m.start >= 0 and m.key.startswith("name:"):
            words = text[m.start:m.end].split()
            if len(words) == 1:
                keys = per_names.get(words[0], set())
            elif m.label == "PER":
                # "Lukman Hakim" for "Lukman Hakim Saifuddin": a shorter run of the words.
                keys = {k for k, ws in full.items() if len(ws) > len(words)
                        and _contains_run(ws, words)}
            else:
                keys = set()
            if len(keys) == 1:
                # Any label: the model often calls a lone surname ORG or LOC.
                m.key = next(iter(keys))
                m.label = "PER"
    _short_forms(mentions, text, kb, date, title, full, ctx)

    by_key: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)

    def first(ms: list[_Mention]) -> int:
        real = [m.start for m in ms if m.start >= 0]
        return min(real) if real else len(text) + 1

    ordered = sorted(by_key.values(), key=first)
    total = max(1, sum(1 for m in mentions if m.start >= 0))
    out = []
    for n, ms in enumerate(ordered, start=1):
        out.append(_entity(f"e{n}", ms, text, kb, date, total))
    return out


_NICKNAME = re.compile(r"[ \t]*\(([A-Z][a-z][\w'’\-]*)\)")
_NAME_TOKEN = re.compile(r"[A-Z][\w'’\-]*")
_CALENDAR = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
    "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
    "desember", "pukul", "wib", "wita", "wit",
})
# Words naming what a person is, right before the name ("ekonom Jayant Menon").
_INTRODUCERS = frozenset({
    "ekonom", "pengamat", "peneliti", "analis", "pakar", "pengacara", "advokat", "dosen",
    "guru", "warga", "tersangka", "terdakwa", "saksi", "korban", "pelaku", "politikus",
    "politisi", "kader", "aktivis", "rektor", "dekan", "pendiri", "bendahara", "koordinator",
    "pemilik", "petani", "nelayan", "pedagang", "sopir", "pengemudi", "ayah", "ibunda",
    "ayahanda", "istri", "suami", "anak", "adik", "kakak", "paman", "bibi", "kuasa",
    "hukum", "atlet", "pelatih", "pemain", "artis", "penyanyi", "aktor", "aktris",
})
# Speech verbs after which a name is the speaker ("ujar Jayant Menon").
_SPEECH_WORDS = frozenset({"kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "imbuh",
                           "tambah", "sebut", "terang", "tegas", "menurut", "pungkas", "lanjut",
                           "katanya", "ujarnya"})
# "<role> <name or acronym>, " before a name in apposition.
_APPOSED = re.compile(r"(?<![\w\-])([A-Za-z]+)[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?,[ \t]*$")
_MORE_HONORIFICS = frozenset({"mas", "mbak", "bang", "kak", "cak", "bung", "pakde", "om"})


def _short_forms(mentions: list[_Mention], text: str, kb: Any, date: str | None,
                 title: str, full: dict[str, list[str]], ctx: _Ctx | None = None) -> None:
    """Give people named only by a short form their full name.

    After the grouping by words: a nickname in parentheses after a full name ("Rasmoro
    Pramono Aji (Oney)") and a clipped given name ("Adit" for "Adityawarman Adil") join
    that person; a one-word name that the text (or the headline) also writes with more
    name words that the model left untagged ("Kombes Ferry Walintukan", "Ahmad Luthfi
    Sebut ...") gets them; and a one-word name that is a word of a known person holding,
    on the publication date, an office whose title the article uses ("Panglima" ... "Agus")
    is that person."""
    per = [m for m in mentions if m.label == "PER" and m.start >= 0]
    if not per:
        return
    nick: dict[str, set[str]] = {}
    for m in per:
        if " " in text[m.start:m.end].strip():
            n = _NICKNAME.match(text, m.end)
            if n is not None:
                nick.setdefault(n.group(1), set()).add(m.key)
    multi = {k: ws for k, ws in full.items() if len(ws) > 1}
    for m in mentions:
        if m.entry is not None or m.start < 0 or not m.key.startswith("name:"):
            continue
        words = text[m.start:m.end].split()
        if len(words) != 1 or m.key in multi:
            continue
        w = words[0]
        keys = nick.get(w, set())
        if not keys and len(w) >= 3 and w[:1].isupper():
            keys = {k for k, ws in multi.items()
                    if any(x.startswith(w) and len(x) >= len(w) + 2 for x in ws)}
        if len(keys) == 1:
            m.key, m.label = next(iter(keys)), "PER"
    # One-word names left: look for their fuller form in the text and the headline.
    singles: dict[str, list[_Mention]] = {}
    for m in mentions:
        if m.label == "PER" and m.start >= 0 and m.entry is None and m.key.startswith("name:") \
                and " " not in text[m.start:m.end].strip():
            singles.setdefault(m.key, []).append(m)
    if not singles:
        return
    spans = sorted((m.start, m.end, m.key) for m in mentions if m.start >= 0)
    for key, ms in singles.items():
        if len(full.get(key, ())) > 1:
            continue
        word = text[ms[0].start:ms[0].end].strip()
        run = _fuller_in_text(text, word, key, spans, ctx) if ctx is not None else None
        if run is not None:
            mentions.append(_Mention(run[0], run[1], label="PER", key=key, from_ner=False))
            continue
        name = _fuller_in_title(title, text, word, kb)
        if name is not None:
            for m in ms:
                m.name = name
            continue
        entry = _office_holder(kb, word, date, title + "\n" + text)
        if entry is not None:
            for m in ms:
                m.entry, m.key = entry, entry.id


def _name_like(w: str, text: str) -> bool:
    """A capitalised word that may belong to a person's name."""
    low = w.lower()
    if not w[:1].isupper() or w.isupper() or len(w) < 2 or low in _STOP_WORDS \
            or low in TITLE_SECTORS or low in _HONORIFICS or low in _MORE_HONORIFICS \
            or low in _PORTFOLIO_WORDS or low in _OFFICE_WORDS or low in _CALENDAR \
            or w in _NOT_NAMES:
        return False
    # Ordinary words the article also writes in lower case ("Bocah", "Hotel").
    return low not in _lower_words(text)


@lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes all in lower case (one pass per article)."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def _name_word(w: str) -> bool:
    """A capitalised word that is no stop word, title or date word."""
    low = w.lower()
    return w[:1].isupper() and low not in _STOP_WORDS and low not in TITLE_SECTORS \
        and low not in _HONORIFICS and low not in _CALENDAR and w not in _NOT_NAMES


def _fuller_in_text(text: str, word: str, key: str, spans: list[tuple[int, int, str]],
                    ctx: _Ctx) -> tuple[int, int] | None:
    """The longest run of name words around ``word`` in the text, not inside another
    entity's mention nor a known name, and introduced as people are: after a title or
    rank ("Kombes [Ferry Walintukan] membantah", "Pengacara RK, [Muslim Jaya ...]") or a
    word of address."""
    best = None
    for occ in re.finditer(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", text):
        s, e = occ.start(), occ.end()
        while True:  # to the right: single spaces, name words
            nx = _NAME_TOKEN.match(text, e + 1) if text[e:e + 1] == " " else None
            if nx is None or not _name_like(nx.group(), text) or e - s > 60:
                break
            e = nx.end()
        while True:  # to the left
            pv = re.search(r"([A-Z][\w'’\-]*) $", text[max(0, s - 40):s])
            if pv is None or not _name_like(pv.group(1), text) or e - s > 60:
                break
            s = s - len(pv.group(0))
        if (s, e) == (occ.start(), occ.end()):
            continue
        i = bisect_left(spans, (s, -1, ""))
        clash = any(os < e and oe > s and ok != key
                    for os, oe, ok in spans[max(0, i - 2):i + 4])
        if clash or not _introduced(ctx, s) or any(
                m.cands and m.cands[0].kind != "person" for m in _overlapping(ctx, s, e)):
            continue
        if best is None or e - s > best[1] - best[0]:
            best = (s, e)
    return best


def _introduced(ctx: _Ctx, s: int) -> bool:
    """Whether ``text[s:]`` is introduced as a person: right after a title, rank, word of
    address, description or speech verb ("Kombes Ferry ...", "ujar Jayant ..."), or in
    apposition to one ("pengacara Jokowi, Yakup ...")."""
    pw = _PREV_WORD.search(ctx.text, max(0, s - 30), s)
    if pw is not None and pw.end() == s:
        w = pw.group(1).lower()
        if w in _HONORIFICS or w in _MORE_HONORIFICS or w in _INTRODUCERS \
                or w in TITLE_SECTORS or w in _SPEECH_WORDS:
            return True
    ap = _APPOSED.search(ctx.text, max(0, s - 60), s)
    if ap is not None and ap.end() == s:
        w = ap.group(1).lower()
        if w in _INTRODUCERS or w in TITLE_SECTORS:
            return True
    return _title_before(ctx, s) is not None


def _fuller_in_title(title: str, text: str, word: str, kb: Any) -> str | None:
    """"Ahmad Luthfi" in the headline for "Luthfi" in the text. Headline words are all
    capitalised, so a word joins the name only when it is a known given name or the body
    also writes it capitalised."""
    occ = re.search(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", title)
    if occ is None:
        return None
    tokens = _person_tokens(kb)
    s, e = occ.start(), occ.end()

    def ok(w: str) -> bool:
        return _name_like(w, text) and (w.lower() in tokens or re.search(
            r"[a-z,] " + re.escape(w) + r"(?![\w\-])", text) is not None)

    while True:
        nx = _NAME_TOKEN.match(title, e + 1) if title[e:e + 1] == " " else None
        if nx is None or not ok(nx.group()):
            break
        e = nx.end()
    while True:
        pv = re.search(r"([A-Z][\w'’\-]*) $", title[max(0, s - 40):s])
        if pv is None or not ok(pv.group(1)):
            break
        s -= len(pv.group(0))
    name = title[s:e]
    return name if " " in name else None


_TOKEN_INDEX: dict[int, tuple[Any, dict[str, list]]] = {}


def _person_tokens(kb: Any) -> dict[str, list]:
    """Lower-cased words of the knowledge base's person names -> the people (built once
    per knowledge base)."""
    got = _TOKEN_INDEX.get(id(kb))
    if got is not None and got[0] is kb:
        return got[1]
    index: dict[str, list] = {}
    try:
        people = list(kb.entries("person"))
    except (AttributeError, TypeError):
        people = []
    for ent in people:
        for w in set(ent.name.lower().split()):
            index.setdefault(w, []).append(ent)
    _TOKEN_INDEX[id(kb)] = (kb, index)
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
        if all(re.search(r"(?<![\w\-])(?i:" + re.escape(t) + r")(?![\w\-])", text)
               for t in role.title.split()):
            found.append(ent)
    return found[0] if len(found) == 1 else None


def _contains_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i:i + n] == run for i in range(len(words) - n + 1))


def _entity(eid: str, ms: list[_Mention], text: str, kb: Any, date: str | None,
            total: int) -> Entity:
    ms.sort(key=lambda m: m.start)
    real = [m for m in ms if m.start >= 0]
    entry = next((m.entry for m in ms if m.entry is not None), None)
    roles: list[Role] = []
    for m in ms:
        for r in m.roles:
            if all((r.title.lower(), r.org_or_country) != (x.title.lower(), x.org_or_country)
                   for x in roles):
                roles.append(r)
    country = next((m.country for m in ms if m.country), None)
    sector = next((m.sector for m in ms if m.sector), None)
    cameo = next((m.cameo for m in ms if m.cameo), None)
    labels = [m.label for m in ms if m.label]
    # Most frequent label, PER first on a tie, then the label seen first: ordering a
    # ``set`` here made the type of a tied ORG/LOC entity change with the hash seed.
    label = max(sorted(dict.fromkeys(labels), key=lambda x: x != "PER"), key=labels.count) \
        if labels else "ORG"
    if entry is not None:
        etype = _KIND_TYPES.get(entry.kind, label)
        name = entry.name
        country = _alpha3(entry) or country
        kb_id = entry.id
        if entry.kind == "person":
            kb_role = kb.role_on(entry.id, date) if date else None
            if kb_role is not None:
                cameo = kb_role.cameo
                if not roles:
                    roles.append(Role(title=kb_role.title, org_or_country=kb_role.org_or_country,
                                      start=kb_role.start or None, end=kb_role.end or None))
            elif sector and country:
                cameo = country + sector
            elif date and entry.roles:
                # Known offices, none held on that day: no longer (or not yet) in office.
                cameo = country or entry.cameo
            else:
                cameo = entry.cameo or cameo
        elif entry.kind == "place":
            # A place is not an actor: its capital-as-government reading is a GROUP
            # made where the parse shows the place acting.
            cameo = None
        else:
            cameo = entry.cameo or cameo
    else:
        etype = label
        kb_id = None
        longest = max(real, key=lambda m: m.end - m.start) if real else None
        name = ms[0].name or (_WS.sub(" ", text[longest.start:longest.end].strip())
                              if longest else "")
        if cameo is None and country and sector:
            cameo = country + sector
        elif cameo is None and country and etype == "PER":
            cameo = country
    if cameo and len(cameo) >= 6 and sector is None and country and cameo[:3] == country:
        sector = cameo[3:6]
    salience = sum(1.0 + (0.5 if m.start < len(text) * 0.2 else 0.0) for m in real) / total
    return Entity(id=eid, type=etype, name=name, kb_id=kb_id, cameo=cameo, country=country,
                  sector=sector, roles=roles,
                  mentions=[Span(m.start, m.end) for m in real],
                  salience=round(min(1.0, salience), 4))
