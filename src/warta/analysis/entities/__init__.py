"""Entity resolution: who and what an article names, linked to the knowledge base.

``resolve_entities(analysis, doc)`` merges two sources of mentions:

* the spans of the language model's named-entity recogniser (``doc.ents``: PER, ORG, LOC);
* the knowledge base's alias matcher (one Aho-Corasick pass over the text), which finds
  what the model missed and links each name to one entry.

Then, around each mention, it reads what Indonesian news puts next to a name: titles
before it ("Presiden Rusia Vladimir Putin"), appositions after it ("Yuri Ushakov, seorang
ajudan Kremlin,"), agent words before a country ("tentara Rusia", "Pemerintah Rusia") and
capitals used as actors ("Moskow mengancam ..."). Mentions of one referent are gathered
into one :class:`~warta.record.Entity` (short forms such as "Putin" join the full name).

Everything costs one alias pass plus constant work per mention: no scan of the knowledge
base per entity. Representation choices are documented in ``docs/entities.md``.

One module per job, in the order the stage runs them (``resolve.py``):

- ``words``: the Indonesian word classes the rules read (``warta/lang/id/words/``) and
  ``TITLE_SECTORS``; ``title_patterns``: the title regexes built from them;
- ``mentions``: the :class:`Mention`, the article's :class:`Context` and :class:`Found`;
- ``spans``: the model's spans, repaired against the KB matches;
- ``linking``: one KB entry per mention, supported one-word names, untagged titled names;
- ``titles``: roles from titles before and appositions after a name;
- ``countries``: the home country, foreign stories, countries that are given names;
- ``agents``: agent phrases ("tentara Rusia"), capitals acting;
- ``grouping`` and ``short_forms``: one entity per referent.
"""

from __future__ import annotations

from .resolve import resolve_entities
from .words import TITLE_SECTORS

__all__ = ["TITLE_SECTORS", "resolve_entities"]
