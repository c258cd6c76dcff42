"""The staff table of a database file, read directly: for signing in against a backup (or a
database that cannot be opened the usual way) before restoring it. Raises the driver's errors
(:func:`~careplan.storage.sqlite_files.sqlite_errors`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careplan.storage.encryption import DatabaseKey
from careplan.storage.sqlite_files import connect_file


def staff_columns(connection: Any) -> set[str]:
    """The staff table's columns (none: a file with no staff table)."""
    return {r[1] for r in connection.execute("PRAGMA table_info(staff)")}


def staff_with_password(connection: Any, columns: set[str]) -> int:
    """How many active members of staff have a password (0 in a file made before sign-in)."""
    if "password_hash" not in columns:
        return 0
    found = connection.execute(
        "SELECT count(*) FROM staff WHERE active AND password_hash IS NOT NULL"
    ).fetchone()
    return int(found[0])


def staff_sign_in_facts(
    path: Path, key: DatabaseKey | None, username: str, *, read_only_file: bool
) -> tuple[set[str], int, tuple[int, str | None] | None]:
    """The staff table's columns, how many have a password, and ``username``'s id and password
    hash (None: nobody of that name, or no passwords in this file)."""
    connection = connect_file(path, key, read_only_file=read_only_file)
    try:
        columns = staff_columns(connection)
        with_password = staff_with_password(connection, columns)
        row = None
        if "password_hash" in columns:
            found = connection.execute(
                "SELECT id, password_hash FROM staff WHERE username = ?", (username,)
            ).fetchone()
            row = None if found is None else (int(found[0]), found[1])
    finally:
        connection.close()
    return columns, with_password, row


def staff_passwords_in(path: Path, key: DatabaseKey | None) -> int:
    """How many active members of staff in the file at ``path`` have a password (read only)."""
    connection = connect_file(path, key, read_only_file=True)
    try:
        return staff_with_password(connection, staff_columns(connection))
    finally:
        connection.close()
