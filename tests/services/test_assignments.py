"""Who works with a person: assigning a peer mentor, ending their work, handing the person on to
another key worker. Each is for a manager or the person's own key worker, audited on the person's
record with the member of staff it named, and shown by name in "Who has seen this"; bad input is
refused in one sentence with nothing written.

Dee is Sam's (key worker) and Chris's (peer mentor) in every world (tests/worlds.py).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, NotFound, OutsideCaseload, PermissionDenied
from careplan.domain.permissions import NOT_THEIR_KEY_WORKER
from careplan.domain.records import AuditEvent, Plan
from careplan.services import assignments, covering, people, record_access, workspace
from careplan.services.covering import Standing
from careplan.storage.database import Database
from tests.stored import audit_count, snapshot
from tests.worlds import World, add_member, build_world, register


@pytest.fixture
def world(sqlite_db: Database) -> World:
    return build_world(sqlite_db)


def last_event(db: Database) -> AuditEvent:
    with db.session() as session:
        event = session.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))
    assert event is not None
    return event


def seen_by_manager(db: Database, world: World) -> list[str]:
    return [e.what for e in record_access.record_access(db, world.team.manager, world.person_id)]


def test_who_works_with_dee_and_what_each_may_change(sqlite_db: Database, world: World) -> None:
    db, team = sqlite_db, world.team
    kim = add_member(db, team, "kim", Role.KEY_WORKER)
    robin = add_member(db, team, "robin", Role.PEER_MENTOR)
    seen = assignments.who_works_with(db, team.key_worker, world.person_id)
    assert seen.key_worker is not None
    assert seen.key_worker.label == "Sam Keyworker (sam)"
    assert [m.label for m in seen.peer_mentors] == ["Chris Mentor (chris)"]
    assert seen.may_change
    # Handed on to: every active key worker and manager but Sam; assigned: peer mentors not yet.
    assert {c.staff_id for c in seen.key_worker_choices} == {kim.staff_id, team.manager.staff_id}
    assert [c.staff_id for c in seen.peer_mentor_choices] == [robin.staff_id]
    assert assignments.who_works_with(db, team.manager, world.person_id).may_change
    mentor_view = assignments.who_works_with(db, team.peer_mentor, world.person_id)
    assert not mentor_view.may_change
    assert mentor_view.key_worker_choices == mentor_view.peer_mentor_choices == ()
    with pytest.raises(OutsideCaseload) as refused:
        assignments.who_works_with(db, kim, world.person_id)
    assert refused.value.person_id == world.person_id
    covering.cover_for_colleague(db, kim, world.person_id, "Sam is off today")
    covered = assignments.who_works_with(db, kim, world.person_id)
    assert not covered.may_change
    assert covered.key_worker_choices == ()


def test_assigning_a_peer_mentor_puts_the_person_on_their_caseload_and_is_seen(
    sqlite_db: Database, world: World
) -> None:
    db, team = sqlite_db, world.team
    robin = add_member(db, team, "robin", Role.PEER_MENTOR)
    assert covering.record_standing(db, robin, world.person_id).standing is Standing.OUTSIDE
    assignments.assign_peer_mentor(db, team.key_worker, world.person_id, robin.staff_id)
    event = last_event(db)
    assert (event.action, event.entity, event.entity_id, event.person_id) == (
        "assign",
        "peer_mentor",
        robin.staff_id,
        world.person_id,
    )
    assert event.staff_id == team.key_worker.staff_id
    workspace.open_person(db, robin, world.person_id)
    assert "Made Robin Extra a peer mentor of the person" in seen_by_manager(db, world)


def test_ending_a_peer_mentors_work_takes_the_person_off_their_caseload(
    sqlite_db: Database, world: World
) -> None:
    db, team = sqlite_db, world.team
    chris = team.peer_mentor
    workspace.open_person(db, chris, world.person_id)
    assignments.end_peer_mentor(db, team.key_worker, world.person_id, chris.staff_id)
    event = last_event(db)
    assert (event.action, event.entity, event.entity_id, event.person_id) == (
        "end",
        "peer_mentor",
        chris.staff_id,
        world.person_id,
    )
    with pytest.raises(OutsideCaseload):
        workspace.open_person(db, chris, world.person_id)
    assert assignments.who_works_with(db, team.key_worker, world.person_id).peer_mentors == ()
    assert "Ended Chris Mentor's work with the person as peer mentor" in seen_by_manager(db, world)


def test_handing_the_person_on_to_another_key_worker(sqlite_db: Database, world: World) -> None:
    db, team = sqlite_db, world.team
    kim = add_member(db, team, "kim", Role.KEY_WORKER)
    assignments.change_key_worker(db, team.key_worker, world.person_id, kim.staff_id)
    event = last_event(db)
    assert (event.action, event.entity, event.entity_id, event.person_id) == (
        "change",
        "key_worker",
        kim.staff_id,
        world.person_id,
    )
    assert workspace.load_person(db, kim, world.person_id).key_worker == "Kim Extra"
    # Sam handed Dee on: she is Kim's now, not his (he may cover for Kim like anyone else).
    assert covering.record_standing(db, team.key_worker, world.person_id).standing is Standing.OUTSIDE
    with pytest.raises(OutsideCaseload):
        workspace.load_person(db, team.key_worker, world.person_id)
    # The plan keeps the key worker who started it: their name is part of what was signed.
    with db.session() as session:
        plan = session.get(Plan, world.plan_id)
        assert plan is not None
        assert plan.key_worker_id == team.key_worker.staff_id
    assert "Handed the person on to Kim Extra as key worker" in seen_by_manager(db, world)
    # Kim, Dee's key worker now, may hand her on again; Sam may not take her back.
    with pytest.raises(PermissionDenied, match="Only this person's key worker or a manager"):
        assignments.change_key_worker(db, team.key_worker, world.person_id, team.key_worker.staff_id)
    assignments.change_key_worker(db, kim, world.person_id, team.key_worker.staff_id)


def test_a_manager_may_give_someone_with_no_key_worker_one_but_a_key_worker_may_not(
    sqlite_db: Database, world: World
) -> None:
    db, team = sqlite_db, world.team
    marek = register(db, team.manager, "Marek")  # a manager registers: no key worker
    before = snapshot(db)
    with pytest.raises(PermissionDenied, match="Only this person's key worker or a manager"):
        assignments.change_key_worker(db, team.key_worker, marek, team.key_worker.staff_id)
    with pytest.raises(PermissionDenied, match="cannot change a person's key worker"):
        assignments.change_key_worker(db, team.peer_mentor, marek, team.key_worker.staff_id)
    assert snapshot(db) == before
    assignments.change_key_worker(db, team.manager, marek, team.key_worker.staff_id)
    workspace.open_person(db, team.key_worker, marek)


@pytest.mark.parametrize(
    ("what", "phrase", "kind"),
    [
        ("assign Chris again", "is this person's peer mentor already", InvalidInput),
        ("assign a key worker as peer mentor", "is not an active peer mentor", InvalidInput),
        ("assign a member of staff who left", "is not an active peer mentor", InvalidInput),
        ("assign nobody", "peer mentor could not be found", NotFound),
        ("end a peer mentor who is not theirs", "is not this person's peer mentor", InvalidInput),
        ("end nobody", "peer mentor could not be found", NotFound),
        ("hand on to Sam, already theirs", "is this person's key worker already", InvalidInput),
        ("hand on to a peer mentor", "cannot be a key worker", InvalidInput),
        ("hand on to nobody", "key worker could not be found", NotFound),
        ("hand on somebody who is not there", "person could not be found", NotFound),
    ],
)
def test_bad_input_is_one_sentence_and_nothing_is_written(
    sqlite_db: Database, world: World, what: str, phrase: str, kind: type[Exception]
) -> None:
    db, team = sqlite_db, world.team
    sam, dee = team.key_worker, world.person_id
    robin = add_member(db, team, "robin", Role.PEER_MENTOR)
    leaver = add_member(db, team, "leaver", Role.PEER_MENTOR)
    from careplan.services import staff

    staff.deactivate_staff(db, team.administrator, leaver.staff_id)
    attempts = {
        "assign Chris again": lambda: assignments.assign_peer_mentor(db, sam, dee, team.peer_mentor.staff_id),
        "assign a key worker as peer mentor": lambda: assignments.assign_peer_mentor(
            db, sam, dee, sam.staff_id
        ),
        "assign a member of staff who left": lambda: assignments.assign_peer_mentor(
            db, sam, dee, leaver.staff_id
        ),
        "assign nobody": lambda: assignments.assign_peer_mentor(db, sam, dee, 9999),
        "end a peer mentor who is not theirs": lambda: assignments.end_peer_mentor(
            db, sam, dee, robin.staff_id
        ),
        "end nobody": lambda: assignments.end_peer_mentor(db, sam, dee, 9999),
        "hand on to Sam, already theirs": lambda: assignments.change_key_worker(db, sam, dee, sam.staff_id),
        "hand on to a peer mentor": lambda: assignments.change_key_worker(db, sam, dee, robin.staff_id),
        "hand on to nobody": lambda: assignments.change_key_worker(db, sam, dee, 9999),
        "hand on somebody who is not there": lambda: assignments.change_key_worker(
            db, sam, 4242, sam.staff_id
        ),
    }
    before, events = snapshot(db), audit_count(db)
    with pytest.raises(kind) as refused:
        attempts[what]()
    message = str(refused.value)
    assert phrase in message
    assert message.count(". ") <= 1
    assert "\n" not in message
    assert snapshot(db) == before
    assert audit_count(db) == events


def test_changing_the_key_worker_through_the_persons_details_follows_the_same_rule(
    sqlite_db: Database, world: World
) -> None:
    db, team = sqlite_db, world.team
    kim = add_member(db, team, "kim", Role.KEY_WORKER)
    covering.cover_for_colleague(db, kim, world.person_id, "Sam is off today")
    details = people.PersonDetails("Dee", "Dee Walsh", key_worker_id=kim.staff_id)
    before = snapshot(db)
    with pytest.raises(PermissionDenied) as refused:
        people.update_person(db, kim, world.person_id, details)  # covering: may edit, not take her
    assert refused.value.message == NOT_THEIR_KEY_WORKER
    assert snapshot(db) == before
    people.update_person(db, kim, world.person_id, replace(details, key_worker_id=None))  # the rest: yes


def test_a_person_is_found_by_their_reference(sqlite_db: Database, world: World) -> None:
    db, team = sqlite_db, world.team
    reference = workspace.load_person(db, team.key_worker, world.person_id).reference
    kim = add_member(db, team, "kim", Role.KEY_WORKER)
    # Everyone who sees the people list sees every reference: finding one opens nothing.
    assert assignments.person_with_reference(db, kim, f"  {reference} ") == world.person_id
    with pytest.raises(NotFound, match="Nobody has the reference “CP-NOBODY”"):
        assignments.person_with_reference(db, kim, "CP-NOBODY")
    with pytest.raises(InvalidInput, match="reference"):
        assignments.person_with_reference(db, kim, "CP-\udcff")
    with pytest.raises(PermissionDenied):
        assignments.person_with_reference(db, team.administrator, reference)


@pytest.mark.parametrize(
    ("reason", "hours", "phrase"),
    [
        ("   ", None, "say why"),
        ("x" * 501, None, "under 500 characters"),
        ("Sam\x07 is off", None, "reason"),
        ("\u200b", None, "only invisible characters"),
        ("Sam is off", 0, "between 1 and 72 hours"),
        ("Sam is off", 73, "between 1 and 72 hours"),
    ],
)
def test_a_cover_that_could_not_be_made_is_refused_before_anything_is_read(
    reason: str, hours: int | None, phrase: str
) -> None:
    with pytest.raises(InvalidInput, match=phrase):
        covering.check_cover(reason, hours)


def test_a_good_cover_reason_is_kept_trimmed() -> None:
    assert covering.check_cover("  Sam is off today \n", 4) == "Sam is off today"
