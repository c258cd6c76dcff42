"""The manager's desk (services/desk*.py): its queues oldest first with how long each has waited,
the money by category and by month, caseloads, approving through a summary, and who may see it."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from careplan import demo
from careplan.domain.actor import PERSON, Actor
from careplan.domain.enums import PlanStatus, Role
from careplan.domain.errors import ConflictError, InvalidInput, InvalidTransition, PermissionDenied
from careplan.domain.review_timing import ReviewState
from careplan.domain.wording.waiting import waiting_words
from careplan.services import (
    desk,
    desk_approval,
    desk_csv,
    desk_money,
    plans,
    queries,
    requests,
    reviews_due,
    signing,
)
from careplan.services.clock import clock_set_to
from careplan.services.desk_queues import YEAR_DAYS
from careplan.services.unit_of_work import staff_by_username
from careplan.storage import Database
from tests.database_copies import world_fixtures
from tests.refusals import refused
from tests.services.desk_world import OVERDUE_DAYS, REQUEST_COST, desk_world
from tests.worlds import PERIOD, SERVICE_PRICE, World, sign_both, utc_today

template, sqlite_template, world, quick = world_fixtures(desk_world)


def test_each_queue_holds_what_waits_for_a_manager(world: World) -> None:
    view = desk.desk_view(world.db, world.team.manager)
    (approve,) = view.to_approve
    assert (approve.plan_id, approve.version_id) == (
        world.plans["Dee"].plan_id,
        world.plans["Dee"].version_id,
    )
    assert approve.since == utc_today()
    assert approve.waiting == "today"
    assert approve.set_aside_pence == 4 * int(SERVICE_PRICE * 100)
    (request,) = view.to_decide
    assert (request.what, request.estimated_cost_pence) == ("Driving lessons", int(REQUEST_COST * 100))
    (ending,) = view.ending
    assert ending.plan_id == world.plans["Eve"].plan_id
    assert ending.ended
    assert ending.words.startswith("Ended ")
    assert ending.words.endswith(" ago")
    overdue = [w.review for w in view.reviews if w.review.state is ReviewState.OVERDUE]
    assert [r.plan_id for r in overdue] == [world.plans["Eve"].plan_id]
    assert overdue[0].timing.days_overdue == OVERDUE_DAYS
    assert {w.person_id for w in view.reviews} == {world.people["Eve"]}
    (sam,) = view.reviews_by_key_worker
    assert (sam.username, sam.overdue) == ("sam", 1)


def test_the_money_counts_only_live_plans_and_its_totals_agree(world: World) -> None:
    view = desk.desk_view(world.db, world.team.manager)
    eve = 6 * int(SERVICE_PRICE * 100)  # Dee's plan is not approved yet: not counted
    (category,) = view.money_by_category
    assert (category.key, category.set_aside_pence, category.spent_pence) == ("peer support", eve, 0)
    (month,) = view.money_by_month
    assert month.key == f"{PERIOD[0]:%Y-%m}"  # the month Eve's year starts
    assert month.set_aside_pence == eve
    assert view.money_total.set_aside_pence == sum(c.set_aside_pence for c in view.money_by_category)
    assert view.money_total.agreed_pence == sum(m.agreed_pence for m in view.money_by_month)


def test_caseloads_count_each_key_workers_people(world: World) -> None:
    sizes = {c.username: c.people for c in desk.desk_view(world.db, world.team.manager).caseloads}
    assert sizes == {"sam": 2, "kim": 0, "priya": 0}


def test_waiting_grows_with_the_days(quick: World) -> None:
    later = desk.desk_view(quick.db, quick.team.manager)
    with clock_set_to(lambda: _days_on(40)):
        view = desk.desk_view(quick.db, quick.team.manager)
    assert later.to_approve[0].waiting == "today"
    assert view.to_approve[0].days_waiting == 40
    assert view.to_approve[0].waiting == "5 weeks"
    assert view.to_decide[0].waiting == "5 weeks"


def _days_on(days: int) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)


def test_a_plan_with_no_period_ends_a_year_after_approval(quick: World) -> None:
    w = quick.with_person("Fay").with_plan("Fay", period=None).at_stage(PlanStatus.APPROVED, "Fay")
    fay = w.plans["Fay"].plan_id
    with clock_set_to(lambda: _days_on(YEAR_DAYS - 10)):
        (found,) = [e for e in desk.desk_view(w.db, w.team.manager).ending if e.plan_id == fay]
    assert found.days_left == 10
    assert found.words == "Ends in 10 days"
    with clock_set_to(lambda: _days_on(YEAR_DAYS - 40)):
        assert fay not in [e.plan_id for e in desk.desk_view(w.db, w.team.manager).ending]


def test_approving_through_the_summary(world: World) -> None:
    dee = world.plans["Dee"]
    summary = desk_approval.approval_summary(world.db, world.team.manager, dee.version_id)
    assert summary.person_reference
    assert summary.goals
    assert summary.services
    assert summary.total_pence == 4 * int(SERVICE_PRICE * 100)
    assert [s.as_whom for s in summary.signatures] == ["the person", "key worker"]
    text = summary.as_text()
    assert "Total set aside: £100.00" in text
    assert "Signed by:" in text
    _approve(world.db, world.team.manager, summary)
    view = desk.desk_view(world.db, world.team.manager)
    assert view.to_approve == ()
    assert view.money_total.set_aside_pence == 10 * int(SERVICE_PRICE * 100)
    with refused(world.db, InvalidTransition, "not waiting for approval"):
        desk_approval.approval_summary(world.db, world.team.manager, dee.version_id)


def test_a_plan_changed_after_its_summary_is_not_approved_again(quick: World) -> None:
    w = quick.with_colleague("mo", Role.MANAGER)
    dee = w.plans["Dee"]
    summary = desk_approval.approval_summary(w.db, w.team.manager, dee.version_id)
    _approve(w.db, w.colleagues["mo"], summary)  # another manager, first
    with refused(w.db, ConflictError, "someone else"):
        _approve(w.db, w.team.manager, summary)


def test_a_draft_has_no_approval_summary(quick: World) -> None:
    w = quick.with_person("Gus").with_plan("Gus")
    with refused(w.db, InvalidTransition, "must sign first"):
        desk_approval.approval_summary(w.db, w.team.manager, w.plans["Gus"].version_id)


@pytest.mark.parametrize("days", [-1, desk.MAX_ENDING_WITHIN_DAYS + 1])
def test_a_look_ahead_out_of_range_is_refused(quick: World, days: int) -> None:
    with refused(quick.db, InvalidInput, "how many days ahead"):
        desk.desk_view(quick.db, quick.team.manager, ending_within_days=days)


def _approve(db: Database, actor: Actor, summary: desk_approval.ApprovalSummary) -> None:
    """As the desk approves: the version the summary shows, at the revision it was read at."""
    signing.approve_plan(db, actor, summary.version_id, expected_revision=summary.plan_revision)


Use = Callable[[World, Actor], Any]
USES: dict[str, Use] = {
    "desk": lambda w, a: desk.desk_view(w.db, a),
    "summary": lambda w, a: desk_approval.approval_summary(w.db, a, w.plans["Dee"].version_id),
}


@pytest.mark.parametrize("use", USES)
@pytest.mark.parametrize("role", [Role.KEY_WORKER, Role.PEER_MENTOR, Role.ADMINISTRATOR])
def test_only_managers_have_a_desk(world: World, use: str, role: Role) -> None:
    with refused(world.db, PermissionDenied, "cannot"):
        USES[use](world, world.team.as_role(role))


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "today"),
        (1, "1 day"),
        (13, "13 days"),
        (14, "2 weeks"),
        (59, "8 weeks"),
        (60, "2 months"),
        (400, "13 months"),
    ],
)
def test_waiting_in_words(days: int, words: str) -> None:
    assert waiting_words(days) == words


def test_the_reviews_are_those_careplan_reviews_lists_as_due(world: World) -> None:
    view = desk.desk_view(world.db, world.team.manager)
    assert [w.review for w in view.reviews] == reviews_due.reviews_due(
        world.db, world.team.manager, reviews_due.DueFilter.DUE
    )


def test_the_totals_file_adds_up_to_the_desk(quick: World) -> None:
    view = desk.desk_view(quick.db, quick.team.manager)
    data = desk_csv.totals_csv(view)
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(desk_csv.HEADINGS)
    parts = {row[0] for row in rows[1:]}
    assert parts == {"category", "month", "total"}
    (total,) = [row for row in rows if row[0] == "total"]
    assert Decimal(total[3]) * 100 == view.money_total.set_aside_pence
    months = [Decimal(row[3]) for row in rows if row[0] == "month"]
    assert sum(months) == Decimal(total[3])


def test_a_label_that_looks_like_a_formula_stays_text() -> None:
    line = desk_money.MoneyLine("x", "=HYPERLINK(1)", 0, 100)
    view = replace(_empty_desk(), money_by_category=(line,))
    assert "'=HYPERLINK(1)" in desk_csv.totals_csv(view).decode("utf-8-sig")


def _empty_desk() -> desk.Desk:
    nothing = desk_money.MoneyLine("total", "Total", 0, 0)
    return desk.Desk(date(2026, 12, 7), 30, (), (), (), (), (), (), (), (), nothing, ())


def test_a_revision_approved_but_not_yet_in_action_is_counted_once(quick: World) -> None:
    w, eve = quick, quick.plans["Eve"]
    plans.activate_plan(w.db, w.team.key_worker, eve.version_id)
    revision = plans.revise_plan(w.db, w.team.key_worker, eve.version_id)
    sign_both(w.db, w.team.key_worker, revision)
    signing.approve_plan(w.db, w.team.manager, revision)  # Eve's plan: one in action, one approved
    view = desk.desk_view(w.db, w.team.manager)
    assert view.money_total.set_aside_pence == 6 * int(SERVICE_PRICE * 100)
    assert sum(line.set_aside_pence for line in view.money_by_category) == view.money_total.set_aside_pence
    assert [e.plan_id for e in view.ending].count(eve.plan_id) == 1


def test_on_demo_data_the_totals_are_the_plans_added_up(sqlite_db: Database) -> None:
    """Every plan's version in force, as ``careplan plans`` lists it, adds up to the desk's money."""
    demo.generate(sqlite_db, people=30, seed=7)
    manager = staff_by_username(sqlite_db, "priya")
    rows = queries.list_plans(sqlite_db, manager)
    newest: dict[int, queries.PlanRow] = {}
    for row in (r for r in rows if r.status in (PlanStatus.APPROVED, PlanStatus.ACTIVE)):
        if row.plan_id not in newest or row.version > newest[row.plan_id].version:
            newest[row.plan_id] = row
    view = desk.desk_view(sqlite_db, manager)
    assert newest, "the demo has plans in force"
    assert view.money_total.set_aside_pence == sum(r.allocated_pence for r in newest.values())
    assert view.money_total.agreed_pence == sum(r.agreed_budget_pence or 0 for r in newest.values())
    assert sum(c.set_aside_pence for c in view.money_by_category) == view.money_total.set_aside_pence
    agreed = [r for r in rows if r.status == PlanStatus.AGREED]
    assert sorted(a.version_id for a in view.to_approve) == sorted(r.version_id for r in agreed)


def test_a_request_answered_waits_from_its_answer(quick: World) -> None:
    (request,) = desk.desk_view(quick.db, quick.team.manager).to_decide
    ask = requests.Decision(requests.Choice.ASK, "How many lessons?")
    requests.decide_request(quick.db, quick.team.manager, request.proposal_id, ask)
    assert desk.desk_view(quick.db, quick.team.manager).to_decide == ()  # waiting for the person
    with clock_set_to(lambda: _days_on(20)):
        requests.answer_request(quick.db, quick.team.key_worker, request.proposal_id, "Ten", PERSON)
    with clock_set_to(lambda: _days_on(23)):
        (answered,) = desk.desk_view(quick.db, quick.team.manager).to_decide
    assert (answered.proposal_id, answered.days_waiting, answered.waiting) == (
        request.proposal_id,
        3,
        "3 days",
    )
