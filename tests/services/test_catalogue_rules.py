"""The service catalogue, and proposals for what it does not have."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import AuthorKind, ProposalStatus, Role, ServiceUnit
from careplan.domain.errors import (
    CareplanError,
    InvalidInput,
    InvalidTransition,
    NeverAllowed,
    NotFound,
    PermissionDenied,
)
from careplan.domain.records import AuditEvent, Base, Proposal, Provider, Service
from careplan.services.catalogue import (
    ProposalInput,
    ServiceInput,
    add_provider,
    add_service,
    propose_service,
    update_service,
)
from careplan.services.people import PersonDetails, register_person
from careplan.storage import Database
from tests import worlds
from tests.database_copies import world_fixtures
from tests.deciding import decide_proposal
from tests.refusals import refused
from tests.worlds import World

# --- a small world --------------------------------------------------------------------------


PROVIDER = "Recovery Collective"


def make_world(db: Database) -> World:
    """The team; a provider; Jordan (on Chris's caseload too) with a plan just started."""
    world = worlds.staffed(db)
    return (
        world.with_provider(PROVIDER, contact="0161 496 0000", by=world.team.administrator)
        .with_person("Jordan", full_name="Jordan Example", peer_mentor=True)
        .with_plan("Jordan", goals=(), period=None)
    )


template, sqlite_template, world, quick = world_fixtures(make_world)


def mentoring(provider_id: int, **changes: object) -> ServiceInput:
    item = ServiceInput(
        provider_id,
        "Peer mentoring",
        "peer support",
        "One to one, with someone who has been there",
        ServiceUnit.SESSION,
        Decimal("25.00"),
    )
    return replace(item, **changes)  # type: ignore[arg-type]


CLIMBING = ProposalInput(
    what="Climbing wall membership",
    category="leisure",
    unit=ServiceUnit.WEEK,
    estimated_cost=Decimal("9.50"),
    why="Climbing gets me out of my head without using",
    why_voice=PERSON,
    who_might_provide="  The Climbing   Hut ",
)


def load(db: Database, model: type[Base], ident: int) -> object:
    with db.session() as session:
        row = session.get(model, ident)
        assert row is not None
        if isinstance(row, Proposal):
            _ = row.why.body
        return row


# --- providers ------------------------------------------------------------------------------


def test_add_provider_tidies_the_name_and_refuses_a_duplicate(world: World) -> None:
    provider_id = add_provider(world.db, world.team.manager, "  Family   Links  ", contact="   ")
    provider = load(world.db, Provider, provider_id)
    assert isinstance(provider, Provider)
    assert (provider.name, provider.contact) == ("Family Links", None)
    with refused(world.db, InvalidInput, "already a provider called “Family Links”") as info:
        add_provider(world.db, world.team.administrator, "Family Links")
    assert info.value.field == "name"


@pytest.mark.parametrize(
    ("name", "phrase"), [("", "please give"), ("   ", "please give"), ("x" * 121, "too long")]
)
def test_add_provider_refuses_a_bad_name(quick: World, name: str, phrase: str) -> None:
    with refused(quick.db, InvalidInput, phrase):
        add_provider(quick.db, quick.team.administrator, name)


@pytest.mark.parametrize("role", [Role.KEY_WORKER, Role.PEER_MENTOR], ids=["worker", "mentor"])
def test_only_managers_and_administrators_manage_the_catalogue(quick: World, role: Role) -> None:
    actor = quick.team.as_role(role)
    with refused(quick.db, PermissionDenied, "cannot manage catalogue"):
        add_provider(quick.db, actor, "Someone New")
    with refused(quick.db, PermissionDenied, "cannot manage catalogue"):
        add_service(quick.db, actor, mentoring(quick.providers[PROVIDER]))


# --- services -------------------------------------------------------------------------------


def test_add_service_keeps_what_was_given(world: World) -> None:
    service_id = add_service(
        world.db,
        world.team.manager,
        mentoring(
            world.providers[PROVIDER],
            name="  Peer   mentoring ",
            unit_price=Decimal("25.5"),
            peer_led=True,
            available_from=date(2025, 1, 1),
            available_to=date(2025, 12, 31),
        ),
    )
    service = load(world.db, Service, service_id)
    assert isinstance(service, Service)
    assert (service.name, service.category, service.unit) == (
        "Peer mentoring",
        "peer support",
        ServiceUnit.SESSION,
    )
    assert service.unit_price_pence == 2550
    assert service.peer_led is True
    assert (service.available_from, service.available_to) == (date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    "category", ["Alcohol", "tobacco", " GAMBLING ", "Debt repayment", "paying off debts", "illegal"]
)
def test_add_service_refuses_a_never_allowed_category(quick: World, category: str) -> None:
    with refused(quick.db, NeverAllowed, "can never pay for"):
        add_service(
            quick.db, quick.team.administrator, mentoring(quick.providers[PROVIDER], category=category)
        )


@pytest.mark.parametrize(
    ("changes", "field", "phrase"),
    [
        ({"unit_price": Decimal("-0.01")}, "unit_price", "less than zero"),
        ({"unit_price": Decimal("1.005")}, "unit_price", "whole pence"),
        ({"unit_price": Decimal("Infinity")}, "unit_price", "not an amount"),
        (
            {"available_from": date(2025, 6, 1), "available_to": date(2025, 5, 31)},
            "available_to",
            "stop being available after it starts",
        ),
        ({"name": "   "}, "name", "please give the service's name"),
        ({"category": ""}, "category", "please give a category"),
        ({"name": "n" * 121}, "name", "too long"),
    ],
)
def test_add_service_refuses_bad_details(
    quick: World, changes: dict[str, object], field: str, phrase: str
) -> None:
    with refused(quick.db, InvalidInput, phrase) as info:
        add_service(quick.db, quick.team.administrator, mentoring(quick.providers[PROVIDER], **changes))
    assert info.value.field == field


def test_a_free_service_is_fine(quick: World) -> None:
    service_id = add_service(
        quick.db, quick.team.administrator, mentoring(quick.providers[PROVIDER], unit_price=Decimal("0"))
    )
    service = load(quick.db, Service, service_id)
    assert isinstance(service, Service)
    assert service.unit_price_pence == 0


def test_a_provider_offers_each_service_name_once(world: World) -> None:
    add_service(world.db, world.team.administrator, mentoring(world.providers[PROVIDER]))
    with refused(
        world.db, InvalidInput, "recovery collective already offers a service with that name"
    ) as info:
        add_service(
            world.db,
            world.team.administrator,
            mentoring(world.providers[PROVIDER], name=" Peer  mentoring", unit_price=Decimal("3")),
        )
    assert info.value.field == "name"
    other = add_provider(world.db, world.team.administrator, "Family Links")
    assert add_service(
        world.db, world.team.administrator, mentoring(other)
    )  # the same name elsewhere is fine


def test_add_service_for_a_provider_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "provider could not be found"):
        add_service(quick.db, quick.team.administrator, mentoring(424242))


