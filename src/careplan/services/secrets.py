"""The service's secrets in the operating system's keyring: get, set and delete one by name.

The timeout-guarded keyring primitive lives in :mod:`careplan.storage.keystore` (the database key
needs it too); this module keeps the service's secrets (such as the signing certificate's
passphrase) under the keyring service name ``careplan``. A keyring that is missing, locked,
refuses, or hangs is reported as :class:`KeyringUnavailable`; there is never a fallback that
writes the secret anywhere else. :func:`has_keyring` tells a computer with no keyring at all.
"""

from __future__ import annotations

from careplan.storage import keystore
from careplan.storage.keystore import DEFAULT_TIMEOUT, NO_KEYRING, KeyringUnavailable

SERVICE = "careplan"

__all__ = [
    "DEFAULT_TIMEOUT",
    "NO_KEYRING",
    "SERVICE",
    "KeyringUnavailable",
    "delete_secret",
    "get_secret",
    "has_keyring",
    "set_secret",
]


def has_keyring(*, timeout: float | None = None) -> bool:
    """False when this computer has no keyring at all, so nothing can be kept in it (then offer no
    "keep it in the keyring" choice, and ask for the passphrase instead)."""
    return keystore.has_keyring(timeout)


def get_secret(name: str, *, timeout: float | None = None) -> str | None:
    """The secret stored under ``name``, or None when the keyring has nothing by that name."""
    return keystore.get_secret(SERVICE, name, timeout=timeout)


def set_secret(name: str, secret: str, *, timeout: float | None = None) -> None:
    """Store ``secret`` under ``name`` (read back to make sure the keyring kept it)."""
    keystore.set_secret(SERVICE, name, secret, timeout=timeout)


def delete_secret(name: str, *, timeout: float | None = None) -> bool:
    """Forget the secret under ``name``. True if it was there; False if there was nothing."""
    return keystore.delete_secret(SERVICE, name, timeout=timeout)
