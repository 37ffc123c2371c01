"""Score the event coder against gold sentences in the ``events_dev.jsonl`` line format.

Lines are grouped by ``text_id`` (one text can carry several gold events); a line with
``"no_event": true`` says the text has no codable event. Each text is analysed as one article
by the real pipeline (:func:`warta.analyze`, or the ``coder`` given): a stage that fails makes
the evaluation fail with that stage's error, there is no second, partial pipeline. Predicted
events are matched to gold events of the same text:

* **detection**: per text, "has an event" against "gold has an event";
* **root / code / source / target**: a predicted event is a true positive when it can be
  paired with a gold event of the text agreeing on the root (the full code; the root and
  the source code; the root and the target code). A gold line whose ``source_all`` /
  ``target_all`` lists several actors (compound or reciprocal actors) accepts one predicted
  event per actor pair, so "Hongaria dan Rumania sepakat" may be coded both ways. Precision
  is over predicted events, recall over gold lines;
* **accuracies** on correctly detected events (root matched): full code, source code and
  target code (exact), plus the country part of the actor codes;
* **false-event rate**: the share of ``no_event`` texts with at least one predicted event;
* a **confusion table** of gold root against predicted root.

Negated predicted events are not counted: they report that something did *not* happen.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.pipeline import analyze
from warta.record import Event

__all__ = ["PRF", "EventReport", "evaluate_events", "norm_code", "pipeline_events", "score_events"]


@dataclass(slots=True)
class PRF:
    tp_pred: int = 0  # predicted items that matched
    n_pred: int = 0
    tp_gold: int = 0  # gold items that were matched
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp_pred": self.tp_pred,
            "n_pred": self.n_pred,
            "tp_gold": self.tp_gold,
            "n_gold": self.n_gold,
        }


@dataclass(slots=True)
class EventReport:
    files: list[str]
    texts: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    detection: PRF = field(default_factory=PRF)
    root: PRF = field(default_factory=PRF)
    code: PRF = field(default_factory=PRF)
    source: PRF = field(default_factory=PRF)
    target: PRF = field(default_factory=PRF)
    matched: int = 0  # gold events whose root was found
    code_correct: int = 0
    source_correct: int = 0
    target_correct: int = 0
    source_country: int = 0
    target_country: int = 0
    no_event_texts: int = 0
    no_event_false: int = 0
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def code_accuracy(self) -> float:
        return self.code_correct / self.matched if self.matched else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_correct / self.matched if self.matched else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.target_correct / self.matched if self.matched else 0.0

    @property
    def false_event_rate(self) -> float:
        return self.no_event_false / self.no_event_texts if self.no_event_texts else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "texts": self.texts,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "detection": self.detection.to_dict(),
            "root": self.root.to_dict(),
            "code": self.code.to_dict(),
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "matched": self.matched,
            "code_accuracy": round(self.code_accuracy, 4),
            "source_accuracy": round(self.source_accuracy, 4),
            "target_accuracy": round(self.target_accuracy, 4),
            "source_country_accuracy": round(self.source_country / self.matched, 4)
            if self.matched
            else 0.0,
            "target_country_accuracy": round(self.target_country / self.matched, 4)
            if self.matched
            else 0.0,
            "no_event_texts": self.no_event_texts,
            "false_event_rate": round(self.false_event_rate, 4),
            "confusion": {g: dict(c) for g, c in sorted(self.confusion.items())},
            "ms_per_text": round(1000 * self.seconds / self.texts, 1) if self.texts else 0.0,
        }

    def format(self) -> str:
        d = self.to_dict()
        lines = [
            (
                f"events: {self.texts} texts, {self.gold_events} gold events, "
                f"{self.predicted_events} predicted ({d['ms_per_text']} ms/text)"
            ),
            f"{'':10} {'P':>7} {'R':>7} {'F1':>7}",
        ]
        for name in ("detection", "root", "code", "source", "target"):
            prf: PRF = getattr(self, name)
            lines.append(f"{name:10} {prf.precision:7.3f} {prf.recall:7.3f} {prf.f1:7.3f}")
        lines.append(
            f"on {self.matched} correctly detected events: full code "
            f"{self.code_accuracy:.3f}, source {self.source_accuracy:.3f} "
            f"(country {d['source_country_accuracy']:.3f}), target "
            f"{self.target_accuracy:.3f} (country {d['target_country_accuracy']:.3f})"
        )
        if self.no_event_texts:
            lines.append(
                f"no-event texts: {self.no_event_texts}, false-event rate "
                f"{self.false_event_rate:.3f}"
            )
        roots = sorted({r for c in self.confusion.values() for r in c} | set(self.confusion))
        if roots:
            lines.append("confusion (rows gold root, columns predicted root; -- none):")
            lines.append("      " + " ".join(f"{r:>3}" for r in roots))
            for g in roots:
                row = self.confusion.get(g, Counter())
                lines.append(f"  {g:>3} " + " ".join(f"{row.get(r, 0) or '.':>3}" for r in roots))
        return "\n".join(lines)


# -- matching ----------------------------------------------------------------------------


def norm_code(code: str | None) -> str | None:
    """Actor codes at the gold's granularity: a country actor is country + one role
    (``PSEREBHMS`` -> ``PSEREB``: the gold drops group and ethnic suffixes); IGO, NGO and
    other transnational codes are kept whole."""
    if not code:
        return None
    if code.startswith("TMP"):
        code = "TLS" + code[3:]  # CAMEO's East Timor code; the gold uses ISO TLS
    if code[:3] in ("IGO", "NGO", "IMG", "MNC", "UAF"):
        return code
    return code[:6]


def _codes(line: dict, side: str) -> set[str | None]:
    alls = line.get(f"{side}_all") or []
    out = {norm_code(a.get("code")) for a in alls if isinstance(a, dict)}
    out.add(norm_code(line.get(f"{side}_code")))
    return out


def _capacity(line: dict) -> int:
    srcs = {a.get("code") for a in line.get("source_all") or []} or {line.get("source_code")}
    tgts = {a.get("code") for a in line.get("target_all") or []} or {line.get("target_code")}
    pairs = {(s, t) for s in srcs for t in tgts if s != t or s is None}
    return max(1, len(pairs))


def _actor_code(ev: Any, side: str) -> str | None:
    a = getattr(ev, side)
    return norm_code(a.code) if a is not None else None


def _ok(ev: Any, line: dict, side: str) -> bool:
    code = _actor_code(ev, side)
    gold = _codes(line, side)
    if code in gold:
        return True
    # The gold writes a body without a dictionary code as plain "IGO"/"NGO": any code of
    # that kind names it at least as precisely.
    return code is not None and any(g in ("IGO", "NGO") and code.startswith(g) for g in gold)


def _country_ok(ev: Any, line: dict, side: str) -> bool:
    code = _actor_code(ev, side)
    gold = {c[:3] if c else None for c in _codes(line, side)}
    return (code[:3] if code else None) in gold


def _match(
    golds: list[dict],
    preds: list[Any],
    ok: Callable[[Any, dict], bool],
    score: Callable[[Any, dict], int] = lambda p, g: 0,
) -> tuple[int, int, list]:
    """Greedy pairing by score; returns (matched preds, matched gold lines, pairs)."""
    pairs = sorted(
        (
            (score(p, g), -i, -j, i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
            if ok(p, g)
        ),
        reverse=True,
    )
    cap = [_capacity(g) for g in golds]
    used_p: set[int] = set()
    hit_g: set[int] = set()
    out = []
    for _, _, _, i, j in pairs:
        if i in used_p or cap[j] == 0:
            continue
        used_p.add(i)
        cap[j] -= 1
        if j not in hit_g:
            out.append((preds[i], golds[j]))
        hit_g.add(j)
    return len(used_p), len(hit_g), out


def _add(prf: PRF, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> None:
    prf.tp_pred += tp_pred
    prf.n_pred += n_pred
    prf.tp_gold += tp_gold
    prf.n_gold += n_gold


def score_events(report: EventReport, text: str, golds: list[dict], preds: list[Any]) -> None:
    """Add one text's gold lines and predicted events to ``report``."""
    preds = [p for p in preds if not getattr(p, "negated", False)]
    no_event = all(g.get("no_event") for g in golds)
    golds = [g for g in golds if not g.get("no_event")]
    report.texts += 1
    report.gold_events += len(golds)
    report.predicted_events += len(preds)
    _add(
        report.detection,
        int(bool(preds) and bool(golds)),
        int(bool(preds)),
        int(bool(preds) and bool(golds)),
        int(bool(golds)),
    )
    if no_event:
        report.no_event_texts += 1
        report.no_event_false += int(bool(preds))

    def root(p: Any, g: dict) -> bool:
        return p.cameo[:2] == g["cameo"][:2]

    def full(p: Any, g: dict) -> int:
        return (
            3 * (p.cameo == g["cameo"])
            + 2 * _ok(p, g, "source")
            + _ok(p, g, "target")
            + (p.cameo[:3] == g["cameo"][:3])
        )

    tp, tg, pairs = _match(golds, preds, root, full)
    _add(report.root, tp, len(preds), tg, len(golds))
    for name, ok in (
        ("code", lambda p, g: p.cameo == g["cameo"]),
        ("source", lambda p, g: root(p, g) and _ok(p, g, "source")),
        ("target", lambda p, g: root(p, g) and _ok(p, g, "target")),
    ):
        a, b, _ = _match(golds, preds, ok)
        _add(getattr(report, name), a, len(preds), b, len(golds))
    matched_gold = set()
    for p, g in pairs:
        matched_gold.add(id(g))
        report.matched += 1
        report.code_correct += p.cameo == g["cameo"]
        report.source_correct += _ok(p, g, "source")
        report.target_correct += _ok(p, g, "target")
        report.source_country += _country_ok(p, g, "source")
        report.target_country += _country_ok(p, g, "target")
        report.confusion[g["cameo"][:2]][p.cameo[:2]] += 1
    matched_pred = {id(p) for p, _ in pairs}
    for g in golds:
        if id(g) not in matched_gold:
            # The gold event was missed: show what was predicted instead, if anything.
            other = next((p for p in preds if id(p) not in matched_pred), None)
            report.confusion[g["cameo"][:2]][other.cameo[:2] if other else "--"] += 1
    spare = [p for p in preds if id(p) not in matched_pred]
    if not golds:
        for p in spare:
            report.confusion["--"][p.cameo[:2]] += 1
    if (
        len(pairs) < len(golds)
        or spare
        or any(
            p.cameo != g["cameo"] or not _ok(p, g, "source") or not _ok(p, g, "target")
            for p, g in pairs
        )
    ):
        report.errors.append(
            {
                "text": text,
                "gold": [(g["cameo"], g.get("source_code"), g.get("target_code")) for g in golds],
                "pred": [
                    (p.cameo, _actor_code(p, "source"), _actor_code(p, "target"), p.rule)
                    for p in preds
                ],
            }
        )


def _read(paths: Iterable[Path]) -> dict[str, list[dict]]:
    texts: dict[str, list[dict]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
                texts.setdefault(rec["text_id"], []).append(rec)
    return texts


def pipeline_events(text: str) -> list[Event]:
    """The events of ``text`` analysed as one article by :func:`warta.analyze`; a failing
    stage raises its ``WartaError``."""
    return analyze(text).events


def evaluate_events(
    path: str | Path | Iterable[str | Path],
    *,
    coder: Callable[[str], list[Any]] = pipeline_events,
    limit: int | None = None,
) -> EventReport:
    """Code every text of the gold file(s) at ``path`` and score the events."""
    paths = [Path(path)] if isinstance(path, str | Path) else [Path(p) for p in path]
    texts = _read(paths)
    report = EventReport(files=[str(p) for p in paths])
    t0 = time.perf_counter()
    for n, (text, golds) in enumerate(texts.items()):
        if limit is not None and n >= limit:
            break
        score_events(report, text, golds, coder(text))
    report.seconds = time.perf_counter() - t0
    return report
