"""Opening a Careplan database: its key, creating it, converting an old one, migrating it.

An SQLite file is checked before SQLite sees it (only an ordinary file can be a database), keyed
(:mod:`careplan.storage.encryption`), encrypted in place when an earlier version left it plain
(:mod:`careplan.storage.plain_conversion`) and brought up to date by the migrations
(:mod:`careplan.storage.migrate`).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from careplan.domain.errors import StorageError
from careplan.domain.wording.failures import database_problem
from careplan.storage import encryption, file_kinds
from careplan.storage.database import (
    ENV_DATABASE,
    Database,
    has_schema,
    make_engine,
    resolve_target,
    with_keyring_password,
)
from careplan.storage.encryption import DatabaseKey
from careplan.storage.key_errors import DatabaseLocked
from careplan.storage.migrate import upgrade_if_needed
from careplan.storage.plain_conversion import convert_plain
from careplan.storage.storage_errors import translate_storage_errors

log = logging.getLogger(__name__)


def _is_default_place(target: str | os.PathLike[str] | None) -> bool:
    """True when ``target`` leaves the place to Careplan (the user data folder, made when needed)."""
    return target is None and not os.environ.get(ENV_DATABASE)


def check_sqlite_file(path: Path, *, create: bool, make_folder: bool = True) -> None:
    """Plain-words errors for the usual problems with a database file, before SQLite sees it.

    Only an ordinary file can be a database: a folder, a device, a named pipe or a socket is
    refused before anything opens it (an empty one would otherwise be taken for a new database,
    removed and replaced). A new database's folder is made only when ``make_folder`` (the default
    place); a path someone gave in a folder that does not exist is a mistake to say, not to make."""
    try:
        _check_sqlite_file(path, create=create, make_folder=make_folder)
    except OSError as exc:  # a name too long, a part of the path that is a file...
        raise StorageError(f"Careplan cannot use {path} as a database file ({exc.strerror}).") from exc


def _check_sqlite_file(path: Path, *, create: bool, make_folder: bool) -> None:
    problem = file_kinds.database_file_problem(path)
    if problem is not None:
        raise StorageError(problem)
    if path.exists():
        if not os.access(path, os.R_OK):
            raise StorageError(f"Careplan is not allowed to read {path}.")
        size = path.stat().st_size
        if size == 0:
            return  # an empty file is a new database
        return
    if not create:
        raise StorageError(f"There is no Careplan database at {path}.")
    if not make_folder and not path.parent.is_dir():
        raise StorageError(
            f"There is no folder {path.parent} for a new database: make it first, or give another."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Careplan cannot create the folder {path.parent} ({exc.strerror}).") from exc
    if not os.access(path.parent, os.W_OK):
        raise StorageError(f"Careplan cannot create a database in {path.parent}: the folder is read-only.")


def open_database(
    target: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    migrate: bool = True,
    require_schema: bool = True,
    recovery_passphrase: str | None = None,
) -> Database:
    """Open (and if needed create and upgrade) the Careplan database at ``target``.

    An SQLite file is encrypted: its key comes from the keyring, or from ``recovery_passphrase``
    (default: ``$CAREPLAN_RECOVERY_PASSPHRASE``) when the keyring cannot give it
    (:class:`~careplan.storage.encryption.DatabaseLocked` when neither can). A new file, or an
    unencrypted one made by an earlier version, needs a recovery passphrase to be set
    (:class:`~careplan.storage.encryption.RecoveryPassphraseNeeded` without one).
    """
    url = resolve_target(target)
    key: DatabaseKey | None = None
    converted: Path | None = None
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        check_sqlite_file(path, create=create, make_folder=_is_default_place(target))
        key, converted = _sqlite_key(path, recovery_passphrase or encryption.environment_passphrase())
    elif url.get_backend_name() == "postgresql":
        url = with_keyring_password(url)
    engine = make_engine(url, key)
    db = Database(engine, url, key)
    db.converted_copy = converted
    try:
        with translate_storage_errors(), engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master" if db.is_sqlite else "SELECT 1")
        if migrate:
            if upgrade_if_needed(db) and db.is_sqlite:
                # The pooled connections stay open, so SQLite would leave the migrations' pages
                # in the WAL until it grew to its checkpoint size: move them into the file now.
                with translate_storage_errors(), engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        elif require_schema and not has_schema(db):
            raise StorageError("This database has not been set up. Run “careplan db upgrade” first.")
    except SQLAlchemyError as exc:
        engine.dispose()
        log.info("a %s database could not be opened: %s", db.backend, type(exc.__cause__ or exc).__name__)
        raise StorageError(database_problem(exc)) from exc
    except BaseException:
        engine.dispose()
        raise
    if key is None:
        log.info("opened a %s database", db.backend)
    else:
        log.info(
            "opened an encrypted SQLite database (key from %s)",
            "the keyring" if key.from_keyring else "the recovery passphrase",
        )
    return db


def _sqlite_key(path: Path, passphrase: str | None) -> tuple[DatabaseKey, Path | None]:
    """The key for the SQLite file at ``path``, making one for a new file and encrypting an old,
    unencrypted file in place; and the kept copy when one was converted."""
    kind = encryption.file_kind(path)
    if kind == "encrypted":
        try:
            return encryption.unlock(path, passphrase), None
        except DatabaseLocked as exc:
            log.info("the database's key is not available here (%s)", exc.reason)
            raise
    if passphrase is None:
        what = "a new database" if kind == "new" else "this database, made by an earlier version of Careplan,"
        raise encryption.RecoveryPassphraseNeeded(
            f"To encrypt {what} Careplan needs a recovery passphrase: it opens the database if "
            "this computer's keyring ever loses its key. Give one (at least "
            f"{encryption.MIN_PASSPHRASE_LENGTH} characters) and keep it somewhere safe.",
            path=path,
        )
    if kind == "new":
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_size == 0:
                path.unlink()  # an empty file is a new database: SQLCipher writes its own
        key = encryption.new_key(path, passphrase)
        log.info("made a new encrypted database (its key %s)", _kept(key))
        return key, None
    key, kept = convert_plain(path, passphrase)
    log.info("encrypted a database made by an earlier version; an encrypted copy was kept beside it")
    return key, kept


def _kept(key: DatabaseKey) -> str:
    if key.from_keyring:
        return "in the keyring and the key file"
    return "only in the key file: the keyring could not keep it"


def is_new_database(target: str | os.PathLike[str] | None) -> bool:
    """Whether ``target`` names no database yet, without creating or changing anything: an SQLite
    file that does not exist or is empty (as :func:`open_database` takes it), or a PostgreSQL
    database with no tables at all (the server is only asked which tables it has)."""
    url = resolve_target(target)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return True
        path = Path(url.database)
        problem = file_kinds.database_file_problem(path)  # never opens a folder, device or pipe
        if problem is not None:
            raise StorageError(problem)
        return encryption.file_kind(path) == "new"
    engine = make_engine(with_keyring_password(url))
    try:
        with translate_storage_errors():
            return not inspect(engine).get_table_names()
    except SQLAlchemyError as exc:
        raise StorageError(database_problem(exc)) from exc
    finally:
        engine.dispose()


def open_as_it_is(target: str | os.PathLike[str] | None) -> Database:
    """An existing Careplan database, opened only if that needs nothing created, upgraded,
    converted, restored or asked for: its schema as it is, its key from the keyring (or
    ``$CAREPLAN_RECOVERY_PASSPHRASE``) and its key file where it belongs. :class:`StorageError`
    otherwise. For looking, not for working in: use :func:`open_database` for that."""
    url = resolve_target(target)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if (
            file_kinds.database_file_problem(path) is not None
            or encryption.file_kind(path) != "encrypted"
            or not encryption.key_file_for(path).is_file()
        ):
            raise StorageError(f"{path} cannot be opened as it is.")
    return open_database(target, create=False, migrate=False, require_schema=True)
