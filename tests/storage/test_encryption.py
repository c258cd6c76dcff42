"""Encryption at rest: SQLCipher files, the key in the keyring, the recovery passphrase, failing closed."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from careplan.domain.errors import InvalidInput, StorageError
from careplan.domain.records import Person, Provider
from careplan.storage import (
    Database,
    DatabaseLocked,
    RecoveryPassphraseNeeded,
    WrongRecoveryPassphrase,
    encryption,
    open_database,
)
from careplan.storage.database import (
    POSTGRES_KEYRING_SERVICE,
    make_engine,
    postgres_account,
    set_postgres_password,
    with_keyring_password,
)
from careplan.storage.migrate import upgrade_if_needed
from tests import worlds
from tests.keyring_memory import (
    FileKeyring,
    HangingKeyring,
    InterruptedKeyring,
    LockedKeyring,
    MemoryKeyring,
    OddErrorKeyring,
    installed,
    subprocess_env,
)

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "blue kettle seven gardens"


@pytest.fixture
def keyring_here() -> Iterator[MemoryKeyring]:
    """A keyring of this test's own, so that it can be emptied, locked or swapped."""
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture
def no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE, raising=False)


@pytest.fixture
def quick_keyring_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "KEYRING_TIMEOUT", 0.2)


def make(path: Path, passphrase: str = PASSPHRASE) -> None:
    """A new encrypted database at ``path`` with a provider in it, closed again."""
    db = open_database(path, recovery_passphrase=passphrase)
    with db.session() as session:
        session.add(Provider(name=f"Harbour Café {worlds.CANARY}"))
        session.commit()
    db.dispose()


def provider_names(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Provider.name)))


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --- what is on disk -----------------------------------------------------------------------------


@pytest.mark.usefixtures("no_env_passphrase")
def test_a_new_database_is_encrypted_and_plain_sqlite_cannot_read_it(
    tmp_path: Path, keyring_here: MemoryKeyring
) -> None:
    path = tmp_path / "careplan.db"
    make(path)

    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert worlds.CANARY.encode() not in data
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()

    key_file = json.loads((tmp_path / "careplan.db.key").read_text())
    assert stat.S_IMODE((tmp_path / "careplan.db.key").stat().st_mode) == 0o600
    database_id = key_file["database_id"]
    raw_key = keyring_here.secrets[(encryption.KEYRING_SERVICE, database_id)]
    assert len(bytes.fromhex(raw_key)) == 32
    assert raw_key not in json.dumps(key_file), "the key file holds the key only wrapped"
    assert key_file["kdf"]["name"] == "scrypt"
    assert key_file["cipher"] == "AES-256-GCM"

    db = open_database(path)  # from the keyring alone: no passphrase anywhere
    try:
        assert db.encrypted
        assert db.key_in_keyring
        assert provider_names(db) == [f"Harbour Café {worlds.CANARY}"]
        with db.session() as session:
            assert session.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY
            assert session.execute(text("PRAGMA cipher_version")).scalar()
    finally:
        db.dispose()


def test_two_databases_have_different_keys(tmp_path: Path, keyring_here: MemoryKeyring) -> None:
    make(tmp_path / "one.db")
    make(tmp_path / "two.db")
    keys = {
        value
        for (service, account), value in keyring_here.secrets.items()
        if service == encryption.KEYRING_SERVICE and not account.startswith("key-file:")
    }
    assert len(keys) == 2


@pytest.mark.usefixtures("no_env_passphrase")
def test_a_new_database_needs_a_recovery_passphrase(tmp_path: Path, keyring_here: MemoryKeyring) -> None:
    with pytest.raises(RecoveryPassphraseNeeded, match="needs a recovery passphrase"):
        open_database(tmp_path / "careplan.db")
    with pytest.raises(InvalidInput, match="at least 12 characters"):
        open_database(tmp_path / "careplan.db", recovery_passphrase="short")
    assert list(tmp_path.iterdir()) == []
    assert keyring_here.secrets == {}


