"""What a worker does with one shard: filter by language, analyse, sign for dedup.

Runs in worker processes (local engine) and Ray actors alike; the model is loaded on
first use and stays loaded for the worker's life.
"""

from __future__ import annotations

import os

from warta.batch.shards import Shard
from warta.errors import WartaError

__all__ = ["analyse_shard", "detect_language"]


def detect_language(text: str) -> str:
    import py3langid

    lang, _score = py3langid.classify(text[:2000])
    return lang


def analyse_shard(shard: Shard, *, lang: str | None = None) -> dict:
    """Return ``{"index", "records": [...], "errors": [...], "skipped": n}`` for a shard.

    ``records`` are ``Analysis.to_dict()`` results with the article's MinHash signature
    (hex) under ``"_minhash"``, in input order.
    """
    from warta.dedup import signature
    from warta.pipeline import analyze_documents

    docs, skipped = [], 0
    crash_on = os.environ.get("WARTA_TEST_CRASH_ON")  # fault injection for the resilience tests
    for doc in shard.docs:
        if crash_on and doc.name.endswith(crash_on):
            os._exit(70)
        if lang and detect_language(doc.text or "") != lang:
            skipped += 1
            continue
        docs.append(doc)
    records, errors = [], list(shard.errors)
    for result in analyze_documents(docs):
        if isinstance(result, WartaError):
            errors.append({"doc": result.doc, "type": type(result).__name__, "message": result.message})
            continue
        rec = result.to_dict()
        rec["_minhash"] = signature(result.article.text).tobytes().hex()
        records.append(rec)
    return {"index": shard.index, "records": records, "errors": errors, "skipped": skipped,
            "peak_rss_mb": _peak_rss_mb()}


def _peak_rss_mb() -> float | None:
    """This worker's own high-water resident memory (VmHWM; not inherited across exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None
