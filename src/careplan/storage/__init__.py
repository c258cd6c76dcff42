"""Storage: engine, sessions, paths, migrations and encryption at rest."""

from careplan.storage.database import Database
from careplan.storage.key_errors import DatabaseLocked, RecoveryPassphraseNeeded, WrongRecoveryPassphrase
from careplan.storage.opener import open_database

__all__ = [
    "Database",
    "DatabaseLocked",
    "RecoveryPassphraseNeeded",
    "WrongRecoveryPassphrase",
    "open_database",
]
