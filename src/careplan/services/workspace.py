"""What a person's workspace shows, read in one short session: plain data, no ORM objects.

The GUI reads these views and changes the record only through the use cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from careplan.domain.actor import Actor
from careplan.domain.errors import NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import (
    AboutMeEntry,
    Allocation,
    AuthoredText,
    Disagreement,
    Goal,
    LifeArea,
    Person,
    Plan,
    PlanVersion,
    Proposal,
    Service,
    Step,
)
from careplan.services.canonical import plan_sha256
from careplan.services.people import ABOUT_ME_TOPICS
from careplan.services.requests import DecisionView, decision_view
from careplan.services.staying_safe_view import (
    NOTHING_YET,
    STAYING_SAFE_LOADS,
    StayingSafeView,
    staying_safe_view,
)
from careplan.services.text_views import Author as Author  # the pages read it from here, as before
from careplan.services.text_views import TextView as TextView
from careplan.services.text_views import text_view
from careplan.services.unit_of_work import Work, read_only, unit_of_work
from careplan.storage.database import Database

if TYPE_CHECKING:  # the type SQLAlchemy gives its loader options (joinedload, selectinload)
    from sqlalchemy.orm.strategy_options import _AbstractLoad


@dataclass(frozen=True)
class SubstanceView:
    substance: str
    how: str | None
    how_often: str | None
    amount: str | None


@dataclass(frozen=True)
class PersonView:
    id: int
    revision: int
    reference: str
    preferred_name: str
    full_name: str
    date_of_birth: date | None
    pronouns: str | None
    contact_how: str | None
    contact_details: str | None
    key_worker: str | None
    about_me: dict[str, TextView]
    substances: list[SubstanceView]


@dataclass(frozen=True)
class StepView:
    id: int
    key: str
    what: TextView
    owner: str
    owner_detail: str | None
    due_date: date | None
    done: bool


@dataclass(frozen=True)
class DisagreementView:
    id: int
    goal_id: int | None
    step_id: int | None
    allocation_id: int | None
    note: TextView


@dataclass(frozen=True)
class GoalView:
    id: int
    key: str
    wording: TextView
    why: TextView | None
    life_area_code: str
    life_area: str
    target_date: date | None
    status: str
    steps: list[StepView]


@dataclass(frozen=True)
class AllocationView:
    id: int
    key: str
    description: str
    category: str
    unit: str
    quantity: Decimal
    unit_price_pence: int
    total_pence: int
    goal_ids: list[int]
    override_reason: str | None
    from_proposal: bool
    proposal_id: int | None = None
    service_id: int | None = None


@dataclass(frozen=True)
class SignatureView:
    signer_kind: str
    signer_name: str
    role: str
    signed_at: datetime
    method: str
    current: bool


@dataclass(frozen=True)
class VersionSummary:
    id: int
    number: int
    status: str
    created_at: datetime


@dataclass(frozen=True)
class VersionView:
    id: int
    plan_id: int
    plan_revision: int
    number: int
    status: str
    frozen: bool
    period_start: date | None
    period_end: date | None
    indicative_pence: int | None
    working: dict[str, Any] | None
    agreed_pence: int | None
    goals: list[GoalView]
    allocations: list[AllocationView]
    disagreements: list[DisagreementView]
    signatures: list[SignatureView]
    sha256: str
    versions: list[VersionSummary] = field(default_factory=list)
    approved_by: str | None = None  # the manager's name, once approved
    approved_at: datetime | None = None
    staying_safe: StayingSafeView = NOTHING_YET

    @property
    def allocated_pence(self) -> int:
        return sum(a.total_pence for a in self.allocations)

    @property
    def limit_pence(self) -> int | None:
        return self.agreed_pence if self.agreed_pence is not None else self.indicative_pence

    @property
    def remaining_pence(self) -> int | None:
        limit = self.limit_pence
        return None if limit is None else limit - self.allocated_pence


def open_person(db: Database, actor: Actor, person_id: int) -> PersonView:
    """Open a person's record in a workspace: the record, and an audit event saying who opened it.

    The event ("open", "person", id, no fields: never any personal text) is written in the same
    transaction that reads the record, so nobody sees a record through this without a trace.
    A workspace calls this once each time it opens a person; reading the same open record again
    (F5, after a change, a conflict) is ``load_person``. Listing people (the search) is not
    opening anyone's record and is not audited row by row.
    """
    with unit_of_work(db, actor, Action.VIEW_PEOPLE) as work:
        view = _person_view(work, person_id)
        work.audit("open", "person", view.id)
        return view


def load_person(db: Database, actor: Actor, person_id: int) -> PersonView:
    """Read again a person's record that is already open (refresh). Opening one is ``open_person``."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        return _person_view(work, person_id)


