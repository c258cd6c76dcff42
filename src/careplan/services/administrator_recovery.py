"""The way back for an administrator locked out (or who forgot their password), when no other
administrator can help: anyone can type ten wrong passwords, so every administrator can be locked
at once, and a lock is lifted by an administrator.

The proof of authority is what already opens every record:

- an SQLite database: its **recovery passphrase** (set when the database was made). It must unwrap,
  from the key file beside the database, the key the database is open with. Whoever knows it can
  decrypt every byte anyway, so it is at least as strong as an administrator's password.
- a PostgreSQL database (no recovery passphrase): **logging in to the database server** with the
  password of the role in the address, typed now (the keyring's copy does not count). Whoever can
  log in there can change any row anyway.

The proof is checked before anything else, so nobody learns who works here without it. Only an
active administrator is unlocked this way (everyone else is unlocked by an administrator, who then
signs in as usual). The audit event has no member of staff (the proof, not a person, authorised
it), names the administrator unlocked, and names the proof as a field: never the passphrase or a
password.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from careplan.domain.records import StaffMember
from careplan.services.authentication import _clear_failures, _set_hash, check_password_rules
from careplan.services.unit_of_work import unit_of_work
from careplan.storage import encryption
from careplan.storage.database import Database, check_server_login
from careplan.storage.encryption import (
    ENV_RECOVERY_PASSPHRASE,
    WRONG_PASSPHRASE,
    WrongRecoveryPassphrase,
    environment_passphrase,
)

__all__ = [  # what the command line and the app need, so that neither imports storage
    "DATABASE_LOGIN",
    "ENV_RECOVERY_PASSPHRASE",
    "RECOVERY_PASSPHRASE",
    "WRONG_PASSPHRASE",
    "Recovered",
    "WrongRecoveryPassphrase",
    "environment_passphrase",
    "proof_needed",
    "unlock_by_database_login",
    "unlock_by_recovery_passphrase",
]

RECOVERY_PASSPHRASE = "recovery_passphrase"
"""The proof (and the audit field) on an SQLite database."""
DATABASE_LOGIN = "database_login"
"""The proof (and the audit field) on a PostgreSQL database."""


@dataclass(frozen=True)
class Recovered:
    """Who was unlocked (and whether they have a new password)."""

    username: str
    display_name: str
    new_password: bool


def proof_needed(db: Database) -> str:
    """What shows authority on this database: :data:`RECOVERY_PASSPHRASE` or :data:`DATABASE_LOGIN`."""
    return RECOVERY_PASSPHRASE if db.is_sqlite else DATABASE_LOGIN


def unlock_by_recovery_passphrase(
    db: Database,
    username: str,
    passphrase: str,
    *,
    new_password: str | None = None,
    must_change: bool = True,
) -> Recovered:
    """Unlock the active administrator ``username`` of an SQLite database (and, with
    ``new_password``, give them that password), the database's recovery passphrase standing in for
    an administrator's sign-in. :class:`~careplan.storage.encryption.WrongRecoveryPassphrase`, with
    nothing changed, when it is not this database's."""
    if db.path is None or db.key is None:
        raise InvalidInput(
            "A PostgreSQL database has no recovery passphrase: whoever looks after the database "
            "server unlocks an administrator with “careplan staff unlock NAME --by-database-login”."
        )
    encryption.check_recovery_passphrase(db.path, db.key, passphrase)
    return _recover(db, username, RECOVERY_PASSPHRASE, new_password, must_change)


def unlock_by_database_login(
    db: Database,
    username: str,
    database_password: str,
    *,
    new_password: str | None = None,
    must_change: bool = True,
) -> Recovered:
    """As :func:`unlock_by_recovery_passphrase`, for a PostgreSQL database: the proof is a new
    login to the database server with ``database_password`` (:class:`StorageError` when it fails)."""
    if db.is_sqlite:
        raise InvalidInput(
            "An SQLite database is unlocked with its recovery passphrase: "
            "“careplan staff unlock NAME --by-recovery-passphrase”."
        )
    check_server_login(db.url, database_password)
    return _recover(db, username, DATABASE_LOGIN, new_password, must_change)


def _recover(
    db: Database, username: str, proof: str, new_password: str | None, must_change: bool
) -> Recovered:
    name = username.strip().lower()
    with unit_of_work(db, None, None) as work:  # no member of staff: the proof authorised it
        staff = work.session.scalar(select(StaffMember).where(StaffMember.username == name))
        if staff is None:
            raise NotFound(f"There is no member of staff called “{username.strip()}”.")
        if Role(staff.role) != Role.ADMINISTRATOR:
            raise PermissionDenied(
                f"The {proof.replace('_', ' ')} is only for administrators. {staff.display_name} "
                "is unlocked by an administrator (Staff, then Unlock; or “careplan staff unlock”)."
            )
        if not staff.active:
            raise InvalidTransition(f"{staff.display_name} has left, so their account stays closed.")
        if new_password is None:
            _clear_failures(staff)
            work.audit("unlock", "staff", staff, ("failed_sign_ins", "locked", proof))
        else:
            check_password_rules(new_password, staff.username)
            _set_hash(staff, new_password, work.now, must_change=must_change)
            work.audit("set_password", "staff", staff, ("must_change_password", "password_hash", proof))
        return Recovered(staff.username, staff.display_name, new_password is not None)
