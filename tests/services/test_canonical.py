"""The canonical form of a plan version: what people sign, and what a paper copy is checked against.

Same content must give the same bytes and SHA-256 on any machine and either engine; anything that
was signed must change the fingerprint; progress, timestamps and re-reading must not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import AuthorKind, GoalStatus, PlanStatus, Role, ServiceUnit, StepOwner
from careplan.domain.records import (
    Allocation,
    AuthoredText,
    Goal,
    Plan,
    PlanVersion,
    Service,
    StaffMember,
    Step,
)
from careplan.services import (
    budget,
    catalogue,
    configuration,
    covering,
    people,
    plans,
    signing,
    staff,
    workspace,
)
from careplan.services.canonical import SCHEMA, canonical_bytes, canonical_plan, plan_sha256
from careplan.storage.database import Database
from careplan.storage.opener import open_database
from tests import pg_server
from tests.stored import version_status
from tests.worlds import (
    SERVICE_PRICE,
    STANDARD_ANSWERS,
    World,
    add_member,
    build_world,
    catalogue_service,
    goal,
    make_team,
    register,
    sign_both,
    step,
    version_sha256,
)


def canonical_of(db: Database, version_id: int) -> tuple[dict[str, Any], bytes]:
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        data = canonical_plan(version)
        return data, canonical_bytes(data)


def frozen_sha256(db: Database, version_id: int) -> str | None:
    with db.session() as session:
        return session.scalar(select(PlanVersion.frozen_sha256).where(PlanVersion.id == version_id))


# --- the form ---------------------------------------------------------------------------------


def all_keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from all_keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from all_keys(inner)


def test_canonical_json_is_sorted_compact_utf8_and_round_trips(db: Database) -> None:
    world = build_world(db)
    kw = world.team.key_worker
    polish = "Chcę zrobić prawo jazdy — żeby mieć stałą pracę"
    people.write_about_me(db, kw, world.person_id, "what_matters", "Mes enfants, l'été «ensemble»", PERSON)
    plans.add_goal(db, kw, world.version_id, goal(polish, life_area="time"))
    data, raw = canonical_of(db, world.version_id)

    # UTF-8 as written, never \u escapes; and the bytes read back to the same data.
    assert polish.encode("utf-8") in raw
    assert "l'été «ensemble»".encode() in raw
    assert b"\\u" not in raw
    assert json.loads(raw.decode("utf-8")) == data

    # Keys sorted at every level, no insignificant whitespace: the bytes are a fixed point.
    def sorted_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert keys == sorted(keys), keys
        return dict(pairs)

    parsed = json.loads(raw, object_pairs_hook=sorted_pairs)
    again = json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert again == raw
    assert b"\n" not in raw

    # Only what the plan says: no ids, statuses, timestamps, progress or signatures.
    keys = set(all_keys(data))
    assert not keys & {"id", "status", "done", "created_at", "updated_at", "revision", "signatures"}
    assert data["schema"] == SCHEMA
    allocation = data["budget"]["allocations"][0]
    assert allocation["quantity"] == "4.00"
    assert allocation["unit_price_pence"] == 2500
    assert allocation["total_pence"] == 10000
    assert data["budget"]["indicative_pence"] == 125000
    assert isinstance(data["budget"]["indicative_pence"], int)


def test_plan_sha256_is_the_sha256_of_the_canonical_bytes(db: Database) -> None:
    world = build_world(db)
    _data, raw = canonical_of(db, world.version_id)
    assert version_sha256(db, world.version_id) == hashlib.sha256(raw).hexdigest()


# --- what must not change the fingerprint -------------------------------------------------------


def test_fingerprint_ignores_progress_timestamps_and_reading_again(db: Database, database_url: str) -> None:
    world = build_world(db)
    kw = world.team.key_worker
    first = version_sha256(db, world.version_id)
    volatile: list[tuple[str, Callable[[], object]]] = [
        ("goal status", lambda: plans.set_goal_status(db, kw, world.plan.goal_ids[0], GoalStatus.ACHIEVED)),
        ("step done", lambda: plans.set_step_done(db, kw, world.plan.step_ids[1], True)),
        ("someone else registered", lambda: register(db, kw, "Jordan")),
        ("catalogue price changed", lambda: _reprice_service(db, world)),
        ("plan timestamps", lambda: _touch_timestamps(db, world)),
        (
            "re-signed nothing, just opened the workspace",
            lambda: workspace.load_version(db, kw, world.version_id),
        ),
    ]
    for what, change in volatile:
        change()
        assert version_sha256(db, world.version_id) == first, what

    # Two sessions reading at once, and a workstation that opens the database afresh.
    with db.session() as one, db.session() as two:
        v1, v2 = one.get(PlanVersion, world.version_id), two.get(PlanVersion, world.version_id)
        assert v1 is not None
        assert v2 is not None
        assert plan_sha256(v1) == plan_sha256(v2) == first
    reopened = open_database(database_url)
    try:
        assert version_sha256(reopened, world.version_id) == first
        assert workspace.load_version(reopened, kw, world.version_id).sha256 == first
    finally:
        reopened.dispose()


def _reprice_service(db: Database, world: World) -> None:
    """The catalogue price goes up; the plan keeps the price that was copied when money was set aside."""
    with db.session() as session:
        service = session.get(Service, world.service_id)
        assert service is not None
        provider_id = service.provider_id
    catalogue.update_service(
        db,
        world.team.manager,
        world.service_id,
        catalogue.ServiceInput(
            provider_id=provider_id,
            name="Peer mentoring",
            category="peer support",
            description="Dearer now.",
            unit=ServiceUnit.SESSION,
            unit_price=SERVICE_PRICE + Decimal("5.00"),
        ),
    )


def _touch_timestamps(db: Database, world: World) -> None:
    later = datetime(2031, 1, 1, tzinfo=UTC)
    with db.session() as session, session.begin():
        session.execute(
            update(PlanVersion).where(PlanVersion.id == world.version_id).values(created_at=later)
        )
        plan = session.get(Plan, world.plan_id)
        assert plan is not None
        plan.updated_at = later


# --- what must change it ----------------------------------------------------------------------


def test_every_change_to_signed_content_changes_the_fingerprint(db: Database) -> None:
    world = build_world(db)
    kw, mentor, manager = world.team.key_worker, world.team.peer_mentor, world.team.manager
    g0, g1 = world.plan.goal_ids
    s0, s1 = world.plan.step_ids
    first_wording = "I want my kids to see me well"
    changes: list[tuple[str, Callable[[], object]]] = [
        ("goal wording", lambda: plans.edit_goal(db, kw, g0, goal(first_wording))),
        (
            "same words, now in the worker's voice",
            lambda: _reauthor_goal(db, g0, kw),
        ),
        (
            "same words, another member of staff",
            lambda: _reauthor_goal(db, g0, mentor),
        ),
        (
            "goal life area",
            lambda: plans.edit_goal(db, kw, g0, goal(first_wording, voice=STAFF, life_area="money")),
        ),
        ("goal order", lambda: plans.move_goal(db, kw, g1, 0)),
        (
            "step owner",
            lambda: plans.edit_step(db, kw, s0, step("Ring the family centre", owner=StepOwner.SERVICE)),
        ),
        (
            "step owner detail",
            lambda: plans.edit_step(db, kw, s0, _step_for("Ring the family centre", "GP surgery")),
        ),
        ("step removed", lambda: plans.remove_step(db, kw, s1)),
        (
            "allocation quantity",
            lambda: budget.change_allocation(db, kw, world.allocation_id, Decimal("5"), (g0,)),
        ),
        (
            "allocation goals",
            lambda: budget.change_allocation(db, kw, world.allocation_id, Decimal("5"), (g0, g1)),
        ),
        ("agreed budget", lambda: budget.set_agreed_budget(db, kw, world.version_id, Decimal("1000.00"))),
        (
            "agreed budget by a penny",
            lambda: budget.set_agreed_budget(db, kw, world.version_id, Decimal("1000.01")),
        ),
        ("indicative budget", lambda: budget.assess_budget(db, kw, world.version_id, _answers(legal="yes"))),
        (
            "disagreement added",
            lambda: plans.record_disagreement(db, kw, world.version_id, "I don't agree", PERSON),
        ),
        (
            "About me before freezing",
            lambda: people.write_about_me(db, kw, world.person_id, "hopes", "A flat", PERSON),
        ),
        (
            "substances",
            lambda: people.set_substances(db, kw, world.person_id, [people.SubstanceEntry("alcohol")]),
        ),
        ("period", lambda: plans.set_period(db, kw, world.version_id, date(2025, 2, 1), date(2026, 1, 31))),
        ("another goal", lambda: plans.add_goal(db, manager, world.version_id, goal("Driving licence"))),
    ]
    seen = {version_sha256(db, world.version_id): "start"}
    for what, change in changes:
        change()
        sha = version_sha256(db, world.version_id)
        assert sha not in seen, f"{what} left the fingerprint as it was after {seen.get(sha)}"
        seen[sha] = what


def _reauthor_goal(db: Database, goal_id: int, author: Actor) -> None:
    """The goal's words, unchanged, but written by ``author`` (set directly: the use cases keep
    the author of words nobody changed)."""
    with db.session() as session, session.begin():
        row = session.get(Goal, goal_id)
        writer = session.get(StaffMember, author.staff_id)
        assert row is not None
        assert writer is not None
        row.wording = AuthoredText(
            body=row.wording.body,
            author_kind=AuthorKind.STAFF,
            staff_id=writer.id,
            author_role=writer.role,
            recorded_by_id=writer.id,
            written_at=datetime.now(UTC),
        )


def _step_for(what: str, detail: str) -> plans.StepInput:
    return plans.StepInput(what=what, voice=STAFF, owner=StepOwner.SERVICE, owner_detail=detail)


def _answers(**changed: str) -> dict[str, str]:
    return {**STANDARD_ANSWERS, **changed}


# --- frozen versions --------------------------------------------------------------------------


def test_a_frozen_version_keeps_its_fingerprint_when_about_me_changes_later(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.AGREED)
    kw = world.team.key_worker
    agreed = version_sha256(db, world.version_id)
    assert frozen_sha256(db, world.version_id) == agreed

    people.write_about_me(db, kw, world.person_id, "hopes", "Something new, after signing", PERSON)
    people.set_substances(db, kw, world.person_id, [people.SubstanceEntry("cannabis", how_often="daily")])
    assert version_sha256(db, world.version_id) == agreed
    data, _raw = canonical_of(db, world.version_id)
    assert "Something new" not in json.dumps(data)

    signing.approve_plan(db, world.team.manager, world.version_id)  # still matches what was signed
    assert version_status(db, world.version_id) is PlanStatus.APPROVED


def test_the_old_version_keeps_its_fingerprint_while_the_new_one_is_edited(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.ACTIVE)
    kw = world.team.key_worker
    agreed = version_sha256(db, world.version_id)
    new_id = plans.revise_plan(db, kw, world.version_id)
    assert version_sha256(db, new_id) != agreed  # a different version number, at least

    with db.session() as session:
        new_goals = session.scalars(
            select(Goal.id).where(Goal.version_id == new_id).order_by(Goal.position)
        ).all()
        new_steps = session.scalars(
            select(Step.id).join(Goal).where(Goal.version_id == new_id).order_by(Goal.position, Step.position)
        ).all()
        new_allocation = session.scalar(select(Allocation.id).where(Allocation.version_id == new_id))
    assert new_allocation is not None
    plans.edit_goal(db, kw, new_goals[0], goal("See my kids every weekend"))
    plans.edit_step(db, kw, new_steps[0], step("Ring on Mondays", owner=StepOwner.PERSON))
    plans.remove_goal(db, kw, new_goals[1])
    budget.change_allocation(db, kw, new_allocation, Decimal("8"), (new_goals[0],))
    budget.set_agreed_budget(db, kw, new_id, Decimal("600.00"))
    plans.record_disagreement(db, kw, new_id, "Not group work", PERSON, goal_id=new_goals[0])
    people.write_about_me(db, kw, world.person_id, "hopes", "Moved on", PERSON)

    assert version_sha256(db, world.version_id) == agreed == frozen_sha256(db, world.version_id)


def test_frozen_fingerprint_survives_renaming_a_life_area(db: Database) -> None:
    """BUG: canonical_plan reads the life area's *current* name, so renaming it alters signed plans."""
    world = build_world(db, stage=PlanStatus.AGREED)
    agreed = version_sha256(db, world.version_id)
    configuration.rename_life_area(db, world.team.administrator, "family", "Family and the people I love")
    assert version_sha256(db, world.version_id) == agreed
    signing.approve_plan(db, world.team.manager, world.version_id)


