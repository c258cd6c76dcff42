"""Reviews of a plan: booked, asked for or brought forward, held in both voices, ended, confirmed.

- A review is *booked* (``due_date``) for the plan version in force. The person may ask for one
  (``asked_words``, in their voice, ``asked_at``); a key worker may bring one forward
  (``forward_from``: the day it was due before, ``forward_reason``).
- It is *held* from the day the first thing is written in it (``completed_on``, ``completed_by``):
  notes on what is working, what is not, what has changed (each topic may have a note in each
  voice), how each goal is going, and scores on outcome measures, the person's and the worker's
  kept side by side (:class:`ReviewScore`: a score is never overwritten by the other voice's).
- It is *ended* with an outcome (carry on, change the plan: ``new_version``, close the plan,
  with ``outcome_reason``), then the person *confirms* it (:class:`ReviewConfirmation`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careplan.domain.enums import GoalGoing, ReviewKind, ReviewOutcome, ReviewTopic, SignatureMethod
from careplan.domain.records.base import Base
from careplan.domain.records.plans import Plan, PlanVersion
from careplan.domain.records.texts import AuthoredText


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), index=True)
    kind: Mapped[ReviewKind] = mapped_column(String(10))
    due_date: Mapped[date] = mapped_column(index=True)
    # Asked for by the person, in their words; brought forward by a key worker, with a reason.
    asked_at: Mapped[datetime | None]
    asked_words_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    forward_from: Mapped[date | None]
    forward_reason_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    # Held: the day, and who started it.
    completed_on: Mapped[date | None]
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Ended.
    outcome: Mapped[ReviewOutcome | None] = mapped_column(String(12))
    outcome_reason_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    ended_at: Mapped[datetime | None]
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    new_version_id: Mapped[int | None] = mapped_column(ForeignKey("plan_versions.id"))

    plan: Mapped[Plan] = relationship(back_populates="reviews")
    version: Mapped[PlanVersion] = relationship(foreign_keys=[version_id])
    new_version: Mapped[PlanVersion | None] = relationship(foreign_keys=[new_version_id])
    asked_words: Mapped[AuthoredText | None] = relationship(foreign_keys=[asked_words_id])
    forward_reason: Mapped[AuthoredText | None] = relationship(foreign_keys=[forward_reason_id])
    outcome_reason: Mapped[AuthoredText | None] = relationship(foreign_keys=[outcome_reason_id])
    notes: Mapped[list[ReviewNote]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="ReviewNote.id"
    )
    scores: Mapped[list[ReviewScore]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="ReviewScore.id"
    )
    goals: Mapped[list[ReviewGoal]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="ReviewGoal.id"
    )
    confirmation: Mapped[ReviewConfirmation | None] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("kind IN ('early', 'regular', 'full')", name="kind"),
        CheckConstraint(
            "outcome IS NULL OR outcome IN ('carry_on', 'change_plan', 'close_plan')", name="outcome"
        ),
    )


# The people list finds each person's next review from this index alone (people_search).
Index("ix_reviews_plan_id_completed_on_due_date", Review.plan_id, Review.completed_on, Review.due_date)


class ReviewNote(Base):
    """A note on one topic of a review; whose words it is, is the text's own ``author_kind``."""

    __tablename__ = "review_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    topic: Mapped[ReviewTopic] = mapped_column(String(14))
    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))

    review: Mapped[Review] = relationship(back_populates="notes")
    text: Mapped[AuthoredText] = relationship()

    __table_args__ = (
        CheckConstraint("topic IN ('working', 'not_working', 'changed', 'anything_else')", name="topic"),
    )


class ReviewScore(Base):
    """One score for one item of an outcome measure, in one voice: the person's or the worker's.

    At most one of each voice per item (the unique constraint), so the worker's score is kept
    beside the person's, never instead of it."""

    __tablename__ = "review_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    measure: Mapped[str] = mapped_column(String(40))
    item: Mapped[str] = mapped_column(String(40))
    voice: Mapped[str] = mapped_column(String(10))
    value: Mapped[int] = mapped_column(Integer)
    given_at: Mapped[datetime]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    review: Mapped[Review] = relationship(back_populates="scores")

    __table_args__ = (
        UniqueConstraint("review_id", "measure", "item", "voice"),
        CheckConstraint("voice IN ('person', 'staff')", name="voice"),
    )


class ReviewGoal(Base):
    """How one goal of the reviewed version is going (the goal by its ``key``), and a note."""

    __tablename__ = "review_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    goal_key: Mapped[str] = mapped_column(String(32))
    going: Mapped[GoalGoing] = mapped_column(String(14))
    note_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))

    review: Mapped[Review] = relationship(back_populates="goals")
    note: Mapped[AuthoredText | None] = relationship()

    __table_args__ = (
        UniqueConstraint("review_id", "goal_key"),
        CheckConstraint(
            "going IN ('done', 'going_well', 'getting_there', 'hard_going', 'not_started')", name="going"
        ),
    )


class ReviewConfirmation(Base):
    """The person confirms the review record: a drawn signature or a typed name, as for a plan."""

    __tablename__ = "review_confirmations"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    signer_name: Mapped[str] = mapped_column(String(200))
    method: Mapped[SignatureMethod] = mapped_column(String(8))
    strokes: Mapped[list[Any] | None]
    confirmed_at: Mapped[datetime]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    review: Mapped[Review] = relationship(back_populates="confirmation")

    __table_args__ = (CheckConstraint("method IN ('drawn', 'typed')", name="method"),)