def _person_view(work: Work, person_id: int) -> PersonView:
    """The person's record, once the member of staff may open it (checked on the row just read)."""
    person = work.session.scalar(
        select(Person).where(Person.id == person_id).options(*_PERSON_LOADS, joinedload(Person.key_worker))
    )
    if person is None:
        raise NotFound("That person could not be found.")
    work.require_person(person)
    about = {}
    for entry in person.about_me:
        view = text_view(entry.text, person.preferred_name)
        assert view is not None
        about[entry.topic] = view
    ordered = {topic: about[topic] for topic in ABOUT_ME_TOPICS if topic in about}
    return PersonView(
        id=person.id,
        revision=person.revision,
        reference=person.reference,
        preferred_name=person.preferred_name,
        full_name=person.full_name,
        date_of_birth=person.date_of_birth,
        pronouns=person.pronouns,
        contact_how=person.contact_how,
        contact_details=person.contact_details,
        key_worker=person.key_worker.display_name if person.key_worker else None,
        about_me=ordered,
        substances=[SubstanceView(s.substance, s.how, s.how_often, s.amount) for s in person.substances],
    )


def current_version_id(db: Database, actor: Actor, person_id: int) -> int | None:
    """The version a workspace opens on: the newest version of the person's newest plan."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        work.require_record(person_id)
        return _current_version_id(work, person_id)


def _current_version_id(work: Work, person_id: int) -> int | None:
    return work.session.scalar(
        select(PlanVersion.id)
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .where(Plan.person_id == person_id)
        .order_by(Plan.id.desc(), PlanVersion.number.desc())
        .limit(1)
    )


def load_version(db: Database, actor: Actor, version_id: int) -> VersionView:
    """A plan version as a workspace shows it, read in one session with a fixed number of
    statements however many goals, steps, notes and authors it has (everything it shows, and
    everything its fingerprint is worked out from, is loaded eagerly)."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        return _version_view(work, version_id)


def load_current_version(db: Database, actor: Actor, person_id: int) -> VersionView | None:
    """The version a workspace opens on (the newest of the person's newest plan; None: no plan
    yet), found and read in one session: ``current_version_id`` and ``load_version`` together."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        version_id = _current_version_id(work, person_id)
        if version_id is None:  # no plan yet: still nobody else's business whether they have one
            work.require_record(person_id)
            return None
        return _version_view(work, version_id)


def _text_loads(relation: Any) -> _AbstractLoad:
    """A many-to-one to an authored text, joined in with the member of staff behind it."""
    return joinedload(relation).joinedload(AuthoredText.staff)


# About me: each answer's text and whose words (the fingerprint of a draft includes them).
_PERSON_LOADS: tuple[_AbstractLoad, ...] = (
    selectinload(Person.about_me).options(_text_loads(AboutMeEntry.text)),
    selectinload(Person.substances),
)


def _version_view(work: Work, version_id: int) -> VersionView:
    """The version, once the member of staff may open its person's record (checked on the person
    loaded with it, so a key worker's own person costs no statement more)."""
    plan = joinedload(PlanVersion.plan)
    version = work.session.scalar(
        select(PlanVersion)
        .where(PlanVersion.id == version_id)
        .options(
            plan.joinedload(Plan.person).options(*_PERSON_LOADS),
            plan.joinedload(Plan.key_worker),
            # The list of versions needs four columns, not each version's signed JSON.
            plan.selectinload(Plan.versions).load_only(
                PlanVersion.id, PlanVersion.number, PlanVersion.status, PlanVersion.created_at
            ),
            joinedload(PlanVersion.approved_by),
            selectinload(PlanVersion.goals).options(
                _text_loads(Goal.wording),
                _text_loads(Goal.why),
                joinedload(Goal.life_area),
                selectinload(Goal.steps).options(_text_loads(Step.what)),
            ),
            selectinload(PlanVersion.allocations).selectinload(Allocation.goals),
            selectinload(PlanVersion.disagreements).options(_text_loads(Disagreement.text)),
            selectinload(PlanVersion.signatures),
            *STAYING_SAFE_LOADS,
        )
    )
    if version is None:
        raise NotFound("That plan version could not be found.")
    work.require_person(version.plan.person)
    name = version.plan.person.preferred_name
    sha = plan_sha256(version)

    def tv(text: AuthoredText) -> TextView:
        view = text_view(text, name)
        assert view is not None
        return view

    return VersionView(
        id=version.id,
        plan_id=version.plan_id,
        plan_revision=version.plan.revision,
        number=version.number,
        status=version.status,
        frozen=version.status != "draft",
        period_start=version.period_start,
        period_end=version.period_end,
        indicative_pence=version.indicative_pence,
        working=version.indicative_working,
        agreed_pence=version.agreed_budget_pence,
        goals=[
            GoalView(
                id=g.id,
                key=g.key,
                wording=tv(g.wording),
                why=text_view(g.why, name),
                life_area_code=g.life_area.code,
                life_area=g.life_area.name,
                target_date=g.target_date,
                status=g.status,
                steps=[
                    StepView(s.id, s.key, tv(s.what), s.owner, s.owner_detail, s.due_date, s.done)
                    for s in g.steps
                ],
            )
            for g in version.goals
        ],
        allocations=[
            AllocationView(
                id=a.id,
                key=a.key,
                description=a.description,
                category=a.category,
                unit=a.unit,
                quantity=a.quantity,
                unit_price_pence=a.unit_price_pence,
                total_pence=a.total_pence,
                goal_ids=[g.id for g in a.goals],
                override_reason=a.override_reason,
                from_proposal=a.proposal_id is not None,
                proposal_id=a.proposal_id,
                service_id=a.service_id,
            )
            for a in version.allocations
        ],
        disagreements=[
            DisagreementView(d.id, d.goal_id, d.step_id, d.allocation_id, tv(d.text))
            for d in version.disagreements
        ],
        signatures=[
            SignatureView(s.signer_kind, s.signer_name, s.role, s.signed_at, s.method, s.plan_sha256 == sha)
            for s in version.signatures
        ],
        sha256=sha,
        versions=[VersionSummary(v.id, v.number, v.status, v.created_at) for v in version.plan.versions],
        approved_by=version.approved_by.display_name if version.approved_by is not None else None,
        approved_at=version.approved_at,
        staying_safe=staying_safe_view(version, name),
    )


