"""The manager's desk's queues, each one statement whatever the size, oldest first.

- **To approve**: plan versions both sides signed (agreed), waiting since the last signature
  (``agreed_at``, set as the second one is made).
- **Requests to decide**: pending requests for a service not in the catalogue, waiting since made
  (or since the answer to a manager's "tell us more").
- **Ending**: plans whose version in force (approved or active: :func:`in_force`) has a year
  that ends within a number of days, or has ended: the end of its period, or a year after
  approval where no period was set.

- **Reviews** due (within :data:`~careplan.domain.review_timing.DUE_WITHIN_DAYS`) or overdue:
  each plan's next review not yet held, as ``careplan reviews --due`` lists them
  (:mod:`careplan.services.reviews_due`'s rows), with the person each is about, so that the desk
  can open their record; the desk (:mod:`careplan.services.desk`) counts them by key worker.

Each function here takes the
read-only :class:`~careplan.services.unit_of_work.Work` the desk opened, so the desk reads
every queue in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from careplan.domain.enums import PlanStatus, ProposalStatus
from careplan.domain.records import (
    Allocation,
    AuthoredText,
    Person,
    Plan,
    PlanVersion,
    Proposal,
    Review,
    StaffMember,
)
from careplan.domain.review_timing import ReviewTiming, due_by
from careplan.domain.wording.dates import short_date
from careplan.domain.wording.money import format_money
from careplan.domain.wording.waiting import waiting_words
from careplan.services.reviews_due import ReviewDueRow
from careplan.services.unit_of_work import Work

YEAR_DAYS = 365
"""A plan approved with no period set runs for this many days from its approval."""

LIVE = (PlanStatus.APPROVED, PlanStatus.ACTIVE)
"""The statuses of a plan version in force (approved, or in action)."""


def in_force() -> ColumnElement[bool]:
    """The plan version in force: approved or in action, and no newer one of the same plan is
    (a revision approved and not yet put into action takes over from the one in action). One a
    plan, so the desk counts each plan's money and year once."""
    newer = aliased(PlanVersion)
    # The newest number among the plan's versions in force, from the index on (plan, number,
    # status) alone: as fast as the status filter (a NOT EXISTS was ten times slower on SQLite).
    newest = (
        select(func.max(newer.number))
        .where(newer.plan_id == PlanVersion.plan_id, newer.status.in_(LIVE))
        .scalar_subquery()
    )
    return and_(PlanVersion.status.in_(LIVE), PlanVersion.number == newest)


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _worker(username: str | None, name: str | None) -> str:
    return "-" if username is None else f"{name} ({username})"


@dataclass(frozen=True)
class ToApprove:
    """A plan version both sides signed, waiting for a manager's approval."""

    person_id: int
    person_reference: str
    plan_id: int
    version_id: int
    version: int
    since: date  # the day the last signature was made
    days_waiting: int
    agreed_budget_pence: int | None
    set_aside_pence: int
    key_worker_username: str | None
    key_worker_name: str | None

    @property
    def waiting(self) -> str:
        return waiting_words(self.days_waiting)

    def as_json(self) -> dict[str, Any]:
        return {
            "person_reference": self.person_reference,
            "plan_id": self.plan_id,
            "version_id": self.version_id,
            "version": self.version,
            "signed_on": self.since.isoformat(),
            "days_waiting": self.days_waiting,
            "waiting": self.waiting,
            "agreed_budget_pence": self.agreed_budget_pence,
            "set_aside_pence": self.set_aside_pence,
            "key_worker_username": self.key_worker_username,
            "key_worker_name": self.key_worker_name,
        }

    def as_cells(self) -> list[str]:
        """Person, plan (version), signed on, waiting, agreed budget, key worker."""
        budget = "-" if self.agreed_budget_pence is None else format_money(self.agreed_budget_pence)
        return [
            self.person_reference,
            f"{self.plan_id} (version {self.version})",
            short_date(self.since),
            self.waiting,
            budget,
            _worker(self.key_worker_username, self.key_worker_name),
        ]


