"""Writing a finished shard: Parquet tables partitioned by date, errors, a done-marker.

Layout of a batch output directory::

    manifest.json                       inputs, settings, totals (rewritten after each shard)
    articles/date=2021-12-16/part-000003.parquet   (also entities, mentions, quotes, events, themes)
    errors/part-000003.jsonl            documents that failed, with the reason
    _done/000003.json                   written last: the shard is complete

Every file is written to a temporary name and renamed into place; the marker comes
last, so a shard without its marker is simply redone (to the same file names).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from warta.export.atomic import atomic_path

__all__ = ["TABLES", "done_shards", "read_minhashes", "write_manifest", "write_shard"]

TABLES = ("articles", "entities", "mentions", "quotes", "events", "themes")


def _day(rec: dict) -> str:
    pub = (rec["article"].get("published") or {}).get("value") or ""
    return pub[:10] if len(pub) >= 10 else "unknown"


def _rows(rec: dict, duplicate_of: str | None, seq: int) -> dict[str, list[dict[str, Any]]]:
    art = rec["article"]
    aid = art["id"]
    art["duplicate_of"] = duplicate_of
    ents = {e["id"]: e for e in rec["entities"]}
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    out["articles"].append(
        {
            "id": aid,
            "url": art.get("url"),
            "outlet": art.get("outlet"),
            "title": art.get("title"),
            "published": (art.get("published") or {}).get("value"),
            "section": art.get("section"),
            "category": (rec.get("category") or {}).get("label"),
            "tone": (rec.get("tone") or {}).get("score"),
            "duplicate_of": duplicate_of,
            "origin": art.get("origin"),
            "seq": seq,
            "minhash": rec.get("_minhash"),
            "record": json.dumps(
                {k: v for k, v in rec.items() if k != "_minhash"}, ensure_ascii=False
            ),
        }
    )
    for e in rec["entities"]:
        out["entities"].append(
            {
                "article_id": aid,
                "entity_id": e["id"],
                "type": e["type"],
                "name": e["name"],
                "kb_id": e.get("kb_id"),
                "cameo": e.get("cameo"),
                "country": e.get("country"),
                "mentions": len(e["mentions"]),
                "tone": e.get("tone"),
            }
        )
        for m in e["mentions"]:
            out["mentions"].append(
                {"article_id": aid, "entity_id": e["id"], "start": m["start"], "end": m["end"]}
            )
    for n, q in enumerate(rec["quotes"]):
        sp = q.get("speaker") or {}
        who = ents.get(sp.get("entity_id") or "")
        out["quotes"].append(
            {
                "article_id": aid,
                "n": n,
                "kind": q["kind"],
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
                "speaker": who["name"] if who else sp.get("text"),
                "speaker_kb": who.get("kb_id") if who else None,
                "cue": q.get("cue"),
                "via": q.get("via"),
                "confidence": q.get("confidence"),
            }
        )
    for ev in rec["events"]:
        src, tgt = ev.get("source") or {}, ev.get("target") or {}
        out["events"].append(
            {
                "article_id": aid,
                "event_id": ev["id"],
                "cameo": ev["cameo"],
                "root": ev["root"],
                "quad_class": ev["quad_class"],
                "goldstein": float(ev["goldstein"]),
                "plover": ev.get("plover"),
                "source_code": src.get("code"),
                "source_text": src.get("text"),
                "target_code": tgt.get("code"),
                "target_text": tgt.get("text"),
                "date": ev.get("date"),
                "negated": bool(ev.get("negated")),
                "modality": ev.get("modality"),
                "confidence": float(ev.get("confidence") or 0.0),
                "sentence_start": ev["sentence"]["start"],
                "sentence_end": ev["sentence"]["end"],
                "rule": ev.get("rule"),
                "duplicate_of": duplicate_of,
            }
        )
    for t in rec["themes"]:
        out["themes"].append(
            {
                "article_id": aid,
                "theme": t["id"],
                "gdelt": t.get("gdelt"),
                "mentions": len(t["mentions"]),
                "score": float(t.get("score") or 0.0),
            }
        )
    return out


def write_shard(out: Path, result: dict, duplicates: dict[str, str | None]) -> dict[str, int]:
    """Write one analysed shard; returns its counts (also stored in the done-marker)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = f"{result['index']:06d}"
    by_day: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for seq, rec in enumerate(result["records"]):
        day = _day(rec)
        for table, rows in _rows(rec, duplicates.get(rec["article"]["id"]), seq).items():
            by_day[(table, day)].extend(rows)
    for (table, day), rows in sorted(by_day.items()):
        if not rows:
            continue
        target = out / table / f"date={day}" / f"part-{name}.parquet"
        with atomic_path(target) as tmp:
            pq.write_table(pa.Table.from_pylist(rows), tmp)
    with atomic_path(out / "errors" / f"part-{name}.jsonl") as tmp:
        tmp.write_text(
            "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result["errors"]),
            encoding="utf-8",
        )
    counts = {
        "index": result["index"],
        "articles": len(result["records"]),
        "errors": len(result["errors"]),
        "skipped": result.get("skipped", 0),
        "duplicates": sum(1 for r in result["records"] if duplicates.get(r["article"]["id"])),
    }
    with atomic_path(out / "_done" / f"{name}.json") as tmp:
        tmp.write_text(json.dumps(counts), encoding="utf-8")
    return counts


def done_shards(out: Path) -> dict[int, dict]:
    done = {}
    for marker in sorted((out / "_done").glob("*.json")):
        info = json.loads(marker.read_text(encoding="utf-8"))
        done[int(info["index"])] = info
    return done


def read_minhashes(out: Path, shard_index: int) -> list[tuple[str, bytes, str | None]]:
    """(article id, signature, duplicate_of) of a finished shard, in input order."""
    import pyarrow.parquet as pq

    rows = []
    for part in sorted((out / "articles").glob(f"date=*/part-{shard_index:06d}.parquet")):
        t = pq.read_table(part, columns=["id", "minhash", "duplicate_of", "seq"])
        rows += t.to_pylist()
    rows.sort(key=lambda r: r["seq"])  # date partitions split a shard; seq restores input order
    return [(r["id"], bytes.fromhex(r["minhash"]), r["duplicate_of"]) for r in rows if r["minhash"]]


def write_manifest(out: Path, info: dict) -> None:
    with atomic_path(out / "manifest.json") as tmp:
        tmp.write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
