"""What a worker does with one shard: filter by language, analyse, sign for dedup.

Runs in worker processes (local engine) and Ray actors alike; the model is loaded on
first use and stays loaded for the worker's life.

A document whose analysis raises (instead of yielding its error, as ``analyze_documents``
is meant to) can take the rest of its ``nlp.pipe`` batch with it: the documents not yet
analysed are then redone one at a time, and the one that raises again is recorded as an
``AnalysisCrash`` with its traceback. The shard completes either way. Only a
``ModelError`` stops the batch: without a model no document can be analysed.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warta.batch.shards import Shard
from warta.errors import ModelError, WartaError
from warta.sources.raw import RawDocument

if TYPE_CHECKING:
    from warta.record import Analysis

__all__ = ["analyse_shard", "detect_language", "injected_fault"]


def detect_language(text: str) -> str:
    import py3langid

    lang, _score = py3langid.classify(text[:2000])
    return lang


def analyse_shard(shard: Shard, *, lang: str | None = None) -> dict:
    """Return ``{"index", "records": [...], "errors": [...], "skipped": n}`` for a shard.

    ``records`` are ``Analysis.to_dict()`` results with the article's MinHash signature
    (hex) under ``"_minhash"``, in input order.
    """
    from warta.pipeline import analyze_documents

    docs, skipped = [], 0
    for doc in shard.docs:
        if lang and detect_language(doc.text or "") != lang:
            skipped += 1
            continue
        docs.append(doc)
    records: list[dict] = []
    errors = list(shard.errors)
    done = 0
    try:
        for result in analyze_documents(_faulty(docs)):
            _collect(result, records, errors)
            done += 1
    except ModelError:
        raise
    except Exception:  # one document broke the pipeline batch: redo the rest one by one
        for doc in docs[done:]:
            _analyse_alone(doc, records, errors)
    return {
        "index": shard.index,
        "records": records,
        "errors": errors,
        "skipped": skipped,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _analyse_alone(doc: RawDocument, records: list[dict], errors: list[dict]) -> None:
    from warta.pipeline import analyze_documents

    try:
        for result in analyze_documents(_faulty([doc])):
            _collect(result, records, errors)
    except ModelError:
        raise
    except Exception as exc:  # this document is the culprit: record it, with the traceback
        errors.append(
            {
                "doc": doc.name,
                "type": "AnalysisCrash",
                "message": f"the analysis crashed: {type(exc).__name__}: {_one_line(exc)}",
                "traceback": "".join(traceback.format_exception(exc)),
            }
        )


def _collect(result: Analysis | WartaError, records: list[dict], errors: list[dict]) -> None:
    from warta.dedup import signature

    if isinstance(result, WartaError):
        errors.append({"doc": result.doc, "type": type(result).__name__, "message": result.message})
        return
    rec = result.to_dict()
    rec["_minhash"] = signature(result.article.text).tobytes().hex()
    records.append(rec)


def _one_line(exc: BaseException, limit: int = 500) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


# -- fault injection for tests/test_batch*.py; inert unless the variables are set --------
#
#   WARTA_TEST_CRASH_ON=<suffix>   the worker dies (os._exit) on a document whose name ends so
#   WARTA_TEST_RAISE_ON=<suffix>   the analysis raises on such a document
#   WARTA_TEST_CRASH_AT_START=1    every worker dies while starting
#   WARTA_TEST_FAULT_ONCE=<dir>    each fault fires once per document (files in <dir> remember)


def _faulty(docs: Iterable[RawDocument]) -> Iterator[RawDocument]:
    for doc in docs:
        if injected_fault("CRASH_ON", doc.name):
            os._exit(70)
        if injected_fault("RAISE_ON", doc.name):
            raise RuntimeError(f"injected fault on {doc.name}")
        yield doc


def injected_fault(kind: str, name: str) -> bool:
    """Whether the test fault ``kind`` (``CRASH_ON``, ``RAISE_ON``, ``CRASH_AT_START``) fires."""
    wanted = os.environ.get(f"WARTA_TEST_{kind}")
    if not wanted or (kind != "CRASH_AT_START" and not name.endswith(wanted)):
        return False
    once = os.environ.get("WARTA_TEST_FAULT_ONCE")
    if once:
        marker = Path(once) / re.sub(r"[^A-Za-z0-9_.-]", "_", f"{kind}-{name}")
        try:
            marker.touch(exist_ok=False)
        except FileExistsError:
            return False
    return True
