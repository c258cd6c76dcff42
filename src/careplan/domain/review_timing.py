"""When a review falls, seen from today: held, overdue, due (within :data:`DUE_WITHIN_DAYS`), or booked.

One rule for the people list, ``careplan reviews`` and the Reviews page; the words for each state
are :mod:`careplan.domain.wording.reviews`. "Today" is the day the use cases work in (UTC, see
``careplan.services.clock``), so a list's filter and its words agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

DUE_WITHIN_DAYS = 14
"""A review is due from this many days before its date (and on it); after its date, overdue."""


class ReviewState(StrEnum):
    HELD = "held"
    OVERDUE = "overdue"
    DUE = "due"
    BOOKED = "booked"  # further off than DUE_WITHIN_DAYS


@dataclass(frozen=True)
class ReviewTiming:
    """A review's date against today."""

    due_date: date
    today: date
    held_on: date | None = None

    @property
    def days_left(self) -> int:
        """Days from today to the date: 0 today, 1 tomorrow, -1 yesterday."""
        return (self.due_date - self.today).days

    @property
    def days_overdue(self) -> int:
        """Days since the date passed, while the review has not been held; else 0."""
        return 0 if self.held_on is not None else max(0, -self.days_left)

    @property
    def state(self) -> ReviewState:
        if self.held_on is not None:
            return ReviewState.HELD
        if self.days_left < 0:
            return ReviewState.OVERDUE
        if self.days_left <= DUE_WITHIN_DAYS:
            return ReviewState.DUE
        return ReviewState.BOOKED

    @property
    def due_or_overdue(self) -> bool:
        return self.state in (ReviewState.DUE, ReviewState.OVERDUE)


def due_by(today: date) -> date:
    """The last date a review can fall on and be due today (or overdue)."""
    return today + timedelta(days=DUE_WITHIN_DAYS)
