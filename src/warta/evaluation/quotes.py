"""Score ``extract_quotes`` against the hand-annotated dev gold (``gold/quotes_dev.jsonl``).

The gold holds no quotation text (publishers' copyright): each line names the article
(id and url), the kind, character offsets into the corpus record's raw ``text``, the
speaker's canonical name (and KB id when known) and ``sha1``, the first 8 hex digits of
the SHA-1 of the quoted characters, so that a changed corpus is detected, not silently
mis-scored.

Articles are read from the corpus JSONL. With entities (the default when the shipped
language model is built) every article goes through the real pipeline,
``warta.pipeline.analyze_documents``, and its ``quotes`` are scored: the same stages, in
the same order, as ``warta analyze``. Without entities (``entities="none"``, or "auto"
when the model is not built) the article is made by ``warta.article.parse_article``
(mode ``article``) or used as it is (mode ``raw``) and ``extract_quotes`` reads the text
alone; speakers are then compared by name. Gold offsets are carried over to the article
text by locating the quoted characters.

Scores: span precision/recall/F1 per kind (``exact``: same start and end; ``overlap``:
at least one shared character, matched one-to-one, largest overlap first), and speaker
accuracy over the gold quotes that found a predicted partner (overlap, any kind).
A speaker is correct when the predicted entity's canonical name (case-folded) or KB id
equals the gold's (``strict``); ``lenient`` also accepts one name's words being a subset
of the other's ("Wahid" for "Abdul Wahid"), which is the only comparison possible when
no entities were resolved.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.analysis.quotes import extract_quotes
from warta.article import parse_article
from warta.errors import ModelError, WartaError
from warta.language import load_pipeline
from warta.pipeline import analyze_documents
from warta.record import Analysis, Article, Quote, Span
from warta.sources.jsonl import document_from_record

__all__ = [
    "GoldQuote",
    "QuoteScores",
    "evaluate_quotes",
    "format_scores",
    "load_gold",
    "score_article",
]

KINDS = ("direct", "mixed", "indirect")


@dataclass(slots=True)
class GoldQuote:
    article: str
    kind: str
    start: int
    end: int
    speaker: str | None
    speaker_kb: str | None = None
    sha1: str | None = None
    url: str | None = None
    blind: bool = False  # annotated from the raw text alone, never from a system draft


@dataclass(slots=True)
class _Counts:
    tp_exact: int = 0
    tp_overlap: int = 0
    n_gold: int = 0
    n_pred: int = 0

    def prf(self, which: str) -> tuple[float, float, float]:
        tp = self.tp_exact if which == "exact" else self.tp_overlap
        p = tp / self.n_pred if self.n_pred else 0.0
        r = tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(slots=True)
class QuoteScores:
    """Counts per kind ("direct", "mixed", "indirect", and "any" ignoring kind)."""

    spans: dict[str, _Counts] = field(default_factory=dict)
    speaker_strict: dict[str, list[int]] = field(default_factory=dict)  # kind -> [correct, total]
    speaker_lenient: dict[str, list[int]] = field(default_factory=dict)
    articles: int = 0
    mode: str = ""
    unmapped: int = 0  # gold quotes whose text could not be found in the article text
    drifted: int = 0  # gold quotes whose hash no longer matches the corpus
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (article, what, detail)

    def span_f1(self, kind: str, which: str = "overlap") -> float:
        return self.spans.get(kind, _Counts()).prf(which)[2]

    def speaker_accuracy(self, kind: str, lenient: bool = False) -> float:
        table = self.speaker_lenient if lenient else self.speaker_strict
        ok, total = table.get(kind, [0, 0])
        return ok / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles,
            "mode": self.mode,
            "unmapped": self.unmapped,
            "drifted": self.drifted,
            "kinds": {},
        }
        for kind, c in self.spans.items():
            pe, re_, fe = c.prf("exact")
            po, ro, fo = c.prf("overlap")
            out["kinds"][kind] = {
                "gold": c.n_gold,
                "pred": c.n_pred,
                "exact": {"p": round(pe, 4), "r": round(re_, 4), "f1": round(fe, 4)},
                "overlap": {"p": round(po, 4), "r": round(ro, 4), "f1": round(fo, 4)},
                "speaker_strict": round(self.speaker_accuracy(kind), 4),
                "speaker_lenient": round(self.speaker_accuracy(kind, lenient=True), 4),
                "speaker_n": self.speaker_strict.get(kind, [0, 0])[1],
            }
        return out


def load_gold(path: str | Path) -> dict[str, list[GoldQuote]]:
    """Gold quotes grouped by article id, in file order."""
    out: dict[str, list[GoldQuote]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            q = GoldQuote(
                d["article"],
                d["kind"],
                d["start"],
                d["end"],
                d.get("speaker"),
                d.get("speaker_kb"),
                d.get("sha1"),
                d.get("url"),
                bool(d.get("blind")),
            )
            out.setdefault(q.article, []).append(q)
    return out


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _norm_name(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w']+", name.casefold()) if len(w) > 1]


def _name_match(pred: str | None, gold: str | None, lenient: bool) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    a, b = _norm_name(pred), _norm_name(gold)
    if a == b:
        return True
    if not lenient or not a or not b:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def _speaker_name(analysis: Analysis, quote: Quote) -> tuple[str | None, str | None, bool]:
    """(name, kb_id, from_entity) of a predicted quote's speaker."""
    sp = quote.speaker
    if sp is None:
        return None, None, False
    ent = analysis.entity(sp.entity_id) if sp.entity_id else None
    if ent is not None:
        return ent.name, ent.kb_id, True
    return sp.text, None, False


