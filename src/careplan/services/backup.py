"""Online backup and restore of an SQLite Careplan database.

**Backing up** (managers and administrators) copies the live database with SQLite's online
backup API while Careplan is in use: the copy is read from one consistent snapshot (a read
transaction held on the source for the whole copy, so writers carry on in the WAL), in steps with
a progress callback. The copy goes to a private temporary file in the target folder, is checked
(``PRAGMA integrity_check``, the schema revision, the whole audit chain), gets a small manifest
inside it (table ``careplan_backup``: schema revision, time, row counts, never personal data),
and only then takes the target's name. A failure at any point leaves no file behind. The backup
is recorded in the audit trail *before* the copy is taken, so the copy holds its own event.

**Automatic backups** (:func:`automatic_backup`, caused by any member of staff signing in to
the desktop app) go to ``backups/`` beside the database, at most one a day, the newest
:data:`DEFAULT_KEEP` kept. Nobody chooses their place or name, so nobody can take a copy away with
them this way; that is why every role may cause one, with its own audit event.

**Restoring** (administrators) checks the backup first, on a private copy of it, never touching
the backup file itself: SQLite's integrity check, a schema revision this Careplan knows (an
older one is brought up to date on the copy), the whole audit chain. Then the current database is
kept aside and replaced, all or nothing:

- a readable current database is copied aside (``careplan.db.before-restore-<time>.bak``) and
  then overwritten through the backup API, in one transaction (other connections, WAL included,
  stay consistent);
- a damaged current database is moved aside (``careplan.db.damaged-<time>.bak``, with its
  ``-wal``/``-shm``) and the checked copy is renamed into its place.

Who may restore: the acting staff member must be an active administrator **in the backup**
(restoring puts that staff table back, so it is the one that decides), and also in the current
database whenever the current database can be read (someone whose administrator role was taken
away since the backup cannot use an old backup to get it back). When the current database is
damaged or missing, the backup alone decides: that is how an administrator recovers a corrupt
file. The restore is recorded in the restored database's audit trail, written into the checked
copy before it goes live.

**PostgreSQL**: Careplan does not back up or restore a server; that is ``pg_dump`` and
``pg_restore``'s job (:class:`NotForPostgres`, with a message that says so).

Every connection to a backup, a copy or a file being restored is opened by :func:`_connect_file`
(and the driver chosen by :func:`_driver`), the one place where database encryption is wired in.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from careplan import __version__
from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import PermissionDenied, SignInRefused, StorageError
from careplan.domain.permissions import Action
from careplan.domain.records import AuditEvent, Goal, Person, Plan, PlanVersion, StaffMember
from careplan.domain.text import check_secret, check_text
from careplan.domain.wording.failures import backup_problem, database_problem, write_problem
from careplan.services.audit import ChainAnchor, head_anchor, verify_chain
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage import encryption
from careplan.storage.database import (
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    Database,
    copy_sqlite_aside,
    resolve_target,
)
from careplan.storage.encryption import DatabaseKey, DatabaseLocked, KeyFile
from careplan.storage.file_kinds import database_file_problem, not_a_file

BACKUP_SUFFIX = ".careplan-backup"
AUTO_PREFIX = "careplan-"
BACKUPS_FOLDER = "backups"
DEFAULT_KEEP = 10
AUTO_TIME_FORMAT = "%Y%m%dT%H%M%S%fZ"
AUTOMATIC_EVERY = timedelta(days=1)  # an automatic backup when the newest is this old
CLOCK_SLACK = timedelta(hours=1)
STEP_PAGES = 256  # 1 MiB at a time with 4 KiB pages: progress, and writers are never held up
MANIFEST_TABLE = "careplan_backup"
MANIFEST_FORMAT = 1

Progress = Callable[[int, int], None]
"""Called as ``progress(pages_done, pages_total)`` while a backup is copied."""


class NotForPostgres(StorageError):
    """Backups of a PostgreSQL server are pg_dump's job, not Careplan's."""


class UnusableBackup(StorageError):
    """The file given to restore is not a Careplan backup this version can use."""


class BackupWithoutPasswords(SignInRefused):
    """The database cannot be read and the backup was made before staff had passwords, so nobody
    can sign in against either. Whoever knows the backup's recovery passphrase may restore it
    instead (:func:`restore_by_recovery_passphrase`)."""


PG_BACKUP = (
    "This database is on a PostgreSQL server. Careplan does not back it up itself: use the "
    "server's own tools (pg_dump to back up, pg_restore to restore), as the server's "
    "administrator does for every database on it."
)


@dataclass(frozen=True)
class BackupManifest:
    """What a backup holds, in numbers only (never a name or a word anyone wrote)."""

    schema_revision: str
    created_at: str
    careplan_version: str
    counts: dict[str, int] = field(default_factory=dict)
    content_sha256: str = ""  # every table's rows and the schema, as made: a changed byte shows
    format: int = MANIFEST_FORMAT
    audit_anchor: ChainAnchor | None = None  # the copy's newest audit event (None: an older backup)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": self.format,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at,
            "careplan_version": self.careplan_version,
            "counts": self.counts,
            "content_sha256": self.content_sha256,
        }
        if self.audit_anchor is not None:
            data["audit_anchor"] = {"event": self.audit_anchor.seq, "hash": self.audit_anchor.hash}
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> BackupManifest:
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("counts"), dict):
            raise ValueError("not a manifest")
        return cls(
            schema_revision=str(data["schema_revision"]),
            created_at=str(data["created_at"]),
            careplan_version=str(data["careplan_version"]),
            counts={str(k): int(v) for k, v in data["counts"].items()},
            content_sha256=str(data.get("content_sha256", "")),
            format=int(data.get("format", MANIFEST_FORMAT)),
            audit_anchor=_anchor_of(data.get("audit_anchor")),
        )


def _anchor_of(data: Any) -> ChainAnchor | None:
    """The manifest's audit anchor; None for a backup made before anchors (or a malformed one)."""
    if not isinstance(data, dict):
        return None
    event, digest = data.get("event"), data.get("hash")
    if not isinstance(event, int) or not isinstance(digest, str):
        return None
    return ChainAnchor.from_text(f"{event}-{digest}")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: BackupManifest
    size_bytes: int


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: Path
    kept_aside: list[Path]
    manifest: BackupManifest | None
    upgraded: bool
    replaced_damaged: bool