def test_update_service_changes_what_changed_and_audits_the_names(world: World) -> None:
    service_id = add_service(world.db, world.team.administrator, mentoring(world.providers[PROVIDER]))
    update_service(
        world.db,
        world.team.manager,
        service_id,
        mentoring(world.providers[PROVIDER], unit_price=Decimal("30.00"), available_to=date(2026, 3, 31)),
    )
    service = load(world.db, Service, service_id)
    assert isinstance(service, Service)
    assert (service.unit_price_pence, service.available_to, service.name) == (
        3000,
        date(2026, 3, 31),
        "Peer mentoring",
    )
    with world.db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event is not None
    assert (event.action, event.entity, event.entity_id) == ("update", "service", service_id)
    assert sorted(event.fields) == ["available_to", "unit_price_pence"]


@pytest.mark.parametrize(
    ("changes", "kind", "phrase"),
    [
        ({"category": "Lottery"}, NeverAllowed, "can never pay for gambling"),
        ({"unit_price": Decimal("-5")}, InvalidInput, "less than zero"),
        (
            {"available_from": date(2026, 1, 2), "available_to": date(2026, 1, 1)},
            InvalidInput,
            "after it starts",
        ),
    ],
)
def test_update_service_refuses(
    quick: World, changes: dict[str, object], kind: type[CareplanError], phrase: str
) -> None:
    service_id = add_service(quick.db, quick.team.administrator, mentoring(quick.providers[PROVIDER]))
    with refused(quick.db, kind, phrase):
        update_service(
            quick.db, quick.team.administrator, service_id, mentoring(quick.providers[PROVIDER], **changes)
        )


