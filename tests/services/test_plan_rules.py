"""Plans and their versions: goals and steps in both voices, disagreements, freezing, revising, closing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import (
    AuthorKind,
    GoalStatus,
    PlanStatus,
    SignatureMethod,
    SignerKind,
    StepOwner,
)
from careplan.domain.errors import (
    FrozenVersion,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from careplan.domain.records import AuditEvent, Disagreement, Goal, Plan, PlanVersion, Step
from careplan.services.budget import (
    AllocationInput,
    allocate,
    assess_budget,
    change_allocation,
    release_allocation,
    set_agreed_budget,
)
from careplan.services.canonical import matches_what_was_signed, plan_sha256
from careplan.services.configuration import retire_life_area
from careplan.services.people import PersonDetails, register_person
from careplan.services.plans import (
    GoalInput,
    StepInput,
    activate_plan,
    add_goal,
    add_step,
    close_plan,
    edit_goal,
    edit_step,
    may_put_back_words,
    move_goal,
    move_step,
    record_disagreement,
    remove_goal,
    remove_step,
    revise_plan,
    set_goal_status,
    set_period,
    set_step_done,
    start_plan,
    withdraw_disagreement,
)
from careplan.services.signing import SignatureInput, approve_plan, sign_plan
from careplan.storage import Database
from tests import worlds
from tests.database_copies import world_fixtures
from tests.refusals import refused
from tests.worlds import World

# --- a small world --------------------------------------------------------------------------


def make_world(db: Database) -> World:
    """The team; Dee (on Chris's caseload too) with a plan just started; a service in the catalogue."""
    world = worlds.staffed(db)
    return (
        world.with_person("Dee", full_name="Dee Example", peer_mentor=True)
        .with_plan("Dee", goals=())
        .with_service(
            provider="Recovery Collective",
            description="One to one",
            peer_led=False,
            by=world.team.administrator,
        )
    )


template, sqlite_template, world, quick = world_fixtures(make_world)


KIDS = GoalInput(
    wording="I want my kids to see me well",
    wording_voice=PERSON,
    life_area="family",
    why="Contact has been cancelled twice because Dee was unwell.",
    why_voice=STAFF,
)
FLAT = GoalInput(wording="A flat of my own", wording_voice=PERSON, life_area="housing")
GROUP = GoalInput(wording="Go to group work", wording_voice=STAFF, life_area="mental_health")


@dataclass(frozen=True)
class Filled:
    goal_id: int
    other_goal_id: int
    person_step_id: int
    worker_step_id: int
    allocation_id: int
    disagreement_id: int


def fill(w: World, version_id: int | None = None) -> Filled:
    """Goals, steps, a budget, an allocation and a disagreement on the world's (or a given) draft."""
    vid = version_id or w.version_id
    goal = add_goal(w.db, w.team.key_worker, vid, KIDS)
    other = add_goal(w.db, w.team.key_worker, vid, FLAT)
    person_step = add_step(
        w.db, w.team.key_worker, goal, StepInput("Ring the social worker on Monday", PERSON, StepOwner.PERSON)
    )
    worker_step = add_step(
        w.db, w.team.key_worker, goal, StepInput("Book the family room", STAFF, StepOwner.WORKER)
    )
    set_agreed_budget(w.db, w.team.manager, vid, Decimal("500.00"))
    allocation = allocate(
        w.db, w.team.key_worker, vid, AllocationInput(Decimal("2"), (goal,), service_id=w.service_id)
    )
    note = record_disagreement(w.db, w.team.key_worker, vid, "I don't want group work", PERSON, goal_id=other)
    return Filled(goal, other, person_step, worker_step, allocation, note)


def sha(db: Database, version_id: int) -> str:
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        return plan_sha256(version)


def still_as_signed(db: Database, version_id: int) -> bool:
    """The version's rows still say exactly what was signed."""
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        return matches_what_was_signed(version)


def agree(w: World, version_id: int) -> None:
    digest = sha(w.db, version_id)
    sign_plan(
        w.db,
        w.team.key_worker,
        version_id,
        SignatureInput(
            SignerKind.PERSON, SignatureMethod.DRAWN, digest, strokes=(((1.0, 2.0), (30.0, 12.5)),)
        ),
    )
    status = sign_plan(
        w.db,
        w.team.key_worker,
        version_id,
        SignatureInput(
            SignerKind.KEY_WORKER, SignatureMethod.TYPED, digest, typed_name="Sam", confirmed=True
        ),
    )
    assert status == PlanStatus.AGREED


def bring_to(w: World, version_id: int, status: PlanStatus) -> None:
    agree(w, version_id)
    if status in (PlanStatus.APPROVED, PlanStatus.ACTIVE):
        approve_plan(w.db, w.team.manager, version_id)
    if status == PlanStatus.ACTIVE:
        activate_plan(w.db, w.team.key_worker, version_id)


def version_of(db: Database, version_id: int) -> PlanVersion:
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        for goal in version.goals:
            _ = (goal.wording.body, goal.why, goal.life_area.code, [(s.what.body, s.key) for s in goal.steps])
        for allocation in version.allocations:
            _ = [g.key for g in allocation.goals]
        for note in version.disagreements:
            _ = (note.text.body, note.goal, note.step, note.allocation)
        return version


def status_of(db: Database, version_id: int) -> PlanStatus:
    return PlanStatus(version_of(db, version_id).status)


# --- start_plan -----------------------------------------------------------------------------


def test_start_plan_makes_a_first_draft_with_the_persons_key_worker(world: World) -> None:
    version = version_of(world.db, world.version_id)
    assert (version.number, version.status, version.plan_id) == (1, PlanStatus.DRAFT, world.plan_id)
    assert (version.period_start, version.period_end) == (date(2025, 1, 6), date(2026, 1, 5))
    assert version.created_by_id == world.team.key_worker.staff_id
    with world.db.session() as session:
        plan = session.get(Plan, world.plan_id)
        assert plan is not None
        assert plan.key_worker_id == world.team.key_worker.staff_id


def test_a_second_open_plan_is_refused_until_the_first_is_closed(world: World) -> None:
    with refused(world.db, InvalidTransition, "Dee already has a plan"):
        start_plan(world.db, world.team.key_worker, world.person_id)
    close_plan(world.db, world.team.manager, world.plan_id)
    again = start_plan(world.db, world.team.key_worker, world.person_id)
    assert again.plan_id != world.plan_id
    assert status_of(world.db, again.version_id) == PlanStatus.DRAFT


@pytest.mark.parametrize(
    ("start", "end"), [(date(2025, 3, 1), date(2025, 3, 1)), (date(2025, 3, 1), date(2025, 2, 28))]
)
def test_a_plan_must_end_after_it_starts(quick: World, start: date, end: date) -> None:
    other = register_person(quick.db, quick.team.key_worker, PersonDetails("Marek", "Marek Example"))
    with refused(quick.db, InvalidInput, "must end after it starts") as info:
        start_plan(quick.db, quick.team.key_worker, other, period_start=start, period_end=end)
    assert info.value.field == "period_end"
    with refused(quick.db, InvalidInput, "must end after it starts"):
        set_period(quick.db, quick.team.key_worker, quick.version_id, start, end)


def test_start_plan_for_someone_who_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "person could not be found"):
        start_plan(quick.db, quick.team.key_worker, 9999)


