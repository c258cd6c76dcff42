"""Spending from an approved plan's budget: record it, put a mistake right, and record how the
budget is held. Entries are never changed or taken out (see careplan.domain.records.spending).

Who: the person's key worker (their caseload, or whom they cover for, as for every record) and
managers record spending and reverse it; only a manager agrees to spend beyond what is set aside
for a service or on a service not in the approved plan, and records how the budget is held.
Every entry is audited by its id and field names only, never its words or amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.enums import BudgetHeld, PlanStatus
from careplan.domain.errors import InvalidInput, InvalidTransition, OverBudget, PermissionDenied
from careplan.domain.money import check_money, to_pence
from careplan.domain.permissions import Action
from careplan.domain.records import Allocation, Plan, PlanBudget, Spending
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.services.spending_rules import (
    a_year_from,
    budget_period,
    first_approved_on,
    one_line,
    receipt_kind,
    require_in_force,
    used_for_key,
)
from careplan.services.unit_of_work import Work, clean_text, unit_of_work
from careplan.storage.database import Database

ONLY_A_MANAGER_AGREES = (
    "Only a manager can agree to spend more than is set aside, or on a service not in the plan."
)


@dataclass(frozen=True)
class SpendingInput:
    """One purchase or payment, as typed. ``agreement``: a manager's words agreeing to spend
    beyond what is set aside (kept only when it is needed)."""

    allocation_id: int
    amount: Decimal
    spent_on: date
    supplier: str
    reference: str | None = None
    what_for: str | None = None
    receipt: bytes | None = None
    agreement: str | None = None


def _plan(work: Work, plan_id: int) -> Plan:
    plan = work.get(Plan, plan_id, "plan")
    work.require_person(plan.person)
    return plan


def _needs_agreement(work: Work, plan: Plan, allocation: Allocation, pence: int) -> str | None:
    """Why this entry needs a manager's agreement (a sentence), or None."""
    version = require_in_force(work.session, plan.id)
    current = next((a for a in version.allocations if a.key == allocation.key), None)
    if current is None:
        return f"{allocation.description} is not in the approved plan."
    used = used_for_key(work.session, plan.id, allocation.key)
    if used + pence > current.total_pence:
        over = used + pence - current.total_pence
        left = max(current.total_pence - used, 0)
        return (
            f"This would go {format_money(over)} over the {format_money(current.total_pence)} set aside "
            f"for {current.description}: {format_money(left)} is left."
        )
    return None


def _check_date(work: Work, plan: Plan, spent_on: date) -> None:
    if spent_on > work.now.date():
        raise InvalidInput(
            "Spending can be recorded only once it has happened: that date is to come.", "date"
        )
    period = budget_period(work.session, plan.id)
    if period is not None and not period[0] <= spent_on <= period[1]:
        raise InvalidInput(
            f"That date is outside the budget's period, {long_date(period[0])} to {long_date(period[1])}.",
            "date",
        )


