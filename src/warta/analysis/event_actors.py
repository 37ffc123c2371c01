"""Actor mentions of one sentence, as the event coder sees them (private helper of
``events.py``).

An actor mention is a token range with a CAMEO actor code. They come from the resolved
entities of the analysis (``Entity.mentions``, the longest covering mention wins, so
"tentara Rusia" beats "Rusia"); when the analysis carries no entities (a bare sentence, a
test) the knowledge base's alias matcher and agent words stand in. Pronouns are kept as
unresolved mentions so that the coder can resolve them against the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from warta.knowledge import kb
from warta.record import Analysis

__all__ = ["PRONOUNS", "ActorMention", "sentence_actors"]

# Pronouns that can stand for an actor: "dia/ia" for a person, "mereka" for a group,
# "kami/kita/saya" for the speaker's side.
PRONOUNS = {"dia": "per", "ia": "per", "beliau": "per", "mereka": "grp", "pihaknya": "grp",
            "kami": "we", "kita": "we", "saya": "we", "aku": "we"}

# Entity types that never act in an event by themselves (a place is an actor only when the
# entity stage made it one, e.g. a capital standing for its government).
_ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "GROUP", "NORP", "LOC"})


@dataclass(slots=True)
class ActorMention:
    start: int  # doc token index
    end: int  # exclusive
    code: str | None
    entity_id: str | None
    text: str
    char_start: int
    char_end: int
    kind: str  # "actor" | "place" | "pronoun"
    etype: str | None = None


def _code_of(ent: Any) -> str | None:
    if ent.cameo:
        return ent.cameo
    if ent.country and ent.sector:
        return ent.country + ent.sector
    return ent.country


_DIRECTIONS = (" utara", " selatan", " timur", " barat", " tengah", " tenggara",
               " barat daya", " barat laut", " timur laut")


def _kb_code(text: str) -> str | None:
    """A code for a mention the entity stage left without one ("Sri Lanka" read as PER,
    "Israel utara" as an unknown place)."""
    low = text.lower()
    for d in _DIRECTIONS:
        if low.endswith(d):
            text = text[: -len(d)]
            break
    try:
        from warta.knowledge import kb as _kb

        found = _kb().lookup(text, kinds=("country", "igo", "org"))
    except Exception:  # noqa: BLE001 - no KB tables
        return None
    for e in found:
        if e.cameo or e.country:
            return e.cameo or e.country
    return None


def _from_entities(analysis: Analysis, doc: Any, s0: int, s1: int) -> list[ActorMention]:
    out: list[ActorMention] = []
    c0, c1 = doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1].text)
    # ``doc.text`` is rebuilt on every access: read the article text instead.
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    text = analysis.article.text if len(analysis.article.text or "") == end else doc.text
    for ent in analysis.entities:
        if ent.type not in _ACTOR_TYPES:
            continue
        code = _code_of(ent)
        country_like = False
        if code is None and ent.mentions:
            code = _kb_code(text[ent.mentions[0].start:ent.mentions[0].end])
            country_like = code is not None and len(code) == 3
        kind = "actor"
        if ent.type == "LOC" and not country_like:
            # Plain places (cities, regions) only locate an event or, failing a better
            # actor, stand for their country as a target.
            kind = "place"
        for m in ent.mentions:
            if m.end <= c0 or m.start >= c1:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(ActorMention(span.start, span.end, code, ent.id, text[m.start:m.end],
                                    m.start, m.end, kind, ent.type))
    return out


def _from_kb(doc: Any, s0: int, s1: int, date: str | None) -> list[ActorMention]:
    """Stand-in when no entities were resolved: KB aliases plus agent words before them."""
    try:
        from warta.knowledge import kb as _kb

        kb = _kb()
    except Exception:  # noqa: BLE001 - KB tables not built: no actors rather than a crash
        return []
    c0 = doc[s0].idx
    # The sentence's own text, not a slice of ``doc.text``: spaCy rebuilds that from
    # every token on each access, which made this the slowest line of the event stage.
    text = doc[s0:s1].text
    out: list[ActorMention] = []
    for m in kb.find_aliases(text):
        entry = kb.get(m.entry_ids[0])
        if entry is None or entry.kind == "agent":
            continue
        code = entry.cameo or entry.country
        if entry.kind == "person" and date:
            role = kb.role_on(entry.id, date)
            if role is not None:
                code = role.cameo
        kind = "place" if entry.kind == "place" else "actor"
        span = doc.char_span(c0 + m.start, c0 + m.end, alignment_mode="expand")
        if span is None:
            continue
        start = span.start
        if entry.kind == "country" and code:
            # An agent word right before a country makes a sector actor: "tentara Rusia".
            for n in (2, 1):
                if start - n < s0:
                    continue
                words = " ".join(t.text for t in doc[start - n:start])
                sector = kb.agent(words)
                if sector:
                    code, start = code + sector, start - n
                    break
        out.append(ActorMention(start, span.end, code, None, doc[start:span.end].text,
                                doc[start].idx, span.end_char, kind, entry.kind.upper()))
    return out


# Words that may stand between an agent word and its country without breaking the phrase
# ("Pejabat *senior* Hongaria", "Menteri *Luar Negeri* Rusia").
_NP_FILLER = frozenset(["senior", "tinggi", "tertinggi", "baru", "lama", "utama", "muda", "radikal", "garis", "keras", "luar", "negeri", "dalam", "pertahanan", "keuangan", "perdagangan", "hukum", "keamanan", "politik", "nasional", "federal", "sementara", "negara", "urusan", "kabinet", "jenderal", "besar", "antihuru-hara", "khusus", "elite", "setempat", "pimpinan", "bentukan",
                        "dukungan", "sipil", "bersenjata"])



def _sector_word(kb: Any, words: str) -> str | None:
    low = words.lower()
    for key in dict.fromkeys((low, _singular(low))):
        got = kb.agent(key)
        if got:
            return got.strip("~[]")[:3] or None
    return None


def _singular(words: str) -> str:
    """"kelompok-kelompok bersenjata" -> "kelompok bersenjata": plural reduplication of
    each word undone (the whole phrase is tried first, so "mata-mata" keeps its sense)."""
    out = []
    for w in words.split():
        a, sep, b = w.partition("-")
        out.append(a if sep and a == b else w)
    return " ".join(out)


def _country_code(kb: Any, words: str) -> str | None:
    if kb is None:
        return None
    try:
        found = kb.lookup(words, kinds=("country",))
    except Exception:  # noqa: BLE001
        return None
    return (found[0].cameo or found[0].country) if found else None


def _filler(doc: Any, j: int) -> bool:
    """A word that may sit inside an actor phrase between its head and its country."""
    t = doc[j]
    w = t.lower_
    if w in _NP_FILLER or w in ("para", "sejumlah", "seorang", "sekelompok", "kelompok",
                                "etnis", "keturunan", "asal", "pihak", "gelap", "kaum", "ribuan",
                                "ratusan", "puluhan"):
        return True
    if w.isdigit() or t.like_num:
        return True
    # Qualifiers ("warga Kurdi Irak", "pekerja pabrik kertas Prancis"), not verbs.
    if t.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ", "PRON", "DET"):
        return False
    if len(w) > 5 and w.startswith(("me", "ber", "di", "ter")) and not t.text[:1].isupper():
        return False
    return t.pos_ in ("PROPN", "NOUN", "ADJ") and j > 0


# Heads of phrases that name sports people and teams, not political actors ("Pembalap
# Spanyol", "Tim basket Indonesia"): such a phrase is no actor.
_SPORT_HEADS = frozenset({"pembalap", "pemain", "atlet", "petenis", "pebulu", "pebulutangkis",
                          "pesepak", "pesepakbola", "pelari", "perenang", "lifter", "tim",
                          "timnas", "skuad", "klub", "suporter", "pelatih", "kiper",
                          "penyerang", "gelandang", "bek", "juara", "pegolf", "pebalap",
                          "pesilat", "petinju", "pecatur", "voli", "basket"})


def _sport(doc: Any, a: ActorMention, s0: int) -> bool:
    for k in range(max(s0, a.start - 3), a.start + 1):
        if doc[k].lower_ in _SPORT_HEADS:
            return True
    return False


def _enrich(doc: Any, a: ActorMention, s0: int, kb: Any) -> ActorMention:
    """A bare country code plus the agent word heading its phrase: "Pejabat senior
    Hongaria" is HUNGOV, "Kapal-kapal perang Prancis" FRAMIL, "Kelompok pemberontak di
    Pantai Gading" CIVREB. Looks inside the mention first ("Pasukan Serbia" as one span)."""
    if a.kind != "actor":
        return a
    if a.code and a.code.startswith("IGOUNO") and len(a.code) == 6 and a.start > s0 \
            and any(t.lower_ in ("pasukan", "penjaga", "perdamaian", "tentara", "personel")
                    for t in doc[max(s0, a.start - 3):a.start]):
        return ActorMention(a.start, a.end, "IGOUNOMIL", a.entity_id, a.text, a.char_start,
                            a.char_end, a.kind, a.etype)
    if not a.code and a.etype == "PER":
        # A person the KB does not know, with a country in the span or its title (the
        # capitalised words right before it: "Presiden Georgia Eduard Shevardnadze").
        first = a.start
        while first > s0 and a.start - first < 3 and doc[first - 1].text[:1].isupper():
            first -= 1
        for n in (2, 1):
            for lo in range(first, a.end - n + 1):
                code = _country_code(kb, " ".join(t.text for t in doc[lo:lo + n]))
                if code:
                    sector = None
                    for k in range(first, lo):
                        sector = sector or _sector_word(kb, doc[k].text)
                    return ActorMention(a.start, a.end, code + (sector or ""), a.entity_id,
                                        a.text, a.char_start, a.char_end, a.kind, a.etype)
        return a
    if a.code and len(a.code) == 3 and a.etype == "PER":
        # "Presiden Irak Saddam Hussein" linked to a country only: the title gives the role.
        for k in range(max(s0, a.start - 3), min(a.end, a.start + 3)):
            sector = _sector_word(kb, doc[k].text)
            if sector:
                return ActorMention(a.start, a.end, a.code + sector, a.entity_id, a.text,
                                    a.char_start, a.char_end, a.kind, a.etype)
        return a
    if not a.code or len(a.code) != 3 or a.etype == "PER":
        return a
    # The country word inside the mention: agents are the words before it.
    country_at = a.end - 1
    while country_at > a.start and _country_code(kb, doc[country_at].text) is None \
            and _country_code(kb, doc[country_at - 1:country_at + 1].text) is None:
        country_at -= 1
    if country_at > a.start and _country_code(kb, doc[country_at - 1:country_at + 1].text):
        country_at -= 1
    j = country_at - 1
    steps = 0
    after_di = False
    while j >= s0 and steps < 5:
        for n in (3, 2, 1):
            lo = j - n + 1
            if lo < s0:
                continue
            sector = _sector_word(kb, " ".join(t.text for t in doc[lo:j + 1]))
            if sector:
                start = min(lo, a.start)
                if sector not in ("CVL", "REF") and any(
                        t.lower_ == "sipil" for t in doc[j + 1:country_at]):
                    sector = "CVL"  # "penasihat sipil Jepang": civilians, not officials
                return ActorMention(start, a.end, a.code + sector, a.entity_id,
                                    doc[start:a.end].text, doc[start].idx, a.char_end, a.kind,
                                    a.etype)
        if after_di and doc[j].lower_ in ("perdamaian", "penjaga"):
            break  # peacekeepers "di Lebanon" are not Lebanon's forces
        if doc[j].lower_ == "di" and steps == 0:
            after_di = True
        elif not _filler(doc, j):
            break
        j -= 1
        steps += 1
    return a