def test_a_peer_mentor_cannot_start_a_plan(quick: World) -> None:
    other = register_person(quick.db, quick.team.key_worker, PersonDetails("Marek", "Marek Example"))
    with refused(quick.db, PermissionDenied, "cannot start plan"):
        start_plan(quick.db, quick.team.peer_mentor, other)


def test_start_plan_refuses_an_unknown_key_worker(quick: World) -> None:
    other = register_person(quick.db, quick.team.manager, PersonDetails("Marek", "Marek Example"))
    with refused(quick.db, NotFound, "key worker could not be found"):
        start_plan(quick.db, quick.team.manager, other, key_worker_id=4242)


# --- goals and steps, and whose words they are ----------------------------------------------


def test_each_text_keeps_its_own_author(world: World) -> None:
    goal_id = add_goal(world.db, world.team.peer_mentor, world.version_id, KIDS)
    add_step(
        world.db,
        world.team.key_worker,
        goal_id,
        StepInput("Ring the social worker", PERSON, StepOwner.PERSON),
    )
    add_step(
        world.db, world.team.key_worker, goal_id, StepInput("Book the family room", STAFF, StepOwner.WORKER)
    )
    add_step(
        world.db,
        world.team.key_worker,
        goal_id,
        StepInput("Family contact course", STAFF, StepOwner.SERVICE, owner_detail=" Family  Links "),
    )
    goal = version_of(world.db, world.version_id).goals[0]
    assert goal.wording.body == "I want my kids to see me well"
    assert goal.wording.author_kind == AuthorKind.PERSON
    assert goal.wording.person_id == world.person_id
    assert goal.wording.recorded_by_id == world.team.peer_mentor.staff_id
    assert goal.why is not None
    assert goal.why.author_kind == AuthorKind.STAFF
    assert (goal.why.staff_id, goal.why.author_role) == (world.team.peer_mentor.staff_id, "peer_mentor")
    assert goal.life_area.code == "family"
    person_step, worker_step, service_step = goal.steps
    assert person_step.what.author_kind == AuthorKind.PERSON
    assert person_step.what.recorded_by_id == world.team.key_worker.staff_id
    assert worker_step.what.author_kind == AuthorKind.STAFF
    assert (worker_step.what.staff_id, worker_step.what.author_role) == (
        world.team.key_worker.staff_id,
        "key_worker",
    )
    assert service_step.owner_detail == "Family Links"
    assert [s.position for s in goal.steps] == [0, 1, 2]


def test_the_why_is_in_the_goals_voice_unless_said_otherwise(world: World) -> None:
    add_goal(
        world.db,
        world.team.key_worker,
        world.version_id,
        GoalInput("A flat", PERSON, "housing", why="Hostel is loud"),
    )
    goal = version_of(world.db, world.version_id).goals[0]
    assert goal.why is not None
    assert goal.why.author_kind == AuthorKind.PERSON


