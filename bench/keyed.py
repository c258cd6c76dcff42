"""The benchmark's database files are encrypted like Careplan's (SQLCipher): opening them.

The dataset is made with :data:`BENCH_RECOVERY_PASSPHRASE` (synthetic data only); its key goes
into this computer's keyring when there is one, and the passphrase opens it where there is not.
:func:`connect` is ``sqlite3.connect`` for these files: SQLCipher's driver (the same API), keyed,
so the "SQLite alone" baselines pay for the encryption as Careplan does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from careplan.storage import encryption
from careplan.storage.database import Database
from careplan.storage.opener import open_database

BENCH_RECOVERY_PASSPHRASE = "benchmark data only, never real records"

_keys: dict[str, encryption.DatabaseKey] = {}


def key_of(path: Path) -> encryption.DatabaseKey | None:
    """The key of the database at ``path`` (None for a plain file), unwrapped once per key file."""
    if encryption.file_kind(path) != "encrypted":
        return None
    text = encryption.key_file_for(path).read_text("utf-8")
    if text not in _keys:
        _keys[text] = encryption.unlock(path, BENCH_RECOVERY_PASSPHRASE)
    return _keys[text]


def connect(path: Path, *, immutable: bool = False, **kwargs: Any) -> Any:
    """A keyed DBAPI connection to the database file at ``path`` (``immutable``: read as it is)."""
    key = key_of(path)
    if immutable:
        return encryption.connect(f"file:{path}?immutable=1", key, uri=True, **kwargs)
    return encryption.connect(path, key, **kwargs)


def open_bench_database(path: Path) -> Database:
    """Careplan's own ``open_database``, with the benchmark's recovery passphrase at hand."""
    return open_database(str(path), recovery_passphrase=BENCH_RECOVERY_PASSPHRASE)
