"""The knowledge base: tables loaded once from ``data/`` and the lookups over them."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from warta.lang.id import lexicon

from ._matcher import AliasMatcher
from ._model import KINDS, KBEntry, KBRole, Match

__all__ = ["KnowledgeBase", "kb", "normalize"]

_DATA_FILES = ("countries", "igos", "orgs", "people", "places")  # not words: data/ files

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_REDUP = re.compile(r"^(\w+)-\1$")


def normalize(name: str) -> str:
    """The lookup key of a name: NFKC, lower case, single spaces, no edge punctuation."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").lower()
    s = _SPACE.sub(" ", s).strip()
    return _EDGE_PUNCT.sub("", s)


# Role titles, most senior first: when a person holds several roles on the same day, the
# most senior title codes them (a president who also chairs a party is coded by the
# presidency). A deputy ("wakil ...") ranks below every full title.
_SENIORITY = lexicon().ordered("title_seniority")


def _rank(title: str) -> int:
    t = title.lower()
    if t.startswith("wakil"):
        return len(_SENIORITY)
    for i, key in enumerate(_SENIORITY):
        if t.startswith(key):
            return i
    return len(_SENIORITY) + 1


def _read_jsonl(name: str) -> Iterator[dict]:
    path = resources.files(__package__).joinpath("data", f"{name}.jsonl")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    path = resources.files(__package__).joinpath("data", f"{name}.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _entry(rec: dict) -> KBEntry:
    return KBEntry(
        id=rec["id"],
        kind=rec["kind"],
        name=rec["name"],
        aliases=tuple(rec.get("aliases", ())),
        country=rec.get("country"),
        cameo=rec.get("cameo"),
        lat=rec.get("lat"),
        lon=rec.get("lon"),
        admin1=rec.get("admin1"),
        qid=rec.get("qid"),
        roles=tuple(KBRole(*r) for r in rec.get("roles", ())),
        source=rec.get("source", ""),
        extra=rec.get("extra", {}),
    )


class KnowledgeBase:
    """All entries of the shipped tables, indexed by id, alias and country code."""

    def __init__(
        self,
        records: Iterable[dict],
        agents: Iterable[dict[str, str]],
        fips: Iterable[dict[str, str]],
    ) -> None:
        self._by_id: dict[str, KBEntry] = {}
        self._exact: dict[str, set[str]] = {}  # per entry: aliases matched case-sensitively
        self._nomatch: dict[str, set[str]] = {}  # per entry: aliases for lookup only
        for rec in records:
            e = _entry(rec)
            self._by_id[e.id] = e
            self._exact[e.id] = set(rec.get("exact", ()))
            if rec.get("nomatch"):
                self._nomatch[e.id] = set(rec["nomatch"])
        self._agents: dict[str, str] = {}
        self._event_agents: dict[str, str] = {}  # rows marked 'events' in agents.txt
        for row in agents:
            word, code = row["word"], row["code"]
            if row.get("events_only") == "1":
                self._event_agents[normalize(word)] = code
                continue
            self._agents[normalize(word)] = code
            eid = "warta:agent/" + normalize(word).replace(" ", "-")
            if eid not in self._by_id:
                self._by_id[eid] = KBEntry(
                    id=eid,
                    kind="agent",
                    name=word,
                    aliases=(word,),
                    cameo=code,
                    source=row.get("source", ""),
                )
                if row.get("exact") == "1":
                    self._exact[eid] = {word}
        self._fips = {row["alpha3"]: row["fips"] for row in fips}
        self._by_norm: dict[str, list[str]] = {}
        self._by_case: dict[str, list[str]] = {}
        self._alpha2: dict[str, str] = {}
        self._numeric: dict[str, str] = {}
        for e in self._by_id.values():
            exact = self._exact.get(e.id, set())
            for alias in self._all_aliases(e):
                if alias in exact:
                    self._by_case.setdefault(_SPACE.sub(" ", alias.strip()), []).append(e.id)
                else:
                    self._by_norm.setdefault(normalize(alias), []).append(e.id)
            if e.kind == "country":
                self._alpha2[e.extra.get("alpha2", "")] = e.id
                self._numeric[e.extra.get("numeric", "")] = e.id
        self._matcher: AliasMatcher | None = None

    @staticmethod
    def _all_aliases(e: KBEntry) -> list[str]:
        return list(dict.fromkeys((e.name, *e.aliases)))

    # -- tables ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def entries(self, kind: str | None = None) -> Iterator[KBEntry]:
        for e in self._by_id.values():
            if kind is None or e.kind == kind:
                yield e

    def get(self, entry_id: str) -> KBEntry | None:
        return self._by_id.get(entry_id)

    # -- names ----------------------------------------------------------------------

    def alias_matcher(self) -> AliasMatcher:
        """The automaton over every alias (built on first use, then kept)."""
        if self._matcher is None:
            folded: list[tuple[str, str]] = []
            exact: list[tuple[str, str]] = []
            for e in self._by_id.values():
                ex = self._exact.get(e.id, set())
                skip = self._nomatch.get(e.id, set())
                for alias in self._all_aliases(e):
                    if alias in skip:
                        continue
                    if alias not in ex:
                        folded.append((alias, e.id))
                        continue
                    exact.append((alias, e.id))
                    # Datelines and headlines are often in capitals ("BOGOR, KOMPAS.com"):
                    # a capitalised exact name also matches fully upper-cased.
                    if len(alias) >= 4 and alias[0].isupper() and not alias.isupper():
                        exact.append((alias.upper(), e.id))
            self._matcher = AliasMatcher(folded, exact, kind_of=lambda i: self._by_id[i].kind)
        return self._matcher

    def find_aliases(self, text: str, *, kinds: Iterable[str] | None = None) -> list[Match]:
        """Longest non-overlapping word-bounded alias matches in ``text``."""
        want = None if kinds is None else frozenset(_check_kinds(kinds))
        return self.alias_matcher().find(text, want)

    def lookup(self, name: str, *, kinds: Iterable[str] | None = None) -> list[KBEntry]:
        """Entries having ``name`` as an alias (case-folded, except for exact aliases
        such as acronyms, which must be given as written)."""
        want = None if kinds is None else set(_check_kinds(kinds))
        ids = list(self._by_case.get(_SPACE.sub(" ", name.strip()), ()))
        ids += [i for i in self._by_norm.get(normalize(name), ()) if i not in ids]
        out = [self._by_id[i] for i in ids]
        return [e for e in out if want is None or e.kind in want]

    # -- facts ----------------------------------------------------------------------

    def role_on(self, person_id: str, date_iso: str) -> KBRole | None:
        """The role ``person_id`` held on ``date_iso``; the most senior if several."""
        e = self._by_id.get(person_id)
        if e is None:
            return None
        valid = [r for r in e.roles if r.valid_on(date_iso)]
        if not valid:
            return None
        # Most senior title; among equals the most recently started role.
        valid.sort(key=lambda r: (_sector_rank(r.cameo), _rank(r.title), _neg(r.start)))
        return valid[0]

    def country(self, code_or_name: str) -> KBEntry | None:
        """A country by alpha-3, Indonesian or English name, alpha-2 or numeric code.

        Names win over alpha-2 codes: "AS" is Amerika Serikat, not American Samoa.
        """
        key = code_or_name.strip()
        if len(key) == 3 and key.isupper():
            e = self._by_id.get("warta:country/" + key)
            if e is not None:
                return e
        found = self.lookup(key, kinds=("country",))
        if found:
            return found[0]
        if key.isdigit():
            eid = self._numeric.get(key.zfill(3))
            return self._by_id.get(eid) if eid else None
        if len(key) == 2 and key.isupper() and key in self._alpha2:
            return self._by_id[self._alpha2[key]]
        return None

    def agent(self, word: str, *, in_events: bool = False) -> str | None:
        """The CAMEO sector code an agent word gives ("tentara" -> "MIL"), or None.

        ``in_events``: the event coder's reading of an actor phrase, which also knows the
        rows of ``agents.txt`` marked 'events' ("kapal perang", "majelis")."""
        key = normalize(word).removeprefix("para ")
        tables = (self._event_agents, self._agents) if in_events else (self._agents,)
        for table in tables:  # lexical doubles first: "mata-mata" (spy) is not "mata"
            if key in table:
                return table[key]
        m = _REDUP.match(key)  # plural reduplication: "mahasiswa-mahasiswa"
        if m:
            for table in tables:
                if m.group(1) in table:
                    return table[m.group(1)]
        return None

    def fips(self, alpha3: str) -> str | None:
        """The FIPS 10-4 code (used by GDELT) of an ISO alpha-3 country code."""
        return self._fips.get(alpha3.upper())


def _sector_rank(cameo: str) -> int:
    # State office outranks party, religious or business office held at the same time:
    # a minister who chairs a party is coded by the ministry.
    if "GOV" in cameo or cameo.startswith("IGO"):
        return 0
    if any(s in cameo[3:] for s in ("MIL", "COP", "JUD", "LEG", "SPY")):
        return 1
    return 2


def _neg(start: str) -> str:
    # Sort key that puts later ISO dates first.
    return "".join(chr(0x10FFFF - ord(c)) for c in (start or "0"))


def _check_kinds(kinds: Iterable[str]) -> list[str]:
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValueError(f"unknown entry kind(s) {bad}; expected some of {KINDS}")
    return kinds


@lru_cache(maxsize=1)
def title_sectors() -> Mapping[str, str | None]:
    """Office titles (lower case) -> the CAMEO sector the title gives the person it names,
    or None where the organisation named with it decides ("Juru Bicara PSSI"). Read from
    ``data/titles.tsv``, generated from the title column of ``sources/agents.txt``."""
    return MappingProxyType(
        {
            row["word"].lower(): (None if row["sector"] == "*" else row["sector"])
            for row in _read_tsv("titles")
        }
    )


@lru_cache(maxsize=1)
def kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded on first call and shared afterwards."""
    records = (rec for name in _DATA_FILES for rec in _read_jsonl(name))
    return KnowledgeBase(records, _read_tsv("agents"), _read_tsv("fips"))
