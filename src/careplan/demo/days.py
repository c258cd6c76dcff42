"""Days: the demo's drop-in is open on weekdays, and birthdays need care on 29 February."""

from __future__ import annotations

from datetime import date, timedelta


def weekday(day: date) -> date:
    """The same day, or the Friday before if it falls at a weekend (the drop-in is weekdays)."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
