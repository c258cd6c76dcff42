"""Build a small Careplan world quickly, through the real use cases.

Everything here goes through ``careplan.services`` (the same path the app takes), so a world
built here has real audit events, real revisions and real fingerprints. Use it from any test:

    team = make_team(db)
    world = build_world(db, stage=PlanStatus.APPROVED)

Every piece of personal text the builders write contains :data:`CANARY`, so a test can search a
table (the audit trail, an export) for it. All data is invented.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from careplan.domain.actor import PERSON, STAFF, Actor, Voice
from careplan.domain.enums import PlanStatus, Role, ServiceUnit, SignatureMethod, SignerKind, StepOwner
from careplan.domain.errors import CareplanError
from careplan.domain.records import AuditEvent, Base, Person, Plan, PlanVersion
from careplan.services import assignments, budget, catalogue, people, plans, signing, staff
from careplan.services.canonical import plan_sha256
from careplan.services.plans import GoalInput, StepInput
from careplan.storage.database import Database

CANARY = "Quillbramble"
"""A made-up word in every piece of personal text the builders write (never in a field name)."""

# Answers to the standard questionnaire: 3 + 5 + 3 + 6 + 2 + 2 + 4 + 0 = 25 points x £50.00.
STANDARD_ANSWERS: dict[str, str] = {
    "daily_living": "some",
    "substance_use": "some",
    "health": "mixed",
    "housing": "temporary",
    "support": "some",
    "time": "some",
    "children": "care",
    "legal": "no",
}
STANDARD_INDICATIVE = Decimal("1250.00")
SERVICE_PRICE = Decimal("25.00")


def utc_today() -> date:
    """Today as the use cases see it (they work in UTC)."""
    return datetime.now(UTC).date()


# --- staff ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Team:
    """One member of staff in each role."""

    administrator: Actor
    manager: Actor
    key_worker: Actor
    peer_mentor: Actor

    def as_role(self, role: Role) -> Actor:
        return {
            Role.ADMINISTRATOR: self.administrator,
            Role.MANAGER: self.manager,
            Role.KEY_WORKER: self.key_worker,
            Role.PEER_MENTOR: self.peer_mentor,
        }[Role(role)]


def make_team(db: Database) -> Team:
    """The first administrator (Ada), then Priya (manager), Sam (key worker), Chris (peer mentor)."""
    admin = staff.create_first_administrator(db, "ada", "Ada Admin")
    return Team(
        administrator=admin,
        manager=Actor(staff.add_staff(db, admin, "priya", "Priya Manager", Role.MANAGER)),
        key_worker=Actor(staff.add_staff(db, admin, "sam", "Sam Keyworker", Role.KEY_WORKER)),
        peer_mentor=Actor(staff.add_staff(db, admin, "chris", "Chris Mentor", Role.PEER_MENTOR)),
    )


def add_member(db: Database, team: Team, username: str, role: Role) -> Actor:
    """One more member of staff, added by the team's administrator."""
    return Actor(staff.add_staff(db, team.administrator, username, f"{username.title()} Extra", role))


# --- people ---------------------------------------------------------------------------------


def register(
    db: Database,
    actor: Actor,
    preferred_name: str = "Dee",
    *,
    reference: str | None = None,
    about_me: str | None = None,
) -> int:
    """Register a person (full name carries the canary); optionally write their hopes in About me."""
    person_id = people.register_person(
        db,
        actor,
        people.PersonDetails(
            preferred_name=preferred_name,
            full_name=f"{preferred_name} {CANARY}",
            date_of_birth=date(1990, 5, 17),
            reference=reference,
        ),
    )
    if about_me is not None:
        people.write_about_me(db, actor, person_id, "hopes", about_me, PERSON)
    return person_id


# --- plans ----------------------------------------------------------------------------------


def goal(
    wording: str, *, voice: Voice = PERSON, life_area: str = "family", why: str | None = None
) -> GoalInput:
    return GoalInput(wording=wording, wording_voice=voice, life_area=life_area, why=why)


