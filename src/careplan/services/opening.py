"""Opening the record: open the database, unlock it with the keyring or the recovery passphrase,
put its key back into the keyring, and offer the latest backup of a damaged file.

Each step returns a state saying what happened, or what is needed before the database opens; the
command line prints the states and asks at the terminal, the app shows dialogs for them. Neither
knows how keys are stored:

- :func:`open_record` gives :class:`Opened`, or :class:`NeedsRecoveryPassphrase` (the keyring
  cannot give the key: none here, locked, a new computer ...), :class:`WrongPassphrase` (the one
  given does not open it: still needs the right one) or :class:`NeedsNewPassphrase` (a new
  database, or one made before encryption, needs one to be chosen). Anything else (a busy, damaged
  or missing database) is raised as a :class:`~careplan.domain.errors.CareplanError`, as always.
- Opened with the recovery passphrase, :func:`may_keep_key` says whether to offer to put the key
  back into the keyring, and :func:`keep_key` does it: :class:`KeyKept` or :class:`KeyStaysOut`.
- When opening failed because the file is damaged, :func:`restore_offer` gives an
  :class:`OfferRestore` naming the latest backup (restoring it is
  :mod:`careplan.services.backup`'s job, as the administrator asks).

The errors and words the front ends need about keys are named here too, so that neither imports
storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careplan.domain.errors import CareplanError
from careplan.services.secrets import KeyringUnavailable, has_keyring
from careplan.storage.database import Database, resolve_target
from careplan.storage.encryption import (
    ENV_RECOVERY_PASSPHRASE,
    MIN_PASSPHRASE_LENGTH,
    WRONG_PASSPHRASE,
    DatabaseLocked,
    RecoveryPassphraseNeeded,
    WrongRecoveryPassphrase,
    check_new_passphrase,
    environment_passphrase,
)
from careplan.storage.opener import open_database

__all__ = [  # what the command line, the app and the documents need, so that none imports storage
    "ENV_RECOVERY_PASSPHRASE",
    "MIN_PASSPHRASE_LENGTH",
    "WRONG_PASSPHRASE",
    "Database",
    "DatabaseLocked",
    "KeyKept",
    "KeyStaysOut",
    "KeyringUnavailable",
    "NeedsNewPassphrase",
    "NeedsRecoveryPassphrase",
    "OfferRestore",
    "Opened",
    "Opening",
    "RecoveryPassphraseNeeded",
    "WrongPassphrase",
    "WrongRecoveryPassphrase",
    "backend_of",
    "check_new_passphrase",
    "damaged_database",
    "environment_passphrase",
    "keep_key",
    "may_keep_key",
    "open_record",
    "opened",
    "restore_offer",
    "sqlite_file",
]


# --- opening and unlocking --------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """The database is open (``db.key_in_keyring`` False: opened with the recovery passphrase)."""

    db: Database


@dataclass(frozen=True)
class NeedsRecoveryPassphrase:
    """The database's key is not available here; its recovery passphrase opens it.

    ``reason``: why the keyring could not help (``missing``: there is no keyring at all;
    ``locked``, ``refused``, ``timeout``: it would not answer; ``absent``: it has no key for this
    database; ``mismatch``: its key does not fit).
    """

    message: str
    reason: str
    path: Path | None = None

    def may_keep_key(self) -> bool:
        """Whether to offer to keep the key in this computer's keyring once the passphrase opens
        the database (not when this computer has no keyring at all: there is nowhere to keep it)."""
        return self.reason != "missing" and has_keyring()

    def refusal(self, message: str | None = None) -> DatabaseLocked:
        """The error to raise when nobody is there to type the passphrase (``message``: other words)."""
        return DatabaseLocked(message or self.message, reason=self.reason, path=self.path)


@dataclass(frozen=True)
class WrongPassphrase(NeedsRecoveryPassphrase):
    """The recovery passphrase given does not open the database: it still needs the right one."""

    reason: str = "passphrase"

    def refusal(self, message: str | None = None) -> WrongRecoveryPassphrase:
        return WrongRecoveryPassphrase(message or self.message, reason=self.reason, path=self.path)


@dataclass(frozen=True)
class NeedsNewPassphrase:
    """A new database (or one from before encryption) needs a recovery passphrase to be chosen."""

    message: str
    path: Path | None = None

    def refusal(self, message: str | None = None) -> RecoveryPassphraseNeeded:
        """The error to raise when nobody is there to choose one (``message``: other words)."""
        return RecoveryPassphraseNeeded(message or self.message, path=self.path)


Opening = Opened | NeedsRecoveryPassphrase | NeedsNewPassphrase
"""What :func:`open_record` gives (a :class:`WrongPassphrase` is a :class:`NeedsRecoveryPassphrase`)."""


def open_record(
    target: str | None,
    *,
    create: bool = True,
    migrate: bool = True,
    require_schema: bool = True,
    recovery_passphrase: str | None = None,
) -> Opening:
    """Open (and if needed create and upgrade) the database at ``target``.

    Its key comes from the keyring, else from ``recovery_passphrase`` (else
    ``$CAREPLAN_RECOVERY_PASSPHRASE``). When neither opens it the state says what is needed;
    nothing is ever opened (or created) without the key.
    """
    try:
        db = open_database(
            target,
            create=create,
            migrate=migrate,
            require_schema=require_schema,
            recovery_passphrase=recovery_passphrase,
        )
    except RecoveryPassphraseNeeded as exc:
        return NeedsNewPassphrase(exc.message, exc.path)
    except WrongRecoveryPassphrase as exc:
        return WrongPassphrase(exc.message, exc.reason, exc.path)
    except DatabaseLocked as exc:
        return NeedsRecoveryPassphrase(exc.message, exc.reason, exc.path)
    return Opened(db)


def opened(state: Opening) -> Database:
    """The database, when ``state`` is :class:`Opened`; otherwise its refusal, raised."""
    if isinstance(state, Opened):
        return state.db
    raise state.refusal()


# --- keeping the key in the keyring -----------------------------------------------------------


@dataclass(frozen=True)
class KeyKept:
    """The key is in this computer's keyring now: no passphrase next time."""


