"""Shared fixtures: a fresh database per test, on SQLite and (where a server can start) PostgreSQL.

Every SQLite database a test makes is encrypted through the real path: for the whole run the
keyring is a file-backed test keyring (:class:`tests.keyring_memory.FileKeyring`, shared with
``careplan`` subprocesses through the environment), and ``CAREPLAN_RECOVERY_PASSPHRASE`` holds
:data:`TEST_RECOVERY_PASSPHRASE` so that a new database can be made without asking. The recovery
passphrase's key derivation is made cheap in this process (the key file records its cost).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from careplan import data_folder as data_folder_module
from careplan.storage import Database, encryption, key_file, open_database
from tests import keyring_memory
from tests.worlds import Team, World, build_world, make_team

pytest_plugins = ["tests.pg_server", "tests.modal_watchdog", "pytester"]

TEST_RECOVERY_PASSPHRASE = "test recovery passphrase"
TEST_KDF_LOG2_N = 10


@pytest.fixture(scope="session", autouse=True)
def test_keyring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[keyring_memory.FileKeyring]:
    """The keyring (and recovery passphrase) of the whole run, here and in subprocesses."""
    keyring_file = tmp_path_factory.mktemp("keyring") / "keyring.json"
    backend = keyring_memory.FileKeyring(keyring_file)
    saved = {name: os.environ.get(name) for name in (*keyring_memory.subprocess_env(keyring_file), ENV_PASS)}
    os.environ.update(keyring_memory.subprocess_env(keyring_file))
    os.environ[ENV_PASS] = TEST_RECOVERY_PASSPHRASE
    cost = key_file.KDF_LOG2_N
    key_file.KDF_LOG2_N = TEST_KDF_LOG2_N
    with keyring_memory.installed(backend):
        yield backend
    key_file.KDF_LOG2_N = cost
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


ENV_PASS = encryption.ENV_RECOVERY_PASSPHRASE


@pytest.fixture(scope="session", autouse=True)
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The data folder of the whole run, here and in ``careplan`` subprocesses, unless a test
    gives its own: what the run writes there (a log, a database in the default place) never
    lands in the real user's folder."""
    name = data_folder_module.ENV_DATA_DIR
    saved = os.environ.get(name)
    folder = tmp_path_factory.mktemp("data")
    os.environ.setdefault(name, str(folder))
    yield Path(os.environ[name])
    if saved is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = saved


@pytest.fixture(autouse=True)
def themed_app(request: pytest.FixtureRequest) -> None:
    """Widgets made in a test look as they do in the app: the app applies its theme once as it
    starts, and a test makes its widgets without starting it, so the theme goes on pytest-qt's
    application here (only for tests that have one: the others never import Qt)."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from careplan.gui.theme import apply_theme  # Qt, only where a test already uses it

        apply_theme(request.getfixturevalue("qapp"))


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


@pytest.fixture
def team(db: Database) -> Team:
    """One member of staff in each role (:func:`tests.worlds.make_team`), on each engine."""
    return make_team(db)


@pytest.fixture
def world(db: Database) -> World:
    """Dee's draft plan with money allocated (:func:`tests.worlds.build_world`), on each engine. A module
    that needs another world defines its own ``world`` fixture."""
    return build_world(db)
