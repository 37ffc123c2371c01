"""Analyses for the HTTP API: one at a time, on a worker thread of their own, with a
bounded queue.

The language pipeline is not documented as thread-safe, so analyses run one after the
other; running them on their own thread (not the request thread pool) keeps every read
of the API and the pages free of them, and the bound turns a flood of requests into
quick 503s instead of a backlog.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from starlette.exceptions import HTTPException

__all__ = ["AnalysisQueue"]

T = TypeVar("T")


class AnalysisQueue:
    """Runs jobs one at a time; refuses a job (503, ``Retry-After``) when ``max_waiting``
    jobs already wait behind the running one."""

    def __init__(self, max_waiting: int, retry_after: int = 5) -> None:
        self.max_waiting = max_waiting
        self.retry_after = retry_after
        self._worker: ThreadPoolExecutor | None = None  # started on first use, again after close()
        self._lock = threading.Lock()
        self._pending = 0  # running + waiting

    @property
    def pending(self) -> int:
        return self._pending

    async def run(self, job: Callable[[], T]) -> T:
        with self._lock:
            if self._pending > self.max_waiting:
                raise HTTPException(
                    503,
                    f"{self._pending} analyses are running or waiting; try again later",
                    headers={"Retry-After": str(self.retry_after)},
                )
            self._pending += 1
            if self._worker is None:
                self._worker = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="warta-analysis"
                )
            worker = self._worker
        try:
            return await asyncio.get_running_loop().run_in_executor(worker, job)
        finally:
            with self._lock:
                self._pending -= 1

    def close(self) -> None:
        """Drop the waiting jobs (the running one finishes on its thread)."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.shutdown(wait=False, cancel_futures=True)
