"""Spending from an approved plan's budget: recording, putting right, over-limit agreement,
receipts, the budget's period and how it is held, the view and the totals for many plans."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from careplan.domain.enums import BudgetHeld, PlanStatus, ReceiptKind, Role
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound, OverBudget, PermissionDenied
from careplan.domain.records import MAX_RECEIPT_BYTES, AuditEvent, PlanVersion, Spending
from careplan.services.plans import revise_plan
from careplan.services.spending import SpendingInput, record_spending, reverse_spending, set_budget_holding
from careplan.services.spending_rules import a_year_from
from careplan.services.spending_view import load_receipt, spending_of, spending_totals
from careplan.storage import Database
from tests import refusals
from tests.database_copies import world_fixtures
from tests.stored import snapshot
from tests.worlds import STAFF_NAMES, World, add_member, build_world, utc_today

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
PDF = b"%PDF-1.7\n" + b"x" * 40


def make_world(db: Database) -> World:
    world = build_world(db, stage=PlanStatus.APPROVED)
    # The budget's year began 100 days ago, so spending can be dated across it.
    set_budget_holding(
        db,
        world.team.manager,
        world.plan_id,
        BudgetHeld.SERVICE,
        period_start=utc_today() - timedelta(days=100),
    )
    return world


template, sqlite_template, world, quick = world_fixtures(make_world)


def entry(world: World, pounds: str, *, days_ago: int = 1, **more: object) -> SpendingInput:
    fields: dict[str, object] = {
        "allocation_id": world.allocations[0],
        "amount": Decimal(pounds),
        "spent_on": utc_today() - timedelta(days=days_ago),
        "supplier": "Northside Gym",
    }
    fields.update(more)
    return SpendingInput(**fields)  # type: ignore[arg-type]


def set_aside(world: World) -> int:
    return spending_of(world.db, world.team.manager, world.plan_id).services[0].set_aside_pence


def test_recorded_spending_shows_as_used_and_left(world: World) -> None:
    db, team = world.db, world.team
    first = record_spending(db, team.key_worker, world.plan_id, entry(world, "12.50", reference="INV-1"))
    record_spending(db, team.manager, world.plan_id, entry(world, "0.01", days_ago=0, what_for="A pass"))
    view = spending_of(db, team.key_worker, world.plan_id)
    service = view.services[0]
    assert service.used_pence == 1251
    assert service.left_pence == service.set_aside_pence - 1251
    assert view.used_pence == 1251
    assert view.left_pence == view.set_aside_pence - 1251
    assert view.held is BudgetHeld.SERVICE
    assert view.period_start == utc_today() - timedelta(days=100)
    assert view.period_end == a_year_from(view.period_start)
    assert [e.amount_pence for e in view.entries] == [1, 1250]  # newest first
    recorded = view.entries[1]
    assert (recorded.id, recorded.supplier, recorded.reference, recorded.what_for) == (
        first,
        "Northside Gym",
        "INV-1",
        None,
    )
    assert recorded.recorded_by == STAFF_NAMES[Role.KEY_WORKER]
    assert view.entries[0].what_for == "A pass"


def test_a_reversal_nets_to_zero_once_only_with_a_reason(world: World) -> None:
    db, team = world.db, world.team
    first = record_spending(db, team.key_worker, world.plan_id, entry(world, "30.00"))
    with refusals.refused(db, InvalidInput, "write something"):
        reverse_spending(db, team.key_worker, first, "   ")
    reversal = reverse_spending(db, team.key_worker, first, "Typed the wrong amount")
    view = spending_of(db, team.key_worker, world.plan_id)
    assert view.used_pence == 0
    original = next(e for e in view.entries if e.id == first)
    assert original.reversed_by_id == reversal
    with refusals.refused(db, InvalidTransition, "already been put right"):
        reverse_spending(db, team.manager, first, "Again")
    with refusals.refused(db, InvalidTransition, "cannot be reversed itself"):
        reverse_spending(db, team.manager, reversal, "Undo the undo")


def test_entries_are_never_changed_or_taken_out(world: World) -> None:
    """The use cases only ever add rows to the ledger; and the ledger refuses a change or a removal."""
    db, team = world.db, world.team
    first = record_spending(db, team.key_worker, world.plan_id, entry(world, "10.00"))
    before = snapshot(db)["spending"]
    reverse_spending(db, team.key_worker, first, "Wrong service")
    record_spending(db, team.key_worker, world.plan_id, entry(world, "5.00"))
    after = snapshot(db)["spending"]
    assert after[: len(before)] == before
    assert len(after) == len(before) + 2
    with db.session() as session:
        row = session.get(Spending, first)
        assert row is not None
        row.amount_pence = 1
        with pytest.raises(ValueError, match="never changed"):
            session.commit()
    with db.session() as session:
        row = session.get(Spending, first)
        session.delete(row)
        with pytest.raises(ValueError, match="never changed"):
            session.commit()
    assert snapshot(db)["spending"] == after


def test_spending_beyond_what_is_set_aside_needs_a_managers_written_agreement(world: World) -> None:
    db, team = world.db, world.team
    limit = set_aside(world)
    pounds = str(Decimal(limit + 1) / 100)
    with refusals.refused(db, OverBudget, "a manager must agree"):
        record_spending(db, team.key_worker, world.plan_id, entry(world, pounds))
    with refusals.refused(db, PermissionDenied, "only a manager"):
        record_spending(db, team.key_worker, world.plan_id, entry(world, pounds, agreement="Fine by me"))
    with refusals.refused(db, OverBudget, "a manager must agree"):
        record_spending(db, team.manager, world.plan_id, entry(world, pounds, agreement="  "))
    ident = record_spending(
        db, team.manager, world.plan_id, entry(world, pounds, agreement="Agreed: one more week")
    )
    view = spending_of(db, team.key_worker, world.plan_id)
    assert view.services[0].left_pence == -1
    assert view.services[0].over
    agreed = next(e for e in view.entries if e.id == ident)
    assert agreed.agreement == "Agreed: one more week"
    assert agreed.agreed_by


def test_spending_within_the_limit_keeps_no_agreement(world: World) -> None:
    db, team = world.db, world.team
    ident = record_spending(db, team.manager, world.plan_id, entry(world, "1.00", agreement="Not needed"))
    assert (
        next(e for e in spending_of(db, team.manager, world.plan_id).entries if e.id == ident).agreement
        is None
    )


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        ({"amount": Decimal("0")}, "more than £0.00"),
        ({"amount": Decimal("1.234")}, "whole pence"),
        ({"supplier": "  "}, "the supplier"),
        ({"spent_on": utc_today() + timedelta(days=1)}, "to come"),
        ({"spent_on": utc_today() - timedelta(days=101)}, "outside the budget's period"),
        ({"receipt": b"GIF89a" + b"\x00" * 10}, "PDF, PNG or JPEG"),
        ({"receipt": b"%PDF-" + b"x" * MAX_RECEIPT_BYTES}, "at most 2 MB"),
        ({"reference": "R" * 61}, "at most 60"),
    ],
)
def test_bad_entries_are_refused_plainly(quick: World, change: dict[str, Any], phrase: str) -> None:
    bad = replace(entry(quick, "5.00"), **change)
    with refusals.refused(quick.db, InvalidInput, phrase):
        record_spending(quick.db, quick.team.key_worker, quick.plan_id, bad)


def test_receipts_are_kept_inside_the_database_and_checked_by_content(quick: World) -> None:
    db, team = quick.db, quick.team
    ident = record_spending(db, team.key_worker, quick.plan_id, entry(quick, "5.00", receipt=PNG))
    assert load_receipt(db, team.key_worker, ident) == (ReceiptKind.PNG, PNG)
    other = record_spending(db, team.key_worker, quick.plan_id, entry(quick, "5.00", receipt=PDF))
    assert load_receipt(db, team.key_worker, other)[0] is ReceiptKind.PDF
    plain = record_spending(db, team.key_worker, quick.plan_id, entry(quick, "5.00"))
    with pytest.raises(NotFound):
        load_receipt(db, team.key_worker, plain)


def test_only_approved_plans_take_spending(db: Database) -> None:
    draft = build_world(db, stage=PlanStatus.DRAFT)
    with refusals.refused(db, InvalidTransition, "once the plan has been approved"):
        record_spending(db, draft.team.key_worker, draft.plan_id, entry(draft, "5.00"))
    with pytest.raises(NotFound):
        spending_of(db, draft.team.key_worker, draft.plan_id)


def test_a_key_worker_outside_the_caseload_and_a_peer_mentor_are_refused(quick: World) -> None:
    db, team = quick.db, quick.team
    other = add_member(db, team, "kim", Role.KEY_WORKER)
    with refusals.refused(db, PermissionDenied, "not on your caseload"):
        record_spending(db, other, quick.plan_id, entry(quick, "5.00"))
    with refusals.refused(db, PermissionDenied, "cannot record spending"):
        record_spending(db, team.peer_mentor, quick.plan_id, entry(quick, "5.00"))
    with refusals.refused(db, PermissionDenied, "how a personal budget is held"):
        set_budget_holding(db, team.key_worker, quick.plan_id, BudgetHeld.DIRECT_PAYMENT)


def test_spending_is_audited_without_its_words_or_amounts(quick: World) -> None:
    db, team = quick.db, quick.team
    ident = record_spending(
        db, team.key_worker, quick.plan_id, entry(quick, "17.23", supplier="Zebra Fitness", what_for="Swim")
    )
    reverse_spending(db, team.key_worker, ident, "Quokka mistake")
    with db.session() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.fields, AuditEvent.person_id).where(
                AuditEvent.entity == "spending"
            )
        ).all()
    assert [(a, e) for a, e, _f, _p in events] == [("record", "spending"), ("reverse", "spending")]
    assert all(p == quick.person_id for *_rest, p in events)
    text = repr(events)
    for word in ("Zebra", "Swim", "Quokka", "1723", "17.23"):
        assert word not in text


def test_underspend_and_near_limit_are_facts(quick: World) -> None:
    db, team = quick.db, quick.team
    view = spending_of(db, team.key_worker, quick.plan_id)
    assert view.days_gone == 101
    assert view.services[0].underspent
    limit = view.services[0].set_aside_pence
    near = limit - limit // 20  # 95% used
    record_spending(db, team.key_worker, quick.plan_id, entry(quick, str(Decimal(near) / 100)))
    service = spending_of(db, team.key_worker, quick.plan_id).services[0]
    assert service.near_limit
    assert not service.underspent
    assert not service.over


def test_totals_for_many_plans_agree_with_each_plans_view(world: World) -> None:
    db, team = world.db, world.team
    record_spending(db, team.key_worker, world.plan_id, entry(world, "20.00"))
    gone = record_spending(db, team.key_worker, world.plan_id, entry(world, "3.00"))
    reverse_spending(db, team.key_worker, gone, "Not ours")
    view = spending_of(db, team.key_worker, world.plan_id)
    with db.session() as session:
        totals = spending_totals(session)
        only = spending_totals(session, [world.plan_id])
        none = spending_totals(session, [world.plan_id + 999])
    assert totals == only
    assert none == []
    assert sum(t.set_aside_pence for t in totals) == view.set_aside_pence
    assert sum(t.spent_pence for t in totals) == view.used_pence == 2000


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=6), data=st.data())
def test_spent_and_left_make_what_is_set_aside_and_reversals_net_to_zero(
    quick: World, amounts: list[int], data: st.DataObject
) -> None:
    db, team = quick.db, quick.team
    before = spending_of(db, team.manager, quick.plan_id)
    made = [
        record_spending(
            db,
            team.manager,
            quick.plan_id,
            entry(quick, str(Decimal(p) / 100), agreement="Agreed for the test"),
        )
        for p in amounts
    ]
    undone = data.draw(st.lists(st.sampled_from(made), unique=True))
    for ident in undone:
        reverse_spending(db, team.manager, ident, "Put right")
    view = spending_of(db, team.manager, quick.plan_id)
    kept = sum(p for p, ident in zip(amounts, made, strict=True) if ident not in undone)
    assert view.used_pence - before.used_pence == kept
    for service in view.services:
        assert service.used_pence + service.left_pence == service.set_aside_pence
    assert view.used_pence + view.left_pence == view.set_aside_pence
    with db.session() as session:
        assert sum(t.spent_pence for t in spending_totals(session, [quick.plan_id])) == view.used_pence


def test_how_the_budget_is_held_defaults_to_a_year_from_approval(db: Database) -> None:
    fresh = build_world(db, stage=PlanStatus.ACTIVE)
    view = spending_of(db, fresh.team.key_worker, fresh.plan_id)
    assert view.held is None
    assert view.period_start == utc_today()
    assert view.period_end == a_year_from(utc_today())
    set_budget_holding(db, fresh.team.manager, fresh.plan_id, BudgetHeld.DIRECT_PAYMENT)
    assert spending_of(db, fresh.team.key_worker, fresh.plan_id).held is BudgetHeld.DIRECT_PAYMENT
    with refusals.refused(db, InvalidInput, "end after it starts"):
        set_budget_holding(
            db,
            fresh.team.manager,
            fresh.plan_id,
            BudgetHeld.SERVICE,
            period_start=date(2027, 1, 2),
            period_end=date(2027, 1, 1),
        )


def test_a_year_from_a_leap_day() -> None:
    assert a_year_from(date(2028, 2, 29)) == date(2029, 2, 27)
    assert a_year_from(date(2027, 3, 1)) == date(2028, 2, 29)


def test_a_service_in_a_new_draft_version_takes_no_spending(quick: World) -> None:
    """A draft's services may still be taken out, so nothing is spent against them."""
    db, team = quick.db, quick.team
    draft_id = revise_plan(db, team.key_worker, quick.version_id)
    with db.session() as session:
        draft = session.get(PlanVersion, draft_id)
        assert draft is not None
        copied = draft.allocations[0].id
    with refusals.refused(db, InvalidInput, "not yet approved"):
        record_spending(
            db, team.key_worker, quick.plan_id, replace(entry(quick, "5.00"), allocation_id=copied)
        )
