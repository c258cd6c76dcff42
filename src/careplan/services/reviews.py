"""Reviews booked by hand, and a whole review recorded in one go.

The rest of a review's life has its own modules: asking for one or bringing one forward
(``reviews_requests``), holding it (``reviews_holding``), ending it and the person's
confirmation (``reviews_ending``), and what the Reviews page shows (``review_view``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import PlanStatus, ReviewKind, ReviewTopic
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.measures import LIFE_AREAS
from careplan.domain.permissions import Action
from careplan.domain.records import LifeArea, Plan, Review
from careplan.services.plan_access import touch_plan
from careplan.services.review_access import review_to_write
from careplan.services.reviews_holding import put_note, put_scores
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
    """A whole review at once: the person's life-area scores, and notes on anything else."""

    completed_on: date
    ratings: dict[str, int]  # life area code -> 1..10: the person's own scores
    person_notes: str | None = None  # in the person's own words
    worker_notes: str | None = None  # in the key worker's words


def record_review(db: Database, actor: Actor, review_id: int, record: ReviewRecord) -> None:
    """Hold a booked review on ``completed_on`` and record it in one go: the ratings are the
    person's scores on the life-area scale; the notes are "anything else", each in its voice."""
    with unit_of_work(db, actor, Action.RECORD_REVIEW) as work:
        review = work.get(Review, review_id, "review")
        work.require_person(review.plan.person)
        if review.completed_on is not None:
            raise InvalidTransition("This review has already been recorded.")
        if record.completed_on > work.now.date():
            raise InvalidInput("A review cannot be recorded for a day that has not come yet.", "completed_on")
        if not record.ratings:
            raise InvalidInput("Please give at least one rating.", "ratings")
        areas = {a.code: a for a in work.session.scalars(select(LifeArea))}
        for code, value in record.ratings.items():
            if code not in areas:
                raise InvalidInput(f"“{code}” is not a life area.", "ratings")
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
                raise InvalidInput(f"Ratings go from 1 to 10 ({areas[code].name}).", "ratings")
        review = review_to_write(work, review_id, None, held_on=record.completed_on)
        put_scores(work, review, LIFE_AREAS, record.ratings, PERSON)
        for body, voice, field in (
            (record.person_notes, PERSON, "person_notes"),
            (record.worker_notes, STAFF, "worker_notes"),
        ):
            if body is not None:
                put_note(work, review, ReviewTopic.ANYTHING_ELSE, voice, body, field_name=field)
