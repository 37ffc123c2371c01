"""Near-duplicate links checked against the store itself.

Each article's LSH band keys (``warta.dedup.band_keys``) are rows of ``minhash_bands``,
written with the article. The writer looks a new article's keys up inside its write
transaction, which SQLite serialises across processes: two processes ingesting into one
store at once see each other's articles, exactly as one process would.

An article duplicates the earliest stored article (lowest rowid) that shares a band key
with it and was stored before it; it links to that article's canonical article, so every
link points back in time and a group has one canonical article.
"""

from __future__ import annotations

import sqlite3

from warta.dedup import band_keys, signature

__all__ = ["canonical_for", "index_bands", "sign_and_link_all"]

_LAST_ROWID = 2**63 - 1


def canonical_for(db: sqlite3.Connection, keys: list[int], *, before: int | None) -> str | None:
    """The canonical article that an article with band ``keys`` duplicates, among the
    articles stored before rowid ``before`` (all of them when it is None)."""
    marks = ",".join("?" * len(keys))
    row = db.execute(
        "SELECT COALESCE(d.duplicate_of, d.id) FROM minhash_bands b JOIN documents d"
        f" ON d.id = b.doc_id WHERE b.key IN ({marks}) AND d.rowid < ? ORDER BY d.rowid LIMIT 1",
        [*keys, _LAST_ROWID if before is None else before],
    ).fetchone()
    return None if row is None else str(row[0])


def index_bands(db: sqlite3.Connection, doc_id: str, keys: list[int]) -> None:
    """Record the band keys of stored article ``doc_id``."""
    db.executemany(
        "INSERT OR IGNORE INTO minhash_bands (key, doc_id) VALUES (?, ?)",
        [(key, doc_id) for key in keys],
    )


def sign_and_link_all(db: sqlite3.Connection) -> None:
    """Fill ``minhash_bands`` (and any missing signature or link) for every stored article,
    in storage order: the migration of a store written before the keys were stored."""
    rows = db.execute(
        "SELECT rowid, id, minhash, duplicate_of, json_extract(analysis, '$.article.text') AS text"
        " FROM documents ORDER BY rowid"
    ).fetchall()
    for rowid, doc_id, minhash, duplicate_of, text in rows:
        if minhash is None:  # stored before signatures were: sign it now, link it once
            minhash = signature(text or "").tobytes()
            keys = band_keys(minhash)
            duplicate_of = canonical_for(db, keys, before=rowid)
            db.execute(
                "UPDATE documents SET minhash = ?, duplicate_of = ?,"
                " analysis = json_set(analysis, '$.article.duplicate_of', ?) WHERE rowid = ?",
                (minhash, duplicate_of, duplicate_of, rowid),
            )
        index_bands(db, doc_id, band_keys(minhash))
