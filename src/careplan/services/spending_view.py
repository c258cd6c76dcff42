"""What has been spent from a plan's budget: per chosen service set aside, used and left, the
totals, the period and how the budget is held, with facts to point out (near the limit, under-used
part-way through the period); and, for many plans at once, the totals by category.

"Used" nets each reversal against the entry it puts right. A service is followed across the
plan's versions by its key, so what was spent under an earlier approved version still counts
against the same service in the version in force. Spending on a service that is not in the
version in force (agreed by a manager) shows as its own line with nothing set aside.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from careplan.domain.actor import Actor
from careplan.domain.enums import BudgetHeld, PlanStatus, ReceiptKind
from careplan.domain.errors import NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import Allocation, Plan, PlanBudget, PlanVersion, Spending, StaffMember
from careplan.services.spending_rules import (
    IN_FORCE,
    budget_period,
    expected_by_now,
    in_force,
    near_limit,
    underspent,
)
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database


@dataclass(frozen=True)
class ServiceSpending:
    allocation_id: int  # the chosen service in the version in force (or the one spent against)
    key: str
    description: str
    category: str
    set_aside_pence: int
    used_pence: int
    in_plan: bool  # False: spent on with a manager's agreement, not in the version in force
    expected_by_now_pence: int  # what steady use over the period would have spent by today
    near_limit: bool
    underspent: bool

    @property
    def left_pence(self) -> int:
        """Set aside less used: below zero when a manager agreed to spend more."""
        return self.set_aside_pence - self.used_pence

    @property
    def over(self) -> bool:
        return self.used_pence > self.set_aside_pence


@dataclass(frozen=True)
class SpendingEntry:
    id: int
    allocation_id: int
    service: str
    spent_on: date
    amount_pence: int
    supplier: str
    what_for: str | None
    reference: str | None
    recorded_by: str
    recorded_at: datetime
    reverses_id: int | None
    reason: str | None
    reversed_by_id: int | None
    agreed_by: str | None
    agreement: str | None
    receipt_kind: ReceiptKind | None

    @property
    def signed_pence(self) -> int:
        return -self.amount_pence if self.reverses_id is not None else self.amount_pence


@dataclass(frozen=True)
class PlanSpending:
    plan_id: int
    version_id: int
    period_start: date
    period_end: date
    held: BudgetHeld | None  # None: a manager has not recorded it yet
    today: date
    services: tuple[ServiceSpending, ...]
    entries: tuple[SpendingEntry, ...]  # newest first

    @property
    def set_aside_pence(self) -> int:
        return sum(s.set_aside_pence for s in self.services)

    @property
    def used_pence(self) -> int:
        return sum(s.used_pence for s in self.services)

    @property
    def left_pence(self) -> int:
        return self.set_aside_pence - self.used_pence

    @property
    def days_total(self) -> int:
        return (self.period_end - self.period_start).days + 1

    @property
    def days_gone(self) -> int:
        return min(max((self.today - self.period_start).days + 1, 0), self.days_total)


def _entries(session: Session, plan_id: int) -> list[SpendingEntry]:
    recorder, agreer, reversal = aliased(StaffMember), aliased(StaffMember), aliased(Spending)
    rows = session.execute(
        select(
            Spending.id,
            Spending.allocation_id,
            Allocation.description,
            Spending.spent_on,
            Spending.amount_pence,
            Spending.supplier,
            Spending.what_for,
            Spending.reference,
            recorder.display_name,
            Spending.recorded_at,
            Spending.reverses_id,
            Spending.reason,
            reversal.id,
            agreer.display_name,
            Spending.agreement,
            Spending.receipt_kind,
        )
        .join(Allocation, Allocation.id == Spending.allocation_id)
        .join(recorder, recorder.id == Spending.recorded_by_id)
        .outerjoin(agreer, agreer.id == Spending.agreed_by_id)
        .outerjoin(reversal, reversal.reverses_id == Spending.id)
        .where(Spending.plan_id == plan_id)
        .order_by(Spending.spent_on.desc(), Spending.id.desc())
    ).all()
    return [
        SpendingEntry(
            id=r[0],
            allocation_id=r[1],
            service=r[2],
            spent_on=r[3],
            amount_pence=r[4],
            supplier=r[5],
            what_for=r[6],
            reference=r[7],
            recorded_by=r[8],
            recorded_at=r[9],
            reverses_id=r[10],
            reason=r[11],
            reversed_by_id=r[12],
            agreed_by=r[13],
            agreement=r[14],
            receipt_kind=ReceiptKind(r[15]) if r[15] is not None else None,
        )
        for r in rows
    ]


def _services(
    version: PlanVersion,
    entries: list[SpendingEntry],
    keys: dict[int, tuple[str, str, str]],
    days: tuple[int, int],
) -> tuple[ServiceSpending, ...]:
    used: dict[str, int] = {}
    spent_against: dict[str, int] = {}
    for entry in entries:
        key = keys[entry.allocation_id][0]
        used[key] = used.get(key, 0) + entry.signed_pence
        spent_against.setdefault(key, entry.allocation_id)
    gone, total = days
    found = []
    for a in version.allocations:
        spent = used.pop(a.key, 0)
        found.append(
            ServiceSpending(
                a.id,
                a.key,
                a.description,
                a.category,
                a.total_pence,
                spent,
                True,
                expected_by_now(a.total_pence, gone, total),
                near_limit(a.total_pence, spent),
                underspent(a.total_pence, spent, gone, total),
            )
        )
    for key, spent in used.items():  # spent with a manager's agreement, not in the plan in force
        allocation_id = spent_against[key]
        _key, description, category = keys[allocation_id]
        found.append(
            ServiceSpending(allocation_id, key, description, category, 0, spent, False, 0, False, False)
        )
    return tuple(found)


def plan_spending(session: Session, plan_id: int, today: date) -> PlanSpending | None:
    """The spending view of a plan's budget on ``today``, or None before it is approved (no
    permission check: the caller made it)."""
    version = in_force(session, plan_id)
    period = budget_period(session, plan_id)
    if version is None or period is None:
        return None
    holding = session.get(PlanBudget, plan_id)
    entries = _entries(session, plan_id)
    keys = {
        ident: (key, description, category)
        for ident, key, description, category in session.execute(
            select(Allocation.id, Allocation.key, Allocation.description, Allocation.category)
            .join(PlanVersion, PlanVersion.id == Allocation.version_id)
            .where(PlanVersion.plan_id == plan_id)
        )
    }
    total_days = (period[1] - period[0]).days + 1
    gone = min(max((today - period[0]).days + 1, 0), total_days)
    return PlanSpending(
        plan_id=plan_id,
        version_id=version.id,
        period_start=period[0],
        period_end=period[1],
        held=BudgetHeld(holding.held) if holding is not None else None,
        today=today,
        services=_services(version, entries, keys, (gone, total_days)),
        entries=tuple(entries),
    )


def spending_of(db: Database, actor: Actor, plan_id: int) -> PlanSpending:
    """The spending view of an approved plan's budget."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        plan = work.get(Plan, plan_id, "plan")
        work.require_person(plan.person)
        found = plan_spending(work.session, plan.id, work.now.date())
        if found is None:
            raise NotFound("This plan has not been approved yet, so nothing can be spent from its budget.")
        return found


