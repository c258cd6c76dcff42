"""How much of a service: "1 session", "2.5 weeks", "£25.00 an hour"."""

from __future__ import annotations

from decimal import Decimal

from careplan.domain.enums import ServiceUnit
from careplan.domain.wording.money import format_money

UNIT_PLURALS: dict[ServiceUnit, str] = {
    ServiceUnit.SESSION: "sessions",
    ServiceUnit.HOUR: "hours",
    ServiceUnit.WEEK: "weeks",
    ServiceUnit.ITEM: "items",
    ServiceUnit.COURSE: "courses",
}

PER_UNIT: dict[ServiceUnit, str] = {
    ServiceUnit.SESSION: "a session",
    ServiceUnit.HOUR: "an hour",
    ServiceUnit.WEEK: "a week",
    ServiceUnit.ITEM: "each",
    ServiceUnit.COURSE: "a course",
}


def number_words(quantity: Decimal) -> str:
    """10, 2.5: without the trailing zeros the database keeps."""
    if quantity == quantity.to_integral_value():
        return str(int(quantity))
    return format(quantity.normalize(), "f")


def unit_plural(unit: str) -> str:
    """ "sessions": the unit counted more than once."""
    try:
        return UNIT_PLURALS[ServiceUnit(unit)]
    except ValueError:
        return unit + "s"


def unit_words(quantity: Decimal, unit: str) -> str:
    """ "session" for one, "sessions" for any other amount."""
    return unit if quantity == 1 else unit_plural(unit)


def quantity_words(quantity: Decimal, unit: str) -> str:
    """10 hours, 1 session, 2.5 weeks."""
    return f"{number_words(quantity)} {unit_words(quantity, unit)}"


def price_words(pence: int, unit: str) -> str:
    """£25.00 a session, £12.00 an hour, £40.00 each."""
    try:
        per = PER_UNIT[ServiceUnit(unit)]
    except ValueError:
        per = "per " + unit
    return f"{format_money(pence)} {per}"
