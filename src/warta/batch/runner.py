"""``run_batch``: orchestration only; the work is in the engines.

The manifest (``manifest.json``, rewritten atomically) says ``"status": "running"`` from
the start and after every finished shard, ``"finished"`` (with the time) only once every
shard of the input is done, and ``"interrupted"`` or ``"failed"`` (with the error) when
the run stops early. A run killed outright leaves ``"running"``: the rerun resumes.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from warta.batch.output import TABLES, done_shards, read_minhashes, write_manifest, write_shard
from warta.batch.shards import Shard, make_shards
from warta.errors import WartaError

if TYPE_CHECKING:
    from warta.dedup import NearDuplicateIndex

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["BatchReport", "run_batch"]


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
    from warta.batch.engines import run_local, run_ray
    from warta.dedup import NearDuplicateIndex
    from warta.sources import iter_documents

    if engine not in ("local", "ray"):
        raise WartaError(f"unknown engine {engine!r}: choose local or ray")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    workers = workers or max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    inputs = [str(p) for p in inputs]
    settings = {
        "inputs": inputs,
        "shard_size": shard_size,
        "lang": lang,
        "sites": sorted(sites or []),
    }

    with _exclusive(out):
        _check_settings(out, settings)
        report = BatchReport(out=str(out))
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

        manifest = _Manifest(out, {"engine": engine, "workers": workers, **settings})
        manifest.write("running", report)
        try:
            for result in _in_order(finished, first=len(done)):
                counts = _write(out, result, index, report)
                manifest.write("running", report)
                if on_shard is not None:
                    on_shard(counts)
        except BaseException as exc:
            # Not every shard is done: the manifest must not say finished (a rerun resumes).
            manifest.write(
                "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed", report, error=exc
            )
            raise
        manifest.write("finished", report)
    return report


def _write(out: Path, result: dict, index: NearDuplicateIndex, report: BatchReport) -> dict:
    """Link near-duplicates, write the shard (its done-marker last) and count it."""
    duplicates = {}
    for rec in result["records"]:
        aid = rec["article"]["id"]
        duplicates[aid] = index.add(aid, bytes.fromhex(rec["_minhash"]))
    counts = write_shard(out, result, duplicates)
    _add(report, counts)
    if result.get("peak_rss_mb"):
        report.peak_worker_rss_mb = max(report.peak_worker_rss_mb or 0.0, result["peak_rss_mb"])
    room = max(0, 20 - len(report.error_samples))
    report.error_samples += [f"{e['doc']}: {e['message']}" for e in result["errors"]][:room]
    return counts


class _Manifest:
    """``manifest.json``: the settings, the status and the totals so far."""

    def __init__(self, out: Path, settings: dict) -> None:
        from warta import __version__

        self.out = out
        self.base = {
            "warta": __version__,
            **settings,
            "pid": os.getpid(),
            "started": _now(),
            "tables": list(TABLES),
        }
        self.clock = time.perf_counter()

    def write(
        self, status: str, report: BatchReport, *, error: BaseException | None = None
    ) -> None:
        report.seconds = time.perf_counter() - self.clock
        info = {**self.base, "status": status}
        info["finished" if status == "finished" else "updated"] = _now()
        if error is not None:
            info["error"] = f"{type(error).__name__}: {error}".removesuffix(": ")
        write_manifest(self.out, {**info, "report": report.to_dict()})


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def _exclusive(out: Path) -> Iterator[None]:
    """Hold ``out/.lock`` for the run: two batches writing one output would mix their shards.

    The kernel drops the lock when its holder dies, however it dies, so a rerun after a
    crash is never refused.
    """
    if fcntl is None:  # not a POSIX system: no lock
        yield
        return
    with (out / ".lock").open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WartaError(
                f"another batch is writing to {out}: wait for it to end or use another output directory"
            ) from None
        yield


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
    try:
        old = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WartaError(
            f"{manifest} cannot be read ({exc}): use a new output directory or delete this one"
        ) from exc
    changed = [k for k, v in settings.items() if old.get(k) != v]
    if changed and (out / "_done").exists():
        raise WartaError(
            f"{out} holds a batch run with other settings ({', '.join(changed)}); "
            "use a new output directory or delete this one"
        )
