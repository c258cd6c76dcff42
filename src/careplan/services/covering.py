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

from careplan.domain.actor import Actor
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import MAX_COVER_HOURS, Action, RecordScope, record_scope
from careplan.domain.records import Person, RecordCover
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


def check_cover(reason: str, hours: int | None = None) -> str:
    """The reason as it is kept, if it and ``hours`` may make a cover; else a refusal naming the
    field (before anything is read or written: the command line checks ``--covering`` first)."""
    if hours is not None and not 1 <= hours <= MAX_COVER_HOURS:
        raise InvalidInput(
            f"Cover for between 1 and {MAX_COVER_HOURS} hours ({MAX_COVER_HOURS // 24} days).", "hours"
        )
    if not reason.strip():
        raise InvalidInput("Please say why you are covering (for example, whose caseload).", "reason")
    if len(reason.strip()) > MAX_REASON:
        raise InvalidInput(f"Please keep the reason under {MAX_REASON} characters.", "reason")
    return clean_text(reason, "reason", "the reason")


def cover_for_colleague(
    db: Database, actor: Actor, person_id: int, reason: str, *, hours: int | None = None
) -> datetime:
    """Open a person's record outside one's caseload until the end of today (``hours`` None) or
    for ``hours`` hours (1 to MAX_COVER_HOURS). Returns when the cover ends (UTC)."""
    kept = check_cover(reason, hours)
    with unit_of_work(db, actor, Action.COVER_FOR_COLLEAGUE) as work:
        work.get(Person, person_id, "person")
        if caseload.caseload_of(work.session, work.staff, (person_id,)):
            raise InvalidInput("This person is on your caseload already: you can open their record.")
        ends = end_of_day(work.now) if hours is None else work.now + timedelta(hours=hours)
        cover = RecordCover(
            staff_id=work.staff.id, person_id=person_id, reason=kept, started_at=work.now, ends_at=ends
        )
        work.session.add(cover)
        # The event names the person (their record), never the reason; "Who has seen this"
        # finds the cover by who, whom and when (its start is the event's moment).
        work.audit("cover", "person", person_id, ("hours" if hours is not None else "end_of_day",))
        return ends
