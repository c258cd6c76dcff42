"""The audit trail: every change leaves an event; no event holds personal text; tampering shows.

Runs on both engines. Tampering is done the way somebody with the database file (or a SQL
prompt) would do it: plain UPDATE and DELETE statements behind Careplan's back.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import (
    BudgetHeld,
    GoalStatus,
    Naloxone,
    OverdoseRisk,
    PlanStatus,
    ReviewKind,
    Role,
    SafetyPart,
    ServiceUnit,
    SignerKind,
)
from careplan.domain.errors import (
    CareplanError,
    ConflictError,
    FrozenVersion,
    InvalidInput,
    NotFound,
    OverBudget,
    PermissionDenied,
)
from careplan.domain.records import AuditEvent, AuditHead, Review
from careplan.services import (
    agreement,
    assignments,
    budget,
    catalogue,
    catalogue_file,
    configuration,
    consent,
    covering,
    people,
    plans,
    receipts,
    requests,
    reviews,
    signing,
    signing_certificate,
    spending,
    staff,
    staying_safe,
    timestamp_server,
    workspace,
)
from careplan.services.audit import GENESIS, ChainReport, event_hash, verify_chain
from careplan.services.audit_anchors import verify_audit_trail
from careplan.storage.database import Database
from tests import deciding
from tests.services.test_permissions import public_use_cases
from tests.stored import audit_count, plan_revision, snapshot
from tests.worlds import (
    CANARY,
    STANDARD_ANSWERS,
    World,
    add_member,
    build_world,
    goal,
    register,
    step,
    typed_signature,
    utc_today,
    version_sha256,
)

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_.]*$")


def events(db: Database) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def chain(db: Database) -> ChainReport:
    with db.session() as session:
        return verify_chain(session)


def rows_mentioning(db: Database, word: str) -> list[str]:
    """Every audit row, all columns as text, that contains ``word`` (any case).

    The two hash columns are left out: they are random-looking hex, in which a run of digits such
    as a phone number's "07700" turns up by chance, and they cannot carry personal text anyway.
    """
    table = AuditEvent.__table__
    columns = [c for c in table.columns if c.name not in ("hash", "prev_hash")]
    with db.engine.connect() as conn:
        rows = conn.execute(select(*columns)).all()
    return [repr(tuple(r)) for r in rows if word.lower() in repr(tuple(r)).lower()]


class Recorder:
    """Runs use cases one by one, checking each wrote at least one event."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.done: list[str] = []

    def __call__(self, name: str, use_case: Callable[[], Any]) -> Any:
        before = audit_count(self.db)
        result = use_case()
        after = audit_count(self.db)
        assert after > before, f"{name} wrote no audit event"
        self.done.append(name)
        return result


