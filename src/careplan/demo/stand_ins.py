"""Stand-ins for the records, with exactly the attributes canonical.py reads.

The builder makes these instead of ORM objects (far quicker), fingerprints signed versions with the
real :func:`careplan.services.canonical.plan_sha256` over them, and writes them out as rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from careplan.demo.content.goal_ideas import Idea
from careplan.domain.enums import AuthorKind, GoalStatus, PlanStatus, ProposalStatus, Role, ServiceUnit

# Plain strings for the values written most often (an enum's .value is slow in a hot loop).
PERSON_VOICE, STAFF_VOICE = AuthorKind.PERSON.value, AuthorKind.STAFF.value
NOT_STARTED, UNDER_WAY, ACHIEVED = (
    GoalStatus.NOT_STARTED.value,
    GoalStatus.UNDER_WAY.value,
    GoalStatus.ACHIEVED.value,
)
DRAFT = PlanStatus.DRAFT.value


@dataclass(eq=False, slots=True)
class Staff:
    id: int
    username: str
    display_name: str
    role: Role
    created_at: datetime
    active: bool = True
    manager: Staff | None = None
    mentor: Staff | None = None


@dataclass(eq=False, slots=True)
class Area:
    id: int
    code: str
    name: str


@dataclass(eq=False, slots=True)
class Text:
    id: int
    body: str
    author_kind: str
    person_id: int | None
    staff: Staff | None
    author_role: str | None
    recorded_by_id: int
    written_at: datetime


@dataclass(eq=False, slots=True)
class AboutMe:
    topic: str
    text: Text


@dataclass(eq=False, slots=True)
class Substance:
    substance: str
    how: str | None
    how_often: str | None
    amount: str | None


@dataclass(eq=False, slots=True)
class Person:
    id: int
    reference: str
    preferred_name: str
    full_name: str
    date_of_birth: date | None
    pronouns: str | None
    contact_how: str | None
    contact_details: str | None
    key_worker: Staff
    created_at: datetime
    about_me: list[AboutMe] = field(default_factory=list)
    substances: list[Substance] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Plan:
    id: int
    key: str
    person: Person
    key_worker: Staff
    created_at: datetime
    updated_at: datetime
    revision: int = 1


@dataclass(eq=False, slots=True)
class Step:
    id: int
    key: str
    position: int
    what: Text
    owner: str
    owner_detail: str | None
    due_date: date | None
    done: bool = False


@dataclass(eq=False, slots=True)
class Goal:
    id: int
    key: str
    position: int
    wording: Text
    why: Text | None
    life_area: Area
    target_date: date | None
    status: str = NOT_STARTED
    steps: list[Step] = field(default_factory=list)
    idea: Idea | None = None


@dataclass(eq=False, slots=True)
class Allocation:
    id: int
    key: str
    service_id: int | None
    proposal_id: int | None
    description: str
    category: str
    unit: str
    quantity: Decimal
    unit_price_pence: int
    total_pence: int
    goals: list[Goal]
    period_start: date | None
    period_end: date | None
    override_reason: str | None = None
    override_by_id: int | None = None


@dataclass(eq=False, slots=True)
class Note:
    id: int
    key: str
    text: Text
    goal_id: int | None = None
    step: Step | None = None
    allocation: Allocation | None = None

    @property
    def step_id(self) -> int | None:
        return self.step.id if self.step is not None else None

    @property
    def allocation_id(self) -> int | None:
        return self.allocation.id if self.allocation is not None else None


@dataclass(eq=False, slots=True)
class StayingSafe:
    """The one-of-a-kind parts of a version's staying-safe plan (canonical.py reads these)."""

    id: int
    warning_signs: Text | None = None
    what_helps: Text | None = None
    if_unreachable: Text | None = None
    overdose_risk: str | None = None
    overdose_words: Text | None = None
    naloxone: str | None = None
    naloxone_where: Text | None = None


@dataclass(eq=False, slots=True)
class SafetyContact:
    id: int
    key: str
    position: int
    name: Text
    phone: str


@dataclass(eq=False, slots=True)
class Version:
    id: int
    plan: Plan
    number: int
    created_at: datetime
    created_by_id: int
    period_start: date | None
    period_end: date | None
    based_on_id: int | None = None
    status: str = DRAFT
    indicative_pence: int | None = None
    indicative_working: dict[str, Any] | None = None
    agreed_budget_pence: int | None = None
    frozen_sha256: str | None = None
    frozen_canonical: dict[str, Any] | None = None
    agreed_at: datetime | None = None
    approved_at: datetime | None = None
    approved_by_id: int | None = None
    activated_at: datetime | None = None
    ended_at: datetime | None = None
    goals: list[Goal] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    disagreements: list[Note] = field(default_factory=list)
    staying_safe: StayingSafe | None = None
    safety_contacts: list[SafetyContact] = field(default_factory=list)

    def limit(self) -> int | None:
        if self.agreed_budget_pence is not None:
            return self.agreed_budget_pence
        return self.indicative_pence

    def allocated(self) -> int:
        return sum(a.total_pence for a in self.allocations)


@dataclass(eq=False, slots=True)
class Review:
    id: int
    plan_id: int
    version_id: int
    kind: str
    due_date: date
    completed_on: date | None = None
    completed_by_id: int | None = None
    ratings: dict[str, int] = field(default_factory=dict)  # the person's scores, by life area code
    worker_ratings: dict[str, int] = field(default_factory=dict)  # the worker's, beside them
    notes: list[tuple[str, Text]] = field(default_factory=list)  # (topic, words in either voice)
    goals: list[tuple[str, str, Text | None]] = field(default_factory=list)  # (goal key, going, note)
    asked_at: datetime | None = None
    asked_words: Text | None = None
    forward_from: date | None = None
    forward_reason: Text | None = None
    outcome: str | None = None
    outcome_reason: Text | None = None
    ended_at: datetime | None = None
    ended_by_id: int | None = None
    new_version_id: int | None = None
    confirmed: tuple[str, str, list[Any] | None, datetime, int] | None = None  # name, method, strokes, at, by


@dataclass(eq=False, slots=True)
class Proposal:
    id: int
    person_id: int
    plan_id: int | None
    what: str
    who_might_provide: str | None
    category: str
    unit: str
    estimated_cost_pence: int
    why: Text
    created_by_id: int
    created_at: datetime
    status: str = ProposalStatus.PENDING.value
    decided_by_id: int | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    approved_unit_price_pence: int | None = None
    service_id: int | None = None
    question: str | None = None
    asked_by_id: int | None = None
    asked_at: datetime | None = None
    answer: Text | None = None
    disagreement: Text | None = None


@dataclass(frozen=True, slots=True)
class ServiceRow:
    id: int
    provider: str
    name: str
    category: str
    unit: ServiceUnit
    price: int
