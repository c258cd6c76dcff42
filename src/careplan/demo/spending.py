"""A year of spending from the approved plans' budgets, as key workers record it: weekly passes
each week, sessions and hours every week or two, a course or a detox week paid in one go, from the
plan's first approval until yesterday (or the end of its year). Most people use their services
steadily; some use far less than is set aside (an underspend to talk about at the review). Now and
then an entry is put right by a reversal. Once in the demo a manager agrees in writing to spend
beyond what is set aside.

Each plan's spending is drawn from its own random numbers, seeded from the plan's key, so adding
spending changes nothing else the demo makes (the shared dice are not touched).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from careplan.demo.catalogue import Catalogue
from careplan.demo.stand_ins import Allocation, Staff, Version
from careplan.demo.workbench import Workbench
from careplan.domain.enums import BudgetHeld, PlanStatus, ServiceUnit
from careplan.services.spending_rules import a_year_from

IN_FORCE = (PlanStatus.APPROVED.value, PlanStatus.ACTIVE.value)
MISTAKES = ("Entered twice by mistake", "Wrong amount typed; entered again below", "Refunded by the supplier")
OTHER_SUPPLIERS = ("Local supplier", "Community shop", "Town council")
WHAT_FOR = {
    ServiceUnit.WEEK: "Week's pass",
    ServiceUnit.SESSION: "Session",
    ServiceUnit.HOUR: "Hours",
    ServiceUnit.COURSE: "Course fee",
    ServiceUnit.ITEM: "Purchase",
}
AGREEMENT = (
    "Agreed: two more weeks so the lessons are not lost before the test. Paid once, reviewed at the "
    "next review."
)


class DemoSpending:
    """Makes each chunk's spending rows (and their audit events) before the chunk is written."""

    def __init__(self, bench: Workbench, catalogue: Catalogue, manager: Staff) -> None:
        self.bench = bench
        self.manager = manager
        self.suppliers = {s.id: s.provider for s in catalogue.services}
        self.overspend_made = False

    def chunk(self, versions: list[Version]) -> None:
        """Spending for each plan of ``versions`` that has a version in force."""
        by_plan: dict[int, list[Version]] = {}
        for version in versions:
            by_plan.setdefault(version.plan.id, []).append(version)
        for plan_versions in by_plan.values():
            in_force = [v for v in plan_versions if v.status in IN_FORCE]
            approved = [v.approved_at for v in plan_versions if v.approved_at is not None]
            if in_force and approved:
                current = max(in_force, key=lambda v: v.number)
                self._plan(current, min(approved).date())

    def _plan(self, version: Version, start: date) -> None:
        plan = version.plan
        r = random.Random(f"spending-{plan.key}")
        end = min(a_year_from(start), self.bench.yesterday)
        if end <= start:
            return
        rows = self.bench.batch.rows
        if r.random() < 0.4:  # a manager recorded how the budget is held
            held = r.choices(list(BudgetHeld), weights=(70, 15, 15))[0]
            rows["plan_budgets"].append(
                {
                    "plan_id": plan.id,
                    "held": held.value,
                    "period_start": start,
                    "period_end": a_year_from(start),
                    "set_by_id": self.manager.id,
                    "set_at": _moment(start, r),
                }
            )
            self._event(
                _moment(start, r), self.manager, "set", "plan_budget", plan.id, ("held", "period"), plan
            )
        use = r.choice((1.0, 0.95, 0.9, 0.85, 0.8, 0.3, 0.2))  # share of steady use: some underspend
        for allocation in version.allocations:
            self._service(version, allocation, start, end, use, r)

    def _service(
        self, version: Version, allocation: Allocation, start: date, end: date, use: float, r: random.Random
    ) -> None:
        """A course or a purchase paid in one go; weekly passes week after week; sessions and hours
        spread over the year (what is set aside buys ``quantity`` of them)."""
        unit = ServiceUnit(allocation.unit)
        total, price = allocation.total_pence, max(allocation.unit_price_pence, 1)
        supplier = self.suppliers.get(allocation.service_id or -1) or r.choice(OTHER_SUPPLIERS)
        if unit in (ServiceUnit.COURSE, ServiceUnit.ITEM):
            day = start + timedelta(days=r.randint(3, 40))
            if total > 0 and day <= end and r.random() < use:
                self._entry(version, allocation, day, total, supplier, r)
            return
        count = max(int(allocation.quantity), 1)
        if unit is ServiceUnit.WEEK:
            gap, day = 7, start + timedelta(days=r.randint(1, max(365 - 7 * count, 1)))
        else:
            gap, day = max(365 // count, 7), start + timedelta(days=r.randint(1, 6))
        spent = 0
        while day <= end:
            amount = price * (1 if unit is ServiceUnit.WEEK else r.choice((1, 1, 1, 2)))
            if spent + amount > total:
                break
            if r.random() < use:
                spent += self._entry(version, allocation, day, amount, supplier, r)
            day += timedelta(days=gap)
        if not self.overspend_made and (end - start).days >= 180:
            # The demo's one overspend: more sessions than were set aside, agreed by a manager.
            self.overspend_made = True
            self._entry(version, allocation, end, total - spent + price, supplier, r, agreed=True)

    def _entry(
        self,
        version: Version,
        allocation: Allocation,
        day: date,
        amount: int,
        supplier: str,
        r: random.Random,
        *,
        agreed: bool = False,
    ) -> int:
        """One entry (now and then put right by a reversal a few days on); what it adds to what is used."""
        batch, plan = self.bench.batch, version.plan
        recorded = min(day + timedelta(days=r.randint(0, 3)), self.bench.yesterday)
        at = _moment(recorded, r)
        by = self.manager if agreed else plan.key_worker
        row: dict[str, Any] = {
            "id": batch.new_id("spending"),
            "plan_id": plan.id,
            "allocation_id": allocation.id,
            "spent_on": day,
            "amount_pence": amount,
            "supplier": supplier,
            "what_for": f"{WHAT_FOR[ServiceUnit(allocation.unit)]}: {allocation.description}"[:200],
            "reference": f"INV-{r.randint(10000, 99999)}" if r.random() < 0.7 else None,
            "recorded_by_id": by.id,
            "recorded_at": at,
            "reverses_id": None,
            "reason": None,
            "agreed_by_id": self.manager.id if agreed else None,
            "agreement": AGREEMENT if agreed else None,
            "receipt_kind": None,
            "receipt": None,
        }
        batch.rows["spending"].append(row)
        batch.bump("spending")
        fields = ["amount", "date", "supplier", "what_for"] + (["reference"] if row["reference"] else [])
        self._event(
            at, by, "record", "spending", row["id"], tuple(fields + (["agreement"] if agreed else [])), plan
        )
        reversal_day = recorded + timedelta(days=r.randint(1, 5))
        if agreed or r.random() >= 0.01 or reversal_day > self.bench.yesterday:
            return amount
        undo = {
            **row,
            "id": batch.new_id("spending"),
            "spent_on": reversal_day,
            "recorded_at": _moment(reversal_day, r),
            "reverses_id": row["id"],
            "reason": r.choice(MISTAKES),
            "recorded_by_id": plan.key_worker.id,
        }
        batch.rows["spending"].append(undo)
        batch.bump("spending")
        self._event(
            undo["recorded_at"],
            plan.key_worker,
            "reverse",
            "spending",
            undo["id"],
            ("reason", "reverses"),
            plan,
        )
        return 0

    def _event(
        self,
        at: datetime,
        staff: Staff,
        action: str,
        entity: str,
        ident: int,
        fields: tuple[str, ...],
        plan: Any,
    ) -> None:
        self.bench.trail.event(at, staff, action, entity, ident, fields, about=plan.person.id)


def _moment(day: date, r: random.Random) -> datetime:
    """A working-hours moment on ``day`` (UTC)."""
    return datetime.combine(day, time(9 + r.randint(0, 7), r.randint(0, 59)), UTC)
