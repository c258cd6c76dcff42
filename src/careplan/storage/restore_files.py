"""Restoring an SQLite database file from a backup: a private copy of the backup (the backup
itself is never written to), then the current database kept aside and replaced, all or nothing.

- a readable current database is copied aside (``careplan.db.before-restore-<code>.bak``) and
  then overwritten through the backup API, in one transaction (other connections, WAL included,
  stay consistent): :func:`copy_aside`, :func:`overwrite_live`;
- a damaged current database is moved aside (``careplan.db.damaged-<time>.bak``, with its
  ``-wal``/``-shm``) and the checked copy is renamed into its place: :func:`replace_damaged`.

Whether the copy may be restored, and by whom, is the caller's to check in between.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from careplan.domain.errors import StorageError, UnusableBackup
from careplan.domain.wording.failures import backup_problem, database_problem, write_problem
from careplan.storage import encryption
from careplan.storage.backup_files import new_partial, remove_quietly
from careplan.storage.database import BUSY_TIMEOUT_MS, copy_sqlite_aside
from careplan.storage.encryption import DatabaseKey, KeyFile
from careplan.storage.file_kinds import not_a_file
from careplan.storage.sqlite_files import connect_file, read_only_uri, same_file, sqlite_errors


def cannot_restore(backup: Path, why: str) -> str:
    return f"{backup.name} cannot be restored: {why}. Nothing was changed."


def check_backup_file(backup: Path, database: Path) -> None:
    """A file that may be a backup of ``database``: there, a file, not the database itself."""
    kind = not_a_file(backup)  # looked at, never opened: a named pipe would wait for ever
    if kind is not None:
        raise UnusableBackup(f"{backup} is {kind}, not a backup file. Nothing was changed.")
    if not backup.exists():
        raise UnusableBackup(f"There is no file at {backup}. Nothing was changed.")
    if backup.resolve() == database.resolve() or same_file(backup, database):
        raise UnusableBackup("That is the database itself, not a backup of it. Nothing was changed.")
    if encryption.file_kind(backup) == "new":
        raise UnusableBackup(
            cannot_restore(backup, "it is not a Careplan backup, or it is damaged (it is empty)")
        )


def private_copy(backup: Path, database: Path, backup_key: DatabaseKey | None, key: DatabaseKey) -> Path:
    """A copy of the backup in the database's folder, made without writing to the backup,
    encrypted with ``key`` (SQLCipher re-encrypts a backup made with another key)."""
    if not database.parent.is_dir():
        raise StorageError(f"The folder {database.parent} does not exist. Nothing was changed.")
    partial = new_partial(database.with_name(database.name + ".restoring"))
    errors = sqlite_errors()
    try:
        if backup_key is None:
            _export_plain(backup, partial, key)
        else:
            source = connect_file(backup, backup_key, read_only_file=True)
            try:
                dest = connect_file(partial, key)
                try:
                    source.backup(dest)
                    dest.execute("PRAGMA journal_mode = DELETE").fetchall()
                finally:
                    dest.close()
            finally:
                source.close()
    except UnicodeError as exc:
        remove_quietly(partial)
        raise UnusableBackup(cannot_restore(backup, "it is damaged")) from exc
    except errors as exc:
        remove_quietly(partial)
        text = str(exc).lower()
        if "full" in text or "i/o" in text or "readonly" in text:
            raise StorageError(
                backup_problem(exc).replace(
                    "the backup could not be written", "the backup could not be restored"
                )
            ) from exc
        raise UnusableBackup(cannot_restore(backup, "it is not a Careplan backup, or it is damaged")) from exc
    except BaseException:
        remove_quietly(partial)
        raise
    return partial


def _export_plain(backup: Path, partial: Path, key: DatabaseKey) -> None:
    """An unencrypted backup (made before encryption at rest), copied encrypted with ``key``."""
    uri = read_only_uri(backup)
    dest = encryption.connect(
        str(partial), key, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )
    try:
        dest.execute("ATTACH DATABASE ? AS plain KEY ''", (uri,))
        dest.execute("SELECT sqlcipher_export('main', 'plain')")
        version = int(dest.execute("PRAGMA plain.user_version").fetchone()[0])
        dest.execute(f"PRAGMA main.user_version = {version}")
        dest.execute("DETACH DATABASE plain")
        dest.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        dest.close()


def copy_aside(database: Path, key: DatabaseKey) -> list[Path]:
    """Keep the current database beside itself (same key, a copy of its key file beside it)
    before it is overwritten."""
    try:
        aside = copy_sqlite_aside(database, f"before-restore-{os.urandom(3).hex()}", key)
        kept = [aside]
        key_path = encryption.key_file_for(database)
        if key_path.is_file():
            KeyFile.read(key_path).write(encryption.key_file_for(aside))
            kept.append(encryption.key_file_for(aside))
        return kept
    except StorageError as exc:
        raise StorageError(
            "Careplan could not keep a copy of the current database before restoring, so nothing "
            "was changed. Check there is free space beside the database."
        ) from exc


def overwrite_live(copy: Path, database: Path, key: DatabaseKey) -> None:
    """Replace the readable live database's content with the copy's, in one transaction."""
    errors = sqlite_errors()
    try:
        source = connect_file(copy, key)
        try:
            dest = connect_file(database, key)
            try:
                source.backup(dest)
                rows = dest.execute("PRAGMA quick_check").fetchall()
            finally:
                dest.close()
        finally:
            source.close()
    except errors as exc:
        raise StorageError(
            f"The backup could not be put in place: {database_problem(exc)} The database was not changed."
        ) from exc
    if rows != [("ok",)]:
        raise StorageError(
            "After restoring, the database failed its check. A copy of it from before the "
            "restore was kept beside it; ask your administrator."
        )


def replace_damaged(copy: Path, database: Path, key_file: KeyFile) -> list[Path]:
    """Move a damaged (or missing) database aside (its key file too) and rename the checked copy
    into its place, with ``key_file`` beside it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = database.with_name(f"{database.name}.damaged-{stamp}.bak")
    kept: list[Path] = []
    try:
        if database.exists():
            # A hard link first: the database's name never points at nothing.
            try:
                os.link(database, aside)
            except OSError:
                shutil.copy2(database, aside)
            kept.append(aside)
        for suffix in ("-wal", "-shm", "-journal"):
            extra = database.with_name(database.name + suffix)
            if extra.exists():
                # Never leave a log from the damaged file beside the restored one.
                os.replace(extra, aside.with_name(aside.name + suffix))
                kept.append(aside.with_name(aside.name + suffix))
        key_path = encryption.key_file_for(database)
        if key_path.exists():
            # The old key file stays with the file it opens (or, with no file, is kept all the same).
            os.replace(key_path, encryption.key_file_for(aside))
            kept.append(encryption.key_file_for(aside))
        key_file.write(key_path)
        os.replace(copy, database)
    except OSError as exc:
        raise StorageError(write_problem(exc, "the restored database")) from exc
    return kept
