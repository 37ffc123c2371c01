"""Scoring entity linking, CAMEO actor codes and geocoding against a hand-made gold.

The gold (``gold/entities_dev.jsonl``) holds, per article, facts only: the entities the
article names (canonical name, surface forms, type, knowledge-base id or null, CAMEO code,
country, and coordinates for places) and the surface forms that are not scored (capitals
used as actors, regions, product names). No article text is stored; the articles are read
from ``../shared/data/news/`` by their ``id``.

Measures (micro-averaged over articles):

* **linking precision**: predicted entities with a ``kb_id`` whose id is a gold id of the
  article, over all predicted entities with a ``kb_id`` (those naming only unscored surface
  forms left out);
* **linking recall**: gold entities with a KB id that some predicted entity carries, over
  all gold entities with a KB id;
* **CAMEO accuracy**: gold entities with a code whose matching prediction (same KB id, or
  a mention with a gold surface form) has the same code or refines it (IDNGOVENV for
  IDNGOV), over gold entities with a code;
* **geocoding accuracy**: gold places (cities within ``TOLERANCE_KM`` of the gold point,
  or the gold's own ``tol_km`` for provinces and regions; countries by ISO code, with
  coordinates present) that the matching prediction's Place gets right.

Gold entities none of whose surface forms is in the parsed body (named only in lines the
article parser removes, such as "Lihat juga Video ...") are not scored; a prediction whose
mention lies inside an ``ignore`` form is not scored either.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.article import parse_article
from warta.language import load_pipeline
from warta.record import Analysis, Article
from warta.sources.jsonl import document_from_record

__all__ = [
    "TOLERANCE_KM",
    "EntityScores",
    "analyse_record",
    "evaluate",
    "load_gold",
    "read_articles",
    "score_article",
]

TOLERANCE_KM = 150.0  # a city centre vs. a gazetteer point; gold gives wide areas tol_km


@dataclass(slots=True)
class EntityScores:
    articles: int = 0
    link_tp: int = 0
    link_pred: int = 0
    link_gold: int = 0
    cameo_ok: int = 0
    cameo_total: int = 0
    geo_ok: int = 0
    geo_total: int = 0
    ms_language: float = 0.0  # per article, spaCy pipeline
    ms_entities: float = 0.0  # per article, resolve_entities + geocode
    errors: list[dict] = field(default_factory=list)

    @property
    def link_precision(self) -> float:
        return self.link_tp / self.link_pred if self.link_pred else 0.0

    @property
    def link_recall(self) -> float:
        return self.link_tp / self.link_gold if self.link_gold else 0.0

    @property
    def cameo_accuracy(self) -> float:
        return self.cameo_ok / self.cameo_total if self.cameo_total else 0.0

    @property
    def geo_accuracy(self) -> float:
        return self.geo_ok / self.geo_total if self.geo_total else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "link_precision": round(self.link_precision, 4),
            "link_recall": round(self.link_recall, 4),
            "link_counts": {"tp": self.link_tp, "pred": self.link_pred, "gold": self.link_gold},
            "cameo_accuracy": round(self.cameo_accuracy, 4),
            "cameo_counts": {"ok": self.cameo_ok, "total": self.cameo_total},
            "geo_accuracy": round(self.geo_accuracy, 4),
            "geo_counts": {"ok": self.geo_ok, "total": self.geo_total},
            "ms_per_article_language": round(self.ms_language, 2),
            "ms_per_article_entities": round(self.ms_entities, 2),
        }


def load_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_articles(news_dir: str | Path, ids: Iterable[str]) -> dict[str, dict]:
    """The news records with the given ids, read from the JSONL files of ``news_dir``."""
    want = set(ids)
    found: dict[str, dict] = {}
    for path in sorted(Path(news_dir).glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                # The id is the first key of every record: skip most lines unparsed.
                head = line[:80]
                if not any(i in head for i in want):
                    continue
                rec = json.loads(line)
                if rec.get("id") in want and rec["id"] not in found:
                    found[rec["id"]] = rec
    return found


def _article(record: dict) -> Article:
    """Run the real front half of the pipeline: record -> RawDocument -> Article."""
    raw = document_from_record(record, name=record.get("id", "record"))
    return parse_article(raw)


def analyse_record(record: dict, nlp: Any, kb: Any = None) -> tuple[Any, float, float]:
    """Analyse one news record; returns (analysis, ms in the language model, ms in
    entities + geocoding). The analysis has ``entities`` and ``places`` set."""
    # Imported when called: the entity rules import spaCy (see the package's docstring).
    from warta.analysis.entities import resolve_entities
    from warta.analysis.geocode import geocode

    analysis = Analysis(article=_article(record))
    t0 = time.perf_counter()
    doc = nlp(analysis.article.text)
    t1 = time.perf_counter()
    analysis.entities = resolve_entities(analysis, doc, kb=kb)
    analysis.places, dateline_id = geocode(analysis, analysis.entities, kb=kb)
    t2 = time.perf_counter()
    if analysis.article.dateline is not None:
        analysis.article.dateline.place_id = dateline_id
    return analysis, (t1 - t0) * 1000, (t2 - t1) * 1000


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _spans(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    out = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            out.append((i, i + len(form)))
            i = text.find(form, i + 1)
    return out


def _inside(m: Any, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _surfaces(ent: Any, text: str) -> set[str]:
    return {_norm(text[m.start : m.end]) for m in ent.mentions} | {_norm(ent.name)}


def _match(gold_ent: dict, preds: list[Any], text: str) -> Any:
    if gold_ent.get("kb_id"):
        for p in preds:
            if p.kb_id == gold_ent["kb_id"]:
                return p
    forms = {_norm(s) for s in gold_ent.get("surfaces", [])} | {_norm(gold_ent["name"])}
    best = None
    for p in preds:
        # Prefer the prediction of the gold's type (the country, not "tentara X").
        if _surfaces(p, text) & forms and (
            best is None or (p.type == gold_ent.get("type") and best.type != p.type)
        ):
            best = p
    return best


def _cameo_ok(pred: str | None, gold: str) -> bool:
    """A code is right when it is the gold code or refines it (IDNGOVENV for IDNGOV)."""
    return bool(pred) and (pred == gold or (len(gold) >= 6 and pred.startswith(gold)))


def score_article(gold: dict, analysis: Any, scores: EntityScores) -> None:
    """Add one article's counts to ``scores`` (errors are listed for inspection)."""
    text = analysis.article.text
    preds = analysis.entities
    # Gold entities named only in lines the parser removes ("Lihat juga Video ...") are
    # not in the article body: they are not scored.
    entities = [g for g in gold["entities"] if any(s in text for s in g.get("surfaces", []))]
    gold_ids = {g["kb_id"] for g in entities if g.get("kb_id")}
    ignored = _spans(text, gold.get("ignore", []))
    places = {p.entity_id: p for p in analysis.places}
    aid = gold["id"]

    for p in preds:
        if not p.kb_id:
            continue
        if p.kb_id in gold_ids:
            scores.link_tp += 1
            scores.link_pred += 1
            continue
        surf = _surfaces(p, text)
        if not p.mentions or any(_inside(m, ignored) for m in p.mentions):
            continue  # inside an unscored form, or the dateline place with no mention
        scores.link_pred += 1
        scores.errors.append(
            {
                "id": aid,
                "error": "link_fp",
                "kb_id": p.kb_id,
                "name": p.name,
                "surfaces": sorted(surf),
            }
        )
    found = {p.kb_id for p in preds if p.kb_id}
    for g in entities:
        if g.get("kb_id"):
            scores.link_gold += 1
            if g["kb_id"] not in found:
                scores.errors.append(
                    {"id": aid, "error": "link_fn", "kb_id": g["kb_id"], "name": g["name"]}
                )
        match = _match(g, preds, text)
        if g.get("cameo"):
            scores.cameo_total += 1
            if match is not None and _cameo_ok(match.cameo, g["cameo"]):
                scores.cameo_ok += 1
            else:
                scores.errors.append(
                    {
                        "id": aid,
                        "error": "cameo",
                        "name": g["name"],
                        "gold": g["cameo"],
                        "pred": match.cameo if match is not None else None,
                    }
                )
        if g.get("type") in ("LOC", "GPE") and (g.get("coord") or g.get("type") == "GPE"):
            scores.geo_total += 1
            place = places.get(match.id) if match is not None else None
            ok = False
            if place is not None and place.lat is not None:
                if g.get("coord"):
                    tol = g.get("tol_km", TOLERANCE_KM)
                    ok = _haversine((place.lat, place.lon), tuple(g["coord"])) <= tol
                else:
                    ok = place.country == g.get("country")
            if ok:
                scores.geo_ok += 1
            else:
                scores.errors.append(
                    {
                        "id": aid,
                        "error": "geo",
                        "name": g["name"],
                        "pred": None
                        if place is None
                        else [place.name, place.lat, place.lon, place.country],
                    }
                )


