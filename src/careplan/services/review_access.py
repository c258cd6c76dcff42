"""Loading a review for a change, with the rules every change to a review shares.

Whose record it is decides who may change it (the person's caseload, a cover, or a manager:
see careplan.domain.permissions); the plan's ``revision`` guards against two workstations
writing at once (careplan.services.plan_access.touch_plan). A review is written in while it is
held; once it has ended, what was said stays as it was.
"""

from __future__ import annotations

from datetime import date

from careplan.domain.enums import PlanStatus
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.records import Review
from careplan.services.plan_access import touch_plan
from careplan.services.unit_of_work import Work

CURRENT = (PlanStatus.APPROVED, PlanStatus.ACTIVE)


def review_to_change(work: Work, review_id: int, expected_revision: int | None) -> Review:
    """The review, once the acting staff member may open the person's record; the plan touched."""
    review = work.get(Review, review_id, "review")
    work.require_person(review.plan.person)
    touch_plan(work, review.plan, expected_revision)
    return review


def review_to_write(
    work: Work, review_id: int, expected_revision: int | None, *, held_on: date | None = None
) -> Review:
    """A review to write in: not ended, for the version in force. Writing in a review holds it
    (on ``held_on``, today unless said), if it was not held yet."""
    review = review_to_change(work, review_id, expected_revision)
    if review.outcome is not None:
        raise InvalidTransition("This review has ended, so what was said in it stays as it was.")
    if review.completed_on is None:
        if review.version.status not in CURRENT:
            raise InvalidTransition("This review was for a version of the plan that is no longer in force.")
        day = held_on or work.now.date()
        if day > work.now.date():
            raise InvalidInput("A review cannot be held on a day that has not come yet.", "held_on")
        review.completed_on = day
        review.completed_by_id = work.staff.id
        work.audit("hold", "review", review, ("completed_on",))
    return review
