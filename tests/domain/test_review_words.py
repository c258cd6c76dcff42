"""A review's state in words, at the edges: today, tomorrow, yesterday, and the due window's edge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careplan.domain.enums import ReviewKind
from careplan.domain.review_timing import DUE_WITHIN_DAYS, ReviewState, ReviewTiming, due_by
from careplan.domain.wording.reviews import (
    REVIEW_KIND_WORDS,
    review_kind_words,
    review_sentence,
    review_words,
)

TODAY = date(2027, 3, 3)  # a Wednesday


def timing(days_from_today: int, held_on: date | None = None) -> ReviewTiming:
    return ReviewTiming(TODAY + timedelta(days=days_from_today), TODAY, held_on)


@pytest.mark.parametrize(
    ("days", "state", "words"),
    [
        (0, ReviewState.DUE, "Due today"),
        (1, ReviewState.DUE, "Due tomorrow"),
        (2, ReviewState.DUE, "Due in 2 days"),
        (DUE_WITHIN_DAYS, ReviewState.DUE, f"Due in {DUE_WITHIN_DAYS} days"),
        (DUE_WITHIN_DAYS + 1, ReviewState.BOOKED, "Next review 18 March 2027"),
        (-1, ReviewState.OVERDUE, "Overdue by 1 day"),
        (-12, ReviewState.OVERDUE, "Overdue by 12 days"),
        (-400, ReviewState.OVERDUE, "Overdue by 400 days"),
    ],
)
def test_the_words_for_each_day(days: int, state: ReviewState, words: str) -> None:
    assert timing(days).state is state
    assert review_words(timing(days)) == words


def test_the_due_window_is_one_named_constant() -> None:
    assert DUE_WITHIN_DAYS == 14
    assert due_by(TODAY) == date(2027, 3, 17)
    assert timing(DUE_WITHIN_DAYS).due_or_overdue
    assert not timing(DUE_WITHIN_DAYS + 1).due_or_overdue


def test_days_overdue_counts_only_past_reviews_not_held() -> None:
    assert timing(-12).days_overdue == 12
    assert timing(0).days_overdue == 0
    assert timing(5).days_overdue == 0
    assert timing(-12, held_on=TODAY).days_overdue == 0


def test_a_held_review_says_when_it_was_held() -> None:
    held = timing(-3, held_on=date(2027, 3, 1))
    assert held.state is ReviewState.HELD
    assert review_words(held) == "Held on 1 March 2027"
    assert review_sentence(held) == "Held on 1 March 2027 (it was due on Sunday 28 February 2027)"


def test_the_sentences_name_the_day_in_full() -> None:
    assert review_sentence(timing(0)) == "Due today, on Wednesday 3 March 2027"
    assert review_sentence(timing(1)) == "Due tomorrow, on Thursday 4 March 2027"
    assert review_sentence(timing(-1)) == "Overdue by 1 day: it was due on Tuesday 2 March 2027"
    assert review_sentence(timing(30)) == "Next review Friday 2 April 2027"


def test_nothing_shames() -> None:
    said = " ".join(
        review_sentence(timing(days)) + review_words(timing(days)) for days in range(-60, 60)
    ).casefold()
    for word in ("missed", "failed", "late", "breach", "non-compliant", "!"):
        assert word not in said


def test_every_kind_of_review_has_its_words() -> None:
    assert set(REVIEW_KIND_WORDS) == set(ReviewKind)
    assert review_kind_words("early") == "Early review"
    assert review_kind_words("something new") == "Review"
