"""The store's schema (``schema.sql``, whose ``PRAGMA user_version`` is the schema
version) and the migrations that bring a store written by an earlier warta up to it.

A store is migrated when it is opened, in one write transaction: a crash mid-migration
leaves the old store as it was, and a second process opening it at the same moment waits
and then finds it migrated. Versions:

1. documents, entities, quotes, events, places, themes, FTS5; later within version 1,
   ``documents.duplicate_of`` and ``documents.minhash`` (near-duplicate links)
2. ``entities.key`` (generated: KB id, else name) and ``entity_stats`` (running totals)
3. ``minhash_bands``: each article's LSH band keys, so near-duplicates are found in the
   store by every process writing to it
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

from warta.errors import StoreError
from warta.store.entity_stats import fill as fill_entity_stats
from warta.store.near_duplicates import sign_and_link_all

__all__ = ["SCHEMA_VERSION", "create_or_migrate"]

_SCHEMA = resources.files("warta.store").joinpath("schema.sql").read_text("utf-8")


def _schema_version(script: str) -> int:
    match = re.search(r"^PRAGMA user_version = (\d+);", script, re.MULTILINE)
    if match is None:
        raise StoreError("schema.sql does not set PRAGMA user_version")
    return int(match.group(1))


SCHEMA_VERSION = _schema_version(_SCHEMA)


def create_or_migrate(db: sqlite3.Connection) -> None:
    """Create the schema in a new store, or migrate an older one; a store written by a
    newer warta is refused (``StoreError``) rather than changed."""
    if _version(db) == SCHEMA_VERSION:
        return  # the common case takes no write lock
    db.execute("BEGIN IMMEDIATE")
    try:
        version = _version(db)  # another process may have migrated it meanwhile
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store has schema version {version}, newer than this warta's"
                f" ({SCHEMA_VERSION}): upgrade warta to open it"
            )
        if version < SCHEMA_VERSION:
            _before_schema(db)
            for statement in _statements(_SCHEMA):
                db.execute(statement)
            _after_schema(db, version)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_xinfo({table})")}


def _before_schema(db: sqlite3.Connection) -> None:
    """Changes to existing tables that the schema's CREATE ... IF NOT EXISTS cannot make."""
    documents = _columns(db, "documents")
    if documents and "minhash" not in documents:  # an early version 1 store
        db.execute("ALTER TABLE documents ADD COLUMN duplicate_of TEXT")
        db.execute("ALTER TABLE documents ADD COLUMN minhash BLOB")
        db.execute("DROP VIEW IF EXISTS event_clusters")  # recreated counting duplicates once
    entities = _columns(db, "entities")
    if entities and "key" not in entities:  # 1 -> 2
        db.execute(
            "ALTER TABLE entities ADD COLUMN key TEXT"
            " GENERATED ALWAYS AS (COALESCE(kb_id, name)) VIRTUAL"
        )


def _after_schema(db: sqlite3.Connection, version: int) -> None:
    """Fill what the new tables derive from the stored records."""
    if version < 2:
        fill_entity_stats(db)
    if version < 3:
        sign_and_link_all(db)


def _statements(script: str) -> list[str]:
    """The SQL statements of ``script`` (run one by one: ``executescript`` would commit
    the migration's transaction before running them)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending)
            pending = ""
    if re.sub(r"--[^\n]*", "", pending).strip():
        raise StoreError("schema.sql ends with an incomplete statement")
    return statements