# --- the one place that opens SQLite files -----------------------------------------------------


def _driver() -> ModuleType:
    """The SQLite driver for backup files: SQLCipher's (its errors are not :mod:`sqlite3`'s)."""
    module: ModuleType = encryption.dbapi()
    return module


def _connect_file(path: Path, key: DatabaseKey | None, *, read_only_file: bool = False) -> Any:
    """A DB-API connection to an SQLite file: a backup, a private copy, or the database itself,
    keyed with ``key`` (plain only when None: a backup made before encryption at rest).

    Autocommit (transactions are begun explicitly), a busy timeout like the app's, foreign keys
    on. ``read_only_file`` opens without ever writing to the file (for backups given to us).
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    if read_only_file:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        log = Path(path).with_name(Path(path).name + "-wal")
        if not (log.exists() and log.stat().st_size > 0):
            # Nothing waiting in a log beside it: read the file as it is, without creating the
            # -wal and -shm files SQLite would otherwise leave beside a WAL-mode copy.
            uri += "&immutable=1"
        connection = encryption.connect(
            uri, key, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
    else:
        connection = encryption.connect(
            str(path), key, timeout=timeout, isolation_level=None, check_same_thread=False
        )
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _sqlite_errors() -> tuple[type[BaseException], ...]:
    return (_driver().Error,)


def _file_database(path: Path, key: DatabaseKey | None) -> Database:
    """A :class:`Database` on a copy, every connection made by :func:`_connect_file` with ``key``."""
    engine: Engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        creator=lambda: _connect_file(path, key),
        module=_driver(),
        poolclass=NullPool,
        hide_parameters=True,
    )
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return Database(engine, URL.create("sqlite+pysqlite", database=str(path)), key)


@dataclass(frozen=True)
class _Key:
    """The key of a backup (or of the database), and the key file it came with (None: plain)."""

    key: DatabaseKey | None
    key_file: KeyFile | None


def _key_file_of(path: Path) -> KeyFile | None:
    """The key file beside ``path``, or None when there is none (a damaged one is refused)."""
    key_path = encryption.key_file_for(path)
    if not key_path.is_file():
        return None
    return KeyFile.read(key_path)


def _unlock_with(path: Path, key_file: KeyFile, passphrase: str | None) -> DatabaseKey:
    """The key ``key_file`` holds: from the keyring when it has it, else unwrapped by ``passphrase``."""
    from careplan.storage.keystore import KeyringUnavailable

    try:
        found = encryption.keyring_key(key_file.database_id)
    except KeyringUnavailable as exc:
        found, why, reason = None, f"{exc.why}.", exc.reason
    else:
        why = "this computer's keyring does not have its key (was it made on another computer?)."
        reason = "absent"
    if found is not None and key_file.fits(found):
        return DatabaseKey(found, key_file.database_id, from_keyring=True)
    if passphrase is None:
        raise DatabaseLocked(
            f"Careplan cannot open {path.name}: {why} It opens with the recovery passphrase of the "
            "database it was made from.",
            reason=reason,
            path=path,
        )
    return DatabaseKey(key_file.unwrap(passphrase), key_file.database_id, from_keyring=False)


def _opens(path: Path, key: DatabaseKey) -> bool:
    errors = _sqlite_errors()
    try:
        connection = _connect_file(path, key, read_only_file=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            connection.close()
    except errors:
        return False
    return True


def backup_key(backup: Path, database: Path | None = None, passphrase: str | None = None) -> _Key:
    """The key that opens the backup file at ``backup``.

    A backup made before encryption at rest is plain (no key). Otherwise its own key file (beside
    it, ``NAME.key``) says which key: from this computer's keyring, or unwrapped by the recovery
    passphrase (``passphrase``, default ``$CAREPLAN_RECOVERY_PASSPHRASE``;
    :class:`DatabaseLocked` without one). A copy without a key file (one kept aside before an
    upgrade) is tried with the key of the database at ``database``.
    """
    passphrase = passphrase or encryption.environment_passphrase()
    if encryption.file_kind(backup) == "plain":
        return _Key(None, None)
    unusable = UnusableBackup(
        _unusable(
            backup,
            "it is not a Careplan backup, or it is damaged, or its key file "
            f"{encryption.key_file_for(backup).name} is not beside it",
        )
    )
    try:
        own = _key_file_of(backup)
    except StorageError as exc:
        raise UnusableBackup(
            _unusable(backup, f"its key file {encryption.key_file_for(backup).name} is damaged")
        ) from exc
    candidates: list[KeyFile] = [] if own is None else [own]
    if own is None and database is not None:
        with contextlib.suppress(StorageError):
            theirs = _key_file_of(database)
            if theirs is not None:
                candidates.append(theirs)
    for key_file in candidates:
        try:
            key = _unlock_with(backup, key_file, passphrase)
        except DatabaseLocked:
            if key_file is own:
                raise
            continue
        if _opens(backup, key):
            return _Key(key, key_file)
        if key_file is own:
            raise UnusableBackup(_unusable(backup, "it is damaged, or its key file is not its own"))
    raise unusable


# --- backing up -------------------------------------------------------------------------------


def backups_folder(database_path: Path) -> Path:
    """Where automatic backups of the database at ``database_path`` go: ``backups/`` beside it."""
    return database_path.parent / BACKUPS_FOLDER


def backup_database(
    db: Database, actor: Actor, target_path: str | os.PathLike[str], progress: Progress | None = None
) -> BackupResult:
    """Copy the live database to ``target_path``, checked, while Careplan may be writing to it."""
    if not db.is_sqlite or db.path is None:
        raise NotForPostgres(PG_BACKUP)
    target = Path(os.path.expanduser(target_path)).absolute()
    _check_target(target, db.path)
    key_text = encryption.export_key_file(db.path) if db.key is not None else None
    with unit_of_work(db, actor, Action.BACKUP_DATABASE) as work:
        work.audit("back_up", "database", None)
    return _write_backup(db, target, key_text, progress)


def _write_backup(
    db: Database, target: Path, key_text: str | None, progress: Progress | None
) -> BackupResult:
    """The copy itself, after the use case checked and audited it: all of it, or no file."""
    assert db.path is not None
    partial = _new_partial(target)
    key_partial: Path | None = None
    try:
        _copy_live(db, partial, progress)
        manifest = _check_and_label(partial, db.key)
        _sync_file(partial)
        if key_text is not None:
            # The backup's key file (not secret: the key wrapped by the recovery passphrase)
            # goes beside it first, so that a backup never exists without its key file.
            key_partial = _new_partial(encryption.key_file_for(target))
            key_partial.write_text(key_text + "\n", "utf-8")
            _sync_file(key_partial)
            _publish(key_partial, encryption.key_file_for(target))
            key_partial = None
        try:
            _publish(partial, target)
        except BaseException:
            if key_text is not None:
                _remove_quietly(encryption.key_file_for(target))
            raise
    except BaseException:
        _remove_quietly(partial)
        if key_partial is not None:
            _remove_quietly(key_partial)
        raise
    _sync_folder(target.parent)
    return BackupResult(target, manifest, target.stat().st_size)


def _check_target(target: Path, database: Path) -> None:
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


def _new_partial(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as exc:
        raise StorageError(write_problem(exc, "the backup")) from exc
    os.close(fd)  # mkstemp made it private (0600) before a byte of care records went in
    return Path(name)


def _copy_live(db: Database, partial: Path, progress: Progress | None) -> None:
    """The online backup: one read snapshot of the live database, copied in steps."""
    errors = _sqlite_errors()
    try:
        source = db.engine.raw_connection()
    except SQLAlchemyError as exc:
        raise StorageError(database_problem(exc)) from exc
    try:
        live = source.driver_connection
        assert live is not None
        dest = _connect_file(partial, db.key)
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


def _check_and_label(partial: Path, key: DatabaseKey | None) -> BackupManifest:
    """Check the copy as restore would, then write the manifest into it."""
    _integrity_ok(partial, key, "The copy of the database failed SQLite's integrity check")
    copy = _file_database(partial, key)
    try:
        revision = _schema_revision(copy)
        if revision is None:
            raise StorageError("The database has not been set up, so there is nothing to back up.")
        _chain_ok(copy, "The database's audit trail is broken")
        with Session(copy.engine) as session:
            anchor = head_anchor(session)  # the copy's own head: the trail as this backup holds it
        manifest = BackupManifest(
            schema_revision=revision,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            careplan_version=__version__,
            counts=_counts(copy),
            content_sha256=_content_digest(partial, key),
            audit_anchor=anchor,
        )
    finally:
        copy.dispose()
    errors = _sqlite_errors()
    try:
        connection = _connect_file(partial, key)
        try:
            connection.execute("BEGIN")
            connection.execute(f"DROP TABLE IF EXISTS {MANIFEST_TABLE}")
            connection.execute(f"CREATE TABLE {MANIFEST_TABLE} (manifest TEXT NOT NULL)")
            connection.execute(f"INSERT INTO {MANIFEST_TABLE} (manifest) VALUES (?)", (manifest.to_json(),))
            connection.execute("COMMIT")
        finally:
            connection.close()
    except errors as exc:
        raise StorageError(backup_problem(exc)) from exc
    return manifest


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
    _check_target(target, db.path)
    key_text = encryption.export_key_file(db.path) if db.key is not None else None
    with unit_of_work(db, actor, Action.AUTOMATIC_BACKUP) as work:
        work.audit("back_up_automatically", "database", None)
    _remove_stale_partials(target.parent, now)
    result = _write_backup(db, target, key_text, progress)
    prune_backups(target.parent, keep)
    return result


def _remove_stale_partials(folder: Path, now: datetime | None) -> None:
    """Half-made automatic backups left by a computer switched off mid-copy (a day old or more:
    a younger one may be another workstation's copy in progress)."""
    oldest = (now or datetime.now(UTC)) - AUTOMATIC_EVERY
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
    usable = [p for p in candidates if _might_be_database(p)]
    if not usable:
        return None
    return max(usable, key=lambda p: (p.stat().st_mtime_ns, p.name))


# --- restoring --------------------------------------------------------------------------------


def restore_database(
    db_path: str | os.PathLike[str],
    actor: Actor,
    backup_path: str | os.PathLike[str],
    *,
    recovery_passphrase: str | None = None,
    backup_passphrase: str | None = None,
) -> RestoreResult:
    """Put the backup at ``backup_path`` in place of the SQLite database at ``db_path``.

    Keys: a readable current database keeps its own key (the restored content is encrypted with
    it); a damaged or missing one takes the backup's key and key file (its old key file is kept
    aside with it). ``recovery_passphrase`` opens the current database and ``backup_passphrase``
    (default: the same) the backup, when this computer's keyring cannot give their keys (both
    default to ``$CAREPLAN_RECOVERY_PASSPHRASE``); :class:`DatabaseLocked` says which is missing.
    """
    url = resolve_target(db_path)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise NotForPostgres(PG_BACKUP)
    database = Path(url.database)
    backup = Path(os.path.expanduser(backup_path)).absolute()
    _check_backup_file(backup, database)
    passphrase = recovery_passphrase or encryption.environment_passphrase()
    state, current_key = _state_and_key(database, passphrase)
    if state == "healthy":
        if current_key is None:
            raise StorageError(
                "The database was made by an earlier version of Careplan and is not encrypted yet. "
                "Open it once with this version (that encrypts it), then restore. Nothing was changed."
            )
        current = _file_database(database, current_key)
        try:
            with read_only(current, actor, Action.RESTORE_DATABASE):
                pass
        finally:
            current.dispose()
    found = backup_key(backup, database, backup_passphrase or passphrase)
    target_file: KeyFile | None = None
    if state == "healthy":
        target_key = current_key
    elif found.key is not None:
        target_key, target_file = found.key, found.key_file
    else:
        target_key, target_file = _new_key(database, passphrase)  # a backup from before encryption
    assert target_key is not None
    copy = _private_copy(backup, database, found.key, target_key)
    try:
        manifest, upgraded = _check_copy(copy, backup, target_key)

        def record(restored: Database) -> None:
            _require_administrator_in(restored, actor)
            with translate_backup_errors(), unit_of_work(restored, actor, Action.RESTORE_DATABASE) as work:
                work.audit("restore", "database", None)

        _record_in_copy(copy, target_key, record)
        if state == "healthy":
            aside = _copy_aside(database, target_key)
            _overwrite_live(copy, database, target_key)
            _remove_quietly(copy)
        else:
            assert target_file is not None
            aside = _replace_damaged(copy, database, target_file)
    except BaseException:
        _remove_quietly(copy)
        raise
    if target_file is not None:
        _keep_in_keyring(database, target_key, target_file)
    _sync_folder(database.parent)
    return RestoreResult(database, backup, aside, manifest, upgraded, state == "damaged")


def _new_key(database: Path, passphrase: str | None) -> tuple[DatabaseKey, KeyFile]:
    """A new key for a backup made before encryption at rest, restored where no key is at hand."""
    import secrets
    import uuid

    if passphrase is None:
        raise encryption.RecoveryPassphraseNeeded(
            "This backup was made before Careplan encrypted its databases: to restore it, Careplan "
            "needs a recovery passphrase for the restored database. Nothing was changed.",
            path=database,
        )
    encryption.check_new_passphrase(passphrase)
    key, database_id = secrets.token_bytes(32), uuid.uuid4().hex
    return DatabaseKey(key, database_id, from_keyring=False), KeyFile.wrap(key, passphrase, database_id)


def _keep_in_keyring(database: Path, key: DatabaseKey, key_file: KeyFile) -> None:
    """Best effort: the restored database's key (and a copy of its key file) in this keyring."""
    from careplan.storage.keystore import KeyringUnavailable

    with contextlib.suppress(KeyringUnavailable):
        if not key.from_keyring:
            encryption.remember_key(key.database_id, key.key)
        encryption.remember_key_file(database, key_file)


def database_state(path: Path, recovery_passphrase: str | None = None) -> str:
    """``missing`` (no file, or an empty one), ``healthy``, or ``damaged`` (cannot be read whole,
    or its key file is gone).

    A database that is merely busy is neither: that raises :class:`StorageError`; one whose key
    is not available (the keyring cannot give it, and no recovery passphrase was given, here or
    in ``$CAREPLAN_RECOVERY_PASSPHRASE``) raises :class:`DatabaseLocked`.
    """
    return _state_and_key(path, recovery_passphrase or encryption.environment_passphrase())[0]


def _state_and_key(path: Path, passphrase: str | None) -> tuple[str, DatabaseKey | None]:
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
    errors = _sqlite_errors()
    try:
        connection = _connect_file(path, key)
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


def actor_for_restore(
    db_path: str | os.PathLike[str],
    backup_path: str | os.PathLike[str],
    username: str,
    password: str,
    *,
    recovery_passphrase: str | None = None,
    backup_passphrase: str | None = None,
) -> Actor:
    """The staff member called ``username``, signed in with ``password``: from the current
    database when it can be read, else from the backup (read without changing it). Whether they
    may restore is decided by :func:`restore_database`."""
    from careplan.services.authentication import password_matches

    url = resolve_target(db_path)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise NotForPostgres(PG_BACKUP)
    database = Path(url.database)
    name = check_text(username, "the username", "username").strip().lower()
    check_secret(password, "the password", "password")
    passphrase = recovery_passphrase or encryption.environment_passphrase()
    state, key = _state_and_key(database, passphrase)
    where = database if state == "healthy" else Path(os.path.expanduser(backup_path)).absolute()
    if where != database:
        _check_backup_file(where, database)
        key = backup_key(where, database, backup_passphrase or passphrase).key
    errors = _sqlite_errors()
    row: tuple[int, str | None] | None = None
    try:
        connection = _connect_file(where, key, read_only_file=where != database)
        try:
            columns = {r[1] for r in connection.execute("PRAGMA table_info(staff)")}
            with_password = _staff_with_password(connection, columns)
            if "password_hash" in columns:
                row = connection.execute(
                    "SELECT id, password_hash FROM staff WHERE username = ?", (name,)
                ).fetchone()
        finally:
            connection.close()
    except errors as exc:
        if where == database:
            raise StorageError("Careplan could not read the staff list from the database.") from exc
        raise UnusableBackup(_unusable(where, "it cannot be read")) from exc
    place = "the database" if where == database else "the backup"
    if columns and not with_password:  # made before staff had passwords (or nobody chose one)
        if where != database:
            raise BackupWithoutPasswords(
                f"{where.name} was made before Careplan had passwords, so it cannot say whose "
                "password is right. Nothing was changed. Whoever knows the backup's recovery "
                "passphrase can restore it with that instead."
            )
        raise SignInRefused(
            "The database was made before Careplan had passwords, so it cannot say whose password "
            "is right. Nothing was changed. Ask whoever looks after Careplan to restore it by hand."
        )
    # The same answer for an unknown name and a wrong password, as when signing in.
    if not password_matches(None if row is None else row[1], password):
        raise SignInRefused(f"That username and password do not match an account in {place}.")
    assert row is not None
    return Actor(int(row[0]))


def _staff_with_password(connection: Any, columns: set[str]) -> int:
    """How many active members of staff have a password (0 in a file made before sign-in)."""
    if "password_hash" not in columns:
        return 0
    found = connection.execute(
        "SELECT count(*) FROM staff WHERE active AND password_hash IS NOT NULL"
    ).fetchone()
    return int(found[0])


def _backup_has_passwords(path: Path, key: DatabaseKey | None) -> bool:
    errors = _sqlite_errors()
    try:
        connection = _connect_file(path, key, read_only_file=True)
        try:
            columns = {r[1] for r in connection.execute("PRAGMA table_info(staff)")}
            return _staff_with_password(connection, columns) > 0
        finally:
            connection.close()
    except errors as exc:
        raise UnusableBackup(_unusable(path, "it cannot be read")) from exc


def backup_has_passwords(
    db_path: str | os.PathLike[str],
    backup_path: str | os.PathLike[str],
    *,
    backup_passphrase: str | None = None,
) -> bool:
    """Whether any active member of staff in the backup has a password (False: it was made
    before sign-in, so nobody can sign in against it). Reads the backup without changing it;
    its key comes as for :func:`restore_database` (:class:`DatabaseLocked` without one)."""
    url = resolve_target(db_path)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise NotForPostgres(PG_BACKUP)
    database = Path(url.database)
    backup = Path(os.path.expanduser(backup_path)).absolute()
    _check_backup_file(backup, database)
    passphrase = backup_passphrase or encryption.environment_passphrase()
    return _backup_has_passwords(backup, backup_key(backup, database, passphrase).key)


RECOVERY_PASSPHRASE_FIELD = "recovery_passphrase"
"""Named in the audit event of a restore that the backup's recovery passphrase authorised."""


def restore_by_recovery_passphrase(
    db_path: str | os.PathLike[str], backup_path: str | os.PathLike[str], backup_passphrase: str
) -> RestoreResult:
    """Put a backup made before staff had passwords in place of a damaged (or missing) database,
    the backup's recovery passphrase standing in for an administrator's sign-in.

    Nobody can sign in against such a backup, and the damaged database cannot say who anyone is.
    Whoever knows the backup's recovery passphrase can decrypt every byte of it anyway, so the
    passphrase is the proof: it must unwrap the backup's own key file (a key in this computer's
    keyring does not count). Refused, with nothing changed, when the database can be read (then
    an administrator signs in to it), when the backup has staff passwords (then one signs in),
    when the backup is not encrypted (no passphrase can prove anything about it) or when the
    passphrase is wrong. The restore is recorded in the restored audit trail with no member of
    staff and the field ``recovery_passphrase``; the restored database then asks an administrator
    to choose the first password, as any database from before sign-in does.
    """
    url = resolve_target(db_path)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise NotForPostgres(PG_BACKUP)
    database = Path(url.database)
    backup = Path(os.path.expanduser(backup_path)).absolute()
    _check_backup_file(backup, database)
    state, _current = _state_and_key(database, encryption.environment_passphrase())
    if state == "healthy":
        raise PermissionDenied(
            "The database can be read, so an administrator signs in to restore a backup over it. "
            "Nothing was changed."
        )
    if encryption.file_kind(backup) == "plain":
        raise PermissionDenied(
            f"{backup.name} is not encrypted, so it has no recovery passphrase to show who may "
            "restore it. Nothing was changed. Ask whoever looks after Careplan."
        )
    try:
        own = _key_file_of(backup)
    except StorageError as exc:
        raise UnusableBackup(
            _unusable(backup, f"its key file {encryption.key_file_for(backup).name} is damaged")
        ) from exc
    if own is None:
        raise UnusableBackup(
            _unusable(backup, f"its key file {encryption.key_file_for(backup).name} is not beside it")
        )
    if not backup_passphrase:
        raise encryption.WrongRecoveryPassphrase(encryption.WRONG_PASSPHRASE, reason="passphrase")
    raw = own.unwrap(backup_passphrase)  # WrongRecoveryPassphrase: nothing was changed
    key = DatabaseKey(raw, own.database_id, from_keyring=False)
    if not own.fits(raw) or not _opens(backup, key):
        raise UnusableBackup(_unusable(backup, "it is damaged, or its key file is not its own"))
    if _backup_has_passwords(backup, key):
        raise PermissionDenied(
            f"{backup.name} has staff passwords, so an administrator named in it signs in to "
            "restore it. Nothing was changed."
        )
    copy = _private_copy(backup, database, key, key)
    try:
        manifest, upgraded = _check_copy(copy, backup, key)

        def record(restored: Database) -> None:
            from careplan.services.authentication import needs_first_password

            with translate_backup_errors():
                if not needs_first_password(restored):
                    raise PermissionDenied(
                        f"{backup.name} has nobody who could choose the first password. Nothing was changed."
                    )
                # No member of staff authorised this: the passphrase did.
                with unit_of_work(restored, None, None) as work:
                    work.audit("restore", "database", None, (RECOVERY_PASSPHRASE_FIELD,))

        _record_in_copy(copy, key, record)
        aside = _replace_damaged(copy, database, own)
    except BaseException:
        _remove_quietly(copy)
        raise
    _keep_in_keyring(database, key, own)
    _sync_folder(database.parent)
    return RestoreResult(database, backup, aside, manifest, upgraded, state == "damaged")


def _check_copy(copy: Path, backup: Path, key: DatabaseKey) -> tuple[BackupManifest | None, bool]:
    """:func:`_check_backup_copy`, with any damage its checks do not name (text that is not text
    any more, a header that makes SQLite open the file read-only...) called damaged all the same."""
    try:
        return _check_backup_copy(copy, key)
    except (UnicodeError, SQLAlchemyError, *_sqlite_errors()) as exc:  # type: ignore[misc]
        raise UnusableBackup(_unusable(backup, "it is damaged")) from exc


def _record_in_copy(copy: Path, key: DatabaseKey, record: Callable[[Database], None]) -> None:
    """Let ``record`` check the checked copy and write the restore's audit event into it, before it
    goes live (so the restored trail always says who or what restored it); then flush it to disk."""
    restored = _file_database(copy, key)
    try:
        record(restored)
    finally:
        restored.dispose()
    _sync_file(copy)


def _check_backup_file(backup: Path, database: Path) -> None:
    kind = not_a_file(backup)  # looked at, never opened: a named pipe would wait for ever
    if kind is not None:
        raise UnusableBackup(f"{backup} is {kind}, not a backup file. Nothing was changed.")
    if not backup.exists():
        raise UnusableBackup(f"There is no file at {backup}. Nothing was changed.")
    if backup.resolve() == database.resolve() or _same_file(backup, database):
        raise UnusableBackup("That is the database itself, not a backup of it. Nothing was changed.")
    if encryption.file_kind(backup) == "new":
        raise UnusableBackup(_unusable(backup, "it is not a Careplan backup, or it is damaged (it is empty)"))


def _unusable(backup: Path, why: str) -> str:
    return f"{backup.name} cannot be restored: {why}. Nothing was changed."


def _private_copy(backup: Path, database: Path, backup_key: DatabaseKey | None, key: DatabaseKey) -> Path:
    """A copy of the backup in the database's folder, made without writing to the backup,
    encrypted with ``key`` (SQLCipher re-encrypts a backup made with another key)."""
    if not database.parent.is_dir():
        raise StorageError(f"The folder {database.parent} does not exist. Nothing was changed.")
    partial = _new_partial(database.with_name(database.name + ".restoring"))
    errors = _sqlite_errors()
    try:
        if backup_key is None:
            _export_plain(backup, partial, key)
        else:
            source = _connect_file(backup, backup_key, read_only_file=True)
            try:
                dest = _connect_file(partial, key)
                try:
                    source.backup(dest)
                    dest.execute("PRAGMA journal_mode = DELETE").fetchall()
                finally:
                    dest.close()
            finally:
                source.close()
    except UnicodeError as exc:
        _remove_quietly(partial)
        raise UnusableBackup(_unusable(backup, "it is damaged")) from exc
    except errors as exc:
        _remove_quietly(partial)
        text = str(exc).lower()
        if "full" in text or "i/o" in text or "readonly" in text:
            raise StorageError(
                backup_problem(exc).replace(
                    "the backup could not be written", "the backup could not be restored"
                )
            ) from exc
        raise UnusableBackup(_unusable(backup, "it is not a Careplan backup, or it is damaged")) from exc
    except BaseException:
        _remove_quietly(partial)
        raise
    return partial


def _export_plain(backup: Path, partial: Path, key: DatabaseKey) -> None:
    """An unencrypted backup (made before encryption at rest), copied encrypted with ``key``."""
    uri = backup.resolve().as_uri() + "?mode=ro"
    log = backup.with_name(backup.name + "-wal")
    if not (log.exists() and log.stat().st_size > 0):
        uri += "&immutable=1"
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


def _check_backup_copy(copy: Path, key: DatabaseKey) -> tuple[BackupManifest | None, bool]:
    """Integrity, schema revision (upgrading an older one), audit chain. Drops the manifest."""
    from careplan.storage.migrate import alembic_config, head_revision, is_known_revision

    name = "The backup"
    _integrity_ok(copy, key, f"{name} is damaged (it failed SQLite's integrity check)", unusable=True)
    _utf8_ok(copy, key)
    db = _file_database(copy, key)
    try:
        try:
            revision = _schema_revision(db)
        except StorageError as exc:
            raise UnusableBackup(
                f"{name} is not a Careplan backup, or it is damaged. Nothing was changed."
            ) from exc
        if revision is None:
            raise UnusableBackup(f"{name} is not a Careplan backup. Nothing was changed.")
        if not is_known_revision(revision):
            raise UnusableBackup(
                f"{name} was made by a newer version of Careplan. Nothing was changed. "
                "Install the newer version of Careplan to restore it."
            )
        manifest = _read_manifest(db)
        if (
            manifest is not None
            and manifest.content_sha256
            and _content_digest(copy, key) != manifest.content_sha256
        ):
            raise UnusableBackup(
                f"{name} has been changed or damaged since it was made (its contents no longer "
                "match the fingerprint taken then). Nothing was changed."
            )
        upgraded = revision != head_revision()
        if upgraded:
            from alembic import command

            try:
                command.upgrade(alembic_config(db), "head")
            except SQLAlchemyError as exc:
                raise UnusableBackup(
                    f"{name} could not be brought up to date with this version of Careplan. "
                    "Nothing was changed."
                ) from exc
        _chain_ok(db, f"{name}'s audit trail is broken", unusable=True)
    finally:
        db.dispose()
    return manifest, upgraded


def _require_administrator_in(db: Database, actor: Actor) -> None:
    """The backup's own staff table decides who may restore it."""
    with translate_backup_errors(), db.session() as session:
        staff = session.get(StaffMember, actor.staff_id)
        if staff is None or not staff.active or Role(staff.role) is not Role.ADMINISTRATOR:
            raise PermissionDenied(
                "Only an administrator named in the backup can restore it. Nothing was changed."
            )


@contextlib.contextmanager
def translate_backup_errors() -> Iterator[None]:
    try:
        yield
    except (SQLAlchemyError, StorageError) as exc:
        if isinstance(exc, UnusableBackup):
            raise
        raise UnusableBackup("The backup could not be prepared for restoring. Nothing was changed.") from exc


def _copy_aside(database: Path, key: DatabaseKey) -> list[Path]:
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


def _overwrite_live(copy: Path, database: Path, key: DatabaseKey) -> None:
    """Replace the readable live database's content with the copy's, in one transaction."""
    errors = _sqlite_errors()
    try:
        source = _connect_file(copy, key)
        try:
            dest = _connect_file(database, key)
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


def _replace_damaged(copy: Path, database: Path, key_file: KeyFile) -> list[Path]:
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
                import shutil

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


# --- checks shared by both ----------------------------------------------------------------------


def _might_be_database(path: Path) -> bool:
    """A plain SQLite file, or one made of whole pages (an encrypted one cannot say more)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return _has_sqlite_header(path) or (size >= 512 and size % 512 == 0)


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _integrity_ok(path: Path, key: DatabaseKey | None, problem: str, *, unusable: bool = False) -> None:
    errors = _sqlite_errors()
    kind = UnusableBackup if unusable else StorageError
    try:
        connection = _connect_file(path, key)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except errors as exc:
        raise kind(f"{problem}. Nothing was changed.") from exc
    if rows != [("ok",)]:
        raise kind(f"{problem}. Nothing was changed.")


def _schema_revision(db: Database) -> str | None:
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


def _chain_ok(db: Database, problem: str, *, unusable: bool = False) -> None:
    kind = UnusableBackup if unusable else StorageError
    try:
        with Session(db.engine) as session:
            report = verify_chain(session)
    except (SQLAlchemyError, ValueError, TypeError, KeyError) as exc:
        raise kind(f"{problem} (it cannot be read). Nothing was changed.") from exc
    if not report.intact:
        raise kind(f"{problem}: {report.problem}. Nothing was changed.")


def _content_digest(path: Path, key: DatabaseKey | None) -> str:
    """SHA-256 of the schema and every row of every table (but the manifest), bytes as stored.

    SQLite has no checksums of its own: a changed byte inside a stored text passes its integrity
    check. This fingerprint, taken when the backup is made and checked before it is restored,
    catches it. Text is read as raw bytes, so a damaged one cannot fail to decode on the way.
    """
    digest = hashlib.sha256()
    errors = _sqlite_errors()
    try:
        connection = _connect_file(path, key)
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


def _utf8_ok(path: Path, key: DatabaseKey | None) -> None:
    """Careplan's databases hold UTF-8 text; a header saying otherwise means a damaged file."""
    errors = _sqlite_errors()
    try:
        connection = _connect_file(path, key)
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


def _counts(db: Database) -> dict[str, int]:
    tables = {
        "staff": StaffMember,
        "people": Person,
        "plans": Plan,
        "plan_versions": PlanVersion,
        "goals": Goal,
        "audit_events": AuditEvent,
    }
    with Session(db.engine) as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in tables.items()
        }


