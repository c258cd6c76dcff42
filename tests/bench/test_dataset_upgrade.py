"""After a new migration the benchmark's cached dataset is brought up to date by Careplan's own
migrations instead of being made again (making the county's takes many minutes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from bench.dataset import cache_path, dataset
from bench.keyed import connect, open_bench_database
from sqlalchemy import text

from careplan.storage import encryption
from careplan.storage.migrate import alembic_config, current_revision
from careplan.storage.schema_head import HEAD_REVISION


def _revision(path: Path) -> str:
    connection = connect(path, immutable=True)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
def test_a_dataset_cached_before_a_migration_is_upgraded_not_made_again(tmp_path: Path) -> None:
    made = dataset(200, 1, folder=tmp_path)
    assert made.generated
    # Make it what an older version cached: one migration back, under that revision's name.
    db = open_bench_database(made.path)
    try:
        command.downgrade(alembic_config(db), "-1")
        older_revision = current_revision(db)
        with db.session() as session, session.begin():  # as a dataset made before sign-in
            session.execute(text("UPDATE staff SET password_hash = NULL"))
    finally:
        db.dispose()
    assert older_revision is not None
    assert older_revision != HEAD_REVISION
    older = cache_path(200, 1, tmp_path, revision=older_revision)
    made.path.rename(older)
    encryption.key_file_for(made.path).rename(encryption.key_file_for(older))
    Path(f"{made.path}.json").rename(Path(f"{older}.json"))

    again = dataset(200, 1, folder=tmp_path)

    assert not again.generated
    assert again.path == cache_path(200, 1, tmp_path)
    assert again.counts == made.counts
    assert _revision(again.path) == HEAD_REVISION
    assert _revision(older) == older_revision  # the older file is left as it was
    note = json.loads(Path(f"{again.path}.json").read_text(encoding="utf-8"))
    assert note["upgraded_from"] == older.name
    assert note["seconds"] == pytest.approx(made.seconds)
    # The demo accounts can sign in, as in a dataset made now (the start-up probe signs in).
    connection = connect(again.path, immutable=True)
    try:
        hashes = dict(connection.execute("SELECT username, password_hash FROM staff").fetchall())
    finally:
        connection.close()
    assert all(hashes[name] for name in ("admin", "priya", "sam", "chris"))
    # Nothing else left in the cache: no partial file, no copy the upgrade kept aside.
    expected = [older, Path(f"{older}.json"), encryption.key_file_for(older)]
    expected += [again.path, Path(f"{again.path}.json"), encryption.key_file_for(again.path)]
    assert sorted(tmp_path.iterdir()) == sorted(expected)