def test_editing_one_text_of_a_goal_leaves_the_others_alone(world: World) -> None:
    goal_id = add_goal(world.db, world.team.key_worker, world.version_id, KIDS)
    before = version_of(world.db, world.version_id).goals[0]
    edit_goal(
        world.db,
        world.team.key_worker,
        goal_id,
        GoalInput(
            "I want my kids to see me well, every week",
            PERSON,
            "family",
            why=KIDS.why,
            why_voice=STAFF,
            target_date=date(2025, 6, 1),
        ),
    )
    after = version_of(world.db, world.version_id).goals[0]
    assert after.wording_id != before.wording_id
    assert after.why_id == before.why_id
    assert after.target_date == date(2025, 6, 1)
    with world.db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event is not None
        assert (event.action, event.entity, sorted(event.fields)) == (
            "update",
            "goal",
            ["target_date", "wording"],
        )


def test_goals_and_steps_can_be_moved_and_removed(world: World) -> None:
    first = add_goal(world.db, world.team.key_worker, world.version_id, KIDS)
    second = add_goal(world.db, world.team.key_worker, world.version_id, FLAT)
    third = add_goal(world.db, world.team.key_worker, world.version_id, GROUP)
    move_goal(world.db, world.team.key_worker, third, 0)
    assert [g.id for g in version_of(world.db, world.version_id).goals] == [third, first, second]
    move_goal(world.db, world.team.key_worker, third, 99)  # past the end: goes last
    assert [g.id for g in version_of(world.db, world.version_id).goals] == [first, second, third]
    step_a = add_step(world.db, world.team.key_worker, first, StepInput("One", PERSON, StepOwner.PERSON))
    step_b = add_step(world.db, world.team.key_worker, first, StepInput("Two", PERSON, StepOwner.PERSON))
    note = record_disagreement(
        world.db, world.team.key_worker, world.version_id, "Not this step", PERSON, step_id=step_a
    )
    remove_step(world.db, world.team.key_worker, step_a)
    goals = version_of(world.db, world.version_id).goals
    assert [(s.id, s.position) for s in goals[0].steps] == [(step_b, 0)]
    with world.db.session() as session:
        assert session.get(Disagreement, note) is None
    goal_note = record_disagreement(
        world.db, world.team.key_worker, world.version_id, "No", PERSON, goal_id=first
    )
    step_note = record_disagreement(
        world.db, world.team.key_worker, world.version_id, "No", PERSON, step_id=step_b
    )
    remove_goal(world.db, world.team.key_worker, first)
    goals = version_of(world.db, world.version_id).goals
    assert [(g.id, g.position) for g in goals] == [(second, 0), (third, 1)]
    with world.db.session() as session:
        assert session.get(Disagreement, goal_note) is None
        assert session.get(Disagreement, step_note) is None
        assert session.get(Step, step_b) is None


def test_a_step_can_be_moved_within_its_goal(world: World) -> None:
    goal = add_goal(world.db, world.team.key_worker, world.version_id, KIDS)
    one, two, three = (
        add_step(world.db, world.team.key_worker, goal, StepInput(what, PERSON, StepOwner.PERSON))
        for what in ("One", "Two", "Three")
    )

    def order() -> list[int]:
        return [s.id for s in version_of(world.db, world.version_id).goals[0].steps]

    move_step(world.db, world.team.key_worker, three, 0)
    assert order() == [three, one, two]
    move_step(world.db, world.team.key_worker, three, 1)
    assert order() == [one, three, two]
    move_step(world.db, world.team.key_worker, one, 99)  # past the end: goes last
    assert order() == [three, two, one]
    move_step(world.db, world.team.key_worker, one, -5)  # before the start: goes first
    assert order() == [one, three, two]
    with refused(world.db, NotFound, "could not be found"):
        move_step(world.db, world.team.key_worker, 9999, 0)
    with refused(world.db, PermissionDenied, ""):
        move_step(world.db, world.team.administrator, one, 2)


def _text_id(db: Database, step_id: int) -> int:
    with db.session() as session:
        step = session.get(Step, step_id)
        assert step is not None
        return step.what_id


