import dataclasses
import json
import re

import warta
from conftest import REPO
from helpers import make_analysis
from warta import record
from warta.record import Analysis


def test_round_trip_keeps_every_field():
    a = make_analysis()
    data = json.loads(json.dumps(a.to_dict()))
    back = Analysis.from_dict(data)
    assert back == a
    assert data["schema"] == "warta/1"
    assert next(iter(data)) == "schema"


def test_from_dict_ignores_unknown_keys_from_newer_writers():
    data = make_analysis().to_dict()
    data["article"]["future_field"] = 1
    assert Analysis.from_dict(data).article.id == "doc0001"


def _record_classes():
    return [
        getattr(record, n)
        for n in record.__all__
        if dataclasses.is_dataclass(getattr(record, n, None))
    ]


def test_every_record_field_is_documented_in_schema_md():
    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    missing = []
    for cls in _record_classes():
        section = re.search(rf"^### `?{cls.__name__}`?\s*$(.*?)(?=^### |\Z)", doc, re.M | re.S)
        if section is None:
            missing.append(cls.__name__)
            continue
        for f in dataclasses.fields(cls):
            if not re.search(rf"`{re.escape(f.name)}`", section.group(1)):
                missing.append(f"{cls.__name__}.{f.name}")
    assert not missing, f"undocumented in docs/schema.md: {missing}"


def test_public_api_is_exported():
    for name in warta.__all__:
        assert hasattr(warta, name), name
    for name in ("analyze", "Analysis", "open_store", "WartaError", "load"):
        assert name in warta.__all__
