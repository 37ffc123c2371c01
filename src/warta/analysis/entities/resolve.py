"""The entities stage: :func:`resolve_entities`, the steps in the order they run."""

from __future__ import annotations

import re
from typing import Any

from warta.analysis.geocode import pick_place
from warta.knowledge import kb as shipped_kb
from warta.lang.id import HOME_COUNTRY
from warta.record import Analysis, Article, Entity

from .agents import read_phrases
from .countries import names_home
from .grouping import group
from .linking import keep_supported, link, titled_names
from .mentions import KIND_TYPES, NER_TYPES, Context, Found, Mention, kb_mentions
from .spans import model_spans, read_model_span
from .titles import read_roles

__all__ = ["resolve_entities"]

_WORD = re.compile(r"[\w\-]+")


def resolve_entities(analysis: Analysis, doc: Any, *, kb: Any = None) -> list[Entity]:
    """Find, link and group the entities of ``analysis.article``.

    ``doc`` is a spaCy ``Doc`` over ``analysis.article.text`` (its character offsets are
    article offsets); only ``doc.ents`` is required, and the dependency parse, when
    present, lets a capital that is the subject of a verb stand for its government.
    ``kb`` defaults to the shipped knowledge base. Entities come in order of first
    mention with ids ``e1``, ``e2``, ...; the dateline place is always among them (with
    no mention when the body never names it), so that :func:`warta.analysis.geocode.geocode`
    can give it coordinates.
    """
    article = analysis.article
    kb = kb if kb is not None else shipped_kb()
    ctx = _context(article, kb, doc)
    found = Found()
    for span in model_spans(ctx, doc):  # 1. the model's spans, repaired and linked
        read_model_span(ctx, found, span)
    kbm, countries, linked = link(ctx, found)  # 2. KB matches: context, then the rest
    keep_supported(ctx, found, kbm)  # 3. one-word person aliases need support
    titled_names(ctx, found)  # 3b. untagged names after a title and its organisation
    for m in found.mentions:  # 4. titles and appositions around person names
        if m.label == "PER":
            read_roles(ctx, m)
    read_phrases(ctx, found, doc)  # 5. agent phrases, "Pemerintahan Biden", capitals acting
    dl = _dateline_mention(article, kb, countries, linked)  # 6. the dateline place
    if dl is not None:
        found.mentions.append(dl)
    return group(ctx, found.mentions, article.title or "")  # 7. one entity per referent


def _context(article: Article, kb: Any, doc: Any) -> Context:
    """What the rules may read about ``article``: its KB matches and the model's spans."""
    text = article.text or ""
    published = article.published
    date = published.value[:10] if published and published.value else None
    matches = tuple(kb_mentions(text, kb))
    ents = [(e.start_char, e.end_char, NER_TYPES.get(e.label_)) for e in getattr(doc, "ents", ())]
    return Context(
        text=text,
        kb=kb,
        date=date,
        kb_matches=matches,
        starts=tuple(m.start for m in matches),
        foreign=not names_home(c for m in matches for c in m.cands[:1]),
        per_words=frozenset(w for s, e, lab in ents if lab == "PER" for w in text[s:e].split()),
        other_names=frozenset(text[s:e] for s, e, lab in ents if lab in ("ORG", "LOC", "GPE")),
        per_alone=frozenset(
            text[s:e] for s, e, lab in ents if lab == "PER" and " " not in text[s:e]
        ),
        lower_words=frozenset(w for w in _WORD.findall(text) if w.islower()),
    )


def _dateline_mention(
    article: Article, kb: Any, countries: set[str], linked: dict[str, int]
) -> Mention | None:
    """The dateline's place, a mention with no position (``start == -1``)."""
    dl = article.dateline
    if dl is None or not dl.place:
        return None
    name = dl.place.strip().title()
    cands = kb.lookup(name, kinds=("place", "country"))
    if not cands:
        return None
    places = [c for c in cands if c.kind == "place"]
    entry = pick_place(places, countries | {HOME_COUNTRY}, prefer=linked) if places else cands[0]
    return Mention(-1, -1, label=KIND_TYPES.get(entry.kind, "LOC"), entry=entry)