def _match(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]]
) -> tuple[int, list[tuple[int, int]]]:
    """Exact matches, and one-to-one overlap pairs (gold index, pred index)."""
    exact = len(set(gold) & set(pred))
    cands = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return exact, pairs


def score_article(
    scores: QuoteScores, analysis: Analysis, gold: list[GoldQuote], predicted: list[Quote]
) -> None:
    """Add one article's counts to ``scores`` (gold offsets already in article text)."""
    scores.articles += 1
    for kind in (*KINDS, "any"):
        g = [(q.start, q.end) for q in gold if kind in ("any", q.kind)]
        p = [(q.start, q.end) for q in predicted if kind in ("any", q.kind)]
        if not g and not p:
            continue
        c = scores.spans.setdefault(kind, _Counts())
        exact, pairs = _match(g, p)
        c.tp_exact += exact
        c.tp_overlap += len(pairs)
        c.n_gold += len(g)
        c.n_pred += len(p)
    # Speakers: over gold quotes that found a partner of any kind.
    _, pairs = _match([(q.start, q.end) for q in gold], [(q.start, q.end) for q in predicted])
    for gi, pi in pairs:
        gq, pq = gold[gi], predicted[pi]
        name, kb, from_entity = _speaker_name(analysis, pq)
        strict = (
            (gq.speaker_kb is not None and kb == gq.speaker_kb)
            or (from_entity and _name_match(name, gq.speaker, lenient=False))
            or (gq.speaker is None and pq.speaker is None)
        )
        lenient = strict or _name_match(name, gq.speaker, lenient=True)
        for kind in (gq.kind, "any"):
            s = scores.speaker_strict.setdefault(kind, [0, 0])
            s[0] += int(strict)
            s[1] += 1
            s2 = scores.speaker_lenient.setdefault(kind, [0, 0])
            s2[0] += int(lenient)
            s2[1] += 1
        if not lenient:
            scores.errors.append(
                (gq.article, "speaker", f"{gq.start}:{gq.end} gold={gq.speaker!r} pred={name!r}")
            )


