"""Tests of careplan.storage.database and careplan.storage.migrate, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text, update
from sqlalchemy.engine import URL

import careplan.storage.database as database_module
import careplan.storage.migrate as migrate_module
from careplan.domain.errors import StorageError
from careplan.domain.records import AuditHead, Base, LifeArea, Provider
from careplan.storage import Database, open_database
from careplan.storage.database import copy_sqlite_aside, resolve_target
from careplan.storage.encryption import DatabaseKey
from careplan.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade_if_needed,
)
from tests import sqlite_files

DEFAULT_LIFE_AREA_CODES = [
    "drugs",
    "alcohol",
    "physical_health",
    "mental_health",
    "housing",
    "money",
    "time",
    "family",
    "community",
    "legal",
]


def schema_diff(db: Database) -> list[object]:
    """What autogenerate would change to make the database match the models (empty = same)."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def model_tables() -> set[str]:
    return set(Base.metadata.tables)


def make_sqlite_database(path: Path) -> bytes:
    """A real, migrated Careplan database at ``path``, closed; returns its bytes."""
    opened = open_database(path)
    with opened.session() as session:
        session.add(Provider(name="Recovery Café"))
        session.commit()
    opened.dispose()
    assert not Path(f"{path}-wal").exists(), "the WAL should be checkpointed when the last user closes"
    return path.read_bytes()


@pytest.fixture
def open_databases() -> Iterator[list[Database]]:
    """Databases a test opened by hand; disposed afterwards even if the test failed."""
    opened: list[Database] = []
    yield opened
    for database in opened:
        database.dispose()


# --- migrations --------------------------------------------------------------------------------


def test_migrations_build_exactly_the_models_schema(db: Database) -> None:
    assert current_revision(db) == head_revision()
    assert set(inspect(db.engine).get_table_names()) == model_tables() | {"alembic_version"}
    assert schema_diff(db) == []


def test_downgrade_to_base_then_upgrade_to_head(db: Database) -> None:
    config = alembic_config(db)

    command.downgrade(config, "base")
    assert current_revision(db) is None
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}

    command.upgrade(config, "head")
    assert current_revision(db) == head_revision()
    assert schema_diff(db) == []
    with db.session() as session:
        assert session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) == 0
        assert len(session.scalars(select(LifeArea)).all()) == 10


def test_audit_person_migration_goes_down_and_up_again(db: Database) -> None:
    """0006: the person on audit events and the counts of wrong tries at unknown names."""
    from alembic.script import ScriptDirectory

    from careplan.storage.migrate import MIGRATIONS

    found = ScriptDirectory(str(MIGRATIONS)).get_revision("0006")
    assert found is not None
    assert isinstance(found.down_revision, str)
    config = alembic_config(db)
    command.downgrade(config, found.down_revision)
    db.engine.dispose()
    assert "sign_in_failures" not in inspect(db.engine).get_table_names()
    assert "person_id" not in {c["name"] for c in inspect(db.engine).get_columns("audit_events")}
    command.upgrade(config, "head")
    db.engine.dispose()
    assert schema_diff(db) == []
    assert "ix_audit_events_person_id" in {i["name"] for i in inspect(db.engine).get_indexes("audit_events")}


def test_upgrade_on_an_up_to_date_database_does_nothing(db: Database, tmp_path: Path) -> None:
    assert upgrade_if_needed(db) is False
    assert current_revision(db) == head_revision()
    # No copy was made next to an SQLite file (and a PostgreSQL database has no file at all).
    assert list(tmp_path.glob("*.bak")) == []


def test_reopening_runs_no_migration(database_url: str, open_databases: list[Database]) -> None:
    open_databases.append(open_database(database_url))
    again = open_database(database_url)
    open_databases.append(again)
    assert current_revision(again) == head_revision()
    assert upgrade_if_needed(again) is False


# --- seeds -------------------------------------------------------------------------------------