# Agent words that are actors by themselves ("pemberontak", "pihak oposisi"); their country
# is read from the sentence.
_BARE_AGENTS = frozenset({"pemberontak", "oposisi", "demonstran", "pengunjuk rasa",
                          "militan", "gerilyawan", "polisi", "narapidana", "mahasiswa",
                          "pengungsi", "milisi", "parlemen", "kabinet", "buruh",
                          # groups that protest, strike and demand in Indonesian news
                          # (not "nelayan"/"petani": measured on 1,900 shared articles,
                          # most of the events they added were wrong, e.g. farmers "sitting")
                          "aktivis", "pekerja", "pedagang"})


# Nouns made from verbs whose possessor is their doer: "tuntutan pemberontak" (the rebels'
# demand) names the rebels, where "kantor polisi" does not name the police.
_DEVERBAL = frozenset({"tuntutan", "serangan", "pernyataan", "permintaan", "desakan",
                       "ancaman", "tekanan", "usulan", "tawaran", "seruan", "kecaman",
                       "tudingan", "tuduhan", "aksi", "protes", "unjuk"})


def _deverbal(word: str) -> bool:
    return word in _DEVERBAL


def _bare_agents(doc: Any, s0: int, s1: int, lows: list[str], taken: set[int], kb: Any,
                 country: str | None) -> list[ActorMention]:
    out = []
    for i in range(s0, s1):
        if i in taken:
            continue
        w = lows[i - s0]
        two = f"{w} {lows[i + 1 - s0]}" if i + 1 < s1 else ""
        key = two if two in _BARE_AGENTS else w if w in _BARE_AGENTS else None
        if key is None:
            continue
        n = 2 if key == two else 1
        prev = doc[i - 1].lower_ if i > s0 else ""
        if prev not in ("para", "pihak", "kaum", "kelompok", "sekelompok", "ribuan",
                        "ratusan", "puluhan") and i > s0 and (
                doc[i - 1].pos_ in ("NOUN", "PROPN")
                or prev in ("bernomor", "pelat", "kantor", "mobil")) \
                and not _deverbal(prev):
            continue  # "kantor polisi", "bernomor polisi": a modifier, not an actor
        if i > s0 and doc[i - 1].lower_ in ("para", "pihak", "kaum", "kelompok"):
            i, n = i - 1, n + 1
        sector = _sector_word(kb, key) or ""
        code = (country or "") + sector if sector else None
        if code:
            out.append(ActorMention(i, i + n, code, None, doc[i:i + n].text, doc[i].idx,
                                    doc[i + n - 1].idx + len(doc[i + n - 1].text), "actor",
                                    "AGENT"))
    return out


