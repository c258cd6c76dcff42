"""The care-plan record as SQLAlchemy 2 typed models.

Conventions:
- money is integer pence (``*_pence`` columns); quantities are ``Numeric(12, 2)``;
- every piece of free text is an :class:`AuthoredText` row, so authorship belongs to the text;
  texts are never edited in place: a change writes a new text, so earlier plan versions keep theirs;
- items that live on from one plan version to the next (goals, steps, allocations) carry a ``key``
  that stays the same across versions, so two versions can be compared item by item;
- timestamps are UTC.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from careplan.domain.enums import (
    AuthorKind,
    GoalStatus,
    PlanStatus,
    ProposalStatus,
    ReviewKind,
    Role,
    ServiceUnit,
    SignatureMethod,
    SignerKind,
    StepOwner,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_key() -> str:
    return uuid.uuid4().hex


class UtcDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UtcDateTime(),
        date: Date(),
        Decimal: Numeric(12, 2),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class StaffMember(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Signing in (services/authentication.py). No password hash yet: the account cannot sign in
    # until an administrator sets a password.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    password_changed_at: Mapped[datetime | None]
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    # After a few failures, no attempt is even checked before this moment (the growing delay).
    locked_until: Mapped[datetime | None]
    # After too many failures, locked until an administrator unlocks the account.
    locked: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint("role IN ('key_worker', 'peer_mentor', 'manager', 'administrator')", name="role"),
    )


class Person(Base):
    """A person who uses the service. Their About me lives in :class:`AboutMeEntry` rows."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    preferred_name: Mapped[str] = mapped_column(String(120), index=True)
    full_name: Mapped[str] = mapped_column(String(200), index=True)
    date_of_birth: Mapped[date | None]
    pronouns: Mapped[str | None] = mapped_column(String(40))
    contact_how: Mapped[str | None] = mapped_column(String(40))
    contact_details: Mapped[str | None] = mapped_column(String(200))
    key_worker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    key_worker: Mapped[StaffMember | None] = relationship()
    about_me: Mapped[list[AboutMeEntry]] = relationship(back_populates="person", cascade="all, delete-orphan")
    substances: Mapped[list[SubstanceUse]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="SubstanceUse.position"
    )
    plans: Mapped[list[Plan]] = relationship(back_populates="person")
    consents: Mapped[list[Consent]] = relationship(back_populates="person")

    __mapper_args__ = {"version_id_col": revision}


# Search as you type (careplan.services.search_words): folded text, compared byte by byte
# (codepoint order) on both engines, hence "C" collation on PostgreSQL.
FoldedText = Text().with_variant(Text(collation="C"), "postgresql")


class PersonWord(Base):
    """One word of a person's preferred name, full name or reference, folded (lower case,
    accents off), so a typed word is found by an index range instead of reading every person.
    Kept up to date by the use cases that register or rename a person."""

    __tablename__ = "person_words"
    __table_args__ = {"sqlite_with_rowid": False}

    word: Mapped[str] = mapped_column(FoldedText, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, index=True)


class PersonNameKey(Base):
    """A person's preferred name, folded: the people list's order by name, walked by an index,
    so a page of a long list is found without sorting everyone who matches."""

    __tablename__ = "person_name_keys"
    __table_args__ = (Index("ix_person_name_keys_name_key", "name_key", "person_id"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, autoincrement=False)
    name_key: Mapped[str] = mapped_column(FoldedText)


class AuthoredText(Base):
    """One piece of free text and whose words it is.

    ``author_kind`` says whose voice it is; ``recorded_by`` says who typed it (a key worker often
    types what the person says, as they say it).
    """

    __tablename__ = "texts"

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    author_kind: Mapped[AuthorKind] = mapped_column(String(10))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    author_role: Mapped[Role | None] = mapped_column(String(20))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    written_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person | None] = relationship(foreign_keys=[person_id])
    staff: Mapped[StaffMember | None] = relationship(foreign_keys=[staff_id])
    recorded_by: Mapped[StaffMember] = relationship(foreign_keys=[recorded_by_id])

    __table_args__ = (
        CheckConstraint(
            "(author_kind = 'person' AND person_id IS NOT NULL AND staff_id IS NULL)"
            " OR (author_kind = 'staff' AND staff_id IS NOT NULL AND author_role IS NOT NULL)",
            name="author",
        ),
    )


class AboutMeEntry(Base):
    """One answer in a person's About me ("what matters to me", "my hopes", ...)."""

    __tablename__ = "about_me"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    topic: Mapped[str] = mapped_column(String(40))
    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))

    person: Mapped[Person] = relationship(back_populates="about_me")
    text: Mapped[AuthoredText] = relationship()

    __table_args__ = (UniqueConstraint("person_id", "topic"), {"sqlite_autoincrement": True})


