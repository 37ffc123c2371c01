"""Aggregate reads behind the HTTP API and the dashboard.

The base of ``Store``: every method builds its SQL from fixed fragments and passes user
values as parameters (never concatenated), and runs under the store's read time limit.
"""

from __future__ import annotations

import json
from typing import Any

from warta.store.connections import Reads
from warta.store.filters import LIKE_ESCAPE, article_where, check_date, like_prefix

__all__ = ["DashboardQueries"]

_ENTITY_KEY = "e.key"  # generated column: COALESCE(kb_id, name)


class DashboardQueries(Reads):
    # -- articles ------------------------------------------------------------------------

    def articles(self, *, limit: int = 20, offset: int = 0, **filters: Any) -> dict[str, Any]:
        where, params = article_where(**filters)
        total = self._query(f"SELECT COUNT(*) FROM documents d{where}", params, what="search")[0][0]
        rows = self._query(
            "SELECT d.id, d.title, d.url, d.outlet, d.published, d.category, d.tone,"
            " substr(json_extract(d.analysis, '$.article.text'), 1, 240) AS lead"
            f" FROM documents d{where} ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
            what="search",
        )
        return {"total": total, "items": [dict(r) for r in rows]}

    def facets(self, *, top: int = 12, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        """Counts by outlet, theme, entity and month over the articles that pass the filters."""
        where, params = article_where(**filters)
        if where:
            # Resolve the filters (an FTS match can be costly) once; each facet then
            # reads the matching ids through json_each.
            ids = [
                r[0]
                for r in self._query(
                    f"SELECT d.id FROM documents d{where} LIMIT 100000", params, what="facets"
                )
            ]
            docs, dparams = "id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
            entity_rows = self._query(
                "SELECT e.key AS value, MAX(e.name) AS label, COUNT(*) AS n FROM entities e"
                " WHERE e.doc_id IN (SELECT value FROM json_each(?)) AND e.type IN ('PER', 'ORG', 'GPE')"
                " GROUP BY e.key ORDER BY n DESC LIMIT ?",
                [*dparams, top],
                what="facets",
            )
        else:
            docs, dparams = "1 = 1", []
            entity_rows = self._query(
                "SELECT key AS value, name AS label, articles AS n FROM entity_stats"
                " WHERE type IN ('PER', 'ORG', 'GPE') ORDER BY articles DESC LIMIT ?",
                [top],
                what="facets",
            )
        outlets = self._query(
            f"SELECT outlet AS value, COUNT(*) AS n FROM documents WHERE {docs} AND outlet IS NOT NULL"
            " GROUP BY outlet ORDER BY n DESC LIMIT ?",
            [*dparams, top],
            what="facets",
        )
        themes = self._query(
            f"SELECT theme AS value, COUNT(*) AS n FROM themes WHERE {docs.replace('id IN', 'doc_id IN')}"
            " GROUP BY theme ORDER BY n DESC LIMIT ?",
            [*dparams, top],
            what="facets",
        )
        months = self._query(
            f"SELECT substr(published, 1, 7) AS value, COUNT(*) AS n FROM documents WHERE {docs}"
            " AND published IS NOT NULL GROUP BY value ORDER BY value DESC LIMIT ?",
            [*dparams, top],
            what="facets",
        )
        return {
            k: [dict(r) for r in v]
            for k, v in (
                ("outlet", outlets),
                ("theme", themes),
                ("entity", entity_rows),
                ("month", months),
            )
        }

    # -- entities ------------------------------------------------------------------------

    def entities(
        self,
        *,
        type: str | None = None,
        prefix: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> dict[str, Any]:
        where, params = [], []
        if type:
            where.append("type = ?")
            params.append(type)
        if prefix:
            where.append(f"name LIKE ?{LIKE_ESCAPE}")
            params.append(like_prefix(prefix))
        w = (" WHERE " + " AND ".join(where)) if where else ""
        total = self._query(f"SELECT COUNT(*) FROM entity_stats{w}", params, what="entities")[0][0]
        rows = self._query(
            "SELECT key, name, type, kb_id, cameo, country, articles, mentions,"
            f" CASE WHEN tone_n > 0 THEN tone_sum / tone_n END AS tone FROM entity_stats{w}"
            " ORDER BY mentions DESC, key LIMIT ? OFFSET ?",
            [*params, limit, offset],
            what="entities",
        )
        return {"total": total, "items": [dict(r) for r in rows]}

    def entity(self, key: str) -> dict[str, Any] | None:
        rows = self._query(
            "SELECT key, name, type, kb_id, cameo, country, articles, mentions,"
            " CASE WHEN tone_n > 0 THEN tone_sum / tone_n END AS tone FROM entity_stats WHERE key = ?",
            (key,),
            what="entity",
        )
        return dict(rows[0]) if rows else None

    def entity_timeline(self, key: str, *, by: str = "day") -> list[dict[str, Any]]:
        width = {"day": 10, "month": 7, "year": 4}[by]
        rows = self._query(
            "SELECT substr(d.published, 1, ?) AS period, SUM(e.mentions) AS mentions,"
            " COUNT(DISTINCT e.doc_id) AS articles, AVG(e.tone) AS tone"
            f" FROM entities e JOIN documents d ON d.id = e.doc_id WHERE {_ENTITY_KEY} = ?"
            " AND d.published IS NOT NULL GROUP BY period ORDER BY period",
            (width, key),
            what="timeline",
        )
        return [dict(r) for r in rows]

    def co_mentions(self, key: str, *, limit: int = 15) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT o.key AS other, MAX(o.name) AS name, MAX(o.type) AS type,"
            " COUNT(DISTINCT o.doc_id) AS articles FROM entities e JOIN entities o ON o.doc_id = e.doc_id"
            " AND o.entity_id != e.entity_id WHERE e.key = ? AND o.key != ?"
            " GROUP BY other ORDER BY articles DESC LIMIT ?",
            (key, key, limit),
            what="co-mentions",
        )
        return [
            {"key": r["other"], "name": r["name"], "type": r["type"], "articles": r["articles"]}
            for r in rows
        ]

    def entity_documents(self, key: str, *, limit: int = 20) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT d.id, d.title, d.outlet, d.published FROM documents d WHERE d.id IN"
            f" (SELECT doc_id FROM entities e WHERE {_ENTITY_KEY} = ?) ORDER BY d.published DESC LIMIT ?",
            (key, limit),
            what="entity articles",
        )
        return [dict(r) for r in rows]

    # -- events --------------------------------------------------------------------------

    def _event_where(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        root: str | None = None,
        quad: int | str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        doc: str | None = None,
        source_key: str | None = None,
        target_key: str | None = None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = ["e.negated = 0"]
        params: list[Any] = []
        for col, value in (("e.source_key", source_key), ("e.target_key", target_key)):
            if value:
                where.append(f"{col} = ?")
                params.append(value)
        for col, value in (("e.source_code", source), ("e.target_code", target)):
            if value:
                where.append(f"{col} LIKE ?{LIKE_ESCAPE}")
                params.append(like_prefix(value))
        if actor:
            where.append(
                f"(e.source_code LIKE ?{LIKE_ESCAPE} OR e.target_code LIKE ?{LIKE_ESCAPE})"
            )
            params += [like_prefix(actor), like_prefix(actor)]
        if root:
            where.append("e.root = ?")
            params.append(root.zfill(2))
        if quad:
            where.append("e.quad_class = ?")
            params.append(int(quad))
        if since:
            where.append("e.date >= ?")
            params.append(check_date(since, "since"))
        if until:
            where.append("e.date < ?")
            params.append(check_date(until, "until"))
        if place:
            where.append("e.place = ? COLLATE NOCASE")
            params.append(place)
        if doc:
            where.append("e.doc_id = ?")
            params.append(doc)
        return " WHERE " + " AND ".join(where), params

    def events(self, *, limit: int = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
        where, params = self._event_where(**filters)
        total = self._query(f"SELECT COUNT(*) FROM events e{where}", params, what="events")[0][0]
        rows = self._query(
            "SELECT e.*, d.title, d.url, d.outlet, substr(json_extract(d.analysis, '$.article.text'),"
            " e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence"
            f" FROM events e JOIN documents d ON d.id = e.doc_id{where}"
            " ORDER BY e.date DESC, e.doc_id, e.event_id LIMIT ? OFFSET ?",
            [*params, limit, offset],
            what="events",
        )
        return {"total": total, "items": [dict(r) for r in rows]}

    def event_timeline(self, **filters: Any) -> list[dict[str, Any]]:
        where, params = self._event_where(**filters)
        rows = self._query(
            "SELECT e.date AS day, COUNT(*) AS events, SUM(e.goldstein) AS goldstein,"
            " SUM(e.quad_class = 1) AS q1, SUM(e.quad_class = 2) AS q2, SUM(e.quad_class = 3) AS q3,"
            f" SUM(e.quad_class = 4) AS q4 FROM events e{where} AND e.date IS NOT NULL GROUP BY e.date ORDER BY e.date",
            params,
            what="timeline",
        )
        return [dict(r) for r in rows]

    def network(self, *, limit: int = 200, **filters: Any) -> dict[str, Any]:
        where, params = self._event_where(**filters)
        rows = self._query(
            "SELECT e.source_code AS source, e.target_code AS target, COUNT(*) AS events,"
            " AVG(e.goldstein) AS goldstein, SUM(e.quad_class <= 2) AS cooperation, SUM(e.quad_class >= 3) AS conflict"
            f" FROM events e{where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
            " AND e.source_code != e.target_code GROUP BY source, target ORDER BY events DESC LIMIT ?",
            [*params, limit],
            what="network",
        )
        edges = [dict(r) for r in rows]
        weight: dict[str, int] = {}
        for e in edges:
            for node in (e["source"], e["target"]):
                weight[node] = weight.get(node, 0) + e["events"]
        nodes = [{"id": n, "events": w} for n, w in sorted(weight.items(), key=lambda x: -x[1])]
        return {"nodes": nodes, "edges": edges}

    def map_points(self, *, limit: int = 2000) -> dict[str, list[dict[str, Any]]]:
        places = self._query(
            "SELECT name, lat, lon, MAX(country) AS country, MAX(kind) AS kind,"
            " SUM(mentions) AS mentions, COUNT(doc_id) AS articles FROM places WHERE lat IS NOT NULL"
            " GROUP BY name, lat, lon ORDER BY mentions DESC LIMIT ?",
            (limit,),
            what="map",
        )
        events = self._query(
            "SELECT place AS name, lat, lon, COUNT(*) AS events,"
            " AVG(goldstein) AS goldstein FROM events WHERE lat IS NOT NULL AND negated = 0"
            " GROUP BY place, lat, lon ORDER BY events DESC LIMIT ?",
            (limit,),
            what="map",
        )
        return {"places": [dict(r) for r in places], "events": [dict(r) for r in events]}
