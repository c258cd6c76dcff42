"""Opening a Careplan SQLite file by hand in a test, through its key (the files are encrypted).

``connect(path)`` is what ``sqlite3.connect(path)`` was before encryption at rest: a DBAPI
connection (SQLCipher's, with the same API as :mod:`sqlite3`) keyed with the database's key from
the test keyring. ``copy(source, target)`` copies a database (and its key file) consistently.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

from careplan.storage import encryption


def key_of(path: str | Path) -> encryption.DatabaseKey:
    return encryption.unlock(Path(path), encryption.environment_passphrase())


def connect(path: str | Path, *, key_of_file: str | Path | None = None, **kwargs: Any) -> Any:
    """A keyed connection to ``path``; the key is that of ``key_of_file`` (default: ``path`` itself)."""
    key = key_of(key_of_file if key_of_file is not None else path)
    return encryption.connect(Path(path), key, **kwargs)


def copy(source: str | Path, target: str | Path) -> None:
    """Copy the database at ``source`` (WAL included) to ``target``, same key, key file alongside."""
    shutil.copyfile(encryption.key_file_for(Path(source)), encryption.key_file_for(Path(target)))
    with (
        contextlib.closing(connect(source)) as original,
        contextlib.closing(connect(target, key_of_file=source)) as duplicate,
    ):
        original.backup(duplicate)
