"""Indonesian number words, shared by date expressions and amounts."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS"]

# "se-" is the bound form of "satu" (sehari, sepekan, seribu).
NUMBER_WORDS: dict[str, int] = {
    "se": 1,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}