def step(what: str, *, voice: Voice = STAFF, owner: StepOwner = StepOwner.WORKER) -> StepInput:
    detail = "Local family centre" if owner in (StepOwner.SERVICE, StepOwner.SOMEONE_ELSE) else None
    return StepInput(what=what, voice=voice, owner=owner, owner_detail=detail)


DEFAULT_GOALS: tuple[tuple[GoalInput, tuple[StepInput, ...]], ...] = (
    (
        goal(f"I want my kids to see me well {CANARY}", why=f"They matter most {CANARY}"),
        (step(f"Ring the family centre {CANARY}"),),
    ),
    (
        goal(f"A flat of my own {CANARY}", life_area="housing"),
        (step(f"Fill in the housing form {CANARY}", voice=PERSON, owner=StepOwner.PERSON),),
    ),
)


@dataclass(frozen=True)
class DraftPlan:
    person_id: int
    plan_id: int
    version_id: int
    goal_ids: tuple[int, ...]
    step_ids: tuple[int, ...]


def draft_plan(
    db: Database,
    actor: Actor,
    person_id: int,
    goals: Sequence[tuple[GoalInput, Sequence[StepInput]]] = DEFAULT_GOALS,
) -> DraftPlan:
    """Start a plan for the person and write its goals and steps."""
    started = plans.start_plan(
        db, actor, person_id, period_start=date(2025, 1, 6), period_end=date(2026, 1, 5)
    )
    goal_ids: list[int] = []
    step_ids: list[int] = []
    for goal_input, steps in goals:
        goal_id = plans.add_goal(db, actor, started.version_id, goal_input)
        goal_ids.append(goal_id)
        step_ids.extend(plans.add_step(db, actor, goal_id, s) for s in steps)
    return DraftPlan(person_id, started.plan_id, started.version_id, tuple(goal_ids), tuple(step_ids))


# --- catalogue and budget -------------------------------------------------------------------


def catalogue_service(
    db: Database,
    actor: Actor,
    *,
    provider: str = "Northside Recovery Network",
    name: str = "Peer mentoring",
    category: str = "peer support",
    price: Decimal = SERVICE_PRICE,
    unit: ServiceUnit = ServiceUnit.SESSION,
) -> int:
    """A provider and one of its services (``actor`` manages the catalogue). Returns the service id."""
    provider_id = catalogue.add_provider(db, actor, provider, "01632 960000")
    return catalogue.add_service(
        db,
        actor,
        catalogue.ServiceInput(
            provider_id=provider_id,
            name=name,
            category=category,
            description="One-to-one time with someone who has been there.",
            unit=unit,
            unit_price=price,
            peer_led=True,
        ),
    )


def assess(db: Database, actor: Actor, version_id: int) -> int:
    """The indicative budget from :data:`STANDARD_ANSWERS` (£1,250.00). Returns pence."""
    return budget.assess_budget(db, actor, version_id, STANDARD_ANSWERS)


def allocate(
    db: Database, actor: Actor, version_id: int, service_id: int, goal_id: int, quantity: str = "4"
) -> int:
    return budget.allocate(
        db,
        actor,
        version_id,
        budget.AllocationInput(quantity=Decimal(quantity), goal_ids=(goal_id,), service_id=service_id),
    )


# --- signing --------------------------------------------------------------------------------


def version_sha256(db: Database, version_id: int) -> str:
    """The fingerprint of a plan version as it is now in the database, read in a fresh session."""
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        return plan_sha256(version)


def typed_signature(signer: SignerKind, sha256: str, name: str = "Dee") -> signing.SignatureInput:
    return signing.SignatureInput(
        signer=signer, method=SignatureMethod.TYPED, plan_sha256=sha256, typed_name=name, confirmed=True
    )


def sign_both(db: Database, key_worker: Actor, version_id: int) -> PlanStatus:
    """The person (witnessed by the key worker) and the key worker sign what they were shown."""
    sha = version_sha256(db, version_id)
    signing.sign_plan(db, key_worker, version_id, typed_signature(SignerKind.PERSON, sha))
    return signing.sign_plan(db, key_worker, version_id, typed_signature(SignerKind.KEY_WORKER, sha, "Sam"))


