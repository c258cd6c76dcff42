"""The time of day things happen: each person's day goes forward, a few minutes at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from careplan.demo.dice import Dice


class Clock:
    """Moments for the person being made now: later than anything they already did that day."""

    def __init__(self, dice: Dice) -> None:
        self.r = dice.r
        self._last: dict[date, datetime] = {}

    def start_person(self) -> None:
        """A new person: their days start empty."""
        self._last = {}

    def moment(self, day: date) -> datetime:
        """A time on ``day``, later than anything this person already did that day."""
        last = self._last.get(day)
        if last is None:
            start = datetime.combine(day, time(9, 0), tzinfo=UTC)
            last = start + timedelta(seconds=int(self.r.random() * 25_200))
        else:
            last = last + timedelta(seconds=30 + int(self.r.random() * 390))
        self._last[day] = last
        return last
