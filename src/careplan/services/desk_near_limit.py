"""The desk's queue of services near or over what is set aside for them, oldest first.

A chosen service of a plan's version in force (:func:`~careplan.services.desk_queues.in_force`)
is on it when what was used from it is at least 90 % of what is set aside
(:data:`~careplan.services.spending_rules.NEAR_LIMIT_TENTHS`), or more than is set aside (which
a manager must have agreed to in writing). "Used" is counted as ``careplan spending`` counts it:
every entry against the same service (its key, across the plan's versions), each reversal taking
its amount off. Waiting since the day it crossed the line: the entry after which the running
total, in the order entries were dated, stayed at or over the line (a reversal counts just after
the entry it puts right, as if that had never been spent); else since its last entry.

One statement whatever the number of plans (window functions over the entries of the plans in
force: SQLite 3.25 and PostgreSQL both have them), its work growing with the entries, not the plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from careplan.domain.records import Allocation, Person, Plan, PlanVersion, Spending
from careplan.domain.wording.dates import short_date
from careplan.domain.wording.money import format_money
from careplan.domain.wording.waiting import waiting_words
from careplan.services.desk_queues import in_force
from careplan.services.spending_rules import NEAR_LIMIT_TENTHS
from careplan.services.spending_view import signed_pence
from careplan.services.unit_of_work import Work


@dataclass(frozen=True)
class NearLimit:
    """A chosen service of a plan in force, near or over what is set aside for it."""

    person_id: int
    person_reference: str
    plan_id: int
    service: str
    set_aside_pence: int
    used_pence: int
    since: date  # the day it crossed the line (else its last entry)
    days_waiting: int

    @property
    def over(self) -> bool:
        return self.used_pence > self.set_aside_pence

    @property
    def waiting(self) -> str:
        return waiting_words(self.days_waiting)

    def as_json(self) -> dict[str, Any]:
        return {
            "person_reference": self.person_reference,
            "plan_id": self.plan_id,
            "service": self.service,
            "set_aside_pence": self.set_aside_pence,
            "used_pence": self.used_pence,
            "over": self.over,
            "since": self.since.isoformat(),
            "days_waiting": self.days_waiting,
            "waiting": self.waiting,
        }

    def as_cells(self) -> list[str]:
        """Person, plan, service, set aside, used, since, waiting."""
        return [
            self.person_reference,
            str(self.plan_id),
            self.service,
            format_money(self.set_aside_pence),
            format_money(self.used_pence) + (" (over)" if self.over else ""),
            short_date(self.since),
            self.waiting,
        ]


def near_limit_statement() -> Select[*tuple[Any, ...]]:
    """Each service of a plan in force used to at least 90 % of what is set aside, or over it,
    with the day it crossed the line; oldest first. Read from the entries outwards (each one's
    service in the version in force found by the unique (version, key) index), so the work grows
    with what was spent, not with the number of plans: nothing spent, nothing read."""
    spent_against, live = aliased(Allocation), aliased(Allocation)
    put_right = aliased(Spending)  # a reversal counts just after the entry it puts right
    group = (Spending.plan_id, spent_against.key)
    dated = func.coalesce(put_right.spent_on, Spending.spent_on)
    in_order = (dated, func.coalesce(Spending.reverses_id, Spending.id), Spending.id)
    running = (  # every entry against a service in force, with the running total in date order
        select(
            Spending.plan_id.label("plan_id"),
            spent_against.key.label("key"),
            live.description.label("service"),
            live.total_pence.label("set_aside"),
            dated.label("spent_on"),
            signed_pence().label("signed"),
            func.sum(signed_pence()).over(partition_by=group, order_by=in_order).label("running"),
            func.row_number().over(partition_by=group, order_by=in_order).label("position"),
        )
        .join(spent_against, spent_against.id == Spending.allocation_id)
        .join(PlanVersion, and_(PlanVersion.plan_id == Spending.plan_id, in_force()))
        .join(live, and_(live.version_id == PlanVersion.id, live.key == spent_against.key))
        .outerjoin(put_right, put_right.id == Spending.reverses_id)
        .subquery()
    )
    below = running.c.running * 10 < running.c.set_aside * NEAR_LIMIT_TENTHS
    marked = (  # ... and the last entry after which the running total was below the line
        select(
            running,
            func.max(case((below, running.c.position)))
            .over(partition_by=(running.c.plan_id, running.c.key))
            .label("last_below"),
        )
    ).subquery()
    at_line = and_(
        marked.c.running * 10 >= marked.c.set_aside * NEAR_LIMIT_TENTHS,
        or_(marked.c.last_below.is_(None), marked.c.position > marked.c.last_below),
    )
    used = func.sum(marked.c.signed)
    since = func.coalesce(func.min(case((at_line, marked.c.spent_on))), func.max(marked.c.spent_on))
    per_service = (
        select(
            marked.c.plan_id,
            marked.c.key,
            marked.c.service,
            marked.c.set_aside,
            used.label("used"),
            since.label("since"),
        )
        .group_by(marked.c.plan_id, marked.c.key, marked.c.service, marked.c.set_aside)
        .having(
            or_(
                used > marked.c.set_aside,
                and_(marked.c.set_aside > 0, used * 10 >= marked.c.set_aside * NEAR_LIMIT_TENTHS),
            )
        )
        .subquery()
    )
    return (
        select(
            Person.id,
            Person.reference,
            Plan.id,
            per_service.c.service,
            per_service.c.set_aside,
            per_service.c.used,
            per_service.c.since,
        )
        .join(Plan, Plan.id == per_service.c.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .order_by(per_service.c.since, Plan.id, per_service.c.key)
    )


def _day(value: Any) -> date:
    """A date column through a window and a union: SQLite hands back its ISO text."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def near_limit(work: Work) -> list[NearLimit]:
    """The services of the plans in force near or over what is set aside, oldest first."""
    today = work.now.date()
    found = []
    for person_id, ref, plan_id, service, aside, used, since in work.session.execute(near_limit_statement()):
        day = _day(since)
        waited = (today - day).days
        found.append(NearLimit(person_id, ref, plan_id, service, int(aside), int(used), day, waited))
    return found
