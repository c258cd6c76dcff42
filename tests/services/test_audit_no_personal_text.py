"""Audit events never contain personal text.

A person and their plan are written through the use cases with a different made-up word (a
canary) in every free-text field: their details, About me, substance use, goals, steps, notes of
disagreement, requests for services, consents, signatures and reviews. Then no column of any
audit event may contain any of those words. Canaries use letters that never occur in a hash
(g to z), so every column is searched, the hash columns too.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import ReviewKind, ServiceUnit, SignatureMethod, SignerKind, StepOwner
from careplan.domain.records import AuditEvent, AuthoredText, Consent, Person, Proposal
from careplan.services import (
    budget,
    catalogue,
    consent,
    people,
    plans,
    requests,
    reviews,
    signing,
    workspace,
)
from careplan.services.people import ABOUT_ME_TOPICS
from careplan.services.plans import GoalInput, StepInput
from careplan.storage.database import Database
from tests import deciding
from tests.worlds import STANDARD_ANSWERS, catalogue_service, make_team, utc_today, version_sha256


class Canaries:
    """Hands out a new made-up word for each field, and remembers them all."""

    def __init__(self) -> None:
        self.words: dict[str, str] = {}

    def __call__(self, field: str) -> str:
        word = f"Zwq{len(self.words):02d}kx"
        self.words[field] = word
        return word


def every_audit_column_as_text(db: Database) -> list[str]:
    table = AuditEvent.__table__
    with db.engine.connect() as conn:
        return [" ".join(str(value) for value in row) for row in conn.execute(select(table))]


def test_no_audit_event_holds_any_personal_text(db: Database) -> None:
    team = make_team(db)
    kw, manager = team.key_worker, team.manager
    c = Canaries()
    person = people.register_person(
        db,
        kw,
        people.PersonDetails(
            preferred_name=c("preferred_name"),
            full_name=f"{c('full_name')} Smith",
            date_of_birth=date(1988, 2, 29),
            pronouns=c("pronouns"),
            contact_how="text message",
            contact_details=c("contact_details"),
            reference=c("reference").upper(),
        ),
    )
    workspace.open_person(db, kw, person)
    people.update_person(
        db,
        kw,
        person,
        people.PersonDetails(
            preferred_name=c("preferred_name_again"),
            full_name=c("full_name_again"),
            contact_details=c("contact_details_again"),
        ),
    )
    for topic in ABOUT_ME_TOPICS:
        people.write_about_me(db, kw, person, topic, f"I {c(f'about_me_{topic}')}", PERSON)
    people.set_substances(
        db,
        kw,
        person,
        [people.SubstanceEntry(c("substance"), c("how"), c("how_often"), c("amount"))],
    )
    started = plans.start_plan(db, kw, person, period_start=date(2025, 1, 6), period_end=date(2026, 1, 5))
    version = started.version_id
    goal_id = plans.add_goal(
        db, kw, version, GoalInput(c("goal"), PERSON, "family", why=c("why"), why_voice=PERSON)
    )
    plans.edit_goal(db, kw, goal_id, GoalInput(c("goal_edited"), STAFF, "family", why=c("why_edited")))
    step_id = plans.add_step(
        db, kw, goal_id, StepInput(c("step"), PERSON, StepOwner.SOMEONE_ELSE, owner_detail=c("owner_detail"))
    )
    plans.edit_step(db, kw, step_id, StepInput(c("step_edited"), STAFF, StepOwner.WORKER))
    spare = plans.add_step(db, kw, goal_id, StepInput(c("spare_step"), STAFF, StepOwner.WORKER))
    plans.remove_step(db, kw, spare)
    note = plans.record_disagreement(db, kw, version, c("disagreement_goal"), PERSON, goal_id=goal_id)
    plans.withdraw_disagreement(db, kw, note)
    plans.record_disagreement(db, kw, version, c("disagreement_plan"), STAFF)
    proposal = catalogue.propose_service(
        db,
        kw,
        person,
        catalogue.ProposalInput(
            what=c("proposal_what"),
            category=c("proposal_category").lower(),
            unit=ServiceUnit.WEEK,
            estimated_cost=Decimal("12.00"),
            why=c("proposal_why"),
            why_voice=PERSON,
            who_might_provide=c("who_might_provide"),
        ),
        plan_id=started.plan_id,
    )
    deciding.decide_proposal(db, manager, proposal, approve=True, note=c("decision_note"))
    asked = catalogue.propose_service(
        db,
        kw,
        person,
        catalogue.ProposalInput(
            c("asked_what"), "sport", ServiceUnit.ITEM, Decimal("5"), c("asked_why"), PERSON
        ),
        plan_id=started.plan_id,
    )
    ask = requests.Decision(requests.Choice.ASK, words=c("question"))
    requests.decide_request(db, manager, asked, ask)
    requests.answer_request(db, kw, asked, c("answer"), STAFF)
    requests.decide_request(db, manager, asked, requests.Decision(requests.Choice.NO, words=c("reason_no")))
    requests.disagree_with_decision(db, kw, asked, c("disagree_request"))
    listed = catalogue.propose_service(
        db,
        kw,
        person,
        catalogue.ProposalInput(
            c("listed_what"), "sport", ServiceUnit.ITEM, Decimal("5"), c("listed_why"), PERSON
        ),
    )
    to_catalogue = requests.Decision(
        requests.Choice.YES_TO_CATALOGUE, words=c("yes_words"), price=Decimal("4"), provider=c("provider")
    )
    requests.decide_request(db, manager, listed, to_catalogue)
    budget.assess_budget(db, kw, version, STANDARD_ANSWERS)
    budget.set_agreed_budget(db, kw, version, Decimal("1200.00"))
    service = catalogue_service(db, manager)
    allocation = budget.allocate(
        db,
        kw,
        version,
        budget.AllocationInput(quantity=Decimal("2"), goal_ids=(goal_id,), service_id=service),
    )
    budget.change_allocation(
        db, manager, allocation, Decimal("100"), (goal_id,), override_reason=c("override")
    )
    budget.change_allocation(db, manager, allocation, Decimal("3"), (goal_id,))
    budget.allocate(
        db,
        kw,
        version,
        budget.AllocationInput(quantity=Decimal("1"), goal_ids=(goal_id,), proposal_id=proposal),
    )
    given = consent.record_consent(
        db, kw, person, c("consent_what"), c("consent_with_whom"), utc_today() - timedelta(days=1)
    )
    consent.withdraw_consent(db, kw, given, utc_today())
    sha = version_sha256(db, version)
    for signer, name in (
        (SignerKind.PERSON, c("signed_person")),
        (SignerKind.KEY_WORKER, c("signed_worker")),
    ):
        signing.sign_plan(
            db,
            kw,
            version,
            signing.SignatureInput(signer, SignatureMethod.TYPED, sha, typed_name=name, confirmed=True),
        )
    signing.approve_plan(db, manager, version)
    plans.activate_plan(db, kw, version)
    review = reviews.schedule_review(db, kw, started.plan_id, ReviewKind.EARLY, utc_today())
    reviews.record_review(
        db,
        kw,
        review,
        reviews.ReviewRecord(utc_today(), {"family": 6}, c("review_person_notes"), c("review_worker_notes")),
    )

    # The words really are in the record (so the test could fail) ...
    with db.session() as session:
        stored = " ".join(
            [
                *(t.body for t in session.scalars(select(AuthoredText))),
                *(
                    f"{p.preferred_name} {p.full_name} {p.contact_details}"
                    for p in session.scalars(select(Person))
                ),
                *(f"{x.what} {x.with_whom}" for x in session.scalars(select(Consent))),
                *(
                    f"{x.what} {x.who_might_provide} {x.decision_note}"
                    for x in session.scalars(select(Proposal))
                ),
            ]
        )
    for field in (
        "about_me_hopes",
        "goal_edited",
        "review_person_notes",
        "consent_with_whom",
        "decision_note",
    ):
        assert c.words[field] in stored, field

    # ... and in no audit event.
    rows = every_audit_column_as_text(db)
    assert len(rows) > 40
    leaks = {field: row for row in rows for field, word in c.words.items() if word.lower() in row.lower()}
    assert leaks == {}
