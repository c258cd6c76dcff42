"""A world built once per test module and engine, and a private copy of its database for each test.

Migrating a database and building a small world through the real use cases is most of what a
service test costs. So a module builds its world once on each engine (the *template*) and every
test gets a private copy of that database: a file copy through SQLite's backup API on SQLite (the
same key, the key file alongside), a ``CREATE DATABASE ... TEMPLATE`` clone on PostgreSQL. Nothing
one test writes is seen by another.

In a test module whose ``make_world(db)`` returns a frozen dataclass with a ``db`` field::

    template, sqlite_template, world, quick = world_fixtures(make_world)

``world`` runs a test on SQLite and on PostgreSQL; ``quick`` on SQLite only, for rules that do
not depend on the engine. A module with another shape of world takes the two module-scoped
fixtures from :func:`template_fixtures` and opens its own copies with :func:`private_copy`.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import Field, replace
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from careplan.storage import Database, open_database
from tests import pg_server, sqlite_files

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

T = TypeVar("T")


class HasDatabase(Protocol):
    """A world: a frozen dataclass whose ``db`` field is the database it was built in."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def db(self) -> Database: ...


W = TypeVar("W", bound=HasDatabase)

Template = tuple[str, T]
"""Where the built database is (a file path on SQLite, a URL on PostgreSQL), and what was built."""


def build_template(url: str, build: Callable[[Database], T]) -> T:
    """Migrate the database at ``url``, build in it, and close it again."""
    database = open_database(url)
    try:
        return build(database)
    finally:
        database.dispose()


@contextlib.contextmanager
def private_copy(url: str, tmp_path: Path) -> Iterator[Database]:
    """A copy of the database at ``url`` for one test, opened; it is closed (and dropped) afterwards."""
    if "://" not in url:
        target = tmp_path / "careplan.db"
        sqlite_files.copy(url, target)
        database = open_database(target)
        try:
            yield database
        finally:
            database.dispose()
        return
    source = make_url(url)
    assert source.database is not None
    name = f"{source.database}_{uuid.uuid4().hex[:8]}"
    admin = source.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(source.database)
            )
        )
    database = open_database(source.set(database=name).render_as_string(hide_password=False))
    try:
        yield database
    finally:
        database.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def template_fixtures(build: Callable[[Database], T]) -> tuple[Any, Any]:
    """The module-scoped fixtures ``template`` (on each engine) and ``sqlite_template``, built by ``build``.

    Assign them at module level under those names, so that pytest finds them.
    """

    @pytest.fixture(scope="module", params=ENGINES)
    def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Template[T]:
        if request.param == "sqlite":
            url = str(tmp_path_factory.mktemp("template") / "careplan.db")
        else:
            url = pg_server.fresh_database_url(request)
        return url, build_template(url, build)

    @pytest.fixture(scope="module")
    def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Template[T]:
        url = str(tmp_path_factory.mktemp("quick") / "careplan.db")
        return url, build_template(url, build)

    return template, sqlite_template


def world_fixtures(make_world: Callable[[Database], W]) -> tuple[Any, Any, Any, Any]:
    """The fixtures ``template``, ``sqlite_template``, ``world`` and ``quick`` for ``make_world``.

    Assign them at module level under those names, so that pytest finds them.
    """
    template, sqlite_template = template_fixtures(make_world)

    @pytest.fixture
    def world(template: Template[W], tmp_path: Path) -> Iterator[W]:
        """The world on SQLite and on PostgreSQL: a private copy for this test."""
        with private_copy(template[0], tmp_path) as database:
            yield replace(template[1], db=database)

    @pytest.fixture
    def quick(sqlite_template: Template[W], tmp_path: Path) -> Iterator[W]:
        """The world on SQLite only, for rules that do not depend on the engine: a private copy."""
        with private_copy(sqlite_template[0], tmp_path) as database:
            yield replace(sqlite_template[1], db=database)

    return template, sqlite_template, world, quick
