"""Finding people: search as you type, filters, sorting, one page at a time.

Built for a list of tens of thousands: every call is one query that returns one page, with the
plan status and next review worked out in the same query (no query per row).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, Subquery, and_, func, or_, select

from careplan.domain.enums import PlanStatus
from careplan.domain.permissions import Action
from careplan.domain.records import Person, Plan, PlanVersion, Review, StaffMember
from careplan.services.unit_of_work import Actor, read_only
from careplan.storage.database import Database


class SortKey(StrEnum):
    NAME = "name"
    REFERENCE = "reference"
    STATUS = "status"
    NEXT_REVIEW = "next_review"
    KEY_WORKER = "key_worker"


class ReviewFilter(StrEnum):
    ANY = "any"
    DUE_SOON = "due_soon"  # within 14 days, or overdue
    OVERDUE = "overdue"


@dataclass(frozen=True)
class PeopleQuery:
    text: str = ""
    my_caseload: bool = False
    plan_status: PlanStatus | None = None
    reviews: ReviewFilter = ReviewFilter.ANY
    sort: SortKey = SortKey.NAME
    descending: bool = False


@dataclass(frozen=True)
class PersonRow:
    person_id: int
    reference: str
    preferred_name: str
    full_name: str
    key_worker: str | None
    plan_status: str | None
    next_review: date | None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped.lower()}%"


def _latest_version() -> Subquery:
    """Each person's current plan status: the newest version of their newest plan (one row each)."""
    newest_plan = (
        select(Plan.person_id, func.max(Plan.id).label("plan_id")).group_by(Plan.person_id).subquery()
    )
    newest_number = (
        select(PlanVersion.plan_id, func.max(PlanVersion.number).label("number"))
        .group_by(PlanVersion.plan_id)
        .subquery()
    )
    return (
        select(newest_plan.c.person_id, PlanVersion.status)
        .join(newest_number, newest_number.c.plan_id == newest_plan.c.plan_id)
        .join(
            PlanVersion,
            and_(PlanVersion.plan_id == newest_plan.c.plan_id, PlanVersion.number == newest_number.c.number),
        )
        .subquery()
    )


def _base(query: PeopleQuery, actor: Actor, today: date) -> Select[Any]:
    status = _latest_version()
    next_review = (
        select(Plan.person_id, func.min(Review.due_date).label("due"))
        .join(Review, Review.plan_id == Plan.id)
        .where(Review.completed_on.is_(None))
        .group_by(Plan.person_id)
        .subquery()
    )
    stmt = (
        select(
            Person.id,
            Person.reference,
            Person.preferred_name,
            Person.full_name,
            StaffMember.display_name,
            status.c.status,
            next_review.c.due,
        )
        .outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
        .outerjoin(status, status.c.person_id == Person.id)
        .outerjoin(next_review, next_review.c.person_id == Person.id)
    )
    words = query.text.split()
    for word in words:
        pattern = _like(word)
        stmt = stmt.where(
            or_(
                func.lower(Person.preferred_name).like(pattern, escape="\\"),
                func.lower(Person.full_name).like(pattern, escape="\\"),
                func.lower(Person.full_name).like("% " + pattern, escape="\\"),
                func.lower(Person.reference).like(pattern, escape="\\"),
            )
        )
    if query.my_caseload:
        stmt = stmt.where(Person.key_worker_id == actor.staff_id)
    if query.plan_status is not None:
        stmt = stmt.where(status.c.status == PlanStatus(query.plan_status))
    if query.reviews == ReviewFilter.OVERDUE:
        stmt = stmt.where(next_review.c.due < today)
    elif query.reviews == ReviewFilter.DUE_SOON:
        stmt = stmt.where(next_review.c.due <= date.fromordinal(today.toordinal() + 14))
    orders: dict[SortKey, list[Any]] = {
        SortKey.NAME: [func.lower(Person.preferred_name), Person.id],
        SortKey.REFERENCE: [Person.reference],
        SortKey.STATUS: [status.c.status, func.lower(Person.preferred_name), Person.id],
        SortKey.NEXT_REVIEW: [next_review.c.due, Person.id],
        SortKey.KEY_WORKER: [StaffMember.display_name, func.lower(Person.preferred_name), Person.id],
    }
    order = orders[query.sort]
    return stmt.order_by(*[(col.desc() if query.descending else col.asc()).nulls_last() for col in order])


def search_people(
    db: Database,
    actor: Actor,
    query: PeopleQuery,
    *,
    offset: int = 0,
    limit: int = 200,
    today: date | None = None,
) -> list[PersonRow]:
    """One page of people matching the query, in the asked order."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        stmt = _base(query, actor, today or work.now.date()).offset(offset).limit(limit)
        return [PersonRow(*row) for row in work.session.execute(stmt)]


def count_people(db: Database, actor: Actor, query: PeopleQuery, *, today: date | None = None) -> int:
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        stmt = _base(query, actor, today or work.now.date()).order_by(None).subquery()
        return int(work.session.scalar(select(func.count()).select_from(stmt)) or 0)
