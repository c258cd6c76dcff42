"""A world whose reviews fall on known days, for the tests of who is due a review.

Built with :mod:`tests.worlds` under a fixed clock (``careplan.services.clock``), so the dates
are the same whatever day the tests run:

- Dee (Sam's, with Chris as peer mentor): plan approved on :data:`DEE_APPROVED`, so her early
  review is due on 22 February 2027 (seven weeks on), then 4 April 2027...
- Marek (Kim's, another key worker): plan approved on :data:`MAREK_APPROVED`, early review due on
  19 January 2027.
- Jo (Sam's): a plan being written, so no reviews.

On :data:`TODAY` (10 February 2027) Dee's review is due in 12 days and Marek's overdue by 22.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from careplan.domain.enums import PlanStatus, Role
from careplan.services import signing
from careplan.services.clock import clock_set_to
from careplan.storage.database import Database
from tests.worlds import World, build_world, draft_plan, register, sign_both

DEE_APPROVED = date(2027, 1, 4)
MAREK_APPROVED = date(2026, 12, 1)
TODAY = date(2027, 2, 10)
DEE_NEXT = date(2027, 2, 22)
MAREK_NEXT = date(2027, 1, 19)


@contextlib.contextmanager
def on(day: date) -> Iterator[None]:
    """The use cases think it is midday (UTC) on ``day`` while the block runs."""
    moment = datetime.combine(day, time(12), tzinfo=UTC)
    with clock_set_to(lambda: moment):
        yield


@dataclass(frozen=True)
class ReviewWorld:
    world: World
    marek: int
    marek_plan: int
    jo: int

    @property
    def dee_plan(self) -> int:
        return self.world.plan_id


def review_world(db: Database) -> ReviewWorld:
    with on(DEE_APPROVED):
        world = build_world(db, stage=PlanStatus.APPROVED).with_colleague("kim", Role.KEY_WORKER)
        world = world.with_colleague("robin", Role.PEER_MENTOR)
        jo = register(db, world.team.key_worker, "Jo", reference="CP-JO")
        draft_plan(db, world.team.key_worker, jo)
    kim = world.colleagues["kim"]
    with on(MAREK_APPROVED):
        marek = register(db, kim, "Marek", reference="CP-MAREK")
        plan = draft_plan(db, kim, marek)
        sign_both(db, kim, plan.version_id)
        signing.approve_plan(db, world.team.manager, plan.version_id)
    return ReviewWorld(world, marek, plan.plan_id, jo)
