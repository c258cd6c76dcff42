"""Asking for a review, bringing one forward, ending a review and the person's confirmation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from careplan.domain.actor import PERSON
from careplan.domain.enums import (
    AuthorKind,
    GoalGoing,
    GoalStatus,
    PlanStatus,
    ReviewKind,
    ReviewOutcome,
    SignatureMethod,
)
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.records import Goal, PlanVersion, Review, ReviewConfirmation
from careplan.services import plans
from careplan.services.review_schedule import months_later, set_review_schedule
from careplan.services.review_view import review_behind, reviews_in_full
from careplan.services.reviews_ending import Confirmation, end_review
from careplan.services.reviews_ending import confirm_review as confirm
from careplan.services.reviews_holding import set_goal_going
from careplan.services.reviews_requests import ask_for_review, bring_review_forward
from tests import worlds
from tests.database_copies import world_fixtures
from tests.refusals import refused
from tests.services.review_worlds import approved_world, booked, goal_keys, held
from tests.worlds import World, utc_today

template, sqlite_template, world, quick = world_fixtures(approved_world)

TYPED = Confirmation(SignatureMethod.TYPED, typed_name="Dee Example", confirmed=True)


def review_row(w: World, review_id: int) -> Review:
    with w.db.session() as session:
        found = session.get(Review, review_id)
        assert found is not None
        _ = (found.asked_words, found.forward_reason, found.outcome_reason)
        return found


# --- asking for a review, bringing one forward ----------------------------------------------


def test_the_person_asks_for_a_review_in_their_own_words(world: World) -> None:
    review_id = ask_for_review(world.db, world.team.peer_mentor, world.plan_id, "Things have changed at home")
    row = review_row(world, review_id)
    assert row.asked_words is not None
    assert (row.asked_words.body, row.asked_words.author_kind) == (
        "Things have changed at home",
        AuthorKind.PERSON,
    )
    assert row.asked_words.person_id == world.person_id
    assert row.asked_words.recorded_by_id == world.team.peer_mentor.staff_id
    assert row.asked_at is not None
    assert row.due_date == utc_today()
    shown = reviews_in_full(world.db, world.team.key_worker, world.plan_id)
    assert shown.next_review is not None
    assert shown.next_review.review_id == review_id
    assert shown.next_review.words == "Due today"
    assert shown.next_review.asked is not None
    assert shown.next_review.asked.whose == "Dee's words"


def test_asking_for_a_day_that_has_passed_or_without_words_is_refused(quick: World) -> None:
    with refused(quick.db, InvalidInput, "has passed"):
        ask_for_review(
            quick.db, quick.team.key_worker, quick.plan_id, "Soon", wanted_on=utc_today() - timedelta(1)
        )
    with refused(quick.db, InvalidInput, "write something"):
        ask_for_review(quick.db, quick.team.key_worker, quick.plan_id, "   ")


def test_a_review_is_asked_for_only_once_the_plan_is_approved(quick: World) -> None:
    w = quick.with_person("Marek").with_plan("Marek")
    with refused(quick.db, InvalidTransition, "once the plan has been approved"):
        ask_for_review(quick.db, quick.team.key_worker, w.plans["Marek"].plan_id, "Please")


def test_a_key_worker_brings_a_review_forward_saying_why(world: World) -> None:
    review_id = booked(world)[0]
    was_due = review_row(world, review_id).due_date
    soon = utc_today() + timedelta(days=2)
    bring_review_forward(world.db, world.team.key_worker, review_id, soon, "A relapse last week")
    row = review_row(world, review_id)
    assert (row.due_date, row.forward_from) == (soon, was_due)
    assert row.forward_reason is not None
    assert (row.forward_reason.body, row.forward_reason.author_kind) == (
        "A relapse last week",
        AuthorKind.STAFF,
    )
    # Brought forward again: the day it was first booked for is kept.
    bring_review_forward(world.db, world.team.key_worker, review_id, utc_today(), "Sooner still")
    assert review_row(world, review_id).forward_from == was_due
    (first, *_rest) = reviews_in_full(world.db, world.team.key_worker, world.plan_id).coming
    assert (first.review_id, first.forward_from) == (review_id, was_due)
    assert first.forward_reason is not None
    assert first.forward_reason.body == "Sooner still"


@pytest.mark.parametrize(("days", "phrase"), [(-1, "has passed"), (400, "earlier day")])
def test_forward_means_earlier_and_not_in_the_past(quick: World, days: int, phrase: str) -> None:
    review_id = booked(quick)[0]
    with refused(quick.db, InvalidInput, phrase):
        bring_review_forward(quick.db, quick.team.key_worker, review_id, utc_today() + timedelta(days), "Why")


def test_a_held_review_is_not_brought_forward(quick: World) -> None:
    review_id = held(quick)
    with refused(quick.db, InvalidTransition, "already been held"):
        bring_review_forward(quick.db, quick.team.key_worker, review_id, utc_today(), "Why")


# --- ending -----------------------------------------------------------------------------------


def test_carrying_on_leaves_the_next_booked_review_as_it_is(world: World) -> None:
    first, second, *_ = booked(world)
    held(world, first)
    ended = end_review(world.db, world.team.key_worker, first, ReviewOutcome.CARRY_ON)
    assert (ended.outcome, ended.new_version_id, ended.next_review_id) == (
        ReviewOutcome.CARRY_ON,
        None,
        second,
    )
    (shown,) = reviews_in_full(world.db, world.team.key_worker, world.plan_id).held
    assert shown.outcome_words == "carry on with the plan as it is"
    assert review_row(world, first).ended_by_id == world.team.key_worker.staff_id


def test_when_none_is_booked_the_next_review_comes_from_the_schedule(quick: World) -> None:
    set_review_schedule(quick.db, quick.team.administrator, 6, 2)
    ended = None
    for review_id in booked(quick):
        held(quick, review_id)
        ended = end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    assert ended is not None
    assert ended.next_due == months_later(utc_today(), 2)
    assert booked(quick) == [ended.next_review_id]
    row = review_row(quick, booked(quick)[0])
    assert (row.kind, row.version_id) == (ReviewKind.REGULAR, quick.version_id)


@pytest.mark.parametrize(("first_weeks", "every_months"), [(5, 3), (9, 3), (7, 0), (7, 13), (True, 3)])
def test_the_schedule_keeps_to_the_rules(quick: World, first_weeks: int, every_months: int) -> None:
    with refused(quick.db, InvalidInput, "review"):
        set_review_schedule(quick.db, quick.team.administrator, first_weeks, every_months)


def test_a_review_ends_once_held_and_only_once(quick: World) -> None:
    review_id = booked(quick)[0]
    with refused(quick.db, InvalidTransition, "not been held"):
        end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    held(quick, review_id)
    end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    with refused(quick.db, InvalidTransition, "already ended"):
        end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CHANGE_PLAN)


def test_changing_the_plan_starts_a_new_draft_from_what_the_review_found(world: World) -> None:
    review_id = held(world)
    first, second = goal_keys(world)
    set_goal_going(world.db, world.team.key_worker, review_id, first, GoalGoing.DONE, "Done it!", PERSON)
    set_goal_going(world.db, world.team.key_worker, review_id, second, GoalGoing.HARD_GOING)
    ended = end_review(
        world.db,
        world.team.key_worker,
        review_id,
        ReviewOutcome.CHANGE_PLAN,
        reason="Housing needs a new goal",
    )
    assert ended.new_version_id is not None
    with world.db.session() as session:
        draft = session.get(PlanVersion, ended.new_version_id)
        assert draft is not None
        assert (draft.status, draft.based_on_id, draft.number) == (PlanStatus.DRAFT, world.version_id, 2)
        statuses = dict(
            session.execute(select(Goal.key, Goal.status).where(Goal.version_id == draft.id)).all()
        )
    assert statuses == {first: GoalStatus.ACHIEVED, second: GoalStatus.UNDER_WAY}
    (shown,) = reviews_in_full(world.db, world.team.key_worker, world.plan_id).held
    assert shown.new_version_id == ended.new_version_id
    assert shown.outcome_reason is not None
    assert shown.outcome_reason.body == "Housing needs a new goal"
    assert ended.next_review_id is not None  # the plan carries on until the new version is in force
    # The new version's writers find the review's words behind it.
    behind = review_behind(world.db, world.team.key_worker, ended.new_version_id)
    assert behind is not None
    assert behind.review_id == review_id
    assert [g.note.body for g in behind.goals if g.note] == ["Done it!"]
    assert review_behind(world.db, world.team.key_worker, world.version_id) is None


def test_changing_the_plan_when_a_draft_is_already_started(quick: World) -> None:
    plans.revise_plan(quick.db, quick.team.key_worker, quick.version_id)
    review_id = held(quick)
    with refused(quick.db, InvalidTransition, "already has a new draft"):
        end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CHANGE_PLAN)


def test_closing_the_plan_at_a_review_needs_a_reason(world: World) -> None:
    review_id = held(world)
    with refused(world.db, InvalidInput, "why the plan is closing"):
        end_review(world.db, world.team.key_worker, review_id, ReviewOutcome.CLOSE_PLAN)
    ended = end_review(
        world.db,
        world.team.key_worker,
        review_id,
        ReviewOutcome.CLOSE_PLAN,
        reason="Dee has moved away",
        reason_voice=PERSON,
    )
    assert (ended.next_review_id, ended.next_due) == (None, None)
    with world.db.session() as session:
        version = session.get(PlanVersion, world.version_id)
        assert version is not None
        assert version.status == PlanStatus.CLOSED
    shown = reviews_in_full(world.db, world.team.key_worker, world.plan_id)
    assert shown.coming == ()  # the reviews not yet held were called off
    assert shown.held[0].outcome_reason is not None
    assert shown.held[0].outcome_reason.whose == "Dee's words"


def test_an_asked_for_review_moves_to_the_version_that_replaces_its_own(quick: World) -> None:
    asked = ask_for_review(quick.db, quick.team.key_worker, quick.plan_id, "I want to change my goals")
    plans.activate_plan(quick.db, quick.team.key_worker, quick.version_id)
    new_version = plans.revise_plan(quick.db, quick.team.key_worker, quick.version_id)
    worlds.take_to(quick.db, quick.team, new_version, PlanStatus.ACTIVE)
    assert review_row(quick, asked).version_id == new_version
    with quick.db.session() as session:
        old_booked = session.scalars(
            select(Review.id).where(Review.version_id == quick.version_id, Review.completed_on.is_(None))
        ).all()
    assert old_booked == []


# --- the person confirms ------------------------------------------------------------------------


def test_the_person_confirms_the_record_by_typing_their_name(world: World) -> None:
    review_id = held(world)
    with refused(world.db, InvalidTransition, "End the review first"):
        confirm(world.db, world.team.peer_mentor, review_id, TYPED)
    end_review(world.db, world.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    confirm(world.db, world.team.peer_mentor, review_id, TYPED)
    (shown,) = reviews_in_full(world.db, world.team.key_worker, world.plan_id).held
    assert shown.confirmed_by == "Dee Example"
    assert shown.confirmed_at is not None
    with refused(world.db, InvalidTransition, "already confirmed"):
        confirm(world.db, world.team.key_worker, review_id, TYPED)


def test_the_person_confirms_by_drawing(quick: World) -> None:
    review_id = held(quick)
    end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    drawn = Confirmation(SignatureMethod.DRAWN, strokes=(((1.0, 2.0), (3.0, 4.5), (6.0, 1.0)),))
    confirm(quick.db, quick.team.key_worker, review_id, drawn)
    with quick.db.session() as session:
        kept = session.get(ReviewConfirmation, review_id)
        assert kept is not None
        assert (kept.method, kept.strokes, kept.signer_name) == (
            SignatureMethod.DRAWN,
            [[[1.0, 2.0], [3.0, 4.5], [6.0, 1.0]]],
            "Dee",
        )
        assert kept.recorded_by_id == quick.team.key_worker.staff_id


@pytest.mark.parametrize(
    ("confirmation", "phrase"),
    [
        (Confirmation(SignatureMethod.TYPED, typed_name="Dee", confirmed=False), "tick the box"),
        (Confirmation(SignatureMethod.TYPED, typed_name="  ", confirmed=True), "type your name"),
        (Confirmation(SignatureMethod.DRAWN, strokes=(((1.0, 1.0),),)), "sign in the box"),
    ],
)
def test_a_confirmation_that_is_not_one_is_refused(
    quick: World, confirmation: Confirmation, phrase: str
) -> None:
    review_id = held(quick)
    end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    with refused(quick.db, InvalidInput, phrase):
        confirm(quick.db, quick.team.key_worker, review_id, confirmation)
