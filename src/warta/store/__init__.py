"""The embedded store: SQLite with WAL and an FTS5 index (see ``sqlite.py``)."""

from warta.store.sqlite import SearchHit, Store, default_db_path, open_store

__all__ = ["SearchHit", "Store", "default_db_path", "open_store"]
