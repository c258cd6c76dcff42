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
offer the recovery passphrase. There is never a fallback to plain text. A key file (which may come
from anywhere: a backup, ``careplan db key import``) asking scrypt for more than
:data:`KDF_MAX_MEMORY` or :data:`KDF_MAX_WORK` is refused before anything is derived.

The keyring also keeps a copy of the key file under the database's path: a lost key file is put
back from it (when the keyring's key opens the database). ``careplan db key export`` writes a copy
of the key file to keep with the backups. Lose both the key file and the keyring's key (or the
recovery passphrase and the keyring's key), and the data is gone for good.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from careplan.domain.errors import InvalidInput, StorageError
from careplan.domain.text import check_secret
from careplan.domain.wording.failures import database_problem
from careplan.storage import file_kinds, keystore

KEYRING_SERVICE = "careplan-database"
ENV_RECOVERY_PASSPHRASE = "CAREPLAN_RECOVERY_PASSPHRASE"
KEY_FILE_SUFFIX = ".key"
KEY_FILE_FORMAT = "careplan-database-key"
KEY_FILE_VERSION = 1
MIN_PASSPHRASE_LENGTH = 12
SQLITE_HEADER = b"SQLite format 3\x00"

KDF_LOG2_N = 17
"""scrypt cost (N = 2**17, r = 8: 128 MiB and a few tenths of a second), only paid when the
recovery passphrase is used: at creation and when the keyring cannot give the key."""
KDF_R = 8
KDF_P = 1
_KDF_LIMITS = {"log2_n": (10, 22), "r": (1, 32), "p": (1, 16)}
KDF_MAX_MEMORY = 1 << 30
"""The most memory a key file may ask scrypt for (128 * r * 2**log2_n bytes): 1 GiB, eight times
Careplan's own. A key file asking for more is refused before anything is derived."""
KDF_MAX_WORK = 1 << 30
"""The most work (that memory, times p: scrypt's time grows with both) a key file may ask for:
eight times Careplan's own, a few seconds."""

KEYRING_TIMEOUT: float | None = None
"""Seconds to wait for the keyring (None: the keystore's default)."""


class DatabaseLocked(StorageError):
    """The database's key is not available here: the recovery passphrase can open it.

    ``reason``: ``missing``/``locked``/``refused``/``timeout`` (the keyring), ``absent`` (the
    keyring works but has no key for this database: a new computer), ``mismatch`` (the keyring's
    key does not fit this database), ``passphrase`` (a recovery passphrase was given and is wrong).
    """

    def __init__(self, message: str, *, reason: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


class WrongRecoveryPassphrase(DatabaseLocked):
    """The recovery passphrase given does not open this database."""


class RecoveryPassphraseNeeded(StorageError):
    """A new database (or an old, unencrypted one) needs a recovery passphrase to be set."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


WRONG_PASSPHRASE = "That recovery passphrase does not open this database."


def key_file_for(path: Path) -> Path:
    return path.with_name(path.name + KEY_FILE_SUFFIX)


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


# --- the key file ---------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_check(key: bytes, database_id: str) -> str:
    """A short value that tells whether ``key`` belongs to the database (reveals nothing of it)."""
    return hmac.new(key, b"careplan key check " + database_id.encode(), hashlib.sha256).hexdigest()[:32]


def check_kdf_cost(kdf: dict[str, Any], source: str) -> None:
    """Refuse (before anything is derived) a key file whose scrypt settings would take more memory
    or time than Careplan allows: each setting may be in range and the whole still far too much."""
    memory = 128 * kdf["r"] * 2 ** kdf["log2_n"]
    if memory > KDF_MAX_MEMORY or memory * kdf["p"] > KDF_MAX_WORK:
        raise StorageError(
            f"{source} would need more memory or time to unlock than Careplan allows, so Careplan has "
            "not used it."
        )


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    check_secret(passphrase, "the recovery passphrase", "recovery_passphrase")
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


@dataclass(frozen=True)
class KeyFile:
    """What the key file next to a database holds. Nothing in it is secret."""

    database_id: str
    kdf: dict[str, Any]
    nonce: bytes
    wrapped_key: bytes
    check: str

    @classmethod
    def wrap(cls, key: bytes, passphrase: str, database_id: str) -> KeyFile:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt = secrets.token_bytes(16)
        kdf = {"name": "scrypt", "salt": _b64(salt), "log2_n": KDF_LOG2_N, "r": KDF_R, "p": KDF_P}
        wrapping = _derive(passphrase, salt, KDF_LOG2_N, KDF_R, KDF_P)
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(wrapping).encrypt(nonce, key, database_id.encode())
        return cls(database_id, kdf, nonce, wrapped, key_check(key, database_id))

    def unwrap(self, passphrase: str) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        check_kdf_cost(self.kdf, "This key file")
        wrapping = _derive(
            passphrase, _unb64(self.kdf["salt"]), self.kdf["log2_n"], self.kdf["r"], self.kdf["p"]
        )
        try:
            key = AESGCM(wrapping).decrypt(self.nonce, self.wrapped_key, self.database_id.encode())
        except InvalidTag:
            raise WrongRecoveryPassphrase(WRONG_PASSPHRASE, reason="passphrase") from None
        return key

    def fits(self, key: bytes) -> bool:
        return hmac.compare_digest(key_check(key, self.database_id), self.check)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "version": KEY_FILE_VERSION,
                "about": "Careplan database key, wrapped by the recovery passphrase. Useless without it.",
                "database_id": self.database_id,
                "kdf": self.kdf,
                "cipher": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "wrapped_key": _b64(self.wrapped_key),
                "key_check": self.check,
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str, *, source: str) -> KeyFile:
        damaged = StorageError(
            f"{source} is not a Careplan key file, or it is damaged. Nothing has been changed. "
            "Restore it from a backup (or from “careplan db key export”)."
        )
        try:
            data = json.loads(text)
            if data.get("format") != KEY_FILE_FORMAT or data.get("version") != KEY_FILE_VERSION:
                raise ValueError("format")
            kdf = data["kdf"]
            if kdf.get("name") != "scrypt" or data.get("cipher") != "AES-256-GCM":
                raise ValueError("kdf")
            for name, (low, high) in _KDF_LIMITS.items():
                if not isinstance(kdf.get(name), int) or not low <= kdf[name] <= high:
                    raise ValueError(name)
            _unb64(kdf["salt"])
            database_id = data["database_id"]
            check = data["key_check"]
            if not isinstance(database_id, str) or not isinstance(check, str):
                raise ValueError("id")
            found = cls(database_id, kdf, _unb64(data["nonce"]), _unb64(data["wrapped_key"]), check)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise damaged from exc
        check_kdf_cost(kdf, source)
        return found

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError as exc:
            raise StorageError(f"{path.name} is not a Careplan key file, or it is damaged.") from exc
        except OSError as exc:
            raise StorageError(f"Careplan cannot read the key file {path} ({exc.strerror}).") from exc
        return cls.from_json(text, source=path.name)

    def write(self, path: Path) -> None:
        """Write atomically (a private temporary file renamed into place)."""
        temporary = path.with_name(f"{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(self.to_json() + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temporary, path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise StorageError(f"Careplan could not write the key file {path} ({exc.strerror}).") from exc


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
    from sqlcipher3 import dbapi2

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


# --- converting a database made by an earlier, unencrypted version --------------------------------


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _private_file(path: Path) -> None:
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _table_counts(conn: Any, schema: str) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


def _wipe(path: Path) -> None:
    """Overwrite a file with zeros, then delete it (best effort: see the README about SSDs)."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as fh:
            remaining = size
            block = b"\0" * 65536
            while remaining > 0:
                fh.write(block[: min(remaining, len(block))])
                remaining -= len(block)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass
    with contextlib.suppress(OSError):
        path.unlink()


def convert_plain(path: Path, passphrase: str) -> tuple[DatabaseKey, Path]:
    """Encrypt, in place, the unencrypted database at ``path`` made by an earlier version.

    1. the plain database is checked and its WAL folded in (it is not otherwise changed);
    2. ``sqlcipher_export`` writes an encrypted copy with a new key (keyring and key file first);
    3. the copy is checked: integrity, and the same tables with the same number of rows;
    4. an encrypted copy of it is kept as ``careplan.db.before-encryption-STAMP.bak``;
    5. the encrypted copy takes the plain file's place (an atomic rename), and the plain file's
       old content is overwritten with zeros and deleted.

    Any failure before step 5 leaves the plain database as it was. Returns the key and the
    kept copy.
    """
    check_new_passphrase(passphrase)
    module = dbapi()
    stamp = _stamp()
    encrypted = path.with_name(f"{path.name}.encrypting-{stamp}.tmp")
    kept = path.with_name(f"{path.name}.before-encryption-{stamp}.bak")
    wipe = path.with_name(f"{path.name}.plain-{stamp}.wipe")
    plain = connect(path, None, isolation_level=None)
    key: DatabaseKey | None = None
    try:
        try:
            if plain.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise module.DatabaseError("malformed")
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            plain.execute("PRAGMA journal_mode = DELETE")
            counts = _table_counts(plain, "main")
            user_version = plain.execute("PRAGMA user_version").fetchone()[0]
        except module.DatabaseError as exc:
            raise StorageError(database_problem(exc)) from exc
        if counts and "alembic_version" not in counts:
            raise StorageError(
                f"{path.name} is an SQLite database, but not a Careplan one, so Careplan leaves it "
                "alone. Nothing has been changed. Choose another file."
            )
        key = new_key(path, passphrase)
        try:
            _private_file(encrypted)
            plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.key.hex()}'\"", (str(encrypted),))
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
            if plain.execute("PRAGMA encrypted.integrity_check").fetchone()[0] != "ok":
                raise StorageError("The encrypted copy did not check out.")
            if _table_counts(plain, "encrypted") != counts:
                raise StorageError("The encrypted copy does not hold the same rows.")
            plain.execute("DETACH DATABASE encrypted")
        except (module.Error, OSError) as exc:
            raise StorageError(
                f"Careplan could not encrypt the database ({exc}). Nothing has been changed."
            ) from exc
    except BaseException:
        plain.close()
        with contextlib.suppress(OSError):
            encrypted.unlink()
        if key is not None:
            with contextlib.suppress(OSError):
                key_file_for(path).unlink()
            forget_key(key.database_id, path)
        raise
    plain.close()
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        if leftover.exists() and leftover.stat().st_size > 0:
            raise StorageError(
                "The old database is still in use by another program. Nothing has been changed."
            )
        with contextlib.suppress(OSError):
            leftover.unlink()
    try:
        _private_file(kept)
        with encrypted.open("rb") as source, kept.open("wb") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        linked = False
        with contextlib.suppress(OSError):
            os.link(path, wipe)
            linked = True
        os.replace(encrypted, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            encrypted.unlink()
        raise StorageError(f"Careplan could not encrypt the database ({exc.strerror}).") from exc
    if linked:
        _wipe(wipe)
    return key, kept
