"""Online backup and restore: a checked copy while the app writes, and a restore that refuses
anything it cannot trust, changes nothing when it refuses, and keeps the current database aside.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.domain.actor import PERSON, Actor
from careplan.domain.errors import (
    NotForPostgres,
    PermissionDenied,
    SignInRefused,
    StorageError,
    UnusableBackup,
)
from careplan.domain.records import Person
from careplan.services import backup, backup_manifest, people, plans, record_access, restore
from careplan.services.audit_anchors import verify_audit_trail
from careplan.services.people_search import PeopleQuery, search_people
from careplan.storage import backup_files, backup_keys, encryption
from careplan.storage.database import Database
from careplan.storage.migrate import head_revision
from careplan.storage.opener import open_database
from tests import keyring_memory, old_schema, sqlite_files
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.services.test_audit_person import as_written_before_0006
from tests.stored import audit_count, snapshot
from tests.worlds import CANARY, World, build_world, goal

Made = tuple[Path, World]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Made:
    path = tmp_path_factory.mktemp("backup-world") / "careplan.db"
    db = open_database(path)
    try:
        world = build_world(db)
        give_everyone_a_password(db)  # restoring signs in
        people.write_about_me(db, world.team.key_worker, world.person_id, "hopes", f"A flat {CANARY}", PERSON)
    finally:
        db.dispose()
    return path, world


@pytest.fixture
def live(template: Made, tmp_path: Path) -> Iterator[tuple[Database, World]]:
    """A private copy of the world, open as the app would have it."""
    source, world = template
    folder = tmp_path / "data"
    folder.mkdir()
    sqlite_files.copy(source, folder / "careplan.db")
    db = open_database(folder / "careplan.db")
    yield db, world
    db.dispose()


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def integrity(path: Path) -> list[tuple[str, ...]]:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        return [tuple(r) for r in connection.execute("PRAGMA integrity_check")]


def goal_count(path: Path) -> int:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM goals").fetchone()[0])


# --- backing up -------------------------------------------------------------------------------


def test_a_backup_taken_while_another_workstation_writes_is_one_consistent_checked_moment(
    live: tuple[Database, World], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, world = live
    other = open_database(db.path)  # a second workstation, saving all through the copy
    monkeypatch.setattr(backup_files, "STEP_PAGES", 1)  # one page per step: many steps to write between
    goals_before = goal_count(db.path)  # type: ignore[arg-type]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) % 5 == 0:
            plans.add_goal(other, world.team.key_worker, world.version_id, goal(f"Goal {len(seen)}"))

    try:
        result = backup.backup_database(db, world.team.manager, tmp_path / "during.careplan-backup", progress)
    finally:
        other.dispose()
    written_during = goal_count(db.path) - goals_before  # type: ignore[arg-type]
    assert written_during >= 3, "the other workstation did not get to write during the copy"
    assert len(seen) > 10
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1][0] == seen[-1][1]
    assert integrity(result.path) == [("ok",)]
    # The copy is the database as it was when the copy began: none of the goals written during it.
    assert goal_count(result.path) == goals_before
    assert result.manifest.counts["goals"] == goals_before
    assert result.manifest.counts["people"] == 1
    assert oct(result.path.stat().st_mode & 0o777) == oct(0o600)
    assert not [n for n in files_in(tmp_path) if n.endswith(".partial")]


def test_the_backup_is_one_self_contained_file_with_a_manifest_and_no_personal_text(
    live: tuple[Database, World], tmp_path: Path
) -> None:
    db, world = live
    events_before = audit_count(db)
    result = backup.backup_database(db, world.team.administrator, tmp_path / "b.careplan-backup")
    assert files_in(tmp_path) >= {"b.careplan-backup"}
    assert not {"b.careplan-backup-wal", "b.careplan-backup-journal"} & files_in(tmp_path)
    manifest = backup_manifest.read_manifest(result.path)
    assert manifest == result.manifest
    assert manifest.schema_revision
    text = manifest.to_json()
    assert CANARY not in text
    assert "Dee" not in text
    # The backup was audited before it was taken, so the copy holds its own event.
    assert audit_count(db) == events_before + 1
    assert result.manifest.counts["audit_events"] == events_before + 1
    with contextlib.closing(sqlite_files.connect(result.path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("exists.careplan-backup", "already exists"),
        ("no-such-folder/b.careplan-backup", "does not exist"),
        ("a-folder", "is a folder"),
        ("data/careplan.db", "over the database itself"),
    ],
)
def test_a_backup_refuses_a_target_it_must_not_write(
    live: tuple[Database, World], tmp_path: Path, name: str, phrase: str
) -> None:
    db, world = live
    (tmp_path / "exists.careplan-backup").write_bytes(b"an earlier backup")
    (tmp_path / "a-folder").mkdir()
    before, files_before = snapshot(db), files_in(tmp_path)
    with pytest.raises(StorageError, match=phrase):
        backup.backup_database(db, world.team.manager, tmp_path / name)
    assert snapshot(db) == before
    assert files_in(tmp_path) == files_before
    assert (tmp_path / "exists.careplan-backup").read_bytes() == b"an earlier backup"


def test_a_backup_of_a_database_whose_audit_trail_was_tampered_with_is_refused(
    live: tuple[Database, World], tmp_path: Path
) -> None:
    db, world = live
    with contextlib.closing(sqlite_files.connect(db.path)) as connection:  # type: ignore[arg-type]
        connection.execute("UPDATE audit_events SET action = 'nothing' WHERE id = 3")
        connection.commit()
    with pytest.raises(StorageError, match="audit trail is broken"):
        backup.backup_database(db, world.team.manager, tmp_path / "b.careplan-backup")
    assert not [n for n in files_in(tmp_path) if "careplan-backup" in n]


def test_automatic_backups_keep_the_newest(live: tuple[Database, World], tmp_path: Path) -> None:
    db, world = live
    assert db.path is not None
    folder = backup.backups_folder(db.path)
    folder.mkdir()
    made = []
    for _ in range(4):
        target = backup.automatic_backup_path(db.path)
        made.append(backup.backup_database(db, world.team.manager, target).path)
    removed = backup.prune_backups(folder, 2)
    assert sorted(removed) == sorted(made[:2])
    # Each backup carries its key file (the key wrapped by the recovery passphrase): pruned with it.
    assert sorted(folder.iterdir()) == sorted([*made[2:], *(encryption.key_file_for(m) for m in made[2:])])
    assert backup.latest_backup(db.path) == made[-1]


# --- restoring --------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_keeps_the_current_aside_and_records_it(
    live: tuple[Database, World], tmp_path: Path
) -> None:
    db, world = live
    assert db.path is not None
    made = backup.backup_database(db, world.team.manager, tmp_path / "b.careplan-backup")
    backup_bytes = made.path.read_bytes()
    in_backup = snapshot(db)
    later = plans.add_goal(db, world.team.key_worker, world.version_id, goal("Written after the backup"))
    result = restore.restore_database(db.path, world.team.administrator, made.path)

    assert made.path.read_bytes() == backup_bytes  # the backup itself is never changed
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k not in ("audit_events", "audit_head")} == {
        k: v for k, v in in_backup.items() if k not in ("audit_events", "audit_head")
    }
    assert after["audit_events"][: len(in_backup["audit_events"])] == in_backup["audit_events"]
    events = after["audit_events"][len(in_backup["audit_events"]) :]
    assert [(e[2], e[3], e[4]) for e in events] == [
        (world.team.administrator.staff_id, "restore", "database")
    ]
    assert verify_audit_trail(db, world.team.manager).intact
    assert integrity(db.path) == [("ok",)]
    # What was written after the backup is not lost: it is in the copy kept aside.
    aside, aside_key = result.kept_aside
    assert aside.name.startswith("careplan.db.before-restore-")
    assert aside_key == encryption.key_file_for(aside)
    with contextlib.closing(sqlite_files.connect(aside)) as connection:
        assert connection.execute("SELECT count(*) FROM goals WHERE id = ?", (later,)).fetchone() == (1,)
    assert "careplan_backup" not in _tables(db.path)
    assert not result.replaced_damaged


def _tables(path: Path) -> set[str]:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _tamper(path: Path, *statements: str) -> None:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


BadBackup = Callable[[Path, Path], Path]


def _random_bytes(made: Path, folder: Path) -> Path:
    target = folder / "random.careplan-backup"
    target.write_bytes(os.urandom(20_000))
    return target


def _with_key_file(made: Path, target: Path) -> Path:
    shutil.copyfile(encryption.key_file_for(made), encryption.key_file_for(target))
    return target


def _truncated(made: Path, folder: Path) -> Path:
    target = folder / "truncated.careplan-backup"
    data = made.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return _with_key_file(made, target)


def _zeroed_pages(made: Path, folder: Path) -> Path:
    target = folder / "zeroed.careplan-backup"
    data = bytearray(made.read_bytes())
    data[4096 * 3 : 4096 * 9] = bytes(4096 * 6)
    target.write_bytes(bytes(data))
    return _with_key_file(made, target)


def _flipped_byte(made: Path, folder: Path) -> Path:
    """One byte of the encrypted file changed: SQLCipher's page check sees it."""
    target = folder / "flipped.careplan-backup"
    data = bytearray(made.read_bytes())
    data[4096 * 2 + 100] ^= 0x01
    target.write_bytes(bytes(data))
    return _with_key_file(made, target)


