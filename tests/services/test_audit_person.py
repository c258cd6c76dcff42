"""Audit events name the person they are about (migration 0006): removed items stay visible in
"Who has seen this", the person is covered by the hash from 0006 on, and older events (hashed
without it) are filled in by the migration and still verify. Both engines (``db``)."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from careplan import demo
from careplan.domain.actor import PERSON
from careplan.domain.enums import PlanStatus
from careplan.domain.records import AuditEvent, AuditHead
from careplan.services import assignments, budget, plans, record_access
from careplan.services.audit import (
    GENESIS,
    PERSON_ENTITIES,
    TEAM_ENTITIES,
    legacy_event_hash,
    person_of,
    verify_chain,
)
from careplan.services.audit_anchors import verify_audit_trail
from careplan.storage.database import Database
from careplan.storage.migrate import MIGRATIONS, alembic_config
from tests.worlds import CANARY, World, allocate, assess, build_world, draft_plan, goal, register, step


def chain_intact(db: Database) -> bool:
    with db.session() as session:
        return verify_chain(session).intact


def person_column(db: Database) -> dict[int, int | None]:
    with db.session() as session:
        return {seq: person for seq, person in session.execute(select(AuditEvent.id, AuditEvent.person_id))}


def add_and_remove_everything(db: Database, world: World, person_id: int, version_id: int) -> None:
    """A goal with a step, a service for it and a note of disagreement, each added, changed (the
    goal), then taken out again: the rows are gone, their events are not."""
    kw, mentor = world.team.key_worker, world.team.peer_mentor
    goal_id = plans.add_goal(db, kw, version_id, goal(f"Learn to drive {CANARY}"))
    plans.edit_goal(db, kw, goal_id, goal(f"Learn to drive a van {CANARY}"))
    step_id = plans.add_step(db, kw, goal_id, step(f"Book a lesson {CANARY}"))
    allocation_id = allocate(db, kw, version_id, world.service_id, goal_id, "1")
    note_id = plans.record_disagreement(db, mentor, version_id, f"Too soon {CANARY}", PERSON, goal_id=goal_id)
    plans.withdraw_disagreement(db, mentor, note_id)
    plans.remove_step(db, kw, step_id)
    budget.release_allocation(db, kw, allocation_id)
    plans.remove_goal(db, kw, goal_id)


REMOVED_STORY = [  # newest first, as "Who has seen this" lists it
    ("Sam Keyworker (key worker)", "Took out a goal"),
    ("Sam Keyworker (key worker)", "Took out a chosen service"),
    ("Sam Keyworker (key worker)", "Took out a step"),
    ("Chris Mentor (peer mentor)", "Took out a note of \u201cI don't agree\u201d"),
    ("Chris Mentor (peer mentor)", "Noted \u201cI don't agree\u201d"),
    ("Sam Keyworker (key worker)", "Chose a service"),
    ("Sam Keyworker (key worker)", "Added a step"),
    ("Sam Keyworker (key worker)", "Changed a goal"),
    ("Sam Keyworker (key worker)", "Added a goal"),
]


def test_removed_items_still_show_with_who_did_it_and_only_for_their_person(db: Database) -> None:
    world = build_world(db)
    kw = world.team.key_worker
    other = register(db, kw, "Marek")
    # Chris mentors Marek too (as he does Dee): the same story, told by the same people.
    assignments.assign_peer_mentor(db, kw, other, world.team.peer_mentor.staff_id)
    other_plan = draft_plan(db, kw, other)
    assess(db, kw, other_plan.version_id)
    # The same story for both people, interleaved, so that ids and moments are close together.
    add_and_remove_everything(db, world, world.person_id, world.version_id)
    add_and_remove_everything(db, world, other, other_plan.version_id)

    for person in (world.person_id, other):
        seen = record_access.record_access(db, world.team.manager, person)
        assert [(e.who, e.what) for e in seen[: len(REMOVED_STORY)]] == REMOVED_STORY
    mine = record_access.record_access(db, world.team.manager, world.person_id)
    theirs = record_access.record_access(db, world.team.manager, other)
    assert not {e.seq for e in mine} & {e.seq for e in theirs}
    column = person_column(db)
    assert {column[e.seq] for e in mine} == {world.person_id}
    assert {column[e.seq] for e in theirs} == {other}
    # Everything from before (the plan, its goals, budget, service) is still there too.
    assert {"Added the person to Careplan", "Started a plan", "Worked out the budget"} <= {
        e.what for e in mine
    }
    assert chain_intact(db)
    assert verify_audit_trail(db, world.team.manager).intact


def test_every_event_names_the_person_whose_record_it_is_and_no_one_else(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.ACTIVE)
    kw = world.team.key_worker
    plans.revise_plan(db, kw, world.version_id)
    other = register(db, kw, "Jordan")
    draft_plan(db, kw, other)
    with db.session() as session:
        rows = session.execute(
            select(AuditEvent.entity, AuditEvent.entity_id, AuditEvent.person_id, AuditEvent.action)
        ).all()
        checked = 0
        for entity, entity_id, person_id, action in rows:
            if entity not in PERSON_ENTITIES:
                assert person_id is None, (entity, action)  # staff, catalogue, settings
                continue
            assert person_id in (world.person_id, other), (entity, action)
            found = person_of(session, entity, entity_id)
            if found is not None:
                assert person_id == found, (entity, entity_id)
                checked += 1
    assert checked > 20
    assert {r.entity for r in rows} >= {"plan", "plan_version", "goal", "step", "signature", "review"}


# --- the hash covers the person -------------------------------------------------------------------


def test_tampering_with_the_person_of_a_new_event_is_found(db: Database) -> None:
    world = build_world(db)
    about_dee = max(seq for seq, person in person_column(db).items() if person == world.person_id)
    staff_event = min(seq for seq, person in person_column(db).items() if person is None)
    for statement, seq in (
        ("UPDATE audit_events SET person_id = person_id + 1 WHERE id = :id", about_dee),
        ("UPDATE audit_events SET person_id = NULL WHERE id = :id", about_dee),
        ("UPDATE audit_events SET person_id = 1 WHERE id = :id", staff_event),
    ):
        before = person_column(db)[seq]
        with db.engine.begin() as conn:
            conn.execute(text(statement), {"id": seq})
        with db.session() as session:
            report = verify_chain(session)
        assert (report.intact, report.first_broken) == (False, seq), statement
        assert report.problem == f"event {seq} was changed after it was written"
        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE audit_events SET person_id = :p WHERE id = :id"), {"p": before, "id": seq}
            )
        assert chain_intact(db)


# --- events from before 0006 ----------------------------------------------------------------------


def as_written_before_0006(db: Database, upto: int | None = None) -> None:
    """Rewrite the trail (or its first ``upto`` events) as Careplan wrote it before 0006: no person,
    hashes without one; events after ``upto`` are hashed again in the new form, chained on."""
    from careplan.services.audit import event_hash

    with db.session() as session, session.begin():
        prev = GENESIS
        for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            values: list[Any] = [
                event.id,
                event.at,
                event.staff_id,
                event.action,
                event.entity,
                event.entity_id,
                list(event.fields),
                prev,
            ]
            event.prev_hash = prev
            if upto is None or event.id <= upto:
                event.person_id = None
                event.hash = legacy_event_hash(*values)
            else:
                event.hash = event_hash(*values, person_id=event.person_id)
            prev = event.hash
        head = session.get(AuditHead, 1)
        assert head is not None
        head.last_hash = prev


def down_revision() -> str:
    found = ScriptDirectory(str(MIGRATIONS)).get_revision("0006")
    assert found is not None
    assert isinstance(found.down_revision, str)
    return found.down_revision


def test_the_upgrade_fills_in_older_events_and_the_trail_still_verifies(db: Database) -> None:
    world = build_world(db)
    removed = plans.add_goal(db, world.team.key_worker, world.version_id, goal("Gone before the upgrade"))
    plans.remove_goal(db, world.team.key_worker, removed)
    as_they_were = person_column(db)
    as_written_before_0006(db)
    assert chain_intact(db)
    assert set(person_column(db).values()) == {None}

    config = alembic_config(db)
    command.downgrade(config, down_revision())
    db.engine.dispose()
    command.upgrade(config, "head")

    filled = person_column(db)
    with db.session() as session:
        gone = set(
            session.scalars(
                select(AuditEvent.id).where(AuditEvent.entity == "goal", AuditEvent.entity_id == removed)
            )
        )
        # Who works with a person names a member of staff, not a record of the person's: such
        # events came after 0006 (their person is written by the use case), none were there to fill.
        team = set(session.scalars(select(AuditEvent.id).where(AuditEvent.entity.in_(TEAM_ENTITIES))))
    assert len(gone) == 2  # added, taken out: before 0006, nothing says whose it was
    assert len(team) == 1  # Chris became Dee's peer mentor
    assert {filled[seq] for seq in gone | team} == {None}
    assert filled == {seq: (None if seq in gone | team else person) for seq, person in as_they_were.items()}
    assert chain_intact(db)
    seen = record_access.record_access(db, world.team.manager, world.person_id)
    assert {"Added the person to Careplan", "Added a goal", "Chose a service"} <= {e.what for e in seen}
    assert "Took out a goal" not in {e.what for e in seen}

    # Later events are in the new form; their person is covered, the older events' is not.
    plans.add_goal(db, world.team.key_worker, world.version_id, goal("After the upgrade"))
    assert chain_intact(db)
    newest = max(filled) + 1
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET person_id = 999 WHERE id = 3"))
    assert chain_intact(db)  # documented: an older event's person is an index, not hashed
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET person_id = 999 WHERE id = :id"), {"id": newest})
    with db.session() as session:
        assert verify_chain(session).first_broken == newest


def test_a_new_event_cannot_be_passed_off_as_an_old_one(db: Database) -> None:
    build_world(db)
    events = max(person_column(db))
    as_written_before_0006(db, upto=10)
    assert chain_intact(db)  # old events, then new ones: an upgraded database
    with db.session() as session, session.begin():
        # A forger rewrites event 14 in the old form (without its person), chained on properly.
        event = session.get(AuditEvent, 14)
        assert event is not None
        event.hash = legacy_event_hash(
            event.id,
            event.at,
            event.staff_id,
            event.action,
            event.entity,
            event.entity_id,
            list(event.fields),
            event.prev_hash,
        )
    with db.session() as session:
        report = verify_chain(session)
    assert (report.intact, report.first_broken) == (False, 14)
    assert events > 14


# --- the demo's bulk builder ----------------------------------------------------------------------


def test_the_demo_builder_names_the_person_of_each_event_and_the_trail_verifies(db: Database) -> None:
    demo.generate(db, people=6)
    with db.session() as session:
        assert verify_chain(session).intact
        rows = session.execute(
            select(AuditEvent.entity, AuditEvent.entity_id, AuditEvent.person_id, AuditEvent.action)
        ).all()
        checked = 0
        for entity, entity_id, person_id, action in rows:
            if entity not in PERSON_ENTITIES:
                assert person_id is None, (entity, action)
                continue
            assert person_id is not None, (entity, action)
            found = person_of(session, entity, entity_id)
            if found is not None:
                assert person_id == found, (entity, entity_id, action)
                checked += 1
    assert checked > 100
    people_named = {r.person_id for r in rows if r.person_id is not None}
    assert len(people_named) == 6
