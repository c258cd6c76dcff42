"""The builder's state and its small helpers: ids, keys, dice, the clock, audit events.

Everything random comes from one seeded ``random.Random``, drawn in a fixed order, so the same
seed and the same ``today`` always give the same database.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careplan.domain.budget import Questionnaire
from careplan.domain.enums import PlanStatus, ProposalStatus
from careplan.domain.errors import InvalidTransition
from careplan.domain.records import AuditHead, Base, LifeArea, Provider, Setting, StaffMember
from careplan.services.audit import OWN_ENTITIES, PERSON_ENTITIES
from careplan.services.budget import QUESTIONNAIRE_SETTING, default_questionnaire
from careplan.services.demo.content.catalogue import PROVIDERS
from careplan.services.demo.content.names import FIXED_USERNAMES
from careplan.services.demo.days import weekday, years_before
from careplan.services.demo.stand_ins import Area, Person, Plan, Proposal, Review, Staff, Version
from careplan.services.demo.writer import TABLES_IN_ORDER, TABLES_WITH_IDS, BulkWriter, Event

T = TypeVar("T")


class BuilderBase:
    """What every part of the builder shares: the session, the dice, the rows and events so far."""

    def __init__(self, session: Session, rng: random.Random, today: date, people: int) -> None:
        self.session = session
        self.r = rng
        self.today = today
        self.yesterday = weekday(today - timedelta(days=1))
        self.total = people
        self.setup_day = weekday(years_before(today, 5))
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES_IN_ORDER}
        self.events: list[Event] = []
        self._about: int | None = None  # the person being made now: their events name them
        self._clock: dict[date, datetime] = {}
        self._references: set[str] = set()
        self._stroke_pool: list[list[Any]] = []
        self._assessments: dict[tuple[str, ...], tuple[int, dict[str, Any]]] = {}
        self.writer = BulkWriter(session)
        self.next_id: dict[str, int] = {}
        # objects of the people in the current chunk, written at the next flush
        self.o_people: list[Person] = []
        self.o_plans: list[Plan] = []
        self.o_versions: list[Version] = []
        self.o_reviews: list[Review] = []
        self.o_proposals: list[Proposal] = []
        self.o_allocation_links: list[tuple[int, int]] = []
        # counts for the summary
        self.count: dict[str, int] = {}
        self.status_count: dict[str, int] = {s.value: 0 for s in PlanStatus}
        self.proposal_count: dict[str, int] = {s.value: 0 for s in ProposalStatus}

    # --- small helpers -------------------------------------------------------------------

    # --- small helpers -------------------------------------------------------------------

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def _key(self) -> str:
        return f"{self.r.getrandbits(128):032x}"

    def _chance(self, p: float) -> bool:
        return self.r.random() < p

    def _pick(self, items: Sequence[T]) -> T:
        return items[int(self.r.random() * len(items))]

    def _int(self, low: int, high: int) -> int:
        """A whole number from low to high, both included."""
        return low + int(self.r.random() * (high - low + 1))

    def _weighted(self, items: Sequence[T], weights: Sequence[int]) -> T:
        x = self.r.random() * sum(weights)
        for item, weight in zip(items, weights, strict=True):
            x -= weight
            if x < 0:
                return item
        return items[-1]

    def _days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self._int(low, high))

    def _moment(self, day: date) -> datetime:
        """A time on ``day``, later than anything this person already did that day."""
        last = self._clock.get(day)
        if last is None:
            start = datetime.combine(day, time(9, 0), tzinfo=UTC)
            last = start + timedelta(seconds=int(self.r.random() * 25_200))
        else:
            last = last + timedelta(seconds=30 + int(self.r.random() * 390))
        self._clock[day] = last
        return last

    def _event(
        self,
        at: datetime,
        staff: Staff | None,
        action: str,
        entity: str,
        entity_id: int | None,
        fields: Sequence[str] = (),
    ) -> None:
        if entity in OWN_ENTITIES:
            self._about = entity_id
        self.events.append(
            (
                at,
                len(self.events),
                staff.id if staff else None,
                action,
                entity,
                entity_id,
                tuple(sorted(fields)),
                self._about if entity in PERSON_ENTITIES else None,
            )
        )

    def _bump(self, name: str, by: int = 1) -> None:
        self.count[name] = self.count.get(name, 0) + by

    # --- reference data --------------------------------------------------------------------

    # --- reference data --------------------------------------------------------------------

    def load(self) -> None:
        session = self.session
        for name in TABLES_WITH_IDS:
            table = Base.metadata.tables[name]
            current = session.scalar(select(func.max(table.c.id)))
            self.next_id[name] = int(current or 0) + 1
        taken = set(session.scalars(select(StaffMember.username)))
        clash = [u for u in FIXED_USERNAMES if u in taken]
        if clash:
            raise InvalidTransition(
                f"This database already has a member of staff called “{clash[0]}”. Demo data goes "
                "into a new database: choose a new file with --database."
            )
        self.taken_usernames = taken
        providers = set(session.scalars(select(Provider.name)))
        if any(name in providers for name, _ in PROVIDERS):
            raise InvalidTransition(
                "This database already has a catalogue. Demo data goes into a new database: "
                "choose a new file with --database."
            )
        self.areas: dict[str, Area] = {}
        self.active_area_codes: list[str] = []
        for area in session.scalars(select(LifeArea).order_by(LifeArea.position, LifeArea.id)):
            self.areas[area.code] = Area(area.id, area.code, area.name)
            if area.active:
                self.active_area_codes.append(area.code)
        if not self.active_area_codes:
            raise InvalidTransition("This database has no life areas, so no goals can be written.")
        setting = session.get(Setting, QUESTIONNAIRE_SETTING)
        self.questionnaire = (
            default_questionnaire() if setting is None else Questionnaire.from_dict(setting.value)
        )
        head = session.get(AuditHead, 1, populate_existing=True)
        if head is None:
            raise InvalidTransition(
                "This database was not set up by Careplan (the audit trail has no start)."
            )
        self.head_seq, self.head_hash = head.last_seq, head.last_hash

    def _area(self, code: str) -> Area:
        """The life area with this code, or another active one if the service has retired it."""
        if code in self.areas and code in self.active_area_codes:
            return self.areas[code]
        return self.areas[self._pick(self.active_area_codes)]
