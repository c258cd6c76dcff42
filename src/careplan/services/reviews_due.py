"""Who is due a review: each plan's next review not yet held, for ``careplan reviews``.

One statement whatever the size: the earliest review not held of each plan (from the reviews
index on plan, completed_on and due date), with the person's reference and key worker, of only
the people the member of staff may open (everyone for a manager; a key worker's or peer mentor's
caseload, and whom they cover for). Due and overdue are :mod:`careplan.domain.review_timing`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from careplan.domain.actor import Actor
from careplan.domain.permissions import Action
from careplan.domain.records import Person, Plan, Review, StaffMember
from careplan.domain.review_timing import ReviewState, ReviewTiming, due_by
from careplan.domain.wording.dates import short_date
from careplan.domain.wording.reviews import review_words
from careplan.services import caseload
from careplan.services.unit_of_work import read_only, staff_by_username
from careplan.storage.database import Database


class DueFilter(StrEnum):
    ANY = "any"  # every plan's next review
    DUE = "due"  # due within DUE_WITHIN_DAYS, or overdue (as the people list's filter)
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ReviewDueRow:
    person_reference: str
    plan_id: int
    due_date: date
    timing: ReviewTiming
    key_worker_username: str | None
    key_worker_name: str | None

    @property
    def state(self) -> ReviewState:
        return self.timing.state

    @property
    def words(self) -> str:
        return review_words(self.timing)

    def as_json(self) -> dict[str, Any]:
        """Typed and stable: dates as ISO strings, whole numbers as numbers, no key worker as null."""
        return {
            "person_reference": self.person_reference,
            "plan_id": self.plan_id,
            "due_date": self.due_date.isoformat(),
            "days_overdue": self.timing.days_overdue,
            "state": self.state.value,
            "words": self.words,
            "key_worker_username": self.key_worker_username,
            "key_worker_name": self.key_worker_name,
        }

    def as_cells(self) -> list[str]:
        """Person, plan, due date, days overdue, key worker, and the state in words."""
        worker = "-"
        if self.key_worker_username is not None:
            worker = f"{self.key_worker_name} ({self.key_worker_username})"
        overdue = self.timing.days_overdue
        return [
            self.person_reference,
            str(self.plan_id),
            short_date(self.due_date),
            str(overdue) if overdue else "-",
            worker,
            self.words,
        ]


def reviews_due(
    db: Database, actor: Actor, only: DueFilter = DueFilter.ANY, *, key_worker: str | None = None
) -> list[ReviewDueRow]:
    """Each plan's next review not yet held, soonest (most overdue) first: of every plan for a
    manager, of their caseload's (and whom they cover for) for key workers and peer mentors.
    ``key_worker``: only the people whose key worker has that username (none such: NotFound)."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        # Only once the member of staff may see the list does it say whether a username exists.
        worker_id = None if key_worker is None else staff_by_username(db, key_worker).staff_id
        today = work.now.date()
        due = func.min(Review.due_date)
        upcoming = select(Review.plan_id, due.label("due")).where(Review.completed_on.is_(None))
        upcoming = upcoming.group_by(Review.plan_id)
        if only is DueFilter.OVERDUE:
            upcoming = upcoming.having(due < today)
        elif only is DueFilter.DUE:
            upcoming = upcoming.having(due <= due_by(today))
        next_due = upcoming.subquery()
        query = (
            select(Person.reference, Plan.id, next_due.c.due, StaffMember.username, StaffMember.display_name)
            .join(Plan, Plan.id == next_due.c.plan_id)
            .join(Person, Person.id == Plan.person_id)
            .outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
            .where(caseload.openable_clause(work.staff.id, work.now))
            .order_by(next_due.c.due, Plan.id)
        )
        if worker_id is not None:
            query = query.where(Person.key_worker_id == worker_id)
        return [
            ReviewDueRow(reference, plan_id, day, ReviewTiming(day, today), username, name)
            for reference, plan_id, day, username, name in work.session.execute(query)
        ]
