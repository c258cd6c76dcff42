"""Opening SQLite files directly: a backup, a private copy of one, or the database file itself.

Every connection to such a file is made by :func:`connect_file` (with the driver from
:func:`driver`), the one place where database encryption is wired in for them; :func:`file_database`
puts a :class:`~careplan.storage.database.Database` over one, for reading it through the models.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from careplan.storage import encryption
from careplan.storage.database import BUSY_TIMEOUT_MS, SQLITE_HEADER, Database
from careplan.storage.encryption import DatabaseKey


def driver() -> ModuleType:
    """The SQLite driver for these files: SQLCipher's (its errors are not :mod:`sqlite3`'s)."""
    module: ModuleType = encryption.dbapi()
    return module


def sqlite_errors() -> tuple[type[BaseException], ...]:
    return (driver().Error,)


def connect_file(path: Path, key: DatabaseKey | None, *, read_only_file: bool = False) -> Any:
    """A DB-API connection to an SQLite file: a backup, a private copy, or the database itself,
    keyed with ``key`` (plain only when None: a backup made before encryption at rest).

    Autocommit (transactions are begun explicitly), a busy timeout like the app's, foreign keys
    on. ``read_only_file`` opens without ever writing to the file (for backups given to us).
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    if read_only_file:
        connection = encryption.connect(
            read_only_uri(path), key, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
    else:
        connection = encryption.connect(
            str(path), key, timeout=timeout, isolation_level=None, check_same_thread=False
        )
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def read_only_uri(path: Path) -> str:
    """The URI that opens the file at ``path`` without ever writing to it."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    log = Path(path).with_name(Path(path).name + "-wal")
    if not (log.exists() and log.stat().st_size > 0):
        # Nothing waiting in a log beside it: read the file as it is, without creating the
        # -wal and -shm files SQLite would otherwise leave beside a WAL-mode copy.
        uri += "&immutable=1"
    return uri


def file_database(path: Path, key: DatabaseKey | None) -> Database:
    """A :class:`Database` on a copy, every connection made by :func:`connect_file` with ``key``."""
    engine: Engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        creator=lambda: connect_file(path, key),
        module=driver(),
        poolclass=NullPool,
        hide_parameters=True,
    )
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return Database(engine, URL.create("sqlite+pysqlite", database=str(path)), key)


def opens(path: Path, key: DatabaseKey) -> bool:
    """Whether ``key`` opens the file at ``path`` (read without changing it)."""
    try:
        connection = connect_file(path, key, read_only_file=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            connection.close()
    except sqlite_errors():
        return False
    return True


def has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def might_be_database(path: Path) -> bool:
    """A plain SQLite file, or one made of whole pages (an encrypted one cannot say more)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return has_sqlite_header(path) or (size >= 512 and size % 512 == 0)


def same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)  # a hard or symbolic link is the same file
    except OSError:
        return False
