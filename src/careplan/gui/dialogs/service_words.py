"""How a service's price and an amount of it are said: "£25.00 a session", "6 sessions"."""

from __future__ import annotations

from decimal import Decimal

from careplan.domain.money import format_money

UNIT_PRICE_WORDS = {
    "session": "a session",
    "hour": "an hour",
    "week": "a week",
    "item": "each",
    "course": "a course",
}
UNIT_PLURALS = {"session": "sessions", "hour": "hours", "week": "weeks", "item": "items", "course": "courses"}


def price_words(pence: int, unit: str) -> str:
    """£25.00 a session, £12.00 an hour, £40.00 each."""
    return f"{format_money(pence)} {UNIT_PRICE_WORDS.get(unit, 'per ' + unit)}"


def quantity_text(quantity: Decimal) -> str:
    """6, 1.5: no trailing zeros."""
    text = f"{quantity.normalize():f}"
    return text


def quantity_words(quantity: Decimal, unit: str) -> str:
    """1 session, 6 sessions, 1.5 hours."""
    word = unit if quantity == 1 else UNIT_PLURALS.get(unit, unit + "s")
    return f"{quantity_text(quantity)} {word}"


def how_many_words(unit: str) -> str:
    return "How &many?" if unit == "item" else f"How &many {UNIT_PLURALS.get(unit, unit + 's')}?"
