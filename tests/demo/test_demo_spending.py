"""The demo's year of spending: deterministic, on approved plans only, within each budget's
period, with underspends, reversals that net to zero, and one overspend a manager agreed; and the
totals for many plans agree with every plan's own view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from careplan import demo
from careplan.domain.records import AuditEvent, Plan, PlanVersion, Spending
from careplan.services.spending_rules import IN_FORCE, budget_period
from careplan.services.spending_view import spending_of, spending_totals
from careplan.services.unit_of_work import staff_by_username
from careplan.storage import Database, open_database

TODAY = date(2025, 3, 12)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("demo-spending") / "careplan.db")
    demo.generate(db, people=80, seed=7, today=TODAY)
    yield db
    db.dispose()


def ledger(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(Spending.__table__).order_by(Spending.id))]


def test_the_same_seed_gives_the_same_spending(built: Database, tmp_path: Path) -> None:
    again = open_database(tmp_path / "again.db")
    try:
        demo.generate(again, people=80, seed=7, today=TODAY)
        assert ledger(again) == ledger(built)
    finally:
        again.dispose()


def test_spending_is_on_approved_plans_within_their_period(built: Database) -> None:
    with built.session() as session:
        entries = session.scalars(select(Spending)).all()
        assert len(entries) > 100
        in_force = set(session.scalars(select(PlanVersion.plan_id).where(PlanVersion.status.in_(IN_FORCE))))
        for entry in entries:
            assert entry.plan_id in in_force
            period = budget_period(session, entry.plan_id)
            assert period is not None
            assert period[0] <= entry.spent_on <= min(period[1], TODAY)
            assert entry.allocation.version.plan_id == entry.plan_id


def test_reversals_put_right_their_own_entry_once_and_one_overspend_is_agreed(built: Database) -> None:
    with built.session() as session:
        entries = {e.id: e for e in session.scalars(select(Spending))}
        reversals = [e for e in entries.values() if e.reverses_id is not None]
        assert reversals
        for undo in reversals:
            assert undo.reverses_id is not None
            original = entries[undo.reverses_id]
            assert (original.plan_id, original.allocation_id, original.amount_pence) == (
                undo.plan_id,
                undo.allocation_id,
                undo.amount_pence,
            )
            assert original.reverses_id is None
            assert undo.reason
        agreed = [e for e in entries.values() if e.agreement is not None]
        assert len(agreed) == 1
        events = session.execute(
            select(AuditEvent.entity_id, AuditEvent.person_id).where(AuditEvent.entity == "spending")
        ).all()
        people = {plan: person for plan, person in session.execute(select(Plan.id, Plan.person_id))}
    assert {ident for ident, _person in events} == set(entries)
    assert all(ident is not None and person == people[entries[ident].plan_id] for ident, person in events)
    view = spending_of(built, staff_by_username(built, "priya"), agreed[0].plan_id)
    assert any(s.over for s in view.services)


def test_some_services_are_under_used_and_totals_agree_with_every_plans_view(built: Database) -> None:
    priya = staff_by_username(built, "priya")
    with built.session() as session:
        plan_ids = sorted(
            set(session.scalars(select(PlanVersion.plan_id).where(PlanVersion.status.in_(IN_FORCE))))
        )
        totals = spending_totals(session)
    underspent = 0
    for plan_id in plan_ids:
        view = spending_of(built, priya, plan_id)
        mine = [t for t in totals if t.plan_id == plan_id]
        assert sum(t.set_aside_pence for t in mine) == view.set_aside_pence
        assert sum(t.spent_pence for t in mine) == view.used_pence
        underspent += sum(s.underspent for s in view.services)
    assert underspent > 0
