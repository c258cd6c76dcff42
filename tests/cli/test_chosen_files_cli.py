"""Files named on the command line (issue 14 item 1, issue 11 item 8).

A file a command writes never goes over the open database, its ``-wal``, ``-shm`` or ``-journal``,
its key file or into its backups folder, however the name is spelt (``./careplan.db``, a symbolic
or hard link, ``folder/../careplan.db``); nothing that is not an ordinary file (a folder, a device,
a named pipe, a socket, a link to one) is written, read or taken for the database, and a missing
folder is said in one plain sentence: exit 2 for a file to write or read (10 for ``verify``, 14
for ``restore``, as documented), 3 for ``--database``. Nothing is written, nothing is lost.

Most cases run through :func:`careplan.cli.main.main` in this process (quick); every case with a
named pipe runs in a subprocess with a time limit, because opening a pipe blocks until someone
opens its other end: a regression there fails the test instead of hanging the run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.domain.enums import PlanStatus
from careplan.services import signing_certificate as certs
from careplan.storage import encryption, open_database
from tests import sqlite_files, stored, worlds
from tests.cli.sign_in import AS_PRIYA, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.pg_server import in_ci

REPO = Path(__file__).resolve().parents[2]
CERT_PASSPHRASE = "correct horse battery staple"
AS_ADA = {**AS_PRIYA, "CAREPLAN_USER": "ada"}  # the builders' administrator
SUBPROCESS_LIMIT_S = 60


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, worlds.World]:
    """A database with an active plan, staff who can sign in and the service's certificate
    (its passphrase in the run's keyring); and what is in it."""
    path = tmp_path_factory.mktemp("original") / "careplan.db"
    db = open_database(path)
    try:
        world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
        give_everyone_a_password(db)
        certs.create_self_signed(db, world.team.manager, "Harbour Recovery Service", CERT_PASSPHRASE)
    finally:
        db.dispose()
    return path, world


@dataclass(frozen=True)
class Place:
    """A private copy of the database in a short folder (a socket's name must be short), with
    odd things beside it: ``folder/``, ``pipe``, ``socket``, ``device`` (made only as root),
    links to each, a symbolic and a hard link to the database, and ``backups/``."""

    folder: Path
    database: Path
    world: worlds.World
    key_before: bytes

    @property
    def plan_id(self) -> int:
        return self.world.plan_id

    @property
    def key_file(self) -> Path:
        return encryption.key_file_for(self.database)

    def path(self, name: str) -> Path:
        return self.folder / name

    def names(self) -> set[str]:
        return {p.name for p in self.folder.iterdir()} | {f"backups/{p.name}" for p in self.backups.iterdir()}

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    def assert_nothing_lost(self, names_before: set[str]) -> None:
        """The database and its key file are as they were and open; nothing new was written; no
        odd thing was turned into a file."""
        assert self.key_file.read_bytes() == self.key_before
        assert self.names() == names_before
        kinds = {
            "folder": stat.S_ISDIR,
            "pipe": stat.S_ISFIFO,
            "socket": stat.S_ISSOCK,
            "device": stat.S_ISCHR,
        }
        for name, is_kind in kinds.items():
            if os.path.lexists(self.path(name)):
                assert is_kind(self.path(name).lstat().st_mode), f"{name} is no longer what it was"
        db = open_database(self.database, create=False)
        try:
            assert stored.version_status(db, self.world.version_id) == PlanStatus.ACTIVE
        finally:
            db.dispose()
        assert self.names() == names_before  # opening it left nothing behind either


@pytest.fixture
def place(original: tuple[Path, worlds.World], monkeypatch: pytest.MonkeyPatch) -> Iterator[Place]:
    source, world = original
    folder = Path(tempfile.mkdtemp(prefix="cp-"))
    data = Path(tempfile.mkdtemp(prefix="cp-data-"))  # apart: the log is written there
    try:
        database = folder / "careplan.db"
        sqlite_files.copy(source, database)
        (folder / "folder").mkdir()
        (folder / "backups").mkdir()
        os.mkfifo(folder / "pipe")
        with contextlib.closing(socket.socket(socket.AF_UNIX)) as sock:
            sock.bind(str(folder / "socket"))
        if os.geteuid() == 0:
            os.mknod(folder / "device", 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # a null device of our own
        for name in ("folder", "pipe", "socket", "device"):
            (folder / f"link-to-{name}").symlink_to(name)
        (folder / "link-to-database").symlink_to("careplan.db")
        os.link(database, folder / "hard-link-to-database")
        monkeypatch.chdir(folder)
        monkeypatch.setenv("CAREPLAN_DATA_DIR", str(data))
        for name, value in AS_PRIYA.items():
            monkeypatch.setenv(name, value)
        yield Place(folder, database, world, encryption.key_file_for(database).read_bytes())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)


def careplan(place: Place, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``careplan --database PLACE ARGS`` in this process: the exit code and what it said on stderr."""
    return careplan_at(str(place.database), *args, capsys=capsys)


def careplan_at(database: str, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(["--database", database, *args])
    finally:
        close_every_connection()
    return code, capsys.readouterr().err


def close_every_connection() -> None:
    """What a command leaves open in this process is closed, as when its own process ends (SQLite
    then removes the -wal and -shm files)."""
    from careplan.storage import database

    for engine in list(database._SQLITE_ENGINES):
        engine.dispose()


def careplan_apart(place: Place, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """The same in a subprocess with a time limit (for named pipes: a regression must not hang)."""
    full_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    full_env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))  # the test keyring is in tests/
    full_env[encryption.ENV_RECOVERY_PASSPHRASE] = TEST_RECOVERY_PASSPHRASE
    full_env.update(env or {})
    try:
        result = subprocess.run(
            [sys.executable, "-m", "careplan", *args],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            text=True,
            env=full_env,
            cwd=place.folder,
            timeout=SUBPROCESS_LIMIT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"careplan {' '.join(args)} was still running after {SUBPROCESS_LIMIT_S} s (a pipe opened?)"
        )
    return result.returncode, result.stderr


def assert_one_plain_sentence(code: int, said: str, expected: int, phrase: str) -> None:
    assert code == expected, said
    assert "Traceback" not in said
    assert said.startswith("careplan: ")
    assert said.count("\n") == 1, said
    assert phrase in said, said


# --- (A) never over the database, what it needs, or into its backups folder ------------------------

DATABASE_SPELLINGS = {
    "the database": "{folder}/careplan.db",
    "./careplan.db": "./careplan.db",
    "careplan.db": "careplan.db",
    "folder/../careplan.db": "folder/../careplan.db",
    "a symbolic link to it": "link-to-database",
    "a hard link to it": "hard-link-to-database",
}
PROTECTED = {
    **DATABASE_SPELLINGS,
    "its -wal": "careplan.db-wal",
    "its -shm": "careplan.db-shm",
    "its -journal": "careplan.db-journal",
    "its key file": "careplan.db.key",
    "./its key file": "./folder/../careplan.db.key",
    "its backups folder": "backups/agreement.pdf",
}


def writers(plan_id: int, target: str) -> dict[str, list[str]]:
    return {
        "agreement": ["agreement", str(plan_id), "--out", target],
        "easy-read agreement": ["agreement", str(plan_id), "--easy-read", "--out", target],
        "catalogue export": ["catalogue", "export", target],
        "db key export": ["db", "key", "export", target],
        "backup": ["backup", target],
    }


WRITERS = list(writers(0, "").keys())


@pytest.mark.parametrize("command", WRITERS)
@pytest.mark.parametrize("what", list(PROTECTED))
def test_nothing_is_written_over_the_database_or_what_it_needs(
    place: Place, capsys: pytest.CaptureFixture[str], command: str, what: str
) -> None:
    target = PROTECTED[what].format(folder=place.folder)
    before = place.names()
    code, said = careplan(place, *writers(place.plan_id, target)[command], capsys=capsys)
    assert_one_plain_sentence(code, said, 2, "was not written")
    place.assert_nothing_lost(before)


# --- (B) folders, devices, pipes, sockets and missing folders: written, read, or the database ------

NOT_FILES = {
    "a folder": ("folder", "is a folder"),
    "a link to a folder": ("link-to-folder", "is a folder"),
    "a socket": ("socket", "is a socket"),
    "a link to a socket": ("link-to-socket", "is a socket"),
    "a device": ("device", "is a device"),
    "a link to a device": ("link-to-device", "is a device"),
    "a missing folder": ("no-such-folder/x", "There is no folder"),
    "a file as a folder": ("careplan.db.key/x", "There is no folder"),
}
PIPES = {
    "a named pipe": ("pipe", "is a named pipe"),
    "a link to a named pipe": ("link-to-pipe", "is a named pipe"),
}


def needs_device(place: Place, name: str) -> None:
    if "device" in name and not place.path("device").exists():
        (pytest.fail if in_ci() else pytest.skip)("making a device needs root (CI runs as root)")


@pytest.mark.parametrize("command", WRITERS)
@pytest.mark.parametrize("what", list(NOT_FILES))
def test_a_file_to_write_must_be_an_ordinary_file_in_a_folder_that_exists(
    place: Place, capsys: pytest.CaptureFixture[str], command: str, what: str
) -> None:
    name, phrase = NOT_FILES[what]
    needs_device(place, name)
    before = place.names()
    code, said = careplan(place, *writers(place.plan_id, name)[command], capsys=capsys)
    assert_one_plain_sentence(code, said, 2, phrase)
    place.assert_nothing_lost(before)


def readers(name: str) -> dict[str, tuple[list[str], int]]:
    return {
        "catalogue import": (["catalogue", "import", name], 2),
        "catalogue import --check": (["catalogue", "import", "--check", name], 2),
        "db key import": (["db", "key", "import", name], 2),
        "certificate import": (["certificate", "import", "--replace", name], 2),
        "verify": (["verify", name], 10),
        "restore": (["--user", "ada", "restore", name], 14),
    }


READERS = list(readers("").keys())
MISSING_FOR_READING = {
    "a missing folder": ("no-such-folder/x", "There is no file"),
    "a missing file": ("nothing-here", "There is no file"),
}


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("what", [w for w in NOT_FILES if "missing" not in w] + list(MISSING_FOR_READING))
def test_a_file_to_read_must_be_an_ordinary_file(
    place: Place, capsys: pytest.CaptureFixture[str], command: str, what: str
) -> None:
    name, phrase = {**NOT_FILES, **MISSING_FOR_READING}[what]
    if what == "a file as a folder":
        phrase = "There is no file"
    needs_device(place, name)
    args, expected = readers(name)[command]
    before = place.names()
    code, said = careplan(place, *args, capsys=capsys)
    assert_one_plain_sentence(code, said, expected, phrase)
    place.assert_nothing_lost(before)


@pytest.mark.timeout(SUBPROCESS_LIMIT_S * 3)
@pytest.mark.parametrize("what", list(PIPES))
def test_a_named_pipe_is_never_opened(place: Place, what: str) -> None:
    """Opening a pipe would wait for someone at its other end: each command says no at once."""
    name, phrase = PIPES[what]
    database = ["--database", str(place.database)]
    cases = [(writers(place.plan_id, name)[command], 2) for command in WRITERS]
    cases += [readers(name)[command] for command in READERS]
    before = place.names()
    for args, expected in cases:
        code, said = careplan_apart(place, *database, *args, env=AS_ADA if "restore" in args else AS_PRIYA)
        assert_one_plain_sentence(code, said, expected, phrase)
    place.assert_nothing_lost(before)


DATABASE_COMMANDS = {
    "demo": ["demo", "--people", "1"],
    "plans": ["plans"],
    "db upgrade": ["db", "upgrade"],
    "db info": ["db", "info"],
    "db key export": ["db", "key", "export", "exported.key"],
    "backup": ["backup"],
    "settings": ["settings", "service-name"],
}
NOT_DATABASES = {
    "a folder": ("folder", "is a folder"),
    "a link to a folder": ("link-to-folder", "is a folder"),
    "a socket": ("socket", "is a socket"),
    "a device": ("device", "is a device"),
    "a link to a device": ("link-to-device", "is a device"),
    "a missing folder": ("no-such-folder/careplan.db", "no-such-folder"),
}


@pytest.mark.parametrize("command", list(DATABASE_COMMANDS))
@pytest.mark.parametrize("what", list(NOT_DATABASES))
def test_the_database_must_be_an_ordinary_file_in_a_folder_that_exists(
    place: Place, capsys: pytest.CaptureFixture[str], command: str, what: str
) -> None:
    name, phrase = NOT_DATABASES[what]
    needs_device(place, name)
    before = place.names()
    code, said = careplan_at(name, *DATABASE_COMMANDS[command], capsys=capsys)
    assert_one_plain_sentence(code, said, 3, phrase)
    place.assert_nothing_lost(before)


@pytest.mark.timeout(SUBPROCESS_LIMIT_S * 8)
def test_a_named_pipe_is_never_taken_for_the_database(place: Place) -> None:
    before = place.names()
    for name in PIPES.values():
        for args in (DATABASE_COMMANDS["demo"], DATABASE_COMMANDS["plans"], DATABASE_COMMANDS["db info"]):
            code, said = careplan_apart(place, "--database", name[0], *args, env=AS_PRIYA)
            assert_one_plain_sentence(code, said, 3, name[1])
    place.assert_nothing_lost(before)


# --- what is written is private ---------------------------------------------------------------------


def test_what_holds_personal_data_is_readable_by_its_owner_only(
    place: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o022)
    try:
        made = {
            "agreement.pdf": ["agreement", str(place.plan_id), "--out", "agreement.pdf"],
            "easy.pdf": ["agreement", str(place.plan_id), "--easy-read", "--out", "easy.pdf"],
            "exported.key": ["db", "key", "export", "exported.key"],
            "copy.careplan-backup": ["backup", "copy.careplan-backup"],
            "catalogue.csv": ["catalogue", "export", "catalogue.csv"],
        }
        for name, args in made.items():
            code, said = careplan(place, *args, capsys=capsys)
            assert code == 0, said
            assert stat.S_IMODE(place.path(name).stat().st_mode) == 0o600, name
        assert stat.S_IMODE(place.path("copy.careplan-backup.key").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_an_existing_ordinary_file_is_still_replaced(
    place: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    """The checks refuse only what they must: saving over an earlier agreement still works."""
    earlier = place.path("agreement.pdf")
    earlier.write_bytes(b"an earlier agreement")
    code, said = careplan(place, "agreement", str(place.plan_id), "--out", "agreement.pdf", capsys=capsys)
    assert code == 0, said
    assert earlier.read_bytes().startswith(b"%PDF")
