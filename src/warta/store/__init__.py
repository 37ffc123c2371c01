"""The embedded store: SQLite with WAL and an FTS5 index (see ``sqlite.py``)."""

from warta.store.sqlite import Store, SearchHit, default_db_path, open_store

__all__ = ["Store", "SearchHit", "default_db_path", "open_store"]
