"""What changed between two plan versions, in plain words: every kind of change, on both engines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import GoalStatus, PlanStatus, Role, StepOwner
from careplan.domain.errors import InvalidInput, NotFound, PermissionDenied
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.units import quantity_words
from careplan.services import assignments, budget, plans, workspace
from careplan.services.history import (
    Change,
    changes_between,
    compare_versions,
    describe_version,
)
from careplan.services.plans import GoalInput, StepInput
from careplan.storage.database import Database
from tests.worlds import (
    STANDARD_ANSWERS,
    Team,
    assess,
    catalogue_service,
    make_team,
    register,
    sign_both,
    utc_today,
)

FLAT = "Get a flat"
KIDS = "I want my kids to see me well"
RING = "Ring the housing officer"
FORM = "Fill in the housing form"


@dataclass(frozen=True)
class Revised:
    """Dee's plan: version 1 signed (agreed), version 2 a fresh draft carrying everything over."""

    team: Team
    person_id: int
    v1: int
    v2: int
    service_id: int

    @property
    def sam(self) -> Actor:
        return self.team.key_worker

    def twin(self, db: Database, kind: str, key_of_id: int) -> int:
        """The id, in version 2, of the goal/step/service with id ``key_of_id`` in version 1."""
        old = workspace.load_version(db, self.sam, self.v1)
        new = workspace.load_version(db, self.sam, self.v2)
        if kind == "goal":
            key = next(g.key for g in old.goals if g.id == key_of_id)
            return next(g.id for g in new.goals if g.key == key)
        if kind == "step":
            key = next(s.key for g in old.goals for s in g.steps if s.id == key_of_id)
            return next(s.id for g in new.goals for s in g.steps if s.key == key)
        key = next(a.key for a in old.allocations if a.id == key_of_id)
        return next(a.id for a in new.allocations if a.key == key)


@dataclass(frozen=True)
class Ids:
    flat: int
    kids: int
    ring: int
    form: int
    mentoring: int


def _revised(db: Database, *, period_end: date = date(2028, 3, 1)) -> tuple[Revised, Ids]:
    team = make_team(db)
    sam = team.key_worker
    person_id = register(db, sam)
    assignments.assign_peer_mentor(db, sam, person_id, team.peer_mentor.staff_id)  # Chris mentors them
    started = plans.start_plan(db, sam, person_id, period_start=date(2027, 3, 1), period_end=period_end)
    v1 = started.version_id
    flat = plans.add_goal(
        db,
        sam,
        v1,
        GoalInput(FLAT, STAFF, "money", why="Somewhere safe", why_voice=PERSON, target_date=date(2027, 3, 1)),
    )
    kids = plans.add_goal(db, sam, v1, GoalInput(KIDS, PERSON, "family"))
    ring = plans.add_step(db, sam, flat, StepInput(RING, STAFF, StepOwner.WORKER))
    form = plans.add_step(db, sam, flat, StepInput(FORM, PERSON, StepOwner.PERSON))
    service_id = catalogue_service(db, team.manager, price=Decimal("15.00"))
    assess(db, sam, v1)
    budget.set_agreed_budget(db, sam, v1, Decimal("1200.00"))
    mentoring = budget.allocate(
        db, sam, v1, budget.AllocationInput(quantity=Decimal("10"), goal_ids=(flat,), service_id=service_id)
    )
    plans.record_disagreement(db, sam, v1, "I don't want group work", PERSON)
    assert sign_both(db, sam, v1) is PlanStatus.AGREED
    v2 = plans.revise_plan(db, sam, v1)
    return Revised(team, person_id, v1, v2, service_id), Ids(flat, kids, ring, form, mentoring)


@pytest.fixture
def revised(db: Database) -> tuple[Revised, Ids]:
    return _revised(db)


def sentences(changes: list[Change]) -> list[str]:
    return [c.sentence for c in changes]


def compare(db: Database, world: Revised) -> list[Change]:
    return compare_versions(db, world.sam, world.v1, world.v2)


# --- nothing changed ------------------------------------------------------------------------


