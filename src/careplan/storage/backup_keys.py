"""The keys of backups: which key opens a backup file (its own key file, this computer's keyring,
a recovery passphrase), a new key for a backup made before encryption at rest, and keeping the
key of a restored database in the keyring."""

from __future__ import annotations

import contextlib
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from careplan.domain.errors import StorageError, UnusableBackup
from careplan.storage import encryption
from careplan.storage.encryption import DatabaseKey, DatabaseLocked, KeyFile
from careplan.storage.keystore import KeyringUnavailable
from careplan.storage.restore_files import cannot_restore
from careplan.storage.sqlite_files import opens


@dataclass(frozen=True)
class BackupKey:
    """The key of a backup (or of the database), and the key file it came with (None: plain)."""

    key: DatabaseKey | None
    key_file: KeyFile | None


def key_file_of(path: Path) -> KeyFile | None:
    """The key file beside ``path``, or None when there is none (a damaged one is refused)."""
    key_path = encryption.key_file_for(path)
    if not key_path.is_file():
        return None
    return KeyFile.read(key_path)


def _unlock_with(path: Path, key_file: KeyFile, passphrase: str | None) -> DatabaseKey:
    """The key ``key_file`` holds: from the keyring when it has it, else unwrapped by ``passphrase``."""
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


def backup_key(backup: Path, database: Path | None = None, passphrase: str | None = None) -> BackupKey:
    """The key that opens the backup file at ``backup``.

    A backup made before encryption at rest is plain (no key). Otherwise its own key file (beside
    it, ``NAME.key``) says which key: from this computer's keyring, or unwrapped by the recovery
    passphrase (``passphrase``, default ``$CAREPLAN_RECOVERY_PASSPHRASE``;
    :class:`DatabaseLocked` without one). A copy without a key file (one kept aside before an
    upgrade) is tried with the key of the database at ``database``.
    """
    passphrase = passphrase or encryption.environment_passphrase()
    if encryption.file_kind(backup) == "plain":
        return BackupKey(None, None)
    not_usable = UnusableBackup(
        cannot_restore(
            backup,
            "it is not a Careplan backup, or it is damaged, or its key file "
            f"{encryption.key_file_for(backup).name} is not beside it",
        )
    )
    try:
        own = key_file_of(backup)
    except StorageError as exc:
        raise UnusableBackup(
            cannot_restore(backup, f"its key file {encryption.key_file_for(backup).name} is damaged")
        ) from exc
    candidates: list[KeyFile] = [] if own is None else [own]
    if own is None and database is not None:
        with contextlib.suppress(StorageError):
            theirs = key_file_of(database)
            if theirs is not None:
                candidates.append(theirs)
    for key_file in candidates:
        try:
            key = _unlock_with(backup, key_file, passphrase)
        except DatabaseLocked:
            if key_file is own:
                raise
            continue
        if opens(backup, key):
            return BackupKey(key, key_file)
        if key_file is own:
            raise UnusableBackup(cannot_restore(backup, "it is damaged, or its key file is not its own"))
    raise not_usable


def own_key_file(backup: Path) -> KeyFile:
    """The backup's own key file, beside it (:class:`UnusableBackup`: missing or damaged)."""
    try:
        own = key_file_of(backup)
    except StorageError as exc:
        raise UnusableBackup(
            cannot_restore(backup, f"its key file {encryption.key_file_for(backup).name} is damaged")
        ) from exc
    if own is None:
        raise UnusableBackup(
            cannot_restore(backup, f"its key file {encryption.key_file_for(backup).name} is not beside it")
        )
    return own


def new_key(database: Path, passphrase: str | None) -> tuple[DatabaseKey, KeyFile]:
    """A new key for a backup made before encryption at rest, restored where no key is at hand."""
    if passphrase is None:
        raise encryption.RecoveryPassphraseNeeded(
            "This backup was made before Careplan encrypted its databases: to restore it, Careplan "
            "needs a recovery passphrase for the restored database. Nothing was changed.",
            path=database,
        )
    encryption.check_new_passphrase(passphrase)
    key, database_id = secrets.token_bytes(32), uuid.uuid4().hex
    return DatabaseKey(key, database_id, from_keyring=False), KeyFile.wrap(key, passphrase, database_id)


def keep_in_keyring(database: Path, key: DatabaseKey, key_file: KeyFile) -> None:
    """Best effort: the restored database's key (and a copy of its key file) in this keyring."""
    with contextlib.suppress(KeyringUnavailable):
        if not key.from_keyring:
            encryption.remember_key(key.database_id, key.key)
        encryption.remember_key_file(database, key_file)
