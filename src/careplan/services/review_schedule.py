"""When reviews fall: the service's schedule, a setting.

The first review comes ``first_weeks`` after a plan is approved (6 to 8 weeks), then one every
``every_months`` (1 to 12: at least once a year), counted from the approval, and a full review at a
year. Ending a review books the next one from it (:mod:`careplan.services.review_booking` writes
both). The default, 7 weeks then every 3 months, books what agreements printed before it was a
setting: 7 weeks, 3, 6 and 9 months, and the full review at 12.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from careplan.domain.actor import Actor
from careplan.domain.enums import ReviewKind
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.records import Setting
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage.database import Database

SCHEDULE_SETTING = "review_schedule"
FIRST_WEEKS = range(6, 9)
EVERY_MONTHS = range(1, 13)
YEAR_MONTHS = 12


@dataclass(frozen=True)
class ReviewSchedule:
    first_weeks: int = 7
    every_months: int = 3

    def first_due(self, approved_on: date) -> date:
        return approved_on + timedelta(weeks=self.first_weeks)

    def next_due(self, held_on: date) -> date:
        return months_later(held_on, self.every_months)

    def words(self) -> str:
        """ "The first review 7 weeks after a plan is approved, then one every 3 months, and a full
        review at a year." """
        first = f"The first review {self.first_weeks} weeks after a plan is approved"
        if self.every_months == YEAR_MONTHS:
            return f"{first}, then a full review at a year and once a year after that."
        months = "every month" if self.every_months == 1 else f"every {self.every_months} months"
        return f"{first}, then one {months}, and a full review at a year."

    def year_of_reviews(self, approved_on: date) -> list[tuple[ReviewKind, date]]:
        """What approving a plan on ``approved_on`` books: the early review after ``first_weeks``;
        a regular review every ``every_months`` from the approval (those falling on or before the
        early one left out); the full review at a year, whatever the months, so there is always
        one a year."""
        first = self.first_due(approved_on)
        reviews = [(ReviewKind.EARLY, first)]
        for months in range(self.every_months, YEAR_MONTHS, self.every_months):
            due = months_later(approved_on, months)
            if due > first:
                reviews.append((ReviewKind.REGULAR, due))
        reviews.append((ReviewKind.FULL, months_later(approved_on, YEAR_MONTHS)))
        return reviews


def months_later(day: date, months: int) -> date:
    """The same day ``months`` later (or the month's last day, if it is shorter)."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_schedule(first_weeks: object, every_months: object) -> ReviewSchedule:
    if isinstance(first_weeks, bool) or not isinstance(first_weeks, int) or first_weeks not in FIRST_WEEKS:
        raise InvalidInput("The first review comes 6, 7 or 8 weeks after a plan is approved.", "first_weeks")
    if (
        isinstance(every_months, bool)
        or not isinstance(every_months, int)
        or every_months not in EVERY_MONTHS
    ):
        raise InvalidInput(
            "Reviews come every 1 to 12 months after that (at least once a year).", "every_months"
        )
    assert isinstance(first_weeks, int)
    assert isinstance(every_months, int)
    return ReviewSchedule(first_weeks, every_months)


def schedule_in(session: Session) -> ReviewSchedule:
    """The service's schedule (7 weeks, then every 3 months, until one is set)."""
    setting = session.get(Setting, SCHEDULE_SETTING)
    if setting is None:
        return ReviewSchedule()
    try:
        return check_schedule(setting.value.get("first_weeks"), setting.value.get("every_months"))
    except InvalidInput:
        return ReviewSchedule()


def review_schedule(db: Database, actor: Actor) -> ReviewSchedule:
    with read_only(db, actor, Action.SIGN_IN) as work:
        return schedule_in(work.session)


def set_review_schedule(db: Database, actor: Actor, first_weeks: int, every_months: int) -> ReviewSchedule:
    """Set the service's schedule (administrators)."""
    schedule = check_schedule(first_weeks, every_months)
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        value = {"first_weeks": schedule.first_weeks, "every_months": schedule.every_months}
        setting = work.session.get(Setting, SCHEDULE_SETTING)
        if setting is None:
            work.session.add(Setting(key=SCHEDULE_SETTING, value=value))
        else:
            setting.value = value
        work.audit("update", "setting", None, (SCHEDULE_SETTING,))
    return schedule
