"""The manifest table inside a backup file: one row of text (what the backup holds, as the caller
wrote it), written when the backup is made and taken out of a copy before it is restored."""

from __future__ import annotations

from pathlib import Path

from careplan.storage.database import Database
from careplan.storage.encryption import DatabaseKey
from careplan.storage.sqlite_files import connect_file

MANIFEST_TABLE = "careplan_backup"


def write_manifest(path: Path, key: DatabaseKey | None, text: str) -> None:
    """Put ``text`` in the file's manifest table (in place of any before). Raises the driver's
    errors (:func:`~careplan.storage.sqlite_files.sqlite_errors`)."""
    connection = connect_file(path, key)
    try:
        connection.execute("BEGIN")
        connection.execute(f"DROP TABLE IF EXISTS {MANIFEST_TABLE}")
        connection.execute(f"CREATE TABLE {MANIFEST_TABLE} (manifest TEXT NOT NULL)")
        connection.execute(f"INSERT INTO {MANIFEST_TABLE} (manifest) VALUES (?)", (text,))
        connection.execute("COMMIT")
    finally:
        connection.close()


def read_manifest(path: Path, key: DatabaseKey | None, *, only_if_there: bool = False) -> str | None:
    """The manifest's text, read without changing the file; None when the row is missing.
    Without ``only_if_there``, a file with no manifest table raises the driver's error."""
    connection = connect_file(path, key, read_only_file=True)
    try:
        if only_if_there:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if MANIFEST_TABLE not in names:
                return None
        row = connection.execute(f"SELECT manifest FROM {MANIFEST_TABLE}").fetchone()
    finally:
        connection.close()
    return None if row is None else str(row[0])


def take_manifest(db: Database) -> tuple[bool, str | None]:
    """Take the manifest out of a copy (it is not part of the database): whether it had a
    manifest table, and the text in it (None: the table was empty)."""
    with db.engine.connect() as conn:
        names = {
            row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if MANIFEST_TABLE not in names:
            return False, None
        row = conn.exec_driver_sql(f"SELECT manifest FROM {MANIFEST_TABLE}").first()
        conn.exec_driver_sql(f"DROP TABLE {MANIFEST_TABLE}")
        conn.commit()
    return True, None if row is None else str(row[0])
