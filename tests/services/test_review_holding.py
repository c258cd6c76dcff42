"""Holding a review: notes in both voices, how goals are going, scores side by side (issue 12)."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources

import pytest
from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import AuthorKind, GoalGoing, ReviewKind, ReviewOutcome, ReviewTopic
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.measures import LIFE_AREAS
from careplan.domain.records import ReviewScore
from careplan.domain.review_timing import ReviewState
from careplan.domain.wording.reviews import NOT_THE_SAME
from careplan.services import measures, reviews, reviews_ending
from careplan.services.review_view import HeldReview, reviews_in_full
from careplan.services.reviews_holding import give_scores, hold_review, set_goal_going, write_review_note
from tests.database_copies import world_fixtures
from tests.refusals import refused
from tests.services.review_worlds import approved_world, booked, goal_keys, held
from tests.worlds import World, utc_today

template, sqlite_template, world, quick = world_fixtures(approved_world)


def the_review(w: World, review_id: int) -> HeldReview:
    return next(
        h for h in reviews_in_full(w.db, w.team.key_worker, w.plan_id).held if h.review_id == review_id
    )


def person_scores(w: World, review_id: int) -> dict[tuple[str, str], int]:
    with w.db.session() as session:
        rows = session.scalars(select(ReviewScore).where(ReviewScore.review_id == review_id))
        return {(s.item, s.voice): s.value for s in rows}


def test_notes_are_kept_in_both_voices_for_each_topic(world: World) -> None:
    review_id = booked(world)[0]
    kw = world.team.key_worker
    write_review_note(world.db, kw, review_id, ReviewTopic.WORKING, PERSON, "Seeing the kids on Saturdays")
    write_review_note(world.db, kw, review_id, ReviewTopic.WORKING, STAFF, "Dee has kept every appointment")
    write_review_note(world.db, kw, review_id, ReviewTopic.NOT_WORKING, PERSON, "Mornings are still hard")
    write_review_note(world.db, kw, review_id, ReviewTopic.CHANGED, STAFF, "A settled address since May")
    shown = the_review(world, review_id)
    by_topic = {n.topic: n for n in shown.notes}
    assert [n.topic for n in shown.notes] == [
        ReviewTopic.WORKING,
        ReviewTopic.NOT_WORKING,
        ReviewTopic.CHANGED,
    ]
    working = by_topic[ReviewTopic.WORKING]
    assert working.topic_words == "what is working"
    assert working.person is not None
    assert working.staff is not None
    assert (working.person.body, working.person.voice, working.person.whose) == (
        "Seeing the kids on Saturdays",
        AuthorKind.PERSON,
        "Dee's words",
    )
    assert (working.staff.body, working.staff.whose) == (
        "Dee has kept every appointment",
        "Sam Keyworker (key worker)",
    )
    assert by_topic[ReviewTopic.NOT_WORKING].staff is None
    assert by_topic[ReviewTopic.CHANGED].person is None


def test_a_note_is_changed_in_its_own_voice_and_can_be_taken_out(quick: World) -> None:
    review_id = held(quick)
    kw = quick.team.key_worker
    write_review_note(quick.db, kw, review_id, ReviewTopic.WORKING, STAFF, "Good attendance")
    write_review_note(quick.db, kw, review_id, ReviewTopic.WORKING, PERSON, "Seeing the kids every week now")
    (working,) = the_review(quick, review_id).notes
    assert working.person is not None
    assert working.staff is not None
    assert working.person.body == "Seeing the kids every week now"
    assert working.staff.body == "Good attendance"
    write_review_note(quick.db, kw, review_id, ReviewTopic.WORKING, PERSON, "  ")
    (working,) = the_review(quick, review_id).notes
    assert working.person is None
    assert working.staff is not None


def test_writing_in_a_booked_review_holds_it_today(quick: World) -> None:
    first, *rest = booked(quick)
    hold_review(quick.db, quick.team.peer_mentor, first)
    shown = reviews_in_full(quick.db, quick.team.key_worker, quick.plan_id)
    assert [b.review_id for b in shown.coming] == rest
    (only,) = shown.held
    assert (only.held_on, only.held_by) == (utc_today(), "Chris Mentor (peer mentor)")


def test_a_review_cannot_be_held_on_a_day_to_come(quick: World) -> None:
    with refused(quick.db, InvalidInput, "has not come yet"):
        hold_review(
            quick.db, quick.team.key_worker, booked(quick)[0], held_on=utc_today() + timedelta(days=1)
        )


def test_the_persons_score_is_never_changed_by_staff(world: World) -> None:
    """Staff type the person's score in; once given, no member of staff can change it. The
    worker's own score is kept beside it, not instead of it."""
    review_id = held(world)
    kw, manager = world.team.key_worker, world.team.manager
    give_scores(world.db, kw, review_id, LIFE_AREAS, {"family": 4, "housing": 6}, PERSON)
    give_scores(world.db, kw, review_id, LIFE_AREAS, {"family": 7, "housing": 6}, STAFF)
    assert person_scores(world, review_id) == {
        ("family", "person"): 4,
        ("family", "staff"): 7,
        ("housing", "person"): 6,
        ("housing", "staff"): 6,
    }
    for actor in (kw, manager):
        with refused(world.db, InvalidInput, "cannot be changed"):
            give_scores(world.db, actor, review_id, LIFE_AREAS, {"family": 7}, PERSON)
    # Giving the same score again changes nothing, and is not a change.
    give_scores(world.db, kw, review_id, LIFE_AREAS, {"family": 4}, PERSON)
    # The worker may change their own score; the person's stays.
    give_scores(world.db, kw, review_id, LIFE_AREAS, {"family": 5}, STAFF)
    assert person_scores(world, review_id)[("family", "person")] == 4
    assert person_scores(world, review_id)[("family", "staff")] == 5


