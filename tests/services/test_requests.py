"""Requests decided: yes (one-off, or added to the catalogue), no with a reason, "tell us more" and its
answer, the person's "I don't agree", and the refusals by role and state."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import AuthorKind, ProposalStatus, Role, ServiceUnit
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from careplan.domain.records import Allocation, AuditEvent, Proposal, Service
from careplan.services import budget, plans
from careplan.services.catalogue import ProposalInput, propose_service
from careplan.services.requests import (
    Choice,
    Decision,
    answer_request,
    decide_request,
    disagree_with_decision,
    list_requests,
)
from careplan.services.workspace import proposals_for
from tests import worlds
from tests.database_copies import world_fixtures
from tests.refusals import refused
from tests.worlds import World

template, sqlite_template, world, quick = world_fixtures(worlds.build_world)

CLIMBING = ProposalInput(
    what="Climbing wall membership",
    category="leisure",
    unit=ServiceUnit.WEEK,
    estimated_cost=Decimal("9.50"),
    why="Climbing gets me out of my head",
    why_voice=PERSON,
    who_might_provide="The Climbing Hut",
)
ASK = Decision(Choice.ASK, words="Which days would you go, and is there a cheaper pass?")
NO = Decision(Choice.NO, words="The leisure centre pass already covers climbing.")


def ask_for(w: World) -> int:
    return propose_service(w.db, w.team.key_worker, w.person_id, CLIMBING, plan_id=w.plan_id)


def set_aside(w: World, proposal_id: int, quantity: Decimal) -> int:
    item = budget.AllocationInput(quantity, (w.plan.goal_ids[0],), proposal_id=proposal_id)
    return budget.allocate(w.db, w.team.key_worker, w.version_id, item)


def stored(w: World, proposal_id: int) -> Proposal:
    with w.db.session() as session:
        row = session.get(Proposal, proposal_id)
        assert row is not None
        return row


def audited(w: World, action: str) -> list[AuditEvent]:
    with w.db.session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.entity == "proposal", AuditEvent.action == action)
            )
        )


# --- yes ----------------------------------------------------------------------------------------


def test_yes_as_a_one_off_at_the_estimate_lets_the_plan_set_money_aside(world: World) -> None:
    proposal_id = ask_for(world)
    decide_request(world.db, world.team.manager, proposal_id, Decision(Choice.YES, words="Good idea"))
    row = stored(world, proposal_id)
    assert (row.status, row.approved_unit_price_pence, row.service_id) == (ProposalStatus.APPROVED, 950, None)
    assert row.decision_note == "Good idea"
    assert row.decided_by_id == world.team.manager.staff_id
    set_aside(world, proposal_id, Decimal(4))
    assert [e.fields for e in audited(world, "decide")] == [
        ["approved_unit_price", "decision_note", "status"]
    ]


def test_yes_and_add_to_the_catalogue_makes_a_service_the_request_points_at(world: World) -> None:
    proposal_id = ask_for(world)
    decision = Decision(Choice.YES_TO_CATALOGUE, price=Decimal("30.00"), unit=ServiceUnit.COURSE)
    decide_request(world.db, world.team.manager, proposal_id, decision)
    row = stored(world, proposal_id)
    assert row.status == ProposalStatus.APPROVED
    assert row.approved_unit_price_pence == 3000
    with world.db.session() as session:
        service = session.get(Service, row.service_id)
        assert service is not None
        found = (service.name, service.category, service.unit, service.unit_price_pence)
    assert found == (
        "Climbing wall membership",
        "leisure",
        ServiceUnit.COURSE,
        3000,
    )
    allocation_id = set_aside(world, proposal_id, Decimal(1))
    with world.db.session() as session:
        allocation = session.get(Allocation, allocation_id)
        assert allocation is not None
        assert (allocation.unit, allocation.total_pence) == (ServiceUnit.COURSE, 3000)


def test_adding_to_the_catalogue_needs_a_price(quick: World) -> None:
    proposal_id = ask_for(quick)
    with refused(quick.db, InvalidInput, "price per unit") as info:
        decide_request(quick.db, quick.team.manager, proposal_id, Decision(Choice.YES_TO_CATALOGUE))
    assert info.value.field == "price"


def test_adding_to_the_catalogue_needs_a_provider(quick: World) -> None:
    proposal_id = propose_service(
        quick.db, quick.team.key_worker, quick.person_id, replace(CLIMBING, who_might_provide=None)
    )
    decision = Decision(Choice.YES_TO_CATALOGUE, price=Decimal("9.00"))
    with refused(quick.db, InvalidInput, "who provides it"):
        decide_request(quick.db, quick.team.manager, proposal_id, decision)


@pytest.mark.parametrize(
    ("price", "phrase"),
    [(Decimal("0"), "more than £0.00"), (Decimal("-1"), "less than zero"), (Decimal("1.001"), "whole pence")],
)
def test_a_price_that_is_not_money_is_refused(quick: World, price: Decimal, phrase: str) -> None:
    proposal_id = ask_for(quick)
    for choice in (Choice.YES, Choice.YES_TO_CATALOGUE):
        with refused(quick.db, InvalidInput, phrase):
            decide_request(quick.db, quick.team.manager, proposal_id, Decision(choice, price=price))


# --- no -------------------------------------------------------------------------------------------


def test_no_keeps_the_reason_the_person_will_read(world: World) -> None:
    proposal_id = ask_for(world)
    decide_request(world.db, world.team.manager, proposal_id, NO)
    row = stored(world, proposal_id)
    assert (row.status, row.decision_note) == (ProposalStatus.DECLINED, NO.words)
    view = proposals_for(world.db, world.team.key_worker, world.person_id)[0]
    assert view.decision is not None
    assert view.decision.reason == NO.words
    assert view.decision.decided_by is not None


@pytest.mark.parametrize("words", ["", "   ", "\n"])
def test_no_needs_a_reason(quick: World, words: str) -> None:
    proposal_id = ask_for(quick)
    with refused(quick.db, InvalidInput, "say why the answer is no") as info:
        decide_request(quick.db, quick.team.manager, proposal_id, Decision(Choice.NO, words=words))
    assert info.value.field == "reason"


# --- tell us more -----------------------------------------------------------------------------------


def test_tell_us_more_goes_back_and_the_answer_brings_it_back_to_a_manager(world: World) -> None:
    proposal_id = ask_for(world)
    decide_request(world.db, world.team.manager, proposal_id, ASK)
    row = stored(world, proposal_id)
    assert (row.status, row.question, row.asked_by_id) == (
        ProposalStatus.ASKED,
        ASK.words,
        world.team.manager.staff_id,
    )
    with refused(world.db, InvalidTransition, "waiting for an answer"):
        decide_request(world.db, world.team.manager, proposal_id, NO)
    answer_request(
        world.db, world.team.key_worker, proposal_id, "Saturday mornings; there is no cheaper pass", STAFF
    )
    row = stored(world, proposal_id)
    assert row.status == ProposalStatus.PENDING
    view = proposals_for(world.db, world.team.key_worker, world.person_id)[0].decision
    assert view is not None
    assert view.answer is not None
    assert view.answer.body.startswith("Saturday mornings")
    assert view.answer.author.kind is AuthorKind.STAFF
    decide_request(world.db, world.team.manager, proposal_id, Decision(Choice.YES))
    assert stored(world, proposal_id).status == ProposalStatus.APPROVED
    assert len(audited(world, "ask")) == 1
    assert len(audited(world, "answer")) == 1


def test_tell_us_more_needs_a_question(quick: World) -> None:
    proposal_id = ask_for(quick)
    with refused(quick.db, InvalidInput, "write the question"):
        decide_request(quick.db, quick.team.manager, proposal_id, Decision(Choice.ASK))


def test_nothing_to_answer_until_a_manager_asks(quick: World) -> None:
    proposal_id = ask_for(quick)
    with refused(quick.db, InvalidTransition, "nothing to answer"):
        answer_request(quick.db, quick.team.key_worker, proposal_id, "Saturdays", PERSON)


# --- I don't agree ---------------------------------------------------------------------------------


def test_the_person_disagrees_with_a_decision_in_their_words(world: World) -> None:
    proposal_id = ask_for(world)
    decide_request(world.db, world.team.manager, proposal_id, NO)
    disagree_with_decision(
        world.db, world.team.key_worker, proposal_id, "The pass is not the same as the wall"
    )
    view = proposals_for(world.db, world.team.key_worker, world.person_id)[0].decision
    assert view is not None
    assert view.disagreement is not None
    assert view.disagreement.author.kind is AuthorKind.PERSON
    assert view.disagreement.body == "The pass is not the same as the wall"
    with refused(world.db, InvalidTransition, "already written down"):
        disagree_with_decision(world.db, world.team.key_worker, proposal_id, "Again")


def test_nothing_to_disagree_with_until_it_is_decided(quick: World) -> None:
    proposal_id = ask_for(quick)
    with refused(quick.db, InvalidTransition, "nothing to disagree with"):
        disagree_with_decision(quick.db, quick.team.key_worker, proposal_id, "I don't agree")


def test_a_disagreement_needs_words(quick: World) -> None:
    proposal_id = ask_for(quick)
    decide_request(quick.db, quick.team.manager, proposal_id, NO)
    with pytest.raises(InvalidInput):
        disagree_with_decision(quick.db, quick.team.key_worker, proposal_id, "   ")


# --- refusals by state and role --------------------------------------------------------------------


@pytest.mark.parametrize("first", [Decision(Choice.YES), NO], ids=["yes", "no"])
def test_a_request_is_decided_once(world: World, first: Decision) -> None:
    proposal_id = ask_for(world)
    decide_request(world.db, world.team.manager, proposal_id, first)
    for again in (Decision(Choice.YES), NO, ASK):
        with refused(world.db, InvalidTransition, "already decided"):
            decide_request(world.db, world.team.manager, proposal_id, again)


def test_the_requests_of_a_closed_plan_do_not_change(world: World) -> None:
    proposal_id = ask_for(world)
    decided = ask_for(world)
    decide_request(world.db, world.team.manager, decided, NO)
    plans.close_plan(world.db, world.team.manager, world.plan_id)
    with refused(world.db, InvalidTransition, "plan was closed"):
        decide_request(world.db, world.team.manager, proposal_id, Decision(Choice.YES))
    with refused(world.db, InvalidTransition, "plan was closed"):
        disagree_with_decision(world.db, world.team.key_worker, decided, "I don't agree")


@pytest.mark.parametrize(
    "role", [Role.KEY_WORKER, Role.PEER_MENTOR, Role.ADMINISTRATOR], ids=["worker", "mentor", "admin"]
)
def test_only_a_manager_decides_or_lists(quick: World, role: Role) -> None:
    proposal_id = ask_for(quick)
    for choice in (Decision(Choice.YES), NO, ASK):
        with refused(quick.db, PermissionDenied, "cannot decide proposal"):
            decide_request(quick.db, quick.team.as_role(role), proposal_id, choice)
    with pytest.raises(PermissionDenied):
        list_requests(quick.db, quick.team.as_role(role))


def test_an_administrator_neither_answers_nor_disagrees(quick: World) -> None:
    proposal_id = ask_for(quick)
    decide_request(quick.db, quick.team.manager, proposal_id, ASK)
    with refused(quick.db, PermissionDenied, "cannot"):
        answer_request(quick.db, quick.team.administrator, proposal_id, "Saturdays", PERSON)


def test_deciding_a_request_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "request could not be found"):
        decide_request(quick.db, quick.team.manager, 1234, Decision(Choice.YES))


# --- the list --------------------------------------------------------------------------------------


def test_the_list_shows_waiting_requests_oldest_first_then_decisions(world: World) -> None:
    first, second, third = ask_for(world), ask_for(world), ask_for(world)
    decide_request(world.db, world.team.manager, second, NO)
    decide_request(world.db, world.team.manager, third, ASK)
    listed = list_requests(world.db, world.team.manager)
    assert [(r.id, r.decision.status) for r in listed] == [
        (first, ProposalStatus.PENDING),
        (third, ProposalStatus.ASKED),
        (second, ProposalStatus.DECLINED),
    ]
    assert listed[0].person_reference
    assert listed[0].price_asked_pence == 950


def test_an_answered_request_waits_from_its_answer_as_on_the_desk(world: World) -> None:
    """After "tell us more" is answered, the request waits for a manager from the answer, and
    comes after one asked later but waiting longer."""
    answered = ask_for(world)
    decide_request(world.db, world.team.manager, answered, ASK)
    later = ask_for(world)
    answer_request(world.db, world.team.key_worker, answered, "Saturday mornings", STAFF)
    listed = list_requests(world.db, world.team.manager)
    assert [row.id for row in listed] == [later, answered]
    by_id = {row.id: row for row in listed}
    assert by_id[later].waiting_since == by_id[later].asked_at
    assert by_id[answered].waiting_since > by_id[answered].asked_at
    assert by_id[answered].waiting_since > by_id[later].waiting_since
