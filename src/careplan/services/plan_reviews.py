"""The booked reviews of one plan, as the Reviews page shows them: the next one, then the rest in
date order, each with its state in words (see :mod:`careplan.domain.wording.reviews`).

A read of the reviews table alone (through its plan index), for someone who may open the person's
record; the agreement's list of review dates is read elsewhere and is not changed by this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.permissions import Action
from careplan.domain.records import Plan, Review
from careplan.domain.review_timing import ReviewState, ReviewTiming
from careplan.domain.wording.reviews import review_kind_words, review_sentence, review_words
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database


@dataclass(frozen=True)
class BookedReview:
    review_id: int
    kind: str
    due_date: date
    held_on: date | None
    timing: ReviewTiming

    @property
    def state(self) -> ReviewState:
        return self.timing.state

    @property
    def kind_words(self) -> str:
        """ "Early review", "Review", "Full review"."""
        return review_kind_words(self.kind)

    @property
    def words(self) -> str:
        """ "Due in 5 days", "Overdue by 12 days", "Next review 3 March 2027", "Held on ..."."""
        return review_words(self.timing)

    @property
    def sentence(self) -> str:
        """The words with the day in full (a screen reader, a tooltip)."""
        return review_sentence(self.timing)


@dataclass(frozen=True)
class PlanReviews:
    """A plan's reviews as of ``today``: ``next`` is the earliest not yet held (None: none left
    to hold); ``rest`` every other one, held or not, in date order."""

    plan_id: int
    today: date
    next: BookedReview | None
    rest: tuple[BookedReview, ...]

    @property
    def in_order(self) -> tuple[BookedReview, ...]:
        """Every review of the plan by date (held ones included)."""
        every = self.rest if self.next is None else (self.next, *self.rest)
        return tuple(sorted(every, key=lambda r: (r.due_date, r.review_id)))


def plan_reviews(db: Database, actor: Actor, plan_id: int) -> PlanReviews:
    """The plan's reviews, for someone who may open the person's record now."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        work.require_record(work.get(Plan, plan_id, "plan").person_id)
        today = work.now.date()
        rows = work.session.execute(
            select(Review.id, Review.kind, Review.due_date, Review.completed_on)
            .where(Review.plan_id == plan_id)
            .order_by(Review.due_date, Review.id)
        )
        booked = [
            BookedReview(ident, kind, due, held, ReviewTiming(due, today, held))
            for ident, kind, due, held in rows
        ]
    upcoming = next((r for r in booked if r.held_on is None), None)
    rest = tuple(r for r in booked if r is not upcoming)
    return PlanReviews(plan_id, today, upcoming, rest)