def _newer_schema(made: Path, folder: Path) -> Path:
    target = folder / "newer.careplan-backup"
    sqlite_files.copy(made, target)
    _tamper(target, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    return target


def _broken_chain(made: Path, folder: Path) -> Path:
    target = folder / "tampered.careplan-backup"
    sqlite_files.copy(made, target)
    # Without its manifest (like a copy kept aside before an upgrade), only the chain can tell.
    _tamper(target, "DELETE FROM audit_events WHERE id = 2", "DROP TABLE careplan_backup")
    return target


def _not_careplan(made: Path, folder: Path) -> Path:
    """Another program's (plain) SQLite file."""
    import sqlite3

    target = folder / "other.careplan-backup"
    with contextlib.closing(sqlite3.connect(target)) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('soup')")
        connection.commit()
    return target


def _changed_words(made: Path, folder: Path) -> Path:
    """One letter of what someone wrote, changed through the key (the file itself cannot be
    changed unseen: SQLCipher checks every page): only the manifest's fingerprint can tell."""
    target = folder / "changed.careplan-backup"
    sqlite_files.copy(made, target)
    _tamper(target, f"UPDATE texts SET body = replace(body, 'A flat {CANARY}', 'X flat {CANARY}')")
    assert integrity(target) == [("ok",)]
    return target


def _damaged_manifest(made: Path, folder: Path) -> Path:
    target = folder / "manifest.careplan-backup"
    sqlite_files.copy(made, target)
    _tamper(target, "UPDATE careplan_backup SET manifest = '{not json'")
    return target


def _empty_file(made: Path, folder: Path) -> Path:
    target = folder / "empty.careplan-backup"
    target.write_bytes(b"")
    return target


@pytest.mark.parametrize(
    ("make_bad", "phrase"),
    [
        (_random_bytes, "not a Careplan backup, or it is damaged"),
        (_truncated, "damaged"),
        (_zeroed_pages, "damaged"),
        (_flipped_byte, "damaged"),
        (_newer_schema, "newer version of Careplan"),
        (_broken_chain, "audit trail is broken"),
        (_not_careplan, "not a Careplan backup"),
        (_empty_file, "not a Careplan backup"),
        (_changed_words, "changed or damaged since it was made"),
        (_damaged_manifest, "list of contents cannot be read"),
    ],
)
def test_restore_refuses_a_backup_it_cannot_trust_and_changes_nothing(
    live: tuple[Database, World], tmp_path: Path, make_bad: BadBackup, phrase: str
) -> None:
    db, world = live
    assert db.path is not None
    made = backup.backup_database(db, world.team.manager, tmp_path / "good.careplan-backup")
    bad = make_bad(made.path, tmp_path)
    bad_bytes = bad.read_bytes()
    before, data_files = snapshot(db), files_in(db.path.parent)
    with pytest.raises(UnusableBackup) as refused:
        restore.restore_database(db.path, world.team.administrator, bad)
    assert phrase in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert snapshot(db) == before
    assert files_in(db.path.parent) == data_files  # no copy left behind, nothing kept aside
    assert bad.read_bytes() == bad_bytes


def test_a_copy_kept_aside_before_an_upgrade_restores_and_is_left_as_it_was(
    live: tuple[Database, World], tmp_path: Path
) -> None:
    db, world = live
    assert db.path is not None
    kept = db.copy_aside("before-upgrade-from-0001")  # a WAL-mode copy, no manifest, no key file
    kept_bytes = kept.read_bytes()
    assert backup.latest_backup(db.path) == kept
    files = files_in(db.path.parent)
    result = restore.restore_database(db.path, world.team.administrator, kept)
    assert result.manifest is None
    assert kept.read_bytes() == kept_bytes
    # No -wal/-shm beside it: the copy kept aside, and its key file.
    assert files_in(db.path.parent) - files == {p.name for p in result.kept_aside}
    assert len(result.kept_aside) == 2
    assert verify_audit_trail(db, world.team.manager).intact


def test_restore_brings_an_older_backup_up_to_date(live: tuple[Database, World], tmp_path: Path) -> None:
    db, world = live
    assert db.path is not None
    as_written_before_0006(db)  # a trail hashed without the person, as before 0006
    made = backup.backup_database(db, world.team.manager, tmp_path / "b.careplan-backup")
    # Made at 0001: nothing any later migration added, and before backups had a manifest.
    _tamper(made.path, *old_schema.back_to("0001"), "DROP TABLE careplan_backup")
    result = restore.restore_database(db.path, world.team.administrator, made.path)
    assert result.upgraded
    with contextlib.closing(sqlite_files.connect(db.path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        indexes = {r[1] for r in connection.execute("PRAGMA index_list('plan_versions')")}
        audit_indexes = {r[1] for r in connection.execute("PRAGMA index_list('audit_events')")}
    assert "ix_plan_versions_frozen_sha256" in indexes
    assert "ix_audit_events_entity_entity_id" in audit_indexes
    assert "ix_audit_events_person_id" in audit_indexes
    assert verify_audit_trail(db, world.team.manager).intact
    # The words people are found by were made again from their names (0005).
    with db.session() as session:
        person = session.get(Person, world.person_id)
        assert person is not None
        typed = f"{person.preferred_name} {person.full_name} {person.reference}"
    found = search_people(db, world.team.key_worker, PeopleQuery(text=typed))
    assert [row.person_id for row in found] == [world.person_id]
    # The upgrade named the person of the events from before it.
    seen = record_access.record_access(db, world.team.manager, world.person_id)
    assert {"Added the person to Careplan", "Added a goal", "Chose a service"} <= {e.what for e in seen}


def test_only_an_administrator_in_the_current_database_and_in_the_backup_may_restore(
    live: tuple[Database, World], tmp_path: Path
) -> None:
    db, world = live
    assert db.path is not None
    from careplan.domain.enums import Role
    from careplan.services import staff

    made = backup.backup_database(db, world.team.manager, tmp_path / "b.careplan-backup")
    # Made an administrator after the backup: not one in the backup, so it may not restore it.
    newcomer = staff.add_staff(db, world.team.administrator, "nia", "Nia New", Role.ADMINISTRATOR)
    before = snapshot(db)
    with pytest.raises(PermissionDenied, match="administrator named in the backup"):
        restore.restore_database(db.path, Actor(newcomer), made.path)
    with pytest.raises(PermissionDenied):
        restore.restore_database(db.path, world.team.manager, made.path)
    assert snapshot(db) == before
    assert not [
        n
        for n in files_in(db.path.parent)
        if n not in ("careplan.db", "careplan.db.key") and not n.startswith("careplan.db-")
    ]


def test_restore_on_a_new_machine_with_no_database_yet(
    template: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, world = template
    sqlite_files.copy(source, tmp_path / "old.db")
    db = open_database(tmp_path / "old.db")
    try:
        made = backup.backup_database(db, world.team.manager, tmp_path / "b.careplan-backup")
    finally:
        db.dispose()
    fresh = tmp_path / "new-machine" / "careplan.db"
    fresh.parent.mkdir()
    # The new machine's keyring knows nothing of the backup's key: the recovery passphrase opens it.
    with keyring_memory.installed(keyring_memory.MemoryKeyring()), monkeypatch.context() as env:
        env.delenv(encryption.ENV_RECOVERY_PASSPHRASE)
        assert restore.database_state(fresh) == "missing"
        with pytest.raises(encryption.DatabaseLocked, match="recovery passphrase"):
            restore.actor_for_restore(fresh, made.path, "ada", TEAM_PASSWORD)
        with pytest.raises(encryption.WrongRecoveryPassphrase):
            restore.actor_for_restore(
                fresh, made.path, "ada", TEAM_PASSWORD, recovery_passphrase="not the passphrase"
            )
        with pytest.raises(PermissionDenied):
            restore.restore_database(
                fresh, world.team.key_worker, made.path, recovery_passphrase=TEST_RECOVERY_PASSPHRASE
            )
        assert not fresh.exists()
        admin = restore.actor_for_restore(
            fresh, made.path, "ada", TEAM_PASSWORD, recovery_passphrase=TEST_RECOVERY_PASSPHRASE
        )
        result = restore.restore_database(fresh, admin, made.path, backup_passphrase=TEST_RECOVERY_PASSPHRASE)
        assert result.kept_aside == []
        assert sorted(p.name for p in fresh.parent.iterdir()) == ["careplan.db", "careplan.db.key"]
        # The restored key went into this keyring: the database opens without the passphrase.
        assert restore.database_state(fresh) == "healthy"
        db = open_database(fresh)
        try:
            assert verify_audit_trail(db, world.team.manager).intact
        finally:
            db.dispose()


# --- a damaged database -----------------------------------------------------------------------


def _garbage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"GARBAGE-GARBAGE!"
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _zero_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 12] = bytes(4096 * 11)
    path.write_bytes(bytes(data))


DAMAGE = [
    pytest.param(_garbage_header, id="garbage-header"),
    pytest.param(_truncate, id="truncated"),
    pytest.param(_zero_pages, id="zeroed-pages"),
]


def damaged_with_backup(
    template: Made, folder: Path, damage: Callable[[Path], None]
) -> tuple[Path, Path, World]:
    source, world = template
    path = folder / "careplan.db"
    sqlite_files.copy(source, path)
    db = open_database(path)
    try:
        backups = backup.backups_folder(path)
        backups.mkdir()
        made = backup.backup_database(db, world.team.manager, backup.automatic_backup_path(path)).path
    finally:
        db.dispose()
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    damage(path)
    return path, made, world


@pytest.mark.parametrize("damage", DAMAGE)
def test_an_administrator_restores_over_a_damaged_database_by_the_backups_own_staff_list(
    template: Made, tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    path, made, world = damaged_with_backup(template, tmp_path, damage)
    damaged_bytes = path.read_bytes()
    assert restore.database_state(path) == "damaged"
    assert backup.latest_backup(path) == made
    with pytest.raises(PermissionDenied, match="administrator named in the backup"):
        restore.restore_database(path, world.team.manager, made)
    assert path.read_bytes() == damaged_bytes
    with pytest.raises(SignInRefused, match="do not match an account in the backup"):
        restore.actor_for_restore(path, made, "nobody", TEAM_PASSWORD)
    with pytest.raises(SignInRefused, match="do not match an account in the backup"):
        restore.actor_for_restore(path, made, "ada", "not the password at all")
    assert path.read_bytes() == damaged_bytes
    admin = restore.actor_for_restore(path, made, "ada", TEAM_PASSWORD)
    assert admin == world.team.administrator

    result = restore.restore_database(path, admin, made)

    assert result.replaced_damaged
    assert result.kept_aside[0].read_bytes() == damaged_bytes  # the damaged file is kept, as it was
    assert encryption.key_file_for(result.kept_aside[0]) in result.kept_aside  # with its key file
    assert restore.database_state(path) == "healthy"
    db = open_database(path)
    try:
        assert verify_audit_trail(db, world.team.manager).intact
        assert people.register_person(db, world.team.key_worker, people.PersonDetails("Ali", "Ali Khan")) > 0
    finally:
        db.dispose()


def test_a_backup_from_before_passwords_cannot_sign_anyone_in_over_a_damaged_database(
    template: Made, tmp_path: Path
) -> None:
    path, made, _world = damaged_with_backup(template, tmp_path, _zero_pages)
    _tamper(made, *(f"ALTER TABLE staff DROP COLUMN {c}" for c in ("password_hash", "password_changed_at")))
    damaged_bytes = path.read_bytes()
    with pytest.raises(SignInRefused, match="made before Careplan had passwords") as refused:
        restore.actor_for_restore(path, made, "ada", TEAM_PASSWORD)
    assert "Nothing was changed" in refused.value.message
    assert path.read_bytes() == damaged_bytes


@pytest.mark.parametrize("damage", DAMAGE)
def test_the_command_line_names_the_latest_backup_and_the_restore_command(
    template: Made,
    tmp_path: Path,
    damage: Callable[[Path], None],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, made, _world = damaged_with_backup(template, tmp_path, damage)
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    for command in (["plans"], ["db", "info"], ["audit", "verify"], ["backup"]):
        code = main(["--database", str(path), *command])
        err = capsys.readouterr().err
        assert code == 3, (command, err)
        assert "damaged" in err
        assert "Traceback" not in err
        assert f"The latest backup is {made}" in err, err
        assert "careplan --database" in err
        assert f"restore {made}" in err
    monkeypatch.setenv("CAREPLAN_PASSWORD", "not the password at all")
    assert main(["--database", str(path), "--user", "ada", "restore", str(made)]) == 13
    assert "do not match an account in the backup" in capsys.readouterr().err
    assert restore.database_state(path) == "damaged"
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    code = main(["--database", str(path), "--user", "ada", "restore", str(made)])
    out = capsys.readouterr().out
    assert code == 0
    assert "damaged database is kept at" in out
    assert main(["--database", str(path), "--user", "priya", "audit", "verify"]) == 0


def test_a_damaged_database_without_a_backup_says_whom_to_ask(
    template: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "careplan.db"
    sqlite_files.copy(template[0], path)
    _garbage_header(path)
    assert main(["--database", str(path), "plans"]) == 3
    err = capsys.readouterr().err
    assert "There is no backup of it in" in err
    assert "Ask your administrator" in err


# --- the command line -------------------------------------------------------------------------


def test_backup_and_restore_from_the_command_line(
    live: tuple[Database, World],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, _world = live
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    monkeypatch.delenv("CAREPLAN_USER", raising=False)
    assert db.path is not None
    database = ["--database", str(db.path)]
    target = tmp_path / "nightly.careplan-backup"
    assert main([*database, "--user", "sam", "backup", str(target)]) == 4  # key workers may not
    assert not target.exists()
    assert main([*database, "--user", "priya", "backup", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"Backup written to {target}" in out
    assert "1 people" in out or "1 person" in out
    assert main([*database, "backup", "--keep", "2"]) == 13  # nobody signed in
    assert main([*database, "--user", "priya", "backup", "--keep", "2"]) == 0
    assert main([*database, "backup", str(target), "--keep", "2"]) == 2
    assert main([*database, "--user", "priya", "restore", str(target)]) == 4  # managers may not
    assert main([*database, "restore", str(target)]) == 13  # nobody named: nobody signed in
    junk = tmp_path / "junk.careplan-backup"
    junk.write_bytes(b"\x00" * 5000)
    assert main([*database, "--user", "ada", "restore", str(junk)]) == 14
    capsys.readouterr()
    assert main([*database, "--user", "ada", "restore", str(target)]) == 0
    assert "Restored nightly.careplan-backup" in capsys.readouterr().out


def test_postgresql_backups_are_pg_dumps_job(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = "postgresql+psycopg://careplan@127.0.0.1:1/careplan"
    assert main(["--database", url, "backup", str(tmp_path / "b")]) == 15
    assert "pg_dump" in capsys.readouterr().err
    assert main(["--database", url, "--user", "ada", "restore", str(tmp_path / "b")]) == 15
    assert "pg_restore" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.postgres
def test_backup_and_restore_use_cases_refuse_postgresql(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from tests import pg_server

    url = pg_server.fresh_database_url(request)
    db = open_database(url)
    try:
        world = build_world(db)
        before = snapshot(db)
        with pytest.raises(NotForPostgres, match="pg_dump"):
            backup.backup_database(db, world.team.administrator, tmp_path / "b.careplan-backup")
        with pytest.raises(NotForPostgres, match="pg_restore"):
            restore.restore_database(url, world.team.administrator, tmp_path / "b.careplan-backup")
        assert snapshot(db) == before
    finally:
        db.dispose()
    assert not list(tmp_path.iterdir())


def _plain_copy(made: Path, target: Path) -> Path:
    """The backup as an earlier, unencrypted version of Careplan made it."""
    with contextlib.closing(sqlite_files.connect(made, isolation_level=None)) as connection:
        connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
    assert encryption.file_kind(target) == "plain"
    return target


def test_a_backup_made_before_encryption_restores_encrypted(
    live: tuple[Database, World], tmp_path: Path
) -> None:
    db, world = live
    assert db.path is not None
    made = backup.backup_database(db, world.team.manager, tmp_path / "b.careplan-backup")
    plain = _plain_copy(made.path, tmp_path / "old.careplan-backup")
    in_backup = snapshot(db)
    plans.add_goal(db, world.team.key_worker, world.version_id, goal("Written after the backup"))
    key_file = encryption.key_file_for(db.path).read_bytes()

    result = restore.restore_database(db.path, world.team.administrator, plain)

    assert result.manifest == made.manifest
    assert encryption.file_kind(db.path) == "encrypted"
    assert encryption.key_file_for(db.path).read_bytes() == key_file  # the database keeps its key
    assert snapshot(db)["goals"] == in_backup["goals"]
    assert verify_audit_trail(db, world.team.manager).intact

    # Onto a new machine: the restored database needs a new key, and so a recovery passphrase.
    fresh = tmp_path / "new-machine" / "careplan.db"
    fresh.parent.mkdir()
    result = restore.restore_database(
        fresh, world.team.administrator, plain, recovery_passphrase="a new recovery passphrase"
    )
    assert encryption.file_kind(fresh) == "encrypted"
    assert sorted(p.name for p in fresh.parent.iterdir()) == ["careplan.db", "careplan.db.key"]
    assert encryption.KeyFile.read(encryption.key_file_for(fresh)).unwrap("a new recovery passphrase")
    restored = open_database(fresh)
    try:
        assert verify_audit_trail(restored, world.team.manager).intact
    finally:
        restored.dispose()


def test_restoring_on_a_new_machine_from_the_command_line_asks_for_the_backups_passphrase(
    live: tuple[Database, World],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.cli.test_recovery_prompt import Terminal

    db, _world = live
    made = backup.backup_database(db, _world.team.manager, tmp_path / "b.careplan-backup")
    fresh = tmp_path / "new-machine" / "careplan.db"
    fresh.parent.mkdir()
    command = ["--database", str(fresh), "--user", "ada", "restore", str(made.path)]
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE)
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)  # restoring signs in
    with keyring_memory.installed(keyring_memory.MemoryKeyring()):
        assert main(command) == 3  # no terminal: says how to give the passphrase
        assert encryption.ENV_RECOVERY_PASSPHRASE in capsys.readouterr().err
        assert not fresh.exists()
        terminal = Terminal(monkeypatch, ["not the passphrase", TEST_RECOVERY_PASSPHRASE])
        assert main(command) == 0
        err = capsys.readouterr().err
        assert terminal.prompts == ["Recovery passphrase of the backup: "] * 2
        assert encryption.WRONG_PASSPHRASE in err
        assert restore.database_state(fresh) == "healthy"  # its key is in this keyring now


def test_a_backup_of_another_database_is_re_encrypted_with_the_readable_databases_own_key(
    live: tuple[Database, World], tmp_path: Path
) -> None:
    db, world = live
    assert db.path is not None
    other_path = tmp_path / "other" / "careplan.db"
    other_path.parent.mkdir()
    other = open_database(other_path)  # its own random key
    try:
        other_world = build_world(other)
        made = backup.backup_database(other, other_world.team.manager, tmp_path / "other.careplan-backup")
        in_backup = snapshot(other)
    finally:
        other.dispose()
    assert backup_keys.backup_key(made.path).key != db.key
    key_file = encryption.key_file_for(db.path).read_bytes()

    restore.restore_database(db.path, world.team.administrator, made.path)

    assert encryption.key_file_for(db.path).read_bytes() == key_file
    assert sqlite_files.key_of(db.path) == db.key  # still opens with its own key
    assert snapshot(db)["goals"] == in_backup["goals"]
    assert verify_audit_trail(db, world.team.manager).intact
