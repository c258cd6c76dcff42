"""The service's money on the manager's desk, and caseload sizes: each one statement.

Money counts each plan's version in force (approved or active, one a plan:
:func:`~careplan.services.desk_queues.in_force`): **agreed** is their agreed budgets,
**set aside** what their allocations set aside for services, **spent** what was recorded as
bought or paid against them (0 until spending is recorded: see ``spent_pence``). By service
category (set aside and spent: an agreed budget is the whole plan's, not a category's) and by
the month each plan's year starts in (agreed and set aside; the month it was approved in where
no period was set). Exact pence throughout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, extract, func, select

from careplan.domain.enums import Role
from careplan.domain.records import Allocation, Person, PlanVersion, StaffMember
from careplan.domain.wording.dates import MONTHS
from careplan.domain.wording.money import format_money
from careplan.services.desk_queues import in_force
from careplan.services.unit_of_work import Work


@dataclass(frozen=True)
class MoneyLine:
    """One line of the service's money: a category, or a month ("2026-03"), or the total."""

    key: str
    label: str
    agreed_pence: int
    set_aside_pence: int
    spent_pence: int = 0  # spending is not recorded yet: 0 until it is

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "agreed_pence": self.agreed_pence,
            "set_aside_pence": self.set_aside_pence,
            "spent_pence": self.spent_pence,
        }

    def as_cells(self) -> list[str]:
        return [
            self.label,
            format_money(self.agreed_pence),
            format_money(self.set_aside_pence),
            format_money(self.spent_pence),
        ]


@dataclass(frozen=True)
class Caseload:
    """How many people a key worker (or a manager) is the key worker of."""

    username: str
    name: str
    people: int

    def as_json(self) -> dict[str, Any]:
        return {"username": self.username, "name": self.name, "people": self.people}

    def as_cells(self) -> list[str]:
        return [f"{self.name} ({self.username})", str(self.people)]


def month_label(year: int, month: int) -> str:
    """ "March 2026"."""
    return f"{MONTHS[month - 1]} {year}"


def by_category_statement() -> Select[*tuple[Any, ...]]:
    """Set aside for each service category across the live plans, largest first."""
    total = func.sum(Allocation.total_pence)
    return (
        select(Allocation.category, total)
        .join(PlanVersion, PlanVersion.id == Allocation.version_id)
        .where(in_force())
        .group_by(Allocation.category)
        .order_by(total.desc(), Allocation.category)
    )


def by_category(work: Work) -> list[MoneyLine]:
    """Set aside for each service category across the live plans, largest first."""
    return [
        MoneyLine(category, category.capitalize(), 0, int(pence or 0))
        for category, pence in work.session.execute(by_category_statement())
    ]


def by_month_statement() -> Select[*tuple[Any, ...]]:
    """Agreed and set aside by the month the live plans' year starts in, oldest month first."""
    allocated = (  # only the live versions' allocations, found through the version index
        select(Allocation.version_id, func.sum(Allocation.total_pence).label("pence"))
        .join(PlanVersion, PlanVersion.id == Allocation.version_id)
        .where(in_force())
        .group_by(Allocation.version_id)
        .subquery()
    )
    # The year's first day, or the approval's where no period was set. (A version's approval time
    # is kept after its large signed copy in the row: reading it for every plan costs the most.)
    starts = func.coalesce(PlanVersion.period_start, PlanVersion.approved_at)
    year = extract("year", starts)
    month = extract("month", starts)
    return (
        select(
            year,
            month,
            func.sum(func.coalesce(PlanVersion.agreed_budget_pence, 0)),
            func.sum(func.coalesce(allocated.c.pence, 0)),
        )
        .outerjoin(allocated, allocated.c.version_id == PlanVersion.id)
        .where(in_force())
        .group_by(year, month)
        .order_by(year, month)
    )


def by_month(work: Work) -> list[MoneyLine]:
    """Agreed and set aside by the month the live plans' year starts in, oldest month first."""
    return [
        MoneyLine(
            f"{int(y):04d}-{int(m):02d}", month_label(int(y), int(m)), int(agreed or 0), int(aside or 0)
        )
        for y, m, agreed, aside in work.session.execute(by_month_statement())
    ]


def total(lines: list[MoneyLine]) -> MoneyLine:
    """The lines added up (the months': every live plan is in one month)."""
    return MoneyLine(
        "total",
        "Total",
        sum(line.agreed_pence for line in lines),
        sum(line.set_aside_pence for line in lines),
        sum(line.spent_pence for line in lines),
    )


def caseloads_statement() -> Select[*tuple[Any, ...]]:
    """Every active key worker and manager with how many people they are the key worker of."""
    people = func.count(Person.id)
    return (
        select(StaffMember.username, StaffMember.display_name, people)
        .outerjoin(Person, Person.key_worker_id == StaffMember.id)
        .where(StaffMember.active.is_(True), StaffMember.role.in_([Role.KEY_WORKER, Role.MANAGER]))
        .group_by(StaffMember.id, StaffMember.username, StaffMember.display_name)
        .order_by(people.desc(), StaffMember.display_name)
    )


def caseloads(work: Work) -> list[Caseload]:
    """Every active key worker and manager with the number of people whose key worker they are,
    largest caseload first."""
    return [
        Caseload(user, name, int(count)) for user, name, count in work.session.execute(caseloads_statement())
    ]
