"""Ending a review, and the person confirming its record.

A held review ends one of three ways (a key worker or a manager decides it with the person;
peer mentors hold reviews but do not end them or close plans):

- **carry on** as planned;
- **change the plan**: a new draft version starts from the reviewed one (the same path as
  revising a plan), linked to the review (``new_version``), so the review's words are there to
  write it from; each goal's status in the draft follows how the review found it going;
- **close the plan**, with a reason (a key worker or a manager).

Unless the plan closes, the next review is then booked from the service's schedule
(careplan.services.review_schedule), if none is booked yet. Then the person confirms the
record, by a drawn signature or a typed name, as they sign their plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from careplan.domain.actor import STAFF, Actor, Voice
from careplan.domain.enums import GoalGoing, GoalStatus, ReviewOutcome, SignatureMethod
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.permissions import Action
from careplan.domain.records import Review, ReviewConfirmation
from careplan.services.plans import close_open_versions, start_revision
from careplan.services.review_access import review_to_change
from careplan.services.review_booking import book_next_review
from careplan.services.signing import signature_marks
from careplan.services.unit_of_work import Work, unit_of_work
from careplan.storage.database import Database

GOAL_STATUS_AFTER: dict[GoalGoing, GoalStatus] = {
    GoalGoing.DONE: GoalStatus.ACHIEVED,
    GoalGoing.GOING_WELL: GoalStatus.UNDER_WAY,
    GoalGoing.GETTING_THERE: GoalStatus.UNDER_WAY,
    GoalGoing.HARD_GOING: GoalStatus.UNDER_WAY,
    GoalGoing.NOT_STARTED: GoalStatus.NOT_STARTED,
}
"""A goal's status in the new draft, from how the review found it going."""


@dataclass(frozen=True)
class EndedReview:
    outcome: ReviewOutcome
    new_version_id: int | None  # changing the plan: the new draft
    next_review_id: int | None  # the review booked next (None: the plan closed)
    next_due: date | None


@dataclass(frozen=True)
class Confirmation:
    """The person's confirmation: a drawn signature (strokes) or a typed name with a tick."""

    method: SignatureMethod
    strokes: tuple[tuple[tuple[float, float], ...], ...] = ()
    typed_name: str | None = None
    confirmed: bool = False


def end_review(
    db: Database,
    actor: Actor,
    review_id: int,
    outcome: ReviewOutcome,
    *,
    reason: str | None = None,
    reason_voice: Voice = STAFF,
    expected_revision: int | None = None,
) -> EndedReview:
    """End a held review (see the module). ``reason`` (needed to close the plan) is kept in
    ``reason_voice``: the worker's words unless the person said it."""
    outcome = ReviewOutcome(outcome)
    with unit_of_work(db, actor, Action.END_REVIEW) as work:
        if outcome is ReviewOutcome.CLOSE_PLAN:
            work.require(Action.CLOSE_PLAN_AT_REVIEW)
        if outcome is ReviewOutcome.CHANGE_PLAN:
            work.require(Action.REVISE_PLAN)
        review = review_to_change(work, review_id, expected_revision)
        if review.completed_on is None:
            raise InvalidTransition("This review has not been held yet: write what was said in it first.")
        if review.outcome is not None:
            raise InvalidTransition("This review has already ended.")
        person_id = review.plan.person_id
        if reason is not None and reason.strip():
            review.outcome_reason = work.text(
                reason, reason_voice, person_id=person_id, field_name="reason", what="the reason"
            )
        elif outcome is ReviewOutcome.CLOSE_PLAN:
            raise InvalidInput("Please say why the plan is closing.", "reason")
        review.outcome, review.ended_at, review.ended_by_id = outcome, work.now, work.staff.id
        new_version_id = None
        if outcome is ReviewOutcome.CHANGE_PLAN:
            new_version_id = _change_plan(work, review)
        if outcome is ReviewOutcome.CLOSE_PLAN:
            close_open_versions(work, review.plan)
        work.audit("end", "review", review, ("outcome", "outcome_reason", "new_version_id"))
        following = None if outcome is ReviewOutcome.CLOSE_PLAN else _book_next(work, review)
        return EndedReview(
            outcome,
            new_version_id,
            following.id if following else None,
            following.due_date if following else None,
        )


def _change_plan(work: Work, review: Review) -> int:
    draft = start_revision(work, review.version)
    going = {g.goal_key: GoalGoing(g.going) for g in review.goals}
    for goal in draft.goals:
        if goal.key in going:
            goal.status = GOAL_STATUS_AFTER[going[goal.key]]
    review.new_version = draft
    work.session.flush()
    return draft.id


def _book_next(work: Work, review: Review) -> Review:
    """The next review not yet held, booking one from the schedule if there is none."""
    booked = work.session.scalars(
        select(Review)
        .where(Review.plan_id == review.plan_id, Review.completed_on.is_(None))
        .order_by(Review.due_date, Review.id)
    ).first()
    if booked is not None:
        return booked
    assert review.completed_on is not None
    return book_next_review(work, review.version, review.completed_on)


def confirm_review(
    db: Database,
    actor: Actor,
    review_id: int,
    confirmation: Confirmation,
    *,
    expected_revision: int | None = None,
) -> None:
    """The person confirms the record of an ended review (whoever held it with them records it)."""
    with unit_of_work(db, actor, Action.RECORD_REVIEW) as work:
        review = review_to_change(work, review_id, expected_revision)
        if review.outcome is None:
            raise InvalidTransition("End the review first; then the person confirms what it says.")
        if review.confirmation is not None:
            raise InvalidTransition("The person has already confirmed this review.")
        typed, strokes = signature_marks(
            confirmation.method, confirmation.strokes, confirmation.typed_name, confirmation.confirmed
        )
        review.confirmation = ReviewConfirmation(
            signer_name=typed or review.plan.person.preferred_name,
            method=confirmation.method,
            strokes=strokes,
            confirmed_at=work.now,
            recorded_by_id=work.staff.id,
        )
        work.audit("confirm", "review", review, ("confirmation",))