def test_frozen_fingerprint_survives_the_person_changing_the_name_they_use(db: Database) -> None:
    """BUG: canonical_plan reads the person's *current* preferred name, not the one on the agreement."""
    world = build_world(db, stage=PlanStatus.AGREED)
    agreed = version_sha256(db, world.version_id)
    people.update_person(
        db,
        world.team.key_worker,
        world.person_id,
        people.PersonDetails(preferred_name="Deirdre", full_name="Deirdre Example"),
    )
    assert version_sha256(db, world.version_id) == agreed
    signing.approve_plan(db, world.team.manager, world.version_id)


# --- a golden version: the canonical form must not drift unnoticed ------------------------------

GOLDEN_QUESTIONNAIRE = {
    "name": "Golden questionnaire",
    "method": "price_per_point",
    "price_per_point": "100.00",
    "questions": [
        {
            "key": "q1",
            "text": "How are things?",
            "answers": [
                {"key": "hard", "text": "Hard", "points": 4},
                {"key": "ok", "text": "OK", "points": 1},
            ],
        }
    ],
}

PLAN_KEY, ALLOCATION_KEY = "goldplan", "alloc1"
GOAL_KEYS, STEP_KEYS = ("goal1", "goal2"), ("step11", "step12")


def build_golden(db: Database) -> int:
    """Zoë's plan, with fixed keys. Returns the version id."""
    team = make_team(db)
    kw = team.key_worker
    budget.set_questionnaire(db, team.administrator, json.dumps(GOLDEN_QUESTIONNAIRE))
    person = people.register_person(
        db, kw, people.PersonDetails(preferred_name="Zoë", full_name="Zoë Golden", reference="CP-GOLD01")
    )
    people.write_about_me(db, kw, person, "hopes", "Voir mes enfants, l'été prochain", PERSON)
    people.set_substances(db, kw, person, [people.SubstanceEntry("methadone", "oral", "daily", "60ml")])
    version = plans.start_plan(db, kw, person, period_start=date(2025, 1, 6), period_end=date(2026, 1, 5))
    g1 = plans.add_goal(
        db,
        kw,
        version.version_id,
        plans.GoalInput(
            "Zobaczyć dzieci",
            PERSON,
            "family",
            why="Contact is going well",
            why_voice=STAFF,
            target_date=date(2025, 6, 30),
        ),
    )
    plans.add_step(
        db, kw, g1, plans.StepInput("Ring the centre", PERSON, StepOwner.PERSON, due_date=date(2025, 2, 1))
    )
    plans.add_step(db, kw, g1, plans.StepInput("Book the room", STAFF, StepOwner.SERVICE, "Family centre"))
    plans.add_goal(db, kw, version.version_id, plans.GoalInput("Stable housing", STAFF, "housing"))
    service = catalogue_service(db, team.manager)
    budget.assess_budget(db, kw, version.version_id, {"q1": "hard"})
    budget.allocate(
        db,
        kw,
        version.version_id,
        budget.AllocationInput(quantity=Decimal("4"), goal_ids=(g1,), service_id=service),
    )
    budget.set_agreed_budget(db, kw, version.version_id, Decimal("300.00"))
    plans.record_disagreement(db, kw, version.version_id, "I don't agree to group work", PERSON, goal_id=g1)
    plans.record_disagreement(db, kw, version.version_id, "Worried about the hostel", STAFF)
    _fix_keys(db, version.version_id)
    return version.version_id