@dataclass(frozen=True)
class LifeAreaView:
    code: str
    name: str


def life_areas(db: Database, actor: Actor) -> list[LifeAreaView]:
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        rows = work.session.scalars(
            select(LifeArea).where(LifeArea.active.is_(True)).order_by(LifeArea.position)
        )
        return [LifeAreaView(a.code, a.name) for a in rows]


@dataclass(frozen=True)
class CatalogueEntry:
    id: int
    name: str
    provider: str
    category: str
    description: str
    unit: str
    unit_price_pence: int
    peer_led: bool


def catalogue_entries(db: Database, actor: Actor, *, on: date | None = None) -> list[CatalogueEntry]:
    """Services on offer (on a given day), by category and name."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        day = on or work.now.date()
        rows = work.session.scalars(
            select(Service)
            .options(selectinload(Service.provider))
            .where((Service.available_from.is_(None)) | (Service.available_from <= day))
            .where((Service.available_to.is_(None)) | (Service.available_to >= day))
            .order_by(Service.category, Service.name)
        )
        return [
            CatalogueEntry(
                s.id,
                s.name,
                s.provider.name,
                s.category,
                s.description,
                s.unit,
                s.unit_price_pence,
                s.peer_led,
            )
            for s in rows
        ]


@dataclass(frozen=True)
class ProposalView:
    id: int
    what: str
    category: str
    unit: str
    estimated_cost_pence: int
    status: str
    approved_unit_price_pence: int | None
    why: TextView
    decision_note: str | None
    who_might_provide: str | None = None
    decision: DecisionView | None = None  # the decision, question, answer, disagreement (requests.py)


def proposals_for(db: Database, actor: Actor, person_id: int) -> list[ProposalView]:
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        work.require_record(person_id)
        person = work.session.get(Person, person_id)
        name = person.preferred_name if person else ""
        rows = work.session.scalars(
            select(Proposal).where(Proposal.person_id == person_id).order_by(Proposal.id)
        )
        result = []
        for p in rows:
            why = text_view(p.why, name)
            assert why is not None
            result.append(
                ProposalView(
                    p.id,
                    p.what,
                    p.category,
                    p.unit,
                    p.estimated_cost_pence,
                    p.status,
                    p.approved_unit_price_pence,
                    why,
                    p.decision_note,
                    p.who_might_provide,
                    decision_view(p, name),
                )
            )
        return result
