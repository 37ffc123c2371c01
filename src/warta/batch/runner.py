"""``run_batch`` and ``load_batch``: orchestration only; the work is in the engines."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from warta.batch.output import TABLES, done_shards, read_minhashes, write_manifest, write_shard
from warta.batch.shards import Shard, make_shards
from warta.errors import WartaError

__all__ = ["BatchReport", "run_batch", "load_batch"]


@dataclass(slots=True)
class BatchReport:
    out: str
    shards: int = 0
    resumed: int = 0  # shards found finished and skipped
    articles: int = 0
    errors: int = 0
    skipped: int = 0  # documents left out by the language filter
    duplicates: int = 0
    seconds: float = 0.0
    peak_worker_rss_mb: float | None = None  # the largest worker's high-water memory
    error_samples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def run_batch(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    shard_size: int = 64,
    lang: str | None = None,
    sites: Iterable[str] | None = None,
    on_shard: Callable[[dict], None] | None = None,
) -> BatchReport:
    """Analyse every document under ``inputs`` into the batch output directory ``out``."""
    from warta import __version__
    from warta.batch.engines import run_local, run_ray
    from warta.dedup import NearDuplicateIndex
    from warta.sources import iter_documents

    if engine not in ("local", "ray"):
        raise WartaError(f"unknown engine {engine!r}: choose local or ray")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    workers = workers or max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    inputs = [str(p) for p in inputs]
    settings = {"inputs": inputs, "shard_size": shard_size, "lang": lang, "sites": sorted(sites or [])}
    _check_settings(out, settings)

    report = BatchReport(out=str(out))
    started = time.perf_counter()
    done = _done_prefix(out)
    index = NearDuplicateIndex()
    for k in sorted(done):
        index.extend(read_minhashes(out, k))
        _add(report, done[k])
    report.resumed = len(done)

    shards = make_shards(iter_documents(inputs), size=shard_size, sites=sites)
    todo: Iterator[Shard] = (s for s in shards if s.index not in done)
    if engine == "local":
        finished = run_local(todo, workers=workers, lang=lang)
    else:
        finished = run_ray(todo, workers=workers, lang=lang, address=address)

    manifest = {"warta": __version__, "engine": engine, "workers": workers, **settings,
                "started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "tables": list(TABLES)}
    try:
        for result in _in_order(finished, first=len(done)):
            duplicates = {}
            for rec in result["records"]:
                aid = rec["article"]["id"]
                duplicates[aid] = index.add(aid, bytes.fromhex(rec["_minhash"]))
            counts = write_shard(out, result, duplicates)
            _add(report, counts)
            if result.get("peak_rss_mb"):
                report.peak_worker_rss_mb = max(report.peak_worker_rss_mb or 0.0, result["peak_rss_mb"])
            report.error_samples += [f"{e['doc']}: {e['message']}" for e in result["errors"]][: max(0, 20 - len(report.error_samples))]
            if on_shard is not None:
                on_shard(counts)
    finally:
        report.seconds = time.perf_counter() - started
        write_manifest(out, {**manifest, "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                             "report": report.to_dict()})
    return report


def _add(report: BatchReport, counts: dict) -> None:
    report.shards += 1
    report.articles += counts["articles"]
    report.errors += counts["errors"]
    report.skipped += counts.get("skipped", 0)
    report.duplicates += counts.get("duplicates", 0)


def _in_order(results: Iterator[tuple[int, dict]], first: int) -> Iterator[dict]:
    """Results in shard order (engines finish out of order): near-duplicate links and
    resumption both rely on shards being written as an unbroken prefix."""
    pending: dict[int, dict] = {}
    want = first
    for index, result in results:
        pending[index] = result
        while want in pending:
            yield pending.pop(want)
            want += 1


def _done_prefix(out: Path) -> dict[int, dict]:
    """Finished shards 0..k-1; anything after a gap is redone (and its markers dropped)."""
    done = done_shards(out)
    prefix, k = {}, 0
    while k in done:
        prefix[k] = done.pop(k)
        k += 1
    for stray in done:
        (out / "_done" / f"{stray:06d}.json").unlink(missing_ok=True)
    return prefix


def _check_settings(out: Path, settings: dict) -> None:
    import json

    manifest = out / "manifest.json"
    if not manifest.exists():
        return
    old = json.loads(manifest.read_text(encoding="utf-8"))
    changed = [k for k, v in settings.items() if old.get(k) != v]
    if changed and (out / "_done").exists():
        raise WartaError(
            f"{out} holds a batch run with other settings ({', '.join(changed)}); "
            "use a new output directory or delete this one"
        )


def load_batch(out: str | Path, store, *, on_article: Callable[[], None] | None = None) -> int:  # noqa: ANN001
    """Store every article of a batch output (idempotent: reloading updates)."""
    import json

    import pyarrow.parquet as pq

    from warta.record import Analysis

    out = Path(out)
    if not (out / "articles").is_dir():
        raise WartaError(f"{out} is not a warta batch output (no articles/ folder)")
    n = 0
    parts = sorted((out / "articles").glob("date=*/part-*.parquet"), key=lambda p: (p.name, p.parent.name))
    for part in parts:
        for row in pq.read_table(part, columns=["record", "seq"]).to_pylist():
            store.put(Analysis.from_dict(json.loads(row["record"])))
            n += 1
            if on_article is not None:
                on_article()
    return n


def clean_output(out: Path) -> None:
    """Remove a batch output directory (used by tests and ``--fresh``)."""
    shutil.rmtree(out, ignore_errors=True)
