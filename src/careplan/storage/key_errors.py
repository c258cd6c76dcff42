"""Why the key of an encrypted database could not be had: the errors that opening may raise.

The caller may answer each one: :class:`DatabaseLocked` with the recovery passphrase,
:class:`RecoveryPassphraseNeeded` by choosing one.
"""

from __future__ import annotations

from pathlib import Path

from careplan.domain.errors import StorageError

WRONG_PASSPHRASE = "That recovery passphrase does not open this database."


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
