"""How long something has waited, as a queue's cell says it: "today", "3 days", "5 weeks", "4 months".

The manager's desk (``careplan desk`` and its window) says every queue's wait so; the day counts
are whole days from the day the wait began to today (UTC, as the use cases count days).
"""

from __future__ import annotations

WEEKS_FROM_DAYS = 14
"""From this many days on, a wait is said in weeks ("2 weeks")."""

MONTHS_FROM_DAYS = 60
"""From this many days on, a wait is said in months ("2 months"), a month being 30 days."""


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def waiting_words(days: int) -> str:
    """ "today" (0 days or fewer: a clock a little ahead), "1 day", "13 days", "2 weeks",
    "8 weeks", "2 months", "14 months"."""
    if days <= 0:
        return "today"
    if days < WEEKS_FROM_DAYS:
        return _count(days, "day")
    if days < MONTHS_FROM_DAYS:
        return _count(days // 7, "week")
    return _count(days // 30, "month")
