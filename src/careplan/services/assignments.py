"""Who works with a person: their key worker and their peer mentors.

A key worker's caseload is the people whose key worker they are; a peer mentor's, the people
they are assigned to (see :mod:`careplan.services.caseload`). So changing who works with a person
decides who may open their record from then on: only a manager, or the person's own key worker,
may assign a peer mentor, end a peer mentor's work with them, or hand them on to another key
worker (:func:`careplan.domain.permissions.may_change_team`; a colleague covering for the key
worker may not).

Each change is an audit event on the person's record whose entity is the member of staff it was
about (``peer_mentor`` or ``key_worker``, by id: no personal text), so "Who has seen this" can say
whom it named. A plan already started keeps the key worker who started it (their name is part of
what was signed).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, NotFound
from careplan.domain.permissions import TEAM_ACTIONS, Action, may_change_team
from careplan.domain.records import PeerMentorAssignment, Person, StaffMember
from careplan.domain.text import check_text
from careplan.services import caseload
from careplan.services.people import check_key_worker
from careplan.services.unit_of_work import Work, read_only, unit_of_work
from careplan.storage.database import Database

# The roles a key worker may be (as in careplan.services.people.check_key_worker).
KEY_WORKER_ROLES = (Role.KEY_WORKER.value, Role.MANAGER.value)


@dataclass(frozen=True)
class StaffName:
    """A member of staff as a list of choices shows them."""

    staff_id: int
    name: str
    username: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.username})"


@dataclass(frozen=True)
class WhoWorksWith:
    """A person's key worker and peer mentors, and what the member of staff asking may change.

    The choices are empty unless they may change it (``may_change``): the active key workers and
    managers the person could be handed on to, and the active peer mentors not yet assigned.
    """

    person_id: int
    reference: str
    key_worker: StaffName | None
    peer_mentors: tuple[StaffName, ...]
    may_change: bool
    key_worker_choices: tuple[StaffName, ...] = ()
    peer_mentor_choices: tuple[StaffName, ...] = ()


def _named(staff: StaffMember) -> StaffName:
    return StaffName(staff.id, staff.display_name, staff.username)


def _active(work: Work, roles: tuple[str, ...]) -> list[StaffMember]:
    return list(
        work.session.scalars(
            select(StaffMember)
            .where(StaffMember.active.is_(True), StaffMember.role.in_(roles))
            .order_by(StaffMember.display_name, StaffMember.username)
        )
    )


def _peer_mentors(work: Work, person_id: int) -> list[StaffMember]:
    return list(
        work.session.scalars(
            select(StaffMember)
            .join(PeerMentorAssignment, PeerMentorAssignment.staff_id == StaffMember.id)
            .where(PeerMentorAssignment.person_id == person_id)
            .order_by(StaffMember.display_name, StaffMember.username)
        )
    )


def who_works_with(db: Database, actor: Actor, person_id: int) -> WhoWorksWith:
    """The person's key worker and peer mentors (for anyone who may open their record)."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        person = work.get(Person, person_id, "person")
        work.require_person(person)
        mentors = _peer_mentors(work, person_id)
        theirs = person.key_worker_id == work.staff.id
        may_change = all(may_change_team(work.role, a, their_key_worker=theirs) for a in TEAM_ACTIONS)
        found = WhoWorksWith(
            person_id=person.id,
            reference=person.reference,
            key_worker=_named(person.key_worker) if person.key_worker else None,
            peer_mentors=tuple(_named(m) for m in mentors),
            may_change=may_change,
        )
        if not may_change:
            return found
        assigned = {m.id for m in mentors}
        return replace(
            found,
            key_worker_choices=tuple(
                _named(s) for s in _active(work, KEY_WORKER_ROLES) if s.id != person.key_worker_id
            ),
            peer_mentor_choices=tuple(
                _named(s) for s in _active(work, (Role.PEER_MENTOR.value,)) if s.id not in assigned
            ),
        )


def person_with_reference(db: Database, actor: Actor, reference: str) -> int:
    """The person with this reference (as the people list shows it to everyone who sees it)."""
    check_text(reference, "the reference", "reference")
    wanted = reference.strip()
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        person_id = work.session.scalar(select(Person.id).where(Person.reference == wanted))
    if person_id is None:
        raise NotFound(f"Nobody has the reference “{wanted}”. The people list shows each person's reference.")
    return person_id


def _team_change(work: Work, person_id: int, action: Action) -> Person:
    """The person, once the acting staff member may change who works with them."""
    person = work.get(Person, person_id, "person")
    caseload.require_team_change(work.staff, person, action)
    work.require_person(person)  # a manager's or their key worker's: allowed (and remembered)
    return person


def _peer_mentor(work: Work, staff_id: int) -> StaffMember:
    mentor = work.get(StaffMember, staff_id, "peer mentor")
    if not mentor.active or Role(mentor.role) is not Role.PEER_MENTOR:
        raise InvalidInput(f"{mentor.display_name} is not an active peer mentor.", "peer_mentor")
    return mentor


def assign_peer_mentor(db: Database, actor: Actor, person_id: int, staff_id: int) -> None:
    """Put a person on a peer mentor's caseload (by their key worker, or a manager)."""
    with unit_of_work(db, actor, Action.ASSIGN_PEER_MENTOR) as work:
        _team_change(work, person_id, Action.ASSIGN_PEER_MENTOR)
        mentor = _peer_mentor(work, staff_id)
        if work.session.get(PeerMentorAssignment, (person_id, staff_id)) is not None:
            raise InvalidInput(f"{mentor.display_name} is this person's peer mentor already.", "peer_mentor")
        work.session.add(
            PeerMentorAssignment(
                person_id=person_id, staff_id=staff_id, assigned_at=work.now, assigned_by_id=work.staff.id
            )
        )
        work.audit("assign", "peer_mentor", staff_id, person_id=person_id)


def end_peer_mentor(db: Database, actor: Actor, person_id: int, staff_id: int) -> None:
    """Take a person off a peer mentor's caseload (by their key worker, or a manager)."""
    with unit_of_work(db, actor, Action.END_PEER_MENTOR) as work:
        _team_change(work, person_id, Action.END_PEER_MENTOR)
        mentor = work.get(StaffMember, staff_id, "peer mentor")
        found = work.session.get(PeerMentorAssignment, (person_id, staff_id))
        if found is None:
            raise InvalidInput(f"{mentor.display_name} is not this person's peer mentor.", "peer_mentor")
        work.session.delete(found)
        work.audit("end", "peer_mentor", staff_id, person_id=person_id)


def change_key_worker(db: Database, actor: Actor, person_id: int, staff_id: int) -> None:
    """Hand a person on to another key worker (by their key worker, or a manager). The person
    leaves the old key worker's caseload: they no longer open the record, unless covering."""
    with unit_of_work(db, actor, Action.CHANGE_KEY_WORKER) as work:
        person = _team_change(work, person_id, Action.CHANGE_KEY_WORKER)
        new = check_key_worker(work, staff_id)
        if person.key_worker_id == new.id:
            raise InvalidInput(f"{new.display_name} is this person's key worker already.", "key_worker")
        person.key_worker_id = new.id
        person.updated_at = work.now
        work.audit("change", "key_worker", new.id, person_id=person.id)
