"""OpenAPI-driven fuzzing of the HTTP API (schemathesis): no input may cause a 5xx or
break the one error shape."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from warta.store import open_store  # noqa: E402
from warta.web import create_app  # noqa: E402

from helpers import make_analysis  # noqa: E402


def _app():
    import tempfile
    from pathlib import Path

    store = open_store(Path(tempfile.mkdtemp()) / "fuzz.db")
    for n in range(3):
        store.put(make_analysis(n, url=f"https://contoh.id/{n}"))
    return create_app(store=store)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.exclude(method="POST").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_a_server_error(case):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"type", "message"}
