"""Themes: what an article is about, with the characters that say so.

The taxonomy (``warta/knowledge/themes/themes.json``, documented in ``docs/themes.md``) gives
each theme Indonesian phrases. All phrases of all themes go into one Aho-Corasick automaton,
so the text is scanned once whatever the number of themes. A match counts only on word
boundaries; a trailing clitic (-nya, -lah, -kah, -pun) is allowed, so "sanksinya" matches
"sanksi". Like GDELT's V2Themes, every mention carries its offsets into ``article.text``.

Assignment rule (kept simple, for precision):

- a theme needs one *strong* mention, or two *weak* ones (a weak phrase alone, such as
  "pasukan" or "sanksi", is too ambiguous to label an article);
- entities whose CAMEO sector is listed for a theme (e.g. ``MIL`` for MILITARY) add their
  mentions as weak mentions;
- mentions inside a theme's *exclude* phrases do not count ("perang dagang" is no war);
- overlapping mentions of the same theme count once, as one widened span ("pelanggaran
  hak asasi" + "hak asasi manusia" -> "pelanggaran hak asasi manusia");
- a theme with ``requires_any`` is kept only if one of those themes is also assigned
  (SPORT_BOYCOTT needs OLYMPICS or SPORT_MEGA_EVENT).

Score: ``(strong + 0.5 * weak) / max(1, len(text) / 1000)``, i.e. weighted mentions per
1,000 characters; themes are returned best first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick

from warta.lang.id import lexicon
from warta.record import Article, Entity, Span, Theme

__all__ = ["assign_themes"]

STRONG, WEAK, EXCLUDE = 0, 1, 2
_CLITICS = lexicon().ordered("clitics")
_WS = str.maketrans({c: " " for c in "\n\t\r\f\v\u00a0"})


@dataclass(frozen=True, slots=True)
class _ThemeDef:
    id: str
    label: str
    gdelt: str | None
    sectors: frozenset[str]
    requires_any: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Taxonomy:
    themes: tuple[_ThemeDef, ...]
    automaton: ahocorasick.Automaton


@lru_cache(maxsize=1)
def _taxonomy() -> _Taxonomy:
    raw = json.loads(
        resources.files("warta.knowledge.themes").joinpath("themes.json").read_text("utf-8")
    )
    themes = []
    entries: dict[str, list[tuple[int, int, bool, int]]] = {}
    for i, t in enumerate(raw["themes"]):
        themes.append(
            _ThemeDef(
                id=t["id"],
                label=t["label"],
                gdelt=t.get("gdelt"),
                sectors=frozenset(t.get("sectors", ())),
                requires_any=tuple(t.get("requires_any", ())),
            )
        )
        for kind, key in ((STRONG, "strong"), (WEAK, "weak"), (EXCLUDE, "exclude")):
            for phrase in t.get(key, ()):
                wildcard = phrase.endswith("*")
                phrase = phrase.rstrip("*").lower()
                entries.setdefault(phrase, []).append((i, kind, wildcard, len(phrase)))
    automaton = ahocorasick.Automaton()
    for phrase, values in entries.items():
        automaton.add_word(phrase, tuple(values))
    automaton.make_automaton()
    return _Taxonomy(themes=tuple(themes), automaton=automaton)


def _normalise(text: str) -> str:
    """Lowercase with whitespace flattened, keeping every offset unchanged."""
    low = text.lower().translate(_WS)
    if len(low) != len(text):  # a few characters (e.g. "İ") grow when lowercased
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).translate(_WS)
    return low


def _word_end(low: str, end: int, wildcard: bool) -> int | None:
    """Where a match ending at ``end`` really ends, or None if it stops inside a word."""
    n = len(low)
    if end == n or not low[end].isalnum():
        return end
    if wildcard:
        while end < n and low[end].isalnum():
            end += 1
        return end
    for clitic in _CLITICS:
        stop = end + len(clitic)
        if low.startswith(clitic, end) and (stop == n or not low[stop].isalnum()):
            return stop
    return None


def _matches(low: str, tax: _Taxonomy) -> dict[int, list[tuple[int, int, int]]]:
    """Per theme index: (start, end, kind) of every boundary-respecting match."""
    found: dict[int, list[tuple[int, int, int]]] = {}
    for last, values in tax.automaton.iter(low):
        for theme, kind, wildcard, length in values:
            start = last - length + 1
            if start > 0 and low[start - 1].isalnum():
                continue
            end = _word_end(low, last + 1, wildcard)
            if end is None:
                continue
            found.setdefault(theme, []).append((start, end, kind))
    return found


def _entity_mentions(entities: list[Entity], sectors: frozenset[str]) -> list[tuple[int, int, int]]:
    out = []
    for ent in entities:
        codes = {ent.sector} if ent.sector else set()
        cameo = ent.cameo or ""
        # CAMEO actor codes chain 3-letter parts, usually after a country: "RUSMIL",
        # "USAGOVMIL"; a bare sector ("MIL", "REB") is also a code.
        codes.update(cameo[i : i + 3] for i in range(0, len(cameo) - 2, 3))
        if codes & sectors:
            out.extend((m.start, m.end, WEAK) for m in ent.mentions)
    return out


def _select(raw: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop excluded mentions, merge overlapping ones; strong wins over weak."""
    excluded = [(s, e) for s, e, k in raw if k == EXCLUDE]
    kept: list[tuple[int, int, int]] = []
    reach = -1
    for s, e, k in sorted((m for m in raw if m[2] != EXCLUDE), key=lambda m: (m[0], -m[1], m[2])):
        if any(xs <= s and e <= xe for xs, xe in excluded):
            continue
        if kept and s < reach:  # overlaps the previous mention: one mention, widened
            ps, pe, pk = kept[-1]
            kept[-1] = (ps, max(pe, e), min(pk, k))
        else:
            kept.append((s, e, k))
        reach = max(reach, e)
    return kept


def assign_themes(article: Article, doc=None, entities: list[Entity] | None = None) -> list[Theme]:
    """Themes of an article, best first, each with its mention spans into ``article.text``.

    ``doc`` is accepted for the common analysis signature and not needed: phrases are
    matched on the text itself.
    """
    del doc
    tax = _taxonomy()
    text = article.text or ""
    found = _matches(_normalise(text), tax) if text else {}
    if entities:
        for i, theme in enumerate(tax.themes):
            if theme.sectors:
                extra = _entity_mentions(entities, theme.sectors)
                if extra:
                    found.setdefault(i, []).extend(extra)

    per_k = max(1.0, len(text) / 1000)
    kept: dict[str, tuple[_ThemeDef, list[tuple[int, int, int]], float]] = {}
    for i, raw in found.items():
        mentions = _select(raw)
        strong = sum(1 for m in mentions if m[2] == STRONG)
        weak = len(mentions) - strong
        if strong == 0 and weak < 2:
            continue
        theme = tax.themes[i]
        kept[theme.id] = (theme, mentions, (strong + 0.5 * weak) / per_k)

    out = []
    for theme, mentions, score in kept.values():
        if theme.requires_any and not any(r in kept for r in theme.requires_any):
            continue
        out.append(
            Theme(
                id=theme.id,
                label=theme.label,
                gdelt=theme.gdelt,
                mentions=[Span(s, e) for s, e, _ in mentions],
                score=round(score, 3),
            )
        )
    out.sort(key=lambda t: (-t.score, t.id))
    return out
