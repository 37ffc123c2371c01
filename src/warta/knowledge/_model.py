"""Plain value types of the knowledge base: entries, roles and alias matches."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["KINDS", "KBEntry", "KBRole", "Match"]

KINDS = ("country", "igo", "org", "person", "place", "agent")  # not words: entry kinds


@dataclass(slots=True, frozen=True)
class KBRole:
    """A position held for a time: ``start``/``end`` are ISO dates, possibly partial
    ("2021", "2021-09"); an empty ``end`` means the role is still held."""

    title: str  # Indonesian title, e.g. "Presiden", "Menteri Luar Negeri"
    org_or_country: str  # alpha-3 code or organisation name, e.g. "RUS", "Gedung Putih"
    cameo: str  # CAMEO actor code of the role, e.g. "RUSGOV"
    start: str = ""
    end: str = ""
    source: str = ""

    def valid_on(self, date_iso: str) -> bool:
        """True when ``date_iso`` (YYYY[-MM[-DD]]) falls inside the role's dates.

        Partial dates are widened: a start of "2021-09" begins on the first of
        September, an end of "2023" lasts to the end of 2023.
        """
        day = date_iso[:10]
        after_start = not self.start or day >= _pad_low(self.start)
        before_end = not self.end or day <= _pad_high(self.end)
        return after_start and before_end


def _pad_low(d: str) -> str:
    return d + "-01-01"[len(d) - 4 :] if len(d) < 10 else d


def _pad_high(d: str) -> str:
    # "9" sorts after every digit, so "2023-99-99" is after any day of 2023.
    return d + "-99-99"[len(d) - 4 :] if len(d) < 10 else d


@dataclass(slots=True)
class KBEntry:
    id: str
    kind: str  # one of KINDS
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO alpha-3
    cameo: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # province (places in Indonesia) or first-level unit
    qid: str | None = None
    roles: tuple[KBRole, ...] = ()
    source: str = ""
    extra: dict = field(default_factory=dict)  # kind-specific facts (alpha2, fips, place kind...)


@dataclass(slots=True, frozen=True)
class Match:
    """An alias found in a text: ``text[start:end]`` is the matched surface form."""

    start: int
    end: int
    alias: str  # the alias as stored in the knowledge base
    entry_ids: tuple[str, ...]
