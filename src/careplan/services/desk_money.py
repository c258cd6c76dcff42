"""The service's money on the manager's desk, and caseload sizes: each one statement.

Money counts each plan's version in force (approved or active, one a plan:
:func:`~careplan.services.desk_queues.in_force`): **agreed** is their agreed budgets,
**set aside** what their allocations set aside for services, **spent** what was recorded as
bought or paid from the budgets of those plans (every entry of a plan in force, a reversal
netting against the entry it puts right, as ``careplan spending`` counts each plan's used). By
service category (set aside and spent: an agreed budget is the whole plan's, not a category's;
spent counts under the category of the service it was spent on) and by month: agreed and set aside
in the month each plan's year starts in (the month it was approved in where no period was set),
spent in the month the money was spent (a reversal in the month of the entry it puts right).
Exact pence throughout, each part one statement whatever the number of plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, exists, extract, func, literal, select, union_all
from sqlalchemy.orm import aliased

from careplan.domain.enums import Role
from careplan.domain.records import Allocation, Person, PlanVersion, Spending, StaffMember
from careplan.domain.wording.dates import MONTHS
from careplan.domain.wording.money import format_money
from careplan.services.desk_queues import LIVE, in_force
from careplan.services.spending_view import signed_pence
from careplan.services.unit_of_work import Work


@dataclass(frozen=True)
class MoneyLine:
    """One line of the service's money: a category, or a month ("2026-03"), or the total."""

    key: str
    label: str
    agreed_pence: int
    set_aside_pence: int
    spent_pence: int = 0

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


def plan_in_force() -> ColumnElement[bool]:
    """The spending entry's plan has a version in force (approved or in action): read from the
    index on (status, plan_id) alone."""
    return exists().where(PlanVersion.plan_id == Spending.plan_id, PlanVersion.status.in_(LIVE))


def by_category_statement() -> Select[*tuple[Any, ...]]:
    """Set aside and spent for each service category across the live plans, largest set aside
    first (a category only spent on, with a manager's agreement, after them)."""
    set_aside = (
        select(
            Allocation.category.label("category"),
            Allocation.total_pence.label("set_aside"),
            literal(0, Integer).label("spent"),
        )
        .join(PlanVersion, PlanVersion.id == Allocation.version_id)
        .where(in_force())
    )
    spent = (
        select(
            Allocation.category.label("category"),
            literal(0, Integer).label("set_aside"),
            signed_pence().label("spent"),
        )
        .join(Allocation, Allocation.id == Spending.allocation_id)
        .where(plan_in_force())
    )
    both = union_all(set_aside, spent).subquery()
    aside = func.sum(both.c.set_aside)
    return (
        select(both.c.category, aside, func.sum(both.c.spent))
        .group_by(both.c.category)
        .order_by(aside.desc(), both.c.category)
    )


def by_category(work: Work) -> list[MoneyLine]:
    """Set aside and spent for each service category across the live plans, largest first."""
    return [
        MoneyLine(category, category.capitalize(), 0, int(aside or 0), int(spent or 0))
        for category, aside, spent in work.session.execute(by_category_statement())
    ]


def by_month_statement() -> Select[*tuple[Any, ...]]:
    """Agreed and set aside by the month the live plans' year starts in, and spent by the month
    it was spent in, oldest month first."""
    allocated = (  # only the live versions' allocations, found through the version index
        select(Allocation.version_id, func.sum(Allocation.total_pence).label("pence"))
        .join(PlanVersion, PlanVersion.id == Allocation.version_id)
        .where(in_force())
        .group_by(Allocation.version_id)
        .subquery()
    )
    # The year's first day, or the approval's where no period was set. (A version's approval time
    # is kept after its large signed copy in the row: the index ix_plan_versions_in_force holds it.)
    starts = func.coalesce(PlanVersion.period_start, PlanVersion.approved_at)
    budgets = (
        select(
            extract("year", starts).label("year"),
            extract("month", starts).label("month"),
            func.coalesce(PlanVersion.agreed_budget_pence, 0).label("agreed"),
            func.coalesce(allocated.c.pence, 0).label("set_aside"),
            literal(0, Integer).label("spent"),
        )
        .outerjoin(allocated, allocated.c.version_id == PlanVersion.id)
        .where(in_force())
    )
    put_right = aliased(Spending)  # a reversal counts in the month of the entry it puts right
    spent_on = func.coalesce(put_right.spent_on, Spending.spent_on)
    spent = (
        select(
            extract("year", spent_on).label("year"),
            extract("month", spent_on).label("month"),
            literal(0, Integer).label("agreed"),
            literal(0, Integer).label("set_aside"),
            signed_pence().label("spent"),
        )
        .outerjoin(put_right, put_right.id == Spending.reverses_id)
        .where(plan_in_force())
    )
    both = union_all(budgets, spent).subquery()
    return (
        select(
            both.c.year,
            both.c.month,
            func.sum(both.c.agreed),
            func.sum(both.c.set_aside),
            func.sum(both.c.spent),
        )
        .group_by(both.c.year, both.c.month)
        .order_by(both.c.year, both.c.month)
    )


def by_month(work: Work) -> list[MoneyLine]:
    """Agreed and set aside by the month the live plans' year starts in, and spent by the month
    it was spent in, oldest month first."""
    return [
        MoneyLine(
            f"{int(y):04d}-{int(m):02d}",
            month_label(int(y), int(m)),
            int(agreed or 0),
            int(aside or 0),
            int(spent or 0),
        )
        for y, m, agreed, aside, spent in work.session.execute(by_month_statement())
    ]


def total(lines: list[MoneyLine]) -> MoneyLine:
    """The lines added up (the months': every live plan, and every entry spent from one, is in
    one month)."""
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
