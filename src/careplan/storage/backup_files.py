"""Backing up an SQLite database file: the copy itself, whole or not at all.

SQLite's online backup API copies the live database while Careplan is in use: the copy is read
from one consistent snapshot (a read transaction held on the source for the whole copy, so
writers carry on in the WAL), in steps with a progress callback. The copy goes to a private
temporary file in the target folder, is checked and labelled by the caller, flushed to disk, and
only then takes the target's name (its key file beside it first). A failure at any point leaves
no file behind. What may be backed up, by whom, and what the label says is the caller's.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from careplan.domain.errors import StorageError
from careplan.domain.wording.failures import backup_problem, database_problem, write_problem
from careplan.storage import encryption
from careplan.storage.database import Database
from careplan.storage.sqlite_files import connect_file, sqlite_errors

STEP_PAGES = 256  # 1 MiB at a time with 4 KiB pages: progress, and writers are never held up

Progress = Callable[[int, int], None]
"""Called as ``progress(pages_done, pages_total)`` while a backup is copied."""

T = TypeVar("T")


def check_target(target: Path, database: Path) -> None:
    """A backup goes to a new file (and a new key file) in a folder that exists, never over the
    database."""
    if target.resolve() == database.resolve():
        raise StorageError("A backup cannot be written over the database itself. Choose another file.")
    if target.is_dir():
        raise StorageError(f"{target} is a folder. Give the name of a new file for the backup.")
    for taken in (target, encryption.key_file_for(target)):
        if taken.exists():
            raise StorageError(
                f"{taken.name} already exists. Nothing was changed. Choose a new name for the backup."
            )
    if not target.parent.is_dir():
        raise StorageError(f"The folder {target.parent} does not exist. Nothing was written.")


def write_backup(
    db: Database, target: Path, key_text: str | None, progress: Progress | None, label: Callable[[Path], T]
) -> tuple[T, int]:
    """Copy the live database to ``target``: all of it, or no file. ``label`` checks the private
    copy and writes its label into it (what it returns is handed back, with the backup's size);
    ``key_text`` is the database's key file, put beside the backup (None: a plain database)."""
    assert db.path is not None
    partial = new_partial(target)
    key_partial: Path | None = None
    try:
        _copy_live(db, partial, progress)
        labelled = label(partial)
        sync_file(partial)
        if key_text is not None:
            # The backup's key file (not secret: the key wrapped by the recovery passphrase)
            # goes beside it first, so that a backup never exists without its key file.
            key_partial = new_partial(encryption.key_file_for(target))
            key_partial.write_text(key_text + "\n", "utf-8")
            sync_file(key_partial)
            _publish(key_partial, encryption.key_file_for(target))
            key_partial = None
        try:
            _publish(partial, target)
        except BaseException:
            if key_text is not None:
                remove_quietly(encryption.key_file_for(target))
            raise
    except BaseException:
        remove_quietly(partial)
        if key_partial is not None:
            remove_quietly(key_partial)
        raise
    sync_folder(target.parent)
    return labelled, target.stat().st_size


def new_partial(target: Path) -> Path:
    """A new, private (0600), empty file beside ``target``, named after it."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as exc:
        raise StorageError(write_problem(exc, "the backup")) from exc
    os.close(fd)  # mkstemp made it private (0600) before a byte of care records went in
    return Path(name)


def _copy_live(db: Database, partial: Path, progress: Progress | None) -> None:
    """The online backup: one read snapshot of the live database, copied in steps."""
    errors = sqlite_errors()
    try:
        source = db.engine.raw_connection()
    except SQLAlchemyError as exc:
        raise StorageError(database_problem(exc)) from exc
    try:
        live = source.driver_connection
        assert live is not None
        dest = connect_file(partial, db.key)
        try:
            # Holding a read transaction on the source makes every step read the same snapshot:
            # writers go on appending to the WAL, and the copy never has to start again.
            live.execute("BEGIN")
            live.execute("SELECT count(*) FROM sqlite_master").fetchall()

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            live.backup(dest, pages=STEP_PAGES, progress=step)
            live.execute("ROLLBACK")
            # A backup is one self-contained file: no -wal beside it to lose on the way.
            dest.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            dest.close()
    except errors as exc:
        raise StorageError(backup_problem(exc)) from exc
    except OSError as exc:
        raise StorageError(write_problem(exc, "the backup")) from exc
    finally:
        source.close()


def _publish(partial: Path, target: Path) -> None:
    """Give the finished copy its name, never over an existing file."""
    try:
        try:
            os.link(partial, target)
        except FileExistsError:
            raise StorageError(
                f"{target.name} appeared while the backup was being made. Nothing was changed. "
                "Choose a new name for the backup."
            ) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            if target.exists():
                raise StorageError(f"{target.name} already exists. Nothing was changed.") from None
            os.replace(partial, target)  # a filesystem without hard links (a USB stick, say)
            return
        os.unlink(partial)
    except OSError as exc:
        with contextlib.suppress(OSError):
            if target.exists() and target.stat().st_ino == partial.stat().st_ino:
                target.unlink()
        raise StorageError(write_problem(exc, "the backup")) from exc


def sync_open_flags(system: str = os.name) -> int:
    """How to open a file to flush it. Windows flushes (``os.fsync`` is ``_commit`` there) only
    through a descriptor open for writing; POSIX through any, so Linux and macOS open it for
    reading and a read-only copy can still be flushed."""
    if system == "nt":
        return os.O_RDWR | getattr(os, "O_BINARY", 0)
    return os.O_RDONLY


def sync_file(path: Path) -> None:
    """Flush a file Careplan wrote (a backup, its key, a restored copy) to the disk."""
    try:
        fd = os.open(path, sync_open_flags())
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise StorageError(write_problem(exc, "the backup")) from exc


def sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_quietly(path: Path) -> None:
    """Remove an SQLite file and the files SQLite may have left beside it, if they are there."""
    for extra in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + extra).unlink()