def busy_day(db: Database, world: World) -> Recorder:
    """Most use cases, each writing personal text with the canary in it wherever text goes."""
    team, kw, manager = world.team, world.team.key_worker, world.team.manager
    person, version = world.person_id, world.version_id
    g0, g1 = world.plan.goal_ids
    s0, s1 = world.plan.step_ids
    run = Recorder(db)
    run("open_person", lambda: workspace.open_person(db, kw, person))
    run(
        "write_about_me",
        lambda: people.write_about_me(db, kw, person, "support", f"My sister {CANARY}", PERSON),
    )
    run(
        "set_substances",
        lambda: people.set_substances(db, kw, person, [people.SubstanceEntry(f"{CANARY} pills", "oral")]),
    )
    run(
        "update_person",
        lambda: people.update_person(
            db,
            kw,
            person,
            people.PersonDetails(
                preferred_name=f"Dee{CANARY}",
                full_name=f"Dee {CANARY}-Smith",
                pronouns="she/her",
                contact_how="text message",
                contact_details=f"07700 900123 {CANARY}",
            ),
        ),
    )
    consent_id = run(
        "record_consent",
        lambda: consent.record_consent(db, kw, person, f"Plan {CANARY}", f"GP {CANARY}", utc_today()),
    )
    run("withdraw_consent", lambda: consent.withdraw_consent(db, kw, consent_id, utc_today()))
    jordan = run("register_person", lambda: register(db, kw, f"Jordan{CANARY}"))
    mentor = team.peer_mentor.staff_id
    run("assign_peer_mentor", lambda: assignments.assign_peer_mentor(db, kw, jordan, mentor))
    run("end_peer_mentor", lambda: assignments.end_peer_mentor(db, kw, jordan, mentor))
    kw2 = add_member(db, team, "kw2", Role.KEY_WORKER)
    run("change_key_worker", lambda: assignments.change_key_worker(db, team.manager, jordan, kw2.staff_id))
    kim = add_member(db, team, "kim", Role.KEY_WORKER)
    # The reason (with the canary) is kept with the cover, never in the audit trail.
    run("cover_for_colleague", lambda: covering.cover_for_colleague(db, kim, person, f"Sam off {CANARY}"))
    run(
        "edit_goal",
        lambda: plans.edit_goal(db, kw, g0, goal(f"See my kids {CANARY}", why=f"Because {CANARY}")),
    )
    extra_step = run("add_step", lambda: plans.add_step(db, kw, g1, step(f"Visit the council {CANARY}")))
    run("remove_step", lambda: plans.remove_step(db, kw, extra_step))
    run("set_period", lambda: plans.set_period(db, kw, version, date(2025, 2, 1), date(2026, 1, 31)))
    run("assess_budget", lambda: budget.assess_budget(db, kw, version, STANDARD_ANSWERS))
    run("edit_step", lambda: plans.edit_step(db, kw, s1, step(f"Fill in the form {CANARY}")))
    run("set_goal_status", lambda: plans.set_goal_status(db, kw, g0, GoalStatus.UNDER_WAY))
    run("set_step_done", lambda: plans.set_step_done(db, kw, s0, True))
    run("move_goal", lambda: plans.move_goal(db, kw, g1, 0))
    run("move_step", lambda: plans.move_step(db, kw, s1, 0))
    note = run(
        "record_disagreement",
        lambda: plans.record_disagreement(db, kw, version, f"Not group work {CANARY}", PERSON, goal_id=g0),
    )
    run("withdraw_disagreement", lambda: plans.withdraw_disagreement(db, kw, note))
    run("record_disagreement", lambda: plans.record_disagreement(db, kw, version, f"No {CANARY}", STAFF))
    _staying_safe(db, run, kw, version)
    proposal = run(
        "propose_service",
        lambda: catalogue.propose_service(
            db,
            kw,
            person,
            catalogue.ProposalInput(
                what=f"Climbing wall {CANARY}",
                category="sport",
                unit=ServiceUnit.WEEK,
                estimated_cost=Decimal("12.00"),
                why=f"It keeps me busy {CANARY}",
                why_voice=PERSON,
                who_might_provide=f"Rocks {CANARY}",
            ),
            plan_id=world.plan_id,
        ),
    )
    run(
        "decide_request",
        lambda: deciding.decide_proposal(db, manager, proposal, approve=True, note=f"Good idea {CANARY}"),
    )
    _requests(db, run, kw, manager, person, world.plan_id)
    allocation = run(
        "allocate",
        lambda: budget.allocate(
            db,
            kw,
            version,
            budget.AllocationInput(quantity=Decimal("10"), goal_ids=(g0,), proposal_id=proposal),
        ),
    )
    run(
        "change_allocation",
        lambda: budget.change_allocation(
            db, manager, allocation, Decimal("200"), (g0,), override_reason=f"Panel agreed {CANARY}"
        ),
    )
    run("release_allocation", lambda: budget.release_allocation(db, kw, allocation))
    run("set_agreed_budget", lambda: budget.set_agreed_budget(db, kw, version, Decimal("1200.00")))
    sha = version_sha256(db, version)
    run(
        "sign_plan",
        lambda: signing.sign_plan(db, kw, version, typed_signature(SignerKind.PERSON, sha, CANARY)),
    )
    run("sign_plan", lambda: signing.sign_plan(db, kw, version, typed_signature(SignerKind.KEY_WORKER, sha)))
    run("approve_plan", lambda: signing.approve_plan(db, manager, version))
    run(
        "deliver_agreement",
        lambda: agreement.deliver_agreement(
            db,
            manager,
            agreement.make_agreement(db, manager, version, make_pdf=lambda a, *, easy_read: b"%PDF-"),
            agreement.Delivery.SAVED,
            lambda pdf: None,
        ),
    )
    run("activate_plan", lambda: plans.activate_plan(db, kw, version))
    run(
        "set_budget_holding",
        lambda: spending.set_budget_holding(db, manager, world.plan_id, BudgetHeld.SERVICE),
    )
    bought = spending.SpendingInput(
        world.allocations[0],
        Decimal("5.00"),
        utc_today(),
        f"Gym {CANARY}",
        reference=f"INV {CANARY}",
        what_for=f"Pass {CANARY}",
        receipt=b"%PDF-1.7 " + CANARY.encode(),
    )
    entry_id = run("record_spending", lambda: spending.record_spending(db, kw, world.plan_id, bought))
    saved_receipts: list[bytes] = []
    run("save_receipt", lambda: receipts.save_receipt(db, kw, entry_id, saved_receipts.append))
    assert saved_receipts == [b"%PDF-1.7 " + CANARY.encode()]  # handed over, never in the log
    run("reverse_spending", lambda: spending.reverse_spending(db, kw, entry_id, f"Twice {CANARY}"))
    run(
        "schedule_review",
        lambda: reviews.schedule_review(db, kw, world.plan_id, ReviewKind.EARLY, date(2026, 2, 1)),
    )
    with db.session() as session:
        review_id = session.scalar(select(Review.id).where(Review.plan_id == world.plan_id).limit(1))
    assert review_id is not None
    record = reviews.ReviewRecord(utc_today(), {"family": 7}, f"Going well {CANARY}", f"Agreed {CANARY}")
    run("record_review", lambda: reviews.record_review(db, kw, review_id, record))
    _a_review_held_in_both_voices(db, run, world)
    new_version = run("revise_plan", lambda: plans.revise_plan(db, kw, version))
    new_goal = run("add_goal", lambda: plans.add_goal(db, kw, new_version, goal(f"Licence {CANARY}")))
    run("remove_goal", lambda: plans.remove_goal(db, kw, new_goal))
    run("close_plan", lambda: plans.close_plan(db, manager, world.plan_id))
    run("start_plan", lambda: plans.start_plan(db, kw, person))
    admin = team.administrator
    quill = run("add_staff", lambda: staff.add_staff(db, admin, "quill", f"Quill {CANARY}", Role.KEY_WORKER))
    run("change_role", lambda: staff.change_role(db, admin, quill, Role.MANAGER))
    run("deactivate_staff", lambda: staff.deactivate_staff(db, admin, quill))
    from careplan.services import authentication

    first, own = f"first password {CANARY}", f"own password {CANARY}"
    run(
        "set_first_password",  # nobody has a password yet (as in a database from before sign-in)
        lambda: authentication.set_first_password(db, admin, f"the very first password {CANARY}"),
    )
    run("set_password", lambda: authentication.set_password(db, admin, kw.staff_id, first))
    run("change_password", lambda: authentication.change_password(db, kw, first, own))
    run("confirm_identity", lambda: authentication.confirm_identity(db, kw, own))
    run("unlock_staff", lambda: authentication.unlock_staff(db, admin, kw.staff_id))
    provider = run("add_provider", lambda: catalogue.add_provider(db, admin, "Rock Solid Climbing"))
    item = catalogue.ServiceInput(
        provider, "Bouldering", "sport", "Weekly pass", ServiceUnit.WEEK, Decimal("9")
    )
    service = run("add_service", lambda: catalogue.add_service(db, admin, item))
    dearer = catalogue.ServiceInput(
        provider, "Bouldering", "sport", "Weekly", ServiceUnit.WEEK, Decimal("9.50")
    )
    run("update_service", lambda: catalogue.update_service(db, admin, service, dearer))
    sheet = "Provider,Service,Category,Unit,Price\nRock Solid Climbing,Bouldering,sport,week,9.75\n"
    lines = catalogue_file.read_catalogue(sheet.encode())
    run("import_catalogue", lambda: catalogue_file.import_catalogue(db, admin, lines))
    run("add_life_area", lambda: configuration.add_life_area(db, admin, "Faith and belief"))
    run("rename_life_area", lambda: configuration.rename_life_area(db, admin, "legal", "The law"))
    run("retire_life_area", lambda: configuration.retire_life_area(db, admin, "community"))
    run("set_service_name", lambda: configuration.set_service_name(db, admin, "Riverside recovery service"))
    questionnaire = json.dumps(budget.default_questionnaire().to_dict())
    run("set_questionnaire", lambda: budget.set_questionnaire(db, admin, questionnaire))
    # The service's signing certificate (the passphrase goes to an in-memory keyring).
    from tests.keyring_memory import MemoryKeyring, installed

    passphrase = f"correct horse {CANARY}"
    with installed(MemoryKeyring()):
        signing_certificate.create_self_signed(db, admin, f"Harbour {CANARY}", passphrase, key_kind="ec-p256")
        run("remember_passphrase", lambda: signing_certificate.remember_passphrase(db, manager, passphrase))
    run(
        "set_timestamp_url",
        lambda: timestamp_server.set_timestamp_url(db, admin, "https://tsa.example.org"),
    )
    _back_up_and_restore(db, run, manager, admin)
    return run


