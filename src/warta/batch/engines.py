"""Engines: where shards are analysed. Both yield ``(shard index, result)`` as shards
finish; the runner puts them back in order.

- ``local``: a pool of worker processes (spawned, each loading the model once), fed
  through a bounded window so memory stays flat whatever the input size.
- ``ray``: Ray actors that live for the whole run (the model is loaded once per actor),
  on a local Ray started for the run or on the cluster at ``address``; the driver keeps
  a bounded window of shards in flight. (Ray Data datasets are built from finite
  sources; our input is a stream the driver shards, so plain actors fit better.)

A document that kills its worker (segfault, out of memory) breaks the shard: the shard
is redone one document at a time on fresh workers, and a document that kills its worker
again is recorded as an error. The batch goes on.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from warta.batch.shards import Shard
from warta.batch.worker import analyse_shard

__all__ = ["run_local", "run_ray"]


def _warm() -> None:
    from warta.language import load_pipeline

    load_pipeline()


def _crash(doc_name: str) -> dict:
    return {"doc": doc_name, "type": "WorkerCrash", "message": "the worker analysing this document died"}


def _merge(index: int, errors: list[dict], parts: list[dict]) -> dict:
    merged = {"index": index, "records": [], "errors": list(errors), "skipped": 0, "peak_rss_mb": None}
    for part in parts:
        merged["records"] += part["records"]
        merged["errors"] += part["errors"]
        merged["skipped"] += part["skipped"]
        merged["peak_rss_mb"] = max(merged["peak_rss_mb"] or 0.0, part.get("peak_rss_mb") or 0.0) or None
    return merged


def run_local(shards: Iterable[Shard], *, workers: int, lang: str | None) -> Iterator[tuple[int, dict]]:
    ctx = multiprocessing.get_context("spawn")
    shards = iter(shards)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm)
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
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm)
    finally:
        pool.shutdown(cancel_futures=True)


def _isolated_local(shard: Shard, ctx, lang: str | None) -> dict:  # noqa: ANN001
    """One document at a time on a single worker, replaced only when a document kills it."""
    parts, errors = [], list(shard.errors)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_warm)
    try:
        for doc in shard.docs:
            try:
                parts.append(pool.submit(analyse_shard, Shard(shard.index, [doc]), lang=lang).result())
            except BrokenProcessPool:
                errors.append(_crash(doc.name))
                pool.shutdown(cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_warm)
    finally:
        pool.shutdown(cancel_futures=True)
    return _merge(shard.index, errors, parts)


def run_ray(shards: Iterable[Shard], *, workers: int, lang: str | None, address: str | None) -> Iterator[tuple[int, dict]]:
    try:
        import ray
        from ray.exceptions import RayActorError
    except ImportError as exc:  # depends on the ray extra
        from warta.errors import WartaError

        raise WartaError("the ray engine needs the ray extra: pip install 'warta[ray]'") from exc

    started_here = not ray.is_initialized()
    if started_here:
        kwargs = {"address": address} if address else {"num_cpus": workers, "include_dashboard": False}
        ray.init(log_to_driver=False, configure_logging=False, **kwargs)

    @ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)
    class Analyser:
        def __init__(self) -> None:
            _warm()

        def run(self, shard: Shard) -> dict:
            return analyse_shard(shard, lang=lang)

    actors = [Analyser.remote() for _ in range(workers)]
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


def _isolated_ray(actor, shard: Shard, ray, RayActorError) -> dict:  # noqa: ANN001, N803
    parts, errors = [], list(shard.errors)
    for doc in shard.docs:
        try:
            parts.append(ray.get(actor.run.remote(Shard(shard.index, [doc]))))
        except RayActorError:  # the actor restarts (max_restarts=-1) for the next one
            errors.append(_crash(doc.name))
    return _merge(shard.index, errors, parts)
