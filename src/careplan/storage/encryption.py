"""Encryption at rest for SQLite databases (SQLCipher).

Every SQLite database Careplan creates is encrypted by SQLCipher with a random 256-bit **raw**
key (no key derivation per connection: opening costs about a tenth of a millisecond). The key:

- lives in the operating system's keyring, under the service ``careplan-database`` and the
  database's random id;
- is also kept, *wrapped* by the recovery passphrase that the administrator sets when the
  database is created, in a small key file next to the database (``careplan.db.key``, JSON). The
  key file is not secret: without the recovery passphrase it opens nothing (scrypt, then
  AES-256-GCM with the database id as associated data).

Opening fails closed: when the keyring is missing, locked, does not answer in time, fails in a way
of its own, or has no key for this database, :class:`DatabaseLocked` says so and the caller may
offer the recovery passphrase. There is never a fallback to plain text.

The keyring also keeps a copy of the key file under the database's path: a lost key file is put
back from it (when the keyring's key opens the database). ``careplan db key export`` writes a copy
of the key file to keep with the backups. Lose both the key file and the keyring's key (or the
recovery passphrase and the keyring's key), and the data is gone for good.

This module is what the rest of Careplan uses: the key file's format is in
:mod:`careplan.storage.key_file`, the errors of unlocking in :mod:`careplan.storage.key_errors`
(both named here too), and encrypting an old, unencrypted database in
:mod:`careplan.storage.plain_conversion`.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from careplan.domain.errors import InvalidInput, StorageError
from careplan.storage import file_kinds, keystore
from careplan.storage.key_errors import (
    WRONG_PASSPHRASE,
    DatabaseLocked,
    RecoveryPassphraseNeeded,
    WrongRecoveryPassphrase,
)
from careplan.storage.key_file import KeyFile, key_file_for

log = logging.getLogger(__name__)

__all__ = [
    "ENV_RECOVERY_PASSPHRASE",
    "KEYRING_SERVICE",
    "KEYRING_TIMEOUT",
    "MIN_PASSPHRASE_LENGTH",
    "SQLITE_HEADER",
    "WRONG_PASSPHRASE",
    "DatabaseKey",
    "DatabaseLocked",
    "KeyFile",
    "RecoveryPassphraseNeeded",
    "WrongRecoveryPassphrase",
    "check_new_passphrase",
    "check_recovery_passphrase",
    "connect",
    "dbapi",
    "environment_passphrase",
    "export_key_file",
    "file_kind",
    "forget_key",
    "import_key_file",
    "key_file_for",
    "keyring_key",
    "new_key",
    "probe_key",
    "remember_key",
    "remember_key_file",
    "unlock",
]

KEYRING_SERVICE = "careplan-database"
ENV_RECOVERY_PASSPHRASE = "CAREPLAN_RECOVERY_PASSPHRASE"
MIN_PASSPHRASE_LENGTH = 12
SQLITE_HEADER = b"SQLite format 3\x00"

KEYRING_TIMEOUT: float | None = None
"""Seconds to wait for the keyring (None: the keystore's default)."""


def environment_passphrase() -> str | None:
    return os.environ.get(ENV_RECOVERY_PASSPHRASE) or None


def check_new_passphrase(passphrase: str) -> str:
    """The rules for a new recovery passphrase (length only: a long phrase of ordinary words is best)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            f"The recovery passphrase must be at least {MIN_PASSPHRASE_LENGTH} characters long. "
            "A few ordinary words make a good one, for example “blue kettle seven gardens”.",
            field="recovery_passphrase",
        )
    return passphrase


# --- the keyring --------------------------------------------------------------------------------


def keyring_key(database_id: str) -> bytes | None:
    """The raw key in this computer's keyring, or None; :class:`keystore.KeyringUnavailable` when
    the keyring cannot answer."""
    stored = keystore.get_secret(KEYRING_SERVICE, database_id, timeout=KEYRING_TIMEOUT)
    if stored is None:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def remember_key(database_id: str, key: bytes) -> None:
    """Put the raw key into this computer's keyring (:class:`keystore.KeyringUnavailable` if it cannot)."""
    keystore.set_secret(KEYRING_SERVICE, database_id, key.hex(), timeout=KEYRING_TIMEOUT)


def _key_file_account(path: Path) -> str:
    return f"key-file:{path.resolve()}"


def remember_key_file(path: Path, key_file: KeyFile) -> None:
    """Keep a copy of the (non-secret) key file in the keyring too, under the database's path, so
    that a lost key file can be put back (best effort: a keyring that cannot keep it is ignored)."""
    with contextlib.suppress(keystore.KeyringUnavailable):
        keystore.set_secret(
            KEYRING_SERVICE, _key_file_account(path), key_file.to_json(), timeout=KEYRING_TIMEOUT
        )


def _key_file_from_keyring(path: Path) -> KeyFile | None:
    """The copy of the key file the keyring keeps for the database at ``path``, if any."""
    try:
        text = keystore.get_secret(KEYRING_SERVICE, _key_file_account(path), timeout=KEYRING_TIMEOUT)
    except keystore.KeyringUnavailable:
        return None
    if text is None:
        return None
    try:
        return KeyFile.from_json(text, source="the keyring's copy of the key file")
    except StorageError:
        return None


def forget_key(database_id: str, path: Path | None = None) -> None:
    """Forget a key (and the keyring's copy of the key file) that never came to be used."""
    with contextlib.suppress(keystore.KeyringUnavailable):
        keystore.delete_secret(KEYRING_SERVICE, database_id, timeout=KEYRING_TIMEOUT)
        if path is not None:
            keystore.delete_secret(KEYRING_SERVICE, _key_file_account(path), timeout=KEYRING_TIMEOUT)


# --- finding the key of a database ----------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseKey:
    """The raw key of one database, and where it came from."""

    key: bytes
    database_id: str
    from_keyring: bool

    @property
    def pragma(self) -> str:
        return f"PRAGMA key = \"x'{self.key.hex()}'\""


def _locked_message(path: Path, why: str) -> str:
    return (
        f"Careplan cannot open the database {path.name}: {why} "
        "It can be opened with the recovery passphrase set when the database was created."
    )


def unlock(path: Path, passphrase: str | None) -> DatabaseKey:
    """The key of the existing encrypted database at ``path`` (whose key file must be next to it).

    The keyring first; the recovery passphrase when the keyring cannot help and one was given;
    otherwise :class:`DatabaseLocked`.
    """
    key_path = key_file_for(path)
    key_file = KeyFile.read(key_path) if key_path.exists() else _restore_key_file(path)
    try:
        key = keyring_key(key_file.database_id)
    except keystore.KeyringUnavailable as exc:
        reason, why = exc.reason, f"{exc.why}."
        key = None
    else:
        reason = "absent" if key is None else "mismatch"
        why = (
            "this computer's keyring does not have its key (was it made on another computer?)."
            if key is None
            else "the key in this computer's keyring does not fit it."
        )
        if key is not None and key_file.fits(key):
            return DatabaseKey(key, key_file.database_id, from_keyring=True)
    if passphrase is None:
        raise DatabaseLocked(_locked_message(path, why), reason=reason, path=path)
    key = key_file.unwrap(passphrase)
    return DatabaseKey(key, key_file.database_id, from_keyring=False)


def check_recovery_passphrase(path: Path, key: DatabaseKey, passphrase: str) -> None:
    """:class:`WrongRecoveryPassphrase` unless ``passphrase`` is the recovery passphrase of the
    database at ``path``: it unwraps, from the key file beside it, the very key it is open with.
    (Knowing it is being able to decrypt every record: it is proof of authority.)"""
    key_file = KeyFile.read(key_file_for(path))
    if not passphrase:
        raise WrongRecoveryPassphrase(WRONG_PASSPHRASE, reason="passphrase", path=path)
    unwrapped = key_file.unwrap(passphrase)
    if not (key_file.fits(unwrapped) and hmac.compare_digest(unwrapped, key.key)):
        raise WrongRecoveryPassphrase(WRONG_PASSPHRASE, reason="passphrase", path=path)


def _restore_key_file(path: Path) -> KeyFile:
    """A lost key file, put back from the keyring's copy when the keyring's key opens the database."""
    key_path = key_file_for(path)
    missing = StorageError(
        f"{path.name} is not a Careplan database, or it is damaged, or its key file "
        f"{key_path.name} is missing. Nothing has been changed. Restore the key file (or the "
        "latest backup), or choose another file."
    )
    key_file = _key_file_from_keyring(path)
    if key_file is None:
        raise missing
    try:
        key = keyring_key(key_file.database_id)
    except keystore.KeyringUnavailable:
        raise missing from None
    if key is None or not key_file.fits(key):
        raise missing
    try:
        probe_key(path, DatabaseKey(key, key_file.database_id, from_keyring=True))
    except DatabaseLocked:
        raise missing from None
    key_file.write(key_path)
    log.info("put back a missing key file from the keyring's copy")
    return key_file


def new_key(path: Path, passphrase: str) -> DatabaseKey:
    """A new random key for a database about to be made at ``path``: wrapped in the key file next
    to it, and in the keyring.

    A keyring that cannot keep it (none on a server, locked, not answering) does not stop the
    database being made: its key is then kept only wrapped, and every opening needs the recovery
    passphrase until the key is put into a keyring (``from_keyring`` is False: callers say so).
    """
    check_new_passphrase(passphrase)
    key = secrets.token_bytes(32)
    database_id = uuid.uuid4().hex
    key_file = KeyFile.wrap(key, passphrase, database_id)
    key_path = key_file_for(path)
    key_file.write(key_path)
    try:
        remember_key(database_id, key)
        remember_key_file(path, key_file)
    except keystore.KeyringUnavailable:
        return DatabaseKey(key, database_id, from_keyring=False)
    except BaseException:
        # Interrupted while the keyring was busy: no key file (or key) without its database.
        with contextlib.suppress(OSError):
            key_path.unlink()
        forget_key(database_id, path)
        raise
    return DatabaseKey(key, database_id, from_keyring=True)


def file_kind(path: Path) -> str:
    """``new`` (missing or empty), ``plain`` (an unencrypted SQLite file) or ``encrypted`` (anything else).

    :class:`StorageError` for something that is not an ordinary file (never opened: a named pipe
    would wait for ever)."""
    problem = file_kinds.database_file_problem(path)
    if problem is not None:
        raise StorageError(problem)
    if not path.exists() or path.stat().st_size == 0:
        return "new"
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    return "plain" if header == SQLITE_HEADER else "encrypted"


# --- connections --------------------------------------------------------------------------------


def dbapi() -> Any:
    return dbapi2


def connect(path: Path | str, key: DatabaseKey | None, **kwargs: Any) -> Any:
    """A DBAPI connection to ``path`` keyed with ``key`` (plain when None), temporary data in memory."""
    conn = dbapi().connect(str(path), **kwargs)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(key.pragma)
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


# --- exporting and importing the key (moving to a new computer) -----------------------------------


def export_key_file(path: Path) -> str:
    """The content of the database's key file (safe to carry: useless without the recovery passphrase)."""
    return KeyFile.read(key_file_for(path)).to_json()


def import_key_file(path: Path, text: str, passphrase: str, *, source: str) -> DatabaseKey:
    """Check that ``text`` (an exported key file) and ``passphrase`` open the database at
    ``path``; then put its key into this computer's keyring and the key file next to the database."""
    key_file = KeyFile.from_json(text, source=source)
    key = key_file.unwrap(passphrase)
    found = DatabaseKey(key, key_file.database_id, from_keyring=False)
    probe_key(path, found)
    try:
        remember_key(key_file.database_id, key)
    except keystore.KeyringUnavailable as exc:
        raise DatabaseLocked(
            f"The key opens the database, but {exc.why}.",
            reason=exc.reason,
            path=path,
        ) from None
    target = key_file_for(path)
    if not target.exists() or target.read_text("utf-8").strip() != key_file.to_json().strip():
        key_file.write(target)
    remember_key_file(path, key_file)
    log.info("imported a database key from a key file into this computer's keyring")
    return DatabaseKey(key, key_file.database_id, from_keyring=True)


def probe_key(path: Path, key: DatabaseKey) -> None:
    """Raise :class:`WrongRecoveryPassphrase`-like errors unless ``key`` opens the database at ``path``."""
    module = dbapi()
    conn = connect(path, key, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except module.DatabaseError:
        raise DatabaseLocked(
            f"That key does not open the database {path.name} (or the database is damaged). "
            "Nothing was changed.",
            reason="mismatch",
            path=path,
        ) from None
    finally:
        conn.close()
