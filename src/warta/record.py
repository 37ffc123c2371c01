"""The warta record model: the contract between every stage of the pipeline.

Every extractor returns instances of these classes; the store, the exporters and the web
layer only read them. All ``start``/``end`` offsets are character offsets into
``Article.text`` (the cleaned body). The JSON form is ``Analysis.to_dict()``; it is tagged
``"schema": "warta/1"`` and documented field by field in ``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

SCHEMA = "warta/1"

__all__ = [
    "SCHEMA",
    "Actor",
    "Amount",
    "Analysis",
    "Article",
    "Category",
    "DateMention",
    "Dateline",
    "Entity",
    "Event",
    "Place",
    "Published",
    "Quote",
    "Related",
    "Role",
    "Span",
    "Speaker",
    "Theme",
    "Tone",
]


class _Record:
    """Mixin giving every record a JSON-ready ``to_dict`` and a typed ``from_dict``."""

    __slots__ = ()
    # Set by @dataclass on every subclass; declared so that type checkers know a record
    # is a dataclass instance.
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        hints = _hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is type(None):
                continue
            return _load(arg, value)
    if origin is list:
        (arg,) = typing.get_args(hint)
        return [_load(arg, v) for v in value]
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    return value


@dataclass(slots=True)
class Span(_Record):
    start: int
    end: int


@dataclass(slots=True)
class Related(_Record):
    """A "Baca Juga" headline: kept as data, removed from the body."""

    title: str
    url: str | None = None


@dataclass(slots=True)
class Dateline(_Record):
    text: str  # the dateline as printed, e.g. "KONTAN.CO.ID - MOSKOW."
    place: str | None = None  # the place, title-cased: "MOSKOW" -> "Moskow"
    place_id: str | None = None  # the entity id of the place, once resolved


@dataclass(slots=True)
class Published(_Record):
    value: str  # ISO 8601 date or date-time
    precision: str  # "second" | "minute" (a date-time from metadata) | "day"
    how: str  # where it came from, e.g. "metadata", "url", "inferred from 'Kamis (16/12)'"


@dataclass(slots=True)
class Article(_Record):
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    credited_source: str | None = None
    dateline: Dateline | None = None
    published: Published | None = None
    language: str = "id"
    paragraphs: list[Span] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    section: str | None = None  # the outlet's own section or category label, if given
    origin: str | None = None  # where the document was read from (path, path#record, url)
    # id of the canonical article this one re-publishes (set by store/batch)
    duplicate_of: str | None = None


@dataclass(slots=True)
class Role(_Record):
    title: str  # e.g. "Presiden", "Sekretaris Pers"
    org_or_country: str | None = None  # e.g. "RUS", "Gedung Putih"
    text: str | None = None  # the role as written in the article
    start: str | None = None  # ISO date the role began, from the knowledge base
    end: str | None = None


@dataclass(slots=True)
class Entity(_Record):
    id: str  # stable within the article: "e1", "e2", ...
    type: str  # PER | ORG | LOC | GPE | NORP | GROUP (docs/schema.md)
    name: str  # canonical name
    kb_id: str | None = None  # knowledge-base id (Wikidata QID when known)
    cameo: str | None = None  # CAMEO actor code, e.g. "RUSGOV"
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # CAMEO role/sector code, e.g. "GOV", "MIL"
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    salience: float = 0.0
    tone: float | None = None  # average tone of the sentences that mention it, -1..1


@dataclass(slots=True)
class Place(_Record):
    entity_id: str
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-3
    admin1: str | None = None
    # country, or the KB place level (province, regency, city, capital, region, sea, place)
    kind: str | None = None
    kb_id: str | None = None


@dataclass(slots=True)
class DateMention(_Record):
    text: str
    start: int
    end: int
    value: str  # ISO 8601 (date, month "2022-02", year "2022")
    precision: str  # day | week | month | year
    relative: bool = False  # resolved against the publication date


@dataclass(slots=True)
class Speaker(_Record):
    entity_id: str | None
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Quote(_Record):
    kind: str  # direct | indirect | mixed
    text: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: str | None = None
    via: str | None = None  # the outlet the quote was relayed through
    confidence: float = 1.0


@dataclass(slots=True)
class Actor(_Record):
    entity_id: str | None
    code: str | None  # CAMEO actor code
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Event(_Record):
    id: str
    cameo: str  # full CAMEO code with leading zeros, e.g. "1312"
    root: str  # two-digit root, e.g. "13"
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover: str | None
    source: Actor | None
    target: Actor | None
    sentence: Span
    evidence: list[Span] = field(default_factory=list)
    plover_mode: str | None = None
    place_id: str | None = None
    date: str | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | future | conditional | hypothetical | demanded
    confidence: float = 0.5
    rule: str | None = None  # the dictionary entry that fired


@dataclass(slots=True)
class Theme(_Record):
    id: str  # warta theme id, e.g. "MILITARY_MOBILIZATION"
    label: str
    gdelt: str | None = None  # matching GDELT GKG theme, if any
    mentions: list[Span] = field(default_factory=list)
    score: float = 0.0


@dataclass(slots=True)
class Tone(_Record):
    positive: float  # share of sentences read as positive
    negative: float  # share of sentences read as negative
    polarity: float  # positive + negative: how emotive the text is
    score: float  # -1 (negative) .. +1 (positive)
    label: str | None = None  # positive | neutral | negative


@dataclass(slots=True)
class Amount(_Record):
    text: str
    start: int
    end: int
    value: float
    unit: str | None = None  # e.g. "IDR", "USD", "percent"
    object: str | None = None  # what is counted, e.g. "tentara"
    qualifier: str | None = None  # "lebih dari", "sekitar", "hingga": a bound or an estimate


@dataclass(slots=True)
class Category(_Record):
    label: str
    score: float


@dataclass(slots=True)
class Analysis(_Record):
    article: Article
    schema: str = SCHEMA
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    tone: Tone | None = None
    amounts: list[Amount] = field(default_factory=list)
    category: Category | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = _Record.to_dict(self)
        # "schema" first, so a reader sees the version before anything else.
        return {"schema": data.pop("schema"), **data}

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None