def _a_review_held_in_both_voices(db: Database, run: Recorder, world: Any) -> None:
    """Dee asks for a review; Sam brings another forward, holds it, ends it; Dee confirms it."""
    from careplan.domain.enums import GoalGoing, ReviewOutcome, ReviewTopic, SignatureMethod
    from careplan.domain.records import Goal
    from careplan.services import measures, review_schedule, reviews_ending, reviews_holding, reviews_requests

    kw, admin = world.team.key_worker, world.team.administrator
    run("set_review_schedule", lambda: review_schedule.set_review_schedule(db, admin, 6, 3))
    data = (resources.files("careplan") / "resources/reference/outcome_measures.toml").read_bytes()
    run("load_measures", lambda: measures.load_measures(db, admin, data))
    asked = run(
        "ask_for_review", lambda: reviews_requests.ask_for_review(db, kw, world.plan_id, f"Soon {CANARY}")
    )
    run("hold_review", lambda: reviews_holding.hold_review(db, kw, asked))
    with db.session() as session:
        later = session.scalar(
            select(Review.id)
            .where(Review.plan_id == world.plan_id, Review.completed_on.is_(None))
            .order_by(Review.due_date.desc())
            .limit(1)
        )
        goal_key = session.scalar(select(Goal.key).where(Goal.version_id == world.version_id).limit(1))
    assert later is not None
    assert goal_key is not None
    today = utc_today()
    run(
        "bring_review_forward",
        lambda: reviews_requests.bring_review_forward(db, kw, later, today, f"Relapse {CANARY}"),
    )
    note = f"Seeing the kids {CANARY}"
    run(
        "write_review_note",
        lambda: reviews_holding.write_review_note(db, kw, later, ReviewTopic.WORKING, PERSON, note),
    )
    run(
        "set_goal_going",
        lambda: reviews_holding.set_goal_going(db, kw, later, goal_key, GoalGoing.DONE, note, STAFF),
    )
    run(
        "give_scores",
        lambda: reviews_holding.give_scores(db, kw, later, "use_and_health", {"injected": 0}, PERSON),
    )
    run(
        "end_review",
        lambda: reviews_ending.end_review(db, kw, later, ReviewOutcome.CARRY_ON, reason=f"Fine {CANARY}"),
    )
    confirmation = reviews_ending.Confirmation(
        SignatureMethod.TYPED, typed_name=f"Dee {CANARY}", confirmed=True
    )
    run("confirm_review", lambda: reviews_ending.confirm_review(db, kw, later, confirmation))


