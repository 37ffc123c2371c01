"""GDELT 2.0 compatible files: Events (61 columns), Mentions (16) and GKG 2.1 (27).

Tab-separated, no header, GDELT's column order and value formats, so tools written for
GDELT's own files read ours. Events from different articles with the same source,
target, code and date are one GDELT event (NumMentions / NumArticles / NumSources);
every mention is a row of the Mentions file. Our article URL (or ``warta:<id>`` when the
article had none) is SOURCEURL / MentionIdentifier / DocumentIdentifier. The quotation
speakers GKG has no column for go in V2EXTRASXML as ``<WARTA_QUOTES>``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

from warta.export.atomic import atomic_path
from warta.record import Actor, Analysis, DateMention, Entity, Event, Place, Quote

__all__ = [
    "EVENT_COLUMNS",
    "GKG_COLUMNS",
    "MENTION_COLUMNS",
    "write_events",
    "write_gkg",
    "write_mentions",
]

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
EVENT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + [f"Actor1Geo_{c}" for c in _GEO]
    + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
MENTION_COLUMNS = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]
GKG_COLUMNS = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
]
_GEO_TYPE = {"country": 1, "admin1": 5, "admin2": 4, "city": 4, "region": 5}
_CLEAN = re.compile(r"[\t\r\n]+")
# The forms of DateMention.value (docs/schema.md): day, ISO week, month, year.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")


def _clean(value: object, extra: str = "") -> str:
    if value is None:
        return ""
    text = _CLEAN.sub(" ", str(value))
    for ch in extra:
        text = text.replace(ch, " ")
    return text.strip()


def _doc_url(a: Analysis) -> str:
    return a.article.url or f"warta:{a.article.id}"


def _source_name(a: Analysis) -> str:
    if a.article.url:
        return urlparse(a.article.url).netloc.removeprefix("www.")
    return a.article.outlet or ""


def _published(a: Analysis) -> datetime | None:
    if not a.article.published:
        return None
    value = a.article.published.value
    try:
        return (
            datetime.fromisoformat(value[:19])
            if "T" in value
            else datetime.fromisoformat(value[:10])
        )
    except ValueError:
        return None


def _stamp(dt: datetime | None) -> str:
    return dt.strftime("%Y%m%d%H%M%S") if dt else ""


def _event_day(a: Analysis, ev: Event) -> date | None:
    for value in (ev.date, a.article.published.value if a.article.published else None):
        if value and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _fips(alpha3: str | None) -> str:
    if not alpha3:
        return ""
    from warta.knowledge import kb

    return kb().fips(alpha3) or ""


def _geo(place: Place | None) -> list[str]:
    if place is None or place.lat is None:
        return [""] * len(_GEO)
    return [
        str(_GEO_TYPE.get(place.kind or "", 4)),
        _clean(place.name, "#;"),
        _fips(place.country),
        _clean(place.admin1),
        "",
        f"{place.lat:.4f}",
        f"{place.lon:.4f}",
        _clean(place.kb_id),
    ]


def _actor(a: Analysis, actor: Actor | None) -> list[str]:
    if actor is None:
        return [""] * len(_ACTOR)
    code = actor.code or ""
    ent = a.entity(actor.entity_id)
    name = (ent.name if ent else actor.text).upper()
    country, known, types = "", "", ["", "", ""]
    if code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        known = code[3:6]
        types[0] = code[:3]
    elif len(code) >= 3:
        country = code[:3]
        rest = [code[i : i + 3] for i in range(3, len(code), 3)]
        types[: len(rest[:3])] = rest[:3]
    return [code, _clean(name), country, known, "", "", "", *types]


@dataclass
class _Cluster:
    key: tuple
    mentions: list[tuple[Analysis, Event]] = field(default_factory=list)

    @property
    def gid(self) -> int:
        digest = hashlib.sha1("|".join(map(str, self.key)).encode()).hexdigest()
        return int(digest[:15], 16)


def _clusters(analyses: Iterable[Analysis]) -> list[_Cluster]:
    clusters: dict[tuple, _Cluster] = {}
    for a in analyses:
        for ev in a.events:
            if ev.negated:
                continue  # GDELT records what happened, not what was denied
            day = _event_day(a, ev)
            key = (
                ev.source.code if ev.source else "",
                ev.target.code if ev.target else "",
                ev.cameo,
                day.isoformat() if day else "",
            )
            clusters.setdefault(key, _Cluster(key)).mentions.append((a, ev))
    return list(clusters.values())


def _place(a: Analysis, entity_id: str | None) -> Place | None:
    for p in a.places:
        if p.entity_id == entity_id:
            return p
    return None


def write_events(analyses: Iterable[Analysis], path: Path) -> int:
    clusters = _clusters(analyses)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for c in clusters:
            a, ev = c.mentions[0]
            day = _event_day(a, ev)
            articles = {m[0].article.id for m in c.mentions}
            sources = {_source_name(m[0]) for m in c.mentions}
            tones = [m[0].tone.score * 100 for m in c.mentions if m[0].tone]
            place = _place(a, ev.place_id)
            src_place = _place(a, ev.source.entity_id) if ev.source else None
            tgt_place = _place(a, ev.target.entity_id) if ev.target else None
            row = [
                str(c.gid),
                day.strftime("%Y%m%d") if day else "",
                day.strftime("%Y%m") if day else "",
                str(day.year) if day else "",
                f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
                *_actor(a, ev.source),
                *_actor(a, ev.target),
                "1" if ev.root == ev.cameo[:2] and _is_first_sentence(a, ev) else "0",
                ev.cameo,
                ev.cameo[:3],
                ev.root,
                str(ev.quad_class),
                f"{ev.goldstein:.1f}",
                str(len(c.mentions)),
                str(len(sources)),
                str(len(articles)),
                f"{sum(tones) / len(tones):.4f}" if tones else "0",
                *_geo(src_place),
                *_geo(tgt_place),
                *_geo(place),
                _stamp(_published(a)),
                _clean(_doc_url(a)),
            ]
            assert len(row) == len(EVENT_COLUMNS)
            fh.write("\t".join(row) + "\n")
    return len(clusters)


def _is_first_sentence(a: Analysis, ev: Event) -> bool:
    # GDELT's IsRootEvent: the event is in the lead of the article.
    return (
        bool(a.sentences) and ev.sentence.start <= a.sentences[min(2, len(a.sentences) - 1)].start
    )


def write_mentions(analyses: Iterable[Analysis], path: Path) -> int:
    n = 0
    clusters = _clusters(analyses)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for c in clusters:
            first_a, first_ev = c.mentions[0]
            first_day = _event_day(first_a, first_ev)
            for a, ev in c.mentions:
                sid = next(
                    (
                        i + 1
                        for i, s in enumerate(a.sentences)
                        if s.start <= ev.sentence.start < s.end
                    ),
                    0,
                )
                evidence = ev.evidence[0].start if ev.evidence else ev.sentence.start
                row = [
                    str(c.gid),
                    first_day.strftime("%Y%m%d000000") if first_day else "",
                    _stamp(_published(a)),
                    "1",
                    _clean(_source_name(a)),
                    _clean(_doc_url(a)),
                    str(sid),
                    str(ev.source.start) if ev.source and ev.source.start is not None else "-1",
                    str(ev.target.start) if ev.target and ev.target.start is not None else "-1",
                    str(evidence),
                    "1",
                    str(round(ev.confidence * 100)),
                    str(len(a.article.text)),
                    f"{a.tone.score * 100:.4f}" if a.tone else "0",
                    "",
                    "",
                ]
                assert len(row) == len(MENTION_COLUMNS)
                fh.write("\t".join(row) + "\n")
                n += 1
    return n


def write_gkg(analyses: Iterable[Analysis], path: Path) -> int:
    n = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for a in analyses:
            n += 1
            fh.write("\t".join(_gkg_row(a, n)) + "\n")
    return n


def _gkg_row(a: Analysis, n: int) -> list[str]:
    art = a.article
    stamp = _stamp(_published(a))
    persons = [e for e in a.entities if e.type == "PER"]
    orgs = [e for e in a.entities if e.type == "ORG"]

    def names(ents: list[Entity]) -> str:
        return ";".join(dict.fromkeys(_clean(e.name, ";,") for e in ents))

    def enhanced(ents: list[Entity]) -> str:
        return ";".join(f"{_clean(e.name, ';,')},{m.start}" for e in ents for m in e.mentions)

    theme_names = [t.gdelt or f"WARTA_{t.id}" for t in a.themes]
    v1loc, v2loc = [], []
    for p in a.places:
        if p.lat is None:
            continue
        geo = _geo(p)
        v1loc.append("#".join([geo[0], geo[1], geo[2], geo[3], geo[5], geo[6], geo[7]]))
        ent = a.entity(p.entity_id)
        for m in ent.mentions if ent else [None]:
            v2loc.append("#".join([*geo[:5], geo[5], geo[6], geo[7], str(m.start) if m else ""]))
    tone = a.tone
    v15 = ""
    if tone is not None:
        words = len(art.text.split())
        v15 = (
            ",".join(
                f"{x:.4f}"
                for x in (
                    (tone.positive - tone.negative) * 100,
                    tone.positive * 100,
                    tone.negative * 100,
                    tone.polarity * 100,
                    0.0,
                    0.0,
                )
            )
            + f",{words}"
        )
    dates = [_enhanced_date(d) for d in a.dates]
    quotes = "#".join(
        f"{q.start}|{q.end - q.start}|{_clean(q.cue, '|#')}|{_clean(q.text, '|#')}"
        for q in a.quotes
    )
    speakers = "".join(
        f'<QUOTE offset="{q.start}" speaker="{_xml(q.speaker.text if q.speaker else "")}"'
        f' speaker_id="{_xml(_speaker_kb_id(a, q))}"'
        f' via="{_xml(q.via or "")}"/>'
        for q in a.quotes
    )
    extras = f"<PAGE_TITLE>{_xml(art.title or '')}</PAGE_TITLE>" + (
        f"<WARTA_QUOTES>{speakers}</WARTA_QUOTES>" if speakers else ""
    )
    amounts = ";".join(
        f"{m.value:g},{_clean(m.object or m.unit or '', ',;')},{m.start}" for m in a.amounts
    )
    allnames = ";".join(f"{_clean(e.name, ';,')},{m.start}" for e in a.entities for m in e.mentions)
    row = [
        f"{stamp or '0'}-{n}",
        stamp,
        "1",
        _clean(_source_name(a)),
        _clean(_doc_url(a)),
        "",
        "",
        ";".join(dict.fromkeys(theme_names)),
        ";".join(f"{name},{m.start}" for t, name in zip(a.themes, theme_names) for m in t.mentions),
        ";".join(v1loc),
        ";".join(v2loc),
        names(persons),
        enhanced(persons),
        names(orgs),
        enhanced(orgs),
        v15,
        ";".join(x for x in dates if x),
        "",
        "",
        "",
        "",
        "",
        quotes,
        allnames,
        amounts,
        "",
        extras,
    ]
    assert len(row) == len(GKG_COLUMNS)
    return [_clean(x) for x in row]


def _speaker_kb_id(a: Analysis, q: Quote) -> str:
    speaker = a.entity(q.speaker.entity_id) if q.speaker else None
    return (speaker.kb_id or "") if speaker else ""


def _enhanced_date(d: DateMention) -> str:
    """One V2.1ENHANCEDDATES entry, ``resolution#month#day#year#offset``; "" to leave it out.

    GDELT's resolutions are 3 (day), 2 (month) and 1 (year). It has none for a week, so a
    week (``2021-W50``) is written at the finest of them that holds all its seven days: its
    month, else its year; a week across New Year is left out. A value of no form the
    record model allows (``docs/schema.md``) is left out too, never guessed at.
    """
    value = d.value
    try:
        if match := _WEEK.fullmatch(value):
            year, week = int(match[1]), int(match[2])
            first = date.fromisocalendar(year, week, 1)
            last = date.fromisocalendar(year, week, 7)
            if (first.year, first.month) == (last.year, last.month):
                return f"2#{first.month}#0#{first.year}#{d.start}"
            if first.year == last.year:
                return f"1#0#0#{first.year}#{d.start}"
            return ""
        if _DAY.match(value):
            day = date.fromisoformat(value[:10])
            return f"3#{day.month}#{day.day}#{day.year}#{d.start}"
        if _MONTH.fullmatch(value):
            month = date.fromisoformat(f"{value}-01")
            return f"2#{month.month}#0#{month.year}#{d.start}"
        if _YEAR.fullmatch(value):
            return f"1#0#0#{int(value)}#{d.start}"
    except ValueError:  # a month 13 or a week 60: out of range
        return ""
    return ""


def _xml(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
