"""The manager's desk's world, shared by its service, command-line and window tests.

- Dee's plan signed by both (agreed): waiting for approval; her request for a service not in the
  catalogue is pending.
- Eve's plan approved, its year (tests.worlds.PERIOD) long past: on the "ending" queue, with a
  review three days overdue.
- Kim: a key worker with nobody on her caseload yet.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from careplan.domain.actor import PERSON
from careplan.domain.enums import PlanStatus, ReviewKind, ServiceUnit
from careplan.domain.records import PlanVersion
from careplan.services import catalogue, reviews
from careplan.storage import Database
from tests import worlds
from tests.worlds import World, utc_today

REQUEST_COST = Decimal("80.00")
OVERDUE_DAYS = 3


def desk_world(db: Database) -> World:
    w = (
        worlds.build_world(db, stage=PlanStatus.AGREED)
        .with_person("Eve")
        .with_plan("Eve")
        .assessed("Eve")
        .with_allocation("Eve", quantity="6")
        .at_stage(PlanStatus.APPROVED, "Eve")
        .with_colleague("kim")
    )
    catalogue.propose_service(
        db,
        w.team.key_worker,
        w.people["Dee"],
        catalogue.ProposalInput(
            what="Driving lessons",
            category="getting about",
            unit=ServiceUnit.SESSION,
            estimated_cost=REQUEST_COST,
            why="To get to work",
            why_voice=PERSON,
        ),
        plan_id=w.plans["Dee"].plan_id,
    )
    day = utc_today() - timedelta(days=OVERDUE_DAYS)
    reviews.schedule_review(db, w.team.key_worker, w.plans["Eve"].plan_id, ReviewKind.EARLY, day)
    return w


def eve_version_status(w: World) -> str:
    with w.db.session() as session:
        return str(
            session.scalar(select(PlanVersion.status).where(PlanVersion.id == w.plans["Eve"].version_id))
        )