# --- reading back ---------------------------------------------------------------------------


def plan_revision(db: Database, plan_id: int) -> int:
    with db.session() as session:
        revision = session.scalar(select(Plan.revision).where(Plan.id == plan_id))
    assert revision is not None
    return revision


def person_revision(db: Database, person_id: int) -> int:
    with db.session() as session:
        revision = session.scalar(select(Person.revision).where(Person.id == person_id))
    assert revision is not None
    return revision


def version_status(db: Database, version_id: int) -> PlanStatus:
    with db.session() as session:
        status = session.scalar(select(PlanVersion.status).where(PlanVersion.id == version_id))
    assert status is not None
    return PlanStatus(status)


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: compare two to prove nothing was written."""
    with db.engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def audit_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


# --- refusals ------------------------------------------------------------------------------

PYTHON_WORDS: tuple[str, ...] = (
    "Traceback",
    "Error",
    "Exception",
    "NoneType",
    "object at",
    "sqlalchemy",
    "psycopg",
    "__",
)
"""Words that would mean a Python internal leaked into a message a person reads."""


def assert_plain(message: str, words: Sequence[str] = PYTHON_WORDS) -> None:
    """A message a person can read: three words or more, and none of ``words`` in it."""
    assert len(message.split()) >= 3, message
    for word in words:
        assert word not in message, f"{word!r} in {message!r}"


def rows_as_text(db: Database) -> dict[str, list[str]]:
    """Every row of every table as sorted text, so a refusal can be shown to have written nothing."""
    with db.session() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(table.select()))
            for table in Base.metadata.sorted_tables
        }


@contextlib.contextmanager
def refused(
    db: Database, kind: type[CareplanError], phrase: str, *, words: Sequence[str] = PYTHON_WORDS
) -> Iterator[pytest.ExceptionInfo[CareplanError]]:
    """The block raises ``kind`` with ``phrase`` in a plain message, and writes nothing at all."""
    before = rows_as_text(db)
    with pytest.raises(kind) as info:
        yield info
    assert phrase.lower() in info.value.message.lower(), info.value.message
    assert_plain(info.value.message, words)
    assert rows_as_text(db) == before, "a refused change still wrote to the database"


# --- a whole world --------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    """A team, Dee with a plan (two goals, a step each), a catalogue service and money allocated."""

    team: Team
    plan: DraftPlan
    service_id: int
    allocation_id: int

    @property
    def person_id(self) -> int:
        return self.plan.person_id

    @property
    def version_id(self) -> int:
        return self.plan.version_id

    @property
    def plan_id(self) -> int:
        return self.plan.plan_id


_STAGES = (PlanStatus.DRAFT, PlanStatus.AGREED, PlanStatus.APPROVED, PlanStatus.ACTIVE)


def build_world(db: Database, *, stage: PlanStatus = PlanStatus.DRAFT) -> World:
    """A world whose plan has reached ``stage``: draft, agreed (both signed), approved or active."""
    if stage not in _STAGES:
        raise ValueError(f"build_world goes as far as active, not {stage}")
    team = make_team(db)
    person_id = register(db, team.key_worker, about_me=f"To stop being a case {CANARY}")
    # Dee is on Sam's caseload (Sam registered her) and on Chris's (assigned as her peer mentor).
    assignments.assign_peer_mentor(db, team.key_worker, person_id, team.peer_mentor.staff_id)
    plan = draft_plan(db, team.key_worker, person_id)
    service_id = catalogue_service(db, team.manager)
    assess(db, team.key_worker, plan.version_id)
    allocation_id = allocate(db, team.key_worker, plan.version_id, service_id, plan.goal_ids[0])
    world = World(team, plan, service_id, allocation_id)
    reached = _STAGES.index(stage)
    if reached >= 1:
        sign_both(db, team.key_worker, plan.version_id)
    if reached >= 2:
        signing.approve_plan(db, team.manager, plan.version_id)
    if reached >= 3:
        plans.activate_plan(db, team.key_worker, plan.version_id)
    return world
