"""Backing up an SQLite Careplan database: who may, when, and what is recorded.

**Backing up** (managers and administrators, :func:`backup_database`) copies the live database
while Careplan is in use (:mod:`careplan.storage.backup_files`): the copy is checked (SQLite's
integrity check, the schema revision, the whole audit chain) and labelled with a manifest
(:mod:`careplan.services.backup_checks`), and only then takes the target's name; a failure at any
point leaves no file behind. The backup is recorded in the audit trail *before* the copy is
taken, so the copy holds its own event.

**Automatic backups** (:func:`automatic_backup`, caused by any member of staff signing in to
the desktop app) go to ``backups/`` beside the database, at most one a day, the newest
:data:`DEFAULT_KEEP` kept. Nobody chooses their place or name, so nobody can take a copy away with
them this way; that is why every role may cause one, with its own audit event.

**Restoring** is :mod:`careplan.services.restore`.

**PostgreSQL**: Careplan does not back up or restore a server; that is ``pg_dump`` and
``pg_restore``'s job (:class:`~careplan.domain.errors.NotForPostgres`, with :data:`PG_BACKUP`).

The backups folder (its place, the automatic backups' names, the newest one, which backup might
restore the database) is :mod:`careplan.storage.backup_folder`, named here for the app and the
command line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from careplan.domain.actor import Actor
from careplan.domain.errors import NotForPostgres, StorageError
from careplan.domain.permissions import Action
from careplan.domain.wording.failures import write_problem
from careplan.services.backup_checks import label_copy
from careplan.services.backup_manifest import BackupManifest
from careplan.services.unit_of_work import unit_of_work
from careplan.storage import encryption
from careplan.storage.backup_files import Progress, check_target, write_backup
from careplan.storage.backup_folder import (
    BACKUP_SUFFIX,
    automatic_backup_path,
    backups_folder,
    latest_backup,
    newest_automatic_backup,
    prune_backups,
    remove_stale_partials,
)
from careplan.storage.database import Database

__all__ = [
    "AUTOMATIC_EVERY",
    "BACKUP_SUFFIX",
    "CLOCK_SLACK",
    "DEFAULT_KEEP",
    "PG_BACKUP",
    "BackupResult",
    "Progress",
    "automatic_backup",
    "automatic_backup_due",
    "automatic_backup_path",
    "backup_database",
    "backups_folder",
    "latest_backup",
    "newest_automatic_backup",
    "prune_backups",
]

DEFAULT_KEEP = 10
AUTOMATIC_EVERY = timedelta(days=1)  # an automatic backup when the newest is this old
CLOCK_SLACK = timedelta(hours=1)

PG_BACKUP = (
    "This database is on a PostgreSQL server. Careplan does not back it up itself: use the "
    "server's own tools (pg_dump to back up, pg_restore to restore), as the server's "
    "administrator does for every database on it."
)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: BackupManifest
    size_bytes: int


def backup_database(
    db: Database, actor: Actor, target_path: str | os.PathLike[str], progress: Progress | None = None
) -> BackupResult:
    """Copy the live database to ``target_path``, checked, while Careplan may be writing to it."""
    if not db.is_sqlite or db.path is None:
        raise NotForPostgres(PG_BACKUP)
    target = Path(os.path.expanduser(target_path)).absolute()
    check_target(target, db.path)
    key_text = encryption.export_key_file(db.path) if db.key is not None else None
    with unit_of_work(db, actor, Action.BACKUP_DATABASE) as work:
        work.audit("back_up", "database", None)
    return _write(db, target, key_text, progress)


def _write(db: Database, target: Path, key_text: str | None, progress: Progress | None) -> BackupResult:
    """The copy itself, after the use case checked and audited it: all of it, or no file."""
    manifest, size = write_backup(db, target, key_text, progress, lambda copy: label_copy(copy, db.key))
    return BackupResult(target, manifest, size)


def automatic_backup_due(database_path: Path, now: datetime | None = None) -> bool:
    """True when the newest automatic backup is a day old or more, or there is none.

    A backup dated in the future (a clock that was wrong when it was made) does not count:
    otherwise a wrong clock once would stop every backup until that date."""
    newest = newest_automatic_backup(database_path)
    if newest is None:
        return True
    moment = now or datetime.now(UTC)
    return not (moment - AUTOMATIC_EVERY < newest[1] <= moment + CLOCK_SLACK)


def automatic_backup(
    db: Database,
    actor: Actor,
    *,
    keep: int = DEFAULT_KEEP,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BackupResult | None:
    """The daily automatic backup, into ``backups/`` beside the database; None when the newest
    automatic backup is less than a day old (nothing is written then, not even an audit event).

    Any active member of staff may cause it (:attr:`Action.AUTOMATIC_BACKUP`): it is the service's
    backup, made when someone signs in, not a copy anyone takes away. Whoever it is chooses
    nothing: not the place (always ``backups/`` beside the database, private to this computer's
    account like the database), not the name, not how often (at most once a day). Choosing where
    a copy goes stays with :func:`backup_database` (managers and administrators). The event
    ``back_up_automatically`` says who signed in when it was made. Keeps the newest ``keep``,
    and removes half-made copies a day old (a computer switched off during a backup).
    """
    if not db.is_sqlite or db.path is None:
        raise NotForPostgres(PG_BACKUP)
    if not automatic_backup_due(db.path, now):
        return None
    target = automatic_backup_path(db.path, now)
    try:
        target.parent.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StorageError(write_problem(exc, "the backups folder")) from exc
    check_target(target, db.path)
    key_text = encryption.export_key_file(db.path) if db.key is not None else None
    with unit_of_work(db, actor, Action.AUTOMATIC_BACKUP) as work:
        work.audit("back_up_automatically", "database", None)
    remove_stale_partials(target.parent, AUTOMATIC_EVERY, now)
    result = _write(db, target, key_text, progress)
    prune_backups(target.parent, keep)
    return result