def _fix_keys(db: Database, version_id: int) -> None:
    with db.session() as session, session.begin():
        version = session.get(PlanVersion, version_id)
        assert version is not None
        version.plan.key = PLAN_KEY
        for goal_row, key in zip(version.goals, GOAL_KEYS, strict=True):
            goal_row.key = key
        for step_row, key in zip(version.goals[0].steps, STEP_KEYS, strict=True):
            step_row.key = key
        version.allocations[0].key = ALLOCATION_KEY


def _sam(text: str) -> dict[str, Any]:
    return {"text": text, "author": {"kind": "staff", "name": "Sam Keyworker", "role": "key_worker"}}


def _person(text: str) -> dict[str, Any]:
    return {"text": text, "author": {"kind": "person"}}


GOLDEN_EXPECTED: dict[str, Any] = {
    "schema": "careplan.plan-version/1",
    "plan": "goldplan",
    "version": 1,
    "person": {"reference": "CP-GOLD01", "preferred_name": "Zoë"},
    "key_worker": "Sam Keyworker",
    "period": {"start": "2025-01-06", "end": "2026-01-05"},
    "about_me": {
        "answers": {"hopes": _person("Voir mes enfants, l'été prochain")},
        "substances": [{"substance": "methadone", "how": "oral", "how_often": "daily", "amount": "60ml"}],
    },
    "goals": [
        {
            "key": "goal1",
            "life_area": "Family and relationships",
            "wording": _person("Zobaczyć dzieci"),
            "why": _sam("Contact is going well"),
            "target_date": "2025-06-30",
            "steps": [
                {
                    "key": "step11",
                    "what": _person("Ring the centre"),
                    "who": "person",
                    "who_detail": None,
                    "by": "2025-02-01",
                },
                {
                    "key": "step12",
                    "what": _sam("Book the room"),
                    "who": "service",
                    "who_detail": "Family centre",
                    "by": None,
                },
            ],
        },
        {
            "key": "goal2",
            "life_area": "Where I live",
            "wording": _sam("Stable housing"),
            "why": None,
            "target_date": None,
            "steps": [],
        },
    ],
    "budget": {
        "indicative_pence": 40000,
        "working": {
            "questionnaire": "Golden questionnaire",
            "lines": [{"question": "How are things?", "answer": "Hard", "points": 4}],
            "points": 4,
            "amount_pence": 40000,
            "summary": "Your answers came to 4 points × £100.00 = £400.00",
        },
        "agreed_pence": 30000,
        "allocations": [
            {
                "key": "alloc1",
                "description": "Peer mentoring",
                "category": "peer support",
                "unit": "session",
                "quantity": "4.00",
                "unit_price_pence": 2500,
                "total_pence": 10000,
                "goals": ["goal1"],
                "period": {"start": "2025-01-06", "end": "2026-01-05"},
                "override_reason": None,
            }
        ],
    },
    "disagreements": [
        {"about": {"goal": "goal1"}, "note": _person("I don't agree to group work")},
        {"about": {"plan": "goldplan"}, "note": _sam("Worried about the hostel")},
    ],
}