def evaluate(
    gold: list[dict], news_dir: str | Path, nlp: Any = None, kb: Any = None
) -> EntityScores:
    """Run the whole pipeline over the gold articles and score it."""
    if nlp is None:
        nlp = load_pipeline()
    records = read_articles(news_dir, [g["id"] for g in gold])
    scores = EntityScores()
    # One warm-up call so that the first article does not pay for lazy loading.
    if gold and gold[0]["id"] in records:
        analyse_record(records[gold[0]["id"]], nlp, kb)
    ms_lang = ms_ent = 0.0
    for g in gold:
        rec = records.get(g["id"])
        if rec is None:
            scores.errors.append({"id": g["id"], "error": "missing article"})
            continue
        analysis, t_lang, t_ent = analyse_record(rec, nlp, kb)
        ms_lang += t_lang
        ms_ent += t_ent
        scores.articles += 1
        score_article(g, analysis, scores)
    if scores.articles:
        scores.ms_language = ms_lang / scores.articles
        scores.ms_entities = ms_ent / scores.articles
    return scores


def iter_errors(scores: EntityScores, kinds: Iterable[str] | None = None) -> Iterator[dict]:
    want = None if kinds is None else set(kinds)
    for e in scores.errors:
        if want is None or e["error"] in want:
            yield e
