"""Care plans and their versions: goals and steps, notes of disagreement, signatures (reviews:
:mod:`careplan.domain.records.reviews`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careplan.domain.enums import GoalStatus, PlanStatus, SignatureMethod, SignerKind, StepOwner
from careplan.domain.records.base import Base, new_key, utcnow
from careplan.domain.records.people import Person
from careplan.domain.records.staff import StaffMember
from careplan.domain.records.texts import AuthoredText

if TYPE_CHECKING:
    from careplan.domain.records.budget import Allocation
    from careplan.domain.records.reviews import Review
    from careplan.domain.records.staying_safe import SafetyContact, StayingSafe


class LifeArea(Base):
    __tablename__ = "life_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Plan(Base):
    """A person's care plan: a series of versions. ``revision`` guards against lost updates."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True, default=new_key)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    key_worker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    person: Mapped[Person] = relationship(back_populates="plans")
    key_worker: Mapped[StaffMember | None] = relationship()
    versions: Mapped[list[PlanVersion]] = relationship(
        back_populates="plan", order_by="PlanVersion.number", foreign_keys="PlanVersion.plan_id"
    )
    reviews: Mapped[list[Review]] = relationship(back_populates="plan", order_by="Review.due_date")

    __mapper_args__ = {"version_id_col": revision}


class PlanVersion(Base):
    __tablename__ = "plan_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[PlanStatus] = mapped_column(String(12), default=PlanStatus.DRAFT, index=True)
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("plan_versions.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    # The personal budget of this version.
    indicative_pence: Mapped[int | None] = mapped_column(Integer)
    indicative_working: Mapped[dict[str, Any] | None]
    agreed_budget_pence: Mapped[int | None] = mapped_column(Integer)
    # Set when the version is frozen (agreed): exactly what both signatures cover, and its SHA-256.
    frozen_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    frozen_canonical: Mapped[dict[str, Any] | None]
    agreed_at: Mapped[datetime | None]
    approved_at: Mapped[datetime | None]
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    activated_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]

    plan: Mapped[Plan] = relationship(back_populates="versions", foreign_keys=[plan_id])
    based_on: Mapped[PlanVersion | None] = relationship(remote_side=[id])
    created_by: Mapped[StaffMember] = relationship(foreign_keys=[created_by_id])
    approved_by: Mapped[StaffMember | None] = relationship(foreign_keys=[approved_by_id])
    goals: Mapped[list[Goal]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="Goal.position"
    )
    allocations: Mapped[list[Allocation]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="Allocation.id"
    )
    disagreements: Mapped[list[Disagreement]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="Disagreement.id"
    )
    signatures: Mapped[list[Signature]] = relationship(back_populates="version", order_by="Signature.id")
    staying_safe: Mapped[StayingSafe | None] = relationship(cascade="all, delete-orphan")
    safety_contacts: Mapped[list[SafetyContact]] = relationship(
        cascade="all, delete-orphan", order_by="SafetyContact.position"
    )

    __table_args__ = (
        UniqueConstraint("plan_id", "number"),
        CheckConstraint(
            "status IN ('draft', 'agreed', 'approved', 'active', 'superseded', 'closed')",
            name="status",
        ),
        CheckConstraint("agreed_budget_pence IS NULL OR agreed_budget_pence >= 0", name="agreed"),
    )


class Goal(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), index=True)
    key: Mapped[str] = mapped_column(String(32), default=new_key)
    position: Mapped[int] = mapped_column(Integer, default=0)
    wording_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))
    why_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    life_area_id: Mapped[int] = mapped_column(ForeignKey("life_areas.id"))
    target_date: Mapped[date | None]
    status: Mapped[GoalStatus] = mapped_column(String(12), default=GoalStatus.NOT_STARTED)

    version: Mapped[PlanVersion] = relationship(back_populates="goals")
    wording: Mapped[AuthoredText] = relationship(foreign_keys=[wording_id])
    why: Mapped[AuthoredText | None] = relationship(foreign_keys=[why_id])
    life_area: Mapped[LifeArea] = relationship()
    steps: Mapped[list[Step]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Step.position"
    )

    __table_args__ = (UniqueConstraint("version_id", "key"), {"sqlite_autoincrement": True})


class Step(Base):
    __tablename__ = "steps"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id"), index=True)
    key: Mapped[str] = mapped_column(String(32), default=new_key)
    position: Mapped[int] = mapped_column(Integer, default=0)
    what_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))
    owner: Mapped[StepOwner] = mapped_column(String(14))
    owner_detail: Mapped[str | None] = mapped_column(String(120))
    due_date: Mapped[date | None]
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    goal: Mapped[Goal] = relationship(back_populates="steps")
    what: Mapped[AuthoredText] = relationship()


class Disagreement(Base):
    """An "I don't agree" note, from either side, on the plan or on one of its items."""

    __tablename__ = "disagreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), index=True)
    key: Mapped[str] = mapped_column(String(32), default=new_key)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    step_id: Mapped[int | None] = mapped_column(ForeignKey("steps.id", ondelete="CASCADE"))
    allocation_id: Mapped[int | None] = mapped_column(ForeignKey("allocations.id", ondelete="CASCADE"))
    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))

    version: Mapped[PlanVersion] = relationship(back_populates="disagreements")
    goal: Mapped[Goal | None] = relationship()
    step: Mapped[Step | None] = relationship()
    allocation: Mapped[Allocation | None] = relationship()
    text: Mapped[AuthoredText] = relationship()

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN goal_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN step_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN allocation_id IS NULL THEN 0 ELSE 1 END) <= 1",
            name="one_item",
        ),
        {"sqlite_autoincrement": True},
    )


# The people list works out each row's plan status from this index alone, without reading the
# (large) plan version rows: see careplan.services.people_search. (Reviews: records/reviews.py.)
Index("ix_plan_versions_plan_id_number_status", PlanVersion.plan_id, PlanVersion.number, PlanVersion.status)
# The desk's: each plan's version in force, its year and agreed budget, read from the index alone
# (migration 0013; ``python -m bench --only desk``: ~170 ms to ~40 ms at 2,000 people).
Index(
    "ix_plan_versions_in_force",
    PlanVersion.status,
    PlanVersion.plan_id,
    PlanVersion.number,
    PlanVersion.period_start,
    PlanVersion.period_end,
    PlanVersion.approved_at,
    PlanVersion.agreed_budget_pence,
)


class Signature(Base):
    """A signature on one plan version, with the fingerprint of exactly what was signed."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), index=True)
    signer_kind: Mapped[SignerKind] = mapped_column(String(12))
    signer_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)
    method: Mapped[SignatureMethod] = mapped_column(String(8))
    strokes: Mapped[list[Any] | None]
    plan_sha256: Mapped[str] = mapped_column(String(64))

    version: Mapped[PlanVersion] = relationship(back_populates="signatures")

    __table_args__ = (
        CheckConstraint("signer_kind IN ('person', 'key_worker')", name="signer"),
        CheckConstraint("method IN ('drawn', 'typed')", name="method"),
    )