def _read_corpus(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("id") in ids and d["id"] not in rows:
                rows[d["id"]] = d
    return rows


def _article_maker(mode: str) -> tuple[Callable[[dict[str, Any]], Article], str]:
    """How a corpus row becomes the article the finder reads, and the mode's name."""
    if mode in ("article", "auto"):

        def make(row: dict[str, Any]) -> Article:
            return parse_article(document_from_record(row, name=row["id"]))

        return make, "article"

    def make_raw(row: dict[str, Any]) -> Article:
        text = row["text"]
        paras = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        return Article(id=row["id"], text=text, url=row.get("url"), paragraphs=paras)

    return make_raw, "raw"


def _use_pipeline(entities: str, mode: str) -> tuple[bool, str]:
    """Whether to score the real pipeline's quotes, and how the run is described."""
    if entities not in ("auto", "none", "require"):
        raise ValueError(f"entities must be auto, none or require, not {entities!r}")
    if entities == "none":
        return False, "text-only"
    if mode == "raw":
        if entities == "require":
            raise ValueError("the pipeline parses every article: mode 'raw' needs entities='none'")
        return False, "text-only (raw mode)"
    try:
        load_pipeline()
    except ModelError:
        if entities == "require":
            raise
        return False, "text-only (no language model)"
    return True, "pipeline"


def _pipeline_analyses(rows: list[dict[str, Any]]) -> dict[str, Analysis]:
    """Every article analysed by ``warta.pipeline.analyze_documents``, by id. A failing
    article raises: a broken stage must not pass for a low score."""
    docs = [document_from_record(row, name=row["id"]) for row in rows]
    out: dict[str, Analysis] = {}
    for row, result in zip(rows, analyze_documents(docs), strict=True):
        if isinstance(result, WartaError):
            raise result
        out[row["id"]] = result
    return out


def _map_offsets(raw: str, text: str, gq: GoldQuote, hint: int) -> tuple[int, int] | None:
    """Carry a gold span from the raw record text to the article text."""
    if raw == text:
        return gq.start, gq.end
    needle = raw[gq.start : gq.end]
    # Cleaning may collapse runs of spaces: match whitespace loosely.
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    hits = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if not hits:
        return None
    # Gold is in text order and cleaning keeps the order: the first hit after the
    # previous quote's start.
    later = [h for h in hits if h[0] >= hint]
    return later[0] if later else hits[0]


def evaluate_quotes(
    gold_path: str | Path,
    corpus_path: str | Path,
    *,
    mode: str = "auto",
    entities: str = "auto",
    extract: Callable[[Analysis, Any], list[Quote]] | None = None,
    articles: Iterable[str] | None = None,
    subset: str = "all",
) -> QuoteScores:
    """Run the quote finder on every gold article and score it.

    ``entities``: "require" (run the real pipeline; a missing model raises
    ``ModelError``), "auto" (the real pipeline when the model is built, else text alone)
    or "none" (text alone). ``mode`` (text alone only): "auto"/"article" (parse the record
    with ``parse_article``) or "raw" (use the record's text as is); the pipeline always
    parses. ``subset``: "all", "blind" (articles annotated without a system draft) or
    "reviewed" (articles annotated by correcting a draft of this finder's output).
    ``extract`` replaces ``extract_quotes`` (called without a Doc) for tests.
    """
    if mode not in ("auto", "article", "raw"):
        raise ValueError(f"mode must be auto, article or raw, not {mode!r}")
    gold = load_gold(gold_path)
    if subset != "all":
        want = subset == "blind"
        gold = {k: v for k, v in gold.items() if v and v[0].blind == want}
    if articles is not None:
        keep = set(articles)
        gold = {k: v for k, v in gold.items() if k in keep}
    rows = _read_corpus(Path(corpus_path), set(gold))
    use_pipeline, ent_mode = _use_pipeline(entities, mode)
    if use_pipeline:
        found = _pipeline_analyses([rows[aid] for aid in sorted(gold) if aid in rows])
        art_mode = "article"
    else:
        make_article, art_mode = _article_maker(mode)
    scores = QuoteScores(mode=f"{art_mode}, {ent_mode}, subset={subset}")
    for aid in sorted(gold):
        row = rows.get(aid)
        if row is None:
            scores.errors.append((aid, "missing", "article not in corpus"))
            continue
        analysis = found[aid] if use_pipeline else Analysis(article=make_article(row))
        mapped = _gold_in_article(scores, row["text"], analysis.article.text, gold[aid])
        if extract is not None:
            predicted = extract(analysis, None)
        elif use_pipeline:
            predicted = analysis.quotes
        else:
            predicted = extract_quotes(analysis)
        score_article(scores, analysis, mapped, predicted)
        _log_span_errors(scores, aid, mapped, predicted)
    return scores


def _gold_in_article(
    scores: QuoteScores, raw: str, text: str, gold: list[GoldQuote]
) -> list[GoldQuote]:
    """The gold quotes of one article with offsets into the article text; drifted and
    unmapped ones are counted and left out."""
    mapped: list[GoldQuote] = []
    hint = 0
    for gq in gold:
        if gq.sha1 and _sha(raw[gq.start : gq.end]) != gq.sha1:
            scores.drifted += 1
            scores.errors.append((gq.article, "drift", f"{gq.start}:{gq.end}"))
            continue
        span = _map_offsets(raw, text, gq, hint)
        if span is None:
            scores.unmapped += 1
            scores.errors.append((gq.article, "unmapped", f"{gq.start}:{gq.end}"))
            continue
        hint = span[0]
        mapped.append(
            GoldQuote(
                gq.article,
                gq.kind,
                span[0],
                span[1],
                gq.speaker,
                gq.speaker_kb,
                gq.sha1,
                gq.url,
                gq.blind,
            )
        )
    return mapped


def _log_span_errors(
    scores: QuoteScores, aid: str, gold: list[GoldQuote], pred: list[Quote]
) -> None:
    _, pairs = _match([(q.start, q.end) for q in gold], [(q.start, q.end) for q in pred])
    hit_g = {g for g, _ in pairs}
    hit_p = {p for _, p in pairs}
    for i, gq in enumerate(gold):
        if i not in hit_g:
            scores.errors.append((aid, f"missed {gq.kind}", f"{gq.start}:{gq.end}"))
    for i, pq in enumerate(pred):
        if i not in hit_p:
            scores.errors.append((aid, f"spurious {pq.kind}", f"{pq.start}:{pq.end}"))
    for g, p in pairs:
        if gold[g].kind != pred[p].kind:
            detail = f"{gold[g].start}:{gold[g].end} gold={gold[g].kind} pred={pred[p].kind}"
            scores.errors.append((aid, "kind", detail))


def format_scores(scores: QuoteScores) -> str:
    """A plain-text table of the scores."""
    lines = [
        (
            f"articles: {scores.articles}   mode: {scores.mode}   "
            f"unmapped gold: {scores.unmapped}   drifted gold: {scores.drifted}"
        ),
        (
            f"{'kind':<9} {'gold':>5} {'pred':>5}  {'exact P/R/F1':>20}  {'overlap P/R/F1':>20}  "
            f"{'speaker strict':>14} {'lenient':>8} {'n':>4}"
        ),
    ]
    for kind in (*KINDS, "any"):
        c = scores.spans.get(kind)
        if c is None:
            continue
        pe, re_, fe = c.prf("exact")
        po, ro, fo = c.prf("overlap")
        n = scores.speaker_strict.get(kind, [0, 0])[1]
        lines.append(
            f"{kind:<9} {c.n_gold:>5} {c.n_pred:>5}  {pe:6.3f} {re_:6.3f} {fe:6.3f}  "
            f"{po:6.3f} {ro:6.3f} {fo:6.3f}  {scores.speaker_accuracy(kind):>14.3f} "
            f"{scores.speaker_accuracy(kind, lenient=True):>8.3f} {n:>4}"
        )
    return "\n".join(lines)