def _staying_safe(db: Database, run: Recorder, kw: Any, version: int) -> None:
    """The staying-safe plan: words with the canary, and a phone number, never in the trail."""
    part = SafetyPart.WARNING_SIGNS
    run("write_part", lambda: staying_safe.write_part(db, kw, version, part, f"Bed all day {CANARY}", PERSON))
    jo = staying_safe.ContactInput(f"Jo {CANARY}", "07700 900462", PERSON)
    contact = run("add_contact", lambda: staying_safe.add_contact(db, kw, version, jo))
    moved = staying_safe.ContactInput(f"Jo {CANARY}", "07700 900999", PERSON)
    run("edit_contact", lambda: staying_safe.edit_contact(db, kw, contact, moved))
    run("remove_contact", lambda: staying_safe.remove_contact(db, kw, contact))
    risk, words = OverdoseRisk.HIGH, f"After prison {CANARY}"
    run("set_overdose_risk", lambda: staying_safe.set_overdose_risk(db, kw, version, risk, words, PERSON))
    where = f"Coat pocket {CANARY}"
    run("set_naloxone", lambda: staying_safe.set_naloxone(db, kw, version, Naloxone.HELD, where, PERSON))


def _back_up_and_restore(db: Database, run: Recorder, manager: Any, admin: Any) -> None:
    """A backup and its restore, on SQLite; on PostgreSQL both are refused (pg_dump's job)."""
    import tempfile
    from pathlib import Path

    from careplan.domain.errors import NotForPostgres
    from careplan.services import backup, restore

    if not db.is_sqlite:
        for name, attempt in (
            ("backup_database", lambda: backup.backup_database(db, manager, "unused.careplan-backup")),
            ("automatic_backup", lambda: backup.automatic_backup(db, manager)),
            ("restore_database", lambda: restore.restore_database(str(db.url), admin, "unused")),
        ):
            before = audit_count(db)
            with pytest.raises(NotForPostgres, match="pg_dump"):
                attempt()
            assert audit_count(db) == before
            run.done.append(name)  # refused on PostgreSQL, before anything was written
        return
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "b.careplan-backup"
        run("automatic_backup", lambda: backup.automatic_backup(db, manager))
        made = run("backup_database", lambda: backup.backup_database(db, manager, target))
        path = db.path
        assert path is not None
        run("restore_database", lambda: restore.restore_database(path, admin, made.path))


