"""Restoring a backup of an SQLite Careplan database (administrators), and who may.

Restoring checks the backup first, on a private copy of it, never touching the backup file itself
(:func:`careplan.services.backup_checks.check_copy`: SQLite's integrity check, a schema revision
this Careplan knows, an older one brought up to date on the copy, the whole audit chain). Then the
current database is kept aside and replaced, all or nothing (:mod:`careplan.storage.restore_files`).

Who may restore: the acting staff member must be an active administrator **in the backup**
(restoring puts that staff table back, so it is the one that decides), and also in the current
database whenever the current database can be read (someone whose administrator role was taken
away since the backup cannot use an old backup to get it back). When the current database is
damaged or missing, the backup alone decides: that is how an administrator recovers a corrupt
file (:func:`actor_for_restore` signs them in against it). A backup made before staff had
passwords is restored by whoever knows its recovery passphrase
(:func:`restore_by_recovery_passphrase`). The restore is recorded in the restored database's
audit trail, written into the checked copy before it goes live.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import (
    NotForPostgres,
    PermissionDenied,
    SignInRefused,
    StorageError,
    UnusableBackup,
)
from careplan.domain.permissions import Action
from careplan.domain.records import StaffMember
from careplan.domain.text import check_secret, check_text
from careplan.services.authentication import needs_first_password, password_matches
from careplan.services.backup import PG_BACKUP
from careplan.services.backup_checks import check_copy
from careplan.services.backup_manifest import BackupManifest
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage import encryption
from careplan.storage.backup_files import remove_quietly, sync_file, sync_folder
from careplan.storage.backup_keys import backup_key, keep_in_keyring, new_key, own_key_file
from careplan.storage.database import Database, resolve_target
from careplan.storage.encryption import DatabaseKey, KeyFile
from careplan.storage.restore_files import (
    cannot_restore,
    check_backup_file,
    copy_aside,
    overwrite_live,
    private_copy,
    replace_damaged,
)
from careplan.storage.sqlite_check import file_state
from careplan.storage.sqlite_files import file_database, opens, sqlite_errors
from careplan.storage.staff_in_file import staff_passwords_in, staff_sign_in_facts

RECOVERY_PASSPHRASE_FIELD = "recovery_passphrase"
"""Named in the audit event of a restore that the backup's recovery passphrase authorised."""


class BackupWithoutPasswords(SignInRefused):
    """The database cannot be read and the backup was made before staff had passwords, so nobody
    can sign in against either. Whoever knows the backup's recovery passphrase may restore it
    instead (:func:`restore_by_recovery_passphrase`)."""


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: Path
    kept_aside: list[Path]
    manifest: BackupManifest | None
    upgraded: bool
    replaced_damaged: bool


def _sqlite_database(db_path: str | os.PathLike[str]) -> Path:
    url = resolve_target(db_path)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise NotForPostgres(PG_BACKUP)
    return Path(url.database)


def _backup_file(backup_path: str | os.PathLike[str], database: Path) -> Path:
    backup = Path(os.path.expanduser(backup_path)).absolute()
    check_backup_file(backup, database)
    return backup


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
    database = _sqlite_database(db_path)
    backup = _backup_file(backup_path, database)
    passphrase = recovery_passphrase or encryption.environment_passphrase()
    state, current_key = file_state(database, passphrase)
    if state == "healthy":
        if current_key is None:
            raise StorageError(
                "The database was made by an earlier version of Careplan and is not encrypted yet. "
                "Open it once with this version (that encrypts it), then restore. Nothing was changed."
            )
        current = file_database(database, current_key)
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
        target_key, target_file = new_key(database, passphrase)  # a backup from before encryption
    assert target_key is not None
    copy = private_copy(backup, database, found.key, target_key)
    try:
        manifest, upgraded = check_copy(copy, backup, target_key)

        def record(restored: Database) -> None:
            _require_administrator_in(restored, actor)
            with translate_backup_errors(), unit_of_work(restored, actor, Action.RESTORE_DATABASE) as work:
                work.audit("restore", "database", None)

        _record_in_copy(copy, target_key, record)
        if state == "healthy":
            aside = copy_aside(database, target_key)
            overwrite_live(copy, database, target_key)
            remove_quietly(copy)
        else:
            assert target_file is not None
            aside = replace_damaged(copy, database, target_file)
    except BaseException:
        remove_quietly(copy)
        raise
    if target_file is not None:
        keep_in_keyring(database, target_key, target_file)
    sync_folder(database.parent)
    return RestoreResult(database, backup, aside, manifest, upgraded, state == "damaged")


