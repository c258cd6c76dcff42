"""The desk's spent (services/desk_money.py): what was bought or paid from the plans in force, by
category and by the month it was spent, a reversal netting in the month of the entry it puts
right; and the desk's totals are the plans' (``careplan spending``'s used) added up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careplan import demo
from careplan.domain.enums import BudgetHeld, PlanStatus
from careplan.domain.errors import NotFound
from careplan.services import desk, plans, queries
from careplan.services.spending import SpendingInput, record_spending, reverse_spending, set_budget_holding
from careplan.services.spending_view import spending_of
from careplan.services.unit_of_work import staff_by_username
from careplan.storage import Database
from tests.database_copies import world_fixtures
from tests.services.desk_world import desk_world
from tests.worlds import PERIOD, World, utc_today


def spending_world(db: Database) -> World:
    """The desk's world, Eve's budget held by the service over her plan's year (PERIOD)."""
    w = desk_world(db)
    set_budget_holding(db, w.team.manager, w.plans["Eve"].plan_id, BudgetHeld.SERVICE, period_start=PERIOD[0])
    return w


template, sqlite_template, world, quick = world_fixtures(spending_world)

AGREED = "Agreed for the test"


def spend(w: World, pounds: str, on: date, *, agreement: str | None = None) -> int:
    """Spent from Eve's plan (approved, its year PERIOD) on her one service."""
    entry = SpendingInput(w.allocations[-1], Decimal(pounds), on, "Northside Gym", agreement=agreement)
    return record_spending(w.db, w.team.manager, w.plans["Eve"].plan_id, entry)


def test_spent_is_counted_by_category_and_in_the_month_it_was_spent(world: World) -> None:
    spend(world, "40.00", date(2025, 3, 10))
    wrong = spend(world, "20.00", date(2025, 5, 2))
    reverse_spending(world.db, world.team.manager, wrong, "Entered twice")  # dated today
    view = desk.desk_view(world.db, world.team.manager)
    (category,) = view.money_by_category
    assert (category.key, category.spent_pence) == ("peer support", 4000)
    spent = {line.key: line.spent_pence for line in view.money_by_month}
    assert spent == {f"{PERIOD[0]:%Y-%m}": 0, "2025-03": 4000, "2025-05": 0}  # the reversal nets in May
    assert view.money_total.spent_pence == 4000
    assert view.money_total.set_aside_pence == sum(c.set_aside_pence for c in view.money_by_category)


def test_spending_agreed_beyond_what_is_set_aside_is_counted(world: World) -> None:
    spend(world, "200.00", date(2025, 6, 1), agreement=AGREED)  # £150 is set aside
    view = desk.desk_view(world.db, world.team.manager)
    assert view.money_total.spent_pence == 20000
    assert sum(c.spent_pence for c in view.money_by_category) == 20000


def test_a_closed_plans_spending_is_not_counted(world: World) -> None:
    spend(world, "40.00", date(2025, 3, 10))
    plans.close_plan(world.db, world.team.manager, world.plans["Eve"].plan_id)
    view = desk.desk_view(world.db, world.team.manager)
    assert view.money_total.spent_pence == 0
    assert (view.money_by_category, view.money_by_month) == ((), ())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    spent=st.lists(
        st.tuples(st.integers(min_value=1, max_value=9000), st.dates(PERIOD[0], PERIOD[1])), max_size=5
    ),
    data=st.data(),
)
def test_the_desks_spent_is_the_plans_used_added_up(
    quick: World, spent: list[tuple[int, date]], data: st.DataObject
) -> None:
    made = [spend(quick, str(Decimal(p) / 100), on, agreement=AGREED) for p, on in spent]
    for ident in data.draw(st.lists(st.sampled_from(made), unique=True)) if made else []:
        reverse_spending(quick.db, quick.team.manager, ident, "Put right")
    view = desk.desk_view(quick.db, quick.team.manager)
    used = spending_of(quick.db, quick.team.manager, quick.plans["Eve"].plan_id).used_pence
    assert view.money_total.spent_pence == used  # Eve's is the one plan in force
    assert sum(c.spent_pence for c in view.money_by_category) == used
    assert sum(m.spent_pence for m in view.money_by_month) == used


def test_on_demo_data_the_desks_spent_is_every_plans_spending_added_up(sqlite_db: Database) -> None:
    """``careplan desk --format json``'s spent total agrees with ``careplan spending`` for every plan."""
    demo.generate(sqlite_db, people=30, seed=7)
    manager = staff_by_username(sqlite_db, "priya")
    used = 0
    for plan_id in {row.plan_id for row in queries.list_plans(sqlite_db, manager)}:
        try:
            used += spending_of(sqlite_db, manager, plan_id).used_pence
        except NotFound:  # not approved: nothing can be spent from it, and the desk counts none
            continue
    view = desk.desk_view(sqlite_db, manager)
    assert used > 0, "the demo spends from its plans"
    assert view.money_total.spent_pence == used
    assert sum(c.spent_pence for c in view.money_by_category) == used
    assert view.as_json()["money"]["total"]["spent_pence"] == used
    statuses = {row.status for row in queries.list_plans(sqlite_db, manager)}
    assert PlanStatus.APPROVED in statuses or PlanStatus.ACTIVE in statuses


def test_services_near_or_over_what_is_set_aside_wait_from_crossing_the_line(world: World) -> None:
    """£150 is set aside for Eve's service: the line is £135."""
    spend(world, "100.00", date(2025, 2, 1))
    view = desk.desk_view(world.db, world.team.manager)
    assert view.near_limit == ()  # £100 of £150: under 90 %
    spend(world, "35.00", date(2025, 3, 1))  # £135: at the line
    (row,) = desk.desk_view(world.db, world.team.manager).near_limit
    assert (row.plan_id, row.set_aside_pence, row.used_pence, row.over) == (
        world.plans["Eve"].plan_id,
        15000,
        13500,
        False,
    )
    assert row.since == date(2025, 3, 1)
    assert row.days_waiting == (utc_today() - date(2025, 3, 1)).days
    spend(world, "30.00", date(2025, 4, 1), agreement=AGREED)  # over: still waiting since March
    (row,) = desk.desk_view(world.db, world.team.manager).near_limit
    assert (row.used_pence, row.over, row.since) == (16500, True, date(2025, 3, 1))
    assert row.as_cells()[4] == "£165.00 (over)"
    (shown,) = desk.desk_view(world.db, world.team.manager).as_json()["near_or_over_set_aside"]
    assert (shown["used_pence"], shown["over"], shown["since"]) == (16500, True, "2025-03-01")


def test_a_reversal_below_the_line_starts_the_wait_again(world: World) -> None:
    spend(world, "100.00", date(2025, 2, 1))
    wrong = spend(world, "40.00", date(2025, 3, 1))  # £140: over the line
    reverse_spending(world.db, world.team.manager, wrong, "Entered twice")  # £100: under it again
    assert desk.desk_view(world.db, world.team.manager).near_limit == ()
    spend(world, "40.00", date(2025, 4, 1))
    (row,) = desk.desk_view(world.db, world.team.manager).near_limit
    assert (row.used_pence, row.since) == (14000, date(2025, 4, 1))


def test_near_limit_is_oldest_first_and_counts_only_plans_in_force(world: World) -> None:
    spend(world, "150.00", date(2025, 5, 1))
    assert len(desk.desk_view(world.db, world.team.manager).near_limit) == 1
    plans.close_plan(world.db, world.team.manager, world.plans["Eve"].plan_id)
    assert desk.desk_view(world.db, world.team.manager).near_limit == ()
