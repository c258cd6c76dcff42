"""Dates and times as people read them: "3 March 2027", "Monday 3 March 2027 at 14:05".

The same on every computer, whatever its language settings: never ``strftime``'s month or
weekday names (they follow the locale), and this is the only list of month names in Careplan.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month_number(name: str) -> int | None:
    """3 for "March", "march" or "Mar"; ``None`` for anything else."""
    wanted = name.casefold()
    for number, month in enumerate(MONTHS, start=1):
        if wanted in (month.casefold(), month[:3].casefold()):
            return number
    return None


def long_date(day: date | datetime) -> str:
    """3 March 2027 (a moment shows the day of its own time zone: convert it first)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | datetime) -> str:
    """3 Mar 2027, where room is short (a column of dates)."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def day_and_date(day: date | datetime) -> str:
    """Wednesday 3 March 2027."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def clock_time(moment: datetime) -> str:
    """14:05 (24-hour, as the moment is given: convert it first)."""
    return f"{moment:%H:%M}"


def date_and_time(moment: datetime) -> str:
    """3 March 2027 at 14:05, in this computer's time zone."""
    local = moment.astimezone()
    return f"{long_date(local)} at {clock_time(local)}"


def day_date_and_time(moment: datetime) -> str:
    """Wednesday 3 March 2027 at 14:05, in this computer's time zone."""
    local = moment.astimezone()
    return f"{day_and_date(local)} at {clock_time(local)}"


def time_and_date(moment: datetime) -> str:
    """14:05 on 3 March 2027, in this computer's time zone."""
    local = moment.astimezone()
    return f"{clock_time(local)} on {long_date(local)}"


def when_made(moment: datetime, now: datetime | None = None) -> str:
    """A recent moment in this computer's time: "today at 14:05", "yesterday at 09:30", or
    "Monday 23 November 2026 at 14:05"."""
    local = moment.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    days = (today - local.date()).days
    if days == 0:
        return f"today at {clock_time(local)}"
    if days == 1:
        return f"yesterday at {clock_time(local)}"
    return day_date_and_time(local)


def typed_date(day: date | None) -> str:
    """04/03/2027: a date put back in a box to be edited, as it is typed (empty for none)."""
    return f"{day:%d/%m/%Y}" if day is not None else ""


def _london() -> tzinfo:
    try:
        return ZoneInfo("Europe/London")
    except (KeyError, OSError):  # no time zone data here: UTC is the next best thing
        return UTC


def uk_date(value: date | datetime) -> str:
    """6 January 2025, with a moment shown as its day in the UK (the printed agreement)."""
    if isinstance(value, datetime):
        value = value.astimezone(_london()).date()
    return long_date(value)


def period_words(start: date | None, end: date | None) -> str | None:
    """ "6 January 2025 to 5 January 2026", "from 6 January 2025", "until ...", or ``None``."""
    if start and end:
        return f"{uk_date(start)} to {uk_date(end)}"
    if start:
        return f"from {uk_date(start)}"
    if end:
        return f"until {uk_date(end)}"
    return None