def _read_manifest(db: Database) -> BackupManifest | None:
    """The manifest inside a backup (dropped from the copy: it is not part of the database)."""
    with db.engine.connect() as conn:
        names = {
            row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if MANIFEST_TABLE not in names:
            return None
        row = conn.exec_driver_sql(f"SELECT manifest FROM {MANIFEST_TABLE}").first()
        conn.exec_driver_sql(f"DROP TABLE {MANIFEST_TABLE}")
        conn.commit()
    try:
        if row is None:
            raise ValueError("an empty manifest")
        return BackupManifest.from_json(str(row[0]))
    except (ValueError, KeyError, TypeError) as exc:
        raise UnusableBackup(
            "The backup is damaged (its list of contents cannot be read). Nothing was changed."
        ) from exc


def manifest_for_anchor(backup: Path, database: Path | None) -> BackupManifest | None:
    """The manifest of the backup at ``backup`` (None: it has none), read without changing the
    file, for ``careplan audit verify``. Unlike :func:`read_manifest` it says why it cannot read
    one: :class:`UnusableBackup` or :class:`DatabaseLocked` (a :class:`StorageError`)."""
    key = backup_key(backup, database).key
    errors = _sqlite_errors()
    try:
        connection = _connect_file(backup, key, read_only_file=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            row = (
                connection.execute(f"SELECT manifest FROM {MANIFEST_TABLE}").fetchone()
                if MANIFEST_TABLE in names
                else None
            )
        finally:
            connection.close()
        return None if row is None else BackupManifest.from_json(str(row[0]))
    except (*errors, ValueError, KeyError, TypeError) as exc:  # type: ignore[misc]
        raise UnusableBackup(f"{backup.name} cannot be read: it is damaged.") from exc


def read_manifest(
    backup_path: str | os.PathLike[str], key: DatabaseKey | None = None
) -> BackupManifest | None:
    """The manifest of a backup file, read without changing the file (None if it has none, or
    if it cannot be read). ``key``: the backup's (default: found through its key file)."""
    path = Path(backup_path)
    errors = _sqlite_errors()
    if key is None:
        try:
            key = backup_key(path).key
        except StorageError:
            return None
    try:
        connection = _connect_file(path, key, read_only_file=True)
        try:
            row = connection.execute(f"SELECT manifest FROM {MANIFEST_TABLE}").fetchone()
        finally:
            connection.close()
        return None if row is None else BackupManifest.from_json(str(row[0]))
    except (*errors, ValueError, KeyError, TypeError):  # type: ignore[misc]
        return None


# --- files ------------------------------------------------------------------------------------


def _sync_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise StorageError(write_problem(exc, "the backup")) from exc


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)  # a hard or symbolic link is the same file
    except OSError:
        return False


def _remove_quietly(path: Path) -> None:
    for extra in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + extra).unlink()
