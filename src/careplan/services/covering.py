"""Covering for a colleague: opening the record of somebody outside one's caseload, for a while.

A key worker or peer mentor may open only the people on their caseload (see
careplan.domain.permissions). When a colleague is off and someone of theirs needs help, they
cover: they say why (their words, required) and for how long (until the end of the day, or a
number of hours, at most MAX_COVER_HOURS). The cover is written to the audit trail (who, for
whom, never the reason) and shows, with its reason, in the person's "Who has seen this". It ends
by itself; nothing needs undoing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import MAX_COVER_HOURS, Action, RecordScope, record_scope
from careplan.domain.records import PeerMentorAssignment, Person, RecordCover, StaffMember
from careplan.services import caseload
from careplan.services.unit_of_work import clean_text, read_only, unit_of_work
from careplan.storage.database import Database

MAX_REASON = 500


class Standing(StrEnum):
    """How a member of staff stands to one person's record."""

    EVERYONE = "everyone"  # a manager: every record
    CASELOAD = "caseload"  # on their caseload
    COVERING = "covering"  # covering for a colleague, until ``until``
    OUTSIDE = "outside"  # may cover for a colleague to open it
    NONE = "none"  # may not open it at all (administrators)


@dataclass(frozen=True)
class RecordStanding:
    standing: Standing
    until: datetime | None = None

    @property
    def may_open(self) -> bool:
        return self.standing in (Standing.EVERYONE, Standing.CASELOAD, Standing.COVERING)


def record_standing(db: Database, actor: Actor, person_id: int) -> RecordStanding:
    """Whether the member of staff may open this person's record now, and if not, whether they
    may cover for a colleague to open it. Reads nothing of the record itself."""
    with read_only(db, actor, Action.SIGN_IN) as work:
        work.get(Person, person_id, "person")
        scope = record_scope(work.role)
        if scope is RecordScope.EVERYONE:
            return RecordStanding(Standing.EVERYONE)
        if scope is RecordScope.NOBODY or not work.may(Action.VIEW_PEOPLE):
            return RecordStanding(Standing.NONE)
        if caseload.caseload_of(work.session, work.staff, (person_id,)):
            return RecordStanding(Standing.CASELOAD)
        until = caseload.covered_until(work.session, work.staff.id, person_id, work.now)
        if until is not None:
            return RecordStanding(Standing.COVERING, until)
        return RecordStanding(Standing.OUTSIDE)


def end_of_day(now: datetime) -> datetime:
    """The end of the day ``now`` is in, on this computer's clock (local time), in UTC terms."""
    local = now.astimezone()
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local.tzinfo)
    return tomorrow.astimezone(now.tzinfo)


def cover_for_colleague(
    db: Database, actor: Actor, person_id: int, reason: str, *, hours: int | None = None
) -> datetime:
    """Open a person's record outside one's caseload until the end of today (``hours`` None) or
    for ``hours`` hours (1 to MAX_COVER_HOURS). Returns when the cover ends (UTC)."""
    if hours is not None and not 1 <= hours <= MAX_COVER_HOURS:
        raise InvalidInput(
            f"Cover for between 1 and {MAX_COVER_HOURS} hours ({MAX_COVER_HOURS // 24} days).", "hours"
        )
    if not reason.strip():
        raise InvalidInput("Please say why you are covering (for example, whose caseload).", "reason")
    if len(reason.strip()) > MAX_REASON:
        raise InvalidInput(f"Please keep the reason under {MAX_REASON} characters.", "reason")
    with unit_of_work(db, actor, Action.COVER_FOR_COLLEAGUE) as work:
        work.get(Person, person_id, "person")
        if caseload.caseload_of(work.session, work.staff, (person_id,)):
            raise InvalidInput("This person is on your caseload already: you can open their record.")
        ends = end_of_day(work.now) if hours is None else work.now + timedelta(hours=hours)
        cover = RecordCover(
            staff_id=work.staff.id,
            person_id=person_id,
            reason=clean_text(reason, "reason"),
            started_at=work.now,
            ends_at=ends,
        )
        work.session.add(cover)
        # The event names the person (their record), never the reason; "Who has seen this"
        # finds the cover by who, whom and when (its start is the event's moment).
        work.audit("cover", "person", person_id, ("hours" if hours is not None else "end_of_day",))
        return ends


def assign_peer_mentor(db: Database, actor: Actor, person_id: int, staff_id: int) -> None:
    """Put a person on a peer mentor's caseload (by their key worker, or a manager)."""
    with unit_of_work(db, actor, Action.ASSIGN_PEER_MENTOR) as work:
        work.require_record(person_id)
        mentor = work.get(StaffMember, staff_id, "peer mentor")
        if not mentor.active or Role(mentor.role) is not Role.PEER_MENTOR:
            raise InvalidInput(f"{mentor.display_name} is not an active peer mentor.", "staff_id")
        found = work.session.get(PeerMentorAssignment, (person_id, staff_id))
        if found is None:
            work.session.add(
                PeerMentorAssignment(
                    person_id=person_id, staff_id=staff_id, assigned_at=work.now, assigned_by_id=work.staff.id
                )
            )
            work.audit("assign_peer_mentor", "person", person_id, ("peer_mentor",))


def peer_mentors_of(db: Database, actor: Actor, person_id: int) -> list[str]:
    """The names of the peer mentors a person is assigned to."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        work.require_record(person_id)
        return list(
            work.session.scalars(
                select(StaffMember.display_name)
                .join(PeerMentorAssignment, PeerMentorAssignment.staff_id == StaffMember.id)
                .where(PeerMentorAssignment.person_id == person_id)
                .order_by(StaffMember.display_name)
            )
        )
