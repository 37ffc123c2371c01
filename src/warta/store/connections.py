"""The store's SQLite connections: how each is opened, and reads under a time limit.

One writer connection belongs to the ``Store``; every thread that reads gets its own
read-only connection. Every read runs under a time limit enforced with SQLite's progress
handler, so a pathological query from the CLI or the web API cannot hang the process.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from warta.errors import QueryError

__all__ = ["READ_TIME_LIMIT", "Reads", "connect"]

# Read queries are interrupted after this many seconds.
READ_TIME_LIMIT = 5.0


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on;
    a writer waits up to 30 s for another process's write transaction to end."""
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


class Reads:
    """Per-thread read connections to the store at ``path`` (the base of ``Store``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            conn.execute("PRAGMA query_only=ON")
            self._local.conn = conn
        return conn

    def _close_reader(self) -> None:
        """Close this thread's read connection, if it has one."""
        reader: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if reader is not None:
            reader.close()
            self._local.conn = None

    def _query(
        self, sql: str, params: Sequence[Any] = (), *, what: str = "query"
    ) -> list[sqlite3.Row]:
        conn = self._reader()
        deadline = time.monotonic() + READ_TIME_LIMIT
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        try:
            rows: list[sqlite3.Row] = conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            msg = str(exc)
            if "interrupted" in msg:
                raise QueryError(
                    f"{what} took longer than {READ_TIME_LIMIT:g} s and was stopped"
                ) from exc
            raise QueryError(f"{what} failed: {msg}") from exc
        finally:
            conn.set_progress_handler(None, 0)
        return rows
