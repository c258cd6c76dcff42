"""Who may do what with a person's reviews, beyond the role table (tests/services/test_permissions.py
runs every role against every use case): the person's key worker, their peer mentor, a manager, a
key worker who does not work with them, one covering for a colleague, and an administrator.

Peer mentors hold reviews with the person and write in them; bringing a review forward, ending
one and closing a plan at one need a key worker (or a manager). Caseloads and covering work as
they do for plans.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import GoalGoing, ReviewOutcome, ReviewTopic, Role, SignatureMethod
from careplan.domain.errors import OutsideCaseload, PermissionDenied
from careplan.domain.measures import LIFE_AREAS
from careplan.services import covering, plans, review_view, reviews_ending, reviews_holding, reviews_requests
from careplan.storage import Database
from tests.database_copies import world_fixtures
from tests.refusals import refused
from tests.services.review_worlds import approved_world, booked, goal_keys, held
from tests.worlds import World, utc_today


def make_world(db: Database) -> World:
    """Dee's approved plan; Kim, a key worker who does not work with Dee; Lou, covering for Sam."""
    w = approved_world(db).with_colleague("kim").with_colleague("lou")
    covering.cover_for_colleague(db, w.colleagues["lou"], w.person_id, "Sam is off sick today", hours=8)
    return w


template, sqlite_template, world, quick = world_fixtures(make_world)

Call = Callable[[Actor], Any]
Prepare = Callable[[World], Call]
"""Made ready as Sam (the person's key worker), so that only the call itself is refused."""


def _ask(w: World) -> Call:
    return lambda a: reviews_requests.ask_for_review(w.db, a, w.plan_id, "Can we talk this week")


def _forward(w: World) -> Call:
    review_id, soon = booked(w)[0], utc_today() + timedelta(days=1)
    return lambda a: reviews_requests.bring_review_forward(w.db, a, review_id, soon, "A relapse")


def _hold(w: World) -> Call:
    review_id = booked(w)[0]
    return lambda a: reviews_holding.hold_review(w.db, a, review_id)


def _note(w: World) -> Call:
    review_id = booked(w)[0]
    return lambda a: reviews_holding.write_review_note(
        w.db, a, review_id, ReviewTopic.CHANGED, STAFF, "Settled now"
    )


def _goal(w: World) -> Call:
    review_id, key = booked(w)[0], goal_keys(w)[0]
    return lambda a: reviews_holding.set_goal_going(w.db, a, review_id, key, GoalGoing.GOING_WELL)


def _scores(w: World) -> Call:
    review_id = booked(w)[0]
    return lambda a: reviews_holding.give_scores(w.db, a, review_id, LIFE_AREAS, {"family": 6}, PERSON)


def _end(outcome: ReviewOutcome) -> Prepare:
    def prepare(w: World) -> Call:
        review_id = held(w)
        return lambda a: reviews_ending.end_review(
            w.db, a, review_id, outcome, reason="We agreed it together"
        )

    return prepare


def _confirm(w: World) -> Call:
    review_id = held(w)
    reviews_ending.end_review(w.db, w.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    confirmation = reviews_ending.Confirmation(SignatureMethod.TYPED, typed_name="Dee", confirmed=True)
    return lambda a: reviews_ending.confirm_review(w.db, a, review_id, confirmation)


def _view(w: World) -> Call:
    return lambda a: review_view.reviews_in_full(w.db, a, w.plan_id)


USES: dict[str, Prepare] = {
    "ask for a review": _ask,
    "bring a review forward": _forward,
    "hold a review": _hold,
    "write a note": _note,
    "say how a goal is going": _goal,
    "give scores": _scores,
    "end a review, carrying on": _end(ReviewOutcome.CARRY_ON),
    "end a review, changing the plan": _end(ReviewOutcome.CHANGE_PLAN),
    "end a review, closing the plan": _end(ReviewOutcome.CLOSE_PLAN),
    "confirm the record": _confirm,
    "see the reviews": _view,
}
KEY_WORKER_ONLY = {
    "bring a review forward",
    "end a review, carrying on",
    "end a review, changing the plan",
    "end a review, closing the plan",
}
WHO = (
    "their key worker",
    "their peer mentor",
    "a manager",
    "another key worker",
    "covering",
    "an administrator",
)


def actor_of(w: World, who: str) -> Actor:
    return {
        "their key worker": w.team.key_worker,
        "their peer mentor": w.team.peer_mentor,
        "a manager": w.team.manager,
        "another key worker": w.colleagues["kim"],
        "covering": w.colleagues["lou"],
        "an administrator": w.team.administrator,
    }[who]


def refusal(use: str, who: str) -> tuple[type[PermissionDenied], str] | None:
    """How ``who`` is refused ``use`` (None: they may)."""
    if who == "an administrator":
        return PermissionDenied, f"{Role.ADMINISTRATOR.with_article} cannot"
    if who == "another key worker":
        return OutsideCaseload, "not on your caseload"
    if who == "their peer mentor" and use in KEY_WORKER_ONLY:
        return PermissionDenied, "a peer mentor cannot"
    return None


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("use", list(USES))
def test_who_may_do_what_with_a_persons_reviews(quick: World, use: str, who: str) -> None:
    call = USES[use](quick)
    expected = refusal(use, who)
    if expected is None:
        call(actor_of(quick, who))
        return
    kind, phrase = expected
    with refused(quick.db, kind, phrase):
        call(actor_of(quick, who))


def test_a_key_worker_closes_a_plan_at_a_review_though_only_a_manager_closes_one_outright(
    world: World,
) -> None:
    """Closing a plan at a review, with the person, is a key worker's decision too."""
    with refused(world.db, PermissionDenied, "a key worker cannot close plan"):
        plans.close_plan(world.db, world.team.key_worker, world.plan_id)
    _end(ReviewOutcome.CLOSE_PLAN)(world)(world.team.key_worker)
