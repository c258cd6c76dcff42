"""A review's state in words: "Due in 5 days", "Due today", "Overdue by 12 days", "Next review 3 March 2027".

Plain and calm: a late review is a date that has passed, not anybody's failing. The people list,
``careplan reviews`` and the Reviews page say it the same way; when a review counts as due is
:data:`careplan.domain.review_timing.DUE_WITHIN_DAYS`.
"""

from __future__ import annotations

from careplan.domain.enums import ReviewKind
from careplan.domain.review_timing import ReviewState, ReviewTiming
from careplan.domain.wording.dates import day_and_date, long_date

REVIEW_KIND_WORDS: dict[ReviewKind, str] = {
    ReviewKind.EARLY: "Early review",
    ReviewKind.REGULAR: "Review",
    ReviewKind.FULL: "Full review",
}
"""Which review of the plan's year: the first after a few weeks, the regular ones, the yearly one."""


def review_kind_words(kind: str) -> str:
    """ "Early review", "Review", "Full review"."""
    try:
        return REVIEW_KIND_WORDS[ReviewKind(kind)]
    except ValueError:
        return "Review"


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def review_words(timing: ReviewTiming) -> str:
    """ "Due in 5 days", "Due tomorrow", "Due today", "Overdue by 1 day", "Next review 3 March 2027",
    "Held on 3 March 2027": short enough for a list's cell."""
    state = timing.state
    if state is ReviewState.HELD:
        assert timing.held_on is not None
        return f"Held on {long_date(timing.held_on)}"
    if state is ReviewState.OVERDUE:
        return f"Overdue by {_days(timing.days_overdue)}"
    if state is ReviewState.DUE:
        if timing.days_left == 0:
            return "Due today"
        if timing.days_left == 1:
            return "Due tomorrow"
        return f"Due in {_days(timing.days_left)}"
    return f"Next review {long_date(timing.due_date)}"


def review_sentence(timing: ReviewTiming) -> str:
    """The words with the day in full, for a screen reader and a tooltip: "Due in 5 days, on
    Thursday 10 December 2026", "Overdue by 12 days: it was due on Wednesday 25 November 2026"."""
    state = timing.state
    when = day_and_date(timing.due_date)
    if state is ReviewState.OVERDUE:
        return f"{review_words(timing)}: it was due on {when}"
    if state is ReviewState.DUE:
        return f"{review_words(timing)}, on {when}"
    if state is ReviewState.HELD:
        return f"{review_words(timing)} (it was due on {when})"
    return f"Next review {when}"
