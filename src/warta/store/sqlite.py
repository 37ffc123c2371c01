"""SQLite store: idempotent ingest of ``Analysis`` records, FTS5 search, simple queries.

Connection discipline (``connections.py``): one writer connection owned by the
``Store`` (WAL mode, one transaction per document), and one read connection per thread,
every read under a time limit. The schema and its migrations are in ``schema.py``; the
aggregate reads behind the dashboard in ``queries.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from warta.dedup import band_keys, signature
from warta.errors import StoreError
from warta.record import Analysis, Place
from warta.store.connections import connect
from warta.store.entity_stats import add_document, remove_document
from warta.store.filters import LIKE_ESCAPE, article_where, check_date, like_contains, like_prefix
from warta.store.near_duplicates import canonical_for, index_bands
from warta.store.queries import DashboardQueries
from warta.store.schema import create_or_migrate

__all__ = ["SearchHit", "Store", "default_db_path", "open_store", "text_hash"]

# Lone UTF-16 surrogates (a truncated emoji read with errors="surrogateescape" or built in
# Python) cannot be encoded as UTF-8, so SQLite cannot hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def default_db_path() -> Path:
    """The per-user store location, following platform conventions (platformdirs)."""
    return Path(platformdirs.user_data_dir("warta", appauthor=False)) / "warta.db"


def text_hash(text: str) -> str:
    """Hash of the normalised text: the same article re-fetched hashes the same."""
    norm = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating if needed) the store at ``path``, or the default per-user store."""
    return Store(Path(path) if path is not None else default_db_path())