def load_receipt(db: Database, actor: Actor, entry_id: int) -> tuple[ReceiptKind, bytes]:
    """A spending entry's receipt: its kind and its bytes, kept inside the database."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        entry = work.get(Spending, entry_id, "spending entry")
        work.require_person(work.get(Plan, entry.plan_id, "plan").person)
        if entry.receipt is None or entry.receipt_kind is None:
            raise NotFound("No receipt was kept with this entry.")
        return ReceiptKind(entry.receipt_kind), entry.receipt


@dataclass(frozen=True)
class SpendingTotal:
    """For one plan and one category of service: set aside in the version in force, and used."""

    plan_id: int
    category: str
    set_aside_pence: int
    spent_pence: int


def _in_force_versions() -> Select[Any]:
    newer = aliased(PlanVersion)
    return select(PlanVersion.id).where(
        PlanVersion.status.in_(IN_FORCE),
        ~select(newer.id)
        .where(
            newer.plan_id == PlanVersion.plan_id,
            newer.status.in_([PlanStatus(s).value for s in IN_FORCE]),
            newer.number > PlanVersion.number,
        )
        .exists(),
    )


def signed_pence() -> ColumnElement[int]:
    """What an entry adds to what is used: its amount, or less its amount for a reversal
    (:attr:`careplan.domain.records.Spending.signed_pence`, in SQL)."""
    return case((Spending.reverses_id.is_(None), Spending.amount_pence), else_=-Spending.amount_pence)


def spending_totals(session: Session, plan_ids: list[int] | None = None) -> list[SpendingTotal]:
    """Set aside (the allocations of each plan's version in force) and spent (net of reversals),
    in pence, per plan and per category of service, for many plans at once in one query
    (``plan_ids`` None: every plan). For the manager's desk; the caller checks who may see it."""
    set_aside = (
        select(
            PlanVersion.plan_id.label("plan_id"),
            Allocation.category.label("category"),
            Allocation.total_pence.label("set_aside"),
            literal(0, Integer).label("spent"),
        )
        .join(PlanVersion, PlanVersion.id == Allocation.version_id)
        .where(PlanVersion.id.in_(_in_force_versions()))
    )
    spent = select(
        Spending.plan_id.label("plan_id"),
        Allocation.category.label("category"),
        literal(0, Integer).label("set_aside"),
        signed_pence().label("spent"),
    ).join(Allocation, Allocation.id == Spending.allocation_id)
    if plan_ids is not None:
        set_aside = set_aside.where(PlanVersion.plan_id.in_(plan_ids))
        spent = spent.where(Spending.plan_id.in_(plan_ids))
    both = union_all(set_aside, spent).subquery()
    rows = session.execute(
        select(both.c.plan_id, both.c.category, func.sum(both.c.set_aside), func.sum(both.c.spent))
        .group_by(both.c.plan_id, both.c.category)
        .order_by(both.c.plan_id, both.c.category)
    ).all()
    return [SpendingTotal(int(p), str(c), int(a or 0), int(s or 0)) for p, c, a, s in rows]
