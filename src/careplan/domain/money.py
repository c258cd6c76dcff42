"""Money: ``Decimal`` pounds in the program, integer pence in the database. Never floats."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from careplan.domain.errors import InvalidInput

PENCE = Decimal("0.01")
MAX_PENCE = 100_000_000_00  # one hundred million pounds: far beyond any personal budget

_MONEY = re.compile(
    r"^(?P<sign>-)?\s*(?:£|GBP)?\s*(?P<num>[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)\s*(?P<unit>GBP|p)?$",
    re.IGNORECASE,
)


def parse_money(text: str, *, field: str = "amount", allow_zero: bool = True) -> Decimal:
    """Read an amount of money as typed ("£1,250.50", "12.5", "GBP 40") into pounds.

    Refuses negative amounts, fractions of a penny, and anything that is not a number,
    with a message that says what to type instead.
    """
    cleaned = text.strip().replace("\u00a3", "£")
    if not cleaned:
        raise InvalidInput("Please type an amount, for example 12.50.", field)
    match = _MONEY.match(cleaned)
    if match is None:
        raise InvalidInput(
            f"“{text.strip()[:20]}” is not an amount of money. Type pounds and pence, for example 12.50.",
            field,
        )
    number = match.group("num")
    if "," in number and not re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})*(\.[0-9]*)?", number):
        raise InvalidInput("The commas in that amount are in the wrong place. Try it without commas.", field)
    if match.group("sign"):
        raise InvalidInput("An amount cannot be less than zero.", field)
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already guarantees digits
        raise InvalidInput("That is not an amount of money.", field) from exc
    if (match.group("unit") or "").lower() == "p":
        # "50p" is fifty pence, never fifty pounds.
        if "." in number:
            raise InvalidInput("Pence are whole numbers: type 50p, or £0.50.", field)
        value = value / 100
    return check_money(value, field=field, allow_zero=allow_zero)


def check_money(value: Decimal, *, field: str = "amount", allow_zero: bool = True) -> Decimal:
    """Make sure a ``Decimal`` is a whole number of pence within range."""
    if not isinstance(value, Decimal):
        raise TypeError("money must be a Decimal")
    if not value.is_finite():
        raise InvalidInput("That is not an amount of money.", field)
    if value < 0:
        raise InvalidInput("An amount cannot be less than zero.", field)
    if value == 0 and not allow_zero:
        raise InvalidInput("The amount must be more than £0.00.", field)
    if value * 100 > MAX_PENCE:  # before quantize, which cannot cope with enormous numbers
        raise InvalidInput("That amount is far too large. Please check it.", field)
    if value != value.quantize(PENCE):
        raise InvalidInput("Amounts can only go down to whole pence, for example 12.50.", field)
    return value.quantize(PENCE)


def to_pence(pounds: Decimal) -> int:
    """Pounds to whole pence. The amount must already be whole pence."""
    checked = pounds.quantize(PENCE)
    if checked != pounds:
        raise InvalidInput("Amounts can only go down to whole pence.")
    return int(checked * 100)


def from_pence(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(PENCE)


def pounds_text(pence: int) -> str:
    """Plain "1250.00", for files and machines."""
    return f"{from_pence(pence):.2f}"


def line_total_pence(quantity: Decimal, unit_price_pence: int) -> int:
    """The cost of ``quantity`` units, rounded to the nearest penny (halves up)."""
    total = (quantity * unit_price_pence).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(total)


def parse_quantity(text: str, *, field: str = "quantity") -> Decimal:
    """A quantity of units as typed: a positive number with at most two decimal places."""
    cleaned = text.strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise InvalidInput(f"“{cleaned[:20]}” is not a number. Type how many, for example 6.", field) from exc
    return check_quantity(value, field=field)


def check_quantity(value: Decimal, *, field: str = "quantity") -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
    if not isinstance(value, Decimal):
        raise TypeError("quantities must be Decimal (or whole numbers), never float")
    if not value.is_finite():
        raise InvalidInput("That is not a number. Type how many, for example 6.", field)
    if value <= 0:
        raise InvalidInput("The quantity must be more than zero.", field)
    if value > 10_000:  # before quantize, which cannot cope with enormous numbers
        raise InvalidInput("That quantity is far too large. Please check it.", field)
    if value != value.quantize(PENCE):
        raise InvalidInput("Quantities can have at most two decimal places, for example 1.5.", field)
    return value.quantize(PENCE)
