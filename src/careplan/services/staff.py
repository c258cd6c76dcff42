"""Staff members and their roles. Leavers are deactivated, never deleted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.permissions import Action
from careplan.domain.records import StaffMember
from careplan.domain.staff_names import check_display_name, check_username
from careplan.services.authentication import check_password_rules, hash_password
from careplan.services.unit_of_work import locked_now, read_only, unit_of_work
from careplan.storage.database import Database


def create_first_administrator(db: Database, username: str, display_name: str) -> Actor:
    """Set up the first administrator of a new database, without a password (for tests and
    scripts that act through use cases directly: nobody can sign in as them until an
    administrator sets a password). The app uses
    :func:`careplan.services.authentication.create_first_administrator`, which takes a password."""
    with unit_of_work(db, None, None) as work:
        if work.session.scalar(select(func.count()).select_from(StaffMember)):
            raise InvalidTransition("This database already has staff. Ask an administrator to add you.")
        staff = StaffMember(
            username=check_username(username),
            display_name=check_display_name(display_name),
            role=Role.ADMINISTRATOR,
            active=True,
        )
        work.session.add(staff)
        work.session.flush()
        work.audit("create", "staff", staff, ("username", "display_name", "role"))
    return Actor(staff.id)


def add_staff(
    db: Database,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str | None = None,
) -> int:
    """An administrator adds a member of staff. With ``password`` (an initial one, which they must
    change at their first sign-in) they can sign in straight away; without, once one is set."""
    with unit_of_work(db, actor, Action.MANAGE_STAFF) as work:
        name = check_username(username)
        if work.session.scalar(select(StaffMember.id).where(StaffMember.username == name)):
            raise InvalidInput(f"The username “{name}” is already taken.", "username")
        staff = StaffMember(
            username=name, display_name=check_display_name(display_name), role=Role(role), active=True
        )
        fields = ["username", "display_name", "role"]
        if password is not None:
            check_password_rules(password, name)
            staff.password_hash = hash_password(password)
            staff.password_changed_at = work.now
            staff.must_change_password = True
            fields += ["password_hash", "must_change_password"]
        work.session.add(staff)
        work.session.flush()
        work.audit("create", "staff", staff, tuple(fields))
        return staff.id


def change_role(db: Database, actor: Actor, staff_id: int, role: Role) -> None:
    with unit_of_work(db, actor, Action.MANAGE_STAFF) as work:
        staff = work.get(StaffMember, staff_id, "member of staff")
        if staff.role == Role.ADMINISTRATOR and role != Role.ADMINISTRATOR:
            _keep_one_administrator(work.session, staff.id)
        staff.role = Role(role)
        work.audit("update", "staff", staff, ("role",))


def deactivate_staff(db: Database, actor: Actor, staff_id: int) -> None:
    """A leaver: they can no longer act, and everything they wrote keeps their name."""
    with unit_of_work(db, actor, Action.MANAGE_STAFF) as work:
        staff = work.get(StaffMember, staff_id, "member of staff")
        if staff.id == work.staff.id:
            raise InvalidTransition("You cannot deactivate your own account.")
        if staff.role == Role.ADMINISTRATOR:
            _keep_one_administrator(work.session, staff.id)
        staff.active = False
        work.audit("deactivate", "staff", staff, ("active",))


def _keep_one_administrator(session: Session, leaving_id: int) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(StaffMember)
        .where(
            StaffMember.role == Role.ADMINISTRATOR,
            StaffMember.active.is_(True),
            StaffMember.id != leaving_id,
        )
    )
    if not others:
        raise InvalidTransition("There must always be at least one active administrator.")


@dataclass(frozen=True)
class StaffSummary:
    id: int
    username: str
    display_name: str
    role: str


def active_staff(db: Database) -> list[StaffSummary]:
    """Everyone who can use Careplan now, by name. (No personal data about service users.)"""
    with db.session() as session:
        rows = session.scalars(
            select(StaffMember).where(StaffMember.active.is_(True)).order_by(StaffMember.display_name)
        )
        return [StaffSummary(s.id, s.username, s.display_name, s.role) for s in rows]


@dataclass(frozen=True)
class StaffAccount:
    """One line of the administrator's staff screen. Never a password or its hash."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked: bool  # after too many wrong passwords, now: until locked_until, or an administrator unlocks it
    locked_until: datetime | None  # the growing delay or the lock: no try is checked before this moment
    has_password: bool
    must_change_password: bool


def staff_list(db: Database, actor: Actor) -> list[StaffAccount]:
    """Everyone who has ever been on the staff, for administrators: by name, leavers last."""
    with read_only(db, actor, Action.MANAGE_STAFF) as work:
        rows = work.session.scalars(
            select(StaffMember).order_by(StaffMember.active.desc(), StaffMember.display_name, StaffMember.id)
        )
        return [
            StaffAccount(
                id=s.id,
                username=s.username,
                display_name=s.display_name,
                role=Role(s.role),
                active=s.active,
                locked=locked_now(s, work.now),
                locked_until=s.locked_until,
                has_password=s.password_hash is not None,
                must_change_password=s.must_change_password,
            )
            for s in rows
        ]
