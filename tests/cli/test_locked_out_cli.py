"""Every administrator locked out by wrong passwords (anyone can type ten): the database's recovery
passphrase is the way back, from the command line, and the audit trail says so."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from careplan.cli.main import main
from careplan.domain.errors import SignInRefused
from careplan.domain.records import AuditEvent, StaffMember, utcnow
from careplan.services import authentication
from careplan.services.audit_anchors import verify_audit_trail
from careplan.storage import encryption, open_database
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.gui.signing import quick_hashing

__all__ = ["quick_hashing"]
pytestmark = [pytest.mark.usefixtures("quick_hashing"), pytest.mark.timeout(120)]

ADA_PASSWORD = "ada secret passphrase"
SAM_PASSWORD = "sam secret passphrase"


@pytest.fixture(autouse=True)
def _nobody_signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CAREPLAN_USER", "CAREPLAN_PASSWORD", "CAREPLAN_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """Ada, the only administrator, and Sam, a key worker; both with passwords."""
    from careplan.domain.enums import Role
    from careplan.services import staff

    path = tmp_path / "office.db"
    db = open_database(path)
    try:
        ada = authentication.create_first_administrator(db, "ada", "Ada Admin", ADA_PASSWORD)
        staff.add_staff(db, ada.actor, "sam", "Sam Okafor", Role.KEY_WORKER, SAM_PASSWORD)
    finally:
        db.dispose()
    return path


def careplan(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, **env: str
) -> tuple[int, str, str]:
    """``careplan ARGS`` in this process (so that password hashing stays cheap), with ``env`` set."""
    with monkeypatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse refusing the arguments
            code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def pass_time(path: Path) -> None:
    """As if the wait after a wrong password had run out (no test sleeps)."""
    db = open_database(path)
    try:
        with db.session() as session, session.begin():
            session.execute(update(StaffMember).values(locked_until=utcnow() - timedelta(seconds=1)))
    finally:
        db.dispose()


def test_ten_wrong_passwords_lock_the_only_administrator_and_the_recovery_passphrase_lets_her_back(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = ("--database", str(office))
    # Anyone at all (no credentials needed) types ten wrong passwords for “ada”.
    for attempt in range(1, authentication.LOCK_AFTER + 1):
        code, _, err = careplan(
            capsys, monkeypatch, *database, "--user", "ada", "staff", "list", CAREPLAN_PASSWORD="a guess!!"
        )
        assert code == 13, err
        if attempt < authentication.LOCK_AFTER:
            pass_time(office)  # the growing wait before the next try is checked
    code, _, err = careplan(
        capsys, monkeypatch, *database, "--user", "ada", "staff", "list", CAREPLAN_PASSWORD=ADA_PASSWORD
    )
    assert code == 13
    assert "locked" in err
    assert "Traceback" not in err

    # A wrong recovery passphrase proves nothing, and changes nothing.
    code, _, err = careplan(
        capsys,
        monkeypatch,
        *database,
        "staff",
        "unlock",
        "ada",
        "--by-recovery-passphrase",
        CAREPLAN_RECOVERY_PASSPHRASE="not the recovery passphrase",
    )
    assert code != 0
    assert "recovery passphrase does not open this database" in err
    assert "Traceback" not in err

    # The database's recovery passphrase is the proof of authority.
    code, out, err = careplan(
        capsys,
        monkeypatch,
        *database,
        "staff",
        "unlock",
        "ada",
        "--by-recovery-passphrase",
        CAREPLAN_RECOVERY_PASSPHRASE=TEST_RECOVERY_PASSPHRASE,
    )
    assert code == 0, err
    assert "Ada Admin can sign in again" in out
    code, out, err = careplan(
        capsys, monkeypatch, *database, "--user", "ada", "staff", "list", CAREPLAN_PASSWORD=ADA_PASSWORD
    )
    assert code == 0, err

    db = open_database(office)
    try:
        with db.session() as session:
            ada_id = session.scalar(select(StaffMember.id).where(StaffMember.username == "ada"))
            events = session.scalars(
                select(AuditEvent).where(AuditEvent.entity == "staff", AuditEvent.action == "unlock")
            ).all()
            assert [(e.staff_id, e.entity_id) for e in events] == [(None, ada_id)]  # who was unlocked
            assert "recovery_passphrase" in events[0].fields  # and on what authority
        with db.engine.connect() as conn:
            everything = repr(conn.execute(select(AuditEvent.__table__)).all())
        assert TEST_RECOVERY_PASSPHRASE not in everything
        assert "not the recovery passphrase" not in everything
        signed = authentication.sign_in(db, "ada", ADA_PASSWORD)
        assert verify_audit_trail(db, signed.actor).intact
    finally:
        db.dispose()


def test_the_recovery_passphrase_also_sets_a_forgotten_administrator_password(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = careplan(
        capsys,
        monkeypatch,
        "--database",
        str(office),
        "staff",
        "set-password",
        "ada",
        "--keep",
        "--by-recovery-passphrase",
        CAREPLAN_RECOVERY_PASSPHRASE=TEST_RECOVERY_PASSPHRASE,
        CAREPLAN_NEW_PASSWORD="ada remembers this one",
    )
    assert code == 0, err
    assert "Ada Admin has a new password." in out
    code, _, err = careplan(
        capsys,
        monkeypatch,
        "--database",
        str(office),
        "--user",
        "ada",
        "staff",
        "list",
        CAREPLAN_PASSWORD="ada remembers this one",
    )
    assert code == 0, err


def test_the_recovery_passphrase_is_only_for_administrators(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked key worker is unlocked by an administrator, who signs in as usual."""
    code, _, err = careplan(
        capsys,
        monkeypatch,
        "--database",
        str(office),
        "staff",
        "unlock",
        "sam",
        "--by-recovery-passphrase",
        CAREPLAN_RECOVERY_PASSPHRASE=TEST_RECOVERY_PASSPHRASE,
    )
    assert code == 4, err
    assert "only for administrators" in err


