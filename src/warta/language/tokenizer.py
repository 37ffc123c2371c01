"""Tokenizer for Indonesian news, registered as ``warta.id_tokenizer.v1``.

It starts from spaCy's ``id`` rules and changes what news text needs: dates and
reference numbers such as ``16/12`` or ``33/2006`` stay one token (the UD treebanks
keep them whole), so do words with an inner hyphen (``kantor-kantor``, ``non-migas``,
``ke-2``, ``1970-an``), abbreviations common in Indonesian news (titles, ``Tbk``, ``Jl.``,
degrees such as ``S.H.``) keep their dots, and quotes are always their own tokens.

The registered function is what a saved pipeline's config names, so importing this
module before ``spacy.load`` is enough to load the shipped model offline.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.lang.char_classes import ALPHA
from spacy.lang.id import Indonesian
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

__all__ = ["ABBREVIATIONS", "create_tokenizer", "make_tokenizer"]

# Abbreviations written with a final dot in Indonesian news: titles, degrees, company
# forms and address words. spaCy's ``id`` exceptions already hold many; these add the
# ones it lacks (listing one it has is harmless).
ABBREVIATIONS: tuple[str, ...] = (
    # titles and forms of address
    "Dr.",
    "dr.",
    "drg.",
    "Drs.",
    "Dra.",
    "H.",
    "Hj.",
    "Ir.",
    "Prof.",
    "K.H.",
    "KH.",
    "Tn.",
    "Ny.",
    "Nn.",
    "Sdr.",
    "Sdri.",
    "Bpk.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "St.",
    "Jr.",
    "Kol.",
    "Letjen.",
    "Mayjen.",
    "Brigjen.",
    "Jend.",
    "Kapt.",
    "Ust.",
    # degrees
    "S.H.",
    "M.H.",
    "S.E.",
    "M.M.",
    "S.T.",
    "M.T.",
    "S.Sos.",
    "M.Si.",
    "S.Pd.",
    "M.Pd.",
    "S.Kom.",
    "S.Ag.",
    "S.IP.",
    "S.Psi.",
    "M.A.",
    "M.Sc.",
    "Ph.D.",
    "S.Ked.",
    "Sp.A.",
    "Lc.",
    "MBA.",
    # companies, addresses, references
    "Tbk.",
    "Ltd.",
    "Pte.",
    "Inc.",
    "Co.",
    "Corp.",
    "LLC.",
    "Jl.",
    "Jln.",
    "Kec.",
    "Kab.",
    "Kel.",
    "Prov.",
    "No.",
    "Nomor.",
    "Hlm.",
    "hlm.",
    "Tel.",
    "Telp.",
    "telp.",
    "Fax.",
    # Latin-script short forms
    "dll.",
    "dsb.",
    "dst.",
    "dkk.",
    "tsb.",
    "yth.",
    "Yth.",
    "a.n.",
    "u.p.",
    "s.d.",
    "s/d",
    "a.l.",
    "i.e.",
    "e.g.",
    "vs.",
    "Vs.",
    "A.S.",
    "U.S.",
    "U.K.",
    "P.B.B.",
    "Bp.",
    "Rp.",
    "Sept.",
    "Okt.",
    "Nop.",
    "Nov.",
    "Des.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Agu.",
    "Agt.",
)

# Curly double and single quotes, as separate prefixes and suffixes, so that
# ``“teman`` and ``dekat,”`` split into quote + word (+ comma).
_QUOTES = ("“", "”", "„", "‟", "«", "»", '"', "‘", "’", "`")

# spaCy's ``id`` infixes split at a slash between digits; news dates (``16/12``) and
# reference numbers (``33/2006``) are one token in the UD treebanks, so that rule goes.
_SLASH_BETWEEN_DIGITS = r"(?<=[0-9])[\\/](?=[0-9%-])"
# They also split at every hyphen inside a word, but Indonesian writes reduplication
# (``kantor-kantor``), prefixes (``non-migas``), ordinals (``ke-2``), decades
# (``1970-an``) and names (``APBN-P``) with one, and the treebanks keep those whole.
# Dashes (``–``, ``—``, ``--``) still split.
_HYPHEN_ALTERNATIVES = "(?:-|–|—|--|---|——|~)"
_DASH_ALTERNATIVES = "(?:–|—|--|---|——|~)"
_ALPHA_SLASH_OR_HYPHEN = "[\\/-](?="
_ALPHA_SLASH = "[\\/](?="
_DROPPED = {
    _SLASH_BETWEEN_DIGITS,
    rf"(?<=[{ALPHA}])-(?=[0-9])",
    rf"(?<=[0-9])-(?=[{ALPHA}])",
}


def _infixes() -> list[str]:
    out = []
    for pattern in Indonesian.Defaults.infixes:
        if pattern in _DROPPED:
            continue
        pattern = pattern.replace(_HYPHEN_ALTERNATIVES, _DASH_ALTERNATIVES)
        pattern = pattern.replace(_ALPHA_SLASH_OR_HYPHEN, _ALPHA_SLASH)
        out.append(pattern)
    return out


def make_tokenizer(nlp: spacy.language.Language) -> Tokenizer:
    """Build the warta tokenizer for ``nlp`` (a spaCy ``id`` pipeline)."""
    defaults = Indonesian.Defaults
    prefixes = list(_QUOTES) + list(defaults.prefixes)
    suffixes = list(_QUOTES) + list(defaults.suffixes)
    infixes = _infixes()

    rules = dict(defaults.tokenizer_exceptions)
    for abbr in ABBREVIATIONS:
        rules[abbr] = [{ORTH: abbr}]
        # Capitalised at the start of a sentence.
        cap = abbr[:1].upper() + abbr[1:]
        rules.setdefault(cap, [{ORTH: cap}])
    # spaCy's ``id`` list holds ~15,600 hyphenated words (``anak-anak``) kept whole only
    # because its infixes split at hyphens. Ours do not, so those entries change nothing
    # (tests/test_language_tokenizer.py checks each one), yet adding them one by one was
    # two thirds of the model's load time, paid again by every batch worker.
    return Tokenizer(
        nlp.vocab,
        rules={k: v for k, v in rules.items() if not _redundant_hyphenated(k, v)},
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


_HYPHENATED_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def _redundant_hyphenated(key: str, spec: list[dict]) -> bool:
    """Words joined by hyphens, kept as they are (emoticons such as ``:-)`` stay listed)."""
    return spec == [{ORTH: key}] and _HYPHENATED_WORD.fullmatch(key) is not None


@spacy.registry.tokenizers("warta.id_tokenizer.v1")
def create_tokenizer() -> Callable[[spacy.language.Language], Tokenizer]:
    """Registry entry point: the saved pipeline's config names this function."""
    return make_tokenizer