@dataclass(frozen=True)
class ToDecide:
    """A request for a service not in the catalogue, waiting for a manager's decision."""

    proposal_id: int
    person_id: int
    person_reference: str
    what: str
    category: str
    estimated_cost_pence: int
    since: date
    days_waiting: int
    asked_by_name: str

    @property
    def waiting(self) -> str:
        return waiting_words(self.days_waiting)

    def as_json(self) -> dict[str, Any]:
        return {
            "request_id": self.proposal_id,
            "person_reference": self.person_reference,
            "what": self.what,
            "category": self.category,
            "estimated_cost_pence": self.estimated_cost_pence,
            "asked_on": self.since.isoformat(),
            "days_waiting": self.days_waiting,
            "waiting": self.waiting,
            "asked_by_name": self.asked_by_name,
        }

    def as_cells(self) -> list[str]:
        """Person, what, category, estimated cost, asked on, waiting."""
        return [
            self.person_reference,
            self.what,
            self.category,
            format_money(self.estimated_cost_pence),
            short_date(self.since),
            self.waiting,
        ]


@dataclass(frozen=True)
class Ending:
    """A live plan whose year ends soon, or has ended."""

    person_id: int
    person_reference: str
    plan_id: int
    ends_on: date
    days_left: int  # negative: ended that many days ago
    key_worker_username: str | None
    key_worker_name: str | None

    @property
    def ended(self) -> bool:
        return self.days_left < 0

    @property
    def words(self) -> str:
        """ "Ends today", "Ends in 3 weeks", "Ended 2 months ago"."""
        if self.days_left == 0:
            return "Ends today"
        if self.ended:
            return f"Ended {waiting_words(-self.days_left)} ago"
        return f"Ends in {waiting_words(self.days_left)}"

    def as_json(self) -> dict[str, Any]:
        return {
            "person_reference": self.person_reference,
            "plan_id": self.plan_id,
            "ends_on": self.ends_on.isoformat(),
            "days_left": self.days_left,
            "words": self.words,
            "key_worker_username": self.key_worker_username,
            "key_worker_name": self.key_worker_name,
        }

    def as_cells(self) -> list[str]:
        """Person, plan, ends on, in words, key worker."""
        return [
            self.person_reference,
            str(self.plan_id),
            short_date(self.ends_on),
            self.words,
            _worker(self.key_worker_username, self.key_worker_name),
        ]


def to_approve_statement() -> Select[*tuple[Any, ...]]:
    """Every agreed version with its person, money and key worker, longest waiting first."""
    set_aside = (
        select(func.coalesce(func.sum(Allocation.total_pence), 0))
        .where(Allocation.version_id == PlanVersion.id)
        .scalar_subquery()
    )
    return (
        select(
            Person.id,
            Person.reference,
            Plan.id,
            PlanVersion.id,
            PlanVersion.number,
            PlanVersion.agreed_at,
            PlanVersion.agreed_budget_pence,
            set_aside,
            StaffMember.username,
            StaffMember.display_name,
        )
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
        .where(PlanVersion.status == PlanStatus.AGREED)
        .order_by(PlanVersion.agreed_at, PlanVersion.id)
    )


def to_approve(work: Work) -> list[ToApprove]:
    """Every agreed version, longest waiting first."""
    today = work.now.date()
    found = []
    rows = work.session.execute(to_approve_statement())
    for person_id, ref, plan_id, version_id, number, agreed_at, budget, aside, user, name in rows:
        since = _day(agreed_at) if agreed_at is not None else today
        found.append(
            ToApprove(
                person_id,
                ref,
                plan_id,
                version_id,
                number,
                since,
                (today - since).days,
                budget,
                aside,
                user,
                name,
            )
        )
    return found