# The expected bytes begin like this; written out by hand so that a change to the JSON settings
# (key order, separators, escaping) shows up even if the expected dict were changed to match.
GOLDEN_PREFIX = (
    '{"about_me":{"answers":{"hopes":{"author":{"kind":"person"},"text":"Voir mes enfants, l\'été prochain"}}'
)


def golden_digest() -> str:
    """Worked out here, independently of careplan.services.canonical."""
    raw = json.dumps(GOLDEN_EXPECTED, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )
    return hashlib.sha256(raw).hexdigest()


def test_golden_version_matches_the_hand_written_canonical_form(db: Database) -> None:
    version_id = build_golden(db)
    data, raw = canonical_of(db, version_id)
    assert data == GOLDEN_EXPECTED
    assert raw.decode("utf-8").startswith(GOLDEN_PREFIX)
    assert version_sha256(db, version_id) == golden_digest()


def test_golden_version_signed_and_frozen_keeps_the_golden_digest(db: Database) -> None:
    version_id = build_golden(db)
    with db.session() as session:
        kw = session.scalar(select(Plan.key_worker_id).join(PlanVersion).where(PlanVersion.id == version_id))
    assert kw is not None
    assert sign_both(db, Actor(kw), version_id) is PlanStatus.AGREED
    assert frozen_sha256(db, version_id) == golden_digest()