def _requests(db: Database, run: Recorder, kw: Any, manager: Any, person: int, plan_id: int) -> None:
    """A request asked about, answered, refused, and disagreed with."""
    asked = catalogue.propose_service(
        db,
        kw,
        person,
        catalogue.ProposalInput(f"Boxing {CANARY}", "sport", ServiceUnit.WEEK, Decimal(8), CANARY, PERSON),
        plan_id=plan_id,
    )
    question = requests.Decision(requests.Choice.ASK, words=f"Which nights? {CANARY}")
    run("decide_request", lambda: requests.decide_request(db, manager, asked, question))
    run("answer_request", lambda: requests.answer_request(db, kw, asked, f"Tuesdays {CANARY}", PERSON))
    no = requests.Decision(requests.Choice.NO, words=f"Not now {CANARY}")
    run("decide_request", lambda: requests.decide_request(db, manager, asked, no))
    run("disagree_with_decision", lambda: requests.disagree_with_decision(db, kw, asked, f"No {CANARY}"))


def write_use_cases() -> set[str]:
    """The use cases that change the record (they run in a unit of work, not read_only)."""
    return {
        name.rsplit(".", 1)[1]
        for name, function in public_use_cases().items()
        if "unit_of_work(" in inspect.getsource(function)
    }


def test_every_change_is_audited_but_no_event_holds_personal_text(db: Database) -> None:
    world = build_world(db)
    run = busy_day(db, world)
    assert set(run.done) == write_use_cases()
    assert rows_mentioning(db, CANARY) == []
    assert rows_mentioning(db, "07700") == []
    for event in events(db):
        assert all(FIELD_NAME.match(name) for name in event.fields), event.fields
        assert FIELD_NAME.match(event.action)
        assert FIELD_NAME.match(event.entity)
    report = chain(db)
    assert report == ChainReport(True, audit_count(db), None, None)


