"""The way back for a locked-out administrator: the database's recovery passphrase (SQLite) or a
login to the database server (PostgreSQL) as proof of authority, only for administrators, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from careplan.domain.enums import Role
from careplan.domain.errors import (
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    SignInRefused,
    StorageError,
)
from careplan.domain.records import AuditEvent, StaffMember, utcnow
from careplan.services import authentication as auth
from careplan.services import staff
from careplan.services.administrator_recovery import (
    DATABASE_LOGIN,
    RECOVERY_PASSPHRASE,
    Recovered,
    proof_needed,
    unlock_by_database_login,
    unlock_by_recovery_passphrase,
)
from careplan.services.audit_anchors import verify_audit_trail
from careplan.storage import Database, WrongRecoveryPassphrase, open_database
from careplan.storage.database import check_server_login
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.refusals import refused

ADA = "ada secret passphrase"
SAM = "sam secret passphrase"


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def lock_out(db: Database, username: str) -> None:
    """Ten wrong passwords in a row, as anyone could type them."""
    for _ in range(auth.LOCK_AFTER):
        with pytest.raises(SignInRefused):
            auth.sign_in(db, username, "somebody's guess")
        with db.session() as session, session.begin():  # the growing wait has run out
            session.execute(
                update(StaffMember)
                .where(StaffMember.username == username, StaffMember.locked.is_(False))
                .values(locked_until=utcnow())
            )


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    ada = auth.create_first_administrator(sqlite_db, "ada", "Ada Admin", ADA)
    staff.add_staff(sqlite_db, ada.actor, "sam", "Sam Okafor", Role.KEY_WORKER, SAM)
    lock_out(sqlite_db, "ada")
    with pytest.raises(SignInRefused, match="locked"):
        auth.sign_in(sqlite_db, "ada", ADA)
    return sqlite_db


def staff_events(db: Database) -> list[tuple[int | None, str, int | None, tuple[str, ...]]]:
    with db.session() as session:
        return [
            (e.staff_id, e.action, e.entity_id, tuple(e.fields))
            for e in session.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity == "staff", AuditEvent.action.in_(("unlock", "set_password")))
                .order_by(AuditEvent.id)
            )
        ]


def test_the_recovery_passphrase_unlocks_a_locked_out_administrator(office: Database) -> None:
    assert proof_needed(office) == RECOVERY_PASSPHRASE
    done = unlock_by_recovery_passphrase(office, " ADA ", TEST_RECOVERY_PASSPHRASE)
    assert done == Recovered("ada", "Ada Admin", new_password=False)
    signed = auth.sign_in(office, "ada", ADA)
    ada_id = signed.actor.staff_id
    assert staff_events(office)[-1] == (
        None,
        "unlock",
        ada_id,
        ("failed_sign_ins", "locked", RECOVERY_PASSPHRASE),
    )
    with office.engine.connect() as conn:
        assert TEST_RECOVERY_PASSPHRASE not in repr(conn.execute(select(AuditEvent.__table__)).all())
    assert verify_audit_trail(office, signed.actor).intact


def test_the_recovery_passphrase_sets_a_forgotten_administrator_password(office: Database) -> None:
    done = unlock_by_recovery_passphrase(
        office, "ada", TEST_RECOVERY_PASSPHRASE, new_password="a password ada chose", must_change=False
    )
    assert done.new_password
    signed = auth.sign_in(office, "ada", "a password ada chose")
    assert not signed.must_change_password
    assert staff_events(office)[-1][:3] == (None, "set_password", signed.actor.staff_id)
    assert RECOVERY_PASSPHRASE in staff_events(office)[-1][3]
    with refused(office, InvalidInput, "at least 10 characters"):
        unlock_by_recovery_passphrase(office, "ada", TEST_RECOVERY_PASSPHRASE, new_password="short")


def test_a_wrong_passphrase_changes_nothing_and_tells_nothing(office: Database, tmp_path: Path) -> None:
    with refused(office, WrongRecoveryPassphrase, "does not open this database"):
        unlock_by_recovery_passphrase(office, "ada", "not the recovery passphrase")
    with refused(office, WrongRecoveryPassphrase, "does not open this database"):
        unlock_by_recovery_passphrase(office, "ada", "")
    # Checked before anyone is looked up: no way to learn who works here without it.
    with refused(office, WrongRecoveryPassphrase, "does not open this database"):
        unlock_by_recovery_passphrase(office, "nobody-here", "not the recovery passphrase")
    # Another database's recovery passphrase proves nothing about this one.
    other = open_database(tmp_path / "other.db", recovery_passphrase="another database's passphrase")
    other.dispose()
    with refused(office, WrongRecoveryPassphrase, "does not open this database"):
        unlock_by_recovery_passphrase(office, "ada", "another database's passphrase")


def test_only_active_administrators_are_unlocked_this_way(office: Database) -> None:
    with refused(office, PermissionDenied, "only for administrators"):
        unlock_by_recovery_passphrase(office, "sam", TEST_RECOVERY_PASSPHRASE)
    with refused(office, NotFound, "no member of staff"):
        unlock_by_recovery_passphrase(office, "nobody-here", TEST_RECOVERY_PASSPHRASE)
    unlock_by_recovery_passphrase(office, "ada", TEST_RECOVERY_PASSPHRASE)
    ada = auth.sign_in(office, "ada", ADA).actor
    bo = staff.add_staff(office, ada, "bo", "Bo Admin", Role.ADMINISTRATOR, "bo first password")
    staff.deactivate_staff(office, ada, bo)
    with refused(office, InvalidTransition, "has left"):
        unlock_by_recovery_passphrase(office, "bo", TEST_RECOVERY_PASSPHRASE)


def test_each_database_has_its_own_proof(office: Database) -> None:
    with refused(office, InvalidInput, "--by-recovery-passphrase"):
        unlock_by_database_login(office, "ada", "a database password")


@pytest.mark.postgres
def test_on_postgresql_a_login_to_the_database_server_is_the_proof(request: pytest.FixtureRequest) -> None:
    from tests import pg_server

    db = open_database(pg_server.fresh_database_url(request))
    try:
        auth.create_first_administrator(db, "ada", "Ada Admin", ADA)
        lock_out(db, "ada")
        assert proof_needed(db) == DATABASE_LOGIN
        with refused(db, InvalidInput, "--by-database-login"):
            unlock_by_recovery_passphrase(db, "ada", TEST_RECOVERY_PASSPHRASE)
        # (The test server trusts every login on 127.0.0.1, so any password logs in here.)
        assert unlock_by_database_login(db, "ada", "the role's password").display_name == "Ada Admin"
        signed = auth.sign_in(db, "ada", ADA)
        assert staff_events(db)[-1] == (
            None,
            "unlock",
            signed.actor.staff_id,
            (DATABASE_LOGIN, "failed_sign_ins", "locked"),
        )
    finally:
        db.dispose()


def test_a_database_server_that_does_not_answer_proves_nothing() -> None:
    url = make_url("postgresql+psycopg://careplan@127.0.0.1:1/careplan")
    with pytest.raises(StorageError, match="cannot reach the database server") as caught:
        check_server_login(url, "a password typed")
    assert "a password typed" not in caught.value.message
