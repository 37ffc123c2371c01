"""The Indonesian event dictionary: ``warta/knowledge/cameo/verbs_id.txt``, parsed at load.

One entry per line, ``CODE  PATTERN  [; OPTIONS]`` (the file's header and ``docs/events.md``
describe the notation). Each entry is expanded into its surface variants: ``{serang}`` gives
the active "menyerang" and the passive "diserang" (:mod:`.morph`), ``a|b`` alternatives,
``-`` an optional word, ``a_b`` a two-word alternative, ``*``/``**`` a gap of up to 4/8
words. The file is parsed once per process (about 20 ms); a malformed line or a code that is
not on GDELT's CAMEO list (``codes.tsv``) is a :class:`GrammarError` naming the line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warta.analysis.events.grammar import GrammarError, read_lines
from warta.analysis.events.morph import di, men
from warta.knowledge.cameo import CAMEO_DIR, codes

__all__ = ["DICTIONARY", "DictEntry", "dictionary_meta", "entries", "parse_dictionary"]

DICTIONARY = CAMEO_DIR / "verbs_id.txt"
_TOKEN = re.compile(r"@?\{[^}]*\}|\S+")
_GAPS = {"*": "*4", "**": "*8"}

# A slot is a tuple of alternatives: a word, a two-word "a_b", "-" (optional), or one gap
# "*4"/"*8". A variant is (slots, voice, anchor): voice "active"/"passive" for verb forms,
# the anchor the index of the slot carrying the event verb (or noun).
Slots = tuple[tuple[str, ...], ...]
Variant = tuple[Slots, str | None, int]


@dataclass(slots=True, frozen=True)
class DictEntry:
    """One line of ``verbs_id.txt``: a CAMEO code and its expanded surface variants."""

    id: str
    code: str
    pattern: str
    fixed: int  # the pattern's words (gaps do not count): the more, the more specific
    opts: dict[str, bool | list[str]]
    variants: tuple[Variant, ...]
    line: int


def _expand_slot(tok: str) -> list[tuple[list[str], str | None]]:
    """One pattern token -> its (alternative surface words, voice) variants."""
    if tok.startswith(("{", "@{")):
        body = tok.strip("@{}")
        root, _, sfx = body.partition("+")
        suffixes = sfx.split(",") if sfx else [""]
        out: list[tuple[list[str], str | None]] = [
            (sorted({men(root, s) for s in suffixes}), "active")
        ]
        if not tok.startswith("@"):
            out.append((sorted({di(root, s) for s in suffixes}), "passive"))
        return out
    if tok in _GAPS:
        return [([_GAPS[tok]], None)]
    return [(tok.split("|"), None)]


def _anchor(seq: list[list[str]], voice: str | None) -> int:
    """The slot of the event word: the first verb form of the entry's voice, else the first
    affixed word, else the first slot."""
    for i, alts in enumerate(seq):
        if voice and not alts[0].startswith("*") and any(a.startswith(("me", "di")) for a in alts):
            return i
    for i, alts in enumerate(seq):
        if not alts[0].startswith("*") and any(
            a.startswith(("me", "di", "ber", "ter")) for a in alts
        ):
            return i
    return 0


def _surface_count(seq: list[list[str]]) -> int:
    n = 1
    for alts in seq:
        if alts[0] not in _GAPS.values():
            n *= len([a for a in alts if a != "-"]) or 1
    return n


def _entry_id(code: str, tokens: list[str], seen: dict[str, int]) -> str:
    slug = "_".join(
        t.strip("@{}").replace(" ", "").replace("+", "").split("|")[0]
        for t in tokens
        if t not in _GAPS
    )
    eid = f"{code}.{slug}"
    seen[eid] = seen.get(eid, 0) + 1
    return eid if seen[eid] == 1 else f"{eid}.{seen[eid]}"


def _options(text: str) -> dict[str, bool | list[str]]:
    opts: dict[str, bool | list[str]] = {}
    for opt in text.split():
        key, _, val = opt.partition("=")
        opts[key] = val.split(",") if val else True
    return opts


def parse_dictionary(path: Path = DICTIONARY) -> tuple[tuple[DictEntry, ...], dict]:
    """Every entry of the dictionary at ``path`` in file order, and counts (entries,
    surface patterns, variants, roots)."""
    known = codes()
    out: list[DictEntry] = []
    seen: dict[str, int] = {}
    surface = 0
    for lineno, line in read_lines(path):
        head, _, opts_text = line.partition(";")
        code, _, pattern = head.strip().partition(" ")
        tokens = _TOKEN.findall(pattern.strip())
        if not tokens:
            raise GrammarError(f"{path}:{lineno}: a code and a pattern are needed")
        if code not in known:
            raise GrammarError(f"{path}:{lineno}: {code!r} is not on GDELT's CAMEO list")
        variants: list[Variant] = []
        for combo in itertools.product(*(_expand_slot(t) for t in tokens)):
            seq = [alts for alts, _ in combo]
            voice = next((v for _, v in combo if v), None)
            variants.append((tuple(tuple(a) for a in seq), voice, _anchor(seq, voice)))
            surface += _surface_count(seq)
        fixed = sum(1 for t in tokens if t not in _GAPS)
        eid = _entry_id(code, tokens, seen)
        out.append(
            DictEntry(
                eid, code, pattern.strip(), fixed, _options(opts_text), tuple(variants), lineno
            )
        )
    meta = {
        "entries": len(out),
        "surface_patterns": surface,
        "variants": sum(len(e.variants) for e in out),
        "roots": sorted({e.code[:2] for e in out}),
    }
    return tuple(out), meta


@lru_cache(maxsize=1)
def _parsed() -> tuple[tuple[DictEntry, ...], dict]:
    return parse_dictionary()


def entries() -> tuple[DictEntry, ...]:
    """Every dictionary entry, in file order."""
    return _parsed()[0]


def dictionary_meta() -> dict:
    """Counts of the dictionary: entries, surface patterns, variants, roots covered."""
    return dict(_parsed()[1])