def test_an_event_says_who_did_what_to_which_record(db: Database) -> None:
    world = build_world(db)
    mentor = world.team.peer_mentor
    people.write_about_me(db, mentor, world.person_id, "hopes", f"A flat {CANARY}", PERSON)
    last = events(db)[-1]
    assert (last.staff_id, last.action, last.entity, last.entity_id) == (
        mentor.staff_id,
        "write",
        "about_me",
        world.person_id,
    )
    assert last.fields == ["hopes"]

    before = audit_count(db)
    signing.sign_plan(
        db,
        world.team.key_worker,
        world.version_id,
        typed_signature(SignerKind.PERSON, version_sha256(db, world.version_id)),
    )
    signing.sign_plan(
        db,
        world.team.key_worker,
        world.version_id,
        typed_signature(SignerKind.KEY_WORKER, version_sha256(db, world.version_id)),
    )
    agreeing = events(db)[before + 1 :]  # the second signature, and the agreement, in one unit of work
    assert [(e.action, e.entity) for e in agreeing] == [("sign", "signature"), ("agree", "plan_version")]
    assert len({e.at for e in agreeing}) == 1
    assert agreeing[1].entity_id == world.version_id


def test_the_chain_holds_after_many_operations(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.ACTIVE)
    kw = world.team.key_worker
    for i in range(12):
        plans.set_step_done(db, kw, world.plan.step_ids[i % 2], i % 3 == 0)
        people.write_about_me(db, kw, world.person_id, "going_well", f"Week {i}", PERSON)
    busy_day(db, build_world_again(db, world))
    count = audit_count(db)
    assert count > 60
    assert chain(db) == ChainReport(True, count, None, None)
    assert verify_audit_trail(db, world.team.manager).intact
    assert verify_audit_trail(db, world.team.administrator).intact
    with db.session() as session:
        head = session.get(AuditHead, 1)
        last = session.get(AuditEvent, count)
        first = session.get(AuditEvent, 1)
        assert head is not None
        assert last is not None
        assert first is not None
        assert (head.last_seq, head.last_hash) == (count, last.hash)
        assert first.prev_hash == GENESIS


def build_world_again(db: Database, world: World) -> World:
    """A second person with a draft plan, in the same database as ``world``: the world's person now."""
    again = World(db=db, team=world.team, providers=world.providers, services=world.services)
    return again.with_person("Marek").with_plan("Marek").assessed().with_allocation()


# --- tampering --------------------------------------------------------------------------------


def execute(db: Database, statement: Any, **params: Any) -> None:
    with db.engine.begin() as conn:
        conn.execute(statement, params)


def change_action(db: Database, seq: int) -> None:
    execute(db, text("UPDATE audit_events SET action = 'read' WHERE id = :id"), id=seq)


