"""Every role against every use case: it works exactly when the permission table says so.

For each public use case in ``careplan.services`` (every function that takes an ``actor``) there
is a scenario that calls it with otherwise valid input. Each scenario runs as each of the four
roles; the call must succeed exactly when ``may(role, action)`` allows it, and a refusal must be
a ``PermissionDenied`` that leaves the database exactly as it was.

Which action each use case needs is read from its source (the action it passes to
``unit_of_work`` / ``read_only``), so a new use case, or a use case whose action changes, shows
up here as a failure until it has a scenario.

The full matrix runs on SQLite, each case on a copy of a world built once through the use cases;
a handful of representative cases also run on both engines (the ``db`` fixture).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import shutil
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import careplan.services
from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import (
    BudgetHeld,
    GoalGoing,
    GoalStatus,
    Naloxone,
    OverdoseRisk,
    PlanStatus,
    ReviewKind,
    ReviewOutcome,
    ReviewTopic,
    Role,
    SafetyPart,
    ServiceUnit,
    SignatureMethod,
    SignerKind,
    StepOwner,
)
from careplan.domain.errors import InvalidTransition, PermissionDenied
from careplan.domain.permissions import (
    PERMISSIONS,
    TEAM_ACTIONS,
    Action,
    RecordScope,
    may,
    may_change_team,
    record_scope,
)
from careplan.domain.records import AuditEvent, Goal, Review
from careplan.services import (
    agreement,
    assignments,
    audit_anchors,
    authentication,
    budget,
    catalogue,
    catalogue_file,
    configuration,
    consent,
    covering,
    desk,
    desk_approval,
    history,
    measures,
    people,
    people_search,
    plan_reviews,
    plans,
    progress,
    queries,
    receipts,
    record_access,
    requests,
    restore,
    review_schedule,
    review_view,
    reviews,
    reviews_due,
    reviews_ending,
    reviews_holding,
    reviews_requests,
    signing,
    signing_certificate,
    spending,
    spending_view,
    staff,
    staying_safe,
    staying_safe_view,
    timestamp_server,
    verification,
    workspace,
)
from careplan.services import backup as backup_use_cases
from careplan.storage.database import Database
from careplan.storage.opener import open_database
from tests import deciding
from tests.stored import audit_count, snapshot
from tests.worlds import (
    CANARY,
    STANDARD_ANSWERS,
    World,
    add_member,
    build_world,
    register,
    typed_signature,
    utc_today,
    version_sha256,
)

ROLES = tuple(Role)
Call = Callable[[Actor], Any]
Prepare = Callable[[Database, World], Call]


@dataclass(frozen=True)
class Scenario:
    """One use case, called with valid input, from a world whose plan has reached ``stage``."""

    name: str
    use_case: Callable[..., Any]
    actions: tuple[Action, ...]  # the call succeeds exactly when the role may do all of these
    prepare: Prepare
    stage: PlanStatus = PlanStatus.DRAFT
    writes: bool = True
    extra: bool = False  # a second rule inside the use case, beyond its unit of work's action

    def allowed(self, role: Role) -> bool:
        return all(may(role, action) for action in self.actions)


# --- the scenarios ----------------------------------------------------------------------------


def _add_staff(db: Database, world: World) -> Call:
    return lambda a: staff.add_staff(db, a, "newbie", "New Starter", Role.KEY_WORKER)


STAFF_PASSWORD = "everyone's password"
_hashes: dict[str, str] = {}


def _everyone_has_a_password(db: Database) -> None:
    """Every member of staff gets STAFF_PASSWORD (one hash, written straight in: quick)."""
    from sqlalchemy import update

    from careplan.domain.records import StaffMember

    if STAFF_PASSWORD not in _hashes:
        _hashes[STAFF_PASSWORD] = authentication.hash_password(STAFF_PASSWORD)
    with db.session() as session, session.begin():
        session.execute(update(StaffMember).values(password_hash=_hashes[STAFF_PASSWORD]))


def _confirm_identity(db: Database, world: World) -> Call:
    _everyone_has_a_password(db)
    return lambda a: authentication.confirm_identity(db, a, STAFF_PASSWORD)


def _change_password(db: Database, world: World) -> Call:
    _everyone_has_a_password(db)
    return lambda a: authentication.change_password(db, a, STAFF_PASSWORD, "a brand new password")


def _set_password(db: Database, world: World) -> Call:
    return lambda a: authentication.set_password(db, a, world.team.key_worker.staff_id, "a first password")


def _set_first_password(db: Database, world: World) -> Call:
    return lambda a: authentication.set_first_password(db, a, "the very first password")  # nobody has one


def _unlock_staff(db: Database, world: World) -> Call:
    from sqlalchemy import update

    from careplan.domain.records import StaffMember

    locked_out = add_member(db, world.team, "lockedout", Role.KEY_WORKER)
    with db.session() as session, session.begin():
        session.execute(
            update(StaffMember)
            .where(StaffMember.id == locked_out.staff_id)
            .values(locked=True, failed_sign_ins=10)
        )
    return lambda a: authentication.unlock_staff(db, a, locked_out.staff_id)


def _staff_list(db: Database, world: World) -> Call:
    return lambda a: staff.staff_list(db, a)


def _change_role(db: Database, world: World) -> Call:
    target = add_member(db, world.team, "target", Role.KEY_WORKER)
    return lambda a: staff.change_role(db, a, target.staff_id, Role.MANAGER)


def _deactivate_staff(db: Database, world: World) -> Call:
    target = add_member(db, world.team, "leaver", Role.KEY_WORKER)
    return lambda a: staff.deactivate_staff(db, a, target.staff_id)


def _register_person(db: Database, world: World) -> Call:
    details = people.PersonDetails(preferred_name="Jordan", full_name=f"Jordan {CANARY}")
    return lambda a: people.register_person(db, a, details)


def _update_person(db: Database, world: World) -> Call:
    details = people.PersonDetails(preferred_name="Dee", full_name=f"Deirdre {CANARY}", pronouns="she/her")
    return lambda a: people.update_person(db, a, world.person_id, details)


def _write_about_me(db: Database, world: World) -> Call:
    return lambda a: people.write_about_me(
        db, a, world.person_id, "what_matters", f"My kids {CANARY}", PERSON
    )


def _set_substances(db: Database, world: World) -> Call:
    entries = [people.SubstanceEntry("methadone", "oral", "daily", "60ml")]
    return lambda a: people.set_substances(db, a, world.person_id, entries)


def _search_people(db: Database, world: World) -> Call:
    return lambda a: people_search.search_people(db, a, people_search.PeopleQuery(text="Dee"))


def _count_people(db: Database, world: World) -> Call:
    return lambda a: people_search.count_people(db, a, people_search.PeopleQuery(text="Dee"))


def _first_page(db: Database, world: World) -> Call:
    return lambda a: people_search.first_page(db, a, people_search.PeopleQuery(text="Dee"))


def _list_plans(db: Database, world: World) -> Call:
    return lambda a: queries.list_plans(db, a)


def _reviews_due(db: Database, world: World) -> Call:
    return lambda a: reviews_due.reviews_due(db, a)


def _plan_reviews(db: Database, world: World) -> Call:
    return lambda a: plan_reviews.plan_reviews(db, a, world.plan_id)


def _record_consent(db: Database, world: World) -> Call:
    return lambda a: consent.record_consent(db, a, world.person_id, "My plan", "My GP", utc_today())


def _withdraw_consent(db: Database, world: World) -> Call:
    consent_id = consent.record_consent(
        db, world.team.key_worker, world.person_id, "My plan", "My GP", utc_today() - timedelta(days=3)
    )
    return lambda a: consent.withdraw_consent(db, a, consent_id, utc_today())


def _add_provider(db: Database, world: World) -> Call:
    return lambda a: catalogue.add_provider(db, a, "Riverside Climbing Wall", "01632 960111")


def _service_input(provider_id: int, price: str) -> catalogue.ServiceInput:
    return catalogue.ServiceInput(
        provider_id=provider_id,
        name="Family contact support",
        category="family",
        description="A six-week course.",
        unit=ServiceUnit.COURSE,
        unit_price=Decimal(price),
    )


def _add_service(db: Database, world: World) -> Call:
    provider_id = catalogue.add_provider(db, world.team.administrator, "Family Matters")
    return lambda a: catalogue.add_service(db, a, _service_input(provider_id, "180.00"))


def _update_service(db: Database, world: World) -> Call:
    with db.session() as session:
        from careplan.domain.records import Service

        service = session.get(Service, world.service_id)
        assert service is not None
        provider_id = service.provider_id
    changed = catalogue.ServiceInput(
        provider_id=provider_id,
        name="Peer mentoring",
        category="peer support",
        description="Now with evening sessions.",
        unit=ServiceUnit.SESSION,
        unit_price=Decimal("27.50"),
    )
    return lambda a: catalogue.update_service(db, a, world.service_id, changed)


CATALOGUE_CSV = (
    b"Provider,Service,Category,Unit,Price\r\n"
    b"Family Matters,Family contact support,family,course,180.00\r\n"
    b"Harbour Gym,Gym pass,sport,week,6.50\r\n"
)


def _import_catalogue(db: Database, world: World) -> Call:
    lines = catalogue_file.read_catalogue(CATALOGUE_CSV)
    return lambda a: catalogue_file.import_catalogue(db, a, lines)


def _export_catalogue(db: Database, world: World) -> Call:
    return lambda a: catalogue_file.export_catalogue(db, a)


def _compare_catalogue(db: Database, world: World) -> Call:
    lines = catalogue_file.read_catalogue(CATALOGUE_CSV)
    return lambda a: catalogue_file.compare_catalogue(db, a, lines)


def _list_services(db: Database, world: World) -> Call:
    return lambda a: catalogue.list_services(db, a)


def _proposal() -> catalogue.ProposalInput:
    return catalogue.ProposalInput(
        what="Climbing wall membership",
        category="sport",
        unit=ServiceUnit.WEEK,
        estimated_cost=Decimal("12.00"),
        why=f"It keeps me busy at weekends {CANARY}",
        why_voice=PERSON,
    )


def _propose_service(db: Database, world: World) -> Call:
    return lambda a: catalogue.propose_service(db, a, world.person_id, _proposal(), plan_id=world.plan_id)


def _decide_proposal(db: Database, world: World) -> Call:
    proposal_id = catalogue.propose_service(db, world.team.key_worker, world.person_id, _proposal())
    return lambda a: deciding.decide_proposal(db, a, proposal_id, approve=True, unit_price=Decimal("11.00"))


def _decide_request(db: Database, world: World) -> Call:
    proposal_id = catalogue.propose_service(db, world.team.key_worker, world.person_id, _proposal())
    decision = requests.Decision(requests.Choice.ASK, words="Which days would you go?")
    return lambda a: requests.decide_request(db, a, proposal_id, decision)


def _answer_request(db: Database, world: World) -> Call:
    proposal_id = catalogue.propose_service(db, world.team.key_worker, world.person_id, _proposal())
    ask = requests.Decision(requests.Choice.ASK, words="Which days would you go?")
    requests.decide_request(db, world.team.manager, proposal_id, ask)
    return lambda a: requests.answer_request(db, a, proposal_id, f"Saturdays {CANARY}", PERSON)


def _disagree_with_decision(db: Database, world: World) -> Call:
    proposal_id = catalogue.propose_service(db, world.team.key_worker, world.person_id, _proposal())
    deciding.decide_proposal(
        db, world.team.manager, proposal_id, approve=False, note="The gym pass covers it"
    )
    return lambda a: requests.disagree_with_decision(db, a, proposal_id, f"It is not the same {CANARY}")


def _list_requests(db: Database, world: World) -> Call:
    catalogue.propose_service(db, world.team.key_worker, world.person_id, _proposal())
    return lambda a: requests.list_requests(db, a)


def _set_service_name(db: Database, world: World) -> Call:
    return lambda a: configuration.set_service_name(db, a, "Riverside recovery service")


def _add_life_area(db: Database, world: World) -> Call:
    return lambda a: configuration.add_life_area(db, a, "Faith and belief")


def _rename_life_area(db: Database, world: World) -> Call:
    return lambda a: configuration.rename_life_area(db, a, "family", "Family and the people close to me")


def _retire_life_area(db: Database, world: World) -> Call:
    return lambda a: configuration.retire_life_area(db, a, "legal")


def _set_questionnaire(db: Database, world: World) -> Call:
    text = json.dumps(budget.default_questionnaire().to_dict())
    return lambda a: budget.set_questionnaire(db, a, text)


def _current_questionnaire(db: Database, world: World) -> Call:
    return lambda a: budget.current_questionnaire(db, a)


def _assess_budget(db: Database, world: World) -> Call:
    answers = {**STANDARD_ANSWERS, "legal": "yes"}
    return lambda a: budget.assess_budget(db, a, world.version_id, answers)


def _set_agreed_budget(db: Database, world: World) -> Call:
    return lambda a: budget.set_agreed_budget(db, a, world.version_id, Decimal("1000.00"))


def _set_agreed_budget_above_indicative(db: Database, world: World) -> Call:
    return lambda a: budget.set_agreed_budget(db, a, world.version_id, Decimal("1500.00"))


def _allocate(db: Database, world: World) -> Call:
    item = budget.AllocationInput(
        quantity=Decimal("2"), goal_ids=(world.plan.goal_ids[1],), service_id=world.service_id
    )
    return lambda a: budget.allocate(db, a, world.version_id, item)


def _allocate_over_budget_with_reason(db: Database, world: World) -> Call:
    # 100 sessions at £25.00 is £2,500.00, over the £1,250.00 budget of which £100.00 is used.
    item = budget.AllocationInput(
        quantity=Decimal("100"),
        goal_ids=(world.plan.goal_ids[0],),
        service_id=world.service_id,
        override_reason="Agreed at the funding panel",
    )
    return lambda a: budget.allocate(db, a, world.version_id, item)


def _change_allocation(db: Database, world: World) -> Call:
    return lambda a: budget.change_allocation(
        db, a, world.allocation_id, Decimal("6"), (world.plan.goal_ids[0],)
    )


def _change_allocation_over_budget_with_reason(db: Database, world: World) -> Call:
    return lambda a: budget.change_allocation(
        db,
        a,
        world.allocation_id,
        Decimal("60"),
        world.plan.goal_ids,
        override_reason="Agreed at the funding panel",
    )


def _release_allocation(db: Database, world: World) -> Call:
    return lambda a: budget.release_allocation(db, a, world.allocation_id)


def _start_plan(db: Database, world: World) -> Call:
    jordan = register(db, world.team.key_worker, "Jordan")
    return lambda a: plans.start_plan(db, a, jordan, period_start=date(2025, 3, 1))


def _set_period(db: Database, world: World) -> Call:
    return lambda a: plans.set_period(db, a, world.version_id, date(2025, 2, 1), date(2026, 1, 31))


def _add_goal(db: Database, world: World) -> Call:
    goal = plans.GoalInput(f"Get a driving licence {CANARY}", PERSON, "time")
    return lambda a: plans.add_goal(db, a, world.version_id, goal)


def _edit_goal(db: Database, world: World) -> Call:
    goal = plans.GoalInput(f"See my kids every week {CANARY}", PERSON, "family")
    return lambda a: plans.edit_goal(db, a, world.plan.goal_ids[0], goal)


def _remove_goal(db: Database, world: World) -> Call:
    return lambda a: plans.remove_goal(db, a, world.plan.goal_ids[1])


def _move_goal(db: Database, world: World) -> Call:
    return lambda a: plans.move_goal(db, a, world.plan.goal_ids[1], 0)


def _move_step(db: Database, world: World) -> Call:
    return lambda a: plans.move_step(db, a, world.plan.step_ids[1], 0)


def _may_put_back_words(db: Database, world: World) -> Call:
    from careplan.domain.records import Goal

    with db.session() as session:
        goal = session.get(Goal, world.plan.goal_ids[0])
        assert goal is not None
        text_id = goal.wording_id
    return lambda a: plans.may_put_back_words(db, a, world.version_id, [text_id])


def _add_step(db: Database, world: World) -> Call:
    step = plans.StepInput(f"Book a contact visit {CANARY}", STAFF, StepOwner.WORKER)
    return lambda a: plans.add_step(db, a, world.plan.goal_ids[0], step)


def _edit_step(db: Database, world: World) -> Call:
    step = plans.StepInput(f"Ring the centre on Monday {CANARY}", PERSON, StepOwner.PERSON)
    return lambda a: plans.edit_step(db, a, world.plan.step_ids[0], step)


def _remove_step(db: Database, world: World) -> Call:
    return lambda a: plans.remove_step(db, a, world.plan.step_ids[1])


def _set_goal_status(db: Database, world: World) -> Call:
    return lambda a: plans.set_goal_status(db, a, world.plan.goal_ids[0], GoalStatus.UNDER_WAY)


def _set_step_done(db: Database, world: World) -> Call:
    return lambda a: plans.set_step_done(db, a, world.plan.step_ids[0], True)


def _record_disagreement(db: Database, world: World) -> Call:
    return lambda a: plans.record_disagreement(
        db, a, world.version_id, f"I don't agree {CANARY}", PERSON, goal_id=world.plan.goal_ids[0]
    )


def _withdraw_disagreement(db: Database, world: World) -> Call:
    note = plans.record_disagreement(db, world.team.key_worker, world.version_id, f"No {CANARY}", PERSON)
    return lambda a: plans.withdraw_disagreement(db, a, note)


def _revise_plan(db: Database, world: World) -> Call:
    return lambda a: plans.revise_plan(db, a, world.version_id)


def _activate_plan(db: Database, world: World) -> Call:
    return lambda a: plans.activate_plan(db, a, world.version_id)


def _close_plan(db: Database, world: World) -> Call:
    return lambda a: plans.close_plan(db, a, world.plan_id)


def _sign_for_person(db: Database, world: World) -> Call:
    sha = version_sha256(db, world.version_id)
    return lambda a: signing.sign_plan(db, a, world.version_id, typed_signature(SignerKind.PERSON, sha))


def _sign_as_key_worker(db: Database, world: World) -> Call:
    sha = version_sha256(db, world.version_id)
    item = typed_signature(SignerKind.KEY_WORKER, sha, "Staff Name")
    return lambda a: signing.sign_plan(db, a, world.version_id, item)


def _load_agreement(db: Database, world: World) -> Call:
    return lambda a: agreement.load_agreement(db, a, world.version_id)


def _agreement_person_reference(db: Database, world: World) -> Call:
    return lambda a: agreement.agreement_person_reference(db, a, world.version_id)


def _make_agreement(db: Database, world: World) -> Call:
    return lambda a: agreement.make_agreement(
        db, a, world.version_id, make_pdf=lambda agreed, *, easy_read: b"%PDF-1.7 stand-in"
    )


def _deliver_agreement(db: Database, world: World) -> Call:
    issued = agreement.make_agreement(
        db, world.team.manager, world.version_id, make_pdf=lambda agreed, *, easy_read: b"%PDF-1.7 stand-in"
    )
    return lambda a: agreement.deliver_agreement(db, a, issued, agreement.Delivery.SAVED, lambda pdf: None)


def _approve_plan(db: Database, world: World) -> Call:
    return lambda a: signing.approve_plan(db, a, world.version_id)


def _schedule_review(db: Database, world: World) -> Call:
    return lambda a: reviews.schedule_review(db, a, world.plan_id, ReviewKind.EARLY, date(2026, 6, 1))


def _record_review(db: Database, world: World) -> Call:
    with db.session() as session:
        review_id = session.scalar(select(Review.id).where(Review.plan_id == world.plan_id).limit(1))
    assert review_id is not None
    record = reviews.ReviewRecord(
        completed_on=utc_today(),
        ratings={"family": 6, "housing": 3},
        person_notes=f"Saw the kids twice {CANARY}",
        worker_notes=f"Dee is doing well {CANARY}",
    )
    return lambda a: reviews.record_review(db, a, review_id, record)


def _first_review(db: Database, world: World) -> int:
    with db.session() as session:
        review_id = session.scalar(
            select(Review.id).where(Review.plan_id == world.plan_id).order_by(Review.due_date).limit(1)
        )
    assert review_id is not None
    return review_id


def _held_review(db: Database, world: World) -> int:
    """The first booked review, held by the key worker (a note in the person's words)."""
    review_id = _first_review(db, world)
    reviews_holding.write_review_note(
        db, world.team.key_worker, review_id, ReviewTopic.WORKING, PERSON, f"Seeing the kids {CANARY}"
    )
    return review_id


def _ask_for_review(db: Database, world: World) -> Call:
    return lambda a: reviews_requests.ask_for_review(db, a, world.plan_id, f"Can we talk sooner {CANARY}")


def _bring_review_forward(db: Database, world: World) -> Call:
    review_id = _first_review(db, world)
    return lambda a: reviews_requests.bring_review_forward(
        db, a, review_id, utc_today(), f"Things got hard {CANARY}"
    )


def _hold_review(db: Database, world: World) -> Call:
    review_id = _first_review(db, world)
    return lambda a: reviews_holding.hold_review(db, a, review_id)


def _write_review_note(db: Database, world: World) -> Call:
    review_id = _first_review(db, world)
    return lambda a: reviews_holding.write_review_note(
        db, a, review_id, ReviewTopic.CHANGED, STAFF, f"Much more settled {CANARY}"
    )


def _set_goal_going(db: Database, world: World) -> Call:
    review_id = _first_review(db, world)
    with db.session() as session:
        key = session.scalar(select(Goal.key).where(Goal.version_id == world.version_id).limit(1))
    assert key is not None
    return lambda a: reviews_holding.set_goal_going(
        db, a, review_id, key, GoalGoing.GOING_WELL, f"Two sessions done {CANARY}", PERSON
    )


def _give_scores(db: Database, world: World) -> Call:
    review_id = _first_review(db, world)
    return lambda a: reviews_holding.give_scores(db, a, review_id, "life_areas", {"family": 6}, PERSON)


def _end_review(outcome: ReviewOutcome) -> Prepare:
    def prepare(db: Database, world: World) -> Call:
        review_id = _held_review(db, world)
        return lambda a: reviews_ending.end_review(db, a, review_id, outcome, reason=f"We agreed {CANARY}")

    return prepare


def _confirm_review(db: Database, world: World) -> Call:
    review_id = _held_review(db, world)
    reviews_ending.end_review(db, world.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    confirmation = reviews_ending.Confirmation(SignatureMethod.TYPED, typed_name="Dee", confirmed=True)
    return lambda a: reviews_ending.confirm_review(db, a, review_id, confirmation)


def _reviews_in_full(db: Database, world: World) -> Call:
    return lambda a: review_view.reviews_in_full(db, a, world.plan_id)


def _review_behind(db: Database, world: World) -> Call:
    review_id = _held_review(db, world)
    ended = reviews_ending.end_review(db, world.team.key_worker, review_id, ReviewOutcome.CHANGE_PLAN)
    assert ended.new_version_id is not None
    new_version = ended.new_version_id
    return lambda a: review_view.review_behind(db, a, new_version)


def _outcome_measures(db: Database, world: World) -> Call:
    return lambda a: measures.outcome_measures(db, a)


def _load_measures(db: Database, world: World) -> Call:
    data = (resources.files("careplan") / "resources/reference/outcome_measures.toml").read_bytes()
    return lambda a: measures.load_measures(db, a, data)


def _review_schedule(db: Database, world: World) -> Call:
    return lambda a: review_schedule.review_schedule(db, a)


def _set_review_schedule(db: Database, world: World) -> Call:
    return lambda a: review_schedule.set_review_schedule(db, a, 8, 2)


def _verify_audit_trail(db: Database, world: World) -> Call:
    return lambda a: audit_anchors.verify_audit_trail(db, a)


def _check_trail(db: Database, world: World) -> Call:
    return lambda a: audit_anchors.check_trail(db, a, audit_anchors.backup_sources(db))


def _load_person(db: Database, world: World) -> Call:
    return lambda a: workspace.load_person(db, a, world.person_id)


def _open_person(db: Database, world: World) -> Call:
    return lambda a: workspace.open_person(db, a, world.person_id)


def _record_access(db: Database, world: World) -> Call:
    return lambda a: record_access.record_access(db, a, world.person_id)


def _consents_for(db: Database, world: World) -> Call:
    return lambda a: consent.consents_for(db, a, world.person_id)


def _current_version_id(db: Database, world: World) -> Call:
    return lambda a: workspace.current_version_id(db, a, world.person_id)


def _load_version(db: Database, world: World) -> Call:
    return lambda a: workspace.load_version(db, a, world.version_id)


def _load_current_version(db: Database, world: World) -> Call:
    return lambda a: workspace.load_current_version(db, a, world.person_id)


def _life_areas(db: Database, world: World) -> Call:
    return lambda a: workspace.life_areas(db, a)


def _catalogue_entries(db: Database, world: World) -> Call:
    return lambda a: workspace.catalogue_entries(db, a)


def _compare_versions(db: Database, world: World) -> Call:
    newer = plans.revise_plan(db, world.team.key_worker, world.version_id)
    plans.set_period(db, world.team.key_worker, newer, date(2026, 1, 6), date(2027, 1, 5))
    return lambda a: history.compare_versions(db, a, world.version_id, newer)


def _proposals_for(db: Database, world: World) -> Call:
    catalogue.propose_service(db, world.team.key_worker, world.person_id, _proposal())
    return lambda a: workspace.proposals_for(db, a, world.person_id)


def _with_memory_keyring(call: Call) -> Call:
    """The signing certificate's passphrase goes to the OS keyring: an in-memory one here."""
    from tests.keyring_memory import MemoryKeyring, installed

    def run(a: Actor) -> Any:
        with installed(MemoryKeyring()):
            return call(a)

    return run


CERT_PASSPHRASE = "correct horse battery staple"


def _create_self_signed(db: Database, world: World) -> Call:
    return _with_memory_keyring(
        lambda a: signing_certificate.create_self_signed(
            db, a, "Harbour Recovery Service", CERT_PASSPHRASE, key_kind="ec-p256"
        )
    )


def _import_pkcs12(db: Database, world: World) -> Call:
    from tests.services.test_signing_certificate import pkcs12_file

    data = pkcs12_file()
    return _with_memory_keyring(lambda a: signing_certificate.import_pkcs12(db, a, data, "file passphrase"))


def _remember_passphrase(db: Database, world: World) -> Call:
    _create_self_signed(db, world)(world.team.manager)
    return _with_memory_keyring(lambda a: signing_certificate.remember_passphrase(db, a, CERT_PASSPHRASE))


def _set_timestamp_url(db: Database, world: World) -> Call:
    return lambda a: timestamp_server.set_timestamp_url(db, a, "https://tsa.example.org/tsr")


def _agreement_version(db: Database, world: World) -> Call:
    return lambda a: verification.agreement_version(db, a, world.plan_id)


A = Action
AGREED, APPROVED = PlanStatus.AGREED, PlanStatus.APPROVED
SCENARIOS: tuple[Scenario, ...] = (
    Scenario("add_staff", staff.add_staff, (A.MANAGE_STAFF,), _add_staff),
    Scenario("change_role", staff.change_role, (A.MANAGE_STAFF,), _change_role),
    Scenario("deactivate_staff", staff.deactivate_staff, (A.MANAGE_STAFF,), _deactivate_staff),
    Scenario("staff_list", staff.staff_list, (A.MANAGE_STAFF,), _staff_list, writes=False),
    Scenario("confirm_identity", authentication.confirm_identity, (A.SIGN_IN,), _confirm_identity),
    Scenario("change_password", authentication.change_password, (A.SIGN_IN,), _change_password),
    Scenario("set_password", authentication.set_password, (A.MANAGE_STAFF,), _set_password),
    Scenario("unlock_staff", authentication.unlock_staff, (A.MANAGE_STAFF,), _unlock_staff),
    Scenario("set_first_password", authentication.set_first_password, (A.MANAGE_STAFF,), _set_first_password),
    Scenario("register_person", people.register_person, (A.REGISTER_PERSON,), _register_person),
    Scenario("update_person", people.update_person, (A.EDIT_PERSON,), _update_person),
    Scenario("write_about_me", people.write_about_me, (A.EDIT_ABOUT_ME,), _write_about_me),
    Scenario("set_substances", people.set_substances, (A.EDIT_ABOUT_ME,), _set_substances),
    Scenario("search_people", people_search.search_people, (A.VIEW_PEOPLE,), _search_people, writes=False),
    Scenario("count_people", people_search.count_people, (A.VIEW_PEOPLE,), _count_people, writes=False),
    Scenario("first_page", people_search.first_page, (A.VIEW_PEOPLE,), _first_page, writes=False),
    Scenario("list_plans", queries.list_plans, (A.VIEW_PEOPLE,), _list_plans, writes=False),
    Scenario("reviews_due", reviews_due.reviews_due, (A.VIEW_PEOPLE,), _reviews_due, APPROVED, writes=False),
    Scenario(
        "plan_reviews", plan_reviews.plan_reviews, (A.VIEW_PEOPLE,), _plan_reviews, APPROVED, writes=False
    ),
    Scenario("record_consent", consent.record_consent, (A.RECORD_CONSENT,), _record_consent),
    Scenario("withdraw_consent", consent.withdraw_consent, (A.RECORD_CONSENT,), _withdraw_consent),
    Scenario("add_provider", catalogue.add_provider, (A.MANAGE_CATALOGUE,), _add_provider),
    Scenario("add_service", catalogue.add_service, (A.MANAGE_CATALOGUE,), _add_service),
    Scenario("update_service", catalogue.update_service, (A.MANAGE_CATALOGUE,), _update_service),
    Scenario("import_catalogue", catalogue_file.import_catalogue, (A.MANAGE_CATALOGUE,), _import_catalogue),
    Scenario(
        "export_catalogue",
        catalogue_file.export_catalogue,
        (A.MANAGE_CATALOGUE,),
        _export_catalogue,
        writes=False,
    ),
    Scenario(
        "compare_catalogue",
        catalogue_file.compare_catalogue,
        (A.MANAGE_CATALOGUE,),
        _compare_catalogue,
        writes=False,
    ),
    Scenario("list_services", catalogue.list_services, (A.MANAGE_CATALOGUE,), _list_services, writes=False),
    Scenario("propose_service", catalogue.propose_service, (A.PROPOSE_SERVICE,), _propose_service),
    Scenario("decide_request", requests.decide_request, (A.DECIDE_PROPOSAL,), _decide_proposal),
    Scenario("ask_about_request", requests.decide_request, (A.DECIDE_PROPOSAL,), _decide_request),
    Scenario("answer_request", requests.answer_request, (A.PROPOSE_SERVICE,), _answer_request),
    Scenario(
        "disagree_with_decision",
        requests.disagree_with_decision,
        (A.RECORD_DISAGREEMENT,),
        _disagree_with_decision,
    ),
    Scenario("list_requests", requests.list_requests, (A.DECIDE_PROPOSAL,), _list_requests, writes=False),
    Scenario("add_life_area", configuration.add_life_area, (A.CONFIGURE,), _add_life_area),
    Scenario("set_service_name", configuration.set_service_name, (A.CONFIGURE,), _set_service_name),
    Scenario("rename_life_area", configuration.rename_life_area, (A.CONFIGURE,), _rename_life_area),
    Scenario("retire_life_area", configuration.retire_life_area, (A.CONFIGURE,), _retire_life_area),
    Scenario("set_questionnaire", budget.set_questionnaire, (A.CONFIGURE,), _set_questionnaire),
    Scenario(
        "current_questionnaire",
        budget.current_questionnaire,
        (A.ASSESS_BUDGET,),
        _current_questionnaire,
        writes=False,
    ),
    Scenario("assess_budget", budget.assess_budget, (A.ASSESS_BUDGET,), _assess_budget),
    Scenario("set_agreed_budget", budget.set_agreed_budget, (A.SET_AGREED_BUDGET,), _set_agreed_budget),
    Scenario(
        "set_agreed_budget_above_indicative",
        budget.set_agreed_budget,
        (A.SET_AGREED_BUDGET, A.SET_BUDGET_ABOVE_INDICATIVE),
        _set_agreed_budget_above_indicative,
        extra=True,
    ),
    Scenario("allocate", budget.allocate, (A.ALLOCATE_BUDGET,), _allocate),
    Scenario(
        "allocate_over_budget_with_reason",
        budget.allocate,
        (A.ALLOCATE_BUDGET, A.OVERRIDE_BUDGET),
        _allocate_over_budget_with_reason,
        extra=True,
    ),
    Scenario("change_allocation", budget.change_allocation, (A.ALLOCATE_BUDGET,), _change_allocation),
    Scenario(
        "change_allocation_over_budget_with_reason",
        budget.change_allocation,
        (A.ALLOCATE_BUDGET, A.OVERRIDE_BUDGET),
        _change_allocation_over_budget_with_reason,
        extra=True,
    ),
    Scenario("release_allocation", budget.release_allocation, (A.ALLOCATE_BUDGET,), _release_allocation),
    Scenario("start_plan", plans.start_plan, (A.START_PLAN,), _start_plan),
    Scenario("set_period", plans.set_period, (A.EDIT_PLAN,), _set_period),
    Scenario("add_goal", plans.add_goal, (A.EDIT_PLAN,), _add_goal),
    Scenario("edit_goal", plans.edit_goal, (A.EDIT_PLAN,), _edit_goal),
    Scenario("remove_goal", plans.remove_goal, (A.EDIT_PLAN,), _remove_goal),
    Scenario("move_goal", plans.move_goal, (A.EDIT_PLAN,), _move_goal),
    Scenario("move_step", plans.move_step, (A.EDIT_PLAN,), _move_step),
    Scenario(
        "may_put_back_words", plans.may_put_back_words, (A.VIEW_PEOPLE,), _may_put_back_words, writes=False
    ),
    Scenario("add_step", plans.add_step, (A.EDIT_PLAN,), _add_step),
    Scenario("edit_step", plans.edit_step, (A.EDIT_PLAN,), _edit_step),
    Scenario("remove_step", plans.remove_step, (A.EDIT_PLAN,), _remove_step),
    Scenario("set_goal_status", plans.set_goal_status, (A.RECORD_PROGRESS,), _set_goal_status),
    Scenario("set_step_done", plans.set_step_done, (A.RECORD_PROGRESS,), _set_step_done),
    Scenario(
        "record_disagreement", plans.record_disagreement, (A.RECORD_DISAGREEMENT,), _record_disagreement
    ),
    Scenario(
        "withdraw_disagreement", plans.withdraw_disagreement, (A.RECORD_DISAGREEMENT,), _withdraw_disagreement
    ),
    Scenario("revise_plan", plans.revise_plan, (A.REVISE_PLAN,), _revise_plan, stage=AGREED),
    Scenario("activate_plan", plans.activate_plan, (A.ACTIVATE_PLAN,), _activate_plan, stage=APPROVED),
    Scenario("close_plan", plans.close_plan, (A.CLOSE_PLAN,), _close_plan),
    Scenario("sign_plan_for_person", signing.sign_plan, (A.WITNESS_PERSON_SIGNATURE,), _sign_for_person),
    Scenario("sign_plan_as_key_worker", signing.sign_plan, (A.SIGN_AS_KEY_WORKER,), _sign_as_key_worker),
    Scenario("approve_plan", signing.approve_plan, (A.APPROVE_PLAN,), _approve_plan, stage=AGREED),
    Scenario(
        "load_agreement",
        agreement.load_agreement,
        (A.PRINT_AGREEMENT,),
        _load_agreement,
        stage=APPROVED,
        writes=False,
    ),
    Scenario(
        "make_agreement",
        agreement.make_agreement,
        (A.PRINT_AGREEMENT,),
        _make_agreement,
        stage=APPROVED,
        writes=False,
    ),
    Scenario(
        "deliver_agreement",
        agreement.deliver_agreement,
        (A.PRINT_AGREEMENT,),
        _deliver_agreement,
        stage=APPROVED,
    ),
    Scenario(
        "agreement_person_reference",
        agreement.agreement_person_reference,
        (A.VIEW_PEOPLE,),
        _agreement_person_reference,
        writes=False,
    ),
    Scenario(
        "schedule_review", reviews.schedule_review, (A.SCHEDULE_REVIEW,), _schedule_review, stage=APPROVED
    ),
    Scenario("record_review", reviews.record_review, (A.RECORD_REVIEW,), _record_review, stage=APPROVED),
    Scenario(
        "ask_for_review",
        reviews_requests.ask_for_review,
        (A.ASK_FOR_REVIEW,),
        _ask_for_review,
        stage=APPROVED,
    ),
    Scenario(
        "bring_review_forward",
        reviews_requests.bring_review_forward,
        (A.BRING_REVIEW_FORWARD,),
        _bring_review_forward,
        stage=APPROVED,
    ),
    Scenario("hold_review", reviews_holding.hold_review, (A.RECORD_REVIEW,), _hold_review, stage=APPROVED),
    Scenario(
        "write_review_note",
        reviews_holding.write_review_note,
        (A.RECORD_REVIEW,),
        _write_review_note,
        stage=APPROVED,
    ),
    Scenario(
        "set_goal_going", reviews_holding.set_goal_going, (A.RECORD_REVIEW,), _set_goal_going, stage=APPROVED
    ),
    Scenario("give_scores", reviews_holding.give_scores, (A.RECORD_REVIEW,), _give_scores, stage=APPROVED),
    Scenario(
        "end_review_carry_on",
        reviews_ending.end_review,
        (A.END_REVIEW,),
        _end_review(ReviewOutcome.CARRY_ON),
        stage=APPROVED,
    ),
    Scenario(
        "end_review_change_plan",
        reviews_ending.end_review,
        (A.END_REVIEW, A.REVISE_PLAN),
        _end_review(ReviewOutcome.CHANGE_PLAN),
        stage=APPROVED,
        extra=True,
    ),
    Scenario(
        "end_review_close_plan",
        reviews_ending.end_review,
        (A.END_REVIEW, A.CLOSE_PLAN_AT_REVIEW),
        _end_review(ReviewOutcome.CLOSE_PLAN),
        stage=APPROVED,
        extra=True,
    ),
    Scenario(
        "confirm_review", reviews_ending.confirm_review, (A.RECORD_REVIEW,), _confirm_review, stage=APPROVED
    ),
    Scenario(
        "reviews_in_full",
        review_view.reviews_in_full,
        (A.RECORD_REVIEW,),
        _reviews_in_full,
        stage=APPROVED,
        writes=False,
    ),
    Scenario(
        "review_behind",
        review_view.review_behind,
        (A.RECORD_REVIEW,),
        _review_behind,
        stage=APPROVED,
        writes=False,
    ),
    Scenario("outcome_measures", measures.outcome_measures, (A.SIGN_IN,), _outcome_measures, writes=False),
    Scenario("load_measures", measures.load_measures, (A.LOAD_MEASURES,), _load_measures),
    Scenario(
        "review_schedule", review_schedule.review_schedule, (A.SIGN_IN,), _review_schedule, writes=False
    ),
    Scenario(
        "set_review_schedule", review_schedule.set_review_schedule, (A.CONFIGURE,), _set_review_schedule
    ),
    Scenario(
        "verify_audit_trail",
        audit_anchors.verify_audit_trail,
        (A.VIEW_AUDIT,),
        _verify_audit_trail,
        writes=False,
    ),
    Scenario("check_trail", audit_anchors.check_trail, (A.VIEW_AUDIT,), _check_trail, writes=False),
    Scenario("load_person", workspace.load_person, (A.VIEW_PEOPLE,), _load_person, writes=False),
    Scenario("open_person", workspace.open_person, (A.VIEW_PEOPLE,), _open_person),
    Scenario(
        "record_access",
        record_access.record_access,
        (A.VIEW_AUDIT, A.VIEW_PEOPLE),
        _record_access,
        writes=False,
    ),
    Scenario("consents_for", consent.consents_for, (A.VIEW_PEOPLE,), _consents_for, writes=False),
    Scenario(
        "current_version_id",
        workspace.current_version_id,
        (A.VIEW_PEOPLE,),
        _current_version_id,
        writes=False,
    ),
    Scenario("load_version", workspace.load_version, (A.VIEW_PEOPLE,), _load_version, writes=False),
    Scenario(
        "load_current_version",
        workspace.load_current_version,
        (A.VIEW_PEOPLE,),
        _load_current_version,
        writes=False,
    ),
    Scenario("life_areas", workspace.life_areas, (A.VIEW_PEOPLE,), _life_areas, writes=False),
    Scenario(
        "catalogue_entries", workspace.catalogue_entries, (A.VIEW_PEOPLE,), _catalogue_entries, writes=False
    ),
    Scenario("proposals_for", workspace.proposals_for, (A.VIEW_PEOPLE,), _proposals_for, writes=False),
    Scenario(
        "compare_versions",
        history.compare_versions,
        (A.VIEW_PEOPLE,),
        _compare_versions,
        stage=AGREED,
        writes=False,
    ),
)
SCENARIOS += (
    Scenario(
        "create_self_signed",
        signing_certificate.create_self_signed,
        (A.MANAGE_SIGNING_CERTIFICATE,),
        _create_self_signed,
    ),
    Scenario(
        "import_pkcs12", signing_certificate.import_pkcs12, (A.MANAGE_SIGNING_CERTIFICATE,), _import_pkcs12
    ),
    Scenario(
        "remember_passphrase",
        signing_certificate.remember_passphrase,
        (A.MANAGE_SIGNING_CERTIFICATE,),
        _remember_passphrase,
    ),
    Scenario(
        "set_timestamp_url",
        timestamp_server.set_timestamp_url,
        (A.MANAGE_SIGNING_CERTIFICATE,),
        _set_timestamp_url,
    ),
    Scenario(
        "agreement_version",
        verification.agreement_version,
        (A.PRINT_AGREEMENT,),
        _agreement_version,
        stage=APPROVED,
        writes=False,
    ),
)


def _backup_database(db: Database, world: World) -> Call:
    from careplan.services import backup

    assert db.path is not None
    target = db.path.with_name(f"{db.path.stem}-scenario.careplan-backup")
    return lambda a: backup.backup_database(db, a, target)


def _restore_database(db: Database, world: World) -> Call:
    from careplan.services import backup, restore

    path = db.path
    assert path is not None
    made = backup.backup_database(db, world.team.administrator, path.with_name("scenario.careplan-backup"))
    return lambda a: restore.restore_database(path, a, made.path)


def _automatic_backup(db: Database, world: World) -> Call:
    from careplan.services import backup

    return lambda a: backup.automatic_backup(db, a)


SCENARIOS += (
    Scenario("automatic_backup", backup_use_cases.automatic_backup, (A.AUTOMATIC_BACKUP,), _automatic_backup),
    Scenario("backup_database", backup_use_cases.backup_database, (A.BACKUP_DATABASE,), _backup_database),
    Scenario("restore_database", restore.restore_database, (A.RESTORE_DATABASE,), _restore_database),
)


def _cover_for_colleague(db: Database, world: World) -> Call:
    # Somebody on nobody's caseload (registered by a manager, with no key worker).
    outsider = register(db, world.team.manager, "Marek")
    return lambda a: covering.cover_for_colleague(db, a, outsider, f"Covering for Kim {CANARY}", hours=4)


def _assign_peer_mentor(db: Database, world: World) -> Call:
    mentor = add_member(db, world.team, "robin", Role.PEER_MENTOR)
    return lambda a: assignments.assign_peer_mentor(db, a, world.person_id, mentor.staff_id)


def _record_standing(db: Database, world: World) -> Call:
    return lambda a: covering.record_standing(db, a, world.person_id)


def _who_works_with(db: Database, world: World) -> Call:
    return lambda a: assignments.who_works_with(db, a, world.person_id)


def _person_with_reference(db: Database, world: World) -> Call:
    reference = workspace.load_person(db, world.team.manager, world.person_id).reference
    return lambda a: assignments.person_with_reference(db, a, reference)


def _end_peer_mentor(db: Database, world: World) -> Call:
    # Chris is Dee's peer mentor in every world (tests/worlds.py).
    return lambda a: assignments.end_peer_mentor(db, a, world.person_id, world.team.peer_mentor.staff_id)


def _change_key_worker(db: Database, world: World) -> Call:
    jess = add_member(db, world.team, "jess", Role.KEY_WORKER)
    return lambda a: assignments.change_key_worker(db, a, world.person_id, jess.staff_id)


SCENARIOS += (
    Scenario(
        "cover_for_colleague", covering.cover_for_colleague, (A.COVER_FOR_COLLEAGUE,), _cover_for_colleague
    ),
    Scenario(
        "assign_peer_mentor", assignments.assign_peer_mentor, (A.ASSIGN_PEER_MENTOR,), _assign_peer_mentor
    ),
    Scenario("record_standing", covering.record_standing, (A.SIGN_IN,), _record_standing, writes=False),
    Scenario("end_peer_mentor", assignments.end_peer_mentor, (A.END_PEER_MENTOR,), _end_peer_mentor),
    Scenario("change_key_worker", assignments.change_key_worker, (A.CHANGE_KEY_WORKER,), _change_key_worker),
    Scenario("who_works_with", assignments.who_works_with, (A.VIEW_PEOPLE,), _who_works_with, writes=False),
    Scenario(
        "person_with_reference",
        assignments.person_with_reference,
        (A.VIEW_PEOPLE,),
        _person_with_reference,
        writes=False,
    ),
)


def _staying_safe_contact(db: Database, world: World) -> int:
    contact = staying_safe.ContactInput(f"Jo {CANARY}", "07700 900462", PERSON)
    return staying_safe.add_contact(db, world.team.key_worker, world.version_id, contact)


def _write_part(db: Database, world: World) -> Call:
    words = f"A walk with the dog {CANARY}"
    return lambda a: staying_safe.write_part(db, a, world.version_id, SafetyPart.WHAT_HELPS, words, PERSON)


def _set_overdose_risk(db: Database, world: World) -> Call:
    words = f"Since the detox {CANARY}"
    return lambda a: staying_safe.set_overdose_risk(db, a, world.version_id, OverdoseRisk.HIGH, words, PERSON)


def _set_naloxone(db: Database, world: World) -> Call:
    where = f"Coat pocket {CANARY}"
    return lambda a: staying_safe.set_naloxone(db, a, world.version_id, Naloxone.HELD, where, PERSON)


def _add_contact(db: Database, world: World) -> Call:
    contact = staying_safe.ContactInput(f"Jo {CANARY}", "07700 900462", PERSON)
    return lambda a: staying_safe.add_contact(db, a, world.version_id, contact)


def _edit_contact(db: Database, world: World) -> Call:
    contact_id = _staying_safe_contact(db, world)
    changed = staying_safe.ContactInput(f"Jo {CANARY}", "07700 900463", PERSON)
    return lambda a: staying_safe.edit_contact(db, a, contact_id, changed)


def _remove_contact(db: Database, world: World) -> Call:
    contact_id = _staying_safe_contact(db, world)
    return lambda a: staying_safe.remove_contact(db, a, contact_id)


def _load_staying_safe(db: Database, world: World) -> Call:
    return lambda a: staying_safe_view.load_staying_safe(db, a, world.version_id)


SCENARIOS += (
    Scenario("write_part", staying_safe.write_part, (A.EDIT_PLAN,), _write_part),
    Scenario("set_overdose_risk", staying_safe.set_overdose_risk, (A.EDIT_PLAN,), _set_overdose_risk),
    Scenario("set_naloxone", staying_safe.set_naloxone, (A.EDIT_PLAN,), _set_naloxone),
    Scenario("add_contact", staying_safe.add_contact, (A.EDIT_PLAN,), _add_contact),
    Scenario("edit_contact", staying_safe.edit_contact, (A.EDIT_PLAN,), _edit_contact),
    Scenario("remove_contact", staying_safe.remove_contact, (A.EDIT_PLAN,), _remove_contact),
    Scenario(
        "load_staying_safe",
        staying_safe_view.load_staying_safe,
        (A.VIEW_PEOPLE,),
        _load_staying_safe,
        writes=False,
    ),
)
BY_NAME = {s.name: s for s in SCENARIOS}


def _spend(world: World, pence: int = 500, **more: Any) -> spending.SpendingInput:
    return spending.SpendingInput(
        allocation_id=world.allocations[0],
        amount=Decimal(pence) / 100,
        spent_on=utc_today(),
        supplier="Northside Gym",
        **more,
    )


def _record_spending(db: Database, world: World) -> Call:
    return lambda a: spending.record_spending(db, a, world.plan_id, _spend(world))


def _record_spending_over_with_agreement(db: Database, world: World) -> Call:
    over = _spend(world, 10_000_000, agreement="Agreed: a one-off")
    return lambda a: spending.record_spending(db, a, world.plan_id, over)


def _recorded_entry(db: Database, world: World, **more: Any) -> int:
    return spending.record_spending(db, world.team.manager, world.plan_id, _spend(world, **more))


def _reverse_spending(db: Database, world: World) -> Call:
    entry_id = _recorded_entry(db, world)
    return lambda a: spending.reverse_spending(db, a, entry_id, "Typed twice")


def _set_budget_holding(db: Database, world: World) -> Call:
    return lambda a: spending.set_budget_holding(db, a, world.plan_id, BudgetHeld.THIRD_PARTY)


def _spending_of(db: Database, world: World) -> Call:
    _recorded_entry(db, world)
    return lambda a: spending_view.spending_of(db, a, world.plan_id)


def _load_receipt(db: Database, world: World) -> Call:
    entry_id = _recorded_entry(db, world, receipt=b"%PDF-1.7 a receipt")
    return lambda a: spending_view.load_receipt(db, a, entry_id)


def _save_receipt(db: Database, world: World) -> Call:
    entry_id = _recorded_entry(db, world, receipt=b"%PDF-1.7 a receipt")
    return lambda a: receipts.save_receipt(db, a, entry_id, lambda _data: None)


SCENARIOS += (
    Scenario(
        "record_spending", spending.record_spending, (A.RECORD_SPENDING,), _record_spending, stage=APPROVED
    ),
    Scenario(
        "record_spending_over_with_agreement",
        spending.record_spending,
        (A.RECORD_SPENDING, A.AGREE_OVERSPEND),
        _record_spending_over_with_agreement,
        stage=APPROVED,
        extra=True,
    ),
    Scenario(
        "reverse_spending", spending.reverse_spending, (A.RECORD_SPENDING,), _reverse_spending, stage=APPROVED
    ),
    Scenario(
        "set_budget_holding",
        spending.set_budget_holding,
        (A.SET_BUDGET_HOLDING,),
        _set_budget_holding,
        stage=APPROVED,
    ),
    Scenario(
        "spending_of",
        spending_view.spending_of,
        (A.VIEW_PEOPLE,),
        _spending_of,
        stage=APPROVED,
        writes=False,
    ),
    Scenario(
        "load_receipt",
        spending_view.load_receipt,
        (A.VIEW_PEOPLE,),
        _load_receipt,
        stage=APPROVED,
        writes=False,
    ),
    Scenario("save_receipt", receipts.save_receipt, (A.VIEW_PEOPLE,), _save_receipt, stage=APPROVED),
)


def _progress_of(db: Database, world: World) -> Call:
    return lambda a: progress.progress_of(db, a, world.plan_id)


def _progress_of_person(db: Database, world: World) -> Call:
    reference = workspace.load_person(db, world.team.manager, world.person_id).reference
    return lambda a: progress.progress_of_person(db, a, reference)


SCENARIOS += (
    Scenario(
        "progress_of", progress.progress_of, (A.RECORD_REVIEW,), _progress_of, stage=APPROVED, writes=False
    ),
    Scenario(
        "progress_of_person",
        progress.progress_of_person,
        (A.RECORD_REVIEW,),
        _progress_of_person,
        stage=APPROVED,
        writes=False,
    ),
)


def _desk_view(db: Database, world: World) -> Call:
    return lambda a: desk.desk_view(db, a)


def _approval_summary(db: Database, world: World) -> Call:
    return lambda a: desk_approval.approval_summary(db, a, world.version_id)


SCENARIOS += (
    Scenario("desk_view", desk.desk_view, (A.VIEW_REPORTS,), _desk_view, stage=APPROVED, writes=False),
    Scenario(
        "approval_summary",
        desk_approval.approval_summary,
        (A.APPROVE_PLAN,),
        _approval_summary,
        stage=AGREED,
        writes=False,
    ),
)


BASE = tuple(s for s in SCENARIOS if not s.extra)
INFRASTRUCTURE = {"unit_of_work", "read_only"}  # they take an actor, but they are how use cases run


# --- reading the use cases from the code ----------------------------------------------------


def public_use_cases() -> dict[str, Callable[..., Any]]:
    """Every public function in careplan.services that takes an ``actor``."""
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(careplan.services.__path__):
        module = importlib.import_module(f"careplan.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_") or name in INFRASTRUCTURE:
                continue
            if "actor" in inspect.signature(function).parameters:
                found[f"{info.name}.{name}"] = function
    return found


def _actions_named(node: ast.AST) -> set[Action]:
    return {
        Action[n.attr]
        for n in ast.walk(node)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "Action"
    }


def actions_in_source(function: Callable[..., Any]) -> frozenset[Action]:
    """The actions a use case passes to ``unit_of_work`` or ``read_only``, read from its source."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    assigned: dict[str, set[Action]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, set()).update(_actions_named(node.value))
    found: set[Action] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in INFRASTRUCTURE:
            argument = (
                node.args[2]
                if len(node.args) > 2
                else next(k.value for k in node.keywords if k.arg == "action")
            )
            if isinstance(argument, ast.Name):
                found |= assigned.get(argument.id, set())
            else:
                found |= _actions_named(argument)
    return frozenset(found)


def test_every_use_case_has_a_scenario_for_each_action_it_checks() -> None:
    use_cases = public_use_cases()
    assert len(use_cases) >= 40, "the use cases were not found"
    covered: dict[str, set[Action]] = {}
    for scenario in BASE:
        key = f"{scenario.use_case.__module__.rsplit('.', 1)[1]}.{scenario.use_case.__name__}"
        covered.setdefault(key, set()).update(scenario.actions)
    missing = sorted(set(use_cases) - set(covered))
    assert not missing, f"use cases without a permission scenario: {missing}"
    for key, function in use_cases.items():
        in_code = actions_in_source(function)
        assert in_code, f"{key} runs without checking any action"
        assert covered[key] == in_code, (
            f"{key} checks {sorted(in_code)}, scenarios test {sorted(covered[key])}"
        )


def test_reading_actions_from_source_sees_the_conditional_one() -> None:
    assert actions_in_source(signing.sign_plan) == {
        Action.WITNESS_PERSON_SIGNATURE,
        Action.SIGN_AS_KEY_WORKER,
    }
    assert actions_in_source(budget.current_questionnaire) == {Action.ASSESS_BUDGET}


# --- the table itself -----------------------------------------------------------------------


def test_every_role_has_an_entry() -> None:
    assert set(PERMISSIONS) == set(Role)


def test_every_action_is_granted_to_some_role() -> None:
    granted = set().union(*PERMISSIONS.values())
    assert granted == set(Action)


def test_administrators_never_touch_a_care_record() -> None:
    care = {Action.VIEW_PEOPLE, Action.EDIT_ABOUT_ME, Action.EDIT_PLAN, Action.APPROVE_PLAN}
    assert not care & PERMISSIONS[Role.ADMINISTRATOR]


def test_roles_nest_peer_mentor_key_worker_manager() -> None:
    """Each role may do what the one before may, except that managers never need to cover for a
    colleague: they may open every record already."""
    assert PERMISSIONS[Role.PEER_MENTOR] < PERMISSIONS[Role.KEY_WORKER]
    assert PERMISSIONS[Role.KEY_WORKER] - {Action.COVER_FOR_COLLEAGUE} < PERMISSIONS[Role.MANAGER]
    assert Action.COVER_FOR_COLLEAGUE not in PERMISSIONS[Role.MANAGER]


def test_whose_records_each_role_may_open() -> None:
    assert record_scope(Role.MANAGER) is RecordScope.EVERYONE
    assert record_scope(Role.KEY_WORKER) is RecordScope.CASELOAD
    assert record_scope(Role.PEER_MENTOR) is RecordScope.CASELOAD
    assert record_scope(Role.ADMINISTRATOR) is RecordScope.NOBODY


# Who may change who works with a person (their key worker, their peer mentors): a manager for
# anyone; a key worker only as the person's own key worker; peer mentors and administrators never.
TEAM_RULE = (
    (Role.MANAGER, False, True),
    (Role.MANAGER, True, True),
    (Role.KEY_WORKER, True, True),
    (Role.KEY_WORKER, False, False),
    (Role.PEER_MENTOR, True, False),
    (Role.PEER_MENTOR, False, False),
    (Role.ADMINISTRATOR, True, False),
    (Role.ADMINISTRATOR, False, False),
)


@pytest.mark.parametrize("action", sorted(TEAM_ACTIONS))
@pytest.mark.parametrize(
    ("role", "theirs", "allowed"),
    [
        pytest.param(r, t, a, id=f"{r.value}-{'their key worker' if t else 'not theirs'}")
        for r, t, a in TEAM_RULE
    ],
)
def test_who_may_change_who_works_with_a_person(
    role: Role, theirs: bool, allowed: bool, action: Action
) -> None:
    assert may_change_team(role, action, their_key_worker=theirs) is allowed


def test_the_team_rule_is_only_for_the_team_actions() -> None:
    assert {Action.ASSIGN_PEER_MENTOR, Action.END_PEER_MENTOR, Action.CHANGE_KEY_WORKER} == TEAM_ACTIONS
    assert not may_change_team(Role.MANAGER, Action.EDIT_PLAN, their_key_worker=True)


# --- running the matrix ---------------------------------------------------------------------


def audit_rows_mentioning(db: Database, word: str) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(AuditEvent.__table__)).all()
    return [repr(tuple(r)) for r in rows if word.lower() in repr(tuple(r)).lower()]


def check_call(db: Database, scenario: Scenario, role: Role, call: Call, actor: Actor) -> None:
    before = snapshot(db)
    events_before = audit_count(db)
    if scenario.allowed(role):
        call(actor)
        if scenario.writes:
            assert audit_count(db) > events_before, f"{scenario.name} wrote no audit event"
            assert audit_rows_mentioning(db, CANARY) == []
        else:
            assert snapshot(db) == before, f"{scenario.name} only reads, yet something changed"
    else:
        with pytest.raises(PermissionDenied) as refused:
            call(actor)
        assert refused.value.message
        assert snapshot(db) == before, f"{scenario.name} was refused but something was written"


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[[PlanStatus], tuple[Path, World]]:
    """A world per stage, built once through the use cases into an SQLite file."""
    built: dict[PlanStatus, tuple[Path, World]] = {}

    def get(stage: PlanStatus) -> tuple[Path, World]:
        if stage not in built:
            path = tmp_path_factory.mktemp(f"world-{stage}") / "careplan.db"
            database = open_database(path)
            try:
                world = build_world(database, stage=stage)
            finally:
                database.dispose()
            assert not path.with_name(path.name + "-wal").exists()
            built[stage] = (path, world)
        return built[stage]

    return get


@pytest.fixture
def world_copy(
    templates: Callable[[PlanStatus], tuple[Path, World]], tmp_path: Path
) -> Iterator[Callable[[PlanStatus], tuple[Database, World]]]:
    """Open a fresh SQLite copy of the world at a stage (much faster than building it again)."""
    opened: list[Database] = []

    def open_copy(stage: PlanStatus) -> tuple[Database, World]:
        source, world = templates(stage)
        target = tmp_path / f"careplan-{len(opened)}.db"
        shutil.copyfile(source, target)
        shutil.copyfile(f"{source}.key", f"{target}.key")  # an encrypted database's key file goes with it
        database = open_database(target)
        opened.append(database)
        return database, world

    yield open_copy
    for database in opened:
        database.dispose()


@pytest.mark.parametrize(
    ("scenario", "role"),
    [pytest.param(s, r, id=f"{s.name}-{r.value}") for s in SCENARIOS for r in ROLES],
)
def test_use_case_as_role(
    world_copy: Callable[[PlanStatus], tuple[Database, World]], scenario: Scenario, role: Role
) -> None:
    db, world = world_copy(scenario.stage)
    call = scenario.prepare(db, world)
    check_call(db, scenario, role, call, world.team.as_role(role))


@pytest.mark.parametrize("scenario", [pytest.param(s, id=s.name) for s in BASE])
def test_deactivated_and_unknown_staff_are_refused(
    world_copy: Callable[[PlanStatus], tuple[Database, World]], scenario: Scenario
) -> None:
    db, world = world_copy(scenario.stage)
    call = scenario.prepare(db, world)
    role = next(r for r in ROLES if scenario.allowed(r))
    leaver = add_member(db, world.team, "leaver2", role)
    staff.deactivate_staff(db, world.team.administrator, leaver.staff_id)
    before = snapshot(db)
    for actor in (leaver, Actor(10_000)):
        with pytest.raises(PermissionDenied, match="Only active members of staff"):
            call(actor)
    assert snapshot(db) == before


def test_a_key_worker_may_agree_up_to_the_indicative_amount_but_not_a_penny_more(
    world_copy: Callable[[PlanStatus], tuple[Database, World]],
) -> None:
    db, world = world_copy(PlanStatus.DRAFT)
    budget.set_agreed_budget(db, world.team.key_worker, world.version_id, Decimal("1250.00"))
    before = snapshot(db)
    with pytest.raises(PermissionDenied, match=r"more than the indicative £1,250\.00"):
        budget.set_agreed_budget(db, world.team.key_worker, world.version_id, Decimal("1250.01"))
    assert snapshot(db) == before


def test_without_an_indicative_amount_only_a_manager_may_set_the_budget(
    world_copy: Callable[[PlanStatus], tuple[Database, World]],
) -> None:
    db, world = world_copy(PlanStatus.DRAFT)
    person = register(db, world.team.key_worker, "Marek")
    version_id = plans.start_plan(db, world.team.key_worker, person).version_id
    with pytest.raises(InvalidTransition, match="indicative budget"):
        budget.set_agreed_budget(db, world.team.key_worker, version_id, Decimal("100.00"))
    budget.set_agreed_budget(db, world.team.manager, version_id, Decimal("100.00"))


def test_first_administrator_only_once(world_copy: Callable[[PlanStatus], tuple[Database, World]]) -> None:
    db, _world = world_copy(PlanStatus.DRAFT)
    before = snapshot(db)
    with pytest.raises(InvalidTransition, match="already has staff"):
        staff.create_first_administrator(db, "mallory", "Mallory")
    assert snapshot(db) == before


# --- a few representative cases on both engines ---------------------------------------------

REPRESENTATIVE = (
    ("approve_plan", Role.KEY_WORKER),
    ("approve_plan", Role.MANAGER),
    ("write_about_me", Role.PEER_MENTOR),
    ("write_about_me", Role.ADMINISTRATOR),
    ("add_staff", Role.MANAGER),
    ("add_staff", Role.ADMINISTRATOR),
    ("set_agreed_budget_above_indicative", Role.KEY_WORKER),
    ("set_agreed_budget_above_indicative", Role.MANAGER),
    ("list_plans", Role.ADMINISTRATOR),
    ("verify_audit_trail", Role.MANAGER),
)


@pytest.mark.parametrize(
    ("name", "role"), [pytest.param(n, r, id=f"{n}-{r.value}") for n, r in REPRESENTATIVE]
)
def test_representative_cases_on_both_engines(db: Database, name: str, role: Role) -> None:
    scenario = BY_NAME[name]
    world = build_world(db, stage=scenario.stage)
    call = scenario.prepare(db, world)
    check_call(db, scenario, role, call, world.team.as_role(role))


def test_deactivated_staff_refused_on_both_engines(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.AGREED)
    staff.deactivate_staff(db, world.team.administrator, world.team.manager.staff_id)
    before = snapshot(db)
    for actor in (world.team.manager, Actor(424_242)):
        with pytest.raises(PermissionDenied):
            signing.approve_plan(db, actor, world.version_id)
        with pytest.raises(PermissionDenied):
            queries.list_plans(db, actor)
    assert snapshot(db) == before