def test_update_service_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "service could not be found"):
        update_service(quick.db, quick.team.administrator, 5150, mentoring(quick.providers[PROVIDER]))


def test_renaming_a_service_to_a_name_its_provider_already_uses_is_refused_plainly(world: World) -> None:
    """BUG (src/careplan/services/catalogue.py, update_service): unlike add_service it does not
    check for a duplicate name, so the database's unique constraint fails at commit and the user
    gets a generic StorageError ("The database reported a problem...") instead of
    InvalidInput("Recovery Collective already offers a service with that name.")."""
    add_service(world.db, world.team.administrator, mentoring(world.providers[PROVIDER]))
    travel = add_service(
        world.db,
        world.team.administrator,
        mentoring(world.providers[PROVIDER], name="Travel pass", category="travel"),
    )
    with refused(world.db, InvalidInput, "already offers a service with that name"):
        update_service(
            world.db,
            world.team.administrator,
            travel,
            mentoring(world.providers[PROVIDER], category="travel"),
        )


# --- proposals ------------------------------------------------------------------------------


def test_a_proposal_waits_for_a_decision_with_the_why_in_the_persons_words(world: World) -> None:
    proposal_id = propose_service(
        world.db, world.team.peer_mentor, world.person_id, CLIMBING, plan_id=world.plan_id
    )
    proposal = load(world.db, Proposal, proposal_id)
    assert isinstance(proposal, Proposal)
    assert proposal.status == ProposalStatus.PENDING
    assert (proposal.what, proposal.category, proposal.unit) == (
        "Climbing wall membership",
        "leisure",
        ServiceUnit.WEEK,
    )
    assert proposal.who_might_provide == "The Climbing Hut"
    assert proposal.estimated_cost_pence == 950
    assert proposal.plan_id == world.plan_id
    assert proposal.created_by_id == world.team.peer_mentor.staff_id
    assert proposal.why.body == "Climbing gets me out of my head without using"
    assert proposal.why.author_kind == AuthorKind.PERSON
    assert proposal.why.person_id == world.person_id
    assert proposal.why.recorded_by_id == world.team.peer_mentor.staff_id
    assert proposal.approved_unit_price_pence is None
    assert proposal.decided_by_id is None


def test_a_proposal_can_give_a_staff_members_reasons(world: World) -> None:
    proposal_id = propose_service(
        world.db, world.team.key_worker, world.person_id, replace(CLIMBING, why_voice=STAFF)
    )
    proposal = load(world.db, Proposal, proposal_id)
    assert isinstance(proposal, Proposal)
    assert (proposal.why.author_kind, proposal.why.staff_id) == (
        AuthorKind.STAFF,
        world.team.key_worker.staff_id,
    )


@pytest.mark.parametrize("category", ["alcohol", "Vaping", "debts"])
def test_a_never_allowed_proposal_is_refused(quick: World, category: str) -> None:
    with refused(quick.db, NeverAllowed, "can never pay for"):
        propose_service(
            quick.db, quick.team.key_worker, quick.person_id, replace(CLIMBING, category=category)
        )


@pytest.mark.parametrize(
    ("changes", "phrase"),
    [
        ({"estimated_cost": Decimal("0")}, "more than £0.00"),
        ({"estimated_cost": Decimal("-1")}, "less than zero"),
        ({"estimated_cost": Decimal("9.999")}, "whole pence"),
        ({"what": "  "}, "please give what the service is"),
        ({"why": "   "}, "write something here first"),
    ],
)
def test_a_proposal_needs_a_cost_a_name_and_a_reason(
    quick: World, changes: dict[str, object], phrase: str
) -> None:
    with refused(quick.db, InvalidInput, phrase):
        propose_service(quick.db, quick.team.key_worker, quick.person_id, replace(CLIMBING, **changes))  # type: ignore[arg-type]


def test_a_proposal_for_another_persons_plan_is_refused(quick: World) -> None:
    other = register_person(quick.db, quick.team.key_worker, PersonDetails("Dee", "Dee Example"))
    with refused(quick.db, InvalidInput, "plan belongs to somebody else"):
        propose_service(quick.db, quick.team.key_worker, other, CLIMBING, plan_id=quick.plan_id)
    with refused(quick.db, NotFound, "person could not be found"):
        propose_service(quick.db, quick.team.key_worker, 8080, CLIMBING)


