"""Engines: where shards are analysed. Both yield ``(shard index, result)`` as shards
finish; the runner puts them back in order.

- ``local``: a pool of worker processes (spawned, each loading the model once), fed
  through a bounded window so memory stays flat whatever the input size.
- ``ray``: Ray actors that live for the whole run (the model is loaded once per actor),
  on a local Ray started for the run or on the cluster at ``address``; the driver keeps
  a bounded window of shards in flight. (Ray Data datasets are built from finite
  sources; our input is a stream the driver shards, so plain actors fit better.)

**Workers end with their driver.** A local worker watches the pipe that
``multiprocessing`` keeps open from the driver to each spawned child
(``multiprocessing.parent_process().sentinel``): the kernel closes it when the driver
dies in any way, SIGKILL and the OOM killer included, and the worker exits at once.
This is more robust than the alternatives: ``prctl(PR_SET_PDEATHSIG)`` is Linux-only and
fires when the *thread* that spawned the worker ends, not the process; polling
``os.getppid()`` is late by its interval. Once the workers are gone, the resource
tracker (which reads a pipe the driver and workers hold) sees end-of-file and exits too.

**A worker that dies** (segfault, out of memory) breaks its shard: the shards in flight
are redone one document at a time on fresh workers. A document that kills a fresh worker
gets a second one; killing that too makes it a ``WorkerCrash`` error, and the shard
completes. A worker that dies before it has taken any document (while starting or
loading the model) is no document's fault: the batch stops with a ``WartaError`` and
nothing in flight is marked done, so a rerun resumes there.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from warta.batch.shards import Shard
from warta.batch.worker import analyse_shard, injected_fault
from warta.errors import WartaError

__all__ = ["run_local", "run_ray"]

# How often a document may kill its (fresh) worker before it is recorded as a WorkerCrash.
ATTEMPTS = 2

_CANNOT_START = (
    "batch workers die while starting, before analysing any document (out of memory?); "
    "the shards in flight are not marked done: rerun to resume"
)


def _start_worker() -> None:
    """Initializer of every local worker process: exit as soon as the driver is gone."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(
            target=_exit_with, args=(parent.sentinel,), name="warta-driver-watch", daemon=True
        ).start()
    if injected_fault("CRASH_AT_START", ""):
        os._exit(70)


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # returns when the driver's end closes
    os._exit(1)


def _load_model() -> None:
    from warta.language import load_pipeline

    load_pipeline()


def _crash(doc_name: str) -> dict:
    return {
        "doc": doc_name,
        "type": "WorkerCrash",
        "message": f"the worker analysing this document died {ATTEMPTS} times (segfault or out of memory)",
    }


def _merge(index: int, errors: list[dict], parts: list[dict]) -> dict:
    merged: dict[str, Any] = {
        "index": index,
        "records": [],
        "errors": list(errors),
        "skipped": 0,
        "peak_rss_mb": None,
    }
    for part in parts:
        merged["records"] += part["records"]
        merged["errors"] += part["errors"]
        merged["skipped"] += part["skipped"]
        merged["peak_rss_mb"] = (
            max(merged["peak_rss_mb"] or 0.0, part.get("peak_rss_mb") or 0.0) or None
        )
    return merged


def _pool(ctx: Any, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker)


def run_local(
    shards: Iterable[Shard], *, workers: int, lang: str | None
) -> Iterator[tuple[int, dict]]:
    ctx = multiprocessing.get_context("spawn")
    shards = iter(shards)
    pool = _pool(ctx, workers)
    inflight: dict[Future, Shard] = {}
    try:
        while True:
            while len(inflight) < 2 * workers and (shard := next(shards, None)) is not None:
                inflight[pool.submit(analyse_shard, shard, lang=lang)] = shard
            if not inflight:
                return
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            broken = []
            for fut in done:
                shard = inflight.pop(fut)
                try:
                    yield shard.index, fut.result()
                except BrokenProcessPool:
                    broken.append(shard)
            if broken:
                # The whole pool went down with it: every shard in flight is redone.
                broken += inflight.values()
                inflight.clear()
                pool.shutdown(cancel_futures=True)
                for shard in sorted(broken, key=lambda s: s.index):
                    yield shard.index, _isolated_local(shard, ctx, lang)
                pool = _pool(ctx, workers)
    finally:
        pool.shutdown(cancel_futures=True)