def test_undo_puts_back_the_very_words_removed_under_a_stated_rule(world: World) -> None:
    """Words put back keep their author only when that cannot be used to put words in a
    colleague's mouth: the person's own words in their plan, a staff member's own words, or words
    already part of this plan in an earlier version."""
    db, vid = world.db, world.version_id
    goal = add_goal(db, world.team.key_worker, vid, KIDS)
    dees = add_step(
        db, world.team.key_worker, goal, StepInput("Ring the social worker", PERSON, StepOwner.PERSON)
    )
    sams = add_step(
        db, world.team.key_worker, goal, StepInput("Book the family room", STAFF, StepOwner.WORKER)
    )
    dees_text, sams_text = _text_id(db, dees), _text_id(db, sams)
    remove_step(db, world.team.manager, dees)
    remove_step(db, world.team.manager, sams)

    # The manager may put back Dee's words (still Dee's, still typed by Sam) ...
    assert may_put_back_words(db, world.team.manager, vid, [dees_text])
    again = add_step(
        db,
        world.team.manager,
        goal,
        StepInput("Ring the social worker", PERSON, StepOwner.PERSON, what_text_id=dees_text),
    )
    assert _text_id(db, again) == dees_text
    # ... but not Sam's: nothing shows those words were ever in this plan, so they stay Sam's to give.
    assert not may_put_back_words(db, world.team.manager, vid, [sams_text])
    with refused(db, PermissionDenied, "only they can put them back"):
        add_step(
            db,
            world.team.manager,
            goal,
            StepInput("Book the family room", STAFF, StepOwner.WORKER, what_text_id=sams_text),
        )
    # Sam may put back his own words.
    assert may_put_back_words(db, world.team.key_worker, vid, [sams_text])
    back = add_step(
        db,
        world.team.key_worker,
        goal,
        StepInput("Book the family room", STAFF, StepOwner.WORKER, what_text_id=sams_text),
    )
    assert _text_id(db, back) == sams_text

    # Other words, or another voice, under an old text's id are refused.
    with refused(db, InvalidInput, "not the words that were there before"):
        add_step(
            db,
            world.team.key_worker,
            goal,
            StepInput("Something else", STAFF, StepOwner.WORKER, what_text_id=sams_text),
        )
    with refused(db, InvalidInput, "not the words that were there before"):
        add_step(
            db,
            world.team.key_worker,
            goal,
            StepInput("Book the family room", PERSON, StepOwner.WORKER, what_text_id=sams_text),
        )
    # Another person's words never come into this plan.
    other = register_person(db, world.team.key_worker, PersonDetails("Jo", "Jo Other"))
    other_plan = start_plan(db, world.team.key_worker, other)
    other_goal = add_goal(db, world.team.key_worker, other_plan.version_id, FLAT)
    with world.db.session() as session:
        row = session.get(Goal, other_goal)
        assert row is not None
        jos_words = row.wording_id
    remove_goal(db, world.team.key_worker, other_goal)
    assert not may_put_back_words(db, world.team.key_worker, vid, [jos_words])
    with refused(db, PermissionDenied, "only they can put them back"):
        add_goal(
            db,
            world.team.key_worker,
            vid,
            GoalInput("A flat of my own", PERSON, "housing", wording_text_id=jos_words),
        )


def test_a_colleagues_words_carried_into_a_new_version_may_be_put_back(world: World) -> None:
    db = world.db
    goal = add_goal(db, world.team.key_worker, world.version_id, GROUP)  # Sam's words
    bring_to(world, world.version_id, PlanStatus.ACTIVE)
    draft = revise_plan(db, world.team.manager, world.version_id)
    carried = version_of(db, draft).goals[0]
    text_id, carried_id = carried.wording_id, carried.id
    assert goal != carried_id
    remove_goal(db, world.team.manager, carried_id)
    assert may_put_back_words(db, world.team.manager, draft, [text_id])
    again = add_goal(
        db,
        world.team.manager,
        draft,
        GoalInput("Go to group work", STAFF, "mental_health", wording_text_id=text_id),
    )
    with db.session() as session:
        row = session.get(Goal, again)
        assert row is not None
        assert row.wording_id == text_id
        assert row.wording.staff_id == world.team.key_worker.staff_id


@pytest.mark.parametrize("code", ["hobbies", "", "Housing"])
def test_an_unknown_life_area_is_refused(quick: World, code: str) -> None:
    with refused(quick.db, InvalidInput, "choose one of the life areas") as info:
        add_goal(quick.db, quick.team.key_worker, quick.version_id, GoalInput("A flat", PERSON, code))
    assert info.value.field == "life_area"


def test_a_retired_life_area_takes_no_new_goals(quick: World) -> None:
    retire_life_area(quick.db, quick.team.administrator, "legal")
    with refused(quick.db, InvalidInput, "choose one of the life areas"):
        add_goal(
            quick.db, quick.team.key_worker, quick.version_id, GoalInput("Finish probation", PERSON, "legal")
        )


def test_a_goal_written_before_its_life_area_was_retired_can_still_be_reworded(world: World) -> None:
    """BUG (src/careplan/services/plans.py, edit_goal -> _life_area): retiring a life area is meant
    to stop *new* goals only ("goals already written keep it", configuration.retire_life_area), but
    edit_goal re-checks the unchanged life area and refuses, so such a goal can never be edited
    again (nor in any later version, since revise_plan copies it)."""
    goal_id = add_goal(
        world.db, world.team.key_worker, world.version_id, GoalInput("Finish probation", PERSON, "legal")
    )
    retire_life_area(world.db, world.team.administrator, "legal")
    edit_goal(
        world.db, world.team.key_worker, goal_id, GoalInput("Finish probation by June", PERSON, "legal")
    )
    goal = version_of(world.db, world.version_id).goals[0]
    assert goal.wording.body == "Finish probation by June"
    assert goal.life_area.code == "legal"


@pytest.mark.parametrize("owner", [StepOwner.SERVICE, StepOwner.SOMEONE_ELSE])
@pytest.mark.parametrize("detail", [None, "", "   "])
def test_a_step_for_a_service_or_someone_else_must_say_who(
    quick: World, owner: StepOwner, detail: str | None
) -> None:
    goal_id = add_goal(quick.db, quick.team.key_worker, quick.version_id, KIDS)
    step_id = add_step(
        quick.db, quick.team.key_worker, goal_id, StepInput("Ring them", PERSON, StepOwner.PERSON)
    )
    with refused(quick.db, InvalidInput, "say which service or who") as info:
        add_step(
            quick.db, quick.team.key_worker, goal_id, StepInput("Course", STAFF, owner, owner_detail=detail)
        )
    assert info.value.field == "owner_detail"
    with refused(quick.db, InvalidInput, "say which service or who"):
        edit_step(
            quick.db,
            quick.team.key_worker,
            step_id,
            StepInput("Ring them", PERSON, owner, owner_detail=detail),
        )


