"""Reviews: scheduled, then recorded with ratings per life area and notes in both voices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import PlanStatus, ReviewKind
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.permissions import Action
from careplan.domain.records import LifeArea, Plan, Review, ReviewRating
from careplan.services.plan_access import touch_plan
from careplan.services.unit_of_work import unit_of_work
from careplan.storage.database import Database


def schedule_review(db: Database, actor: Actor, plan_id: int, kind: ReviewKind, due: date) -> int:
    with unit_of_work(db, actor, Action.SCHEDULE_REVIEW) as work:
        plan = work.get(Plan, plan_id, "plan")
        touch_plan(work, plan, None)
        current = [v for v in plan.versions if v.status in (PlanStatus.APPROVED, PlanStatus.ACTIVE)]
        if not current:
            raise InvalidTransition("Reviews are scheduled once the plan has been approved.")
        review = Review(plan=plan, version=current[-1], kind=ReviewKind(kind), due_date=due)
        work.session.add(review)
        work.session.flush()
        work.audit("schedule", "review", review, ("kind", "due_date"))
        return review.id


@dataclass(frozen=True)
class ReviewRecord:
    completed_on: date
    ratings: dict[str, int]  # life area code -> 1..10
    person_notes: str | None = None  # in the person's own words
    worker_notes: str | None = None  # in the key worker's words


def record_review(db: Database, actor: Actor, review_id: int, record: ReviewRecord) -> None:
    with unit_of_work(db, actor, Action.RECORD_REVIEW) as work:
        review = work.get(Review, review_id, "review")
        if review.completed_on is not None:
            raise InvalidTransition("This review has already been recorded.")
        if record.completed_on > work.now.date():
            raise InvalidInput("A review cannot be recorded for a day that has not come yet.", "completed_on")
        if not record.ratings:
            raise InvalidInput("Please give at least one rating.", "ratings")
        areas = {a.code: a for a in work.session.scalars(select(LifeArea))}
        ratings = []
        for code, value in record.ratings.items():
            if code not in areas:
                raise InvalidInput(f"“{code}” is not a life area.", "ratings")
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
                raise InvalidInput(f"Ratings go from 1 to 10 ({areas[code].name}).", "ratings")
            ratings.append(ReviewRating(life_area=areas[code], rating=value))
        touch_plan(work, review.plan, None)
        person_id = review.plan.person_id
        review.ratings = ratings
        review.completed_on = record.completed_on
        review.completed_by_id = work.staff.id
        if record.person_notes and record.person_notes.strip():
            review.person_notes = work.text(
                record.person_notes, PERSON, person_id=person_id, field_name="person_notes"
            )
        if record.worker_notes and record.worker_notes.strip():
            review.worker_notes = work.text(
                record.worker_notes, STAFF, person_id=person_id, field_name="worker_notes"
            )
        work.audit("record", "review", review, ("completed_on", "ratings", "person_notes", "worker_notes"))
