"""Looking after the database itself (``careplan db``): its schema, carrying its key to a new
computer, and the password of a PostgreSQL database in the keyring.

Opening and unlocking the database is :mod:`careplan.services.opening`.
"""

from __future__ import annotations

from pathlib import Path

from careplan.storage import encryption, migrate
from careplan.storage.database import Database
from careplan.storage.database import set_postgres_password as _set_postgres_password


def upgrade(db: Database) -> bool:
    """Bring the schema up to the newest migration (the SQLite file is copied aside first).
    True if anything ran."""
    return migrate.upgrade_if_needed(db)


def schema_revision(db: Database) -> str | None:
    """The revision the database's schema is at (None: not set up)."""
    return migrate.current_revision(db)


def newest_revision() -> str:
    """The newest schema revision this Careplan knows."""
    return migrate.head_revision()


def key_file_name(path: Path) -> str:
    """The name of the key file beside the SQLite database at ``path``."""
    return encryption.key_file_for(path).name


def export_key(path: Path) -> str:
    """The database's key file, wrapped by the recovery passphrase (useless without it): the text
    to carry to a new computer."""
    return encryption.export_key_file(path)


def import_key(path: Path, text: str, passphrase: str, *, source: str) -> None:
    """Check that ``text`` (an exported key file) and ``passphrase`` open the database at ``path``,
    then keep its key in this computer's keyring (and the key file beside the database)."""
    encryption.import_key_file(path, text, passphrase, source=source)


def set_postgres_password(target: str, password: str) -> str:
    """Keep ``password`` for the PostgreSQL address ``target`` in this computer's keyring; returns
    the account it is kept under."""
    return _set_postgres_password(target, password)
