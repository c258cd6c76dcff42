"""A database from before sign-in: staff, but nobody with a password. An active administrator
chooses the first password (only then), and from then on everyone signs in as usual."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, InvalidTransition, PermissionDenied
from careplan.domain.records import AuditEvent, StaffMember
from careplan.services import authentication as auth
from careplan.services import staff
from careplan.storage.database import Database
from tests.refusals import refused
from tests.worlds import Team

FIRST = "kettle morning purple"


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def test_an_empty_database_needs_an_administrator_not_a_first_password(db: Database) -> None:
    assert auth.needs_first_administrator(db)
    assert not auth.needs_first_password(db)
    assert auth.administrators_without_password(db) == []


def test_the_administrator_chooses_the_first_password_and_signs_in(db: Database, team: Team) -> None:
    assert auth.needs_first_password(db)
    assert not auth.needs_first_administrator(db)
    assert auth.administrators_without_password(db) == [
        auth.Administrator(team.administrator.staff_id, "ada", "Ada Admin")
    ]
    signed = auth.set_first_password(db, team.administrator, FIRST)
    assert (signed.actor, signed.username, signed.role) == (team.administrator, "ada", Role.ADMINISTRATOR)
    assert not signed.must_change_password
    assert not auth.needs_first_password(db)
    assert auth.administrators_without_password(db) == []
    with db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        assert (event.action, event.staff_id) == ("set_first_password", team.administrator.staff_id)
    assert auth.sign_in(db, "ada", FIRST).actor == team.administrator


def test_refused_once_anyone_has_a_password(db: Database, team: Team) -> None:
    auth.set_password(db, team.administrator, team.key_worker.staff_id, "a first password")
    assert not auth.needs_first_password(db)
    assert auth.administrators_without_password(db) == []
    with refused(db, InvalidTransition, "already has a password"):
        auth.set_first_password(db, team.administrator, FIRST)


def test_refused_after_the_first_password_is_chosen(db: Database, team: Team) -> None:
    other = staff.add_staff(db, team.administrator, "bea", "Bea Admin", Role.ADMINISTRATOR)
    auth.set_first_password(db, team.administrator, FIRST)
    with refused(db, InvalidTransition, "already has a password"):
        auth.set_first_password(db, Actor(other), "another first password")
    with refused(db, InvalidTransition, "already has a password"):
        auth.set_first_password(db, team.administrator, "a second first password")


def test_a_closed_account_with_a_password_does_not_count(db: Database, team: Team) -> None:
    with db.session() as session, session.begin():
        session.execute(
            update(StaffMember)
            .where(StaffMember.id == team.peer_mentor.staff_id)
            .values(password_hash=auth.hash_password("an old password"))
        )
    staff.deactivate_staff(db, team.administrator, team.peer_mentor.staff_id)
    assert auth.needs_first_password(db)
    auth.set_first_password(db, team.administrator, FIRST)


@pytest.mark.parametrize("who", ["manager", "key_worker", "peer_mentor"])
def test_only_an_administrator_may_choose_it(db: Database, team: Team, who: str) -> None:
    with refused(db, PermissionDenied, ""):
        auth.set_first_password(db, getattr(team, who), FIRST)
    assert auth.needs_first_password(db)


def test_a_closed_administrator_may_not(db: Database, team: Team) -> None:
    other = Actor(staff.add_staff(db, team.administrator, "bea", "Bea Admin", Role.ADMINISTRATOR))
    staff.deactivate_staff(db, team.administrator, other.staff_id)
    assert [a.username for a in auth.administrators_without_password(db)] == ["ada"]
    with refused(db, PermissionDenied, "active members of staff"):
        auth.set_first_password(db, other, FIRST)


def test_the_password_rules_apply(db: Database, team: Team) -> None:
    with refused(db, InvalidInput, "at least 10 characters"):
        auth.set_first_password(db, team.administrator, "short")
    assert auth.needs_first_password(db)