def to_decide_statement() -> Select[*tuple[Any, ...]]:
    """Every request waiting for a manager's decision with its person and who asked, longest
    waiting first: waiting since it was made, or since the answer to a manager's question (a
    request waiting for that answer waits for the person, not for a manager, and is not here)."""
    answer = aliased(AuthoredText)
    since = func.coalesce(answer.written_at, Proposal.created_at)
    return (
        select(
            Proposal.id,
            Person.id,
            Person.reference,
            Proposal.what,
            Proposal.category,
            Proposal.estimated_cost_pence,
            since,
            StaffMember.display_name,
        )
        .join(Person, Person.id == Proposal.person_id)
        .join(StaffMember, StaffMember.id == Proposal.created_by_id)
        .outerjoin(answer, answer.id == Proposal.answer_id)
        .where(Proposal.status == ProposalStatus.PENDING)
        .order_by(since, Proposal.id)
    )


def to_decide(work: Work) -> list[ToDecide]:
    """Every pending request, longest waiting first."""
    today = work.now.date()
    return [
        ToDecide(ident, person_id, ref, what, category, cost, _day(at), (today - _day(at)).days, name)
        for ident, person_id, ref, what, category, cost, at, name in work.session.execute(
            to_decide_statement()
        )
    ]


def ending_statement(today: date, within_days: int) -> Select[*tuple[Any, ...]]:
    """Live plans whose year ends by ``within_days`` days from ``today``, or has ended."""
    last = today + timedelta(days=within_days)
    # No period: the year runs from approval, so it ends by ``last`` if approved by a year before.
    approved_by = datetime.combine(last - timedelta(days=YEAR_DAYS), time.max, tzinfo=UTC)
    return (
        select(
            Person.id,
            Person.reference,
            Plan.id,
            PlanVersion.period_end,
            # Read only where no period was set: a version's approval time is kept after its
            # large signed copy in the row, and reading it for every plan costs the most.
            case((PlanVersion.period_end.is_(None), PlanVersion.approved_at)),
            StaffMember.username,
            StaffMember.display_name,
        )
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
        .where(
            in_force(),
            or_(
                PlanVersion.period_end <= last,
                and_(PlanVersion.period_end.is_(None), PlanVersion.approved_at <= approved_by),
            ),
        )
    )


def ending(work: Work, within_days: int) -> list[Ending]:
    """Live plans whose year ends within ``within_days`` days from today, or has ended: soonest
    (longest ended) first."""
    today = work.now.date()
    found = []
    for person_id, ref, plan_id, period_end, approved_at, user, name in work.session.execute(
        ending_statement(today, within_days)
    ):
        ends_on = period_end if period_end is not None else _day(approved_at) + timedelta(days=YEAR_DAYS)
        found.append(Ending(person_id, ref, plan_id, ends_on, (ends_on - today).days, user, name))
    return sorted(found, key=lambda row: (row.ends_on, row.plan_id))


@dataclass(frozen=True)
class ReviewWaiting:
    """A plan's next review, due or overdue, and whose plan it is."""

    person_id: int
    review: ReviewDueRow


def reviews_statement(today: date) -> Select[*tuple[Any, ...]]:
    """Each plan's next review not yet held, due by ``today`` (or overdue), with its person."""
    due = func.min(Review.due_date)
    next_due = (
        select(Review.plan_id, due.label("due"))
        .where(Review.completed_on.is_(None))
        .group_by(Review.plan_id)
        .having(due <= due_by(today))
        .subquery()
    )
    return (
        select(
            Person.id,
            Person.reference,
            Plan.id,
            next_due.c.due,
            StaffMember.username,
            StaffMember.display_name,
        )
        .join(Plan, Plan.id == next_due.c.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
        .order_by(next_due.c.due, Plan.id)
    )


def reviews_waiting(work: Work) -> list[ReviewWaiting]:
    """Each plan's next review not yet held that is due or overdue, most overdue first."""
    today = work.now.date()
    return [
        ReviewWaiting(person_id, ReviewDueRow(ref, plan_id, day, ReviewTiming(day, today), user, name))
        for person_id, ref, plan_id, day, user, name in work.session.execute(reviews_statement(today))
    ]
