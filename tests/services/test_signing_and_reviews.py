"""Signing a plan version, a manager's approval, reviews, and consent."""

from __future__ import annotations

import calendar
import hashlib
import math
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select, update

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import (
    AuthorKind,
    PlanStatus,
    ReviewKind,
    SignatureMethod,
    SignerKind,
    StepOwner,
)
from careplan.domain.errors import (
    CareplanError,
    ConflictError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from careplan.domain.records import AuthoredText, Consent, PlanVersion, Review, Signature
from careplan.services.canonical import canonical_bytes, matches_what_was_signed, plan_sha256
from careplan.services.consent import record_consent, withdraw_consent
from careplan.services.people import write_about_me
from careplan.services.plans import StepInput, activate_plan, add_step
from careplan.services.reviews import ReviewRecord, record_review, schedule_review
from careplan.services.signing import MAX_POINTS, SignatureInput, approve_plan, sign_plan, standard_reviews
from careplan.storage import Database
from tests import refusals, worlds
from tests.database_copies import world_fixtures
from tests.worlds import World

# --- a small world --------------------------------------------------------------------------


GOALS: worlds.Goals = (
    (
        worlds.goal("I want my kids to see me well"),
        (worlds.step("Ring the social worker", voice=PERSON, owner=StepOwner.PERSON),),
    ),
)


def make_world(db: Database, *, with_goal: bool = True) -> World:
    """The team; Dee, with her hopes in About me, and a plan just started (with a goal and a step)."""
    return (
        worlds.staffed(db)
        .with_person("Dee", full_name="Dee Example", about_me="A flat of my own")
        .with_plan("Dee", GOALS if with_goal else (), period=None)
    )


template, sqlite_template, world, quick = world_fixtures(make_world)


def today() -> date:
    return datetime.now(UTC).date()


def sha(db: Database, version_id: int) -> str:
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        return plan_sha256(version)


def drawn(digest: str, strokes: tuple[tuple[tuple[float, float], ...], ...] | None = None) -> SignatureInput:
    return SignatureInput(
        SignerKind.PERSON,
        SignatureMethod.DRAWN,
        digest,
        strokes=strokes if strokes is not None else (((10.0, 20.0), (15.5, 22.25), (30.0, 18.0)),),
    )


def typed(
    digest: str,
    name: str | None = "Sam Keyworker",
    *,
    confirmed: bool = True,
    signer: SignerKind = SignerKind.KEY_WORKER,
) -> SignatureInput:
    return SignatureInput(signer, SignatureMethod.TYPED, digest, typed_name=name, confirmed=confirmed)


def agree(w: World, version_id: int | None = None) -> None:
    vid = version_id or w.version_id
    digest = sha(w.db, vid)
    assert sign_plan(w.db, w.team.key_worker, vid, drawn(digest)) == PlanStatus.DRAFT
    assert sign_plan(w.db, w.team.key_worker, vid, typed(digest)) == PlanStatus.AGREED


def version_of(db: Database, version_id: int) -> PlanVersion:
    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        _ = list(version.signatures), [g.wording.body for g in version.goals]
        return version


def reviews_of(db: Database, plan_id: int) -> list[Review]:
    with db.session() as session:
        rows = list(
            session.scalars(
                select(Review).where(Review.plan_id == plan_id).order_by(Review.due_date, Review.id)
            )
        )
        for row in rows:
            _ = (list(row.ratings), row.person_notes, row.worker_notes)
        return rows


# A refusal here must not show a NaN either.
PLAIN_WORDS = (*refusals.PYTHON_WORDS, "nan")


E = TypeVar("E", bound=CareplanError)


def refused(db: Database, kind: type[E], phrase: str) -> AbstractContextManager[pytest.ExceptionInfo[E]]:
    return refusals.refused(db, kind, phrase, words=PLAIN_WORDS)


# --- signing --------------------------------------------------------------------------------


def test_the_person_signs_by_drawing_and_the_signature_is_kept(world: World) -> None:
    digest = sha(world.db, world.version_id)
    status = sign_plan(
        world.db,
        world.team.key_worker,
        world.version_id,
        drawn(digest, (((1.234, 2.345), (3.0, 4.0)), (), ((5.0, 6.0),))),
    )
    assert status == PlanStatus.DRAFT
    (signature,) = version_of(world.db, world.version_id).signatures
    assert (signature.signer_kind, signature.method, signature.role) == ("person", "drawn", "person")
    assert (signature.person_id, signature.staff_id) == (world.person_id, None)
    assert signature.signer_name == "Dee"
    assert signature.recorded_by_id == world.team.key_worker.staff_id
    assert signature.plan_sha256 == digest
    assert signature.strokes == [[[1.23, 2.35], [3.0, 4.0]], [[5.0, 6.0]]]


@pytest.mark.parametrize(
    ("strokes", "phrase"),
    [
        ((), "sign in the box"),
        (((),), "sign in the box"),
        ((((4.0, 4.0),),), "sign in the box"),
        ((((4.0, 4.0),), ()), "sign in the box"),
        ((((0.0, 0.0), (math.nan, 1.0)),), "could not be read"),
        ((((0.0, 0.0), (1.0, math.inf)),), "could not be read"),
        ((((0.0, 0.0), (-math.inf, 1.0)),), "could not be read"),
        ((tuple((float(i), float(i)) for i in range(MAX_POINTS + 1)),), "too many points"),
        ((tuple((float(i), 0.0) for i in range(MAX_POINTS // 2 + 1)),) * 2, "too many points"),
    ],
    ids=[
        "none",
        "empty stroke",
        "one point",
        "one point and empty",
        "nan",
        "inf",
        "-inf",
        "too many",
        "too many split",
    ],
)
def test_a_drawn_signature_that_cannot_be_a_signature_is_refused(
    quick: World, strokes: tuple[tuple[tuple[float, float], ...], ...], phrase: str
) -> None:
    with refused(quick.db, InvalidInput, phrase) as info:
        sign_plan(
            quick.db, quick.team.key_worker, quick.version_id, drawn(sha(quick.db, quick.version_id), strokes)
        )
    assert info.value.field == "signature"


def test_two_points_in_separate_strokes_are_enough(quick: World) -> None:
    sign_plan(
        quick.db,
        quick.team.key_worker,
        quick.version_id,
        drawn(sha(quick.db, quick.version_id), (((1.0, 1.0),), ((2.0, 2.0),))),
    )
    assert len(version_of(quick.db, quick.version_id).signatures) == 1


@pytest.mark.parametrize("signer", [SignerKind.KEY_WORKER, SignerKind.PERSON])
@pytest.mark.parametrize(
    ("name", "confirmed", "field", "phrase"),
    [
        (None, True, "typed_name", "type your name"),
        ("   ", True, "typed_name", "type your name"),
        ("Sam Keyworker", False, "confirmed", "tick the box"),
    ],
)
def test_a_typed_signature_needs_a_name_and_a_tick(
    quick: World, signer: SignerKind, name: str | None, confirmed: bool, field: str, phrase: str
) -> None:
    digest = sha(quick.db, quick.version_id)
    with refused(quick.db, InvalidInput, phrase) as info:
        sign_plan(
            quick.db,
            quick.team.key_worker,
            quick.version_id,
            typed(digest, name, confirmed=confirmed, signer=signer),
        )
    assert info.value.field == field


def test_the_key_worker_signs_in_their_own_name(world: World) -> None:
    digest = sha(world.db, world.version_id)
    sign_plan(world.db, world.team.key_worker, world.version_id, typed(digest, "  Sam   K "))
    (signature,) = version_of(world.db, world.version_id).signatures
    assert (signature.signer_kind, signature.method, signature.role) == ("key_worker", "typed", "key_worker")
    assert (signature.staff_id, signature.person_id) == (world.team.key_worker.staff_id, None)
    assert signature.signer_name == "Sam Keyworker"
    assert signature.strokes is None


def test_a_person_who_types_is_named_as_they_typed(quick: World) -> None:
    sign_plan(
        quick.db,
        quick.team.key_worker,
        quick.version_id,
        typed(sha(quick.db, quick.version_id), " Dee   E ", signer=SignerKind.PERSON),
    )
    (signature,) = version_of(quick.db, quick.version_id).signatures
    assert (signature.signer_name, signature.person_id) == ("Dee E", quick.person_id)


def test_a_plan_without_goals_is_not_signed(sqlite_db: Database) -> None:
    empty = make_world(sqlite_db, with_goal=False)
    with refused(sqlite_db, InvalidTransition, "add at least one goal"):
        sign_plan(sqlite_db, empty.team.key_worker, empty.version_id, drawn(sha(sqlite_db, empty.version_id)))


def test_a_signature_on_what_was_not_shown_is_refused(quick: World) -> None:
    with refused(quick.db, ConflictError, "changed after it was shown for signing"):
        sign_plan(quick.db, quick.team.key_worker, quick.version_id, drawn("0" * 64))


@pytest.mark.parametrize("signer", [SignerKind.PERSON, SignerKind.KEY_WORKER])
def test_a_peer_mentor_neither_signs_nor_witnesses(quick: World, signer: SignerKind) -> None:
    digest = sha(quick.db, quick.version_id)
    item = drawn(digest) if signer is SignerKind.PERSON else typed(digest)
    with refused(quick.db, PermissionDenied, "a peer mentor cannot"):
        sign_plan(quick.db, quick.team.peer_mentor, quick.version_id, item)


def test_both_signatures_agree_and_freeze_exactly_what_was_signed(world: World) -> None:
    digest = sha(world.db, world.version_id)
    agree(world)
    version = version_of(world.db, world.version_id)
    assert version.status == PlanStatus.AGREED
    assert version.frozen_sha256 == digest
    assert {s.plan_sha256 for s in version.signatures} == {digest}
    assert version.agreed_at is not None
    assert version.frozen_canonical is not None
    assert hashlib.sha256(canonical_bytes(version.frozen_canonical)).hexdigest() == digest
    assert version.frozen_canonical["about_me"]["answers"]["hopes"]["text"] == "A flat of my own"
    with world.db.session() as session:
        fresh = session.get(PlanVersion, world.version_id)
        assert fresh is not None
        assert plan_sha256(fresh) == digest
        assert matches_what_was_signed(fresh)
    # About me lives on after the agreement; the agreed version keeps what was signed
    write_about_me(world.db, world.team.key_worker, world.person_id, "hopes", "A flat and a dog", PERSON)
    assert sha(world.db, world.version_id) == digest
    frozen = version_of(world.db, world.version_id).frozen_canonical
    assert frozen is not None
    assert frozen["about_me"]["answers"]["hopes"]["text"] == "A flat of my own"
    approve_plan(world.db, world.team.manager, world.version_id)


def test_the_same_side_signing_twice_does_not_agree(quick: World) -> None:
    digest = sha(quick.db, quick.version_id)
    sign_plan(quick.db, quick.team.key_worker, quick.version_id, typed(digest))
    assert sign_plan(quick.db, quick.team.key_worker, quick.version_id, typed(digest)) == PlanStatus.DRAFT
    assert version_of(quick.db, quick.version_id).frozen_sha256 is None


def test_an_edit_after_one_signature_makes_it_stale(world: World) -> None:
    first = sha(world.db, world.version_id)
    sign_plan(world.db, world.team.key_worker, world.version_id, drawn(first))
    add_step(
        world.db,
        world.team.key_worker,
        world.plan.goal_ids[0],
        StepInput("Book the family room", STAFF, StepOwner.WORKER),
    )
    second = sha(world.db, world.version_id)
    assert second != first
    with refused(world.db, ConflictError, "changed after it was shown"):
        sign_plan(world.db, world.team.key_worker, world.version_id, typed(first))
    assert sign_plan(world.db, world.team.key_worker, world.version_id, typed(second)) == PlanStatus.DRAFT
    assert version_of(world.db, world.version_id).frozen_sha256 is None
    assert sign_plan(world.db, world.team.key_worker, world.version_id, drawn(second)) == PlanStatus.AGREED
    assert version_of(world.db, world.version_id).frozen_sha256 == second


def test_an_about_me_change_after_one_signature_makes_it_stale(world: World) -> None:
    first = sha(world.db, world.version_id)
    sign_plan(world.db, world.team.key_worker, world.version_id, typed(first))
    write_about_me(
        world.db, world.team.key_worker, world.person_id, "going_well", "I kept every appointment", PERSON
    )
    second = sha(world.db, world.version_id)
    assert second != first
    assert sign_plan(world.db, world.team.key_worker, world.version_id, drawn(second)) == PlanStatus.DRAFT
    assert sign_plan(world.db, world.team.key_worker, world.version_id, typed(second)) == PlanStatus.AGREED


# --- approval -------------------------------------------------------------------------------


def test_a_draft_is_not_approved(quick: World) -> None:
    sign_plan(quick.db, quick.team.key_worker, quick.version_id, drawn(sha(quick.db, quick.version_id)))
    with refused(quick.db, InvalidTransition, "must sign before approval"):
        approve_plan(quick.db, quick.team.manager, quick.version_id)


def test_only_a_manager_approves(quick: World) -> None:
    agree(quick)
    with refused(quick.db, PermissionDenied, "cannot approve plan"):
        approve_plan(quick.db, quick.team.key_worker, quick.version_id)


def test_a_manager_approves_an_agreed_version_and_its_reviews_are_scheduled(world: World) -> None:
    agree(world)
    approve_plan(world.db, world.team.manager, world.version_id)
    version = version_of(world.db, world.version_id)
    assert version.status == PlanStatus.APPROVED
    assert version.approved_by_id == world.team.manager.staff_id
    assert version.approved_at is not None
    approved_on = version.approved_at.date()
    reviews = reviews_of(world.db, world.plan_id)
    assert [(r.kind, r.due_date) for r in reviews] == standard_reviews(approved_on)
    assert [r.kind for r in reviews] == ["early", "regular", "regular", "regular", "full"]
    assert all(r.version_id == world.version_id and r.completed_on is None for r in reviews)
    with refused(world.db, InvalidTransition, "already approved"):
        approve_plan(world.db, world.team.manager, world.version_id)
    activate_plan(world.db, world.team.key_worker, world.version_id)
    with refused(world.db, InvalidTransition, "already active"):
        approve_plan(world.db, world.team.manager, world.version_id)


def test_a_frozen_version_changed_behind_careplans_back_is_not_approved(world: World) -> None:
    agree(world)
    version = version_of(world.db, world.version_id)
    wording_id = version.goals[0].wording_id
    with world.db.session() as session, session.begin():
        session.execute(update(AuthoredText).where(AuthoredText.id == wording_id).values(body="I want money"))
    with refused(world.db, InvalidTransition, "no longer matches what was signed"):
        approve_plan(world.db, world.team.manager, world.version_id)
    # even when the fingerprint is changed to match, the signatures do not cover the new words
    with world.db.session() as session, session.begin():
        forged = plan_sha256(session.get(PlanVersion, world.version_id))  # type: ignore[arg-type]
        session.execute(
            update(PlanVersion).where(PlanVersion.id == world.version_id).values(frozen_sha256=forged)
        )
    with refused(world.db, InvalidTransition, "no longer matches what was signed"):
        approve_plan(world.db, world.team.manager, world.version_id)
    assert version_of(world.db, world.version_id).status == PlanStatus.AGREED
    assert reviews_of(world.db, world.plan_id) == []


def test_approving_a_version_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "plan version could not be found"):
        approve_plan(quick.db, quick.team.manager, 9999)


# --- when reviews fall due ------------------------------------------------------------------


def months_later(start: date, months: int) -> date:
    """Independent oracle: the same day so many months on, or the last day of a shorter month."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def test_standard_reviews_for_an_ordinary_day() -> None:
    assert standard_reviews(date(2025, 1, 10)) == [
        (ReviewKind.EARLY, date(2025, 2, 28)),
        (ReviewKind.REGULAR, date(2025, 4, 10)),
        (ReviewKind.REGULAR, date(2025, 7, 10)),
        (ReviewKind.REGULAR, date(2025, 10, 10)),
        (ReviewKind.FULL, date(2026, 1, 10)),
    ]


@pytest.mark.parametrize(
    ("approved", "regular", "full"),
    [
        (date(2025, 1, 31), [date(2025, 4, 30), date(2025, 7, 31), date(2025, 10, 31)], date(2026, 1, 31)),
        (date(2025, 3, 31), [date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)], date(2026, 3, 31)),
        (date(2023, 11, 30), [date(2024, 2, 29), date(2024, 5, 30), date(2024, 8, 30)], date(2024, 11, 30)),
        (date(2024, 2, 29), [date(2024, 5, 29), date(2024, 8, 29), date(2024, 11, 29)], date(2025, 2, 28)),
    ],
)
def test_standard_reviews_at_the_end_of_a_month(approved: date, regular: list[date], full: date) -> None:
    """BUG (src/careplan/services/signing.py, standard_reviews.months_later): ``min(day, 28)`` moves
    every review of a plan approved on the 29th-31st to the 28th, even in months that have the day:
    approved 31 January, the "12 month" full review falls on 28 January next year, three days
    short of a year, and the 3-month review on 28 April rather than 30 April. Fix: clamp to the
    length of the target month, ``min(approved_on.day, calendar.monthrange(y, m)[1])``."""
    assert standard_reviews(approved) == [
        (ReviewKind.EARLY, approved + timedelta(days=49)),
        *[(ReviewKind.REGULAR, due) for due in regular],
        (ReviewKind.FULL, full),
    ]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
@example(date(2025, 1, 31))
@example(date(2024, 2, 29))
@example(date(2025, 12, 31))
def test_standard_reviews_always_fall_in_the_right_month_and_in_order(approved: date) -> None:
    reviews = standard_reviews(approved)
    assert [kind for kind, _ in reviews] == [
        ReviewKind.EARLY,
        ReviewKind.REGULAR,
        ReviewKind.REGULAR,
        ReviewKind.REGULAR,
        ReviewKind.FULL,
    ]
    assert reviews[0][1] == approved + timedelta(weeks=7)
    for (_, due), months in zip(reviews[1:], (3, 6, 9, 12), strict=True):
        expected = months_later(approved, months)
        assert (due.year, due.month) == (expected.year, expected.month)
        assert due.day <= approved.day
    dues = [due for _, due in reviews]
    assert dues == sorted(dues)
    assert dues[0] > approved


# --- scheduling and recording reviews -------------------------------------------------------


def test_reviews_are_scheduled_once_the_plan_is_approved(world: World) -> None:
    due = today() + timedelta(days=10)
    with refused(world.db, InvalidTransition, "once the plan has been approved"):
        schedule_review(world.db, world.team.key_worker, world.plan_id, ReviewKind.REGULAR, due)
    agree(world)
    with refused(world.db, InvalidTransition, "once the plan has been approved"):
        schedule_review(world.db, world.team.key_worker, world.plan_id, ReviewKind.REGULAR, due)
    approve_plan(world.db, world.team.manager, world.version_id)
    review_id = schedule_review(world.db, world.team.key_worker, world.plan_id, ReviewKind.REGULAR, due)
    (extra,) = [r for r in reviews_of(world.db, world.plan_id) if r.id == review_id]
    assert (extra.kind, extra.due_date, extra.version_id) == ("regular", due, world.version_id)
    activate_plan(world.db, world.team.key_worker, world.version_id)
    assert schedule_review(world.db, world.team.key_worker, world.plan_id, ReviewKind.EARLY, due)


def test_a_peer_mentor_does_not_schedule_reviews(quick: World) -> None:
    agree(quick)
    approve_plan(quick.db, quick.team.manager, quick.version_id)
    with refused(quick.db, PermissionDenied, "cannot schedule review"):
        schedule_review(quick.db, quick.team.peer_mentor, quick.plan_id, ReviewKind.REGULAR, today())


def first_review(w: World) -> int:
    agree(w)
    approve_plan(w.db, w.team.manager, w.version_id)
    return reviews_of(w.db, w.plan_id)[0].id


def test_recording_a_review_keeps_ratings_and_both_voices(world: World) -> None:
    review_id = first_review(world)
    on = today() - timedelta(days=1)
    record_review(
        world.db,
        world.team.key_worker,
        review_id,
        ReviewRecord(
            on,
            {"family": 7, "housing": 3, "drugs": 10, "money": 1},
            person_notes="I saw the kids twice",
            worker_notes="Contact is going well",
        ),
    )
    (review,) = [r for r in reviews_of(world.db, world.plan_id) if r.id == review_id]
    assert (review.completed_on, review.completed_by_id) == (on, world.team.key_worker.staff_id)
    with world.db.session() as session:
        rows = session.get(Review, review_id)
        assert rows is not None
        assert {r.life_area.code: r.rating for r in rows.ratings} == {
            "family": 7,
            "housing": 3,
            "drugs": 10,
            "money": 1,
        }
    assert review.person_notes is not None
    assert review.worker_notes is not None
    assert review.person_notes.body == "I saw the kids twice"
    assert (review.person_notes.author_kind, review.person_notes.person_id) == (
        AuthorKind.PERSON,
        world.person_id,
    )
    assert review.person_notes.recorded_by_id == world.team.key_worker.staff_id
    assert review.worker_notes.author_kind == AuthorKind.STAFF
    assert (review.worker_notes.staff_id, review.worker_notes.author_role) == (
        world.team.key_worker.staff_id,
        "key_worker",
    )
    with refused(world.db, InvalidTransition, "already been recorded"):
        record_review(world.db, world.team.key_worker, review_id, ReviewRecord(on, {"family": 8}))


def test_a_review_today_with_no_notes(quick: World) -> None:
    review_id = first_review(quick)
    record_review(
        quick.db,
        quick.team.key_worker,
        review_id,
        ReviewRecord(today(), {"family": 5}, person_notes="  ", worker_notes=None),
    )
    (review,) = [r for r in reviews_of(quick.db, quick.plan_id) if r.id == review_id]
    assert review.person_notes is None
    assert review.worker_notes is None


@pytest.mark.parametrize("rating", [0, 11, -1, 100, True, False, 5.5, "5", None])
def test_ratings_go_from_1_to_10(quick: World, rating: object) -> None:
    review_id = first_review(quick)
    with refused(quick.db, InvalidInput, "ratings go from 1 to 10") as info:
        record_review(
            quick.db,
            quick.team.key_worker,
            review_id,
            ReviewRecord(today(), {"housing": 4, "family": rating}),  # type: ignore[dict-item]
        )
    assert info.value.field == "ratings"


@pytest.mark.parametrize(
    ("record", "phrase", "field"),
    [
        (ReviewRecord(date(2020, 1, 1), {"spirituality": 5}), "is not a life area", "ratings"),
        (ReviewRecord(date(2020, 1, 1), {}), "at least one rating", "ratings"),
        (ReviewRecord(date(2999, 1, 1), {"family": 5}), "has not come yet", "completed_on"),
    ],
)
def test_a_review_that_cannot_be_right_is_refused(
    quick: World, record: ReviewRecord, phrase: str, field: str
) -> None:
    review_id = first_review(quick)
    with refused(quick.db, InvalidInput, phrase) as info:
        record_review(quick.db, quick.team.key_worker, review_id, record)
    assert info.value.field == field


def test_a_review_tomorrow_is_refused(quick: World) -> None:
    review_id = first_review(quick)
    with refused(quick.db, InvalidInput, "has not come yet"):
        record_review(
            quick.db,
            quick.team.key_worker,
            review_id,
            ReviewRecord(today() + timedelta(days=2), {"family": 5}),
        )


def test_a_peer_mentor_does_not_record_reviews(quick: World) -> None:
    review_id = first_review(quick)
    with refused(quick.db, PermissionDenied, "cannot record review"):
        record_review(quick.db, quick.team.peer_mentor, review_id, ReviewRecord(today(), {"family": 5}))


def test_recording_a_review_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "review could not be found"):
        record_review(quick.db, quick.team.key_worker, 31, ReviewRecord(today(), {"family": 5}))


# --- consent --------------------------------------------------------------------------------


def consent_of(db: Database, consent_id: int) -> Consent:
    with db.session() as session:
        consent = session.get(Consent, consent_id)
        assert consent is not None
        return consent


def test_consent_is_recorded_and_withdrawn_once(world: World) -> None:
    consent_id = record_consent(
        world.db, world.team.key_worker, world.person_id, "  My  plan ", " My GP ", date(2025, 3, 1)
    )
    consent = consent_of(world.db, consent_id)
    assert (consent.what, consent.with_whom, consent.given_on, consent.withdrawn_on) == (
        "My plan",
        "My GP",
        date(2025, 3, 1),
        None,
    )
    assert consent.recorded_by_id == world.team.key_worker.staff_id
    with refused(world.db, InvalidInput, "withdrawn before it was given") as info:
        withdraw_consent(world.db, world.team.key_worker, consent_id, date(2025, 2, 28))
    assert info.value.field == "withdrawn_on"
    withdraw_consent(world.db, world.team.key_worker, consent_id, date(2025, 3, 1))
    assert consent_of(world.db, consent_id).withdrawn_on == date(2025, 3, 1)
    with refused(world.db, InvalidTransition, "already withdrawn"):
        withdraw_consent(world.db, world.team.key_worker, consent_id, date(2025, 4, 1))


@pytest.mark.parametrize(
    ("what", "whom", "given", "field", "phrase"),
    [
        ("My plan", "My GP", "future", "given_on", "day that has not come yet"),
        ("  ", "My GP", "past", "what", "what the person agrees to share"),
        ("My plan", "", "past", "with_whom", "who it may be shared with"),
    ],
)
def test_consent_that_cannot_be_right_is_refused(
    quick: World, what: str, whom: str, given: str, field: str, phrase: str
) -> None:
    on = today() + timedelta(days=2) if given == "future" else date(2025, 1, 1)
    with refused(quick.db, InvalidInput, phrase) as info:
        record_consent(quick.db, quick.team.key_worker, quick.person_id, what, whom, on)
    assert info.value.field == field


def test_consent_for_someone_who_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "person could not be found"):
        record_consent(quick.db, quick.team.key_worker, 4444, "My plan", "My GP", date(2025, 1, 1))
    with refused(quick.db, NotFound, "consent could not be found"):
        withdraw_consent(quick.db, quick.team.key_worker, 4444, date(2025, 1, 1))


def test_a_peer_mentor_does_not_record_consent(quick: World) -> None:
    with refused(quick.db, PermissionDenied, "cannot record consent"):
        record_consent(
            quick.db, quick.team.peer_mentor, quick.person_id, "My plan", "My GP", date(2025, 1, 1)
        )


def test_signatures_are_never_attached_to_another_version(world: World) -> None:
    agree(world)
    with world.db.session() as session:
        version_ids = set(session.scalars(select(Signature.version_id)))
    assert version_ids == {world.version_id}
