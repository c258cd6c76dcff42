"""The person's progress read from the record (careplan.services.progress): both voices' scores
kept apart over time, goals done at a review, the person's own words, and who may read it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import GoalGoing, ReviewTopic
from careplan.domain.errors import NotFound, PermissionDenied
from careplan.domain.measures import LIFE_AREAS
from careplan.domain.records import Person, Review
from careplan.services.progress import progress_of, progress_of_person
from careplan.services.reviews_holding import give_scores, hold_review, set_goal_going, write_review_note
from tests.database_copies import world_fixtures
from tests.services.review_worlds import approved_world, booked, goal_keys
from tests.worlds import World, utc_today

template, sqlite_template, world, quick = world_fixtures(approved_world)


def two_reviews(w: World) -> tuple[int, int]:
    """Dee's first two booked reviews held 60 and 10 days ago: scores in both voices (the worker
    gives none for housing the second time), her first goal done at the second, her words."""
    first, second = booked(w)[:2]
    kw = w.team.key_worker
    today = utc_today()
    hold_review(w.db, kw, first, held_on=today - timedelta(days=60))
    give_scores(w.db, kw, first, LIFE_AREAS, {"housing": 3, "family": 5}, PERSON)
    give_scores(w.db, kw, first, LIFE_AREAS, {"housing": 4, "family": 5}, STAFF)
    write_review_note(w.db, kw, first, ReviewTopic.WORKING, PERSON, "Going to the group on Tuesdays")
    hold_review(w.db, kw, second, held_on=today - timedelta(days=10))
    give_scores(w.db, kw, second, LIFE_AREAS, {"housing": 7, "family": 4}, PERSON)
    give_scores(w.db, kw, second, LIFE_AREAS, {"family": 6}, STAFF)
    write_review_note(w.db, kw, second, ReviewTopic.WORKING, PERSON, "Having my own key to the flat")
    write_review_note(w.db, kw, second, ReviewTopic.WORKING, STAFF, "Dee has kept every appointment")
    set_goal_going(w.db, kw, second, goal_keys(w)[0], GoalGoing.DONE)
    return first, second


def test_scores_over_time_keep_each_voice_apart(quick: World) -> None:
    two_reviews(quick)
    facts = progress_of(quick.db, quick.team.key_worker, quick.plan_id)
    today = utc_today()
    by_code = {a.code: a for a in facts.areas}
    assert list(by_code) == ["housing", "family"]  # the service's order of life areas; no others
    housing = by_code["housing"]
    assert [(p.on, p.person, p.worker) for p in housing.points] == [
        (today - timedelta(days=60), 3, 4),
        (today - timedelta(days=10), 7, None),  # no worker's score that day: never the person's
    ]
    assert [(p.person, p.worker) for p in by_code["family"].points] == [(5, 5), (4, 6)]
    assert (housing.scale.low, housing.scale.high) == (1, 10)
    assert housing.name == "Where I live"
    assert facts.review_days == (today - timedelta(days=60), today - timedelta(days=10))


def test_goals_words_and_next_review(quick: World) -> None:
    two_reviews(quick)
    facts = progress_of(quick.db, quick.team.key_worker, quick.plan_id)
    first_goal = facts.goals[0]
    assert first_goal.done
    assert first_goal.done_on == utc_today() - timedelta(days=10)
    assert all(not g.done for g in facts.goals[1:])
    assert facts.what_is_working == "Having my own key to the flat"  # hers, the latest, never Sam's
    assert facts.next_review == min(_due(quick, r) for r in booked(quick))
    assert (facts.preferred_name, facts.plan_id, facts.printed_on) == ("Dee", quick.plan_id, utc_today())


def _due(w: World, review_id: int) -> date:
    with w.db.session() as session:
        review = session.get(Review, review_id)
        assert review is not None
        return review.due_date


def test_no_review_held_yet_has_no_scores(quick: World) -> None:
    facts = progress_of(quick.db, quick.team.peer_mentor, quick.plan_id)
    assert facts.areas == ()
    assert facts.what_is_working is None
    assert facts.next_review is not None


def test_by_reference_finds_the_newest_plan(quick: World) -> None:
    with quick.db.session() as session:
        person = session.get(Person, quick.person_id)
        assert person is not None
        reference = person.reference
    facts = progress_of_person(quick.db, quick.team.manager, f"  {reference} ")
    assert facts.plan_id == quick.plan_id
    with pytest.raises(NotFound):
        progress_of_person(quick.db, quick.team.manager, "CP-NOBODY")


def test_an_administrator_reads_no_one_s_progress(quick: World) -> None:
    with pytest.raises(PermissionDenied):
        progress_of(quick.db, quick.team.administrator, quick.plan_id)