@dataclass(frozen=True)
class KeyStaysOut:
    """The keyring could not keep the key (``message`` says why); the database stays open."""

    message: str


def may_keep_key(db: Database) -> bool:
    """Whether to offer to put the key of ``db`` into this computer's keyring: it was opened with
    the recovery passphrase, and there is a keyring here to keep it."""
    return not db.key_in_keyring and has_keyring()


def keep_key(db: Database) -> KeyKept | KeyStaysOut:
    """Put the key of ``db`` (opened with the recovery passphrase) into this computer's keyring."""
    try:
        db.remember_key()
    except KeyringUnavailable as exc:
        return KeyStaysOut(exc.message)
    return KeyKept()


# --- where the database is --------------------------------------------------------------------


def backend_of(target: str | None) -> str:
    """``sqlite`` or ``postgresql``: what kind of database ``target`` names."""
    return resolve_target(target).get_backend_name()


def sqlite_file(target: str | None) -> Path | None:
    """The SQLite file ``target`` names, or None (a PostgreSQL address, or no file at all)."""
    url = resolve_target(target)
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(url.database)


# --- a damaged file: the latest backup --------------------------------------------------------


@dataclass(frozen=True)
class OfferRestore:
    """The database is a damaged SQLite file; ``latest`` is its latest backup (None: there is
    none in ``folder``), which an administrator can put back."""

    database: Path
    latest: Path | None
    folder: Path


def damaged_database(target: str | None) -> Path | None:
    """The SQLite file ``target`` names when it cannot be read whole, else None (a healthy, busy,
    missing or locked database, or a PostgreSQL one). Never raises a CareplanError."""
    # Measured: importing services.restore (services.backup with it) takes 30 to 45 ms (python
    # -X importtime), and it is needed only once opening has failed; the sign-in dialog comes
    # sooner without it.
    from careplan.services.restore import database_state

    try:
        path = sqlite_file(target)
        return path if path is not None and database_state(path) == "damaged" else None
    except CareplanError:
        return None


def restore_offer(target: str | None, message: str) -> OfferRestore | None:
    """The offer to restore the latest backup when opening ``target`` failed with ``message``
    because it is a damaged SQLite file; None for anything else (a busy, missing or read-only
    database is not mended by a backup)."""
    from careplan.services.backup import backups_folder, latest_backup  # 45 ms: as above

    # Only a message about a damaged file is worth checking the whole file for.
    path = damaged_database(target) if "damaged" in message else None
    if path is None:
        return None
    return OfferRestore(path, latest_backup(path), backups_folder(path))