def test_step_and_goal_texts_must_not_be_empty_or_too_long(quick: World) -> None:
    with refused(quick.db, InvalidInput, "write something here first") as info:
        add_goal(quick.db, quick.team.key_worker, quick.version_id, GoalInput("   ", PERSON, "family"))
    assert info.value.field == "wording"
    goal_id = add_goal(quick.db, quick.team.key_worker, quick.version_id, KIDS)
    with refused(quick.db, InvalidInput, "write something here first"):
        add_step(quick.db, quick.team.key_worker, goal_id, StepInput("", PERSON, StepOwner.PERSON))
    with refused(quick.db, InvalidInput, "longer than 5000"):
        add_step(quick.db, quick.team.key_worker, goal_id, StepInput("x" * 5001, PERSON, StepOwner.PERSON))
    with refused(quick.db, InvalidInput, "120 characters at most"):
        add_step(
            quick.db,
            quick.team.key_worker,
            goal_id,
            StepInput("Go", PERSON, StepOwner.SERVICE, owner_detail="d" * 121),
        )


def test_goals_of_something_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "goal could not be found"):
        edit_goal(quick.db, quick.team.key_worker, 999, KIDS)
    with refused(quick.db, NotFound, "step could not be found"):
        remove_step(quick.db, quick.team.key_worker, 999)
    with refused(quick.db, NotFound, "plan version could not be found"):
        add_goal(quick.db, quick.team.key_worker, 999, KIDS)


def test_an_administrator_cannot_edit_a_plan(quick: World) -> None:
    with refused(quick.db, PermissionDenied, "cannot edit plan"):
        add_goal(quick.db, quick.team.administrator, quick.version_id, KIDS)


# --- disagreements --------------------------------------------------------------------------


def test_disagreements_go_beside_the_plan_or_one_item(world: World) -> None:
    filled = fill(world)
    on_plan = record_disagreement(
        world.db, world.team.manager, world.version_id, "Too little for travel", STAFF
    )
    on_step = record_disagreement(
        world.db,
        world.team.key_worker,
        world.version_id,
        "Monday is too soon",
        PERSON,
        step_id=filled.worker_step_id,
    )
    on_allocation = record_disagreement(
        world.db,
        world.team.key_worker,
        world.version_id,
        "Two sessions is not enough",
        PERSON,
        allocation_id=filled.allocation_id,
    )
    notes = {n.id: n for n in version_of(world.db, world.version_id).disagreements}
    goal_note = notes[filled.disagreement_id]
    assert (goal_note.goal_id, goal_note.step_id, goal_note.allocation_id) == (
        filled.other_goal_id,
        None,
        None,
    )
    assert goal_note.text.author_kind == AuthorKind.PERSON
    assert goal_note.text.body == "I don't want group work"
    assert (notes[on_plan].goal_id, notes[on_plan].step_id, notes[on_plan].allocation_id) == (
        None,
        None,
        None,
    )
    assert notes[on_plan].text.author_kind == AuthorKind.STAFF
    assert notes[on_plan].text.author_role == "manager"
    assert notes[on_step].step_id == filled.worker_step_id
    assert notes[on_allocation].allocation_id == filled.allocation_id
    withdraw_disagreement(world.db, world.team.key_worker, on_step)
    assert on_step not in {n.id for n in version_of(world.db, world.version_id).disagreements}


def test_a_disagreement_goes_beside_one_item_at_a_time(quick: World) -> None:
    filled = fill(quick)
    with refused(quick.db, InvalidInput, "one item at a time"):
        record_disagreement(
            quick.db,
            quick.team.key_worker,
            quick.version_id,
            "No",
            PERSON,
            goal_id=filled.goal_id,
            step_id=filled.person_step_id,
        )
    with refused(quick.db, InvalidInput, "one item at a time"):
        record_disagreement(
            quick.db,
            quick.team.key_worker,
            quick.version_id,
            "No",
            PERSON,
            goal_id=filled.goal_id,
            allocation_id=filled.allocation_id,
        )


def test_a_disagreement_cannot_point_at_another_plans_item(world: World) -> None:
    filled = fill(world)
    other_person = register_person(world.db, world.team.key_worker, PersonDetails("Marek", "Marek Example"))
    other = start_plan(world.db, world.team.key_worker, other_person)
    with refused(world.db, InvalidInput, "goal is not part of this version"):
        record_disagreement(
            world.db, world.team.key_worker, other.version_id, "No", PERSON, goal_id=filled.goal_id
        )
    with refused(world.db, InvalidInput, "step is not part of this version"):
        record_disagreement(
            world.db, world.team.key_worker, other.version_id, "No", PERSON, step_id=filled.person_step_id
        )
    with refused(world.db, InvalidInput, "service is not part of this version"):
        record_disagreement(
            world.db,
            world.team.key_worker,
            other.version_id,
            "No",
            PERSON,
            allocation_id=filled.allocation_id,
        )
    with refused(world.db, NotFound, "goal could not be found"):
        record_disagreement(world.db, world.team.key_worker, other.version_id, "No", PERSON, goal_id=987654)