def test_both_scores_are_shown_side_by_side_and_a_difference_is_said(quick: World) -> None:
    review_id = held(quick)
    kw = quick.team.key_worker
    give_scores(quick.db, kw, review_id, LIFE_AREAS, {"family": 4, "housing": 6, "money": 3}, PERSON)
    give_scores(quick.db, kw, review_id, LIFE_AREAS, {"family": 7, "housing": 6}, STAFF)
    (life,) = the_review(quick, review_id).scores
    assert life.measure == LIFE_AREAS
    rows = {r.item: r for r in life.rows}
    assert (rows["family"].person, rows["family"].worker, rows["family"].not_the_same) == (4, 7, NOT_THE_SAME)
    assert NOT_THE_SAME == "We don't see this the same way"
    assert (rows["housing"].person, rows["housing"].worker, rows["housing"].not_the_same) == (6, 6, None)
    assert (rows["money"].person, rows["money"].worker, rows["money"].not_the_same) == (3, None, None)
    assert rows["family"].question == "Family and relationships"
    # In the order of the life areas.
    assert [r.item for r in life.rows] == ["housing", "money", "family"]


@pytest.mark.parametrize(
    ("measure", "values", "phrase"),
    [
        (LIFE_AREAS, {"spirituality": 5}, "is not a life area"),
        (LIFE_AREAS, {"family": 0}, "goes from 1 to 10"),
        (LIFE_AREAS, {"family": 11}, "goes from 1 to 10"),
        (LIFE_AREAS, {"family": True}, "whole number"),
        (LIFE_AREAS, {"family": 5.5}, "whole number"),
        (LIFE_AREAS, {}, "at least one score"),
        ("no_such_measure", {"family": 5}, "not one this service uses"),
    ],
)
def test_scores_that_cannot_be_right_are_refused(
    quick: World, measure: str, values: dict[str, int], phrase: str
) -> None:
    review_id = booked(quick)[0]
    with refused(quick.db, InvalidInput, phrase):
        give_scores(quick.db, quick.team.key_worker, review_id, measure, values, PERSON)


def test_how_each_goal_is_going(quick: World) -> None:
    review_id = held(quick)
    first, second = goal_keys(quick)
    kw = quick.team.key_worker
    set_goal_going(quick.db, kw, review_id, second, GoalGoing.HARD_GOING, "The housing list is long", PERSON)
    set_goal_going(quick.db, kw, review_id, first, GoalGoing.DONE)
    goals = the_review(quick, review_id).goals
    assert [(g.goal_key, g.going, g.going_words) for g in goals] == [
        (first, GoalGoing.DONE, "done"),
        (second, GoalGoing.HARD_GOING, "finding it hard"),
    ]
    assert goals[0].goal.startswith("I want my kids to see me well")
    assert goals[0].note is None
    assert goals[1].note is not None
    assert (goals[1].note.body, goals[1].note.whose) == ("The housing list is long", "Dee's words")
    set_goal_going(quick.db, kw, review_id, second, GoalGoing.GETTING_THERE, "On the list now", STAFF)
    note = the_review(quick, review_id).goals[1].note
    assert note is not None
    assert (note.body, note.voice) == ("On the list now", AuthorKind.STAFF)


def test_a_goal_not_in_the_reviewed_plan_is_refused(quick: World) -> None:
    review_id = held(quick)
    with refused(quick.db, InvalidInput, "not part of the plan being reviewed"):
        set_goal_going(quick.db, quick.team.key_worker, review_id, "0" * 32, GoalGoing.DONE)
    with refused(quick.db, InvalidInput, "whose words"):
        set_goal_going(
            quick.db, quick.team.key_worker, review_id, goal_keys(quick)[0], GoalGoing.DONE, "Note"
        )