_GOV_TITLES = frozenset({"presiden", "perdana", "menteri", "raja", "ratu", "kanselir",
                         "emir", "sultan", "wakil", "gubernur", "pemimpin"})


def _titled(doc: Any, a: ActorMention, s0: int, country: str) -> ActorMention:
    """A titled person the KB does not know ("Presiden Mugabe"), read as an office holder
    of the country the sentence is about."""
    if a.code or a.etype != "PER" or a.kind != "actor":
        return a
    words = {t.lower_ for t in doc[max(s0, a.start - 2):a.start + 1]}
    if words & _GOV_TITLES:
        return ActorMention(a.start, a.end, country + "GOV", a.entity_id, a.text, a.char_start,
                            a.char_end, a.kind, a.etype)
    return a


def _inherit(doc: Any, cover: ActorMention, inner: ActorMention, kb: Any) -> ActorMention:
    """An uncoded name around a coded one takes its code: "kota Mardin" (Mardin, TUR),
    "Negara Bagian Kordofan Selatan"; an institution named after its place takes the place's
    country and the sector of its head word ("Universitas Mosul" IRQEDU)."""
    code = inner.code
    kind = cover.kind
    if cover.etype in ("ORG", "GROUP", "LOC") and code and len(code) == 3:
        for k in range(cover.start, inner.start):
            sector = _sector_word(kb, doc[k].text)
            if sector:
                # "Fakultas Hukum Universitas Mosul": the university, IRQEDU.
                code, kind = code + sector, "actor"
                break
        else:
            if cover.kind == "actor" and inner.kind == "place":
                return cover  # "Stadion Gelora Bung Karno": a building, not an actor
    return ActorMention(cover.start, cover.end, code, cover.entity_id or inner.entity_id,
                        cover.text, cover.char_start, cover.char_end, kind, cover.etype)


