"""SQLite store: idempotent ingest of ``Analysis`` records, FTS5 search, simple queries.

Connection discipline: one writer connection owned by the ``Store`` (WAL mode, one
transaction per document), and one read connection per thread. Every read runs under a
time limit enforced with SQLite's progress handler, so a pathological query from the CLI
or the web API cannot hang the process.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from warta.errors import QueryError, StoreError
from warta.record import Analysis
from warta.store.queries import DashboardQueries

__all__ = ["Store", "SearchHit", "open_store", "default_db_path", "text_hash"]

# A search longer than this is not a human query; refusing it keeps FTS5 from
# building enormous query plans.
MAX_QUERY_CHARS = 1000
# Read queries are interrupted after this many seconds.
READ_TIME_LIMIT = 5.0


def default_db_path() -> Path:
    """The per-user store location, following platform conventions (platformdirs)."""
    import platformdirs

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
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = self._connect()
            _migrate(self._writer)
            self._writer.executescript(resources.files("warta.store").joinpath("schema.sql").read_text("utf-8"))
            _fill_entity_stats(self._writer)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open store: {exc}", doc=str(self.path)) from exc
        self._local = threading.local()
        self._dedup = None
        self._write_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    # -- context management -------------------------------------------------------------

    def close(self) -> None:
        self._writer.close()
        reader = getattr(self._local, "conn", None)
        if reader is not None:
            reader.close()
            self._local.conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def put(self, analysis: Analysis) -> tuple[str, bool]:
        """Store one analysis; returns ``(doc_id, created)``.

        The same article (same URL, or the same normalised text) replaces its earlier
        row instead of adding one. Everything is written in one transaction: on any
        error, nothing of this document is left behind.
        """
        from warta.dedup import signature

        art = analysis.article
        thash = text_hash(art.text)
        sig = signature(art.text)
        with self._write_lock:
            index = self._dedup_index()
            db = self._writer
            try:
                db.execute("BEGIN IMMEDIATE")
                row = db.execute(
                    "SELECT id FROM documents WHERE (url IS NOT NULL AND url = ?) OR text_hash = ?"
                    " ORDER BY (url = ?) DESC LIMIT 1",
                    (art.url, thash, art.url),
                ).fetchone()
                created = row is None
                doc_id = art.id if created else row["id"]
                if not created:
                    self._delete(db, doc_id)
                # A different stored article may already own this url or text: this one
                # replaces it (the newest reading of an article wins).
                for old in db.execute(
                    "SELECT id FROM documents WHERE (url IS NOT NULL AND url = ?) OR text_hash = ?",
                    (art.url, thash),
                ).fetchall():
                    self._delete(db, old["id"])
                if art.duplicate_of is None:
                    art.duplicate_of = index.find(doc_id, sig)
                self._insert(db, doc_id, thash, analysis, sig.tobytes())
                db.execute("COMMIT")
                index.insert(doc_id, sig, art.duplicate_of)
            except BaseException as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"cannot store article: {exc}", doc=art.origin or art.id) from exc
                raise
        return doc_id, created

    @staticmethod
    def _delete(db: sqlite3.Connection, doc_id: str) -> None:
        db.execute(
            "UPDATE entity_stats SET articles = entity_stats.articles - 1,"
            " mentions = entity_stats.mentions - e.n, tone_sum = entity_stats.tone_sum - e.tsum,"
            " tone_n = entity_stats.tone_n - e.tn"
            " FROM (SELECT key AS k, SUM(mentions) AS n, COALESCE(SUM(tone), 0) AS tsum, COUNT(tone) AS tn"
            " FROM entities WHERE doc_id = ? GROUP BY key) AS e WHERE entity_stats.key = e.k",
            (doc_id,),
        )
        db.execute("DELETE FROM entity_stats WHERE articles <= 0")
        db.execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # children cascade

    def _dedup_index(self):  # noqa: ANN202 - warta.dedup.NearDuplicateIndex
        """The near-duplicate index over stored articles, built on first write."""
        if self._dedup is None:
            from warta.dedup import NearDuplicateIndex

            self._dedup = NearDuplicateIndex()
            self._dedup.extend(
                (r[0], r[1], r[2]) for r in self._writer.execute(
                    "SELECT id, minhash, duplicate_of FROM documents WHERE minhash IS NOT NULL ORDER BY rowid")
            )
        return self._dedup

    @staticmethod
    def _insert(db: sqlite3.Connection, doc_id: str, thash: str, a: Analysis, minhash: bytes) -> None:
        art = a.article
        record = a.to_dict()
        record["article"]["id"] = doc_id
        db.execute(
            "INSERT INTO documents (id, url, text_hash, title, outlet, published, section, category,"
            " origin, tone, ingested_at, duplicate_of, minhash, analysis) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
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
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
                art.duplicate_of,
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
        db.execute(_STATS_UPSERT + " FROM entities WHERE doc_id = ? GROUP BY key" + _STATS_CONFLICT, (doc_id,))
        db.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, n, q.kind, q.text,
                    _speaker_name(a, q.speaker.entity_id) if q.speaker else None,
                    _speaker_kb(a, q.speaker.entity_id) if q.speaker else None,
                    q.via, q.confidence,
                )
                for n, q in enumerate(a.quotes)
            ],
        )
        places = {p.entity_id: p for p in a.places}
        db.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, ev.id, ev.cameo, ev.root, ev.quad_class, ev.goldstein, ev.plover,
                    ev.source.code if ev.source else None, ev.source.text if ev.source else None,
                    _entity_key(a, ev.source.entity_id) if ev.source else None,
                    ev.target.code if ev.target else None, ev.target.text if ev.target else None,
                    _entity_key(a, ev.target.entity_id) if ev.target else None,
                    ev.date, int(ev.negated), ev.modality, ev.confidence,
                    *_place_cols(places.get(ev.place_id)), ev.sentence.start, ev.sentence.end,
                )
                for ev in a.events
            ],
        )
        db.executemany(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)",
            [
                (doc_id, p.entity_id, p.name, p.lat, p.lon, p.country, p.kind,
                 len(ent.mentions) if (ent := a.entity(p.entity_id)) else 1)
                for p in a.places
            ],
        )
        db.executemany(
            "INSERT OR REPLACE INTO themes VALUES (?,?,?,?,?)",
            [(doc_id, t.id, t.gdelt, len(t.mentions), t.score) for t in a.themes],
        )

    # -- reading ------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")
            self._local.conn = conn
        return conn

    def _query(self, sql: str, params: tuple | list = (), *, what: str = "query") -> list[sqlite3.Row]:
        conn = self._reader()
        deadline = time.monotonic() + READ_TIME_LIMIT
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            msg = str(exc)
            if "interrupted" in msg:
                raise QueryError(f"{what} took longer than {READ_TIME_LIMIT:g} s and was stopped") from exc
            raise QueryError(f"{what} failed: {msg}") from exc
        finally:
            conn.set_progress_handler(None, 0)

    def count(self) -> int:
        return self._query("SELECT COUNT(*) FROM documents")[0][0]

    def get(self, doc_id: str) -> Analysis | None:
        rows = self._query("SELECT analysis FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            rows = self._query(
                "SELECT analysis FROM documents WHERE id LIKE ? ORDER BY id LIMIT 2", (doc_id + "%",)
            )
            if len(rows) != 1:
                return None
        return Analysis.from_dict(json.loads(rows[0]["analysis"]))

    def iter_analyses(self, *, since: str | None = None, until: str | None = None) -> Iterator[Analysis]:
        sql, params = "SELECT analysis FROM documents WHERE 1=1", []
        if since:
            sql += " AND published >= ?"
            params.append(since)
        if until:
            sql += " AND published < ?"
            params.append(until)
        # A dedicated connection: exports stream for longer than the read time limit.
        conn = self._connect()
        try:
            for row in conn.execute(sql + " ORDER BY published, id", params):
                yield Analysis.from_dict(json.loads(row["analysis"]))
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
        where, params = self._article_where(
            q=query, outlet=outlet, since=since, until=until, entity=entity, theme=theme, fts_joined=True
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
        rows = self._query(select + where + order + " LIMIT ?", [*params, int(limit)], what="search")
        return [
            SearchHit(r["id"], r["title"], r["url"], r["outlet"], r["published"], r["snippet"] or "",
                      float(r["score"] or 0.0))
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
        sql = (
            "SELECT q.*, d.title, d.url, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id"
        )
        dates, params = self._article_where(since=since, until=until)
        where = [dates.removeprefix(" WHERE ")] if dates else []
        if speaker:
            where.append("(q.speaker LIKE ? OR q.speaker_kb = ?)")
            params += [f"%{speaker}%", speaker]
        if mentioning:
            where.append("q.text LIKE ?")
            params.append(f"%{mentioning}%")
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.published DESC LIMIT ?"
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
            "SELECT * FROM event_clusters ORDER BY num_mentions DESC, date DESC LIMIT ?", (limit,),
            what="event query",
        )
        return [dict(r) for r in rows]


# Adds one document's entities (grouped by key) to the running totals.
_STATS_UPSERT = (
    "INSERT INTO entity_stats (key, name, type, kb_id, cameo, country, articles, mentions, tone_sum, tone_n)"
    " SELECT key, MAX(name), MAX(type), MAX(kb_id), MAX(cameo), MAX(country), COUNT(DISTINCT doc_id),"
    " SUM(mentions), COALESCE(SUM(tone), 0), COUNT(tone)"
)
_STATS_CONFLICT = (
    " ON CONFLICT(key) DO UPDATE SET name = excluded.name, type = excluded.type,"
    " kb_id = COALESCE(excluded.kb_id, kb_id), cameo = COALESCE(excluded.cameo, cameo),"
    " country = COALESCE(excluded.country, country), articles = articles + excluded.articles,"
    " mentions = mentions + excluded.mentions, tone_sum = tone_sum + excluded.tone_sum,"
    " tone_n = tone_n + excluded.tone_n"
)


def _migrate(db: sqlite3.Connection) -> None:
    """Bring a store written by an earlier warta up to the current schema."""
    cols = {r[1] for r in db.execute("PRAGMA table_xinfo(entities)")}
    if cols and "key" not in cols:  # schema 1 -> 2
        db.execute("ALTER TABLE entities ADD COLUMN key TEXT GENERATED ALWAYS AS (COALESCE(kb_id, name)) VIRTUAL")


def _fill_entity_stats(db: sqlite3.Connection) -> None:
    if db.execute("SELECT 1 FROM entity_stats LIMIT 1").fetchone() is None and \
            db.execute("SELECT 1 FROM entities LIMIT 1").fetchone() is not None:
        db.execute(_STATS_UPSERT + " FROM entities WHERE true GROUP BY key" + _STATS_CONFLICT)


def _place_cols(place) -> tuple:  # noqa: ANN001 - Place | None
    if place is None:
        return (None, None, None)
    return (place.name, place.lat, place.lon)


def _entity_key(a: Analysis, entity_id: str | None) -> str | None:
    """The cross-article key of an entity: its KB id, else its name (as in queries.py)."""
    ent = a.entity(entity_id)
    return (ent.kb_id or ent.name) if ent else None


def _speaker_name(a: Analysis, entity_id: str | None) -> str | None:
    ent = a.entity(entity_id)
    return ent.name if ent else None


def _speaker_kb(a: Analysis, entity_id: str | None) -> str | None:
    ent = a.entity(entity_id)
    return ent.kb_id if ent else None
