"""Money as people read it: "£1,250.00". (Reading typed amounts, and the pence rules, are in
``careplan.domain.money``.)"""

from __future__ import annotations

from decimal import Decimal

from careplan.domain.money import from_pence


def format_money(pence: int) -> str:
    """£1,250.00 style, for people to read."""
    sign = "-" if pence < 0 else ""
    pounds = from_pence(abs(pence))
    return f"{sign}£{pounds:,.2f}"


def format_pounds(pounds: Decimal) -> str:
    """£1,250.00 from an amount already in pounds."""
    sign = "-" if pounds < 0 else ""
    return f"{sign}£{abs(pounds):,.2f}"
