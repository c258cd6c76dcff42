"""What the review tests share: Dee's approved plan (tests/worlds.py), her booked reviews, her goals."""

from __future__ import annotations

from sqlalchemy import select

from careplan.domain.actor import PERSON
from careplan.domain.enums import PlanStatus, ReviewTopic
from careplan.domain.records import Goal, Review
from careplan.services import reviews_holding
from careplan.storage import Database
from tests import worlds
from tests.worlds import World


def approved_world(db: Database) -> World:
    """The team; Dee (on Sam's caseload and Chris's) with her plan approved: five reviews booked."""
    return worlds.build_world(db, stage=PlanStatus.APPROVED)


def booked(w: World) -> list[int]:
    """The plan's reviews not yet held, soonest first."""
    with w.db.session() as session:
        return list(
            session.scalars(
                select(Review.id)
                .where(Review.plan_id == w.plan_id, Review.completed_on.is_(None))
                .order_by(Review.due_date, Review.id)
            )
        )


def goal_keys(w: World, version_id: int | None = None) -> list[str]:
    with w.db.session() as session:
        return list(
            session.scalars(
                select(Goal.key)
                .where(Goal.version_id == (version_id or w.version_id))
                .order_by(Goal.position)
            )
        )


def held(w: World, review_id: int | None = None) -> int:
    """A review (the first booked unless said) held by Sam, with a note in Dee's words."""
    chosen = review_id if review_id is not None else booked(w)[0]
    reviews_holding.write_review_note(
        w.db, w.team.key_worker, chosen, ReviewTopic.WORKING, PERSON, "Seeing the kids on Saturdays"
    )
    return chosen
