"""What the quotation finder knows while it reads one article: the text, the entity
mentions (from ``analysis.entities``, else the Doc's named entities) and who spoke or
was the subject most recently, for ``-nya`` forms and pronouns to point back to."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from warta.record import Analysis, Entity, Speaker

__all__ = ["Context", "Mention", "build_context"]

# (start, end, entity or None for a Doc entity, entity type) in article-text offsets.
Mention = tuple[int, int, Entity | None, str]

# The Doc's entity labels as warta's entity types.
_DOC_LABELS = {"PERSON": "PER", "ORGANIZATION": "ORG", "PLACE": "LOC"}


@dataclass(slots=True)
class Context:
    """One article's text and mentions, and the running speaker and subject."""

    text: str
    mentions: list[Mention]
    mention_starts: list[int]
    last_speaker: Speaker | None = None
    last_speaker_pos: int = -1
    last_subject: Speaker | None = None
    last_subject_pos: int = -1
    entities_by_id: dict[str, Entity] = field(default_factory=dict)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that overlap ``start:end``, in text order."""
        i = bisect.bisect_left(self.mention_starts, start)
        # Step back over mentions that begin before ``start`` but reach into the span.
        while i > 0 and self.mentions[i - 1][1] > start:
            i -= 1
        out = []
        for m in self.mentions[i:]:
            if m[0] >= end:
                break
            if m[1] > start:
                out.append(m)
        return out

    def speaker_at(self, mention: Mention) -> Speaker:
        """The mention as a speaker: its entity (if resolved) and its words."""
        start, end, entity, _ = mention
        return Speaker(entity.id if entity else None, self.text[start:end], start, end)

    def remember_speaker(self, speaker: Speaker | None, pos: int) -> None:
        """Make ``speaker`` (found at ``pos``) the running speaker, if there is one."""
        if speaker is not None:
            self.last_speaker, self.last_speaker_pos = speaker, pos

    def remember_subject(self, subject: Speaker, pos: int) -> None:
        """Make ``subject`` (found at ``pos``) the person the text is about."""
        self.last_subject, self.last_subject_pos = subject, pos


def build_context(text: str, analysis: Analysis, doc: Any) -> Context:
    """The context for ``text``: mentions of the resolved entities, else of the Doc's."""
    mentions: list[Mention] = [
        (m.start, m.end, ent, ent.type) for ent in analysis.entities for m in ent.mentions
    ]
    if not mentions and doc is not None:
        for span in doc.ents:
            label = _DOC_LABELS.get(span.label_, span.label_)
            mentions.append((span.start_char, span.end_char, None, label))
    mentions.sort(key=lambda m: (m[0], -m[1]))
    return Context(
        text=text,
        mentions=mentions,
        mention_starts=[m[0] for m in mentions],
        entities_by_id={e.id: e for e in analysis.entities},
    )
