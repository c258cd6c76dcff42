"""Opening a record leaves one audit event; a manager sees who opened or changed a person's record;
what a person agreed to share, read back. Runs on both engines where it matters (``db``)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from careplan.domain.actor import PERSON
from careplan.domain.enums import GoalStatus, PlanStatus, ReviewKind, Role
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from careplan.domain.records import AuditEvent
from careplan.services import consent, people, plans, record_access, reviews, workspace
from careplan.services.record_access import OPENED, WORDS, describe
from careplan.storage.database import Database
from tests.refusals import refused
from tests.stored import audit_count, snapshot
from tests.worlds import CANARY, build_world, draft_plan, goal, register, utc_today


def last_event(db: Database) -> AuditEvent:
    with db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event is not None
    return event


# --- opening a record -----------------------------------------------------------------------


def test_opening_a_record_writes_exactly_one_event_and_reading_it_again_writes_none(db: Database) -> None:
    world = build_world(db)
    mentor = world.team.peer_mentor
    before = audit_count(db)
    opened = workspace.open_person(db, mentor, world.person_id)
    assert opened == workspace.load_person(db, mentor, world.person_id)
    assert audit_count(db) == before + 1
    event = last_event(db)
    assert (event.staff_id, event.action, event.entity, event.entity_id, event.fields) == (
        mentor.staff_id,
        "open",
        "person",
        world.person_id,
        [],
    )
    for _ in range(3):  # F5, a reload after a change: the record is already open
        workspace.load_person(db, mentor, world.person_id)
    assert audit_count(db) == before + 1


def test_opening_is_refused_without_a_trace(db: Database) -> None:
    world = build_world(db)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        workspace.open_person(db, world.team.administrator, world.person_id)
    with pytest.raises(NotFound):
        workspace.open_person(db, world.team.key_worker, 987_654)
    assert snapshot(db) == before


# --- who has seen this ----------------------------------------------------------------------


def test_a_manager_sees_who_opened_and_changed_the_record_newest_first(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.ACTIVE)
    team = world.team
    workspace.open_person(db, team.peer_mentor, world.person_id)
    people.write_about_me(db, team.peer_mentor, world.person_id, "support", f"My nan {CANARY}", PERSON)
    plans.set_goal_status(db, team.key_worker, world.plan.goal_ids[0], GoalStatus.UNDER_WAY)
    plans.set_step_done(db, team.key_worker, world.plan.step_ids[1], True)
    consent_id = consent.record_consent(db, team.key_worker, world.person_id, "My plan", "My GP", utc_today())
    consent.withdraw_consent(db, team.key_worker, consent_id, utc_today())
    reviews.schedule_review(db, team.key_worker, world.plan_id, ReviewKind.EARLY, utc_today())
    workspace.open_person(db, team.manager, world.person_id)

    seen = record_access.record_access(db, team.manager, world.person_id)
    assert [e.seq for e in seen] == sorted((e.seq for e in seen), reverse=True)
    newest = [(e.staff_name, e.role, e.what, e.opened) for e in seen[:8]]
    assert newest == [
        ("Priya Manager", "manager", OPENED, True),
        ("Sam Keyworker", "key worker", "Set a review date", False),
        ("Sam Keyworker", "key worker", "Recorded that the person stopped agreeing to share", False),
        ("Sam Keyworker", "key worker", "Recorded what the person agrees to share", False),
        ("Sam Keyworker", "key worker", "Ticked a step done or not done", False),
        ("Sam Keyworker", "key worker", "Recorded progress on a goal", False),
        ("Chris Mentor", "peer mentor", "Changed About me", False),
        ("Chris Mentor", "peer mentor", OPENED, True),
    ]
    whats = {e.what for e in seen}
    # Earlier: registering, the plan, its goals and steps, budget, service, signatures, approval.
    for expected in (
        "Added the person to Careplan",
        "Started a plan",
        "Started a version of the plan",
        "Added a goal",
        "Added a step",
        "Worked out the budget",
        "Chose a service",
        "Recorded a signature",
        "The plan was agreed (both signed)",
        "Approved the plan",
        "Put the plan into action",
    ):
        assert expected in whats, expected
    assert seen[-1].what == "Added the person to Careplan"
    assert all(CANARY not in f"{e.what}{e.staff_name}" for e in seen)


def test_only_this_persons_record_is_shown(db: Database) -> None:
    world = build_world(db)
    kw = world.team.key_worker
    other = register(db, kw, "Marek")
    other_plan = draft_plan(db, kw, other)
    workspace.open_person(db, kw, other)
    plans.add_goal(db, kw, other_plan.version_id, goal(f"Driving lessons {CANARY}"))
    consent.record_consent(db, kw, other, "Plan", "Probation", utc_today())
    mine = record_access.record_access(db, world.team.manager, world.person_id)
    theirs = record_access.record_access(db, world.team.manager, other)
    assert not {e.seq for e in mine} & {e.seq for e in theirs}
    assert [e.what for e in theirs][:3] == [
        "Recorded what the person agrees to share",
        "Added a goal",
        OPENED,
    ]
    with db.session() as session:
        not_about_anyone = set(
            session.scalars(
                select(AuditEvent.id).where(
                    AuditEvent.entity.in_(("staff", "provider", "service", "life_area", "setting"))
                )
            )
        )
    assert not_about_anyone
    assert not {e.seq for e in mine + theirs} & not_about_anyone


def test_a_staff_member_to_filter_by_keeps_their_current_name_and_role(db: Database) -> None:
    world = build_world(db)
    team = world.team
    workspace.open_person(db, team.key_worker, world.person_id)
    from careplan.services import staff

    staff.change_role(db, team.administrator, team.key_worker.staff_id, Role.MANAGER)
    [newest, *_] = record_access.record_access(db, team.manager, world.person_id)
    assert (newest.who, newest.opened) == ("Sam Keyworker (manager)", True)


@pytest.mark.parametrize("role", [Role.KEY_WORKER, Role.PEER_MENTOR, Role.ADMINISTRATOR])
def test_only_managers_may_see_who_has_seen_a_record(db: Database, role: Role) -> None:
    world = build_world(db)
    with refused(db, PermissionDenied, "cannot"):
        record_access.record_access(db, world.team.as_role(role), world.person_id)


def test_asking_about_nobody_says_so(db: Database) -> None:
    world = build_world(db)
    with refused(db, NotFound, "could not be found"):
        record_access.record_access(db, world.team.manager, 987_654)


def test_every_kind_of_change_has_plain_words() -> None:
    assert describe("update", "goal", ["position"]) == "Moved a goal"
    assert describe("update", "goal", ["wording"]) == "Changed a goal"
    assert describe("frobnicate", "plan_version") == "Frobnicate plan version"
    assert describe("issue_agreement", "plan_version", ["full", "printed"]) == "Printed the agreement"
    assert describe("issue_agreement", "plan_version", ["easy_read", "saved"]) == (
        "Saved the signed agreement as a PDF"
    )
    assert describe("issue_agreement", "plan_version", ["full"]) == "Made the agreement document"  # older
    for (action, entity), words in WORDS.items():
        assert words[0].isupper() or words.startswith("\u201c"), (action, entity)
        assert "_" not in words


# --- consent -----------------------------------------------------------------------------------


def test_consents_read_back_current_first_then_newest(db: Database) -> None:
    world = build_world(db)
    kw, person = world.team.key_worker, world.person_id
    today = utc_today()
    old = consent.record_consent(db, kw, person, "My plan", "My GP", today - timedelta(days=30))
    newer = consent.record_consent(db, kw, person, "My  drug   use", " Probation ", today - timedelta(days=3))
    gone = consent.record_consent(db, kw, person, "Everything", "My mum", today - timedelta(days=10))
    consent.withdraw_consent(db, kw, gone, today)
    listed = consent.consents_for(db, world.team.peer_mentor, person)
    assert [(c.id, c.current) for c in listed] == [(newer, True), (old, True), (gone, False)]
    assert (listed[0].what, listed[0].with_whom, listed[0].recorded_by) == (
        "My drug use",
        "Probation",
        "Sam Keyworker",
    )
    assert listed[2].withdrawn_on == today
    assert consent.consents_for(db, kw, register(db, kw, "Jordan")) == []


def test_consent_refusals_change_nothing(db: Database) -> None:
    world = build_world(db)
    kw, person = world.team.key_worker, world.person_id
    today = utc_today()
    given = consent.record_consent(db, kw, person, "My plan", "My GP", today - timedelta(days=2))
    with refused(db, InvalidInput, "not come yet"):
        consent.withdraw_consent(db, kw, given, today + timedelta(days=1))
    with refused(db, InvalidInput, "before it was given"):
        consent.withdraw_consent(db, kw, given, today - timedelta(days=3))
    with refused(db, InvalidInput, "say what"):
        consent.record_consent(db, kw, person, "   ", "My GP", today)
    with refused(db, InvalidInput, "who it may be shared"):
        consent.record_consent(db, kw, person, "My plan", "", today)
    with refused(db, PermissionDenied, "cannot"):
        consent.record_consent(db, world.team.peer_mentor, person, "My plan", "My GP", today)
    consent.withdraw_consent(db, kw, given, today)
    with refused(db, InvalidTransition, "already withdrawn"):
        consent.withdraw_consent(db, kw, given, today)
    with refused(db, NotFound, "could not be found"):
        consent.consents_for(db, kw, 987_654)
    with refused(db, PermissionDenied, "cannot"):
        consent.consents_for(db, world.team.administrator, person)