def record_spending(db: Database, actor: Actor, plan_id: int, entry: SpendingInput) -> int:
    """Record a purchase or payment against one chosen service of an approved plan. Returns its id."""
    pence = to_pence(check_money(entry.amount, field="amount", allow_zero=False))
    supplier = one_line(entry.supplier, "the supplier", "supplier", 120, required=True)
    reference = one_line(entry.reference, "the reference", "reference", 60, required=False)
    what_for = one_line(entry.what_for, "what it was for", "what_for", 200, required=False)
    kind = receipt_kind(entry.receipt) if entry.receipt is not None else None
    with unit_of_work(db, actor, Action.RECORD_SPENDING) as work:
        plan = _plan(work, plan_id)
        require_in_force(work.session, plan.id)
        allocation = work.get(Allocation, entry.allocation_id, "chosen service")
        if allocation.version.plan_id != plan.id:
            raise InvalidInput("That service was chosen in another plan, not this one.", "service")
        if PlanStatus(allocation.version.status) in (PlanStatus.DRAFT, PlanStatus.AGREED):
            # A draft's services may still be taken out; spending is only against approved ones.
            raise InvalidInput("That service is in a version of the plan not yet approved.", "service")
        _check_date(work, plan, entry.spent_on)
        why = _needs_agreement(work, plan, allocation, pence)
        agreement = None
        if why is not None:
            if not (entry.agreement or "").strip():
                raise OverBudget(f"{why} A manager must agree to it in writing.", over_by_pence=pence)
            if not work.may(Action.AGREE_OVERSPEND):
                raise PermissionDenied(ONLY_A_MANAGER_AGREES)
            agreement = clean_text(entry.agreement or "", "agreement", "the manager's agreement")
        row = Spending(
            plan_id=plan.id,
            allocation_id=allocation.id,
            spent_on=entry.spent_on,
            amount_pence=pence,
            supplier=supplier,
            what_for=what_for,
            reference=reference,
            recorded_by_id=work.staff.id,
            recorded_at=work.now,
            agreed_by_id=work.staff.id if agreement else None,
            agreement=agreement,
            receipt_kind=kind,
            receipt=entry.receipt if kind is not None else None,
        )
        work.session.add(row)
        work.session.flush()
        fields = ["amount", "date", "supplier"]
        fields += [name for name, value in (("reference", reference), ("what_for", what_for)) if value]
        fields += (["agreement"] if agreement else []) + (["receipt"] if kind else [])
        work.audit("record", "spending", row, tuple(fields))
        return row.id


def reverse_spending(db: Database, actor: Actor, entry_id: int, reason: str) -> int:
    """Put a mistaken entry right with a reversing entry (same amount, the reason, today's date),
    once only. Returns the reversal's id."""
    because = clean_text(reason, "reason", "the reason")
    with unit_of_work(db, actor, Action.RECORD_SPENDING) as work:
        entry = work.get(Spending, entry_id, "spending entry")
        plan = _plan(work, entry.plan_id)
        if entry.reverses_id is not None:
            raise InvalidTransition("This entry already puts another right; it cannot be reversed itself.")
        if work.session.scalar(select(Spending.id).where(Spending.reverses_id == entry.id)) is not None:
            raise InvalidTransition("This entry has already been put right.")
        row = Spending(
            plan_id=plan.id,
            allocation_id=entry.allocation_id,
            spent_on=work.now.date(),
            amount_pence=entry.amount_pence,
            supplier=entry.supplier,
            what_for=entry.what_for,
            reference=entry.reference,
            recorded_by_id=work.staff.id,
            recorded_at=work.now,
            reverses_id=entry.id,
            reason=because,
        )
        work.session.add(row)
        work.session.flush()
        work.audit("reverse", "spending", row, ("reason", "reverses"))
        return row.id


def set_budget_holding(
    db: Database,
    actor: Actor,
    plan_id: int,
    held: BudgetHeld,
    *,
    period_start: date | None = None,
    period_end: date | None = None,
) -> None:
    """Record how an approved plan's budget is held, and its period (a year from the plan's first
    approval unless given)."""
    try:
        holding = BudgetHeld(held)
    except ValueError as exc:
        raise InvalidInput("Choose how the budget is held: service, third_party or direct_payment.") from exc
    with unit_of_work(db, actor, Action.SET_BUDGET_HOLDING) as work:
        plan = _plan(work, plan_id)
        require_in_force(work.session, plan.id)
        start = period_start or first_approved_on(work.session, plan.id) or work.now.date()
        end = period_end or a_year_from(start)
        if end < start:
            raise InvalidInput("The budget's period must end after it starts.", "period_end")
        row = work.session.get(PlanBudget, plan.id)
        if row is None:
            row = PlanBudget(plan_id=plan.id, held=holding, period_start=start, period_end=end)
            work.session.add(row)
        row.held, row.period_start, row.period_end = holding, start, end
        row.set_by_id, row.set_at = work.staff.id, work.now
        work.session.flush()
        work.audit("set", "plan_budget", plan.id, ("held", "period"), person_id=plan.person_id)