def _merge_adjacent(doc: Any, kept: list[ActorMention]) -> list[ActorMention]:
    """"Presiden Rusia" + "Vladimir Putin" side by side are one actor: keep the span of
    both and the code of the person (or the longer code)."""
    out: list[ActorMention] = []
    for a in kept:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == a.kind == "actor" and prev.end == a.start \
                and prev.code and a.code and prev.code[:3] == a.code[:3]:
            best = a if (a.etype == "PER" or len(a.code) > len(prev.code)) else prev
            out[-1] = ActorMention(prev.start, a.end, best.code, best.entity_id,
                                   doc[prev.start:a.end].text, prev.char_start, a.char_end,
                                   "actor", best.etype)
            continue
        out.append(a)
    return out


def _untagged_titled(doc: Any, s0: int, s1: int, lows: list[str], taken: set[int],
                     country: str) -> list[ActorMention]:
    """"Perdana Menteri Mahendra Chaudhry" that no stage tagged: a title followed by
    capitalised names is an office holder of the sentence's country."""
    try:
        from warta.analysis.entities import TITLE_SECTORS
    except ImportError:
        return []
    out = []
    i = s0
    while i < s1:
        hit = None
        for n in (3, 2, 1):
            if i + n <= s1 and not any(k in taken for k in range(i, i + n)):
                words = " ".join(lows[i - s0:i - s0 + n])
                if TITLE_SECTORS.get(words):
                    hit = (n, TITLE_SECTORS[words])
                    break
        if hit is None or not doc[i].text[:1].isupper():
            i += 1
            continue
        n, sector = hit
        j = i + n
        while j < s1 and j - (i + n) < 4 and doc[j].text[:1].isupper() and j not in taken \
                and doc[j].is_alpha:
            j += 1
        if j - (i + n) >= 1:
            out.append(ActorMention(i, j, country + sector, None, doc[i:j].text, doc[i].idx,
                                    doc[j - 1].idx + len(doc[j - 1].text), "actor", "PER"))
            taken.update(range(i, j))
        i = j
    return out