class Store(DashboardQueries):
    """A warta store in one SQLite file."""

    def __init__(self, path: Path) -> None:
        super().__init__(Path(path))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = connect(self.path)
            create_or_migrate(self._writer)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open store: {exc}", doc=str(self.path)) from exc
        self._write_lock = threading.Lock()

    # -- context management -------------------------------------------------------------

    def close(self) -> None:
        self._writer.close()
        self._close_reader()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def put(self, analysis: Analysis) -> tuple[str, bool]:
        """Store one analysis; returns ``(doc_id, created)``.

        The same article (same URL, or the same normalised text) replaces its earlier
        row instead of adding one. Everything is written in one transaction: on any
        error, nothing of this document is left behind. Unless the analysis names one
        already, the near-duplicate check against every stored article (from any process)
        runs inside that transaction; once stored, ``article.duplicate_of`` is set. Lone
        surrogates in any text field are stored as U+FFFD (one character for one, so
        offsets still hold).
        """
        record = _without_surrogates(analysis)
        art = record.article
        thash = text_hash(art.text)
        sig = signature(art.text)
        keys = band_keys(sig)
        with self._write_lock:
            db = self._writer
            try:
                db.execute("BEGIN IMMEDIATE")
                row = db.execute(
                    "SELECT rowid, id FROM documents WHERE (url IS NOT NULL AND url = ?) OR text_hash = ?"
                    " ORDER BY (url = ?) DESC LIMIT 1",
                    (art.url, thash, art.url),
                ).fetchone()
                created = row is None
                doc_id = art.id if row is None else row["id"]
                rowid = None if row is None else row["rowid"]  # an update keeps its place
                if not created:
                    self._delete(db, doc_id)
                # A different stored article may already own this url or text: this one
                # replaces it (the newest reading of an article wins).
                for old in db.execute(
                    "SELECT id FROM documents WHERE (url IS NOT NULL AND url = ?) OR text_hash = ?",
                    (art.url, thash),
                ).fetchall():
                    self._delete(db, old["id"])
                duplicate_of = art.duplicate_of or canonical_for(db, keys, before=rowid)
                self._insert(db, (rowid, doc_id, thash, duplicate_of), record, sig.tobytes())
                index_bands(db, doc_id, keys)
                db.execute("COMMIT")
            except BaseException as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(
                        f"cannot store article: {exc}", doc=art.origin or art.id
                    ) from exc
                raise
        analysis.article.duplicate_of = duplicate_of
        return doc_id, created

    @staticmethod
    def _delete(db: sqlite3.Connection, doc_id: str) -> None:
        remove_document(db, doc_id)
        db.execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # children cascade

    @staticmethod
    def _insert(
        db: sqlite3.Connection,
        row: tuple[int | None, str, str, str | None],
        a: Analysis,
        minhash: bytes,
    ) -> None:
        """Insert every table's rows for ``a``; ``row`` is (rowid, id, text hash,
        duplicate_of) of its ``documents`` row (a None rowid takes the next one)."""
        rowid, doc_id, thash, duplicate_of = row
        art = a.article
        record = a.to_dict()
        record["article"]["id"] = doc_id
        record["article"]["duplicate_of"] = duplicate_of
        db.execute(
            "INSERT INTO documents (rowid, id, url, text_hash, title, outlet, published, section,"
            " category, origin, tone, ingested_at, duplicate_of, minhash, analysis)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rowid,
                doc_id,
                art.url,
                thash,
                art.title,
                art.outlet,
                art.published.value if art.published else None,
                art.section,
                a.category.label if a.category else None,
                art.origin,
                a.tone.score if a.tone else None,
                datetime.now(UTC).isoformat(timespec="seconds"),
                duplicate_of,
                minhash,
                json.dumps(record, ensure_ascii=False),
            ),
        )
        db.execute(
            "INSERT INTO documents_fts (doc_id, title, text) VALUES (?,?,?)",
            (doc_id, art.title or "", art.text),
        )
        db.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (doc_id, e.id, e.type, e.name, e.kb_id, e.cameo, e.country, len(e.mentions), e.tone)
                for e in a.entities
            ],
        )
        add_document(db, doc_id)
        db.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    n,
                    q.kind,
                    q.text,
                    _speaker_name(a, q.speaker.entity_id) if q.speaker else None,
                    _speaker_kb(a, q.speaker.entity_id) if q.speaker else None,
                    q.via,
                    q.confidence,
                )
                for n, q in enumerate(a.quotes)
            ],
        )
        places = {p.entity_id: p for p in a.places}
        db.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    ev.id,
                    ev.cameo,
                    ev.root,
                    ev.quad_class,
                    ev.goldstein,
                    ev.plover,
                    ev.source.code if ev.source else None,
                    ev.source.text if ev.source else None,
                    _entity_key(a, ev.source.entity_id) if ev.source else None,
                    ev.target.code if ev.target else None,
                    ev.target.text if ev.target else None,
                    _entity_key(a, ev.target.entity_id) if ev.target else None,
                    ev.date,
                    int(ev.negated),
                    ev.modality,
                    ev.confidence,
                    *_place_cols(places.get(ev.place_id) if ev.place_id else None),
                    ev.sentence.start,
                    ev.sentence.end,
                )
                for ev in a.events
            ],
        )
        db.executemany(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    p.entity_id,
                    p.name,
                    p.lat,
                    p.lon,
                    p.country,
                    p.kind,
                    len(ent.mentions) if (ent := a.entity(p.entity_id)) else 1,
                )
                for p in a.places
            ],
        )
        db.executemany(
            "INSERT OR REPLACE INTO themes VALUES (?,?,?,?,?)",
            [(doc_id, t.id, t.gdelt, len(t.mentions), t.score) for t in a.themes],
        )

    # -- reading ------------------------------------------------------------------------

    def count(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM documents")[0][0])

    def get(self, doc_id: str) -> Analysis | None:
        """The article with id ``doc_id``, or the only one whose id starts with it (taken
        literally: ``_`` and ``%`` are not wildcards); None if none or several do."""
        rows = self._query("SELECT analysis FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            rows = self._query(
                f"SELECT analysis FROM documents WHERE id LIKE ?{LIKE_ESCAPE} ORDER BY id LIMIT 2",
                (like_prefix(doc_id),),
            )
            if len(rows) != 1:
                return None
        return _analysis(rows[0]["analysis"])

    def iter_analyses(
        self, *, since: str | None = None, until: str | None = None
    ) -> Iterator[Analysis]:
        """Every stored analysis published in [since, until), oldest first. The dates are
        checked here, before the first article is read (``QueryError``)."""
        sql, params = "SELECT analysis FROM documents WHERE 1=1", []
        if since:
            sql += " AND published >= ?"
            params.append(check_date(since, "since"))
        if until:
            sql += " AND published < ?"
            params.append(check_date(until, "until"))
        return self._stream(sql + " ORDER BY published, id", params)

    def _stream(self, sql: str, params: list[Any]) -> Iterator[Analysis]:
        # A dedicated connection: exports stream for longer than the read time limit.
        conn = connect(self.path)
        try:
            for row in conn.execute(sql, params):
                yield _analysis(row["analysis"])
        finally:
            conn.close()

    def search(
        self,
        query: str | None = None,
        *,
        theme: str | None = None,
        entity: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Full-text search (FTS5 syntax) ranked by BM25, optionally filtered; without a
        query, the newest articles that pass the filters."""
        query = query if query and query.strip() else None
        where, params = article_where(
            q=query,
            outlet=outlet,
            since=since,
            until=until,
            entity=entity,
            theme=theme,
            fts_joined=True,
        )
        if query is not None:
            select = (
                "SELECT d.id, d.title, d.url, d.outlet, d.published,"
                " snippet(documents_fts, 2, '[', ']', '…', 12) AS snippet, bm25(documents_fts) AS score"
                " FROM documents_fts JOIN documents d ON d.id = documents_fts.doc_id"
            )
            order = " ORDER BY score"
        else:
            select = (
                "SELECT d.id, d.title, d.url, d.outlet, d.published, substr(json_extract(d.analysis,"
                " '$.article.text'), 1, 160) AS snippet, 0.0 AS score FROM documents d"
            )
            order = " ORDER BY d.published DESC"
        rows = self._query(
            select + where + order + " LIMIT ?", [*params, int(limit)], what="search"
        )
        return [
            SearchHit(
                r["id"],
                r["title"],
                r["url"],
                r["outlet"],
                r["published"],
                r["snippet"] or "",
                float(r["score"] or 0.0),
            )
            for r in rows
        ]

    def quotes(
        self,
        *,
        speaker: str | None = None,
        mentioning: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """Quotes filtered by speaker (name or KB id), entity mentioned in the quote, or date."""
        sql = "SELECT q.*, d.title, d.url, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id"
        dates, params = article_where(since=since, until=until)
        where = [dates.removeprefix(" WHERE ")] if dates else []
        if speaker:
            where.append(f"(q.speaker LIKE ?{LIKE_ESCAPE} OR q.speaker_kb = ?)")
            params += [like_contains(speaker), speaker]
        if mentioning:
            where.append(f"q.text LIKE ?{LIKE_ESCAPE}")
            params.append(like_contains(mentioning))
        sql += (
            " WHERE " + " AND ".join(where) if where else ""
        ) + " ORDER BY d.published DESC LIMIT ?"
        params.append(int(limit))
        return [dict(r) for r in self._query(sql, params, what="quotes")]

    def tone_over_time(self, entity: str, *, by: str = "day") -> list[dict[str, Any]]:
        """Average tone toward an entity (name, KB id or CAMEO code) per day or month."""
        width = {"day": 10, "month": 7, "year": 4}[by]
        rows = self._query(
            "SELECT substr(d.published, 1, ?) AS period, AVG(COALESCE(e.tone, d.tone)) AS tone,"
            " COUNT(*) AS articles FROM entities e JOIN documents d ON d.id = e.doc_id"
            " WHERE (e.name = ? COLLATE NOCASE OR e.kb_id = ? OR e.cameo = ?) AND d.published IS NOT NULL"
            " GROUP BY period ORDER BY period",
            (width, entity, entity, entity),
            what="tone query",
        )
        return [dict(r) for r in rows]

    def event_clusters(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT * FROM event_clusters ORDER BY num_mentions DESC, date DESC LIMIT ?",
            (limit,),
            what="event query",
        )
        return [dict(r) for r in rows]


def _without_surrogates(analysis: Analysis) -> Analysis:
    """``analysis`` itself, or (when any of its text holds a lone surrogate) a copy with
    each surrogate replaced by U+FFFD."""
    data = json.dumps(analysis.to_dict(), ensure_ascii=False)
    if _SURROGATE.search(data) is None:
        return analysis
    return _analysis(_SURROGATE.sub("\ufffd", data))


def _analysis(record: str) -> Analysis:
    """The ``Analysis`` of a record's JSON."""
    analysis: Analysis = Analysis.from_dict(json.loads(record))
    return analysis


def _place_cols(place: Place | None) -> tuple[str | None, float | None, float | None]:
    if place is None:
        return (None, None, None)
    return (place.name, place.lat, place.lon)


def _entity_key(a: Analysis, entity_id: str | None) -> str | None:
    """The cross-article key of an entity: its KB id, else its name (``entities.key``)."""
    ent = a.entity(entity_id)
    return (ent.kb_id or ent.name) if ent else None


def _speaker_name(a: Analysis, entity_id: str | None) -> str | None:
    ent = a.entity(entity_id)
    return ent.name if ent else None


def _speaker_kb(a: Analysis, entity_id: str | None) -> str | None:
    ent = a.entity(entity_id)
    return ent.kb_id if ent else None
