"""CAMEO code refinement: an outer verb class applied to its complement, aims of protests and
demands, subjects of accusations, weapons of attacks, places as targets. The tables are the
grammar files of ``warta/knowledge/cameo/`` (:mod:`.grammar`)."""

from __future__ import annotations

from collections.abc import Mapping

from warta.analysis.events.grammar import grammar

__all__ = ["accusation", "aim", "place_code", "refine_code", "weapon"]


def _lookup(table: Mapping[str, str], code: str) -> str | None:
    for n in (4, 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def refine_code(outer: str, inner: str) -> str:
    """The code of an outer verb class (intent 03, appeal 02, demand 10, reject 12,
    threaten 13) applied to an inner action: ``refine_code("10", "087") == "1056"``
    (``refinements.tsv``)."""
    table = grammar().refinements.get(outer[:2])
    got = _lookup(table, inner) if table is not None else None
    return got or outer


def accusation(code: str, words: list[str], i: int) -> str:
    """An accusation coded by what it is about, read from the 13 words after the verb
    (``accusations.tsv``): "menuduh ... kejahatan perang" 1124."""
    rule = grammar().accusations
    if code not in rule.refines:
        return code
    text = " " + " ".join(words[i + 1 : i + 14]) + " "
    for sub, phrases in rule.choices:
        if any(f" {p} " in text for p in phrases):
            return sub
    return code


def aim(code: str, words: list[str], i: int) -> str:
    """CAMEO splits protests, demands and concessions by their aim (leadership, policy,
    rights, institutions): read it from the 15 words after the verb (``aims.tsv``)."""
    rule = grammar().aims
    if code not in rule.refines:
        return code
    window = set(words[i + 1 : i + 16])
    for digit, vocab in rule.choices:
        if window & vocab:
            return code + digit
    return code


def weapon(code: str, source_words: set[str]) -> str:
    """An attack coded by the weapon its source's phrase names (``weapons.tsv``): aircraft
    195, tanks and artillery 194."""
    rule = grammar().weapons
    if code not in rule.refines:
        return code
    for sub, vocab in rule.choices:
        if source_words & vocab:
            return sub
    return code


def place_code(code: str | None, event: str, capital: bool = False) -> str | None:
    """A place as the target of an event stands for its country; for coercion, violence and
    aid, for the people there (CAMEO's ...CVL, ``place_targets.txt``); a capital addressed
    by talk, cooperation or pressure ("menjalin hubungan dengan Teheran", "menuntut
    Moskwa") for its government."""
    if not code:
        return None
    country = code[:3]
    if event.startswith(grammar().place_targets):
        return country + "CVL"
    if capital:
        return country + "GOV"
    return country