def database_state(path: Path, recovery_passphrase: str | None = None) -> str:
    """``missing`` (no file, or an empty one), ``healthy``, or ``damaged`` (cannot be read whole,
    or its key file is gone).

    A database that is merely busy is neither: that raises :class:`StorageError`; one whose key
    is not available (the keyring cannot give it, and no recovery passphrase was given, here or
    in ``$CAREPLAN_RECOVERY_PASSPHRASE``) raises :class:`DatabaseLocked`.
    """
    return file_state(path, recovery_passphrase or encryption.environment_passphrase())[0]


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
    database = _sqlite_database(db_path)
    name = check_text(username, "the username", "username").strip().lower()
    check_secret(password, "the password", "password")
    passphrase = recovery_passphrase or encryption.environment_passphrase()
    state, key = file_state(database, passphrase)
    where = database if state == "healthy" else Path(os.path.expanduser(backup_path)).absolute()
    if where != database:
        check_backup_file(where, database)
        key = backup_key(where, database, backup_passphrase or passphrase).key
    try:
        columns, with_password, row = staff_sign_in_facts(where, key, name, read_only_file=where != database)
    except sqlite_errors() as exc:
        if where == database:
            raise StorageError("Careplan could not read the staff list from the database.") from exc
        raise UnusableBackup(cannot_restore(where, "it cannot be read")) from exc
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
    return Actor(row[0])


def _backup_has_passwords(path: Path, key: DatabaseKey | None) -> bool:
    try:
        return staff_passwords_in(path, key) > 0
    except sqlite_errors() as exc:
        raise UnusableBackup(cannot_restore(path, "it cannot be read")) from exc


def backup_has_passwords(
    db_path: str | os.PathLike[str],
    backup_path: str | os.PathLike[str],
    *,
    backup_passphrase: str | None = None,
) -> bool:
    """Whether any active member of staff in the backup has a password (False: it was made
    before sign-in, so nobody can sign in against it). Reads the backup without changing it;
    its key comes as for :func:`restore_database` (:class:`DatabaseLocked` without one)."""
    database = _sqlite_database(db_path)
    backup = _backup_file(backup_path, database)
    passphrase = backup_passphrase or encryption.environment_passphrase()
    return _backup_has_passwords(backup, backup_key(backup, database, passphrase).key)


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
    database = _sqlite_database(db_path)
    backup = _backup_file(backup_path, database)
    state, _current = file_state(database, encryption.environment_passphrase())
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
    own = own_key_file(backup)
    if not backup_passphrase:
        raise encryption.WrongRecoveryPassphrase(encryption.WRONG_PASSPHRASE, reason="passphrase")
    raw = own.unwrap(backup_passphrase)  # WrongRecoveryPassphrase: nothing was changed
    key = DatabaseKey(raw, own.database_id, from_keyring=False)
    if not own.fits(raw) or not opens(backup, key):
        raise UnusableBackup(cannot_restore(backup, "it is damaged, or its key file is not its own"))
    if _backup_has_passwords(backup, key):
        raise PermissionDenied(
            f"{backup.name} has staff passwords, so an administrator named in it signs in to "
            "restore it. Nothing was changed."
        )
    copy = private_copy(backup, database, key, key)
    try:
        manifest, upgraded = check_copy(copy, backup, key)

        def record(restored: Database) -> None:
            with translate_backup_errors():
                if not needs_first_password(restored):
                    raise PermissionDenied(
                        f"{backup.name} has nobody who could choose the first password. Nothing was changed."
                    )
                # No member of staff authorised this: the passphrase did.
                with unit_of_work(restored, None, None) as work:
                    work.audit("restore", "database", None, (RECOVERY_PASSPHRASE_FIELD,))

        _record_in_copy(copy, key, record)
        aside = replace_damaged(copy, database, own)
    except BaseException:
        remove_quietly(copy)
        raise
    keep_in_keyring(database, key, own)
    sync_folder(database.parent)
    return RestoreResult(database, backup, aside, manifest, upgraded, state == "damaged")


def _record_in_copy(copy: Path, key: DatabaseKey, record: Callable[[Database], None]) -> None:
    """Let ``record`` check the checked copy and write the restore's audit event into it, before it
    goes live (so the restored trail always says who or what restored it); then flush it to disk."""
    restored = file_database(copy, key)
    try:
        record(restored)
    finally:
        restored.dispose()
    sync_file(copy)


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
