"""The one place that owns database paths, engines and sessions.

A target is a file path (SQLite, the default) or an SQLAlchemy URL such as
``postgresql+psycopg://user@host/careplan``. Opening a database brings its schema up to date with
the migrations, after copying an SQLite file aside.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from careplan.domain.errors import StorageError

ENV_DATABASE = "CAREPLAN_DATABASE"
ENV_DATA_DIR = "CAREPLAN_DATA_DIR"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def data_dir() -> Path:
    """Where Careplan keeps its data: ``CAREPLAN_DATA_DIR`` or the user data folder."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("careplan", appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "careplan.db"


def resolve_target(target: str | os.PathLike[str] | None) -> URL:
    """A file path or URL as given on the command line (or in ``CAREPLAN_DATABASE``) as a URL."""
    if target is None:
        target = os.environ.get(ENV_DATABASE) or default_database_path()
    text = os.fspath(target)
    if "://" in text:
        try:
            url = make_url(text)
        except Exception as exc:
            raise StorageError(f"“{_redact(text)}” is not a database address Careplan understands.") from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise StorageError("Careplan works with SQLite files or PostgreSQL servers only.")
        if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def _redact(text: str) -> str:
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:
        return "that address"


@dataclass(frozen=True)
class DatabaseInfo:
    url: str
    backend: str
    path: Path | None


class Database:
    """An open Careplan database: an engine and a factory of short sessions."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self.engine = engine
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    @property
    def path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def info(self) -> DatabaseInfo:
        return DatabaseInfo(self.url.render_as_string(hide_password=True), self.backend, self.path)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short session for one use case; storage failures come out as :class:`StorageError`."""
        with translate_storage_errors(), self._sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


@contextlib.contextmanager
def translate_storage_errors() -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        raise StorageError(describe_storage_error(exc)) from exc


def describe_storage_error(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return (
            "The database is busy: another Careplan window or workstation is saving. "
            "Please try again in a moment. Nothing has been lost."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (
            "The database file is damaged and cannot be read. Nothing has been changed. "
            "Restore the latest backup or ask your administrator."
        )
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "The database cannot be written to (the file or folder is read-only)."
    if "disk is full" in text or "no space" in text:
        return "The disk is full, so nothing could be saved. Free some space and try again."
    if "unable to open" in text:
        return "The database file cannot be opened. Check that the folder exists and can be written to."
    if "connection" in text or "could not connect" in text or "password authentication" in text:
        return "Careplan cannot reach the database server. Check the address and that the server is running."
    return "The database reported a problem, so nothing was saved. Please try again."


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide where transactions begin (see _sqlite_begin), so
    # that DDL in migrations is transactional too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def check_sqlite_file(path: Path, *, create: bool) -> None:
    """Plain-words errors for the usual problems with a database file, before SQLite sees it."""
    if path.exists():
        if path.is_dir():
            raise StorageError(f"{path} is a folder, not a Careplan database file.")
        if not os.access(path, os.R_OK):
            raise StorageError(f"Careplan is not allowed to read {path}.")
        size = path.stat().st_size
        if size == 0:
            return  # an empty file is a new database
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise StorageError(
                f"{path.name} is not a Careplan database, or it is damaged. Nothing has been changed. "
                "Restore the latest backup or choose another file."
            )
        return
    if not create:
        raise StorageError(f"There is no Careplan database at {path}.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Careplan cannot create the folder {path.parent} ({exc.strerror}).") from exc
    if not os.access(path.parent, os.W_OK):
        raise StorageError(f"Careplan cannot create a database in {path.parent}: the folder is read-only.")


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        # One connection per session, closed afterwards: files stay consistent, and a second
        # process sees the changes at once.
        engine = create_engine(url, poolclass=NullPool)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def open_database(
    target: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    migrate: bool = True,
    require_schema: bool = True,
) -> Database:
    """Open (and if needed create and upgrade) the Careplan database at ``target``."""
    url = resolve_target(target)
    if url.get_backend_name() == "sqlite" and url.database:
        check_sqlite_file(Path(url.database), create=create)
    engine = make_engine(url)
    db = Database(engine, url)
    try:
        with translate_storage_errors(), engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        if migrate:
            from careplan.storage.migrate import upgrade_if_needed

            upgrade_if_needed(db)
        elif require_schema and not has_schema(db):
            raise StorageError("This database has not been set up. Run “careplan db upgrade” first.")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(describe_storage_error(exc)) from exc
    except BaseException:
        engine.dispose()
        raise
    return db


def has_schema(db: Database) -> bool:
    with translate_storage_errors():
        return "alembic_version" in inspect(db.engine).get_table_names()


def copy_sqlite_aside(path: Path, label: str) -> Path:
    """Copy an SQLite database (WAL included, consistently) next to itself and return the copy."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    # Created private (0600) before a single byte is copied into it: these are care records.
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise StorageError(
            f"Careplan could not copy the database aside before upgrading ({exc.strerror}). "
            "Nothing was changed."
        ) from exc
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise StorageError(f"Careplan could not copy the database aside before upgrading ({exc}).") from exc
    finally:
        source.close()
    return target
