"""Read-only views of the record for lists and reports. Each is one query, whatever the size."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus
from careplan.domain.money import pounds_text
from careplan.domain.permissions import Action
from careplan.domain.records import Allocation, Person, Plan, PlanVersion
from careplan.domain.wording.money import format_money
from careplan.domain.wording.statuses import plan_status_words
from careplan.services import caseload
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database


@dataclass(frozen=True)
class PlanRow:
    plan_id: int
    version_id: int
    person_reference: str
    version: int
    status: str
    agreed_budget_pence: int | None
    allocated_pence: int

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["agreed_budget"] = (
            None if self.agreed_budget_pence is None else pounds_text(self.agreed_budget_pence)
        )
        data["allocated"] = pounds_text(self.allocated_pence)
        return data

    def as_cells(self) -> list[str]:
        return [
            str(self.plan_id),
            self.person_reference,
            str(self.version),
            plan_status_words(self.status),  # the words the app shows (the JSON keeps the value)
            "-" if self.agreed_budget_pence is None else format_money(self.agreed_budget_pence),
            format_money(self.allocated_pence),
        ]


def list_plans(db: Database, actor: Actor, status: PlanStatus | None = None) -> list[PlanRow]:
    """Every plan version, with its person's reference, agreed budget and what is allocated:
    of everyone's plans for managers, of the caseload's (and whom they cover for) for others."""
    allocated = (
        select(Allocation.version_id, func.sum(Allocation.total_pence).label("total"))
        .group_by(Allocation.version_id)
        .subquery()
    )
    query = (
        select(
            Plan.id,
            PlanVersion.id,
            Person.reference,
            PlanVersion.number,
            PlanVersion.status,
            PlanVersion.agreed_budget_pence,
            func.coalesce(allocated.c.total, 0),
            Plan.person_id,
        )
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(allocated, allocated.c.version_id == PlanVersion.id)
        .order_by(Plan.id, PlanVersion.number)
    )
    if status is not None:
        query = query.where(PlanVersion.status == PlanStatus(status))
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        rows = list(work.session.execute(query))
        # Key workers and peer mentors: the plans of people they may open (their caseload).
        people = {r[7] for r in rows}
        allowed = caseload.openable(work.session, work.staff, people, work.now)
        return [PlanRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6])) for r in rows if r[7] in allowed]