@pytest.mark.postgres
def test_same_content_gives_the_same_bytes_on_sqlite_and_postgresql(
    sqlite_db: Database, request: pytest.FixtureRequest
) -> None:
    postgres = open_database(pg_server.fresh_database_url(request))
    try:
        on_sqlite = canonical_of(sqlite_db, build_golden(sqlite_db))[1]
        on_postgres = canonical_of(postgres, build_golden(postgres))[1]
    finally:
        postgres.dispose()
    assert on_sqlite == on_postgres
    assert hashlib.sha256(on_sqlite).hexdigest() == golden_digest()


def test_team_roles_show_in_the_authors(db: Database) -> None:
    """Words carry the role their author had when writing them, even after a promotion."""
    world = build_world(db)
    extra = add_member(db, world.team, "lee", Role.KEY_WORKER)
    covering.cover_for_colleague(db, extra, world.person_id, "Sam asked Lee to suggest a goal", hours=2)
    plans.add_goal(db, extra, world.version_id, goal("Lee's suggestion", voice=STAFF))
    staff.change_role(db, world.team.administrator, extra.staff_id, Role.MANAGER)
    data, _raw = canonical_of(db, world.version_id)
    wording = data["goals"][-1]["wording"]
    assert wording == {
        "text": "Lee's suggestion",
        "author": {"kind": "staff", "name": "Lee Extra", "role": "key_worker"},
    }