@pytest.mark.usefixtures("no_env_passphrase", "quick_keyring_timeout")
@pytest.mark.parametrize(
    "backend", [fail.Keyring, LockedKeyring, HangingKeyring], ids=["no-keyring", "locked", "hanging"]
)
def test_without_a_keyring_a_new_database_keeps_its_key_only_wrapped(tmp_path: Path, backend: type) -> None:
    path = tmp_path / "careplan.db"
    with installed(backend()):
        db = open_database(path, recovery_passphrase=PASSPHRASE)
        try:
            assert db.encrypted
            assert not db.key_in_keyring
        finally:
            db.dispose()
        assert not path.read_bytes().startswith(b"SQLite format 3")
        with pytest.raises(DatabaseLocked):
            open_database(path)
        open_database(path, recovery_passphrase=PASSPHRASE).dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["careplan.db", "careplan.db.key"]


# --- failing closed --------------------------------------------------------------------------------


@pytest.mark.usefixtures("no_env_passphrase", "quick_keyring_timeout")
@pytest.mark.parametrize(
    ("backend", "reason", "phrase"),
    [
        (fail.Keyring, "missing", ": there is no keyring on this computer. It can be opened"),
        (LockedKeyring, "locked", "keyring is locked"),
        (HangingKeyring, "timeout", "did not answer within 0.2 seconds"),
        (MemoryKeyring, "absent", "does not have its key"),
    ],
    ids=["no-keyring", "locked", "hanging", "new-computer"],
)
def test_without_its_key_the_database_stays_shut_until_the_recovery_passphrase(
    tmp_path: Path, keyring_here: MemoryKeyring, backend: type, reason: str, phrase: str
) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    before = files(tmp_path)

    with installed(backend()):
        with pytest.raises(DatabaseLocked) as caught:
            open_database(path)
        assert caught.value.reason == reason
        assert phrase in caught.value.message
        assert "recovery passphrase" in caught.value.message
        assert "Traceback" not in caught.value.message
        assert ".." not in caught.value.message
        assert files(tmp_path) == before, "nothing was changed or left behind"

        with pytest.raises(WrongRecoveryPassphrase) as wrong:
            open_database(path, recovery_passphrase="not the right passphrase")
        assert wrong.value.message == "That recovery passphrase does not open this database."
        assert files(tmp_path) == before

        db = open_database(path, recovery_passphrase=PASSPHRASE)
        try:
            assert provider_names(db) == [f"Harbour Café {worlds.CANARY}"]
            assert not db.key_in_keyring
        finally:
            db.dispose()


