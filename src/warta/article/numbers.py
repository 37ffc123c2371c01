"""Indonesian number words, shared by date expressions and amounts."""

from __future__ import annotations

from warta.lang.id import lexicon

__all__ = ["NUMBER_WORDS"]

# "dua" -> 2, "sepuluh" -> 10; "se-" is the bound form of "satu" (sehari, sepekan, seribu).
NUMBER_WORDS: dict[str, int] = {w: int(n) for w, n in lexicon().table("number_words").items()}