def _recode_org_country(doc: Any, kept: list[ActorMention], kb: Any) -> list[ActorMention]:
    """"Mahkamah Konstitusi Latvia": an institution the KB files under one country,
    followed by another country's name, belongs to that country."""
    out: list[ActorMention] = []
    skip = -1
    for n, a in enumerate(kept):
        if n == skip:
            continue
        b = kept[n + 1] if n + 1 < len(kept) else None
        if b is not None and b.start == a.end and a.code and len(a.code) >= 6 \
                and b.code and len(b.code) == 3 and b.kind == "actor" \
                and b.code != a.code[:3] and not a.code.startswith(("IGO", "NGO")):
            out.append(ActorMention(a.start, b.end, b.code + a.code[3:6], b.entity_id,
                                    doc[a.start:b.end].text, a.char_start, b.char_end,
                                    "actor", a.etype))
            skip = n + 1
            continue
        out.append(a)
    return out


# Words marking a former or ousted office holder: CAMEO codes such a person ELI (elite), not
# by the office ("mantan presiden X", "Presiden terguling X").
_FORMER = frozenset({"mantan", "bekas", "eks", "terguling", "digulingkan", "tergulingkan",
                     "purnawirawan"})
# Nouns before a country name that make it a place, not the state: "kota-kota Irak" are
# the towns (their people, in an attack), "bahasa Rusia" is a language.
_TOWN_HEADS = frozenset({"kota", "kota-kota", "desa", "desa-desa", "kampung", "permukiman"})
_NOT_ACTOR_HEADS = frozenset({"bahasa", "dialek", "aksara", "masakan", "mata uang", "kurs"})