def test_an_empty_disagreement_is_refused(quick: World) -> None:
    with refused(quick.db, InvalidInput, "write something here first"):
        record_disagreement(quick.db, quick.team.key_worker, quick.version_id, "  ", PERSON)


# --- frozen versions ------------------------------------------------------------------------


def every_edit(w: World, filled: Filled) -> list[tuple[str, Callable[[], object]]]:
    db, worker, vid = w.db, w.team.key_worker, w.version_id
    return [
        ("set_period", lambda: set_period(db, worker, vid, date(2025, 2, 1), date(2026, 1, 31))),
        ("add_goal", lambda: add_goal(db, worker, vid, GROUP)),
        ("edit_goal", lambda: edit_goal(db, worker, filled.goal_id, FLAT)),
        ("remove_goal", lambda: remove_goal(db, worker, filled.goal_id)),
        ("move_goal", lambda: move_goal(db, worker, filled.goal_id, 1)),
        ("move_step", lambda: move_step(db, worker, filled.worker_step_id, 0)),
        (
            "add_step",
            lambda: add_step(db, worker, filled.goal_id, StepInput("New", PERSON, StepOwner.PERSON)),
        ),
        (
            "edit_step",
            lambda: edit_step(db, worker, filled.person_step_id, StepInput("X", PERSON, StepOwner.PERSON)),
        ),
        ("remove_step", lambda: remove_step(db, worker, filled.person_step_id)),
        ("record_disagreement", lambda: record_disagreement(db, worker, vid, "No", PERSON)),
        ("withdraw_disagreement", lambda: withdraw_disagreement(db, worker, filled.disagreement_id)),
        ("assess_budget", lambda: assess_budget(db, worker, vid, {})),
        ("set_agreed_budget", lambda: set_agreed_budget(db, w.team.manager, vid, Decimal("400.00"))),
        (
            "allocate",
            lambda: allocate(
                db, worker, vid, AllocationInput(Decimal("1"), (filled.goal_id,), service_id=w.service_id)
            ),
        ),
        (
            "change_allocation",
            lambda: change_allocation(db, worker, filled.allocation_id, Decimal("3"), (filled.goal_id,)),
        ),
        (
            "release_allocation",
            lambda: release_allocation(db, worker, filled.allocation_id),
        ),
        (
            "sign_plan",
            lambda: sign_plan(
                db,
                worker,
                vid,
                SignatureInput(
                    SignerKind.KEY_WORKER, SignatureMethod.TYPED, sha(db, vid), typed_name="S", confirmed=True
                ),
            ),
        ),
    ]


@pytest.mark.parametrize("status", [PlanStatus.AGREED, PlanStatus.APPROVED, PlanStatus.ACTIVE])
def test_every_edit_of_a_frozen_version_is_refused(world: World, status: PlanStatus) -> None:
    filled = fill(world)
    bring_to(world, world.version_id, status)
    assert status_of(world.db, world.version_id) == status
    problems = []
    for name, edit in every_edit(world, filled):
        try:
            with refused(world.db, FrozenVersion, f"has been {status.value} and can no longer be changed"):
                edit()
        except (Exception, pytest.fail.Exception) as exc:
            problems.append(f"{name}: {exc!r}")
    assert not problems, "\n".join(problems)
    assert still_as_signed(world.db, world.version_id)


def test_every_edit_of_a_draft_is_allowed(quick: World) -> None:
    """The other side of the frozen test: the same edits go through on a draft."""
    filled = fill(quick)
    edits = [(n, e) for n, e in every_edit(quick, filled) if n not in ("assess_budget", "sign_plan")]
    # removals last, so every edit still has something to work on
    edits.sort(
        key=lambda item: (item[0].startswith(("remove", "release", "withdraw")), item[0] == "remove_goal")
    )
    for _name, edit in edits:
        edit()
    version = version_of(quick.db, quick.version_id)
    assert version.status == PlanStatus.DRAFT
    assert (version.period_start, version.agreed_budget_pence) == (date(2025, 2, 1), 40000)
    assert [g.wording.body for g in version.goals] == ["A flat of my own", "Go to group work"]
    assert [(a.quantity, a.total_pence) for a in version.allocations] == [(Decimal("1.00"), 2500)]
    assert [(d.goal_id, d.step_id, d.allocation_id) for d in version.disagreements] == [(None, None, None)]


# --- revising -------------------------------------------------------------------------------


