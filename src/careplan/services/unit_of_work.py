"""One unit of work per use case: who is acting, may they, one transaction, its audit events."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from careplan.domain.actor import Actor, Voice
from careplan.domain.enums import Role
from careplan.domain.errors import ConflictError, InvalidInput, NotFound, PermissionDenied
from careplan.domain.permissions import Action, RecordScope, may, record_scope, require
from careplan.domain.records import (
    AuditHead,
    AuthoredText,
    Base,
    Person,
    Plan,
    PlanVersion,
    StaffMember,
    utcnow,
)
from careplan.domain.text import check_text
from careplan.services import caseload, clock
from careplan.services.audit import append_events, person_of
from careplan.services.record_rows import text_row
from careplan.storage.database import Database

MAX_TEXT = 5000
T = TypeVar("T", bound=Base)


_UNKNOWN = -1  # a pending event whose person is worked out once its record has an id


@dataclass
class PendingEvent:
    action: str
    entity: str
    target: Base | int | None
    fields: tuple[str, ...]
    person_id: int | None


@dataclass
class Work:
    """What a use case holds while it runs: the session, the acting staff member, its audit."""

    session: Session
    staff: StaffMember
    now: datetime
    _events: list[PendingEvent] = field(default_factory=list)
    # The people whose record this unit of work was allowed to open (checked once each).
    _allowed: set[int] = field(default_factory=set)

    @property
    def role(self) -> Role:
        return Role(self.staff.role)

    def require(self, action: Action) -> None:
        require(self.role, action)

    def may(self, action: Action) -> bool:
        return may(self.role, action)

    def require_record(self, person_id: int) -> None:
        """Refuse unless the acting staff member may open this person's record now: everyone's
        for managers, their caseload (or whom they cover for) for key workers and peer mentors,
        nobody's for administrators (see careplan.domain.permissions)."""
        if person_id in self._allowed:
            return
        caseload.require_record(self.session, self.staff, person_id, self.now)
        self._allowed.add(person_id)

    def require_person(self, person: Person) -> None:
        """:meth:`require_record` for a person whose row is already loaded: a manager, or a key
        worker opening their own person, costs no statement (their ``key_worker_id`` is on the
        row); anyone else is looked up in the peer mentor assignments and covers as usual."""
        if person.id in self._allowed:
            return
        scope = record_scope(self.role)
        if scope is RecordScope.EVERYONE or (
            scope is RecordScope.CASELOAD
            and self.role is Role.KEY_WORKER
            and person.key_worker_id == self.staff.id
        ):
            self._allowed.add(person.id)
            return
        self.require_record(person.id)

    def require_plan_record(self, plan_id: int) -> None:
        """:meth:`require_record` for the person whose plan this is (nothing: no such plan)."""
        person_id = self.session.scalar(select(Plan.person_id).where(Plan.id == plan_id))
        if person_id is not None:
            self.require_record(person_id)

    def require_version_record(self, version_id: int) -> None:
        """:meth:`require_record` for the person whose plan version this is."""
        person_id = self.session.scalar(
            select(Plan.person_id)
            .join(PlanVersion, PlanVersion.plan_id == Plan.id)
            .where(PlanVersion.id == version_id)
        )
        if person_id is not None:
            self.require_record(person_id)

    def audit(
        self,
        action: str,
        entity: str,
        target: Base | int | None,
        fields: tuple[str, ...] = (),
        *,
        person_id: int | None = _UNKNOWN,
    ) -> None:
        """Record that ``action`` happened to a record. ``fields`` are names, never values.

        The person the record belongs to is worked out now, while a record about to be removed
        is still there (``person_id`` only to say it outright)."""
        if person_id == _UNKNOWN:
            ident = _ident(target)
            if ident is not None or not isinstance(target, Base):
                person_id = person_of(self.session, entity, ident, target)
        self._events.append(PendingEvent(action, entity, target, tuple(sorted(fields)), person_id))

    def _pending(self) -> list[tuple[str, str, int | None, tuple[str, ...], int | None]]:
        """The events to append, once everything is flushed (so new records have their ids)."""
        found = []
        for e in self._events:
            ident = _ident(e.target)
            person_id = e.person_id
            if person_id == _UNKNOWN:
                person_id = person_of(self.session, e.entity, ident, e.target)
            found.append((e.action, e.entity, ident, e.fields, person_id))
        return found

    def _check_records(self, events: list[tuple[str, str, int | None, tuple[str, ...], int | None]]) -> None:
        """Every change to a person's record is audited with the person: so no change reaches
        the database unless its author may open that record (the net under each use case's own
        check; registering somebody is not opening a record)."""
        for action, entity, _ident, _fields, person_id in events:
            if person_id is not None and (action, entity) != ("create", "person"):
                self.require_record(person_id)

    def get(self, model: type[T], ident: int, what: str) -> T:
        found = self.session.get(model, ident)
        if found is None:
            raise NotFound(f"That {what} could not be found. It may have been removed.")
        return found

    def text(
        self, body: str, voice: Voice, *, person_id: int, field_name: str = "text", what: str | None = None
    ) -> AuthoredText:
        """A new piece of free text in the given voice, recorded by the acting staff member
        (``what`` names the field in a refusal; see :func:`clean_text`)."""
        cleaned = clean_text(body, field_name, what)
        written = AuthoredText(
            **text_row(
                cleaned,
                voice.kind,
                person_id=person_id,
                staff_id=self.staff.id,
                staff_role=self.role,
                written_at=self.now,
            )
        )
        self.session.add(written)
        return written

    def retext(
        self,
        current: AuthoredText | None,
        body: str,
        voice: Voice,
        *,
        person_id: int,
        field_name: str,
        what: str | None = None,
    ) -> AuthoredText:
        """The text to keep after an edit: the same row (and author) if the words did not change,
        else a new text in ``voice``. Words nobody changed keep the author who wrote them."""
        cleaned = clean_text(body, field_name, what)
        if current is not None and current.body == cleaned:
            return current
        return self.text(cleaned, voice, person_id=person_id, field_name=field_name, what=what)


