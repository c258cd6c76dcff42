"""What a printed agreement holds (careplan.services.agreement), on SQLite and PostgreSQL.

The world is Dee's approved plan, built through the real use cases (tests.documents).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from careplan import documents
from careplan.domain.actor import PERSON
from careplan.domain.enums import PlanStatus, Role, SignatureMethod, SignerKind, StepOwner
from careplan.domain.errors import InvalidTransition, NotFound, PermissionDenied
from careplan.domain.records import AuthoredText, Goal, PlanVersion, Setting
from careplan.services import people, plans, signing
from careplan.services.agreement import (
    DEFAULT_SERVICE_NAME,
    SERVICE_NAME_SETTING,
    MakeSignedPdf,
    load_agreement,
)
from careplan.services.agreement_contents import Agreement
from careplan.storage import Database
from tests.documents import (
    CONSENT_WHAT,
    CONSENT_WHO,
    GOAL_FAMILY,
    GOAL_FLAT,
    GOAL_HEALTH,
    NOTE_BUS,
    NOTE_FLAT,
    NOTE_GROUP,
    OVERRIDE_REASON,
    STEP_GROUP,
    build_print_world,
)
from tests.stored import snapshot
from tests.worlds import CANARY, sign_both, version_sha256


def test_the_agreement_holds_what_was_signed(db: Database) -> None:
    world = build_print_world(db)
    agreement = load_agreement(db, world.team.manager, world.version_id)

    with db.session() as session:
        version = session.get(PlanVersion, world.version_id)
        assert version is not None
        plan_key, frozen = version.plan.key, version.frozen_sha256
        reference = version.plan.person.reference
    sha = version_sha256(db, world.version_id)
    assert agreement.sha256 == sha == frozen
    assert agreement.document_id == documents.document_id(world.version_id, sha)
    assert agreement.document_id == f"CP-{world.version_id}-{sha[:8].upper()}"
    assert (agreement.plan_key, agreement.version_number, agreement.status) == (plan_key, 1, "approved")
    assert (agreement.person_name, agreement.person_reference) == ("Dee", reference)
    assert agreement.key_worker == "Sam Keyworker"
    assert agreement.service_name == DEFAULT_SERVICE_NAME
    assert (agreement.period_start, agreement.period_end) == (date(2025, 1, 6), date(2026, 1, 5))

    # About me, in order, each answer with whose words it is.
    about = {a.topic: a for a in agreement.about_me}
    assert list(about) == ["what_matters", "hopes", "support"]
    assert about["hopes"].heading == "My hopes"
    assert about["hopes"].words.label == "Dee's words"
    assert about["support"].words.label == "Sam Keyworker, key worker"
    assert [s.summary for s in agreement.substances] == ["Methadone: oral, daily, 60 ml"]

    # Goals and steps with their authors; disagreements beside their items.
    family, flat, health = agreement.goals
    assert [g.number for g in agreement.goals] == [1, 2, 3]
    assert (family.wording.text, family.wording.label, family.life_area_code) == (
        GOAL_FAMILY,
        "Dee's words",
        "family",
    )
    assert family.life_area == "Family and relationships"
    assert family.why is not None
    assert family.why.by_person
    assert (flat.wording.text, flat.life_area_code) == (GOAL_FLAT, "housing")
    assert (health.wording.text, health.wording.label) == (GOAL_HEALTH, "Sam Keyworker, key worker")
    group = family.steps[1]
    assert (group.what.text, group.who, group.who_label) == (
        STEP_GROUP,
        StepOwner.WORKER,
        "Sam Keyworker (key worker)",
    )
    assert [(n.text, n.label) for n in group.disagreements] == [(NOTE_GROUP, "Dee's words")]
    assert [(n.text, n.label) for n in flat.disagreements] == [(NOTE_FLAT, "Sam Keyworker, key worker")]
    assert flat.steps[0].who_label == "Dee"
    assert flat.steps[0].what.label == "Dee's words"
    assert health.steps[1].who_label == "Local family centre"
    assert agreement.plan_disagreements == ()

    # Services and budget.
    budget = agreement.budget
    assert [
        (ln.description, ln.quantity_label, ln.unit_price_pence, ln.total_pence) for ln in budget.lines
    ] == [
        ("Peer mentoring", "20 sessions", 2500, 50000),
        ("Family contact support course", "1 course", 28500, 28500),
        ("Weekly bus pass", "16 weeks", 1100, 17600),
    ]
    assert budget.lines[2].goal_numbers == (1, 2)
    assert [n.text for n in budget.lines[2].disagreements] == [NOTE_BUS]
    assert (budget.indicative_pence, budget.agreed_pence) == (125000, 100000)
    assert (budget.allocated_pence, budget.left_pence) == (96100, 3900)
    assert budget.working_summary == "Your answers came to 25 points × £50.00 = £1,250.00"
    assert len(budget.working_lines) == 8

    # Reviews scheduled at approval, consents in force, signatures, approval.
    assert [r.label for r in agreement.reviews] == [
        "Early review",
        "Review",
        "Review",
        "Review",
        "Full review",
    ]
    assert [(c.what, c.with_whom) for c in agreement.consents] == [(CONSENT_WHAT, CONSENT_WHO)]
    person, worker = agreement.signatures
    assert (person.signer, person.name, person.method) == (SignerKind.PERSON, "Dee", SignatureMethod.DRAWN)
    assert (worker.signer, worker.name, worker.role_label) == (
        SignerKind.KEY_WORKER,
        "Sam Keyworker",
        "key worker",
    )
    assert len(person.strokes) == 3
    assert all(len(stroke) >= 3 for stroke in person.strokes)
    assert person.typed_name is None
    assert (agreement.approval.name, agreement.approval.role_label) == ("Priya Manager", "manager")
    assert agreement.ended_at is None


def test_loading_an_agreement_writes_nothing(db: Database) -> None:
    world = build_print_world(db)
    before = snapshot(db)
    load_agreement(db, world.team.manager, world.version_id)
    assert snapshot(db) == before


def test_about_me_is_as_signed_and_names_are_as_now(db: Database) -> None:
    """Later edits to About me do not reach the agreement; the name the person uses now does."""
    world = build_print_world(db)
    kw = world.team.key_worker
    people.write_about_me(db, kw, world.person_id, "hopes", f"Something new {CANARY}", PERSON)
    people.update_person(
        db,
        kw,
        world.person_id,
        people.PersonDetails(
            preferred_name="Deedee", full_name=f"Dee {CANARY}", date_of_birth=date(1990, 5, 17)
        ),
    )
    agreement = load_agreement(db, world.team.manager, world.version_id)
    hopes = next(a for a in agreement.about_me if a.topic == "hopes")
    assert hopes.words.text == "To stop being a case. To be me again."
    assert hopes.words.label == "Deedee's words"
    assert agreement.person_name == "Deedee"
    assert agreement.sha256 == version_sha256(db, world.version_id)


def test_typed_signatures_keep_the_typed_name(db: Database) -> None:
    world = build_print_world(db, person_method=SignatureMethod.TYPED)
    person = load_agreement(db, world.team.manager, world.version_id).signatures[0]
    assert (person.method, person.typed_name, person.name, person.strokes) == (
        SignatureMethod.TYPED,
        "Dee Typed",
        "Dee Typed",
        (),
    )


def test_the_service_name_comes_from_the_settings(db: Database) -> None:
    world = build_print_world(db)
    with db.session() as session, session.begin():
        session.add(Setting(key=SERVICE_NAME_SETTING, value={"name": "  Northside   Recovery Service "}))
    assert (
        load_agreement(db, world.team.manager, world.version_id).service_name == "Northside Recovery Service"
    )


def test_a_manager_agreed_overspend_shows_its_reason(db: Database) -> None:
    world = build_print_world(db, over_budget=True)
    budget = load_agreement(db, world.team.manager, world.version_id).budget
    assert budget.lines[-1].override_reason == OVERRIDE_REASON
    assert (budget.allocated_pence, budget.left_pence) == (106100, -6100)
    assert budget.lines[-1].quantity == Decimal("4.00")


def test_an_active_and_a_replaced_version_can_be_printed(db: Database) -> None:
    world = build_print_world(db, stage=PlanStatus.ACTIVE)
    manager, kw = world.team.manager, world.team.key_worker
    assert load_agreement(db, manager, world.version_id).status == PlanStatus.ACTIVE

    newer = plans.revise_plan(db, kw, world.version_id)
    sign_both(db, kw, newer)
    signing.approve_plan(db, manager, newer)
    plans.activate_plan(db, kw, newer)

    old = load_agreement(db, manager, world.version_id)
    assert old.status == PlanStatus.SUPERSEDED
    assert old.ended_at is not None
    assert old.reviews == ()  # reviews not yet held were called off when it was replaced
    new = load_agreement(db, manager, newer)
    assert new.version_number == 2
    assert new.document_id != old.document_id


@pytest.mark.parametrize(
    ("stage", "phrase"),
    [(PlanStatus.DRAFT, "still a draft"), (PlanStatus.AGREED, "not approved yet")],
)
def test_drafts_and_unapproved_versions_are_refused(db: Database, stage: PlanStatus, phrase: str) -> None:
    world = build_print_world(db, stage=stage)
    with pytest.raises(InvalidTransition) as refused:
        load_agreement(db, world.team.manager, world.version_id)
    assert phrase in refused.value.message
    assert "Traceback" not in refused.value.message


@pytest.mark.parametrize("role", [Role.KEY_WORKER, Role.PEER_MENTOR, Role.ADMINISTRATOR])
def test_only_managers_may_print(db: Database, role: Role) -> None:
    world = build_print_world(db)
    with pytest.raises(PermissionDenied):
        load_agreement(db, world.team.as_role(role), world.version_id)


def test_a_missing_version_is_not_found(db: Database) -> None:
    world = build_print_world(db)
    with pytest.raises(NotFound):
        load_agreement(db, world.team.manager, world.version_id + 1000)


def test_a_record_changed_behind_careplans_back_is_not_printed(db: Database) -> None:
    world = build_print_world(db)
    with db.session() as session, session.begin():
        text_id = session.scalar(select(Goal.wording_id).where(Goal.id == world.goal_ids[0]))
        session.execute(update(AuthoredText).where(AuthoredText.id == text_id).values(body="Something else"))
    with pytest.raises(InvalidTransition) as refused:
        load_agreement(db, world.team.manager, world.version_id)
    assert "no longer matches what was signed" in refused.value.message


# --- issuing: the use case behind every printed or saved agreement ------------------------------------


def _latest_event(db: Database) -> tuple[str, str, int | None, list[str], int | None]:
    from careplan.domain.records import AuditEvent

    with db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        return event.action, event.entity, event.entity_id, list(event.fields), event.staff_id


def _stand_in(made: list[tuple[str, bool]] | None = None) -> MakeSignedPdf:
    def make(agreement: Agreement, *, easy_read: bool) -> bytes:
        if made is not None:
            made.append((agreement.document_id, easy_read))
        return b"%PDF-1.7 signed stand-in"

    return make


def test_making_an_agreement_hands_back_the_pdf_and_records_nothing(db: Database) -> None:
    from careplan.services.agreement import make_agreement

    world = build_print_world(db)
    made: list[tuple[str, bool]] = []
    before = snapshot(db)
    issued = make_agreement(db, world.team.manager, world.version_id, True, make_pdf=_stand_in(made))
    sha = version_sha256(db, world.version_id)
    assert issued.pdf == b"%PDF-1.7 signed stand-in"
    assert issued.document_id == documents.document_id(world.version_id, sha)
    assert made == [(issued.document_id, True)]
    assert (issued.version_id, issued.version_number, issued.easy_read) == (world.version_id, 1, True)
    assert issued.file_name == f"easy-read-agreement-{issued.document_id}.pdf"
    full = make_agreement(db, world.team.manager, world.version_id, make_pdf=_stand_in())
    assert full.file_name == f"agreement-{full.document_id}.pdf"
    assert snapshot(db) == before  # in memory (or on screen) only: not issued yet


def test_delivering_an_agreement_audits_how_it_was_issued(db: Database) -> None:
    from careplan.services.agreement import Delivery, deliver_agreement, make_agreement

    world = build_print_world(db)
    manager = world.team.manager
    easy = make_agreement(db, manager, world.version_id, True, make_pdf=_stand_in())
    delivered: list[bytes] = []
    deliver_agreement(db, manager, easy, Delivery.SAVED, delivered.append)
    assert delivered == [easy.pdf]
    assert _latest_event(db) == (
        "issue_agreement",
        "plan_version",
        world.version_id,
        ["easy_read", "saved"],
        manager.staff_id,
    )
    full = make_agreement(db, manager, world.version_id, make_pdf=_stand_in())
    deliver_agreement(db, manager, full, Delivery.PRINTED)
    assert _latest_event(db)[3] == ["full", "printed"]


def test_a_delivery_that_fails_is_not_audited(db: Database) -> None:
    """The folder refused the file: nothing was issued, so nothing is recorded."""
    from careplan.services.agreement import Delivery, deliver_agreement, make_agreement

    world = build_print_world(db)
    issued = make_agreement(db, world.team.manager, world.version_id, make_pdf=_stand_in())
    undone: list[str] = []

    def disk_full(pdf: bytes) -> None:
        raise OSError(28, "No space left on device")

    before = snapshot(db)
    with pytest.raises(OSError, match="No space left"):
        deliver_agreement(
            db, world.team.manager, issued, Delivery.SAVED, disk_full, undo=lambda: undone.append("undo")
        )
    assert snapshot(db) == before
    assert undone == []  # nothing was delivered, so nothing to take back


def test_a_delivery_the_record_refuses_is_taken_back(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file was written but its audit event could not be (the database refused it): the file
    is removed again, so no copy exists that the trail does not show."""
    from careplan.services import unit_of_work
    from careplan.services.agreement import Delivery, deliver_agreement, make_agreement

    world = build_print_world(db)
    issued = make_agreement(db, world.team.manager, world.version_id, make_pdf=_stand_in())
    happened: list[str] = []

    class RecordRefused(Exception):
        pass

    def refuse(*args: object) -> None:
        raise RecordRefused

    monkeypatch.setattr(unit_of_work, "append_events", refuse)
    before = snapshot(db)
    with pytest.raises(RecordRefused):
        deliver_agreement(
            db,
            world.team.manager,
            issued,
            Delivery.SAVED,
            lambda pdf: happened.append("written"),
            undo=lambda: happened.append("removed"),
        )
    assert happened == ["written", "removed"]
    assert snapshot(db) == before