def test_without_the_passphrase_at_hand_it_is_asked_for_plainly(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE)
    code, _, err = careplan(
        capsys, monkeypatch, "--database", str(office), "staff", "unlock", "ada", "--by-recovery-passphrase"
    )
    assert code != 0
    assert encryption.ENV_RECOVERY_PASSPHRASE in err
    assert "Traceback" not in err


def test_each_kind_of_database_names_its_own_proof(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = careplan(
        capsys,
        monkeypatch,
        "--database",
        str(office),
        "staff",
        "unlock",
        "ada",
        "--by-database-login",
        CAREPLAN_DATABASE_PASSWORD="a database password",
    )
    assert code == 2
    assert "careplan staff unlock NAME --by-recovery-passphrase" in err


@pytest.mark.postgres
def test_on_postgresql_whoever_looks_after_the_server_unlocks_an_administrator(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from tests import pg_server
    from tests.cli.test_cli import run

    url = pg_server.fresh_database_url(request)
    db = open_database(url)
    try:
        authentication.create_first_administrator(db, "ada", "Ada Admin", ADA_PASSWORD)
        for attempt in range(1, authentication.LOCK_AFTER + 1):
            with pytest.raises(SignInRefused):
                authentication.sign_in(db, "ada", "somebody's guess")
            if attempt < authentication.LOCK_AFTER:
                with db.session() as session, session.begin():
                    session.execute(update(StaffMember).values(locked_until=utcnow()))
    finally:
        db.dispose()
    ada = {"CAREPLAN_USER": "ada", "CAREPLAN_PASSWORD": ADA_PASSWORD}
    assert run("--database", url, "staff", "list", data_dir=tmp_path, env=ada).returncode == 13
    # The test server trusts every login from 127.0.0.1, so any password logs in here.
    unlocked = run(
        "--database",
        url,
        "staff",
        "unlock",
        "ada",
        "--by-database-login",
        data_dir=tmp_path,
        env={"CAREPLAN_DATABASE_PASSWORD": "the role's password"},
    )
    assert unlocked.returncode == 0, unlocked.stderr
    assert "Ada Admin can sign in again." in unlocked.stdout
    listed = run("--database", url, "staff", "list", data_dir=tmp_path, env=ada)
    assert listed.returncode == 0, listed.stderr


def test_the_recovery_passphrase_typed_at_the_terminal(
    office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE)
    typed = iter(["a wrong guess at it", TEST_RECOVERY_PASSPHRASE])
    asked: list[str] = []

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return next(typed)

    monkeypatch.setattr("getpass.getpass", getpass)
    monkeypatch.setattr("sys.stdin", Terminal())
    code, out, err = careplan(
        capsys, monkeypatch, "--database", str(office), "staff", "unlock", "ada", "--by-recovery-passphrase"
    )
    assert code == 0, err
    assert asked == ["Recovery passphrase of the database: "] * 2
    assert "That recovery passphrase does not open this database." in err
    assert "Ada Admin can sign in again." in out