def change_fields(db: Database, seq: int) -> None:
    execute(db, update(AuditEvent).where(AuditEvent.id == seq).values(fields=["nothing"]))


def change_who(db: Database, seq: int) -> None:
    execute(db, text("UPDATE audit_events SET staff_id = NULL WHERE id = :id"), id=seq)


def change_record(db: Database, seq: int) -> None:
    execute(db, text("UPDATE audit_events SET entity_id = entity_id + 1000 WHERE id = :id"), id=seq)


def delete_event(db: Database, seq: int) -> None:
    execute(db, text("DELETE FROM audit_events WHERE id = :id"), id=seq)


def swap_with_next(db: Database, seq: int) -> None:
    execute(db, text("UPDATE audit_events SET id = -1 WHERE id = :id"), id=seq)
    execute(db, text("UPDATE audit_events SET id = :id WHERE id = :next"), id=seq, next=seq + 1)
    execute(db, text("UPDATE audit_events SET id = :next WHERE id = -1"), next=seq + 1)


def change_and_rehash(db: Database, seq: int) -> None:
    """A careful forger: changes an event and works out its hash again (but not the ones after)."""
    with db.session() as session, session.begin():
        event = session.get(AuditEvent, seq)
        assert event is not None
        event.action = "read"
        event.hash = event_hash(
            event.id,
            event.at,
            event.staff_id,
            event.action,
            event.entity,
            event.entity_id,
            list(event.fields),
            event.prev_hash,
            person_id=event.person_id,
        )


def change_person(db: Database, seq: int) -> None:
    execute(
        db, text("UPDATE audit_events SET person_id = COALESCE(person_id, 0) + 1000 WHERE id = :id"), id=seq
    )


TAMPERING: dict[str, tuple[Callable[[Database, int], None], int, str]] = {
    # name: (what is done to event 7, the event reported first, words in the problem)
    "action_edited": (change_action, 7, "changed after it was written"),
    "fields_edited": (change_fields, 7, "changed after it was written"),
    "staff_edited": (change_who, 7, "changed after it was written"),
    "record_edited": (change_record, 7, "changed after it was written"),
    "person_edited": (change_person, 7, "changed after it was written"),
    "middle_event_deleted": (delete_event, 7, "event 7 is missing"),
    "two_events_swapped": (swap_with_next, 7, "does not follow the event before it"),
    "edited_and_rehashed": (change_and_rehash, 8, "event 8 does not follow"),
}


@pytest.mark.parametrize("how", list(TAMPERING))
def test_tampering_is_found_at_the_event_it_touched(db: Database, how: str) -> None:
    world = build_world(db)
    assert chain(db).intact
    tamper, first_broken, problem = TAMPERING[how]
    tamper(db, 7)
    report = chain(db)
    assert not report.intact
    assert report.first_broken == first_broken
    assert report.problem is not None
    assert problem in report.problem
    assert not verify_audit_trail(db, world.team.manager).intact


def test_deleting_the_newest_event_is_found(db: Database) -> None:
    build_world(db)
    count = audit_count(db)
    delete_event(db, count)
    report = chain(db)
    assert not report.intact
    assert report.first_broken == count
    assert report.problem == "the newest events are missing from the end of the trail"


def test_deleting_every_event_is_found(db: Database) -> None:
    build_world(db)
    execute(db, delete(AuditEvent))
    report = chain(db)
    assert not report.intact
    assert report.first_broken == 1


def test_rewriting_the_newest_event_and_its_hash_is_found_at_that_event(db: Database) -> None:
    """The newest event edited and re-hashed: only the head can tell, and it should say which event.

    BUG: verify_chain reports first_broken=None and "the newest events are missing", although
    nothing is missing: the newest event was changed.
    """
    build_world(db)
    count = audit_count(db)
    change_and_rehash(db, count)
    report = chain(db)
    assert not report.intact
    assert report.first_broken == count
    assert report.problem is not None
    assert "missing" not in report.problem


