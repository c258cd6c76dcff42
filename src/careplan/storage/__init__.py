"""Storage: engine, sessions, paths and migrations."""

from careplan.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