def test_revise_copies_everything_and_keeps_the_old_version_as_it_was(world: World) -> None:
    filled = fill(world)
    bring_to(world, world.version_id, PlanStatus.ACTIVE)
    old = version_of(world.db, world.version_id)
    new_id = revise_plan(world.db, world.team.key_worker, world.version_id)
    new = version_of(world.db, new_id)
    assert (new.number, new.status, new.based_on_id, new.plan_id) == (
        2,
        PlanStatus.DRAFT,
        old.id,
        old.plan_id,
    )
    assert (new.agreed_budget_pence, new.period_start, new.period_end) == (
        old.agreed_budget_pence,
        old.period_start,
        old.period_end,
    )
    assert new.frozen_sha256 is None
    assert [(g.key, g.wording_id, g.why_id, g.life_area_id, g.position) for g in new.goals] == [
        (g.key, g.wording_id, g.why_id, g.life_area_id, g.position) for g in old.goals
    ]
    assert [[(s.key, s.what_id, s.owner) for s in g.steps] for g in new.goals] == [
        [(s.key, s.what_id, s.owner) for s in g.steps] for g in old.goals
    ]
    assert {g.id for g in new.goals}.isdisjoint({g.id for g in old.goals})
    assert [
        (a.key, a.quantity, a.unit_price_pence, a.total_pence, [g.key for g in a.goals])
        for a in new.allocations
    ] == [
        (a.key, a.quantity, a.unit_price_pence, a.total_pence, [g.key for g in a.goals])
        for a in old.allocations
    ]
    assert [(d.key, d.text_id, d.goal.key if d.goal else None) for d in new.disagreements] == [
        (d.key, d.text_id, d.goal.key if d.goal else None) for d in old.disagreements
    ]
    assert all(d.goal is None or d.goal.version_id == new_id for d in new.disagreements)
    # now change the new draft in every way; the old version stays exactly as it was signed
    new_goal = next(g for g in new.goals if g.key == old.goals[0].key)
    edit_goal(
        world.db, world.team.key_worker, new_goal.id, GoalInput("See my kids every week", PERSON, "family")
    )
    remove_step(world.db, world.team.key_worker, new_goal.steps[0].id)
    release_allocation(world.db, world.team.key_worker, new.allocations[0].id)
    withdraw_disagreement(world.db, world.team.key_worker, new.disagreements[0].id)
    again = version_of(world.db, world.version_id)
    assert again.status == PlanStatus.ACTIVE
    assert still_as_signed(world.db, world.version_id)
    assert again.goals[0].wording.body == "I want my kids to see me well"
    assert len(again.goals[0].steps) == 2
    assert len(again.allocations) == 1
    assert len(again.disagreements) == 1
    assert filled.goal_id == again.goals[0].id


def test_only_one_draft_at_a_time(world: World) -> None:
    fill(world)
    bring_to(world, world.version_id, PlanStatus.APPROVED)
    draft = revise_plan(world.db, world.team.key_worker, world.version_id)
    with refused(world.db, InvalidTransition, "already has a new draft"):
        revise_plan(world.db, world.team.key_worker, world.version_id)
    with refused(world.db, InvalidTransition, "still a draft"):
        revise_plan(world.db, world.team.key_worker, draft)


def test_the_new_draft_does_not_take_items_of_the_version_it_came_from(world: World) -> None:
    filled = fill(world)
    bring_to(world, world.version_id, PlanStatus.ACTIVE)
    draft = revise_plan(world.db, world.team.key_worker, world.version_id)
    with refused(world.db, InvalidInput, "goal is not part of this version"):
        record_disagreement(world.db, world.team.key_worker, draft, "No", PERSON, goal_id=filled.goal_id)
    with refused(world.db, InvalidInput, "step is not part of this version"):
        record_disagreement(
            world.db, world.team.key_worker, draft, "No", PERSON, step_id=filled.person_step_id
        )
    with refused(world.db, InvalidInput, "service is not part of this version"):
        record_disagreement(
            world.db, world.team.key_worker, draft, "No", PERSON, allocation_id=filled.allocation_id
        )
    with refused(world.db, InvalidInput, "goal is not part of this version"):
        allocate(
            world.db,
            world.team.key_worker,
            draft,
            AllocationInput(Decimal("1"), (filled.goal_id,), service_id=world.service_id),
        )


def test_a_draft_is_changed_directly_not_revised(quick: World) -> None:
    with refused(quick.db, InvalidTransition, "still a draft"):
        revise_plan(quick.db, quick.team.key_worker, quick.version_id)


def test_a_closed_plan_is_not_revised(world: World) -> None:
    fill(world)
    bring_to(world, world.version_id, PlanStatus.ACTIVE)
    close_plan(world.db, world.team.manager, world.plan_id)
    with refused(world.db, InvalidTransition, "was closed"):
        revise_plan(world.db, world.team.key_worker, world.version_id)


def test_a_peer_mentor_cannot_revise(quick: World) -> None:
    fill(quick)
    bring_to(quick, quick.version_id, PlanStatus.AGREED)
    with refused(quick.db, PermissionDenied, "cannot revise plan"):
        revise_plan(quick.db, quick.team.peer_mentor, quick.version_id)


# --- progress -------------------------------------------------------------------------------


