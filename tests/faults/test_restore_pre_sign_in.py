"""A backup made before sign-in existed (no staff passwords), restored over a damaged database.

Nobody can sign in against it, and the damaged database cannot say who anyone is. Whoever knows
the backup's recovery passphrase can decrypt it anyway, so that passphrase is the proof of
authority: the restore goes ahead, says so in the restored audit trail (no member of staff, the
field ``recovery_passphrase``), and the restored database asks for the first password.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.domain.errors import PermissionDenied, SignInRefused
from careplan.services import authentication, restore
from careplan.services.audit_anchors import verify_audit_trail
from careplan.storage import encryption
from careplan.storage.migrate import head_revision
from careplan.storage.opener import open_database
from tests import old_schema, sqlite_files
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.faults.test_backup_restore import Made, _tamper, _zero_pages, damaged_with_backup
from tests.services.test_audit_person import as_written_before_0006
from tests.worlds import build_world


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Made:
    path = tmp_path_factory.mktemp("pre-sign-in") / "careplan.db"
    db = open_database(path)
    try:
        world = build_world(db)
        give_everyone_a_password(db)  # the database has passwords; the old backup will not
        as_written_before_0006(db)  # the trail as a database from before 0006 hashed it
    finally:
        db.dispose()
    return path, world


def make_pre_sign_in(made: Path) -> None:
    """Turn a backup into one made at revision 0002: no manifest, no sign-in columns, nothing
    later migrations added (the template's trail is already hashed as before 0006)."""
    _tamper(made, *old_schema.back_to("0002"), "DROP TABLE careplan_backup")


def _restore_events(path: Path) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        return [
            tuple(r)
            for r in connection.execute(
                "SELECT staff_id, fields FROM audit_events WHERE action = 'restore' ORDER BY id"
            )
        ]


def test_the_backups_recovery_passphrase_restores_a_backup_from_before_passwords(
    template: Made, tmp_path: Path
) -> None:
    path, made, world = damaged_with_backup(template, tmp_path, _zero_pages)
    make_pre_sign_in(made)
    damaged_bytes = path.read_bytes()
    assert restore.backup_has_passwords(path, made) is False
    with pytest.raises(restore.BackupWithoutPasswords, match="recovery passphrase") as refused:
        restore.actor_for_restore(path, made, "ada", TEAM_PASSWORD)
    assert isinstance(refused.value, SignInRefused)  # callers that knew only that still refuse
    assert "Nothing was changed" in refused.value.message

    result = restore.restore_by_recovery_passphrase(path, made, TEST_RECOVERY_PASSPHRASE)

    assert result.replaced_damaged
    assert result.upgraded
    assert result.kept_aside[0].read_bytes() == damaged_bytes
    assert restore.database_state(path) == "healthy"
    # Recorded: no member of staff authorised it, the recovery passphrase did; no personal text.
    staff_id, fields = _restore_events(path)[-1]
    assert staff_id is None
    assert restore.RECOVERY_PASSPHRASE_FIELD in str(fields)
    db = open_database(path)
    try:
        with contextlib.closing(sqlite_files.connect(path)) as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
                head_revision(),
            )
        assert verify_audit_trail(db, world.team.manager).intact
        # ... and the restored database asks an administrator for the first password.
        assert authentication.needs_first_password(db)
        admins = authentication.administrators_without_password(db)
        assert [a.username for a in admins] == ["ada"]
        signed = authentication.set_first_password(db, world.team.administrator, "a brand new password")
        assert signed.actor == world.team.administrator
    finally:
        db.dispose()


