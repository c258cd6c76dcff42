"""Every use case that takes text refuses what is not text, in one sentence naming the field, and
writes nothing (issue 14, finding 4).

What is refused (careplan.domain.text): bytes that were not text (lone surrogates, as Python keeps
them), NUL and other control characters, and text made only of invisible characters. Before,
a zero-width space was a "disagreement", and a lone surrogate ended in UnicodeEncodeError.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import PlanStatus, Role, ServiceUnit, SignatureMethod, SignerKind, StepOwner
from careplan.domain.errors import InvalidInput
from careplan.domain.records import Review, Setting
from careplan.services import (
    authentication,
    budget,
    catalogue,
    configuration,
    consent,
    people,
    plans,
    reviews,
    signing,
    signing_certificate,
    staff,
    timestamp_server,
)
from careplan.services.agreement import DEFAULT_SERVICE_NAME, SERVICE_NAME_SETTING
from careplan.services.unit_of_work import staff_by_username
from careplan.storage import Database
from tests import deciding
from tests.refusals import refused
from tests.worlds import World, build_world, goal, step, version_sha256

BAD = {
    "a byte that is not text": os.fsdecode(b"Dee\xff"),
    "a lone surrogate": "Dee \ud83d",
    "NUL": "Dee\x00",
    "an escape sequence": "Dee\x1b[2J",
    "a zero-width space only": "\u200b",
    "invisible characters only": "\u200d\ufeff \u2060\u200e",
}
PHRASES = ("not text", "control character", "only invisible characters")


def each_refused(db: Database, field: str, what: str, call: Callable[..., object]) -> None:
    """``call`` refuses every bad value with InvalidInput for ``field``, its message starting
    with ``what``, and writes nothing. (``call`` takes the text; it is typed loosely because a
    lambda that binds a loop's field as a default argument is no ``Callable[[str], object]`` to mypy.)"""
    for name, value in BAD.items():
        with refused(db, InvalidInput, what) as info:
            call(value)
        assert info.value.message.startswith(what), (name, info.value.message)
        assert any(phrase in info.value.message for phrase in PHRASES), (name, info.value.message)
        assert getattr(info.value, "field", None) == field, (name, info.value.message)


def test_a_disagreement_of_a_zero_width_space_is_no_disagreement(db: Database, world: World) -> None:
    """Issue 14: the zero-width space was accepted as somebody's disagreement."""
    each_refused(
        db,
        "disagreement",
        "The note of disagreement",
        lambda text: plans.record_disagreement(db, world.team.key_worker, world.version_id, text, PERSON),
    )


def test_the_person_and_their_about_me(db: Database, world: World) -> None:
    """Issue 14: lone surrogates reached register_person and write_about_me (UnicodeEncodeError)."""
    worker = world.team.key_worker

    def details(**changed: str) -> people.PersonDetails:
        values = {"preferred_name": "Marek", "full_name": "Marek Nowak", **changed}
        return people.PersonDetails(**values)  # type: ignore[arg-type]

    for field, what in (
        ("preferred_name", "The name they like to be called"),
        ("full_name", "The full name"),
        ("pronouns", "Pronouns"),
        ("contact_details", "Contact details"),
        ("reference", "The local reference"),
    ):
        each_refused(
            db, field, what, lambda text, f=field: people.register_person(db, worker, details(**{f: text}))
        )
        if field == "reference":
            continue  # kept from when the person was registered
        each_refused(
            db,
            field,
            what,
            lambda text, f=field: people.update_person(db, worker, world.person_id, details(**{f: text})),
        )
    each_refused(
        db,
        "hopes",
        "The answer to “My hopes”",
        lambda text: people.write_about_me(db, worker, world.person_id, "hopes", text, PERSON),
    )
    each_refused(
        db,
        "substance",
        "The substance",
        lambda text: people.set_substances(db, worker, world.person_id, [people.SubstanceEntry(text)]),
    )
    each_refused(
        db,
        "how_often",
        "How often",
        lambda text: people.set_substances(
            db, worker, world.person_id, [people.SubstanceEntry("alcohol", how_often=text)]
        ),
    )


def test_goals_and_steps(db: Database, world: World) -> None:
    worker = world.team.key_worker
    goal_id, step_id = world.plan.goal_ids[0], world.plan.step_ids[0]
    each_refused(
        db, "wording", "The goal", lambda text: plans.add_goal(db, worker, world.version_id, goal(text))
    )
    each_refused(db, "wording", "The goal", lambda text: plans.edit_goal(db, worker, goal_id, goal(text)))
    each_refused(
        db,
        "why",
        "Why it matters",
        lambda text: plans.add_goal(db, worker, world.version_id, goal("Cook", why=text)),
    )
    each_refused(
        db,
        "life_area",
        "The life area",
        lambda text: plans.add_goal(db, worker, world.version_id, goal("Cook", life_area=text)),
    )
    each_refused(db, "what", "The step", lambda text: plans.add_step(db, worker, goal_id, step(text)))
    each_refused(db, "what", "The step", lambda text: plans.edit_step(db, worker, step_id, step(text)))
    each_refused(
        db,
        "owner_detail",
        "Who will do this",
        lambda text: plans.add_step(
            db,
            worker,
            goal_id,
            plans.StepInput("Ring them", STAFF, StepOwner.SOMEONE_ELSE, owner_detail=text),
        ),
    )


def test_the_budget_and_the_catalogue(db: Database, world: World) -> None:
    manager, worker = world.team.manager, world.team.key_worker
    each_refused(
        db,
        "override_reason",
        "The reason for going over the budget",
        lambda text: budget.change_allocation(
            db, manager, world.allocation_id, Decimal("4000"), (world.plan.goal_ids[0],), override_reason=text
        ),
    )
    each_refused(db, "name", "The provider's name", lambda text: catalogue.add_provider(db, manager, text))
    each_refused(
        db, "contact", "The contact", lambda text: catalogue.add_provider(db, manager, "Harbour", text)
    )

    def service(**changed: object) -> catalogue.ServiceInput:
        values: dict[str, object] = {
            "provider_id": 1,
            "name": "Gym pass",
            "category": "sport",
            "description": "",
            "unit": ServiceUnit.WEEK,
            "unit_price": Decimal("6.50"),
            **changed,
        }
        return catalogue.ServiceInput(**values)  # type: ignore[arg-type]

    for field, what in (
        ("name", "The service's name"),
        ("category", "A category"),
        ("description", "The description"),
    ):
        each_refused(
            db, field, what, lambda text, f=field: catalogue.add_service(db, manager, service(**{f: text}))
        )
        each_refused(
            db,
            field,
            what,
            lambda text, f=field: catalogue.update_service(
                db, manager, world.service_id, service(**{f: text})
            ),
        )

    def proposal(**changed: object) -> catalogue.ProposalInput:
        values: dict[str, object] = {
            "what": "Driving lessons",
            "category": "education",
            "unit": ServiceUnit.SESSION,
            "estimated_cost": Decimal("30"),
            "why": "To get to work",
            "why_voice": PERSON,
            **changed,
        }
        return catalogue.ProposalInput(**values)  # type: ignore[arg-type]

    for field, what in (
        ("what", "What the service is"),
        ("why", "Why the person wants it"),
        ("who_might_provide", "Who might provide it"),
    ):
        each_refused(
            db,
            field,
            what,
            lambda text, f=field: catalogue.propose_service(
                db, worker, world.person_id, proposal(**{f: text})
            ),
        )
    proposal_id = catalogue.propose_service(db, worker, world.person_id, proposal())
    each_refused(
        db,
        "reason",
        "The reason",
        lambda text: deciding.decide_proposal(db, manager, proposal_id, approve=False, note=text),
    )


def test_consent_and_reviews(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.APPROVED)
    worker = world.team.key_worker
    each_refused(
        db,
        "what",
        "What the person agrees to share",
        lambda text: consent.record_consent(db, worker, world.person_id, text, "GP", date.today()),
    )
    each_refused(
        db,
        "with_whom",
        "Who it may be shared with",
        lambda text: consent.record_consent(db, worker, world.person_id, "My plan", text, date.today()),
    )
    with db.session() as session:
        review_id = session.scalars(select(Review.id).where(Review.plan_id == world.plan_id)).first()
    assert review_id is not None
    for field, what, notes in (
        ("person_notes", "The person's notes", "person_notes"),
        ("worker_notes", "The key worker's notes", "worker_notes"),
    ):
        each_refused(
            db,
            field,
            what,
            lambda text, n=notes: reviews.record_review(
                db, worker, review_id, reviews.ReviewRecord(date.today(), {"family": 5}, **{n: text})
            ),
        )


def test_signing_a_plan_with_a_typed_name(db: Database, world: World) -> None:
    sha = version_sha256(db, world.version_id)
    each_refused(
        db,
        "typed_name",
        "The typed name",
        lambda text: signing.sign_plan(
            db,
            world.team.key_worker,
            world.version_id,
            signing.SignatureInput(
                SignerKind.PERSON, SignatureMethod.TYPED, sha, typed_name=text, confirmed=True
            ),
        ),
    )


def test_staff_settings_and_signing_in(db: Database, world: World) -> None:
    admin = world.team.administrator
    each_refused(
        db,
        "display_name",
        "The staff member's name",
        lambda text: staff.add_staff(db, admin, "bob", text, Role.KEY_WORKER),
    )
    each_refused(
        db, "name", "The service's name", lambda text: configuration.set_service_name(db, admin, text)
    )
    each_refused(
        db, "name", "The life area's name", lambda text: configuration.add_life_area(db, admin, text)
    )
    each_refused(
        db,
        "name",
        "The life area's name",
        lambda text: configuration.rename_life_area(db, admin, "family", text),
    )
    each_refused(
        db,
        "url",
        "The timestamp server's address",
        lambda text: timestamp_server.set_timestamp_url(db, admin, text),
    )
    each_refused(
        db,
        "organisation",
        "The name of the service or organisation",
        lambda text: signing_certificate.create_self_signed(db, admin, text, "a long enough passphrase"),
    )
    for value in (BAD["a byte that is not text"], BAD["a lone surrogate"]):
        with refused(db, InvalidInput, "The username has bytes in it that are not text"):
            authentication.sign_in(db, value, "whatever it is")
        with refused(db, InvalidInput, "The password has bytes in it that are not text"):
            authentication.sign_in(db, "ada", value)
        with refused(db, InvalidInput, "The password has bytes in it that are not text"):
            authentication.set_password(db, admin, 2, value + " and more words")
        with refused(db, InvalidInput, "The username has bytes in it that are not text"):
            staff_by_username(db, value)


def test_a_service_name_kept_before_names_were_checked_is_not_printed(db: Database, world: World) -> None:
    """A name that was not text could be set before (then every agreement failed in ReportLab):
    the default name is used instead, until an administrator sets a good one."""
    with db.session() as session, session.begin():
        session.add(Setting(key=SERVICE_NAME_SETTING, value={"name": os.fsdecode(b"Svc\xff")}))
    assert configuration.service_name(db) == DEFAULT_SERVICE_NAME
    assert (
        configuration.set_service_name(db, world.team.administrator, "Harbour Recovery") == "Harbour Recovery"
    )
    assert configuration.service_name(db) == "Harbour Recovery"


def test_line_breaks_and_tabs_stay_in_text_of_several_lines(db: Database, world: World) -> None:
    note = plans.record_disagreement(
        db, world.team.key_worker, world.version_id, "I don't agree:\r\n\t- not yet\r\n", PERSON
    )
    assert note
    people.write_about_me(db, world.team.key_worker, world.person_id, "hopes", "A home\n\tand a job", PERSON)