def test_nothing_is_written_in_a_review_once_it_has_ended(quick: World) -> None:
    review_id = held(quick)
    reviews_ending.end_review(quick.db, quick.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    with refused(quick.db, InvalidTransition, "has ended"):
        write_review_note(quick.db, quick.team.key_worker, review_id, ReviewTopic.CHANGED, STAFF, "More")
    with refused(quick.db, InvalidTransition, "has ended"):
        give_scores(quick.db, quick.team.key_worker, review_id, LIFE_AREAS, {"family": 5}, STAFF)


def test_a_loaded_measure_is_scored_and_shown_in_its_own_words(quick: World) -> None:
    data = (resources.files("careplan") / "resources/reference/outcome_measures.toml").read_bytes()
    measures.load_measures(quick.db, quick.team.manager, data)
    review_id = held(quick)
    kw = quick.team.key_worker
    give_scores(quick.db, kw, review_id, "use_and_health", {"alcohol_days": 12, "injected": 0}, PERSON)
    give_scores(quick.db, kw, review_id, "use_and_health", {"injected": 1}, STAFF)
    with refused(quick.db, InvalidInput, "goes from 0 to 28"):
        give_scores(quick.db, kw, review_id, "use_and_health", {"alcohol_days": 29}, PERSON)
    with refused(quick.db, InvalidInput, "yes or no"):
        give_scores(quick.db, kw, review_id, "use_and_health", {"losing_home": 2}, PERSON)
    (use,) = the_review(quick, review_id).scores
    assert use.name == "My use, my home and my health"
    rows = {r.item: r for r in use.rows}
    assert (rows["injected"].person_words, rows["injected"].worker_words) == ("no", "yes")
    assert rows["injected"].not_the_same == NOT_THE_SAME
    assert rows["alcohol_days"].person_words == "12"


def test_booked_reviews_say_in_words_when_they_are_due(quick: World) -> None:
    today = utc_today()
    reviews.schedule_review(
        quick.db, quick.team.key_worker, quick.plan_id, ReviewKind.REGULAR, today - timedelta(3)
    )
    reviews.schedule_review(quick.db, quick.team.key_worker, quick.plan_id, ReviewKind.REGULAR, today)
    shown = reviews_in_full(quick.db, quick.team.key_worker, quick.plan_id)
    words = [(b.words, b.state) for b in shown.coming]
    assert words[:2] == [("Overdue by 3 days", ReviewState.OVERDUE), ("Due today", ReviewState.DUE)]
    assert shown.next_review is not None
    assert shown.next_review.sentence.startswith("Overdue by 3 days: it was due on ")
    assert words[2][0].startswith("Next review ")


def test_each_booked_review_says_which_measures_it_asks(quick: World) -> None:
    """The life-area scale at every review; a set asked at the start, every 3 months and at the
    end, at the first review and then once 3 months have passed since it was last asked."""
    data = (resources.files("careplan") / "resources/reference/outcome_measures.toml").read_bytes()
    measures.load_measures(quick.db, quick.team.manager, data)
    booked_reviews = reviews_in_full(quick.db, quick.team.key_worker, quick.plan_id).coming
    # Booked at 7 weeks, then 3, 6, 9 and 12 months.
    assert [b.measures for b in booked_reviews] == [
        (LIFE_AREAS, "use_and_health"),
        (LIFE_AREAS,),
        (LIFE_AREAS, "use_and_health"),
        (LIFE_AREAS, "use_and_health"),
        (LIFE_AREAS, "use_and_health"),
    ]


def test_each_held_review_says_which_measures_it_asks_and_which_only_at_the_end(quick: World) -> None:
    """The first review held asks the start measures; one held the same day after it scored them
    does not ask them again, but offers them in case the plan closes at it (asked at the end)."""
    data = (resources.files("careplan") / "resources/reference/outcome_measures.toml").read_bytes()
    measures.load_measures(quick.db, quick.team.manager, data)
    kw = quick.team.key_worker
    first = held(quick)
    use = ("use_and_health", "My use, my home and my health")
    life = (LIFE_AREAS, "How things are in my life")
    assert (the_review(quick, first).measures, the_review(quick, first).at_the_end) == ((life, use), ())
    give_scores(quick.db, kw, first, "use_and_health", {"alcohol_days": 3}, PERSON)
    reviews_ending.end_review(quick.db, kw, first, ReviewOutcome.CARRY_ON)
    second = held(quick)
    assert (the_review(quick, second).measures, the_review(quick, second).at_the_end) == ((life,), (use,))
    # Scored anyway, it is shown as asked.
    give_scores(quick.db, kw, second, "use_and_health", {"alcohol_days": 0}, PERSON)
    assert the_review(quick, second).measures == (life, use)
