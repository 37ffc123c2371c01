"""The actor mention: a token range of one sentence with the CAMEO actor code it stands for.

Token indices and character offsets are spelled differently: ``tok_start``/``tok_end`` are
indices into the spaCy ``Doc`` (end exclusive), ``char_start``/``char_end`` offsets into the
article text, as ``record.Actor.start``/``end`` are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["ActorMention"]


@dataclass(slots=True)
class ActorMention:
    """One actor (or place, or unresolved pronoun) of a sentence, as the event coder reads
    it. ``kind`` is "actor", "place" or "pronoun"; ``etype`` the entity type it came from
    ("PER", "GPE", "AGENT", ...) or, for a pronoun, what it stands for ("per", "grp", "we")."""

    tok_start: int  # doc token index of the first token
    tok_end: int  # doc token index after the last token
    code: str | None
    entity_id: str | None
    text: str
    char_start: int  # character offset in the article text
    char_end: int
    kind: str
    etype: str | None = None

    def recoded(self, code: str | None, kind: str | None = None) -> ActorMention:
        """The same mention with another code (and kind)."""
        return replace(self, code=code, kind=kind or self.kind)
