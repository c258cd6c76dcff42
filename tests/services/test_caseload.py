"""Least privilege for care records: a key worker or peer mentor opens only their caseload, or
someone they cover for (with a reason, for a limited time, audited); managers open everyone.

Every scenario of the permission matrix (tests/services/test_permissions.py) that a key worker
may run is run by Kim, a second key worker whose caseload does not include Dee: each use case
about Dee's record is refused, writing nothing; after Kim covers for Sam, it works; once the
cover has ended (the clock moved on, never slept), it is refused again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus, Role
from careplan.domain.errors import InvalidInput, OutsideCaseload, PermissionDenied
from careplan.domain.permissions import MAX_COVER_HOURS, NOT_THEIR_KEY_WORKER, OUTSIDE_CASELOAD, may
from careplan.domain.records import Person
from careplan.services import assignments, covering, people_search, record_access, workspace
from careplan.services.clock import clock_set_to
from careplan.services.covering import Standing
from careplan.storage.database import Database
from tests.services import test_permissions
from tests.services.test_permissions import BASE, Scenario
from tests.stored import audit_count, snapshot
from tests.worlds import World, add_member, build_world, register

# The permission matrix's worlds, built once per stage and copied for each test.
templates = test_permissions.templates
world_copy = test_permissions.world_copy

# Use cases a key worker runs that are not about anybody's record (lists, catalogue, own account).
NOT_A_RECORD = {
    "search_people",
    "count_people",
    "first_page",
    "life_areas",
    "catalogue_entries",
    "current_questionnaire",
    "confirm_identity",
    "change_password",
    "automatic_backup",
    "register_person",
    "record_standing",
    "list_plans",  # lists only the plans of people one may open (tested below)
    "reviews_due",  # likewise (tests/services/test_review_dates.py)
    "cover_for_colleague",
    "person_with_reference",  # the list shows every reference
}
# Changing who works with someone: their key worker's or a manager's, covering or not (below).
TEAM_SCENARIOS = {"assign_peer_mentor", "end_peer_mentor", "change_key_worker"}
RECORD_SCENARIOS = [
    s
    for s in BASE
    if may(Role.KEY_WORKER, s.actions[0]) and all(may(Role.KEY_WORKER, a) for a in s.actions)
    if s.name not in NOT_A_RECORD | TEAM_SCENARIOS
]


def cover_everyone(db: Database, kim: Actor) -> None:
    """Kim covers for Sam for two hours: for Dee, and anyone a scenario registered (Jordan)."""
    with db.session() as session:
        everyone = list(session.scalars(select(Person.id)))
    for person_id in everyone:
        covering.cover_for_colleague(db, kim, person_id, "Sam is off sick today", hours=2)


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Iterator[Clock]:
    fixed = Clock(datetime.now(UTC))
    with clock_set_to(fixed):
        yield fixed


@pytest.mark.parametrize("scenario", [pytest.param(s, id=s.name) for s in RECORD_SCENARIOS])
def test_outside_the_caseload_every_record_use_case_is_refused_until_covering(
    world_copy: Callable[[PlanStatus], tuple[Database, World]], scenario: Scenario, clock: Clock
) -> None:
    db, world = world_copy(scenario.stage)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    call = scenario.prepare(db, world)
    before = snapshot(db)
    with pytest.raises(PermissionDenied) as refused:
        call(kim)
    assert refused.value.message in (OUTSIDE_CASELOAD,)
    assert snapshot(db) == before, f"{scenario.name} was refused but something was written"

    cover_everyone(db, kim)
    events = audit_count(db)
    call(kim)
    if scenario.writes:
        assert audit_count(db) > events

    # On a fresh copy: a cover that has ended opens nothing.
    db, world = world_copy(scenario.stage)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    call = scenario.prepare(db, world)
    cover_everyone(db, kim)
    clock.at += timedelta(hours=2)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        call(kim)
    assert snapshot(db) == before


@pytest.mark.parametrize("name", sorted(TEAM_SCENARIOS))
def test_only_their_key_worker_or_a_manager_changes_who_works_with_them_even_when_covering(
    world_copy: Callable[[PlanStatus], tuple[Database, World]], name: str
) -> None:
    scenario = next(s for s in BASE if s.name == name)
    db, world = world_copy(scenario.stage)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    call = scenario.prepare(db, world)
    cover_everyone(db, kim)  # Kim may open Dee's record now, but not decide who works with her
    before = snapshot(db)
    with pytest.raises(PermissionDenied) as refused:
        call(kim)
    assert refused.value.message == NOT_THEIR_KEY_WORKER
    assert not isinstance(refused.value, OutsideCaseload)  # so nobody is told to cover: it would not help
    assert snapshot(db) == before
    events = audit_count(db)
    call(world.team.key_worker)  # Sam, Dee's key worker, may
    assert audit_count(db) > events


def test_a_manager_changes_who_works_with_anyone(
    world_copy: Callable[[PlanStatus], tuple[Database, World]],
) -> None:
    db, world = world_copy(PlanStatus.DRAFT)
    marek = register(db, world.team.manager, "Marek")  # nobody's key worker yet
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    chris = world.team.peer_mentor
    assignments.change_key_worker(db, world.team.manager, marek, kim.staff_id)
    assignments.assign_peer_mentor(db, world.team.manager, marek, chris.staff_id)
    team = assignments.who_works_with(db, kim, marek)
    assert team.key_worker is not None
    assert team.key_worker.staff_id == kim.staff_id
    assert [m.staff_id for m in team.peer_mentors] == [chris.staff_id]
    assert team.may_change  # Kim is his key worker now
    assignments.end_peer_mentor(db, world.team.manager, marek, chris.staff_id)
    with pytest.raises(PermissionDenied, match="not on your caseload"):
        workspace.open_person(db, chris, marek)


def test_managers_open_everyone_and_administrators_nobody(db: Database) -> None:
    world = build_world(db)
    workspace.open_person(db, world.team.manager, world.person_id)
    with pytest.raises(PermissionDenied):
        workspace.open_person(db, world.team.administrator, world.person_id)
    assert covering.record_standing(db, world.team.manager, world.person_id).standing is Standing.EVERYONE
    assert covering.record_standing(db, world.team.administrator, world.person_id).standing is Standing.NONE


def test_peer_mentors_open_the_people_they_are_assigned_to(db: Database) -> None:
    world = build_world(db)
    chris = world.team.peer_mentor
    workspace.open_person(db, chris, world.person_id)  # Dee: assigned
    marek = register(db, world.team.key_worker, "Marek")  # Sam's, not Chris's
    with pytest.raises(PermissionDenied, match="not on your caseload"):
        workspace.open_person(db, chris, marek)
    assert covering.record_standing(db, chris, marek).standing is Standing.OUTSIDE
    assignments.assign_peer_mentor(db, world.team.key_worker, marek, chris.staff_id)
    workspace.open_person(db, chris, marek)
    assert covering.record_standing(db, chris, marek).standing is Standing.CASELOAD


def test_a_cover_is_audited_shows_in_who_has_seen_this_and_ends(db: Database, clock: Clock) -> None:
    world = build_world(db)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    assert covering.record_standing(db, kim, world.person_id).standing is Standing.OUTSIDE
    ends = covering.cover_for_colleague(db, kim, world.person_id, "Sam is on leave; Dee dropped in", hours=3)
    assert ends == clock.at + timedelta(hours=3)
    standing = covering.record_standing(db, kim, world.person_id)
    assert (standing.standing, standing.until) == (Standing.COVERING, ends)
    workspace.open_person(db, kim, world.person_id)

    seen = record_access.record_access(db, world.team.manager, world.person_id)
    cover = next(e for e in seen if e.staff_id == kim.staff_id and e.reason is not None)
    assert cover.reason == "Sam is on leave; Dee dropped in"
    assert cover.until == ends
    assert "Covered for a colleague" in cover.described
    assert "Sam is on leave" in cover.described
    assert cover.opened
    assert any(e.staff_id == kim.staff_id and e.what == record_access.OPENED for e in seen)

    clock.at = ends
    assert covering.record_standing(db, kim, world.person_id).standing is Standing.OUTSIDE
    with pytest.raises(PermissionDenied):
        workspace.load_person(db, kim, world.person_id)


def test_the_reason_never_reaches_the_audit_trail(db: Database) -> None:
    from tests.services.test_permissions import audit_rows_mentioning

    world = build_world(db)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    covering.cover_for_colleague(db, kim, world.person_id, "Zanzibarian reason")
    assert audit_rows_mentioning(db, "Zanzibarian") == []


def test_covering_needs_a_reason_and_a_limited_time(db: Database, clock: Clock) -> None:
    world = build_world(db)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    before = snapshot(db)
    with pytest.raises(InvalidInput, match="why"):
        covering.cover_for_colleague(db, kim, world.person_id, "   ")
    for hours in (0, MAX_COVER_HOURS + 1):
        with pytest.raises(InvalidInput, match="hours"):
            covering.cover_for_colleague(db, kim, world.person_id, "Sam is off", hours=hours)
    with pytest.raises(InvalidInput, match="caseload already"):
        covering.cover_for_colleague(db, world.team.key_worker, world.person_id, "Mine")
    assert snapshot(db) == before
    ends = covering.cover_for_colleague(db, kim, world.person_id, "Sam is off")  # to the end of the day
    assert clock.at < ends <= clock.at + timedelta(days=1)
    assert ends == covering.end_of_day(clock.at)
    assert ends.astimezone().time().hour == 0
    assert ends.astimezone().time().minute == 0


def test_the_list_shows_everyone_but_plan_details_only_of_the_caseload(db: Database) -> None:
    world = build_world(db)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    query = people_search.PeopleQuery()
    rows = people_search.search_people(db, kim, query)
    assert [r.person_id for r in rows] == [world.person_id]
    assert (rows[0].plan_status, rows[0].next_review) == (None, None)
    assert not rows[0].may_open  # so the list does not say "no plan yet"
    (sams,) = people_search.search_people(db, world.team.key_worker, query)
    assert sams.plan_status == "draft"
    assert sams.may_open
    from careplan.services.queries import list_plans

    assert list_plans(db, kim) == []
    assert [r.plan_id for r in list_plans(db, world.team.key_worker)] == [world.plan_id]


def test_filters_and_sorts_on_plan_details_keep_to_what_the_list_would_show(db: Database) -> None:
    """A filter on plan status or reviews, or a sort by them, must not tell by who it keeps (or
    in what order) what the list hides for people outside the caseload."""
    world = build_world(db)
    kim = add_member(db, world.team, "kim", Role.KEY_WORKER)
    drafts = people_search.PeopleQuery(plan_status=PlanStatus.DRAFT)

    assert [r.person_id for r in people_search.search_people(db, world.team.key_worker, drafts)] == [
        world.person_id
    ]
    assert people_search.search_people(db, kim, drafts) == []
    assert people_search.count_people(db, kim, drafts) == 0
    for sort in (people_search.SortKey.STATUS, people_search.SortKey.NEXT_REVIEW):
        rows = people_search.search_people(db, kim, people_search.PeopleQuery(sort=sort))
        assert [(r.person_id, r.plan_status) for r in rows] == [(world.person_id, None)]

    covering.cover_for_colleague(db, kim, world.person_id, "Sam is off sick today", hours=2)
    assert [r.person_id for r in people_search.search_people(db, kim, drafts)] == [world.person_id]
