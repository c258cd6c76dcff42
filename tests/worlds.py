"""Build a small Careplan world quickly, through the real use cases: staff, people, plans, a catalogue.

Everything here goes through ``careplan.services`` (the same path the app takes), so a world
built here has real audit events, real revisions and real fingerprints. Start from the team
alone, or from Dee's plan with money allocated, and add what a test needs::

    world = worlds.build_world(db, stage=PlanStatus.APPROVED)
    world = worlds.staffed(db).with_person("Jordan", peer_mentor=True).with_plan("Jordan", goals=())

Each ``with_`` method writes through the use cases and returns the world with what it made
added, under the name it was given. The pieces (:func:`make_team`, :func:`register`,
:func:`draft_plan`...) can be called on their own inside a test too.

Every piece of personal text the builders write unless told otherwise contains :data:`CANARY`,
so a test can search a table (the audit trail, an export) for it. All data is invented.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from careplan.domain.actor import PERSON, STAFF, Actor, Voice
from careplan.domain.enums import PlanStatus, Role, ServiceUnit, SignatureMethod, SignerKind, StepOwner
from careplan.domain.records import PlanVersion
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
PERIOD = (date(2025, 1, 6), date(2026, 1, 5))
"""The period a drafted plan covers, unless told otherwise."""


def utc_today() -> date:
    """Today as the use cases see it (they work in UTC)."""
    return datetime.now(UTC).date()


# --- staff ----------------------------------------------------------------------------------

STAFF_NAMES: dict[Role, str] = {
    Role.ADMINISTRATOR: "Ada Admin",
    Role.MANAGER: "Priya Manager",
    Role.KEY_WORKER: "Sam Keyworker",
    Role.PEER_MENTOR: "Chris Mentor",
}
"""The team's names, as they would be shown on screen and on paper."""


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
    admin = staff.create_first_administrator(db, "ada", STAFF_NAMES[Role.ADMINISTRATOR])

    def add(username: str, role: Role) -> Actor:
        return Actor(staff.add_staff(db, admin, username, STAFF_NAMES[role], role))

    return Team(
        administrator=admin,
        manager=add("priya", Role.MANAGER),
        key_worker=add("sam", Role.KEY_WORKER),
        peer_mentor=add("chris", Role.PEER_MENTOR),
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
    full_name: str | None = None,
    reference: str | None = None,
    about_me: str | None = None,
) -> int:
    """Register a person (the full name carries the canary unless given); optionally write their
    hopes in About me, in their own words."""
    person_id = people.register_person(
        db,
        actor,
        people.PersonDetails(
            preferred_name=preferred_name,
            full_name=full_name if full_name is not None else f"{preferred_name} {CANARY}",
            date_of_birth=date(1990, 5, 17),
            reference=reference,
        ),
    )
    if about_me is not None:
        people.write_about_me(db, actor, person_id, "hopes", about_me, PERSON)
    return person_id


# --- plans ----------------------------------------------------------------------------------


def goal(
    wording: str,
    *,
    voice: Voice = PERSON,
    life_area: str = "family",
    why: str | None = None,
    why_voice: Voice | None = None,
) -> GoalInput:
    return GoalInput(wording=wording, wording_voice=voice, life_area=life_area, why=why, why_voice=why_voice)


def step(what: str, *, voice: Voice = STAFF, owner: StepOwner = StepOwner.WORKER) -> StepInput:
    detail = "Local family centre" if owner in (StepOwner.SERVICE, StepOwner.SOMEONE_ELSE) else None
    return StepInput(what=what, voice=voice, owner=owner, owner_detail=detail)


Goals = Sequence[tuple[GoalInput, Sequence[StepInput]]]
"""Goals, each with its steps, in the order they are written."""