def test_only_a_manager_delivers_and_a_refusal_writes_nothing(db: Database) -> None:
    from careplan.services.agreement import Delivery, deliver_agreement, make_agreement
    from careplan.services.staff import change_role

    world = build_print_world(db)
    issued = make_agreement(db, world.team.manager, world.version_id, make_pdf=_stand_in())
    change_role(db, world.team.administrator, world.team.manager.staff_id, Role.KEY_WORKER)
    happened: list[str] = []
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        deliver_agreement(
            db,
            world.team.manager,
            issued,
            Delivery.SAVED,
            lambda pdf: happened.append("written"),
            undo=lambda: happened.append("removed"),
        )
    assert happened == []  # refused before anything was written
    assert snapshot(db) == before


def test_an_agreement_that_could_not_be_made_is_not_audited(db: Database) -> None:
    from careplan.services.agreement import make_agreement
    from careplan.services.signing_certificate import NoSigningCertificate

    world = build_print_world(db)

    def make(agreement: Agreement, *, easy_read: bool) -> bytes:
        raise NoSigningCertificate()

    before = snapshot(db)
    with pytest.raises(NoSigningCertificate):
        make_agreement(db, world.team.manager, world.version_id, make_pdf=make)
    assert snapshot(db) == before


def test_the_version_view_says_who_approved_it_and_when(db: Database) -> None:
    from careplan.services.workspace import load_version

    world = build_print_world(db)
    view = load_version(db, world.team.key_worker, world.version_id)
    assert view.approved_by == "Priya Manager"
    assert view.approved_at is not None
