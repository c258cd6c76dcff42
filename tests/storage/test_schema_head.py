"""Opening a database compares its schema revision with HEAD_REVISION, without Alembic: the
constant must name the newest migration, and Alembic is imported only when one has to run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from careplan.domain.errors import StorageError
from careplan.storage.database import Database
from careplan.storage.migrate import (
    alembic_config,
    alembic_head,
    current_revision,
    head_revision,
    upgrade_if_needed,
)
from careplan.storage.opener import open_database
from careplan.storage.schema_head import HEAD_REVISION

ROOT = Path(__file__).resolve().parents[2]


def test_head_revision_names_the_newest_migration() -> None:
    # A new migration must change careplan/storage/schema_head.py too.
    assert alembic_head() == HEAD_REVISION
    assert head_revision() == HEAD_REVISION


def test_current_revision_is_read_with_plain_sql(db: Database) -> None:
    assert current_revision(db) == HEAD_REVISION
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    assert current_revision(db) is None


def test_two_schema_versions_are_refused_plainly(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0001')"))
    with pytest.raises(StorageError, match="schema version cannot be read"):
        upgrade_if_needed(db)


CHILD = textwrap.dedent(
    """
    import sys
    from careplan.storage.opener import open_database

    db = open_database(sys.argv[1], create=False)
    print("alembic imported:", "alembic" in sys.modules)
    db.dispose()
    """
)


def _opened_in_a_child(path: Path) -> str:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    open_database(path).dispose()
    assert _opened_in_a_child(path) == "alembic imported: False"


def test_opening_an_older_database_migrates_it_with_alembic(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    db = open_database(path)
    try:
        command.downgrade(alembic_config(db), "-1")  # as made before the newest migration
        assert current_revision(db) != HEAD_REVISION
    finally:
        db.dispose()
    assert _opened_in_a_child(path) == "alembic imported: True"
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
    finally:
        db.dispose()


def test_tests_know_how_to_undo_every_migration() -> None:
    """tests/old_schema.py fakes older databases for the restore tests: it must know the newest."""
    from tests.old_schema import UNDO

    assert max(UNDO) == HEAD_REVISION