def test_default_life_areas_are_seeded(db: Database) -> None:
    with db.session() as session:
        areas = session.scalars(select(LifeArea).order_by(LifeArea.position)).all()
    assert [area.code for area in areas] == DEFAULT_LIFE_AREA_CODES
    assert [area.position for area in areas] == list(range(10))
    assert all(area.active for area in areas)
    assert all(area.name.strip() for area in areas)
    assert areas[0].name == "Drug use"


def test_audit_chain_head_is_seeded(db: Database) -> None:
    with db.session() as session:
        heads = session.scalars(select(AuditHead)).all()
    assert [(h.id, h.last_seq, h.last_hash) for h in heads] == [(1, 0, "0" * 64)]


# --- SQLite connection settings ----------------------------------------------------------------


def test_sqlite_pragmas_on_a_session_connection(sqlite_db: Database) -> None:
    with sqlite_db.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        busy = session.execute(text("PRAGMA busy_timeout")).scalar()
        assert busy == database_module.BUSY_TIMEOUT_MS


def _insert_service_of_a_missing_provider(database: Database) -> None:
    with database.session() as session:
        session.execute(
            text(
                "INSERT INTO services (provider_id, name, category, description, unit, "
                "unit_price_pence, peer_led) VALUES (999, 'x', 'c', 'd', 'hour', 1, 0)"
            )
        )
        session.commit()


def test_sqlite_foreign_keys_are_enforced(sqlite_db: Database) -> None:
    with pytest.raises(StorageError):
        _insert_service_of_a_missing_provider(sqlite_db)


# --- files that cannot be used -----------------------------------------------------------------


def _random_bytes(path: Path) -> str:
    path.write_bytes(os.urandom(8192))
    return "not a careplan database"


def _text_file(path: Path) -> str:
    path.write_text("name,date of birth\nAlex,1990-01-01\n", encoding="utf-8")
    return "not a careplan database"


def _header_only(path: Path) -> str:
    data = make_sqlite_database(path)
    path.write_bytes(data[:100])
    return "damaged"


def _truncated_mid_page(path: Path) -> str:
    data = make_sqlite_database(path)
    path.write_bytes(data[:5000])
    return "damaged"


