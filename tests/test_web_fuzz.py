"""OpenAPI-driven fuzzing of the HTTP API (schemathesis), every operation, with all of
schemathesis' default checks: no 5xx, every status and header declared, every body in its
declared shape (errors as ``{"error": {"type", "message"}}``), invalid input refused,
valid input accepted, undeclared methods answered 405 with ``Allow``, the bearer token
enforced where it is declared.

``POST /api/analyze`` runs the real pipeline on what hypothesis generates, so its
examples are few; the whole file stays well under a minute.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from helpers import make_analysis
from warta.store import open_store
from warta.web import create_app


def _app(token: str | None):
    store = open_store(Path(tempfile.mkdtemp()) / "fuzz.db")
    for n in range(3):
        store.put(make_analysis(n, url=f"https://contoh.id/{n}"))
    # schemathesis addresses the app as "testserver"
    return create_app(store=store, ingest_token=token, allowed_hosts=["testserver"])


open_api = schemathesis.openapi.from_asgi("/openapi.json", _app(None))
guarded_api = schemathesis.openapi.from_asgi("/openapi.json", _app("rahasia"))


def _call(case):
    """Call and validate; schemathesis' own positive-data check is replaced by a precise
    one: no schema can say which strings are valid FTS5 queries, or that 2025-02-30 (which
    matches the date pattern) is no day; those two are the 400s a schema-valid request
    may get, and 422 a text that holds nothing to analyse."""
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"type", "message"}
        if (
            case.meta is not None
            and case.meta.generation.mode.is_positive
            and response.status_code == 400
        ):
            error = body["error"]
            assert error["type"] == "QueryError" or "is not a real date" in error["message"], error
    return response


@open_api.exclude(path="/api/analyze").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_keeps_its_schema(case):
    _call(case)


@open_api.include(path="/api/analyze").parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_analyze_keeps_its_schema(case):
    _call(case)


@guarded_api.include(method="POST").parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_writes_need_the_bearer_token(case):
    response = _call(case)
    if "authorization" not in {k.lower() for k in (case.headers or {})}:
        assert response.status_code == 401