@pytest.mark.usefixtures("no_env_passphrase")
def test_after_a_recovery_unlock_the_key_can_go_back_into_the_keyring(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    with installed(MemoryKeyring()):
        make(path)
    with installed(MemoryKeyring()) as new_computer:
        assert isinstance(new_computer, MemoryKeyring)
        db = open_database(path, recovery_passphrase=PASSPHRASE)
        try:
            db.remember_key()
            assert db.key_in_keyring
        finally:
            db.dispose()
        assert len(new_computer.secrets) == 2  # the key, and a copy of the key file
        open_database(path).dispose()  # the keyring alone opens it now


@pytest.mark.usefixtures("no_env_passphrase")
def test_a_key_that_does_not_fit_is_refused_and_the_passphrase_still_opens(
    tmp_path: Path, keyring_here: MemoryKeyring
) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    (entry,) = [e for e in keyring_here.secrets if not e[1].startswith("key-file:")]
    keyring_here.secrets[entry] = os.urandom(32).hex()

    with pytest.raises(DatabaseLocked, match="does not fit") as caught:
        open_database(path)
    assert caught.value.reason == "mismatch"
    open_database(path, recovery_passphrase=PASSPHRASE).dispose()


def test_a_wrong_key_cannot_read_the_file(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    wrong = encryption.DatabaseKey(os.urandom(32), "x", from_keyring=False)
    with pytest.raises(DatabaseLocked, match="does not open"):
        encryption.probe_key(path, wrong)


def test_a_damaged_database_is_still_the_damage_message(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    data = bytearray(path.read_bytes())
    data[200:4000] = os.urandom(3800)  # inside the first page: its authentication fails
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged") as caught:
        open_database(path)
    assert not isinstance(caught.value, DatabaseLocked)


@pytest.mark.parametrize(
    "spoil",
    [lambda p: p.write_text("{not json"), lambda p: p.write_text('{"format": "x"}')],
    ids=["not-json", "not-a-key-file"],
)
def test_a_missing_or_damaged_key_file_is_a_clear_error(tmp_path: Path, spoil: object) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    key_path = tmp_path / "careplan.db.key"
    spoil(key_path)  # type: ignore[operator]
    with pytest.raises(StorageError, match="key file") as caught:
        open_database(path)
    assert "Traceback" not in caught.value.message


def test_a_lost_key_file_is_put_back_from_the_keyring(tmp_path: Path, keyring_here: MemoryKeyring) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    key_path = tmp_path / "careplan.db.key"
    original = key_path.read_text()
    key_path.unlink()

    db = open_database(path)
    try:
        assert provider_names(db) == [f"Harbour Café {worlds.CANARY}"]
    finally:
        db.dispose()
    assert json.loads(key_path.read_text()) == json.loads(original)


def test_a_lost_key_file_without_the_keyring_copy_is_a_clear_error(
    tmp_path: Path, keyring_here: MemoryKeyring
) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    (tmp_path / "careplan.db.key").unlink()
    for entry in [e for e in keyring_here.secrets if e[1].startswith("key-file:")]:
        del keyring_here.secrets[entry]
    before = files(tmp_path)
    with pytest.raises(StorageError, match=r"its key file careplan\.db\.key is missing") as caught:
        open_database(path)
    assert "Traceback" not in caught.value.message
    assert files(tmp_path) == before


def test_the_keyring_copy_of_another_database_key_file_is_not_used(
    tmp_path: Path, keyring_here: MemoryKeyring
) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    (tmp_path / "careplan.db.key").unlink()
    account = next(e for e in keyring_here.secrets if e[1] == f"key-file:{path.resolve()}")
    other = tmp_path / "other.db"
    make(other)
    keyring_here.secrets[account] = encryption.export_key_file(other)  # another database's key file
    with pytest.raises(StorageError, match="is missing"):
        open_database(path)
    assert not (tmp_path / "careplan.db.key").exists()


def test_recorded_kdf_cost_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    key_path = tmp_path / "careplan.db.key"
    data = json.loads(key_path.read_text())
    data["kdf"]["log2_n"] = 40  # a key file that would make Careplan spend all memory
    key_path.write_text(json.dumps(data))
    with pytest.raises(StorageError, match="not a Careplan key file"):
        encryption.KeyFile.read(key_path)


@pytest.mark.timeout(60)
@pytest.mark.usefixtures("no_env_passphrase")
def test_a_key_file_asking_for_too_much_memory_or_time_is_refused_before_scrypt_runs(
    tmp_path: Path,
    keyring_here: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """log2_n=22, r=32, p=16 is inside each per-field limit, but scrypt would want 16 GiB and minutes:
    such a key file (an exported one, or a backup's) is refused before any key derivation."""
    from careplan.cli.main import main

    path = tmp_path / "careplan.db"
    make(path)
    key_path = tmp_path / "careplan.db.key"
    data = json.loads(key_path.read_text())
    data["kdf"].update(log2_n=22, r=32, p=16)
    costly = json.dumps(data)
    exported = tmp_path / "careplan-key.json"
    exported.write_text(costly)
    keyring_here.secrets.clear()  # a new computer: only the recovery passphrase can open it

    def scrypt_ran(*args: object, **kwargs: object) -> None:
        raise AssertionError("scrypt ran")

    monkeypatch.setattr("cryptography.hazmat.primitives.kdf.scrypt.Scrypt", scrypt_ran)
    monkeypatch.setenv(encryption.ENV_RECOVERY_PASSPHRASE, PASSPHRASE)
    assert main(["--database", str(path), "db", "key", "import", str(exported)]) == 3
    err = capsys.readouterr().err
    assert "careplan-key.json would need more memory or time to unlock than Careplan allows" in err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert keyring_here.secrets == {}

    key_path.write_text(costly)  # as the key file beside the database (or beside a backup)
    with pytest.raises(StorageError, match="more memory or time to unlock than Careplan allows"):
        open_database(path, recovery_passphrase=PASSPHRASE)
    for log2_n, r, p in ((21, 8, 1), (19, 32, 1), (17, 8, 16)):  # 2 GiB, 2 GiB, 128 MiB 16 times
        too_much = {**data["kdf"], "log2_n": log2_n, "r": r, "p": p}
        with pytest.raises(StorageError, match="more memory or time"):
            encryption.KeyFile.from_json(json.dumps({**data, "kdf": too_much}), source="a key file")


def test_key_files_well_above_careplans_own_cost_are_still_accepted() -> None:
    """Careplan's own cost (128 MiB, a few tenths of a second) and a good margin above it pass."""
    wrapped = encryption.KeyFile.wrap(bytes(32), PASSPHRASE, "0" * 32)
    data = json.loads(wrapped.to_json())
    for log2_n, r, p in ((17, 8, 1), (20, 8, 1), (17, 8, 8), (18, 16, 2)):
        data["kdf"].update(log2_n=log2_n, r=r, p=p)
        assert encryption.KeyFile.from_json(json.dumps(data), source="a key file").kdf["log2_n"] == log2_n


@pytest.mark.usefixtures("no_env_passphrase")
def test_a_keyring_failing_with_an_error_of_its_own_fails_closed_plainly_and_tidily(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some keyring backends raise errors of their own (D-Bus ones), outside keyring's errors: they
    are the keyring refusing, like any other: no traceback, no key file without its database."""
    from careplan.cli.main import main

    path = tmp_path / "careplan.db"
    with installed(OddErrorKeyring()):
        db = open_database(path, recovery_passphrase=PASSPHRASE)
        try:
            assert db.encrypted
            assert not db.key_in_keyring  # kept only wrapped, as when a keyring is locked
        finally:
            db.dispose()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["careplan.db", "careplan.db.key"]
        before = files(tmp_path)

        with pytest.raises(DatabaseLocked) as caught:
            open_database(path)
        assert caught.value.reason == "refused"
        assert "recovery passphrase" in caught.value.message
        assert main(["--database", str(path), "db", "info"]) == 3
        err = capsys.readouterr().err
        assert "keyring" in err
        assert "Traceback" not in err
        assert "ServiceUnknown" not in err
        open_database(path, recovery_passphrase=PASSPHRASE).dispose()
        assert files(tmp_path) == before

        other = tmp_path / "other"
        other.mkdir()
        monkeypatch.setenv(encryption.ENV_RECOVERY_PASSPHRASE, PASSPHRASE)
        assert main(["--database", str(other / "new.db"), "db", "upgrade"]) == 0
        made = sorted(p.name for p in other.iterdir() if not p.name.endswith(("-wal", "-shm")))
        assert made == ["new.db", "new.db.key"]
        capsys.readouterr()


@pytest.mark.usefixtures("no_env_passphrase")
def test_a_new_database_interrupted_while_its_key_is_stored_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    with installed(InterruptedKeyring()) as backend, pytest.raises(KeyboardInterrupt):
        open_database(path, recovery_passphrase=PASSPHRASE)
    assert list(tmp_path.iterdir()) == []
    assert isinstance(backend, InterruptedKeyring)
    assert backend.secrets == {}


# --- copies --------------------------------------------------------------------------------------


def test_connect_file_makes_copies_with_the_same_key(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    db = open_database(path)
    copy = tmp_path / "backup.db"
    try:
        source = db.connect_file(path)
        target = db.connect_file(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        assert not copy.read_bytes().startswith(b"SQLite format 3")
        assert worlds.CANARY.encode() not in copy.read_bytes()
        again = db.connect_file(copy)
        try:
            names = again.execute("SELECT name FROM providers").fetchall()
            assert names == [(f"Harbour Café {worlds.CANARY}",)]
        finally:
            again.close()
    finally:
        db.dispose()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copy).execute("SELECT * FROM sqlite_master").fetchall()


# --- converting a database made by an earlier, unencrypted version ---------------------------------


def make_plain_database(path: Path) -> worlds.World:
    """A plain (unencrypted) Careplan database, as earlier versions made: today's code, no key."""
    url = make_url(f"sqlite+pysqlite:///{path}")
    plain = Database(make_engine(url), url)
    try:
        upgrade_if_needed(plain)
        world = worlds.build_world(plain)
        with plain.session() as session:
            session.execute(text("PRAGMA wal_checkpoint(PASSIVE)"))
    finally:
        plain.dispose()
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert worlds.CANARY.encode() in path.read_bytes()
    return world


@pytest.mark.usefixtures("no_env_passphrase")
def test_an_old_plain_database_is_encrypted_in_place(tmp_path: Path, keyring_here: MemoryKeyring) -> None:
    path = tmp_path / "careplan.db"
    world = make_plain_database(path)
    with sqlite3.connect(path) as plain:
        before = {
            name: plain.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for (name,) in plain.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    plain.close()

    with pytest.raises(RecoveryPassphraseNeeded, match="made by an earlier version"):
        open_database(path)
    assert path.read_bytes().startswith(b"SQLite format 3"), "nothing changed without a passphrase"

    db = open_database(path, recovery_passphrase=PASSPHRASE)
    try:
        with db.session() as session:
            person = session.get(Person, world.person_id)
            assert person is not None
            assert worlds.CANARY in person.full_name
        assert db.converted_copy is not None
        kept = db.converted_copy
        reader = db.connect_file(path)
        try:
            after = {name: reader.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in before}
        finally:
            reader.close()
    finally:
        db.dispose()
    assert after == before
    # Nothing in plain text is left in the folder: not the database, not the kept copy, no leftovers.
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(["careplan.db", "careplan.db.key", kept.name]), names
    assert kept.name.startswith("careplan.db.before-encryption-")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    for file in tmp_path.iterdir():
        assert worlds.CANARY.encode() not in file.read_bytes(), file.name
        assert not file.read_bytes().startswith(b"SQLite format 3"), file.name
    # The kept copy opens with the same key (restore it by putting it in the database's place).
    open_database(path).dispose()
    kept.replace(path)
    again = open_database(path)
    try:
        with again.session() as session:
            assert session.get(Person, world.person_id) is not None
    finally:
        again.dispose()


def test_another_programs_sqlite_file_is_left_alone(tmp_path: Path, keyring_here: MemoryKeyring) -> None:
    path = tmp_path / "contacts.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE contacts (name TEXT)")
        other.execute("INSERT INTO contacts VALUES ('Someone')")
    other.close()
    before = files(tmp_path)
    with pytest.raises(StorageError, match="not a Careplan one"):
        open_database(path, recovery_passphrase=PASSPHRASE)
    assert files(tmp_path) == before
    assert keyring_here.secrets == {}


def test_a_damaged_plain_database_is_not_converted(tmp_path: Path, keyring_here: MemoryKeyring) -> None:
    path = tmp_path / "careplan.db"
    make_plain_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = files(tmp_path)
    with pytest.raises(StorageError, match="damaged"):
        open_database(path, recovery_passphrase=PASSPHRASE)
    assert files(tmp_path) == before
    assert keyring_here.secrets == {}


# --- moving to a new computer: export and import of the wrapped key --------------------------------


def careplan(*args: str, keyring_file: Path, passphrase: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING"))}
    env.update(subprocess_env(keyring_file))
    env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))
    if passphrase is not None:
        env[encryption.ENV_RECOVERY_PASSPHRASE] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "careplan", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_moving_to_a_new_computer_with_export_and_import(tmp_path: Path) -> None:
    old_pc, new_pc = tmp_path / "old-keyring.json", tmp_path / "new-keyring.json"
    path = tmp_path / "careplan.db"
    made = careplan("--database", str(path), "db", "upgrade", keyring_file=old_pc, passphrase=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    # A real (production-cost) key derivation was recorded by the command.
    assert json.loads((tmp_path / "careplan.db.key").read_text())["kdf"]["log2_n"] >= 17

    exported = tmp_path / "usb" / "careplan-key.json"
    exported.parent.mkdir()
    out = careplan(
        "--database", str(path), "db", "key", "export", str(exported), keyring_file=old_pc, passphrase=None
    )
    assert out.returncode == 0, out.stderr
    assert "useless without the recovery passphrase" in out.stdout
    assert json.loads(exported.read_text())["database_id"]
    (raw_key,) = [v for k, v in json.loads(old_pc.read_text()).items() if "/key-file:" not in k]
    assert raw_key not in exported.read_text()

    # On the new computer (an empty keyring), the database does not open...
    shut = careplan("--database", str(path), "db", "info", keyring_file=new_pc, passphrase=None)
    assert shut.returncode == 3
    assert "does not have its key" in shut.stderr
    assert "CAREPLAN_RECOVERY_PASSPHRASE" in shut.stderr
    assert "Traceback" not in shut.stderr
    # ...a wrong passphrase does not import the key...
    wrong = careplan(
        "--database",
        str(path),
        "db",
        "key",
        "import",
        str(exported),
        keyring_file=new_pc,
        passphrase="wrong passphrase!",
    )
    assert wrong.returncode == 3
    assert "That recovery passphrase does not open this database." in wrong.stderr
    assert not new_pc.exists() or json.loads(new_pc.read_text()) == {}
    # ...the right one does, and from then on the keyring alone opens it.
    imported = careplan(
        "--database",
        str(path),
        "db",
        "key",
        "import",
        str(exported),
        keyring_file=new_pc,
        passphrase=PASSPHRASE,
    )
    assert imported.returncode == 0, imported.stderr
    info = careplan("--database", str(path), "db", "info", keyring_file=new_pc, passphrase=None)
    assert info.returncode == 0, info.stderr
    assert "Encrypted: yes" in info.stdout


def test_importing_the_key_of_another_database_is_refused(tmp_path: Path) -> None:
    make(tmp_path / "one.db")
    make(tmp_path / "two.db")
    other = encryption.export_key_file(tmp_path / "two.db")
    with pytest.raises(DatabaseLocked, match="does not open"):
        encryption.import_key_file(tmp_path / "one.db", other, PASSPHRASE, source="two.db.key")


@pytest.mark.usefixtures("no_env_passphrase")
def test_a_demo_database_gets_the_documented_demo_passphrase(tmp_path: Path) -> None:
    from careplan.cli.commands import DEMO_RECOVERY_PASSPHRASE

    keyring_file = tmp_path / "keyring.json"
    path = tmp_path / "demo.db"
    demo = careplan(
        "--database", str(path), "demo", "--people", "3", keyring_file=keyring_file, passphrase=None
    )
    assert demo.returncode == 0, demo.stderr
    assert DEMO_RECOVERY_PASSPHRASE in demo.stdout
    assert DEMO_RECOVERY_PASSPHRASE in (REPO / "README.md").read_text(), "the README names it"
    keyring_file.unlink()  # the keyring forgets: the demo passphrase opens it
    with installed(FileKeyring(tmp_path / "empty.json")):
        open_database(path, recovery_passphrase=DEMO_RECOVERY_PASSPHRASE).dispose()


# --- PostgreSQL: the password in the keyring --------------------------------------------------------


def test_a_postgresql_password_comes_from_the_keyring(keyring_here: MemoryKeyring) -> None:
    url = make_url("postgresql+psycopg://careplan@db.example:5432/careplan?sslmode=require")
    assert with_keyring_password(url) == url  # nothing kept yet
    account = set_postgres_password(str(url), "s3cret pass")
    assert account == "postgresql+psycopg://careplan@db.example:5432/careplan"
    assert keyring_here.secrets == {(POSTGRES_KEYRING_SERVICE, account): "s3cret pass"}
    found = with_keyring_password(url)
    assert found.password == "s3cret pass"
    assert found.query == {"sslmode": "require"}, "TLS settings pass through"
    given = url.set(password="typed")
    assert with_keyring_password(given).password == "typed"
    assert postgres_account(make_url("postgresql://careplan@db.example:5432/careplan")) != account


@pytest.mark.usefixtures("quick_keyring_timeout")
def test_a_postgresql_address_still_works_when_the_keyring_does_not(keyring_here: MemoryKeyring) -> None:
    url = make_url("postgresql+psycopg://careplan@db.example/careplan")
    with installed(HangingKeyring()):
        assert with_keyring_password(url) == url


def test_set_password_is_only_for_postgresql(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="Only a PostgreSQL address"):
        set_postgres_password(str(tmp_path / "x.db"), "pw")


def test_set_password_command(tmp_path: Path) -> None:
    keyring_file = tmp_path / "keyring.json"
    url = "postgresql://careplan@db.example/careplan"
    env_password = {"CAREPLAN_DATABASE_PASSWORD": "from the environment"}
    result = subprocess.run(
        [sys.executable, "-m", "careplan", "--database", url, "db", "set-password"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING"))},
            **subprocess_env(keyring_file),
            **env_password,
            "PYTHONPATH": os.pathsep.join((str(REPO / "src"), str(REPO))),
        },
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "from the environment" not in result.stdout
    account = f"{POSTGRES_KEYRING_SERVICE}/postgresql+psycopg://careplan@db.example/careplan"
    assert json.loads(keyring_file.read_text()) == {account: "from the environment"}


def test_connect_file_opens_a_file_read_only_through_a_uri(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    make(path)
    db = open_database(path)
    try:
        reader = db.connect_file(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1.0)
        try:
            assert reader.execute("SELECT count(*) FROM providers").fetchone() == (1,)
            with pytest.raises(encryption.dbapi().OperationalError, match="readonly"):
                reader.execute("INSERT INTO providers (name) VALUES ('x')")
        finally:
            reader.close()
    finally:
        db.dispose()
