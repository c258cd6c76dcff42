"""Shared fixtures: a fresh database per test, on SQLite and (where a server can start) PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from careplan.storage import Database, open_database

pytest_plugins = ["tests.pg_server"]

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An address for a brand-new, empty database on each engine."""
    if request.param == "sqlite":
        return str(tmp_path / "careplan.db")
    from tests import pg_server

    return pg_server.fresh_database_url(request)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "careplan.db")
    yield database
    database.dispose()