def test_progress_goes_on_the_current_version_only(world: World) -> None:
    filled = fill(world)
    bring_to(world, world.version_id, PlanStatus.ACTIVE)
    set_goal_status(world.db, world.team.key_worker, filled.goal_id, GoalStatus.UNDER_WAY)
    set_step_done(world.db, world.team.key_worker, filled.person_step_id, True)
    old = version_of(world.db, world.version_id)
    assert old.goals[0].status == GoalStatus.UNDER_WAY
    assert old.goals[0].steps[0].done is True
    assert still_as_signed(world.db, world.version_id)  # progress is not what was signed

    new_id = revise_plan(world.db, world.team.key_worker, world.version_id)
    new = version_of(world.db, new_id)
    assert new.goals[0].status == GoalStatus.UNDER_WAY
    assert new.goals[0].steps[0].done is True
    bring_to(world, new_id, PlanStatus.ACTIVE)
    assert status_of(world.db, world.version_id) == PlanStatus.SUPERSEDED
    with refused(world.db, InvalidTransition, "no longer current"):
        set_goal_status(world.db, world.team.key_worker, filled.goal_id, GoalStatus.ACHIEVED)
    with refused(world.db, InvalidTransition, "no longer current"):
        set_step_done(world.db, world.team.key_worker, filled.worker_step_id, True)

    set_goal_status(world.db, world.team.key_worker, new.goals[0].id, GoalStatus.ACHIEVED)
    close_plan(world.db, world.team.manager, world.plan_id)
    with refused(world.db, InvalidTransition, "no longer current"):
        set_goal_status(world.db, world.team.key_worker, new.goals[0].id, GoalStatus.STOPPED)
    with refused(world.db, InvalidTransition, "no longer current"):
        set_step_done(world.db, world.team.key_worker, new.goals[0].steps[0].id, False)


def test_a_peer_mentor_does_not_record_progress(quick: World) -> None:
    filled = fill(quick)
    with refused(quick.db, PermissionDenied, "cannot record progress"):
        set_goal_status(quick.db, quick.team.peer_mentor, filled.goal_id, GoalStatus.ACHIEVED)


# --- activating and closing -----------------------------------------------------------------


def test_only_an_approved_version_is_activated_and_it_supersedes_the_last(world: World) -> None:
    fill(world)
    with refused(world.db, InvalidTransition, "only an approved plan"):
        activate_plan(world.db, world.team.key_worker, world.version_id)
    agree(world, world.version_id)
    with refused(world.db, InvalidTransition, "only an approved plan"):
        activate_plan(world.db, world.team.key_worker, world.version_id)
    approve_plan(world.db, world.team.manager, world.version_id)
    activate_plan(world.db, world.team.key_worker, world.version_id)
    first = version_of(world.db, world.version_id)
    assert first.status == PlanStatus.ACTIVE
    assert first.activated_at is not None
    with refused(world.db, InvalidTransition, "only an approved plan"):
        activate_plan(world.db, world.team.key_worker, world.version_id)

    second_id = revise_plan(world.db, world.team.key_worker, world.version_id)
    bring_to(world, second_id, PlanStatus.APPROVED)
    assert status_of(world.db, world.version_id) == PlanStatus.ACTIVE  # until the new one starts
    activate_plan(world.db, world.team.key_worker, second_id)
    old, new = version_of(world.db, world.version_id), version_of(world.db, second_id)
    assert (old.status, new.status) == (PlanStatus.SUPERSEDED, PlanStatus.ACTIVE)
    assert old.ended_at is not None
    assert new.ended_at is None


def test_close_plan_is_for_managers_closes_every_open_version_and_only_once(world: World) -> None:
    fill(world)
    bring_to(world, world.version_id, PlanStatus.ACTIVE)
    draft_id = revise_plan(world.db, world.team.key_worker, world.version_id)
    with refused(world.db, PermissionDenied, "cannot close plan"):
        close_plan(world.db, world.team.key_worker, world.plan_id)
    close_plan(world.db, world.team.manager, world.plan_id)
    for version_id in (world.version_id, draft_id):
        version = version_of(world.db, version_id)
        assert version.status == PlanStatus.CLOSED
        assert version.ended_at is not None
    with refused(world.db, InvalidTransition, "already closed"):
        close_plan(world.db, world.team.manager, world.plan_id)
    with refused(world.db, FrozenVersion, "can no longer be changed"):
        add_goal(world.db, world.team.key_worker, draft_id, GROUP)


def test_closing_keeps_a_superseded_version_as_superseded(world: World) -> None:
    fill(world)
    bring_to(world, world.version_id, PlanStatus.ACTIVE)
    second = revise_plan(world.db, world.team.key_worker, world.version_id)
    bring_to(world, second, PlanStatus.ACTIVE)
    close_plan(world.db, world.team.manager, world.plan_id)
    assert status_of(world.db, world.version_id) == PlanStatus.SUPERSEDED
    assert status_of(world.db, second) == PlanStatus.CLOSED
    with world.db.session() as session:
        statuses = session.scalars(
            select(PlanVersion.status).where(PlanVersion.plan_id == world.plan_id)
        ).all()
    assert sorted(statuses) == ["closed", "superseded"]


def test_closing_a_plan_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "plan could not be found"):
        close_plan(quick.db, quick.team.manager, 31337)


def test_goal_rows_are_never_shared_between_versions(world: World) -> None:
    fill(world)
    bring_to(world, world.version_id, PlanStatus.APPROVED)
    new_id = revise_plan(world.db, world.team.key_worker, world.version_id)
    with world.db.session() as session:
        rows = session.execute(select(Goal.version_id, Goal.key)).all()
    assert sorted(v for v, _ in rows) == sorted([world.version_id] * 2 + [new_id] * 2)
    assert len({k for _, k in rows}) == 2
