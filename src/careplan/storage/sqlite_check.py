"""Checking an SQLite database file as it is: whether it can be read whole, its schema revision,
its text encoding, a fingerprint of every row, and the state of the database file itself
(missing, healthy or damaged)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from careplan.domain.errors import StorageError, UnusableBackup
from careplan.domain.wording.failures import database_problem
from careplan.storage import encryption
from careplan.storage.database import Database
from careplan.storage.encryption import DatabaseKey, DatabaseLocked
from careplan.storage.file_kinds import database_file_problem
from careplan.storage.manifest_table import MANIFEST_TABLE
from careplan.storage.sqlite_files import connect_file, sqlite_errors


def require_integrity(path: Path, key: DatabaseKey | None, problem: str, *, unusable: bool = False) -> None:
    """SQLite's integrity check, or ``problem`` (an :class:`UnusableBackup` with ``unusable``)."""
    errors = sqlite_errors()
    kind = UnusableBackup if unusable else StorageError
    try:
        connection = connect_file(path, key)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except errors as exc:
        raise kind(f"{problem}. Nothing was changed.") from exc
    if rows != [("ok",)]:
        raise kind(f"{problem}. Nothing was changed.")


def require_utf8(path: Path, key: DatabaseKey | None) -> None:
    """Careplan's databases hold UTF-8 text; a header saying otherwise means a damaged file."""
    errors = sqlite_errors()
    try:
        connection = connect_file(path, key)
        try:
            connection.text_factory = bytes
            encoding = connection.execute("PRAGMA encoding").fetchone()
        finally:
            connection.close()
    except errors as exc:
        raise UnusableBackup("The backup is damaged. Nothing was changed.") from exc
    if encoding != (b"UTF-8",):
        raise UnusableBackup(
            "The backup is damaged (its text is not stored as Careplan stores it). Nothing was changed."
        )


def schema_revision(db: Database) -> str | None:
    """The migration the database's schema is at (None: it was never set up)."""
    try:
        with db.engine.connect() as conn:
            names = {
                row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "alembic_version" not in names:
                return None
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except SQLAlchemyError as exc:
        raise StorageError("The copy could not be read.") from exc
    return None if row is None else str(row[0])


def content_digest(path: Path, key: DatabaseKey | None) -> str:
    """SHA-256 of the schema and every row of every table (but the manifest), bytes as stored.

    SQLite has no checksums of its own: a changed byte inside a stored text passes its integrity
    check. This fingerprint, taken when a backup is made and checked before it is restored,
    catches it. Text is read as raw bytes, so a damaged one cannot fail to decode on the way.
    """
    digest = hashlib.sha256()
    errors = sqlite_errors()
    try:
        connection = connect_file(path, key)
        try:
            connection.text_factory = bytes
            tables = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != ? ORDER BY name",
                (MANIFEST_TABLE,),
            ).fetchall()
            for name, sql in tables:
                digest.update(repr((name, sql)).encode("ascii"))
                quoted = '"' + name.decode("utf-8", "replace").replace('"', '""') + '"'
                for row in connection.execute(f"SELECT * FROM {quoted}"):
                    digest.update(repr(row).encode("ascii"))
        finally:
            connection.close()
    except errors as exc:
        raise UnusableBackup("The backup is damaged: it cannot be read whole. Nothing was changed.") from exc
    return digest.hexdigest()


def file_state(path: Path, passphrase: str | None) -> tuple[str, DatabaseKey | None]:
    """``missing`` (no file, or an empty one), ``healthy`` (with its key), or ``damaged`` (cannot
    be read whole, or its key file is gone).

    A database that is merely busy is neither: that raises :class:`StorageError`; one whose key
    is not available (the keyring cannot give it, and ``passphrase`` is None) raises
    :class:`DatabaseLocked`.
    """
    try:
        problem = database_file_problem(path)
        if problem is not None:
            raise StorageError(problem)
        if not path.exists() or path.stat().st_size == 0:
            return "missing", None
    except OSError as exc:
        raise StorageError(f"Careplan cannot look at {path} ({exc.strerror}).") from exc
    key: DatabaseKey | None = None
    if encryption.file_kind(path) == "encrypted":
        try:
            key = encryption.unlock(path, passphrase)
        except DatabaseLocked:
            raise
        except StorageError:
            return "damaged", None  # its key file is missing or damaged: it cannot be read
    errors = sqlite_errors()
    try:
        connection = connect_file(path, key)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except errors as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise StorageError(database_problem(exc)) from exc
        return "damaged", None
    return ("healthy", key) if rows == [("ok",)] else ("damaged", None)
