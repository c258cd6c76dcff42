"""SQLite connections are kept open between use cases (keying a SQLCipher connection and setting
its PRAGMAs costs more than most use cases), yet everything one connection per session promised
still holds: another process sees each commit at once, no pooled connection is left inside a
transaction, and dispose() closes them all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from careplan.domain.records import Provider
from careplan.storage.database import Database


def _connections_made(db: Database) -> list[Any]:
    made: list[Any] = []
    event.listen(db.engine, "connect", lambda connection, _record: made.append(connection))
    return made


def test_sessions_reuse_one_keyed_connection(sqlite_db: Database) -> None:
    made = _connections_made(sqlite_db)
    for name in ("Recovery Café", "Step Up"):
        with sqlite_db.session() as session:
            session.add(Provider(name=name))
            session.commit()
    with sqlite_db.session() as session:
        assert len(session.scalars(select(Provider)).all()) >= 2
    assert len(made) <= 1


def test_another_connection_sees_a_commit_at_once(sqlite_db: Database) -> None:
    with sqlite_db.session() as session:
        session.add(Provider(name="Seen Elsewhere"))
        session.commit()
    assert sqlite_db.path is not None
    other = sqlite_db.connect_file(sqlite_db.path)
    try:
        rows = other.execute("SELECT count(*) FROM providers WHERE name = 'Seen Elsewhere'").fetchall()
    finally:
        other.close()
    assert rows == [(1,)]


def test_no_pooled_connection_keeps_a_transaction_open(sqlite_db: Database) -> None:
    with sqlite_db.session() as session:  # a read, never committed: the pool rolls it back
        session.scalars(select(Provider)).all()
    with sqlite_db.session() as session:
        session.add(Provider(name="Written"))
        session.commit()
    assert sqlite_db.path is not None
    other = sqlite_db.connect_file(sqlite_db.path)
    try:
        # A reader holding a snapshot would make this report busy (its first column).
        busy, _log, _moved = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
        other.execute("BEGIN IMMEDIATE")  # and nobody holds the write lock
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_dispose_closes_every_connection_and_the_database_connects_again(sqlite_db: Database) -> None:
    with sqlite_db.session() as session:
        session.add(Provider(name="Before"))
        session.commit()
    assert sqlite_db.path is not None
    assert _open_handles(sqlite_db.path)
    sqlite_db.dispose()
    assert not _open_handles(sqlite_db.path)
    # Closing the last connection checkpointed the WAL into the file.
    assert not Path(f"{sqlite_db.path}-wal").exists()
    with sqlite_db.session() as session:
        assert session.scalar(select(Provider.name).where(Provider.name == "Before")) == "Before"


def _open_handles(path: Path) -> list[str]:
    """This process's open files that are the database or its WAL."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in (str(path), f"{path}-wal"):
            found.append(target)
    return found


def test_a_failed_upgrade_leaves_no_connection_with_foreign_keys_off(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    from careplan.storage import migrate

    def failing(config: object, _revision: str) -> None:
        connection = sqlite_db.engine.raw_connection()  # as migrations/env.py leaves it on failure
        assert connection.driver_connection is not None
        connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        connection.close()
        raise RuntimeError("a migration failed")

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(command, "upgrade", failing)
    with pytest.raises(RuntimeError, match="a migration failed"):
        migrate.upgrade_if_needed(sqlite_db)
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
