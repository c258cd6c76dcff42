"""Booking reviews: the year of reviews approving a plan books, and the one after a review is held.

The dates come from the service's schedule (:mod:`careplan.services.review_schedule`); this is
where a booked review is written, and its booking put in the audit trail, for both.
"""

from __future__ import annotations

from datetime import date

from careplan.domain.enums import ReviewKind
from careplan.domain.records import PlanVersion, Review
from careplan.services.review_schedule import schedule_in
from careplan.services.unit_of_work import Work


def book_review(work: Work, version: PlanVersion, kind: ReviewKind, due: date) -> Review:
    """Book one review of ``version``'s plan on ``due``."""
    review = Review(plan_id=version.plan_id, version=version, kind=kind, due_date=due)
    work.session.add(review)
    work.session.flush()
    work.audit("schedule", "review", review, ("kind", "due_date"))
    return review


def book_year_of_reviews(work: Work, version: PlanVersion, approved_on: date) -> list[Review]:
    """The reviews an approved version's first year needs, from the service's schedule."""
    return [
        book_review(work, version, kind, due)
        for kind, due in schedule_in(work.session).year_of_reviews(approved_on)
    ]


def book_next_review(work: Work, version: PlanVersion, held_on: date) -> Review:
    """The review after one held on ``held_on``, ``every_months`` later (a regular review)."""
    return book_review(work, version, ReviewKind.REGULAR, schedule_in(work.session).next_due(held_on))
