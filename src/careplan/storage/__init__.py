"""Storage: engine, sessions, paths, migrations and encryption at rest."""

from careplan.storage.database import Database, open_database
from careplan.storage.encryption import DatabaseLocked, RecoveryPassphraseNeeded, WrongRecoveryPassphrase

__all__ = [
    "Database",
    "DatabaseLocked",
    "RecoveryPassphraseNeeded",
    "WrongRecoveryPassphrase",
    "open_database",
]