def _truncated_to_half(path: Path) -> str:
    data = make_sqlite_database(path)
    path.write_bytes(data[: len(data) // 2])
    return "damaged"


@pytest.mark.parametrize(
    "spoil",
    [_random_bytes, _text_file, _header_only, _truncated_mid_page, _truncated_to_half],
    ids=["random-bytes", "text-file", "header-only", "truncated-mid-page", "truncated-to-half"],
)
def test_unusable_file_gives_storage_error_and_is_left_alone(
    tmp_path: Path, spoil: Callable[[Path], str], open_databases: list[Database]
) -> None:
    path = tmp_path / "careplan.db"
    phrase = spoil(path)
    before = path.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(StorageError) as caught:
        open_databases.append(open_database(path))

    assert type(caught.value) is StorageError
    assert phrase in str(caught.value).lower()
    assert "Traceback" not in str(caught.value)
    assert path.read_bytes() == before
    # No backup copy, WAL or shared-memory file left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "careplan.db"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")

    with pytest.raises(StorageError, match="is a folder"):
        open_database(folder)

    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    assert (folder / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize("kind", ["named pipe", "socket"])
def test_only_an_ordinary_file_is_a_database(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty pipe or socket once passed for a new database: it was removed and replaced."""
    path = tmp_path / "careplan.db"
    if kind == "named pipe":
        os.mkfifo(path)
        is_kind = stat.S_ISFIFO
    else:
        listening = socket.socket(socket.AF_UNIX)
        monkeypatch.chdir(tmp_path)  # a socket's name must be short
        listening.bind(path.name)
        listening.close()
        is_kind = stat.S_ISSOCK
    link = tmp_path / "link.db"
    link.symlink_to(path)
    for given in (path, link):
        with pytest.raises(StorageError, match=f"is a {kind}, not a Careplan database file"):
            open_database(given)
    assert is_kind(path.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["careplan.db", "link.db"]


def test_missing_file_without_create(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "careplan.db"

    with pytest.raises(StorageError, match="There is no Careplan database"):
        open_database(path, create=False)

    assert not path.exists()
    assert not path.parent.exists()


def test_missing_folders_are_created_for_the_default_place_only(
    tmp_path: Path, open_databases: list[Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREPLAN_DATABASE", raising=False)
    monkeypatch.setenv("CAREPLAN_DATA_DIR", str(tmp_path / "a" / "b"))
    database = open_database()
    open_databases.append(database)
    path = tmp_path / "a" / "b" / "careplan.db"
    assert path.is_file()
    assert database.path == path

    # A place someone gave, in a folder that is not there, is a mistake to say (a typing slip
    # would otherwise make folders, and a database nobody looks for, without a word).
    given = tmp_path / "c" / "d" / "careplan.db"
    with pytest.raises(StorageError, match="There is no folder"):
        open_database(given)
    assert not (tmp_path / "c").exists()


def test_without_migrate_an_empty_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="has not been set up"):
        open_database(tmp_path / "careplan.db", migrate=False)


def test_without_migrate_a_current_database_opens(tmp_path: Path, open_databases: list[Database]) -> None:
    path = tmp_path / "careplan.db"
    before = make_sqlite_database(path)
    database = open_database(path, migrate=False)
    open_databases.append(database)
    assert current_revision(database) == head_revision()
    database.dispose()
    assert path.read_bytes() == before


_MOUNTED: list[Path] = []


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "read-only"
    folder.mkdir()
    yield folder
    while _MOUNTED:
        subprocess.run(["umount", str(_MOUNTED.pop())], check=False)
    folder.chmod(0o700)


def _make_read_only(folder: Path) -> None:
    """chmod for ordinary users; root ignores permissions, so it gets a read-only bind mount."""
    folder.chmod(0o500)
    if not os.access(folder, os.W_OK):
        return
    folder.chmod(0o700)
    bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True, check=False)
    if bound.returncode == 0:
        _MOUNTED.append(folder)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, check=False)
    probe = folder / ".probe"
    try:
        probe.touch()
    except OSError:
        return
    probe.unlink()
    reason = "cannot make a folder read-only here: running as root without mount permission"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (in CI a failure, not a skip)")
    pytest.skip(reason)


def test_new_database_in_a_read_only_folder(read_only_folder: Path) -> None:
    _make_read_only(read_only_folder)

    with pytest.raises(StorageError, match="read-only"):
        open_database(read_only_folder / "careplan.db")

    assert list(read_only_folder.iterdir()) == []


def test_existing_database_in_a_read_only_folder(
    read_only_folder: Path, open_databases: list[Database]
) -> None:
    path = read_only_folder / "careplan.db"
    before = make_sqlite_database(path)
    _make_read_only(read_only_folder)

    # SQLite needs to create the -wal and -shm files next to the database in WAL mode.
    with pytest.raises(StorageError) as caught:
        open_databases.append(open_database(path))

    assert type(caught.value) is StorageError
    message = str(caught.value).lower()
    assert "read-only" in message or "cannot be opened" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["careplan.db", "careplan.db.key"]


# --- a busy database ---------------------------------------------------------------------------


def _rename_life_area(database: Database, code: str, name: str) -> None:
    with database.session() as session:
        session.execute(update(LifeArea).where(LifeArea.code == code).values(name=name))
        session.commit()


def test_locked_database_gives_a_busy_storage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_databases: list[Database]
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "careplan.db"
    database = open_database(path)
    open_databases.append(database)

    other = sqlite_files.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(StorageError) as caught:
            _rename_life_area(database, "money", "Cash")
        waited = time.monotonic() - started
        other.execute("ROLLBACK")
    finally:
        other.close()

    assert type(caught.value) is StorageError
    assert "busy" in str(caught.value)
    assert "Nothing has been lost" in str(caught.value)
    assert 0.1 <= waited < 4, f"waited {waited:.2f} s; busy_timeout should be about 0.2 s"

    # Once the other writer is done, the same write goes through.
    _rename_life_area(database, "money", "Cash")
    with database.session() as session:
        assert session.scalar(select(LifeArea.name).where(LifeArea.code == "money")) == "Cash"


# --- copying aside before an upgrade -----------------------------------------------------------


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    # A copy aside shares the key (and the key file) of the database it was copied from.
    conn = sqlite_files.connect(f"file:{path}?mode=ro", key_of_file=path.with_name("careplan.db"), uri=True)
    try:
        rows: list[tuple[object, ...]] = conn.execute(query).fetchall()
        return rows
    finally:
        conn.close()


def test_copy_sqlite_aside_makes_a_private_consistent_copy(
    tmp_path: Path, open_databases: list[Database]
) -> None:
    path = tmp_path / "careplan.db"
    make_sqlite_database(path)

    # A committed change still sitting in the WAL (another connection keeps it from being
    # checkpointed) must be in the copy too.
    writer = sqlite_files.connect(path, isolation_level=None)
    try:
        writer.execute("INSERT INTO providers (name) VALUES ('Only in the WAL')")
        assert Path(f"{path}-wal").stat().st_size > 0
        copy = copy_sqlite_aside(path, "test", sqlite_files.key_of(path))
    finally:
        writer.close()

    assert copy.parent == path.parent
    assert copy.name.startswith("careplan.db.test-")
    assert copy.name.endswith(".bak")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    for query in (
        "SELECT * FROM providers ORDER BY id",
        "SELECT * FROM life_areas ORDER BY id",
        "SELECT * FROM audit_head",
        "SELECT version_num FROM alembic_version",
    ):
        assert _rows(copy, query) == _rows(path, query)
    assert ("Only in the WAL",) in _rows(copy, "SELECT name FROM providers")
    assert _rows(copy, "PRAGMA integrity_check") == [("ok",)]

    assert copy.read_bytes()[:16] != database_module.SQLITE_HEADER, "the copy is encrypted too"
    # The copy opens as a Careplan database in its own right (with the key file it belongs to).
    shutil.copyfile(f"{path}.key", f"{copy}.key")
    opened = open_database(copy, create=False)
    open_databases.append(opened)
    with opened.session() as session:
        assert session.scalar(select(Provider.name).where(Provider.id == 1)) == "Recovery Café"


def test_copy_sqlite_aside_into_a_read_only_folder_gives_storage_error(
    read_only_folder: Path,
) -> None:
    path = read_only_folder / "careplan.db"
    make_sqlite_database(path)
    _make_read_only(read_only_folder)

    with pytest.raises(StorageError, match="could not copy the database aside"):
        copy_sqlite_aside(path, "test", sqlite_files.key_of(path))


def test_upgrade_of_an_older_sqlite_database_copies_it_aside_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_databases: list[Database]
) -> None:
    # There is only one migration so far, so "older" is simulated by pretending a newer
    # head exists: upgrade_if_needed then sees the file as out of date.
    path = tmp_path / "careplan.db"
    make_sqlite_database(path)
    database = open_database(path)
    open_databases.append(database)
    real_head = head_revision()
    monkeypatch.setattr(migrate_module, "head_revision", lambda: "9999")

    assert upgrade_if_needed(database) is True

    copies = list(tmp_path.glob("*.bak"))
    assert len(copies) == 1
    assert copies[0].name.startswith(f"careplan.db.before-upgrade-from-{real_head}-")
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    assert _rows(copies[0], "SELECT name FROM providers") == [("Recovery Café",)]
    assert _rows(copies[0], "SELECT version_num FROM alembic_version") == [(real_head,)]
    assert current_revision(database) == real_head  # the (pretend) upgrade itself ran no migration


def test_upgrade_of_a_new_empty_database_makes_no_copy(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    path.touch()  # an empty file counts as a new database
    database = open_database(path)
    database.dispose()
    assert list(tmp_path.glob("*.bak")) == []


@pytest.fixture
def every_engine_disposed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dispose every engine open_database makes, even one it leaks when a non-storage error escapes."""
    engines: list[Engine] = []
    real_make_engine = database_module.make_engine

    def make_engine(url: URL, key: DatabaseKey | None = None) -> Engine:
        engine = real_make_engine(url, key)
        engines.append(engine)
        return engine

    monkeypatch.setattr(database_module, "make_engine", make_engine)
    yield
    for engine in engines:
        engine.dispose()


@pytest.mark.usefixtures("every_engine_disposed")
def test_database_from_a_newer_version_gives_storage_error(database_url: str) -> None:
    database = open_database(database_url)
    try:
        with database.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    finally:
        database.dispose()

    with pytest.raises(StorageError, match="newer version of Careplan"):
        open_database(database_url)
    if database_url.startswith("/"):
        assert not list(Path(database_url).parent.glob("*.bak")), "no copy for a refused upgrade"


# --- resolving targets -------------------------------------------------------------------------


def test_resolve_relative_file_path_gives_absolute_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = resolve_target("records/careplan.db")
    assert url.get_backend_name() == "sqlite"
    assert url.drivername == "sqlite+pysqlite"
    assert url.database is not None
    assert Path(url.database).is_absolute()
    assert Path(url.database) == (tmp_path / "records" / "careplan.db").resolve()


def test_resolve_path_object_and_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_target(tmp_path / "x.db").database == str((tmp_path / "x.db").resolve())
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_target("~/y.db").database == str((tmp_path / "y.db").resolve())


def test_resolve_postgresql_url_uses_psycopg() -> None:
    url = resolve_target("postgresql://u:p@h/db")
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.password, url.host, url.database) == ("u", "p", "h", "db")


def test_resolve_keeps_an_explicit_driver_and_sqlite_urls() -> None:
    assert resolve_target("postgresql+psycopg://u@h:5433/db").port == 5433
    assert resolve_target("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_target("sqlite:////tmp/x.db").get_backend_name() == "sqlite"


@pytest.mark.parametrize("target", ["mysql://x", "mysql+pymysql://u:p@h/db", "oracle://h/db"])
def test_resolve_other_database_kinds_are_refused(target: str) -> None:
    with pytest.raises(StorageError, match="SQLite files or PostgreSQL servers only"):
        resolve_target(target)


def test_resolve_unreadable_url_is_refused_without_showing_the_password() -> None:
    with pytest.raises(StorageError, match="not a database address") as caught:
        resolve_target("postgresql://u:s3cret@h:notaport/db")
    assert "s3cret" not in str(caught.value)


def test_resolve_uses_careplan_database_when_no_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREPLAN_DATABASE", str(tmp_path / "from-env.db"))
    monkeypatch.setenv("CAREPLAN_DATA_DIR", str(tmp_path / "ignored"))
    assert resolve_target(None).database == str((tmp_path / "from-env.db").resolve())

    monkeypatch.setenv("CAREPLAN_DATABASE", "postgresql://team@db.example/careplan")
    url = resolve_target(None)
    assert url.drivername == "postgresql+psycopg"
    assert url.host == "db.example"


def test_resolve_default_path_is_in_careplan_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREPLAN_DATABASE", raising=False)
    monkeypatch.setenv("CAREPLAN_DATA_DIR", str(tmp_path / "data"))
    url = resolve_target(None)
    assert url.get_backend_name() == "sqlite"
    assert url.database == str((tmp_path / "data" / "careplan.db").resolve())


def test_explicit_target_wins_over_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPLAN_DATABASE", str(tmp_path / "from-env.db"))
    assert resolve_target(tmp_path / "given.db").database == str((tmp_path / "given.db").resolve())


def test_unreachable_postgresql_server_gives_storage_error() -> None:
    # Port 1 on the loopback interface: refused at once, no server needed.
    with pytest.raises(StorageError, match="cannot reach the database server") as caught:
        open_database("postgresql://careplan:s3cret@127.0.0.1:1/careplan")
    assert type(caught.value) is StorageError
    assert "s3cret" not in str(caught.value)


def test_info_hides_the_password(db: Database) -> None:
    info = db.info()
    assert info.backend == db.backend
    if db.is_sqlite:
        assert info.path == db.path
        assert db.path is not None
        assert db.path.is_file()
    else:
        assert info.path is None
        assert db.url.password is None or str(db.url.password) not in info.url
