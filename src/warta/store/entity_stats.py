"""Per-entity totals over the whole store (``entity_stats``), kept in step with
``entities`` in the transaction that writes or deletes a document: the dashboard lists
entities by mentions without grouping 100,000s of rows."""

from __future__ import annotations

import sqlite3

__all__ = ["add_document", "fill", "remove_document"]

# Adds entities (grouped by key) to the running totals.
_UPSERT = (
    "INSERT INTO entity_stats (key, name, type, kb_id, cameo, country, articles, mentions,"
    " tone_sum, tone_n)"
    " SELECT key, MAX(name), MAX(type), MAX(kb_id), MAX(cameo), MAX(country),"
    " COUNT(DISTINCT doc_id), SUM(mentions), COALESCE(SUM(tone), 0), COUNT(tone)"
)
_CONFLICT = (
    " ON CONFLICT(key) DO UPDATE SET name = excluded.name, type = excluded.type,"
    " kb_id = COALESCE(excluded.kb_id, kb_id), cameo = COALESCE(excluded.cameo, cameo),"
    " country = COALESCE(excluded.country, country), articles = articles + excluded.articles,"
    " mentions = mentions + excluded.mentions, tone_sum = tone_sum + excluded.tone_sum,"
    " tone_n = tone_n + excluded.tone_n"
)


def add_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Add the entities of stored document ``doc_id`` to the totals."""
    db.execute(_UPSERT + " FROM entities WHERE doc_id = ? GROUP BY key" + _CONFLICT, (doc_id,))


def remove_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Take the entities of ``doc_id`` out of the totals (before the document is deleted)."""
    db.execute(
        "UPDATE entity_stats SET articles = entity_stats.articles - 1,"
        " mentions = entity_stats.mentions - e.n, tone_sum = entity_stats.tone_sum - e.tsum,"
        " tone_n = entity_stats.tone_n - e.tn"
        " FROM (SELECT key AS k, SUM(mentions) AS n, COALESCE(SUM(tone), 0) AS tsum,"
        " COUNT(tone) AS tn FROM entities WHERE doc_id = ? GROUP BY key) AS e"
        " WHERE entity_stats.key = e.k",
        (doc_id,),
    )
    db.execute("DELETE FROM entity_stats WHERE articles <= 0")


def fill(db: sqlite3.Connection) -> None:
    """Compute the totals from scratch when they are missing (a store from before them)."""
    empty = db.execute("SELECT 1 FROM entity_stats LIMIT 1").fetchone() is None
    if empty and db.execute("SELECT 1 FROM entities LIMIT 1").fetchone() is not None:
        db.execute(_UPSERT + " FROM entities WHERE true GROUP BY key" + _CONFLICT)
