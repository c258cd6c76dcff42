"""Whose care records a member of staff may open: their caseload, and whoever they cover for.

The rule is in the permission table (:func:`careplan.domain.permissions.record_scope`); this
module answers it from the records: a key worker's caseload is the people whose key worker they
are, a peer mentor's the people they are assigned to (``peer_mentor_assignments``); a cover
(``record_covers``) opens one more person until it ends. Every unit of work checks it (see
:mod:`careplan.services.unit_of_work`); nothing here writes.

Changing who works with a person (their key worker, their peer mentors) has a rule of its own
(:func:`careplan.domain.permissions.may_change_team`), answered here by :func:`require_team_change`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session, aliased

from careplan.domain.enums import Role
from careplan.domain.errors import NotFound, OutsideCaseload, PermissionDenied
from careplan.domain.permissions import (
    NOT_THEIR_KEY_WORKER,
    OUTSIDE_CASELOAD,
    RECORD_SCOPES,
    Action,
    RecordScope,
    may_change_team,
    record_scope,
)
from careplan.domain.records import PeerMentorAssignment, Person, RecordCover, StaffMember

NO_CARE_RECORDS = "Administrators cannot open people's care records. Ask a manager or key worker."


def caseload_of(session: Session, staff: StaffMember, person_ids: Iterable[int]) -> set[int]:
    """Which of these people are on the staff member's own caseload (covers aside)."""
    wanted = set(person_ids)
    if not wanted:
        return set()
    role = Role(staff.role)
    if role is Role.PEER_MENTOR:
        stmt = select(PeerMentorAssignment.person_id).where(
            PeerMentorAssignment.staff_id == staff.id, PeerMentorAssignment.person_id.in_(wanted)
        )
    else:
        stmt = select(Person.id).where(Person.key_worker_id == staff.id, Person.id.in_(wanted))
    return set(session.scalars(stmt))


def covered_until(session: Session, staff_id: int, person_id: int, now: datetime) -> datetime | None:
    """When the staff member's cover for this person ends (None: they are not covering now)."""
    ends: datetime | None = session.scalar(
        select(RecordCover.ends_at)
        .where(
            RecordCover.staff_id == staff_id,
            RecordCover.person_id == person_id,
            RecordCover.started_at <= now,
            RecordCover.ends_at > now,
        )
        .order_by(RecordCover.ends_at.desc())
        .limit(1)
    )
    return ends


def openable(session: Session, staff: StaffMember, person_ids: Iterable[int], now: datetime) -> set[int]:
    """Which of these people's records the staff member may open now."""
    wanted = set(person_ids)
    scope = record_scope(Role(staff.role))
    if scope is RecordScope.EVERYONE:
        return wanted
    if scope is RecordScope.NOBODY or not wanted:
        return set()
    mine = caseload_of(session, staff, wanted)
    rest = wanted - mine
    if rest:
        mine |= set(
            session.scalars(
                select(RecordCover.person_id).where(
                    RecordCover.staff_id == staff.id,
                    RecordCover.person_id.in_(rest),
                    RecordCover.started_at <= now,
                    RecordCover.ends_at > now,
                )
            )
        )
    return mine


def openable_clause(staff_id: int, now: datetime, person_id: Any = Person.id) -> ColumnElement[bool]:
    """:func:`openable` as SQL, for a list that filters or sorts by what only an opened record may
    show (plan status, review dates): everyone for a manager; else the people whose key worker
    they are, are assigned to as peer mentor, or are covering for now. (An administrator has none
    of these, so nobody.)"""
    managers = [role.value for role, scope in RECORD_SCOPES.items() if scope is RecordScope.EVERYONE]
    # The person looked up under another name: "people.id = people.id" inside EXISTS would be
    # true of everyone (and say nothing of whose key worker this is), as it once was.
    theirs = aliased(Person)
    return or_(
        exists().where(StaffMember.id == staff_id, StaffMember.role.in_(managers)),
        exists().where(theirs.id == person_id, theirs.key_worker_id == staff_id),
        exists().where(
            PeerMentorAssignment.staff_id == staff_id, PeerMentorAssignment.person_id == person_id
        ),
        exists().where(
            RecordCover.staff_id == staff_id,
            RecordCover.person_id == person_id,
            RecordCover.started_at <= now,
            RecordCover.ends_at > now,
        ),
    )


def may_open(session: Session, staff: StaffMember, person_id: int, now: datetime) -> bool:
    return person_id in openable(session, staff, (person_id,), now)


def require_record(session: Session, staff: StaffMember, person_id: int, now: datetime) -> None:
    """Refuse, in plain words, unless the staff member may open this person's record now."""
    if may_open(session, staff, person_id, now):
        return
    if session.get(Person, person_id) is None:  # everyone sees the list: nothing to hide here
        raise NotFound("That person could not be found.")
    if record_scope(Role(staff.role)) is RecordScope.NOBODY:
        raise PermissionDenied(NO_CARE_RECORDS)
    raise OutsideCaseload(OUTSIDE_CASELOAD, person_id=person_id)


def require_team_change(staff: StaffMember, person: Person, action: Action) -> None:
    """Refuse, in plain words, unless the staff member may change who works with this person
    (``action``, one of the team actions): a manager, or the person's own key worker. Covering
    for a colleague is no help here, so the refusal does not suggest it."""
    if not may_change_team(Role(staff.role), action, their_key_worker=person.key_worker_id == staff.id):
        raise PermissionDenied(NOT_THEIR_KEY_WORKER)