def _fresh_worker(ctx: Any) -> ProcessPoolExecutor:
    """One worker that has started and loaded the model, or a WartaError saying it cannot."""
    pool = _pool(ctx, 1)
    try:
        pool.submit(_load_model).result()
    except BrokenProcessPool:
        pool.shutdown(cancel_futures=True)
        raise WartaError(_CANNOT_START) from None
    return pool


def _isolated_local(shard: Shard, ctx: Any, lang: str | None) -> dict:
    """One document at a time on a single worker, replaced only when a document kills it."""
    parts: list[dict] = []
    errors = list(shard.errors)
    if not shard.docs:
        return _merge(shard.index, errors, parts)
    pool = _fresh_worker(ctx)
    try:
        for doc in shard.docs:
            for _attempt in range(ATTEMPTS):
                try:
                    parts.append(
                        pool.submit(analyse_shard, Shard(shard.index, [doc]), lang=lang).result()
                    )
                    break
                except BrokenProcessPool:
                    pool.shutdown(cancel_futures=True)
                    pool = _fresh_worker(ctx)
            else:
                errors.append(_crash(doc.name))
    finally:
        pool.shutdown(cancel_futures=True)
    return _merge(shard.index, errors, parts)


def run_ray(
    shards: Iterable[Shard], *, workers: int, lang: str | None, address: str | None
) -> Iterator[tuple[int, dict]]:
    try:
        import ray
        from ray.exceptions import RayActorError
    except ImportError as exc:  # depends on the ray extra
        raise WartaError("the ray engine needs the ray extra: pip install 'warta[ray]'") from exc

    started_here = not ray.is_initialized()
    if started_here:
        kwargs = (
            {"address": address} if address else {"num_cpus": workers, "include_dashboard": False}
        )
        ray.init(log_to_driver=False, configure_logging=False, **kwargs)

    @ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)
    class Analyser:
        def __init__(self) -> None:
            _load_model()

        def ready(self) -> bool:
            return True

        def run(self, shard: Shard) -> dict:
            return analyse_shard(shard, lang=lang)

    actors = [Analyser.remote() for _ in range(workers)]  # type: ignore[attr-defined]
    idle = list(actors)
    inflight: dict = {}  # ObjectRef -> (actor, shard)
    shards = iter(shards)
    try:
        while True:
            while idle and (shard := next(shards, None)) is not None:
                actor = idle.pop()
                inflight[actor.run.remote(shard)] = (actor, shard)
            if not inflight:
                return
            (ref,), _ = ray.wait(list(inflight), num_returns=1)
            actor, shard = inflight.pop(ref)
            try:
                result = ray.get(ref)
            except RayActorError:
                result = _isolated_ray(actor, shard, ray, RayActorError)
            idle.append(actor)
            yield shard.index, result
    finally:
        for actor in actors:
            ray.kill(actor)
        if started_here:
            ray.shutdown()


def _isolated_ray(actor: Any, shard: Shard, ray: Any, RayActorError: type[Exception]) -> dict:
    """As ``_isolated_local``; the actor restarts by itself (max_restarts=-1)."""
    parts: list[dict] = []
    errors = list(shard.errors)
    for doc in shard.docs:
        for _attempt in range(ATTEMPTS):
            try:
                ray.get(actor.ready.remote())
            except RayActorError:
                raise WartaError(_CANNOT_START) from None
            try:
                parts.append(ray.get(actor.run.remote(Shard(shard.index, [doc]))))
                break
            except RayActorError:
                continue
        else:
            errors.append(_crash(doc.name))
    return _merge(shard.index, errors, parts)