def test_the_keyrings_key_is_no_proof_and_a_wrong_passphrase_changes_nothing(
    template: Made, tmp_path: Path
) -> None:
    path, made, _world = damaged_with_backup(template, tmp_path, _zero_pages)
    make_pre_sign_in(made)
    # This computer's keyring holds the backup's key: that proves nothing about who is here.
    assert encryption.keyring_key(encryption.KeyFile.read(encryption.key_file_for(made)).database_id)
    damaged_bytes = path.read_bytes()
    backup_bytes = made.read_bytes()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    for wrong in ("not the passphrase", ""):
        with pytest.raises(encryption.WrongRecoveryPassphrase):
            restore.restore_by_recovery_passphrase(path, made, wrong)
    assert path.read_bytes() == damaged_bytes
    assert made.read_bytes() == backup_bytes
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_backup_with_passwords_over_a_damaged_database_still_needs_a_sign_in(
    template: Made, tmp_path: Path
) -> None:
    path, made, world = damaged_with_backup(template, tmp_path, _zero_pages)
    damaged_bytes = path.read_bytes()
    assert restore.backup_has_passwords(path, made) is True
    with pytest.raises(PermissionDenied, match="has staff passwords"):
        restore.restore_by_recovery_passphrase(path, made, TEST_RECOVERY_PASSPHRASE)
    assert path.read_bytes() == damaged_bytes
    with pytest.raises(SignInRefused, match="do not match") as refused:
        restore.actor_for_restore(path, made, "ada", "not the password")
    assert not isinstance(refused.value, restore.BackupWithoutPasswords)
    actor = restore.actor_for_restore(path, made, "ada", TEAM_PASSWORD)
    assert actor == world.team.administrator


def test_a_readable_database_is_never_replaced_by_the_passphrase_alone(
    template: Made, tmp_path: Path
) -> None:
    path, made, _world = damaged_with_backup(template, tmp_path, lambda _path: None)
    make_pre_sign_in(made)
    assert restore.database_state(path) == "healthy"
    with pytest.raises(PermissionDenied, match="can be read"):
        restore.restore_by_recovery_passphrase(path, made, TEST_RECOVERY_PASSPHRASE)


def test_on_a_new_computer_with_no_database_yet_the_passphrase_restores_it(
    template: Made, tmp_path: Path
) -> None:
    _path, made, _world = damaged_with_backup(template, tmp_path, _zero_pages)
    make_pre_sign_in(made)
    fresh = tmp_path / "new-computer" / "careplan.db"
    fresh.parent.mkdir()
    with pytest.raises(encryption.WrongRecoveryPassphrase):
        restore.restore_by_recovery_passphrase(fresh, made, "not the passphrase")
    assert not fresh.exists()
    result = restore.restore_by_recovery_passphrase(fresh, made, TEST_RECOVERY_PASSPHRASE)
    assert not result.kept_aside
    assert restore.database_state(fresh) == "healthy"


def test_the_command_line_restores_it_with_the_backups_passphrase(
    template: Made,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.cli.test_recovery_prompt import Terminal

    path, made, _world = damaged_with_backup(template, tmp_path, _zero_pages)
    make_pre_sign_in(made)
    damaged_bytes = path.read_bytes()
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    signing_in = ["--database", str(path), "--user", "ada", "restore", str(made)]
    assert main(signing_in) == 13  # the sign-in is refused, and says what to do instead
    err = capsys.readouterr().err
    assert "--by-recovery-passphrase" in err
    assert path.read_bytes() == damaged_bytes

    by_passphrase = ["--database", str(path), "restore", "--by-recovery-passphrase", str(made)]
    # This computer's keyring holds the backup's key, but only the typed passphrase counts.
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE)
    assert main(by_passphrase) == 3  # no terminal and no passphrase given: says how
    assert encryption.ENV_RECOVERY_PASSPHRASE in capsys.readouterr().err
    assert path.read_bytes() == damaged_bytes
    terminal = Terminal(monkeypatch, ["not the passphrase", TEST_RECOVERY_PASSPHRASE])
    assert main(by_passphrase) == 0
    out, err = capsys.readouterr()
    assert terminal.prompts == ["Recovery passphrase of the backup: "] * 2
    assert encryption.WRONG_PASSPHRASE in err
    assert "choose the first password" in out
    assert restore.database_state(path) == "healthy"
