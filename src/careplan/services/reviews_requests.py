"""A review sooner than booked: the person asks for one, or a key worker brings one forward.

The person may ask at any time: what they said is kept in their words, with who wrote it down
and when, and a review is booked for the day they would like (today unless said). A key worker
(or a manager) may bring a booked review forward to an earlier day, saying why; the day it was
booked for is kept.
"""

from __future__ import annotations

from datetime import date

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import ReviewKind
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.permissions import Action
from careplan.domain.records import Plan, Review
from careplan.services.plan_access import touch_plan
from careplan.services.review_access import CURRENT, review_to_change
from careplan.services.unit_of_work import unit_of_work
from careplan.storage.database import Database


def ask_for_review(
    db: Database,
    actor: Actor,
    plan_id: int,
    words: str,
    *,
    wanted_on: date | None = None,
    expected_revision: int | None = None,
) -> int:
    """The person asks for a review (``words``: what they said, in their words). Returns the
    booked review's id."""
    with unit_of_work(db, actor, Action.ASK_FOR_REVIEW) as work:
        plan = work.get(Plan, plan_id, "plan")
        work.require_person(plan.person)
        touch_plan(work, plan, expected_revision)
        current = [v for v in plan.versions if v.status in CURRENT]
        if not current:
            raise InvalidTransition("Reviews are booked once the plan has been approved.")
        due = wanted_on or work.now.date()
        if due < work.now.date():
            raise InvalidInput("The review they ask for cannot be on a day that has passed.", "wanted_on")
        review = Review(
            plan=plan,
            version=current[-1],
            kind=ReviewKind.REGULAR,
            due_date=due,
            asked_at=work.now,
            asked_words=work.text(
                words, PERSON, person_id=plan.person_id, field_name="words", what="what they asked"
            ),
        )
        work.session.add(review)
        work.session.flush()
        work.audit("ask", "review", review, ("asked_words", "due_date"))
        return review.id


def bring_review_forward(
    db: Database,
    actor: Actor,
    review_id: int,
    new_due: date,
    reason: str,
    *,
    expected_revision: int | None = None,
) -> None:
    """Bring a booked review forward to ``new_due`` (not later than booked, not in the past),
    saying why (``reason``, in the key worker's words)."""
    with unit_of_work(db, actor, Action.BRING_REVIEW_FORWARD) as work:
        review = review_to_change(work, review_id, expected_revision)
        if review.completed_on is not None:
            raise InvalidTransition("This review has already been held.")
        if new_due < work.now.date():
            raise InvalidInput("A review cannot be brought forward to a day that has passed.", "new_due")
        if new_due >= review.due_date:
            raise InvalidInput(
                "Bringing a review forward means choosing an earlier day than booked.", "new_due"
            )
        text = work.text(
            reason, STAFF, person_id=review.plan.person_id, field_name="reason", what="the reason"
        )
        if review.forward_from is None:
            review.forward_from = review.due_date
        review.due_date = new_due
        review.forward_reason = text
        work.audit("bring_forward", "review", review, ("due_date", "forward_reason"))
