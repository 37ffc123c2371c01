"""Political events in CAMEO and PLOVER: who did what to whom, sentence by sentence.

``extract_events(analysis, doc)`` reads each sentence of the parsed article:

1. **Verb phrases.** The Indonesian dictionary (``warta/knowledge/cameo/verbs_id.txt``,
   parsed at load and expanded to active, passive and nominal surface forms) is matched on
   the sentence's words; at each verb the most specific pattern wins ("mengancam sanksi"
   1312 over "mengancam" 130). Phrases of ``discards.txt`` ("menangkap ikan") are no event.
2. **Clause structure.** A verb inside the complement of a demand, appeal, promise, threat
   or rejection ("menuntut AS *membatalkan* ...") is not an event of its own: it refines
   the outer code (demand + withdraw = 1056, ``refinements.tsv``). Verbs in a conditional
   clause ("jika Moskow melancarkan serangan") are never asserted events; a conflictual
   action announced for the future or under a condition becomes a threat (13x).
   Cooperative actions announced for the future become intents (03x), as CAMEO prescribes.
3. **Actors.** The source is the subject: the first actor of the verb's clause (else of the
   sentence) before the verb that no preposition governs, then the parser's ``nsubj``; the
   "oleh" agent of a di- passive. The target is the oblique the pattern names ("dengan",
   "kepada", "terhadap", ...), else the object or first actor after the verb in the clause,
   else the place of the event. Actors come from the resolved entities
   (``warta.analysis.events.actors``); coordinated actors ("AS dan sekutunya seperti Kanada,
   Inggris, dan Australia") give one event each; pronouns are resolved in the sentence,
   "kami/kita" to the quote's speaker.
4. **Record.** Goldstein, QuadClass and PLOVER type/mode come from the CAMEO tables; place
   from the sentence's place (else the dateline), date from the sentence's date expression
   (else the publication date); ``rule`` is the dictionary entry id.

Modules, one job each: ``words`` (the word classes read, by name), ``morph`` (meN-/di-/peN-
forms), ``dictionary`` (``verbs_id.txt`` parsed), ``grammar`` (the other grammar files),
``match`` (patterns found in a sentence), ``clauses`` (clause boundaries, conditions,
negation, modality), ``codes`` (code refinement), ``candidates`` (the events of a sentence
before their actors), ``sentence`` (a sentence's actor mentions and look-ups), ``source``
and ``target`` (actor choice), ``coder`` (``extract_events``).
"""

from __future__ import annotations

from warta.analysis.events.coder import extract_events
from warta.analysis.events.codes import refine_code

__all__ = ["extract_events", "refine_code"]