class SubstanceUse(Base):
    """The structured list of substances a person uses and how."""

    __tablename__ = "substance_use"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    substance: Mapped[str] = mapped_column(String(80))
    how: Mapped[str | None] = mapped_column(String(80))
    how_often: Mapped[str | None] = mapped_column(String(80))
    amount: Mapped[str | None] = mapped_column(String(80))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    person: Mapped[Person] = relationship(back_populates="substances")


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
    """A service the person wants that is not in the catalogue, waiting for a manager's decision."""

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

    person: Mapped[Person] = relationship()
    why: Mapped[AuthoredText] = relationship()
    created_by: Mapped[StaffMember] = relationship(foreign_keys=[created_by_id])
    decided_by: Mapped[StaffMember | None] = relationship(foreign_keys=[decided_by_id])

    __table_args__ = (
        CheckConstraint("estimated_cost_pence >= 0", name="estimate"),
        CheckConstraint("status IN ('pending', 'approved', 'declined')", name="status"),
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


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"))
    kind: Mapped[ReviewKind] = mapped_column(String(10))
    due_date: Mapped[date] = mapped_column(index=True)
    completed_on: Mapped[date | None]
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    person_notes_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    worker_notes_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))

    plan: Mapped[Plan] = relationship(back_populates="reviews")
    version: Mapped[PlanVersion] = relationship()
    person_notes: Mapped[AuthoredText | None] = relationship(foreign_keys=[person_notes_id])
    worker_notes: Mapped[AuthoredText | None] = relationship(foreign_keys=[worker_notes_id])
    ratings: Mapped[list[ReviewRating]] = relationship(back_populates="review", cascade="all, delete-orphan")

    __table_args__ = (CheckConstraint("kind IN ('early', 'regular', 'full')", name="kind"),)


# The people list works out each row's plan status and next review from these indexes alone,
# without reading the (large) plan version rows: see careplan.services.people_search.
Index("ix_plan_versions_plan_id_number_status", PlanVersion.plan_id, PlanVersion.number, PlanVersion.status)
Index("ix_reviews_plan_id_completed_on_due_date", Review.plan_id, Review.completed_on, Review.due_date)


class ReviewRating(Base):
    __tablename__ = "review_ratings"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    life_area_id: Mapped[int] = mapped_column(ForeignKey("life_areas.id"), primary_key=True)
    rating: Mapped[int] = mapped_column(Integer)

    review: Mapped[Review] = relationship(back_populates="ratings")
    life_area: Mapped[LifeArea] = relationship()

    __table_args__ = (CheckConstraint("rating BETWEEN 1 AND 10", name="rating"),)


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


class Consent(Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    what: Mapped[str] = mapped_column(String(200))
    with_whom: Mapped[str] = mapped_column(String(200))
    given_on: Mapped[date]
    withdrawn_on: Mapped[date | None]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    person: Mapped[Person] = relationship(back_populates="consents")


class PeerMentorAssignment(Base):
    """A peer mentor working with a person: the person is on the peer mentor's caseload."""

    __tablename__ = "peer_mentor_assignments"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True, index=True)
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    assigned_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class RecordCover(Base):
    """A member of staff covering for a colleague: they may open one person's record, who is not
    on their caseload, until ``ends_at``. The reason is theirs, in their words; it is kept here,
    never in the audit trail (which says only that a cover began, and for whom)."""

    __tablename__ = "record_covers"
    __table_args__ = (
        Index("ix_record_covers_staff_id_person_id_ends_at", "staff_id", "person_id", "ends_at"),
        CheckConstraint("ends_at > started_at", name="period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime]
    ends_at: Mapped[datetime]

    staff: Mapped[StaffMember] = relationship()


class AuditEvent(Base):
    """Append-only. Never holds personal text: only which record, which action, which fields."""

    __tablename__ = "audit_events"
    # "Who has seen this" finds a person's events by the records they name.
    __table_args__ = (Index("ix_audit_events_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[list[Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The person the event is about (None for staff, catalogue, settings). No foreign key: the
    # trail outlives every record. Covered by the hash from migration 0006 on (services/audit.py).
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)


class AuditHead(Base):
    """One row: the end of the audit chain. Every write takes its lock first, so the chain is a line."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class SignInFailure(Base):
    """Wrong tries at a username that is not on the staff, counted like an account's (so that
    trying names tells nobody who works here). Keyed by a keyed hash of the name, never the name;
    see services/authentication.py."""

    __tablename__ = "sign_in_failures"

    name_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_failed_at: Mapped[datetime] = mapped_column(index=True)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]]