def _former(doc: Any, a: ActorMention, s0: int) -> ActorMention:
    """A person (or titled phrase) marked as a former office holder is ELI: the marker
    stands next to a title ("mantan presiden", "Presiden terguling") or right before the
    person's name. A capitalised marker inside a name ("Bekas Republik Yugoslavia
    Makedonia") is part of the name."""
    if a.kind != "actor" or not a.code or len(a.code) < 3 or not a.code[:3].isalpha() \
            or a.code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return a
    lo = max(s0, a.start - 3)
    hi = min(a.end, a.start + 3)
    for k in range(lo, hi):
        if doc[k].lower_ not in _FORMER:
            continue
        if k > s0 and doc[k].text[:1].isupper() and k + 1 < len(doc) \
                and doc[k + 1].text[:1].isupper() and not _title_word(doc[k + 1].lower_):
            continue
        near_title = (k + 1 < len(doc) and _title_word(doc[k + 1].lower_)) or \
            (k > s0 and _title_word(doc[k - 1].lower_))
        if near_title or (a.etype == "PER" and k == a.start - 1):
            return ActorMention(a.start, a.end, a.code[:3] + "ELI", a.entity_id, a.text,
                                a.char_start, a.char_end, a.kind, a.etype)
    return a


def _title_word(w: str) -> bool:
    return w in _GOV_TITLES or w in ("jenderal", "diktator", "pemimpin", "penguasa")


def _share_role(doc: Any, kept: list[ActorMention]) -> list[ActorMention]:
    """"Pejabat senior Chile dan Peru", "Kapal-kapal perang Italia dan Yunani": the
    agent word heading a coordination covers a bare country that follows it."""
    out = list(kept)
    for n in range(1, len(out)):
        a, b = out[n - 1], out[n]
        if a.kind != "actor" or b.kind != "actor" or not a.code or not b.code:
            continue
        if len(b.code) != 3 or b.etype not in ("GPE", None) or len(a.code) < 6 \
                or a.code.startswith(("IGO", "NGO", "IMG", "MNC")) or a.etype == "PER":
            continue
        between = [t.lower_ for t in doc[a.end:b.start]]
        if between not in (["dan"], ["serta"], [","], ["maupun"]):
            continue
        if b.end < len(doc) and doc[b.end].pos_ in ("NOUN", "PROPN") \
                and doc[b.end].text[:1].isupper():
            continue  # "... dan Rusia Bersatu": the country starts a longer name
        if a.start >= a.end - 1 or _country_first(doc, a):
            continue  # "Rusia dan China": nothing heads the first country
        out[n] = ActorMention(b.start, b.end, b.code + a.code[3:6], b.entity_id, b.text,
                              b.char_start, b.char_end, b.kind, b.etype)
    return out


def _country_first(doc: Any, a: ActorMention) -> bool:
    # True when the mention opens with its country ("Rusia" in "Rusia Bersatu").
    return doc[a.start].text[:1].isupper() and doc[a.start].pos_ == "PROPN" \
        and kb().agent(doc[a.start].lower_) is None


