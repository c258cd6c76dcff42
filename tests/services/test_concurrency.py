"""Two workstations saving the same record: nothing is ever overwritten silently.

A workstation is its own ``open_database(database_url)``: its own engine and connections, on the
same database file or server, exactly as two PCs in an office would have.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import GoalStatus, PlanStatus, SignerKind, StepOwner
from careplan.domain.errors import CareplanError, ConflictError
from careplan.domain.permissions import Action
from careplan.domain.records import AboutMeEntry, Goal, Person, Plan, PlanVersion, Signature
from careplan.services import budget, people, plans, signing
from careplan.services.audit import verify_chain
from careplan.services.unit_of_work import unit_of_work
from careplan.storage.database import Database
from careplan.storage.opener import open_database
from tests.stored import audit_count, person_revision, plan_revision, snapshot
from tests.worlds import (
    CANARY,
    STANDARD_ANSWERS,
    World,
    build_world,
    goal,
    step,
    typed_signature,
    version_sha256,
)

PLAN_CONFLICT = "Someone else saved changes to this plan since you opened it. Nothing was overwritten."
PERSON_CONFLICT = "Someone else changed this person's details since you opened them. Nothing was overwritten."


@pytest.fixture
def other(database_url: str, db: Database) -> Iterator[Database]:
    """A second workstation on the same database as ``db``."""
    second = open_database(database_url)
    yield second
    second.dispose()


def period_of(db: Database, version_id: int) -> tuple[date | None, date | None]:
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        return version.period_start, version.period_end


def goal_count(db: Database, version_id: int) -> int:
    with db.session() as session:
        return int(
            session.scalar(select(func.count()).select_from(Goal).where(Goal.version_id == version_id)) or 0
        )


def assert_plain(error: CareplanError, phrase: str) -> None:
    assert phrase in error.message
    assert "revision" not in error.message.lower()
    assert "StaleDataError" not in error.message


# --- stale readings, caught by expected_revision --------------------------------------------


def test_second_workstation_saving_a_stale_plan_gets_a_conflict(db: Database, other: Database) -> None:
    world = build_world(db)
    kw = world.team.key_worker
    seen_by_a = plan_revision(db, world.plan_id)
    seen_by_b = plan_revision(other, world.plan_id)
    assert seen_by_a == seen_by_b

    plans.set_period(
        db, kw, world.version_id, date(2025, 2, 1), date(2026, 1, 31), expected_revision=seen_by_a
    )
    goals_before = goal_count(db, world.version_id)
    events_before = audit_count(db)

    with pytest.raises(ConflictError) as conflict:
        plans.add_goal(other, kw, world.version_id, goal(f"B's goal {CANARY}"), expected_revision=seen_by_b)
    assert_plain(conflict.value, PLAN_CONFLICT)
    assert period_of(other, world.version_id) == (date(2025, 2, 1), date(2026, 1, 31))  # A's change
    assert goal_count(db, world.version_id) == goals_before  # B's change is not there
    assert audit_count(db) == events_before

    # B reloads, sees A's change, and saves again: now it goes in.
    fresh = plan_revision(other, world.plan_id)
    assert fresh > seen_by_b
    plans.add_goal(other, kw, world.version_id, goal(f"B's goal {CANARY}"), expected_revision=fresh)
    assert goal_count(db, world.version_id) == goals_before + 1


def stale_plan_saves(world: World, db: Database, revision: int) -> dict[str, Callable[[], Any]]:
    """Every kind of plan change, each made from a stale reading of the plan."""
    kw, manager = world.team.key_worker, world.team.manager
    goal_id, step_id, version_id = world.plan.goal_ids[0], world.plan.step_ids[0], world.version_id
    old: dict[str, Any] = {"expected_revision": revision}
    return {
        "set_period": lambda: plans.set_period(db, kw, version_id, date(2025, 3, 1), None, **old),
        "add_goal": lambda: plans.add_goal(db, kw, version_id, goal("New goal"), **old),
        "edit_goal": lambda: plans.edit_goal(db, kw, goal_id, goal("Reworded"), **old),
        "remove_goal": lambda: plans.remove_goal(db, kw, goal_id, **old),
        "move_goal": lambda: plans.move_goal(db, kw, goal_id, 1, **old),
        "add_step": lambda: plans.add_step(db, kw, goal_id, step("Another step"), **old),
        "edit_step": lambda: plans.edit_step(db, kw, step_id, step("Changed", owner=StepOwner.PERSON), **old),
        "remove_step": lambda: plans.remove_step(db, kw, step_id, **old),
        "set_goal_status": lambda: plans.set_goal_status(db, kw, goal_id, GoalStatus.ACHIEVED, **old),
        "set_step_done": lambda: plans.set_step_done(db, kw, step_id, True, **old),
        "record_disagreement": lambda: plans.record_disagreement(db, kw, version_id, "No", PERSON, **old),
        "assess_budget": lambda: budget.assess_budget(db, kw, version_id, STANDARD_ANSWERS, **old),
        "set_agreed_budget": lambda: budget.set_agreed_budget(db, kw, version_id, Decimal("900.00"), **old),
        "change_allocation": lambda: budget.change_allocation(
            db, kw, world.allocation_id, Decimal("2"), (goal_id,), **old
        ),
        "release_allocation": lambda: budget.release_allocation(db, kw, world.allocation_id, **old),
        "allocate": lambda: budget.allocate(
            db,
            kw,
            version_id,
            budget.AllocationInput(quantity=Decimal("1"), goal_ids=(goal_id,), service_id=world.service_id),
            **old,
        ),
        "sign_plan": lambda: signing.sign_plan(
            db,
            kw,
            version_id,
            typed_signature(SignerKind.PERSON, version_sha256(db, version_id)),
            **old,
        ),
        "close_plan": lambda: plans.close_plan(db, manager, world.plan_id, **old),
    }


def test_every_plan_change_from_a_stale_reading_is_refused(db: Database, other: Database) -> None:
    world = build_world(db)
    stale = plan_revision(other, world.plan_id)
    plans.set_goal_status(db, world.team.key_worker, world.plan.goal_ids[1], GoalStatus.UNDER_WAY)
    after_a = snapshot(db)
    for name, save in stale_plan_saves(world, other, stale).items():
        with pytest.raises(ConflictError) as conflict:
            save()
        assert_plain(conflict.value, PLAN_CONFLICT)
        assert snapshot(db) == after_a, f"{name} from a stale reading changed the record"


def test_frozen_plan_changes_from_a_stale_reading_are_refused(db: Database, other: Database) -> None:
    world = build_world(db, stage=PlanStatus.AGREED)
    manager = world.team.manager
    stale = plan_revision(other, world.plan_id)
    plans.set_step_done(db, world.team.key_worker, world.plan.step_ids[0], True)  # A records progress
    after_a = snapshot(db)
    for save in (
        lambda: signing.approve_plan(other, manager, world.version_id, expected_revision=stale),
        lambda: plans.revise_plan(other, manager, world.version_id, expected_revision=stale),
    ):
        with pytest.raises(ConflictError, match="Someone else saved changes to this plan"):
            save()
        assert snapshot(db) == after_a
    signing.approve_plan(
        other, manager, world.version_id, expected_revision=plan_revision(other, world.plan_id)
    )
    assert snapshot(db) != after_a


# --- the same row changed by two sessions: SQLAlchemy's version counter -------------------------


def test_two_sessions_changing_the_same_plan_row_second_flush_is_stale(db: Database, other: Database) -> None:
    world = build_world(db)
    with other.session() as session_b:
        plan_b = session_b.get(Plan, world.plan_id)  # B shows the plan on screen...
        assert plan_b is not None
        session_b.commit()  # ...and its read is over; the object keeps what B saw
        read_revision = plan_b.revision

        plans.set_period(db, world.team.key_worker, world.version_id, date(2025, 4, 1), None)  # A saves
        saved_by_a = snapshot(db)

        plan_b.key_worker_id = world.team.manager.staff_id  # B changes the same row
        with pytest.raises(StaleDataError):
            session_b.commit()
        session_b.rollback()
    assert plan_revision(db, world.plan_id) == read_revision + 1  # only A's save counted
    assert snapshot(db) == saved_by_a


def test_unit_of_work_turns_a_stale_row_into_a_plain_conflict(db: Database, other: Database) -> None:
    world = build_world(db)
    with other.session() as session_b:
        plan_b = session_b.get(Plan, world.plan_id)
        assert plan_b is not None
    # The session is closed: plan_b is detached, holding B's reading.
    plans.set_period(db, world.team.key_worker, world.version_id, date(2025, 4, 1), None)
    saved_by_a = snapshot(db)

    def save_what_b_read() -> None:
        with unit_of_work(other, world.team.key_worker, Action.EDIT_PLAN) as work:
            work.session.add(plan_b)
            plan_b.updated_at = work.now
            work.audit("update", "plan", plan_b, ("updated_at",))

    with pytest.raises(ConflictError) as conflict:
        save_what_b_read()
    assert "Someone else saved changes to this record at the same time" in conflict.value.message
    assert isinstance(conflict.value.__cause__, StaleDataError)
    assert snapshot(db) == saved_by_a  # nothing of B's, not even its audit event
    with db.session() as session:
        assert verify_chain(session).intact


def test_two_workstations_saving_at_once_take_turns(db: Database, other: Database) -> None:
    """Without expected_revision, both saves happen one after the other and both are kept."""
    world = build_world(db)
    kw = world.team.key_worker
    start = plan_revision(db, world.plan_id)
    goals_before = goal_count(db, world.version_id)
    rounds = 4
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def workstation(database: Database, label: str) -> None:
        try:
            for i in range(rounds):
                barrier.wait(timeout=30)
                plans.add_goal(database, kw, world.version_id, goal(f"{label} goal {i}", voice=STAFF))
        except BaseException as exc:  # reported below, in the test's own thread
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=workstation, args=(d, n)) for d, n in ((db, "A"), (other, "B"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert goal_count(db, world.version_id) == goals_before + 2 * rounds
    assert plan_revision(db, world.plan_id) == start + 2 * rounds
    with db.session() as session:
        report = verify_chain(session)
        assert report.intact
        positions = session.scalars(
            select(Goal.position).where(Goal.version_id == world.version_id).order_by(Goal.position)
        ).all()
    assert positions == list(range(goals_before + 2 * rounds))


def test_two_workstations_racing_from_the_same_reading_one_wins(db: Database, other: Database) -> None:
    """Both read revision r, both save at the same moment: exactly one save goes in."""
    world = build_world(db)
    kw = world.team.key_worker
    seen = plan_revision(db, world.plan_id)
    barrier = threading.Barrier(2)
    outcomes: dict[str, BaseException | None] = {}
    amounts = {"A": Decimal("700.00"), "B": Decimal("800.00")}

    def workstation(database: Database, label: str) -> None:
        barrier.wait(timeout=30)
        try:
            budget.set_agreed_budget(database, kw, world.version_id, amounts[label], expected_revision=seen)
            outcomes[label] = None
        except BaseException as exc:
            outcomes[label] = exc

    threads = [threading.Thread(target=workstation, args=(d, n)) for d, n in ((db, "A"), (other, "B"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    winners = [label for label, error in outcomes.items() if error is None]
    losers = [error for error in outcomes.values() if error is not None]
    assert len(winners) == 1, outcomes
    assert len(losers) == 1
    assert isinstance(losers[0], ConflictError), repr(losers[0])
    with db.session() as session:
        version = session.get(PlanVersion, world.version_id)
        assert version is not None
        assert version.agreed_budget_pence == int(amounts[winners[0]] * 100)
    assert plan_revision(db, world.plan_id) == seen + 1


# --- people ---------------------------------------------------------------------------------


def about_me(db: Database, person_id: int) -> dict[str, str]:
    with db.session() as session:
        entries = session.scalars(select(AboutMeEntry).where(AboutMeEntry.person_id == person_id)).all()
        return {e.topic: e.text.body for e in entries}


def test_person_edits_from_a_stale_reading_are_refused(db: Database, other: Database) -> None:
    world = build_world(db)
    kw, mentor = world.team.key_worker, world.team.peer_mentor
    seen = person_revision(other, world.person_id)

    people.write_about_me(
        db, kw, world.person_id, "hopes", "A flat and my kids", PERSON, expected_revision=seen
    )
    saved_by_a = snapshot(db)

    with pytest.raises(ConflictError) as conflict:
        people.write_about_me(
            other, mentor, world.person_id, "hopes", "A car", PERSON, expected_revision=seen
        )
    assert_plain(conflict.value, PERSON_CONFLICT)
    with pytest.raises(ConflictError):
        people.update_person(
            other,
            kw,
            world.person_id,
            people.PersonDetails(preferred_name="Deirdre", full_name="Deirdre Example"),
            expected_revision=seen,
        )
    with pytest.raises(ConflictError):
        people.set_substances(
            other, kw, world.person_id, [people.SubstanceEntry("crack")], expected_revision=seen
        )
    assert snapshot(db) == saved_by_a
    assert about_me(db, world.person_id)["hopes"] == "A flat and my kids"
    with db.session() as session:
        person = session.get(Person, world.person_id)
        assert person is not None
        assert person.preferred_name == "Dee"

    fresh = person_revision(other, world.person_id)
    people.update_person(
        other,
        kw,
        world.person_id,
        people.PersonDetails(preferred_name="Deirdre", full_name="Deirdre Example"),
        expected_revision=fresh,
    )
    assert person_revision(db, world.person_id) == fresh + 1


def test_two_sessions_changing_the_same_person_row_second_flush_is_stale(
    db: Database, other: Database
) -> None:
    world = build_world(db)
    with other.session() as session_b:
        person_b = session_b.get(Person, world.person_id)
        assert person_b is not None
        session_b.commit()
        people.update_person(
            db,
            world.team.key_worker,
            world.person_id,
            people.PersonDetails(preferred_name="Dee", full_name="Dee Changed-by-A"),
        )
        person_b.full_name = "Dee Changed-by-B"
        with pytest.raises(StaleDataError):
            session_b.commit()
    with db.session() as session:
        person = session.get(Person, world.person_id)
        assert person is not None
        assert person.full_name == "Dee Changed-by-A"


# --- signing what was shown ------------------------------------------------------------------


def signatures(db: Database, version_id: int) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(Signature).where(Signature.version_id == version_id)
            )
            or 0
        )


def test_signing_refuses_a_plan_that_changed_after_it_was_shown(db: Database, other: Database) -> None:
    world = build_world(db)
    kw = world.team.key_worker
    shown = version_sha256(other, world.version_id)  # B shows the plan for signing

    plans.edit_goal(db, kw, world.plan.goal_ids[0], goal("I want to see my kids every week"))  # A edits
    changed = snapshot(db)
    with pytest.raises(ConflictError) as conflict:
        signing.sign_plan(other, kw, world.version_id, typed_signature(SignerKind.PERSON, shown))
    assert_plain(conflict.value, "The plan changed after it was shown for signing. Please read it again")
    assert snapshot(db) == changed
    assert signatures(db, world.version_id) == 0

    reread = version_sha256(other, world.version_id)
    assert reread != shown
    signing.sign_plan(other, kw, world.version_id, typed_signature(SignerKind.PERSON, reread))
    assert signatures(db, world.version_id) == 1


def test_signing_refuses_when_about_me_changed_after_it_was_shown(db: Database, other: Database) -> None:
    world = build_world(db)
    kw = world.team.key_worker
    shown = version_sha256(other, world.version_id)
    people.write_about_me(db, kw, world.person_id, "support", "My sister", PERSON)
    with pytest.raises(ConflictError, match="changed after it was shown"):
        signing.sign_plan(other, kw, world.version_id, typed_signature(SignerKind.KEY_WORKER, shown))
    assert signatures(db, world.version_id) == 0


def test_a_signature_from_before_a_change_does_not_count_towards_agreement(db: Database) -> None:
    """Person signs, then the plan changes and the key worker signs the new one: not agreed yet."""
    world = build_world(db)
    kw = world.team.key_worker
    first = version_sha256(db, world.version_id)
    assert signing.sign_plan(db, kw, world.version_id, typed_signature(SignerKind.PERSON, first)) == "draft"
    plans.add_step(db, kw, world.plan.goal_ids[1], step("Visit the housing office"))
    second = version_sha256(db, world.version_id)
    assert second != first
    status = signing.sign_plan(db, kw, world.version_id, typed_signature(SignerKind.KEY_WORKER, second))
    assert status == PlanStatus.DRAFT
    status = signing.sign_plan(db, kw, world.version_id, typed_signature(SignerKind.PERSON, second))
    assert status == PlanStatus.AGREED
