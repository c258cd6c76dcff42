"""Encrypting, in place, a database made by an earlier, unencrypted version (:func:`convert_plain`)."""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from careplan.domain.errors import StorageError
from careplan.domain.wording.failures import database_problem
from careplan.storage.encryption import (
    DatabaseKey,
    check_new_passphrase,
    connect,
    dbapi,
    forget_key,
    key_file_for,
    new_key,
)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _private_file(path: Path) -> None:
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _table_counts(conn: Any, schema: str) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


def _wipe(path: Path) -> None:
    """Overwrite a file with zeros, then delete it (best effort: see the README about SSDs)."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as fh:
            remaining = size
            block = b"\0" * 65536
            while remaining > 0:
                fh.write(block[: min(remaining, len(block))])
                remaining -= len(block)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass
    with contextlib.suppress(OSError):
        path.unlink()


def convert_plain(path: Path, passphrase: str) -> tuple[DatabaseKey, Path]:
    """Encrypt, in place, the unencrypted database at ``path`` made by an earlier version.

    1. the plain database is checked and its WAL folded in (it is not otherwise changed);
    2. ``sqlcipher_export`` writes an encrypted copy with a new key (keyring and key file first);
    3. the copy is checked: integrity, and the same tables with the same number of rows;
    4. an encrypted copy of it is kept as ``careplan.db.before-encryption-STAMP.bak``;
    5. the encrypted copy takes the plain file's place (an atomic rename), and the plain file's
       old content is overwritten with zeros and deleted.

    Any failure before step 5 leaves the plain database as it was. Returns the key and the
    kept copy.
    """
    check_new_passphrase(passphrase)
    module = dbapi()
    stamp = _stamp()
    encrypted = path.with_name(f"{path.name}.encrypting-{stamp}.tmp")
    kept = path.with_name(f"{path.name}.before-encryption-{stamp}.bak")
    wipe = path.with_name(f"{path.name}.plain-{stamp}.wipe")
    plain = connect(path, None, isolation_level=None)
    key: DatabaseKey | None = None
    try:
        try:
            if plain.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise module.DatabaseError("malformed")
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            plain.execute("PRAGMA journal_mode = DELETE")
            counts = _table_counts(plain, "main")
            user_version = plain.execute("PRAGMA user_version").fetchone()[0]
        except module.DatabaseError as exc:
            raise StorageError(database_problem(exc)) from exc
        if counts and "alembic_version" not in counts:
            raise StorageError(
                f"{path.name} is an SQLite database, but not a Careplan one, so Careplan leaves it "
                "alone. Nothing has been changed. Choose another file."
            )
        key = new_key(path, passphrase)
        try:
            _private_file(encrypted)
            plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.key.hex()}'\"", (str(encrypted),))
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
            if plain.execute("PRAGMA encrypted.integrity_check").fetchone()[0] != "ok":
                raise StorageError("The encrypted copy did not check out.")
            if _table_counts(plain, "encrypted") != counts:
                raise StorageError("The encrypted copy does not hold the same rows.")
            plain.execute("DETACH DATABASE encrypted")
        except (module.Error, OSError) as exc:
            raise StorageError(
                f"Careplan could not encrypt the database ({exc}). Nothing has been changed."
            ) from exc
    except BaseException:
        plain.close()
        with contextlib.suppress(OSError):
            encrypted.unlink()
        if key is not None:
            with contextlib.suppress(OSError):
                key_file_for(path).unlink()
            forget_key(key.database_id, path)
        raise
    plain.close()
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        if leftover.exists() and leftover.stat().st_size > 0:
            raise StorageError(
                "The old database is still in use by another program. Nothing has been changed."
            )
        with contextlib.suppress(OSError):
            leftover.unlink()
    try:
        _private_file(kept)
        with encrypted.open("rb") as source, kept.open("wb") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        linked = False
        with contextlib.suppress(OSError):
            os.link(path, wipe)
            linked = True
        os.replace(encrypted, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            encrypted.unlink()
        raise StorageError(f"Careplan could not encrypt the database ({exc.strerror}).") from exc
    if linked:
        _wipe(wipe)
    return key, kept
