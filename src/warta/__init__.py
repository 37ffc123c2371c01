"""warta: Indonesian online news into structured, evidence-linked knowledge.

    >>> import warta
    >>> a = warta.analyze(open("artikel.txt", encoding="utf-8").read())
    >>> [(e.name, e.cameo) for e in a.entities]

Heavy parts (the language model, the knowledge base) load on first use.
"""

from warta.errors import (
    BinaryDocument,
    DocumentTooLarge,
    EmptyDocument,
    InputError,
    MalformedDocument,
    ModelError,
    QueryError,
    StoreError,
    WartaError,
)
from warta.pipeline import analyze, analyze_documents, load
from warta.record import SCHEMA, Analysis
from warta.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "analyze",
    "analyze_documents",
    "load",
    "open_store",
    "Store",
    "WartaError",
    "InputError",
    "EmptyDocument",
    "BinaryDocument",
    "DocumentTooLarge",
    "MalformedDocument",
    "StoreError",
    "QueryError",
    "ModelError",
    "__version__",
]
