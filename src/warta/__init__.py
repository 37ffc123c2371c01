"""warta: Indonesian online news into structured, evidence-linked knowledge.

    >>> import warta
    >>> a = warta.analyze(open("artikel.txt", encoding="utf-8").read())
    >>> [(e.name, e.cameo) for e in a.entities]
    >>> analyses = warta.analyze_files("berita/", errors="skip")  # files, directories, "-"

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
from warta.pipeline import analyze, analyze_documents, analyze_files, load
from warta.record import SCHEMA, Analysis
from warta.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "BinaryDocument",
    "DocumentTooLarge",
    "EmptyDocument",
    "InputError",
    "MalformedDocument",
    "ModelError",
    "QueryError",
    "Store",
    "StoreError",
    "WartaError",
    "__version__",
    "analyze",
    "analyze_documents",
    "analyze_files",
    "load",  # deprecated alias of analyze_files
    "open_store",
]
