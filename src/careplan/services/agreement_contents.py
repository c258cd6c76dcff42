"""What a printed care plan agreement shows: plain frozen data, read from what was signed
(:mod:`careplan.services.agreement_reading`) and drawn by ``careplan.documents``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from careplan.domain.enums import PlanStatus, SafetyPart, SignatureMethod, SignerKind, StepOwner
from careplan.domain.wording.units import quantity_words
from careplan.services.audit import ChainAnchor
from careplan.services.spending_view import PlanSpending


@dataclass(frozen=True)
class Words:
    """A piece of text and whose words it is."""

    text: str
    by_person: bool
    author_name: str
    author_role: str | None = None  # "key worker", "peer mentor", ... for staff

    @property
    def label(self) -> str:
        """ "Dee's words" or "Sam Okafor, key worker"."""
        if self.by_person:
            return f"{self.author_name}'s words"
        return f"{self.author_name}, {self.author_role}" if self.author_role else self.author_name


@dataclass(frozen=True)
class AboutMeAnswer:
    topic: str
    heading: str
    words: Words


@dataclass(frozen=True)
class Substance:
    substance: str
    how: str | None
    how_often: str | None
    amount: str | None

    @property
    def summary(self) -> str:
        details = [d for d in (self.how, self.how_often, self.amount) if d]
        return f"{self.substance}: {', '.join(details)}" if details else self.substance


@dataclass(frozen=True)
class AgreementStep:
    what: Words
    who: StepOwner
    who_label: str  # "Dee", "Sam Okafor (key worker)", "Local family centre"
    by: date | None
    disagreements: tuple[Words, ...] = ()


@dataclass(frozen=True)
class AgreementGoal:
    number: int
    life_area_code: str
    life_area: str
    wording: Words
    why: Words | None
    target_date: date | None
    steps: tuple[AgreementStep, ...]
    disagreements: tuple[Words, ...] = ()


@dataclass(frozen=True)
class BudgetLine:
    description: str
    category: str
    unit: str
    quantity: Decimal
    unit_price_pence: int
    total_pence: int
    goal_numbers: tuple[int, ...]
    override_reason: str | None
    disagreements: tuple[Words, ...] = ()

    @property
    def quantity_label(self) -> str:
        """ "4 sessions", "1.5 hours", "1 course"."""
        return quantity_words(self.quantity, self.unit)


@dataclass(frozen=True)
class WorkingLine:
    question: str
    answer: str
    points: int


@dataclass(frozen=True)
class Budget:
    indicative_pence: int | None
    working_summary: str | None
    working_lines: tuple[WorkingLine, ...]
    agreed_pence: int | None
    lines: tuple[BudgetLine, ...]

    @property
    def allocated_pence(self) -> int:
        return sum(line.total_pence for line in self.lines)

    @property
    def limit_pence(self) -> int | None:
        """The agreed amount, or the indicative amount when none was agreed separately."""
        return self.agreed_pence if self.agreed_pence is not None else self.indicative_pence

    @property
    def left_pence(self) -> int | None:
        limit = self.limit_pence
        return None if limit is None else limit - self.allocated_pence


@dataclass(frozen=True)
class SafetyContactLine:
    name: Words
    phone: str


@dataclass(frozen=True)
class StayingSafePlan:
    """The staying-safe plan as signed (empty parts are None)."""

    warning_signs: Words | None = None
    what_helps: Words | None = None
    if_unreachable: Words | None = None
    contacts: tuple[SafetyContactLine, ...] = ()
    overdose_risk: str | None = None  # an OverdoseRisk value
    overdose_words: Words | None = None
    naloxone: str | None = None  # a Naloxone value
    naloxone_where: Words | None = None

    def part(self, part: SafetyPart | str) -> Words | None:
        found: Words | None = getattr(self, SafetyPart(part).value)
        return found

    @property
    def empty(self) -> bool:
        return self == StayingSafePlan()


@dataclass(frozen=True)
class ReviewDate:
    kind: str
    label: str  # "Early review", "Review", "Full review"
    due: date
    held_on: date | None


@dataclass(frozen=True)
class ConsentStatement:
    what: str
    with_whom: str
    given_on: date


@dataclass(frozen=True)
class SignatureMark:
    signer: SignerKind
    name: str
    role_label: str  # "the person this plan is for", "key worker", ...
    signed_at: datetime
    method: SignatureMethod
    strokes: tuple[tuple[tuple[float, float], ...], ...] = ()
    typed_name: str | None = None


@dataclass(frozen=True)
class Approval:
    name: str
    role_label: str
    approved_at: datetime


@dataclass(frozen=True)
class Agreement:
    """Everything a printed agreement shows. No ORM objects, no database ids but the version's."""

    version_id: int
    plan_key: str
    version_number: int
    status: PlanStatus
    person_name: str
    person_reference: str
    key_worker: str | None
    service_name: str
    period_start: date | None
    period_end: date | None
    about_me: tuple[AboutMeAnswer, ...]
    substances: tuple[Substance, ...]
    goals: tuple[AgreementGoal, ...]
    plan_disagreements: tuple[Words, ...]
    budget: Budget
    reviews: tuple[ReviewDate, ...]
    consents: tuple[ConsentStatement, ...]
    signatures: tuple[SignatureMark, ...]
    approval: Approval
    ended_at: datetime | None  # when a superseded or closed version stopped being the plan
    document_id: str
    sha256: str
    audit_anchor: ChainAnchor | None = None  # the audit trail's head when it was made
    staying_safe: StayingSafePlan = StayingSafePlan()
    # Spending to date, on the day it is printed: outside what was signed (services/canonical.py
    # never sees it, so the fingerprint stays the signed one). None before approval.
    spending: PlanSpending | None = None