DEFAULT_GOALS: Goals = (
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
    goals: Goals = DEFAULT_GOALS,
    *,
    period: tuple[date, date] | None = PERIOD,
) -> DraftPlan:
    """Start a plan for the person (over ``period``, or the use case's own when None) and write its
    goals and steps."""
    start, end = period if period is not None else (None, None)
    started = plans.start_plan(db, actor, person_id, period_start=start, period_end=end)
    goal_ids: list[int] = []
    step_ids: list[int] = []
    for goal_input, steps in goals:
        goal_id = plans.add_goal(db, actor, started.version_id, goal_input)
        goal_ids.append(goal_id)
        step_ids.extend(plans.add_step(db, actor, goal_id, s) for s in steps)
    return DraftPlan(person_id, started.plan_id, started.version_id, tuple(goal_ids), tuple(step_ids))


# --- catalogue and budget -------------------------------------------------------------------


def add_service(
    db: Database,
    actor: Actor,
    provider_id: int,
    name: str = "Peer mentoring",
    *,
    category: str = "peer support",
    description: str = "One-to-one time with someone who has been there.",
    unit: ServiceUnit = ServiceUnit.SESSION,
    price: Decimal = SERVICE_PRICE,
    peer_led: bool = True,
    available_from: date | None = None,
    available_to: date | None = None,
) -> int:
    """A service of the provider's in the catalogue (``actor`` manages the catalogue). Returns its id."""
    return catalogue.add_service(
        db,
        actor,
        catalogue.ServiceInput(
            provider_id=provider_id,
            name=name,
            category=category,
            description=description,
            unit=unit,
            unit_price=price,
            peer_led=peer_led,
            available_from=available_from,
            available_to=available_to,
        ),
    )


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
    return add_service(db, actor, provider_id, name, category=category, price=price, unit=unit)


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


STAGES = (PlanStatus.DRAFT, PlanStatus.AGREED, PlanStatus.APPROVED, PlanStatus.ACTIVE)
"""How far a drafted plan can be taken: signed by both, approved by a manager, put into action."""


def take_to(db: Database, team: Team, version_id: int, stage: PlanStatus) -> None:
    """Take a draft version to ``stage``: agreed (both signed), approved or active."""
    if stage not in STAGES:
        raise ValueError(f"a world's plan goes as far as active, not {stage}")
    reached = STAGES.index(stage)
    if reached >= 1:
        sign_both(db, team.key_worker, version_id)
    if reached >= 2:
        signing.approve_plan(db, team.manager, version_id)
    if reached >= 3:
        plans.activate_plan(db, team.key_worker, version_id)


