"""The catalogue of services (and proposals for what it lacks), and the money a plan version sets
aside for them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careplan.domain.enums import ProposalStatus, ServiceUnit
from careplan.domain.records.base import Base, new_key, utcnow
from careplan.domain.records.people import Person
from careplan.domain.records.plans import Goal, PlanVersion
from careplan.domain.records.staff import StaffMember
from careplan.domain.records.texts import AuthoredText


class Provider(Base):
    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    contact: Mapped[str | None] = mapped_column(String(200))

    services: Mapped[list[Service]] = relationship(back_populates="provider")


class Service(Base):
    """A service in the local catalogue."""

    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(60), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[ServiceUnit] = mapped_column(String(10))
    unit_price_pence: Mapped[int] = mapped_column(Integer)
    peer_led: Mapped[bool] = mapped_column(Boolean, default=False)
    available_from: Mapped[date | None]
    available_to: Mapped[date | None]

    provider: Mapped[Provider] = relationship(back_populates="services")

    __table_args__ = (
        UniqueConstraint("provider_id", "name"),
        CheckConstraint("unit_price_pence >= 0", name="price"),
    )


class Proposal(Base):
    """A service the person wants that is not in the catalogue, and a manager's decision on it.

    A manager says yes (``approved``: a one-off for this person, or, with ``service_id``, added to
    the catalogue as that service), no (``declined``, with ``decision_note``, the reason the person
    will read), or asks to be told more (``asked``, with ``question``; the answer, in the person's or
    the key worker's words, is ``answer``, and the request waits for a manager again). The person
    may say they do not agree with a decision (``disagreement``, their words, kept beside it)."""

    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id"))
    what: Mapped[str] = mapped_column(String(200))
    who_might_provide: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(60))
    unit: Mapped[ServiceUnit] = mapped_column(String(10))
    estimated_cost_pence: Mapped[int] = mapped_column(Integer)
    why_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))
    status: Mapped[ProposalStatus] = mapped_column(String(10), default=ProposalStatus.PENDING)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str | None] = mapped_column(Text)
    approved_unit_price_pence: Mapped[int | None] = mapped_column(Integer)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"))
    question: Mapped[str | None] = mapped_column(Text)
    asked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    asked_at: Mapped[datetime | None]
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    disagreement_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))

    person: Mapped[Person] = relationship()
    why: Mapped[AuthoredText] = relationship(foreign_keys=[why_id])
    created_by: Mapped[StaffMember] = relationship(foreign_keys=[created_by_id])
    decided_by: Mapped[StaffMember | None] = relationship(foreign_keys=[decided_by_id])
    asked_by: Mapped[StaffMember | None] = relationship(foreign_keys=[asked_by_id])
    service: Mapped[Service | None] = relationship()
    answer: Mapped[AuthoredText | None] = relationship(foreign_keys=[answer_id])
    disagreement: Mapped[AuthoredText | None] = relationship(foreign_keys=[disagreement_id])

    __table_args__ = (
        CheckConstraint("estimated_cost_pence >= 0", name="estimate"),
        CheckConstraint("status IN ('pending', 'approved', 'declined', 'asked')", name="status"),
    )


allocation_goals = Table(
    "allocation_goals",
    Base.metadata,
    Column("allocation_id", ForeignKey("allocations.id", ondelete="CASCADE"), primary_key=True),
    Column("goal_id", ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True),
)


class Allocation(Base):
    """Money from the personal budget set aside for a service (or an approved proposal)."""

    __tablename__ = "allocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), index=True)
    key: Mapped[str] = mapped_column(String(32), default=new_key)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"), index=True)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id"))
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(60))
    unit: Mapped[ServiceUnit] = mapped_column(String(10))
    quantity: Mapped[Decimal]
    unit_price_pence: Mapped[int] = mapped_column(Integer)
    total_pence: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    version: Mapped[PlanVersion] = relationship(back_populates="allocations")
    service: Mapped[Service | None] = relationship()
    proposal: Mapped[Proposal | None] = relationship()
    goals: Mapped[list[Goal]] = relationship(secondary=allocation_goals, order_by="Goal.position")

    __table_args__ = (
        CheckConstraint("(service_id IS NULL) <> (proposal_id IS NULL)", name="source"),
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("unit_price_pence >= 0 AND total_pence >= 0", name="money"),
        UniqueConstraint("version_id", "key"),
        {"sqlite_autoincrement": True},
    )