# What each field of free text is, in a refusal ("The goal has only invisible characters in it").
FIELD_WORDS = {
    "wording": "the goal",
    "why": "why it matters",
    "what": "the step",
    "disagreement": "the note of disagreement",
    "person_notes": "the person's notes",
    "worker_notes": "the key worker's notes",
}


def clean_text(body: str, field_name: str = "text", what: str | None = None) -> str:
    """Free text of several lines as it is kept: text (:func:`careplan.domain.text.check_text`),
    its ends trimmed, not empty and not too long. ``what`` names the field in a refusal (default:
    from :data:`FIELD_WORDS`)."""
    words = what or FIELD_WORDS.get(field_name, "the text")
    cleaned = check_text(body, words, field_name, lines=True).strip()
    if not cleaned:
        raise InvalidInput("Please write something here first.", field_name)
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput(
            f"This is longer than {MAX_TEXT} characters. Please shorten it or split it in two.",
            field_name,
        )
    return cleaned


def locked_now(staff: StaffMember, now: datetime) -> bool:
    """Locked after too many wrong passwords, and the lock has not ended yet (a lock from an
    earlier version, with no end recorded, has ended)."""
    return staff.locked and staff.locked_until is not None and staff.locked_until > now


def _acting_staff(session: Session, actor: Actor) -> StaffMember:
    staff = session.get(StaffMember, actor.staff_id)
    if staff is None or not staff.active:
        raise PermissionDenied("Only active members of staff can do this. Please sign in again.")
    if locked_now(staff, utcnow()):
        raise PermissionDenied(
            "This account is locked after too many wrong passwords. Try again later, or ask an "
            "administrator to unlock it."
        )
    return staff


@contextlib.contextmanager
def unit_of_work(db: Database, actor: Actor | None, action: Action | None) -> Iterator[Work]:
    """A write transaction for one use case.

    Takes the audit chain's lock first (on SQLite, the database write lock; on PostgreSQL, a row
    lock), so that writers queue up instead of failing half way, and the chain stays a line.
    ``actor`` is None only for setting up the very first administrator.
    """
    with db.session() as session:
        try:
            with session.begin():
                session.execute(
                    update(AuditHead).where(AuditHead.id == 1).values(last_seq=AuditHead.last_seq)
                )
                if actor is None:
                    staff = StaffMember(id=None, username="", display_name="", role=Role.ADMINISTRATOR)
                else:
                    staff = _acting_staff(session, actor)
                    if action is not None:
                        require(Role(staff.role), action)
                work = Work(session=session, staff=staff, now=clock.now())
                yield work
                session.flush()
                events = work._pending()
                if actor is not None:
                    work._check_records(events)
                append_events(
                    session,
                    # Without an actor, the stand-in has no id, unless the use case found out who
                    # is acting (signing in) and put them in ``work.staff``.
                    work.staff.id,
                    work.now,
                    events,
                )
        except StaleDataError as exc:
            raise ConflictError(
                "Someone else saved changes to this record at the same time. Nothing was "
                "overwritten. Reload to see their changes, then make yours again."
            ) from exc


@contextlib.contextmanager
def read_only(db: Database, actor: Actor, action: Action | tuple[Action, ...]) -> Iterator[Work]:
    """A read transaction for one query, checked against the permission table.

    ``action`` may be several actions (a tuple): the role must be allowed every one of them.
    """
    with db.session() as session:
        staff = _acting_staff(session, actor)
        for needed in action if isinstance(action, tuple) else (action,):
            require(Role(staff.role), needed)
        yield Work(session=session, staff=staff, now=clock.now())
        session.rollback()


def _ident(target: Base | int | None) -> int | None:
    if target is None or isinstance(target, int):
        return target
    ident = getattr(target, "id", None)
    return ident if isinstance(ident, int) else None


def staff_by_username(db: Database, username: str) -> Actor:
    check_text(username, "the username", "username")
    with db.session() as session:
        staff_id = session.scalar(select(StaffMember.id).where(StaffMember.username == username))
    if staff_id is None:
        raise NotFound(f"There is no member of staff called “{username}”.")
    return Actor(staff_id)