# --- a whole world --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class World:
    """A team and what was made for a test, each under the name it was made with.

    The world's person is the first registered (their plan, the first service and allocation
    likewise): most tests need one of each.
    """

    db: Database
    team: Team
    colleagues: Mapping[str, Actor] = field(default_factory=dict)
    """More members of staff, by username."""
    people: Mapping[str, int] = field(default_factory=dict)
    """Person ids, by preferred name, in the order they were registered."""
    plans: Mapping[str, DraftPlan] = field(default_factory=dict)
    """Plans being written, by the person's preferred name."""
    providers: Mapping[str, int] = field(default_factory=dict)
    services: Mapping[str, int] = field(default_factory=dict)
    """Catalogue services, by name."""
    allocations: tuple[int, ...] = ()

    @property
    def person_id(self) -> int:
        return next(iter(self.people.values()))

    @property
    def plan(self) -> DraftPlan:
        return next(iter(self.plans.values()))

    @property
    def plan_id(self) -> int:
        return self.plan.plan_id

    @property
    def version_id(self) -> int:
        return self.plan.version_id

    @property
    def service_id(self) -> int:
        return next(iter(self.services.values()))

    @property
    def allocation_id(self) -> int:
        return self.allocations[0]

    def _name(self, person: str | None) -> str:
        return person if person is not None else next(iter(self.people))

    def with_colleague(self, username: str, role: Role = Role.KEY_WORKER) -> World:
        """One more member of staff (added by the administrator)."""
        actor = add_member(self.db, self.team, username, role)
        return replace(self, colleagues={**self.colleagues, username: actor})

    def with_person(
        self,
        preferred_name: str = "Dee",
        *,
        full_name: str | None = None,
        reference: str | None = None,
        about_me: str | None = None,
        peer_mentor: bool = False,
        by: Actor | None = None,
    ) -> World:
        """Register a person (by the key worker unless told), optionally on the peer mentor's caseload."""
        actor = by or self.team.key_worker
        person_id = register(
            self.db, actor, preferred_name, full_name=full_name, reference=reference, about_me=about_me
        )
        if peer_mentor:
            assignments.assign_peer_mentor(self.db, actor, person_id, self.team.peer_mentor.staff_id)
        return replace(self, people={**self.people, preferred_name: person_id})

    def with_plan(
        self,
        person: str | None = None,
        goals: Goals = DEFAULT_GOALS,
        *,
        period: tuple[date, date] | None = PERIOD,
    ) -> World:
        """The key worker starts the person's plan and writes its goals and steps."""
        name = self._name(person)
        plan = draft_plan(self.db, self.team.key_worker, self.people[name], goals, period=period)
        return replace(self, plans={**self.plans, name: plan})

    def with_provider(self, name: str, *, contact: str | None = None, by: Actor | None = None) -> World:
        """A provider in the catalogue (added by the manager unless told)."""
        provider_id = catalogue.add_provider(self.db, by or self.team.manager, name, contact)
        return replace(self, providers={**self.providers, name: provider_id})

    def with_service(
        self,
        name: str = "Peer mentoring",
        *,
        provider: str = "Northside Recovery Network",
        category: str = "peer support",
        description: str = "One-to-one time with someone who has been there.",
        unit: ServiceUnit = ServiceUnit.SESSION,
        price: Decimal = SERVICE_PRICE,
        peer_led: bool = True,
        available_from: date | None = None,
        available_to: date | None = None,
        by: Actor | None = None,
    ) -> World:
        """A service in the catalogue (added by the manager unless told), from ``provider``: the
        provider is added first if the world has none of that name."""
        world = self if provider in self.providers else self.with_provider(provider, by=by)
        service_id = add_service(
            self.db,
            by or self.team.manager,
            world.providers[provider],
            name,
            category=category,
            description=description,
            unit=unit,
            price=price,
            peer_led=peer_led,
            available_from=available_from,
            available_to=available_to,
        )
        return replace(world, services={**world.services, name: service_id})

    def assessed(self, person: str | None = None) -> World:
        """The key worker assesses the plan's indicative budget with :data:`STANDARD_ANSWERS`."""
        assess(self.db, self.team.key_worker, self.plans[self._name(person)].version_id)
        return self

    def with_allocation(
        self, person: str | None = None, *, service: str | None = None, goal: int = 0, quantity: str = "4"
    ) -> World:
        """The key worker allocates ``quantity`` of a service (the world's first unless named) to one
        of the plan's goals (by its place)."""
        plan = self.plans[self._name(person)]
        service_id = self.services[service] if service is not None else self.service_id
        allocation_id = allocate(
            self.db, self.team.key_worker, plan.version_id, service_id, plan.goal_ids[goal], quantity
        )
        return replace(self, allocations=(*self.allocations, allocation_id))

    def at_stage(self, stage: PlanStatus, person: str | None = None) -> World:
        """The plan taken to ``stage``: agreed (both signed), approved or active."""
        take_to(self.db, self.team, self.plans[self._name(person)].version_id, stage)
        return self


def staffed(db: Database) -> World:
    """A world with the team in it (see :func:`make_team`) and nothing else yet."""
    return World(db=db, team=make_team(db))


def build_world(db: Database, *, stage: PlanStatus = PlanStatus.DRAFT) -> World:
    """A team, Dee with a plan (two goals, a step each) at ``stage`` (draft, agreed, approved or
    active), a catalogue service and money allocated to her first goal.

    Dee is on Sam's caseload (Sam registered her) and on Chris's (assigned as her peer mentor).
    """
    if stage not in STAGES:
        raise ValueError(f"build_world goes as far as active, not {stage}")
    return (
        staffed(db)
        .with_person("Dee", about_me=f"To stop being a case {CANARY}", peer_mentor=True)
        .with_plan("Dee")
        .with_provider("Northside Recovery Network", contact="01632 960000")
        .with_service()
        .assessed()
        .with_allocation()
        .at_stage(stage)
    )
