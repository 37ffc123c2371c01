"""Reader of the people tables (src/warta/knowledge/sources/people_*.txt).

One person per line, fields separated by " | ":

    name | aliases (";") | country | Wikidata QID or empty | roles (";") [| source]

and each role written as ``Title [org or country] CAMEO start..end``, e.g.
``Presiden [RUS] RUSGOV 2012-05-07..`` (an empty end means the role is still held).
Dates are ISO and may be partial ("2021-09", "2014").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .tables import read_table, split_list

__all__ = ["parse_role", "read_people"]

_ROLE = re.compile(
    r"^(?P<title>[^\[\];]+?)\s*\[(?P<org>[^\]]*)\]\s+(?P<cameo>[A-Z]{3,12})\s+"
    r"(?P<start>\d{4}(?:-\d\d){0,2})?\.\.(?P<end>\d{4}(?:-\d\d){0,2})?$"
)
_QID = re.compile(r"^Q[1-9]\d*$")


def parse_role(text: str, source: str) -> list[str]:
    m = _ROLE.match(text.strip())
    if not m:
        raise ValueError(f"bad role {text!r}")
    start, end = m["start"] or "", m["end"] or ""
    if start and end and end < start:
        raise ValueError(f"role ends before it starts: {text!r}")
    return [m["title"], m["org"], m["cameo"], start, end, source]


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def read_people(sources: Path, country_codes: set[str]) -> list[dict]:
    people: dict[str, dict] = {}
    for path in sorted(sources.glob("people_*.txt")):
        for row in read_table(path, 6):
            name, aliases, country, qid, roles, source = row
            source = source or "warta-curated"
            where = f"{path.name}: {name}"
            if country not in country_codes:
                raise SystemExit(f"{where}: unknown country {country!r}")
            if qid and not _QID.match(qid):
                raise SystemExit(f"{where}: bad QID {qid!r}")
            pid = qid or f"warta:person/{slug(name)}"
            try:
                parsed = [parse_role(r, source) for r in roles.split(";") if r.strip()]
            except ValueError as exc:
                raise SystemExit(f"{where}: {exc}") from None
            if not parsed:
                raise SystemExit(f"{where}: no role")
            if pid in people:
                raise SystemExit(f"{where}: duplicate id {pid}")
            people[pid] = {
                "id": pid,
                "kind": "person",
                "name": name,
                "aliases": split_list(aliases),
                "country": country,
                "cameo": parsed[0][2],
                "qid": qid or None,
                "roles": parsed,
                "source": source,
            }
    return list(people.values())