def test_an_administrator_cannot_propose(quick: World) -> None:
    with refused(quick.db, PermissionDenied, "cannot propose service"):
        propose_service(quick.db, quick.team.administrator, quick.person_id, CLIMBING)


# --- deciding -------------------------------------------------------------------------------


def test_approving_without_a_price_uses_the_estimate(world: World) -> None:
    proposal_id = propose_service(world.db, world.team.key_worker, world.person_id, CLIMBING)
    decide_proposal(world.db, world.team.manager, proposal_id, approve=True, note="  Good idea  ")
    proposal = load(world.db, Proposal, proposal_id)
    assert isinstance(proposal, Proposal)
    assert proposal.status == ProposalStatus.APPROVED
    assert proposal.approved_unit_price_pence == 950
    assert proposal.decision_note == "Good idea"
    assert proposal.decided_by_id == world.team.manager.staff_id
    assert proposal.decided_at is not None


def test_approving_at_a_different_price(world: World) -> None:
    proposal_id = propose_service(world.db, world.team.key_worker, world.person_id, CLIMBING)
    decide_proposal(world.db, world.team.manager, proposal_id, approve=True, unit_price=Decimal("8.75"))
    proposal = load(world.db, Proposal, proposal_id)
    assert isinstance(proposal, Proposal)
    assert (proposal.approved_unit_price_pence, proposal.decision_note) == (875, None)


@pytest.mark.parametrize(
    ("price", "phrase"),
    [(Decimal("0"), "more than £0.00"), (Decimal("-1"), "less than zero"), (Decimal("1.001"), "whole pence")],
)
def test_approving_at_a_price_that_is_not_money_is_refused(quick: World, price: Decimal, phrase: str) -> None:
    proposal_id = propose_service(quick.db, quick.team.key_worker, quick.person_id, CLIMBING)
    with refused(quick.db, InvalidInput, phrase):
        decide_proposal(quick.db, quick.team.manager, proposal_id, approve=True, unit_price=price)


@pytest.mark.parametrize("note", [None, "", "   "])
def test_declining_needs_a_reason_the_person_will_see(quick: World, note: str | None) -> None:
    proposal_id = propose_service(quick.db, quick.team.key_worker, quick.person_id, CLIMBING)
    with refused(quick.db, InvalidInput, "say why the answer is no") as info:
        decide_proposal(quick.db, quick.team.manager, proposal_id, approve=False, note=note)
    assert info.value.field == "reason"


def test_declining_with_a_reason(world: World) -> None:
    proposal_id = propose_service(world.db, world.team.key_worker, world.person_id, CLIMBING)
    decide_proposal(
        world.db, world.team.manager, proposal_id, approve=False, note="The leisure centre pass covers it"
    )
    proposal = load(world.db, Proposal, proposal_id)
    assert isinstance(proposal, Proposal)
    assert (proposal.status, proposal.approved_unit_price_pence) == (ProposalStatus.DECLINED, None)
    assert proposal.decision_note == "The leisure centre pass covers it"


@pytest.mark.parametrize("first", ["approved", "declined"])
def test_a_proposal_is_decided_once(world: World, first: str) -> None:
    proposal_id = propose_service(world.db, world.team.key_worker, world.person_id, CLIMBING)
    decide_proposal(world.db, world.team.manager, proposal_id, approve=first == "approved", note="Decided")
    for approve in (True, False):
        with refused(world.db, InvalidTransition, "this request was already decided"):
            decide_proposal(world.db, world.team.manager, proposal_id, approve=approve, note="Again")


@pytest.mark.parametrize(
    "role", [Role.KEY_WORKER, Role.PEER_MENTOR, Role.ADMINISTRATOR], ids=["worker", "mentor", "admin"]
)
def test_only_a_manager_decides(quick: World, role: Role) -> None:
    proposal_id = propose_service(quick.db, quick.team.key_worker, quick.person_id, CLIMBING)
    with refused(quick.db, PermissionDenied, "cannot decide proposal"):
        decide_proposal(quick.db, quick.team.as_role(role), proposal_id, approve=True)


def test_deciding_a_proposal_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "request could not be found"):
        decide_proposal(quick.db, quick.team.manager, 1234, approve=True)