def _placelike(doc: Any, a: ActorMention, s0: int) -> ActorMention | None:
    """A country name after "kota"/"desa" is a place; after "bahasa" it is no actor."""
    if a.kind != "actor" or not a.code or len(a.code) != 3 or a.start <= s0:
        return a
    prev = doc[a.start - 1].lower_
    prev2 = f"{doc[a.start - 2].lower_} {prev}" if a.start - 2 >= s0 else ""
    if prev in _NOT_ACTOR_HEADS or prev2 in _NOT_ACTOR_HEADS:
        return None
    # "desa strategis di Kamboja barat": the village named by the country it lies in.
    town_di = prev == "di" and any(doc[k].lower_ in _TOWN_HEADS
                                   for k in range(max(s0, a.start - 4), a.start - 1))
    if prev in _TOWN_HEADS or town_di:
        return ActorMention(a.start, a.end, a.code, a.entity_id, a.text, a.char_start,
                            a.char_end, "place", a.etype)
    return a


def _home_country(analysis: Analysis) -> str | None:
    dateline = analysis.article.dateline
    if dateline is None or dateline.place_id is None:
        return None
    place = next((p for p in analysis.places if p.entity_id == dateline.place_id), None)
    return place.country if place is not None else None


def sentence_actors(analysis: Analysis, doc: Any, s0: int, s1: int,
                    date: str | None = None) -> list[ActorMention]:
    """Actor mentions inside doc tokens ``[s0, s1)``, sorted, without nested duplicates."""
    found = _from_entities(analysis, doc, s0, s1) if analysis.entities else []
    if not found:
        found = _from_kb(doc, s0, s1, date)
    try:
        from warta.knowledge import kb as _kb

        kb = _kb()
    except Exception:  # noqa: BLE001 - tables not built
        kb = None
    found = [_enrich(doc, a, s0, kb) for a in found if not _sport(doc, a, s0)]
    # Longest mention first, so a covering group ("tentara Rusia") hides its country; on
    # equal spans the more specific code wins ("SRBMIL" over "SRB").
    found.sort(key=lambda a: (a.start, -(a.end - a.start), a.kind != "actor",
                              -len(a.code or "")))
    kept: list[ActorMention] = []
    for a in found:
        cover = next((n for n, k in enumerate(kept)
                      if k.start <= a.start and a.end <= k.end), None)
        if cover is None:
            kept.append(a)
        elif not kept[cover].code and a.code and a.kind in ("actor", "place"):
            kept[cover] = _inherit(doc, kept[cover], a, kb)
    kept = _recode_org_country(doc, kept, kb)
    kept = _merge_adjacent(doc, kept)
    kept = [b for b in (_placelike(doc, a, s0) for a in kept) if b is not None]
    kept = _share_role(doc, kept)
    taken = {i for a in kept for i in range(a.start, a.end)}
    country = next((a.code[:3] for a in kept if a.kind == "actor" and a.code
                    and a.code[:3].isalpha() and a.code[:3].isupper()
                    and not a.code.startswith(("IGO", "NGO", "IMG", "MNC"))), None) \
        or next((a.code[:3] for a in kept if a.kind == "place" and a.code), None)
    # Agent words with no country in their sentence ("ribuan nelayan berunjuk rasa") belong
    # to the country the article reports from: its dateline place's country.
    # The sentence's lower-cased words, read once for the word-list look-ups below.
    lows = [t.lower_ for t in doc[s0:s1]]
    kept.extend(_bare_agents(doc, s0, s1, lows, taken, kb, country or _home_country(analysis)))
    if country:
        kept = [_titled(doc, a, s0, country) for a in kept]
        kept.extend(_untagged_titled(doc, s0, s1, lows, taken, country))
    kept = [_former(doc, a, s0) for a in kept]
    taken = {i for a in kept for i in range(a.start, a.end)}
    for i in range(s0, s1):
        low = lows[i - s0]
        if low in PRONOUNS and i not in taken:
            kept.append(ActorMention(i, i + 1, None, None, doc[i].text, doc[i].idx,
                                     doc[i].idx + len(doc[i].text), "pronoun", PRONOUNS[low]))
    kept.sort(key=lambda a: a.start)
    return kept
