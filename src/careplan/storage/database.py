"""The one place that owns database paths, engines and sessions.

A target is a file path (SQLite, the default) or an SQLAlchemy URL such as
``postgresql+psycopg://user@host/careplan``. Opening one (:mod:`careplan.storage.opener`) brings
its schema up to date with the migrations, after copying an SQLite file aside.

SQLite files are encrypted (SQLCipher, see :mod:`careplan.storage.encryption`): every connection
is keyed with the database's raw key, and an unencrypted file made by an earlier version is
encrypted in place when it is first opened. A PostgreSQL URL without a password takes the one
kept in the keyring (``careplan db set-password``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from careplan.data_folder import data_dir
from careplan.domain.errors import StorageError
from careplan.domain.wording.failures import database_problem
from careplan.storage import encryption, keystore
from careplan.storage.encryption import DatabaseKey
from careplan.storage.storage_errors import translate_storage_errors

log = logging.getLogger(__name__)

ENV_DATABASE = "CAREPLAN_DATABASE"
SQLITE_HEADER = encryption.SQLITE_HEADER
BUSY_TIMEOUT_MS = 5000
# SQLite connections kept open between use cases (keying one and setting its PRAGMAs costs more
# than most use cases), and how many more may be open at once (the GUI thread and Qt's thread pool).
SQLITE_POOL_SIZE = 3
SQLITE_POOL_OVERFLOW = 8
POSTGRES_KEYRING_SERVICE = "careplan-postgresql"


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
    path = Path(os.path.expanduser(text)).resolve()  # "~nobody" stays as typed, as in a shell
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

    def __init__(self, engine: Engine, url: URL, key: DatabaseKey | None = None) -> None:
        self.engine = engine
        self.url = url
        self._key = key
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.converted_copy: Path | None = None
        """The encrypted copy kept when an unencrypted database was converted on opening."""

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    @property
    def key(self) -> DatabaseKey | None:
        """The database's key (None on PostgreSQL), for another :class:`Database` on a copy of
        this one: ``Database(engine, url, db.key)``. Never write it anywhere."""
        return self._key

    @property
    def key_in_keyring(self) -> bool:
        """False when the database was opened with the recovery passphrase (the keyring could not help)."""
        return self._key is None or self._key.from_keyring

    def remember_key(self) -> None:
        """Put this database's key into this computer's keyring (after a recovery-passphrase unlock).

        :class:`careplan.storage.keystore.KeyringUnavailable` when the keyring cannot keep it.
        """
        if self._key is None or self._key.from_keyring:
            return
        encryption.remember_key(self._key.database_id, self._key.key)
        self._key = DatabaseKey(self._key.key, self._key.database_id, from_keyring=True)
        log.info("put the database key back into this computer's keyring")
        if self.path is not None:
            key_path = encryption.key_file_for(self.path)
            encryption.remember_key_file(self.path, encryption.KeyFile.read(key_path))

    def copy_aside(self, label: str) -> Path:
        """Copy this SQLite database next to itself, with the same key (:func:`copy_sqlite_aside`)."""
        assert self.path is not None
        return copy_sqlite_aside(self.path, label, self._key)

    def connect_file(self, path: str | os.PathLike[str], **driver_options: Any) -> Any:
        """A DBAPI connection to another SQLite file (a backup, a copy, or this database itself)
        keyed with this database's key, so that copies are as encrypted as the database; plain
        when this one is not encrypted. The driver is SQLCipher's (:func:`encryption.dbapi`: catch
        its ``Error``, not :mod:`sqlite3`'s).

        ``driver_options`` go to the driver's ``connect`` (``uri=True`` with a ``file:`` URI for a
        read-only or immutable file, ``timeout``...); autocommit (``isolation_level=None``) unless
        given. The caller closes it. Temporary data stays in memory.
        """
        if not self.is_sqlite:
            raise StorageError("Only an SQLite database has files to copy.")
        options: dict[str, Any] = {"isolation_level": None, "check_same_thread": False}
        options.update(driver_options)
        return encryption.connect(os.fspath(path), self._key, **options)

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
        """Close every connection kept open (an SQLite file's handles too): before its file is
        replaced, restored or removed. The database can still be used: it connects again."""
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The key was given when the connection was made (see make_engine's creator).
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


# A process forked from this one must not use (or close) the parent's SQLite connections: SQLite
# forbids it, and closing one could checkpoint the parent's WAL. The child lets them go unclosed
# and opens its own.
_SQLITE_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


def _forget_parent_connections() -> None:
    for engine in list(_SQLITE_ENGINES):
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_forget_parent_connections)


def make_engine(url: URL, key: DatabaseKey | None = None) -> Engine:
    if url.get_backend_name() == "sqlite":
        # Every connection is SQLCipher's, keyed first thing. A few are kept open between
        # sessions: a session's transaction always ends (commit, or the rollback the pool does when
        # a connection comes back), so a second process sees every commit at once (WAL), and no
        # pooled connection holds a snapshot. Closing the last connection would checkpoint the
        # WAL (another fsync) each time. Database.dispose() closes them all.
        path = url.database or ":memory:"

        def creator() -> Any:
            return encryption.connect(path, key, check_same_thread=False)

        # hide_parameters: the values bound to a statement (personal text) never reach a log
        # line or an error message, whatever logging is switched on.
        engine = create_engine(
            url,
            poolclass=QueuePool,
            pool_size=SQLITE_POOL_SIZE,
            max_overflow=SQLITE_POOL_OVERFLOW,
            pool_reset_on_return="rollback",
            module=encryption.dbapi(),
            creator=creator,
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        _SQLITE_ENGINES.add(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, hide_parameters=True)


def postgres_account(url: URL) -> str:
    """The keyring account of a PostgreSQL address: the URL without password or options."""
    return url.set(password=None, query={}).render_as_string(hide_password=False)


def with_keyring_password(url: URL) -> URL:
    """``url`` with the password kept in the keyring, when it has none of its own and the keyring
    has one (a keyring that cannot answer leaves it as it is: the server decides)."""
    if url.password is not None:
        return url
    try:
        password = keystore.get_secret(
            POSTGRES_KEYRING_SERVICE, postgres_account(url), timeout=encryption.KEYRING_TIMEOUT
        )
    except keystore.KeyringUnavailable:
        return url
    return url if password is None else url.set(password=password)


def set_postgres_password(target: str, password: str) -> str:
    """Keep ``password`` for the PostgreSQL address ``target`` in the keyring; returns the account."""
    url = resolve_target(target)
    if url.get_backend_name() != "postgresql":
        raise StorageError("Only a PostgreSQL address has a password to keep.")
    account = postgres_account(url)
    keystore.set_secret(POSTGRES_KEYRING_SERVICE, account, password, timeout=encryption.KEYRING_TIMEOUT)
    return account


def check_server_login(url: URL, password: str) -> None:
    """:class:`StorageError` unless ``password`` logs in, on a connection of its own, to the
    PostgreSQL database at ``url`` as the role it names (not the keyring's password, nor one in the
    address: whoever runs this typed it)."""
    engine = create_engine(url.set(password=password), poolclass=NullPool, hide_parameters=True)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except (OperationalError, DBAPIError) as exc:
        if "password authentication" in str(getattr(exc, "orig", exc)).lower():
            raise StorageError(
                f"That password does not log in to the database as {url.username}. Nothing was changed."
            ) from None
        raise StorageError(database_problem(exc)) from exc
    finally:
        engine.dispose()


def has_schema(db: Database) -> bool:
    with translate_storage_errors():
        return "alembic_version" in inspect(db.engine).get_table_names()


def copy_sqlite_aside(path: Path, label: str, key: DatabaseKey | None = None) -> Path:
    """Copy an SQLite database (WAL included, consistently) next to itself and return the copy,
    encrypted with the same key (plain only for a plain database, ``key`` None)."""
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
    module = encryption.dbapi()
    try:
        source = encryption.connect(path, key)
    except module.Error as exc:
        raise StorageError(f"Careplan could not copy the database aside before upgrading ({exc}).") from exc
    try:
        dest = encryption.connect(target, key)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except module.Error as exc:
        raise StorageError(f"Careplan could not copy the database aside before upgrading ({exc}).") from exc
    finally:
        source.close()
    return target
