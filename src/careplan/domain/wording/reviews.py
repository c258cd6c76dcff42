"""The words of a review: its topics, how a goal is going, how it ended, when it is due.

Plain and non-shaming, as the person reads them at the screen and on paper.
"""

from __future__ import annotations

from datetime import date

from careplan.domain.enums import GoalGoing, ReviewOutcome, ReviewTopic
from careplan.domain.wording.dates import long_date

TOPIC_WORDS: dict[ReviewTopic, str] = {
    ReviewTopic.WORKING: "what is working",
    ReviewTopic.NOT_WORKING: "what is not working",
    ReviewTopic.CHANGED: "what has changed",
    ReviewTopic.ANYTHING_ELSE: "anything else",
}

GOING_WORDS: dict[GoalGoing, str] = {
    GoalGoing.DONE: "done",
    GoalGoing.GOING_WELL: "going well",
    GoalGoing.GETTING_THERE: "getting there, slowly",
    GoalGoing.HARD_GOING: "finding it hard",
    GoalGoing.NOT_STARTED: "not started yet",
}

OUTCOME_WORDS: dict[ReviewOutcome, str] = {
    ReviewOutcome.CARRY_ON: "carry on with the plan as it is",
    ReviewOutcome.CHANGE_PLAN: "change the plan (a new version was started)",
    ReviewOutcome.CLOSE_PLAN: "close the plan",
}

NOT_THE_SAME = "We don't see this the same way"
"""Said beside an item where the person's score and the worker's differ."""

DUE_SOON_DAYS = 14
"""A booked review is "due" from this many days before its date; "overdue" after it."""


def due_words(due: date, today: date) -> str:
    """ "overdue by 3 days", "due today", "due in 5 days", "booked for 3 March 2027"."""
    days = (due - today).days
    if days < 0:
        return f"overdue by {-days} day{'' if days == -1 else 's'}"
    if days == 0:
        return "due today"
    if days <= DUE_SOON_DAYS:
        return f"due in {days} day{'' if days == 1 else 's'}"
    return f"booked for {long_date(due)}"
