"""Reading a workspace costs a fixed number of SQL statements, however big the plan.

Not a timing test: it counts the statements ``load_version`` and ``load_person`` send (SQLAlchemy's
``before_cursor_execute``), for a plan of 2 goals and one of 10, each goal with a reason, steps,
money, "I don't agree" notes, and words from the person and from two members of staff. A lazy load
left behind (one more statement per goal, step, note or author) makes the bigger plan cost more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import event

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import Naloxone, PlanStatus, Role, SafetyPart, StepOwner
from careplan.services import covering, people, plans, signing, staying_safe, workspace
from careplan.storage.database import Database
from tests import worlds

# A plan read in one go: the session's own reads, the version, its plan and the lists under it.
# Generous on purpose: the point is that it does not grow with the plan (asserted below).
MOST_STATEMENTS = 16


@dataclass(frozen=True)
class Plan:
    reader: Actor
    person_id: int
    version_id: int


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _plan(db: Database, goals: int, *, stage: PlanStatus, team: worlds.Team | None = None) -> Plan:
    """A person with ``goals`` goals, each with a reason, two steps, money and notes on each."""
    team = team or worlds.make_team(db)
    other = worlds.add_member(db, team, f"kw{goals}{stage.value}", Role.KEY_WORKER)
    worker = team.key_worker
    person_id = worlds.register(db, worker, f"Dee{goals}", about_me=f"Settled {worlds.CANARY}")
    covering.cover_for_colleague(db, other, person_id, "Sam is on leave", hours=2)  # words of a colleague
    people.write_about_me(db, other, person_id, "going_well", f"Kind {worlds.CANARY}", STAFF)
    shape = [
        (
            worlds.goal(
                f"Goal {n} {worlds.CANARY}",
                voice=PERSON if n % 2 else STAFF,
                life_area="housing" if n % 2 else "family",
                why=f"Because {n} {worlds.CANARY}",
            ),
            (
                worlds.step(f"First {n} {worlds.CANARY}"),
                worlds.step(f"Second {n} {worlds.CANARY}", voice=PERSON, owner=StepOwner.PERSON),
            ),
        )
        for n in range(goals)
    ]
    draft = worlds.draft_plan(db, worker, person_id, shape)
    service_id = worlds.catalogue_service(db, team.manager, provider=f"Provider {goals}{stage.value}")
    worlds.assess(db, worker, draft.version_id)
    allocations = [
        worlds.allocate(db, worker, draft.version_id, service_id, goal_id, "1") for goal_id in draft.goal_ids
    ]
    plans.record_disagreement(db, worker, draft.version_id, f"Whole plan {worlds.CANARY}", PERSON)
    for goal_id in draft.goal_ids:
        plans.record_disagreement(
            db, other, draft.version_id, f"Goal {worlds.CANARY}", STAFF, goal_id=goal_id
        )
    for step_id in draft.step_ids:
        plans.record_disagreement(
            db, worker, draft.version_id, f"Step {worlds.CANARY}", PERSON, step_id=step_id
        )
    for allocation_id in allocations:
        plans.record_disagreement(
            db, worker, draft.version_id, f"Money {worlds.CANARY}", PERSON, allocation_id=allocation_id
        )
    # A staying-safe plan in both voices, with someone to call for each goal.
    for part, writer, voice in zip(SafetyPart, (worker, other, worker), (PERSON, STAFF, PERSON), strict=True):
        staying_safe.write_part(db, writer, draft.version_id, part, f"Safe {worlds.CANARY}", voice)
    for n in range(goals):
        writer, voice = (worker, PERSON) if n % 2 else (other, STAFF)
        contact = staying_safe.ContactInput(f"Friend {n} {worlds.CANARY}", f"07700 900{n:03d}", voice)
        staying_safe.add_contact(db, writer, draft.version_id, contact)
    staying_safe.set_naloxone(db, other, draft.version_id, Naloxone.HELD, f"Bag {worlds.CANARY}", STAFF)
    if stage is not PlanStatus.DRAFT:
        worlds.sign_both(db, worker, draft.version_id)
        signing.approve_plan(db, team.manager, draft.version_id)
    return Plan(worker, person_id, draft.version_id)


def _statements(db: Database, read: Callable[[], object]) -> int:
    read()  # once first: a new engine's first connection asks the server about itself
    with counted(db) as statements:
        read()
    return len(statements)


@pytest.mark.parametrize("stage", [PlanStatus.DRAFT, PlanStatus.APPROVED])
def test_loading_a_version_costs_the_same_for_2_goals_as_for_10(db: Database, stage: PlanStatus) -> None:
    team = worlds.make_team(db)
    small = _plan(db, 2, stage=stage, team=team)
    big = _plan(db, 10, stage=stage, team=team)
    view = workspace.load_version(db, big.reader, big.version_id)
    assert len(view.goals) == 10
    assert len(view.allocations) == 10
    assert len(view.disagreements) == 1 + 10 + 20 + 10
    assert {g.wording.author.label for g in view.goals} == {"Dee10's words", "Sam Keyworker (key worker)"}
    assert len(view.staying_safe.contacts) == 10
    assert view.staying_safe.naloxone_where is not None

    few = _statements(db, lambda: workspace.load_version(db, small.reader, small.version_id))
    many = _statements(db, lambda: workspace.load_version(db, big.reader, big.version_id))
    assert few == many, f"{few} statements for 2 goals, {many} for 10"
    assert many <= MOST_STATEMENTS


def test_the_newest_version_in_one_read_costs_the_same_for_2_goals_as_for_10(db: Database) -> None:
    team = worlds.make_team(db)
    small = _plan(db, 2, stage=PlanStatus.DRAFT, team=team)
    big = _plan(db, 10, stage=PlanStatus.DRAFT, team=team)
    newest = workspace.load_current_version(db, big.reader, big.person_id)
    assert newest == workspace.load_version(db, big.reader, big.version_id)

    few = _statements(db, lambda: workspace.load_current_version(db, small.reader, small.person_id))
    many = _statements(db, lambda: workspace.load_current_version(db, big.reader, big.person_id))
    assert few == many, f"{few} statements for 2 goals, {many} for 10"
    assert many <= MOST_STATEMENTS


def test_the_newest_version_of_someone_with_no_plan_is_none(db: Database) -> None:
    team = worlds.make_team(db)
    person_id = worlds.register(db, team.key_worker)
    assert workspace.load_current_version(db, team.key_worker, person_id) is None


def test_loading_a_person_costs_the_same_for_one_answer_as_for_many(db: Database) -> None:
    team = worlds.make_team(db)
    other = worlds.add_member(db, team, "kw2", Role.KEY_WORKER)
    one = worlds.register(db, team.key_worker, "Ash", about_me=f"Calm {worlds.CANARY}")
    many = worlds.register(db, team.key_worker, "Bo", about_me=f"Calm {worlds.CANARY}")
    covering.cover_for_colleague(db, other, many, "Sam is on leave", hours=2)  # words of a colleague
    for topic, who in (("going_well", other), ("treatment", team.key_worker), ("support", other)):
        people.write_about_me(db, who, many, topic, f"Words {worlds.CANARY}", STAFF)
    view = workspace.load_person(db, team.key_worker, many)
    assert len(view.about_me) == 4

    few_statements = _statements(db, lambda: workspace.load_person(db, team.key_worker, one))
    many_statements = _statements(db, lambda: workspace.load_person(db, team.key_worker, many))
    assert few_statements == many_statements, f"{few_statements} for one answer, {many_statements} for four"