def test_an_event_added_behind_the_heads_back_is_found(db: Database) -> None:
    """A well-formed event appended without moving the head is reported, at that event.

    BUG: verify_chain reports first_broken=None and says "the newest events are missing", when in
    fact there is one event *more* than the head knows of.
    """
    world = build_world(db)
    count = audit_count(db)
    with db.session() as session, session.begin():
        last = session.get(AuditEvent, count)
        assert last is not None
        forged = AuditEvent(
            id=count + 1,
            at=last.at,
            staff_id=world.team.manager.staff_id,
            action="approve",
            entity="plan_version",
            entity_id=world.version_id,
            fields=["status"],
            prev_hash=last.hash,
        )
        forged.hash = event_hash(
            forged.id,
            forged.at,
            forged.staff_id,
            forged.action,
            forged.entity,
            forged.entity_id,
            list(forged.fields),
            forged.prev_hash,
            person_id=None,
        )
        session.add(forged)
    report = chain(db)
    assert not report.intact
    assert report.first_broken == count + 1
    assert report.problem is not None
    assert "missing" not in report.problem


# --- refusals leave no trace ------------------------------------------------------------------


def test_refused_operations_write_no_event(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.DRAFT)
    kw, mentor, admin = world.team.key_worker, world.team.peer_mentor, world.team.administrator
    version, g0 = world.version_id, world.plan.goal_ids[0]
    stale = plan_revision(db, world.plan_id) - 1
    refused: list[tuple[type[CareplanError], Callable[[], Any]]] = [
        (PermissionDenied, lambda: signing.approve_plan(db, kw, version)),
        (PermissionDenied, lambda: people.write_about_me(db, admin, world.person_id, "hopes", "x", PERSON)),
        (PermissionDenied, lambda: staff.add_staff(db, kw, "newbie", "New", Role.MANAGER)),
        (PermissionDenied, lambda: budget.set_agreed_budget(db, kw, version, Decimal("5000.00"))),
        (
            PermissionDenied,
            lambda: people.register_person(db, mentor, people.PersonDetails("Jo", "Jo Bloggs")),
        ),
        (InvalidInput, lambda: plans.add_goal(db, kw, version, goal("   "))),
        (InvalidInput, lambda: plans.add_goal(db, kw, version, goal("A goal", life_area="nowhere"))),
        (InvalidInput, lambda: staff.add_staff(db, admin, "Not A Username!", "X", Role.MANAGER)),
        (InvalidInput, lambda: people.register_person(db, kw, people.PersonDetails("", "Nobody"))),
        (
            InvalidInput,
            lambda: consent.record_consent(
                db, kw, world.person_id, "x", "y", utc_today() + timedelta(days=9)
            ),
        ),
        (NotFound, lambda: plans.edit_goal(db, kw, 987_654, goal("Gone"))),
        (ConflictError, lambda: plans.add_goal(db, kw, version, goal("Late"), expected_revision=stale)),
        (
            OverBudget,
            lambda: budget.allocate(
                db,
                kw,
                version,
                budget.AllocationInput(quantity=Decimal("500"), goal_ids=(g0,), service_id=world.service_id),
            ),
        ),
    ]
    before = snapshot(db)
    for expected, attempt in refused:
        with pytest.raises(expected):
            attempt()
        assert snapshot(db) == before, f"a refused {expected.__name__} wrote something"
    assert chain(db).intact


def test_changes_to_a_frozen_version_write_no_event(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.AGREED)
    before = snapshot(db)
    with pytest.raises(FrozenVersion):
        plans.edit_goal(db, world.team.key_worker, world.plan.goal_ids[0], goal(f"Changed {CANARY}"))
    with pytest.raises(FrozenVersion):
        plans.record_disagreement(db, world.team.key_worker, world.version_id, "Too late", PERSON)
    assert snapshot(db) == before
