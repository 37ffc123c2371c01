"""Indonesian verb morphology for the event dictionary: meN-, di-, peN- forms of a root.

The dictionary is written with roots ("serang", "tanda tangan+i") so that one entry covers
the active, passive and nominal forms a newspaper actually prints. Only the regular
nasal-assimilation rules are implemented; irregular forms are written out in the dictionary.
"""

from __future__ import annotations

from warta.lang.id import lexicon

__all__ = ["di", "men", "pen", "verb_forms"]

_VOWELS = frozenset("aeiou")
# Roots that merely begin with "per"/"ber": their p/b assimilates like any other
# (memerintahkan, memeriksa, memerangi), unlike per- stems (memperkuat).
_P_ROOTS = lexicon().words("per_initial_roots")


def _syllables(root: str) -> int:
    count, prev = 0, False
    for ch in root:
        vowel = ch in _VOWELS
        if vowel and not prev:
            count += 1
        prev = vowel
    return count


def _drop_first(r: str) -> str:
    """The root without its first consonant when a vowel follows (k, p, t, s melt into the
    nasal: kirim -> mengirim, pukul -> memukul)."""
    return r[1:] if len(r) > 1 and r[1] in _VOWELS else r


def _nasal(prefix: str, root: str) -> str:
    """``prefix`` is "me" or "pe": attach the nasal the root's first sound asks for."""
    r = root.replace(" ", "")
    if not r:
        return prefix
    if r.startswith(("per", "ber")) and len(r) > 6 and prefix == "me" and r not in _P_ROOTS:
        # per- derived stems keep their p: memperkuat, memperluas.
        return "mem" + r
    if _syllables(r) == 1:
        return prefix + "nge" + r  # mengebom, mengecek
    first = r[0]
    if first in _VOWELS or first in "gh":
        return prefix + "ng" + r
    if first == "k":
        return prefix + "ng" + _drop_first(r)
    if first == "p":
        return prefix + "m" + _drop_first(r)
    if first in "bfv":
        return prefix + "m" + r
    if first == "t":
        return prefix + "n" + _drop_first(r)
    if first in "dcjz":
        return prefix + "n" + r
    if first == "s":
        if r.startswith("sy") or len(r) < 2 or r[1] not in _VOWELS:
            return prefix + "n" + r
        return prefix + "ny" + r[1:]
    return prefix + r  # l, m, n, r, w, y, ng, ny


def men(root: str, suffix: str = "") -> str:
    """Active form: ``men("serang") == "menyerang"``,
    ``men("tanda tangan", "i") == "menandatangani"``."""
    return _nasal("me", root) + suffix


def pen(root: str, suffix: str = "an") -> str:
    """Nominal form: ``pen("kerah") == "pengerahan"``."""
    return _nasal("pe", root) + suffix


def di(root: str, suffix: str = "") -> str:
    """Passive form: ``di("serang") == "diserang"``."""
    return "di" + root.replace(" ", "") + suffix


def verb_forms(root: str, suffix: str = "") -> dict[str, str]:
    """The active and passive forms of a root, keyed by voice."""
    return {"active": men(root, suffix), "passive": di(root, suffix)}
