"""The key file next to an encrypted database: its raw key, wrapped by the recovery passphrase.

``careplan.db.key`` is JSON and not secret: without the recovery passphrase it opens nothing
(scrypt, then AES-256-GCM with the database id as associated data). A key file (which may come
from anywhere: a backup, ``careplan db key import``) asking scrypt for more than
:data:`KDF_MAX_MEMORY` or :data:`KDF_MAX_WORK` is refused before anything is derived.

cryptography is imported only where a key is wrapped or unwrapped: opening with the keyring's key
needs neither, and loading cryptography's OpenSSL would add about 40 ms to the app's start
(tests/gui/test_startup_imports.py).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careplan.domain.errors import StorageError
from careplan.domain.text import check_secret
from careplan.storage.key_errors import WRONG_PASSPHRASE, WrongRecoveryPassphrase

KEY_FILE_SUFFIX = ".key"
KEY_FILE_FORMAT = "careplan-database-key"
KEY_FILE_VERSION = 1

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


def key_file_for(path: Path) -> Path:
    return path.with_name(path.name + KEY_FILE_SUFFIX)


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
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # see the module's docstring

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
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # see the module's docstring

        salt = secrets.token_bytes(16)
        kdf = {"name": "scrypt", "salt": _b64(salt), "log2_n": KDF_LOG2_N, "r": KDF_R, "p": KDF_P}
        wrapping = _derive(passphrase, salt, KDF_LOG2_N, KDF_R, KDF_P)
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(wrapping).encrypt(nonce, key, database_id.encode())
        return cls(database_id, kdf, nonce, wrapped, key_check(key, database_id))

    def unwrap(self, passphrase: str) -> bytes:
        # cryptography only here: see the module's docstring.
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
