"""The backups folder beside a database file: how automatic backups are named, which is the
newest, pruning old ones, half-made ones left behind, and the newest file that might restore the
database."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from careplan.domain.errors import StorageError
from careplan.storage import encryption
from careplan.storage.sqlite_files import might_be_database

BACKUP_SUFFIX = ".careplan-backup"
AUTO_PREFIX = "careplan-"
BACKUPS_FOLDER = "backups"
AUTO_TIME_FORMAT = "%Y%m%dT%H%M%S%fZ"


def backups_folder(database_path: Path) -> Path:
    """Where automatic backups of the database at ``database_path`` go: ``backups/`` beside it."""
    return database_path.parent / BACKUPS_FOLDER


def automatic_backup_path(database_path: Path, now: datetime | None = None) -> Path:
    moment = (now or datetime.now(UTC)).strftime(AUTO_TIME_FORMAT)
    return backups_folder(database_path) / f"{AUTO_PREFIX}{moment}{BACKUP_SUFFIX}"


def newest_automatic_backup(database_path: Path) -> tuple[Path, datetime] | None:
    """The newest automatic backup in ``backups/`` beside the database, and when it was made
    (read from its name, which copying the file does not change), or None when there is none."""
    folder = backups_folder(database_path)
    found: list[tuple[datetime, Path]] = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{AUTO_PREFIX}*{BACKUP_SUFFIX}"):
            stamp = path.name[len(AUTO_PREFIX) : -len(BACKUP_SUFFIX)]
            try:
                made = datetime.strptime(stamp, AUTO_TIME_FORMAT).replace(tzinfo=UTC)
            except ValueError:
                continue  # not one Careplan named
            if path.is_file():
                found.append((made, path))
    if not found:
        return None
    made, path = max(found)
    return path, made


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups in ``folder``. Returns those deleted."""
    if keep < 1:
        raise StorageError("At least one automatic backup must be kept.")
    automatic = sorted(folder.glob(f"{AUTO_PREFIX}*{BACKUP_SUFFIX}"), key=lambda p: p.name, reverse=True)
    removed = []
    for old in automatic[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
            removed.append(old)
        with contextlib.suppress(FileNotFoundError):
            encryption.key_file_for(old).unlink()
    return removed


def remove_stale_partials(folder: Path, older_than: timedelta, now: datetime | None) -> None:
    """Half-made automatic backups left by a computer switched off mid-copy (``older_than`` or
    more: a younger one may be another workstation's copy in progress)."""
    oldest = (now or datetime.now(UTC)) - older_than
    with contextlib.suppress(OSError):
        for stale in folder.glob(f".{AUTO_PREFIX}*.partial"):
            with contextlib.suppress(OSError):
                if datetime.fromtimestamp(stale.stat().st_mtime, UTC) <= oldest:
                    stale.unlink()


def latest_backup(database_path: Path) -> Path | None:
    """The newest backup of this database that might restore it, if there is one.

    Looks at ``backups/`` beside the database (automatic and named ``*.careplan-backup`` files)
    and at the copies Careplan keeps beside it before an upgrade or a restore. Files that do not
    look like an SQLite database (plain, or whole pages of an encrypted one) are passed over;
    restore checks the rest fully.
    """
    candidates: list[Path] = []
    folder = backups_folder(database_path)
    with contextlib.suppress(OSError):
        candidates += [p for p in folder.glob(f"*{BACKUP_SUFFIX}") if p.is_file()]
    with contextlib.suppress(OSError):
        candidates += [
            p for p in database_path.parent.glob(f"{database_path.name}.before-*.bak") if p.is_file()
        ]
    usable = [p for p in candidates if might_be_database(p)]
    if not usable:
        return None
    return max(usable, key=lambda p: (p.stat().st_mtime_ns, p.name))