def test_a_fresh_revision_has_no_differences(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    assert compare(db, world) == []


def test_a_version_compared_with_itself_has_no_differences(
    db: Database, revised: tuple[Revised, Ids]
) -> None:
    world, _ = revised
    assert compare_versions(db, world.sam, world.v2, world.v2) == []


# --- goals ----------------------------------------------------------------------------------


def test_new_goal_and_its_steps(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    words = "Go back to college"
    goal_id = plans.add_goal(db, world.sam, world.v2, GoalInput(words, PERSON, "time"))
    plans.add_step(db, world.sam, goal_id, StepInput("Look at the courses", PERSON, StepOwner.PERSON))
    changes = compare(db, world)
    assert sentences(changes) == [
        "New goal: “Go back to college”",
        "New step for “Go back to college”: “Look at the courses” (me)",
    ]
    assert (changes[0].kind, changes[0].area, changes[0].old, changes[0].new) == (
        "added",
        "goal",
        None,
        words,
    )
    assert (changes[1].kind, changes[1].area) == ("added", "step")


def test_goal_removed(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    plans.remove_goal(db, world.sam, world.twin(db, "goal", ids.kids))
    changes = compare(db, world)
    assert sentences(changes) == [f"Goal no longer in the plan: “{KIDS}”"]
    assert (changes[0].kind, changes[0].area, changes[0].old) == ("removed", "goal", KIDS)


def test_goal_reworded_by_the_person_says_both_words_and_who(
    db: Database, revised: tuple[Revised, Ids]
) -> None:
    world, ids = revised
    new_words = "Get my own flat by summer"
    plans.edit_goal(
        db,
        world.sam,
        world.twin(db, "goal", ids.flat),
        GoalInput(
            new_words, PERSON, "money", why="Somewhere safe", why_voice=PERSON, target_date=date(2027, 3, 1)
        ),
    )
    changes = compare(db, world)
    assert sentences(changes) == [
        f"Goal reworded: “{FLAT}” became “{new_words}”",
        f"Goal “{new_words}”: now written by Dee instead of Sam Keyworker",
    ]
    assert (changes[0].kind, changes[0].old, changes[0].new) == ("changed", FLAT, new_words)
    assert (changes[1].old, changes[1].new) == ("Sam Keyworker", "Dee")


def test_saving_the_same_words_in_another_voice_is_no_difference(
    db: Database, revised: tuple[Revised, Ids]
) -> None:
    world, ids = revised
    # Words nobody changed keep the author who wrote them, so nothing changed.
    plans.edit_goal(db, world.sam, world.twin(db, "goal", ids.kids), GoalInput(KIDS, STAFF, "family"))
    assert compare(db, world) == []


def test_life_area_target_date_and_why(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    plans.edit_goal(
        db,
        world.sam,
        world.twin(db, "goal", ids.flat),
        GoalInput(
            FLAT, STAFF, "housing", why="A door I can lock", why_voice=PERSON, target_date=date(2027, 6, 1)
        ),
    )
    changes = compare(db, world)
    assert sentences(changes) == [
        f"Why “{FLAT}” matters: “Somewhere safe” became “A door I can lock”",
        f"Life area for “{FLAT}” changed from Money to Where I live",
        f"Target date for “{FLAT}” changed from 1 March 2027 to 1 June 2027",
    ]
    assert (changes[1].old, changes[1].new) == ("Money", "Where I live")
    assert (changes[2].old, changes[2].new) == ("1 March 2027", "1 June 2027")


def test_target_date_and_why_taken_out_and_set(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    plans.edit_goal(db, world.sam, world.twin(db, "goal", ids.flat), GoalInput(FLAT, STAFF, "money"))
    plans.edit_goal(
        db,
        world.sam,
        world.twin(db, "goal", ids.kids),
        GoalInput(KIDS, PERSON, "family", why="They matter most", target_date=date(2027, 12, 25)),
    )
    changes = compare(db, world)
    assert sentences(changes) == [
        f"Why “{FLAT}” matters was taken out: “Somewhere safe”",
        f"Target date for “{FLAT}” taken out (it was 1 March 2027)",
        f"Why “{KIDS}” matters: “They matter most”",
        f"Target date for “{KIDS}” set: 25 December 2027",
    ]
    assert [c.kind for c in changes] == ["removed", "removed", "added", "added"]


def test_goal_progress(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    plans.set_goal_status(db, world.sam, world.twin(db, "goal", ids.kids), GoalStatus.ACHIEVED)
    assert sentences(compare(db, world)) == [f"Goal “{KIDS}” is now done (it was not started yet)"]


# --- steps ----------------------------------------------------------------------------------


def test_new_step_on_an_existing_goal(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    plans.add_step(
        db,
        world.sam,
        world.twin(db, "goal", ids.kids),
        StepInput("Go to the family centre", PERSON, StepOwner.SOMEONE_ELSE, owner_detail="My sister"),
    )
    changes = compare(db, world)
    assert sentences(changes) == [f"New step for “{KIDS}”: “Go to the family centre” (My sister)"]
    assert (changes[0].kind, changes[0].area, changes[0].new) == ("added", "step", "Go to the family centre")


def test_step_reworded_moved_to_someone_else_dated_and_done(
    db: Database, revised: tuple[Revised, Ids]
) -> None:
    world, ids = revised
    step_id = world.twin(db, "step", ids.ring)
    plans.edit_step(
        db,
        world.sam,
        step_id,
        StepInput("Ring the council", PERSON, StepOwner.PERSON, due_date=date(2027, 4, 2)),
    )
    plans.set_step_done(db, world.sam, step_id, True)
    changes = compare(db, world)
    assert sentences(changes) == [
        f"Step reworded: “{RING}” became “Ring the council”",
        "Step “Ring the council”: now written by Dee instead of Sam Keyworker",
        "Step “Ring the council” is now for me to do, not my worker",
        "Date for step “Ring the council” set: 2 April 2027",
        "Step done: “Ring the council”",
    ]
    assert all(c.area == "step" and c.kind in ("changed", "added") for c in changes)
    assert (changes[4].old, changes[4].new) == ("not done", "done")


def test_step_not_done_after_all_and_removed(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    plans.set_step_done(db, world.sam, ids.ring, True)  # progress recorded on version 1 (agreed)
    plans.remove_step(db, world.sam, world.twin(db, "step", ids.form))
    changes = compare(db, world)
    assert sentences(changes) == [
        f"Step not done after all: “{RING}”",
        f"Step no longer in the plan: “{FORM}” (for “{FLAT}”)",
    ]
    assert changes[1].kind == "removed"


# --- services, money, dates -----------------------------------------------------------------


def test_service_added(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    travel = catalogue_service(
        db, world.team.manager, provider="City Buses", name="Travel pass", price=Decimal("30.00")
    )
    budget.allocate(
        db,
        world.sam,
        world.v2,
        budget.AllocationInput(
            quantity=Decimal("1"), goal_ids=(world.twin(db, "goal", ids.kids),), service_id=travel
        ),
    )
    changes = compare(db, world)
    assert sentences(changes) == ["Service added: Travel pass, 1 session at £30.00 (£30.00)"]
    assert (changes[0].kind, changes[0].area) == ("added", "service")


def test_service_quantity_changed(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    flat = world.twin(db, "goal", ids.flat)
    budget.change_allocation(db, world.sam, world.twin(db, "service", ids.mentoring), Decimal("12"), (flat,))
    changes = compare(db, world)
    assert sentences(changes) == [
        "Service changed: Peer mentoring from 10 to 12 sessions (£150.00 → £180.00)"
    ]
    assert changes[0].old == "Peer mentoring, 10 sessions at £15.00 (£150.00)"
    assert changes[0].new == "Peer mentoring, 12 sessions at £15.00 (£180.00)"


def test_service_for_other_goals(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    both = (world.twin(db, "goal", ids.flat), world.twin(db, "goal", ids.kids))
    budget.change_allocation(db, world.sam, world.twin(db, "service", ids.mentoring), Decimal("10"), both)
    assert sentences(compare(db, world)) == [
        f"Service changed: Peer mentoring is now for “{FLAT}” and “{KIDS}” (it was for “{FLAT}”)"
    ]


def test_service_removed(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    budget.release_allocation(db, world.sam, world.twin(db, "service", ids.mentoring))
    changes = compare(db, world)
    assert sentences(changes) == ["Service removed: Peer mentoring, 10 sessions at £15.00 (£150.00)"]
    assert (changes[0].kind, changes[0].area) == ("removed", "service")


def test_budgets_changed(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    budget.assess_budget(db, world.sam, world.v2, {**STANDARD_ANSWERS, "legal": "yes"})
    budget.set_agreed_budget(db, world.sam, world.v2, Decimal("1000.00"))
    changes = compare(db, world)
    indicative = workspace.load_version(db, world.sam, world.v2).indicative_pence
    assert indicative is not None
    assert indicative != 125000
    assert [c.area for c in changes] == ["budget", "budget"]
    assert changes[0].sentence.startswith("Indicative budget changed from £1,250.00 to £")
    assert changes[1].sentence == "Agreed budget changed from £1,200.00 to £1,000.00"
    assert (changes[1].old, changes[1].new) == ("£1,200.00", "£1,000.00")


def test_plan_dates_changed(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    plans.set_period(db, world.sam, world.v2, date(2027, 3, 1), date(2028, 9, 1))
    changes = compare(db, world)
    assert sentences(changes) == [
        "Plan dates changed from 1 March 2027 to 1 March 2028 to 1 March 2027 to 1 September 2028"
    ]
    assert (changes[0].kind, changes[0].area) == ("changed", "period")


# --- "I don't agree" notes ------------------------------------------------------------------


def test_note_added_and_taken_back(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    carried = workspace.load_version(db, world.sam, world.v2).disagreements[0]
    plans.withdraw_disagreement(db, world.sam, carried.id)
    plans.record_disagreement(
        db, world.sam, world.v2, "I'd rather see a woman", PERSON, goal_id=world.twin(db, "goal", ids.kids)
    )
    changes = compare(db, world)
    assert sentences(changes) == [
        f"New “I don't agree” note from Dee about “{KIDS}”: “I'd rather see a woman”",
        "“I don't agree” note taken back: “I don't want group work” (Dee)",
    ]
    assert [(c.kind, c.area) for c in changes] == [("added", "disagreement"), ("removed", "disagreement")]


# --- order, quoting, refusals ---------------------------------------------------------------


def test_goals_come_first_then_services_budget_and_notes(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    plans.record_disagreement(db, world.sam, world.v2, "Too much paperwork", STAFF)
    budget.set_agreed_budget(db, world.sam, world.v2, Decimal("1100.00"))
    budget.release_allocation(db, world.sam, world.twin(db, "service", ids.mentoring))
    plans.add_step(
        db, world.sam, world.twin(db, "goal", ids.kids), StepInput("Phone them", STAFF, StepOwner.WORKER)
    )
    plans.add_goal(db, world.sam, world.v2, GoalInput("Stop being a case", PERSON, "community"))
    areas = [c.area for c in compare(db, world)]
    assert areas == ["step", "goal", "service", "budget", "disagreement"]


def test_the_persons_words_are_quoted_exactly(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, ids = revised
    said = "My kids — “proud” of me, not ashamed!!  ☺ (that's it)"
    plans.edit_goal(db, world.sam, world.twin(db, "goal", ids.kids), GoalInput(said, PERSON, "family"))
    plans.add_goal(db, world.sam, world.v2, GoalInput("me & my dog 🐕", PERSON, "family"))
    changes = compare(db, world)
    assert changes[0].sentence == f"Goal reworded: “{KIDS}” became “{said}”"
    assert changes[0].new == said
    assert changes[1].sentence == "New goal: “me & my dog 🐕”"


def test_older_and_newer_can_be_given_either_way_round(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    plans.add_goal(db, world.sam, world.v2, GoalInput("Learn to drive", PERSON, "time"))
    back = compare_versions(db, world.sam, world.v2, world.v1)
    assert sentences(back) == ["Goal no longer in the plan: “Learn to drive”"]


def test_versions_of_different_plans_are_refused(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    other_person = register(db, world.sam, "Marek")
    other = plans.start_plan(db, world.sam, other_person)
    with pytest.raises(InvalidInput) as refused:
        compare_versions(db, world.sam, world.v1, other.version_id)
    assert "different plans" in refused.value.message


def test_a_missing_version_is_not_found(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    with pytest.raises(NotFound):
        compare_versions(db, world.sam, world.v1, world.v2 + 1000)


def test_reading_changes_needs_permission_to_see_people(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    with pytest.raises(PermissionDenied):
        compare_versions(db, world.team.administrator, world.v1, world.v2)
    assert compare_versions(db, world.team.as_role(Role.PEER_MENTOR), world.v1, world.v2) == []


def test_changes_between_works_on_loaded_versions(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    old = workspace.load_version(db, world.sam, world.v1)
    new = workspace.load_version(db, world.sam, world.v2)
    assert changes_between(old, new) == []
    assert changes_between(old, old) == []


# --- describing a version -------------------------------------------------------------------


def test_describe_version_in_plain_words(db: Database, revised: tuple[Revised, Ids]) -> None:
    world, _ = revised
    today = long_date(utc_today())
    v1 = workspace.load_version(db, world.sam, world.v1)
    v2 = workspace.load_version(db, world.sam, world.v2)
    assert describe_version(v2) == f"Version 2 – being written, started {today}"
    assert (
        describe_version(v1) == f"Version 1 – signed, waiting for approval, started {today}, signed {today}"
    )


def test_plain_words_for_dates_and_amounts() -> None:
    assert long_date(date(2027, 3, 3)) == "3 March 2027"
    assert quantity_words(Decimal("10.00"), "hour") == "10 hours"
    assert quantity_words(Decimal("1.00"), "session") == "1 session"
    assert quantity_words(Decimal("2.50"), "week") == "2.5 weeks"
