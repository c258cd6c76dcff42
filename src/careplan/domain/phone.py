"""Phone numbers as people type them: checked, tidied, refused in one plain sentence.

A number may be written with spaces, dashes, dots or brackets, and start with + for the country;
it has 3 (999, 111) to 15 digits (the most any country's number has). Nothing else is a phone
number: letters (an O for a 0), a second +, an extension written in words.
"""

from __future__ import annotations

import re

from careplan.domain.errors import InvalidInput
from careplan.domain.text import one_line

_ALLOWED = re.compile(r"\+?[0-9 ()\-.]+")
MIN_DIGITS = 3
MAX_DIGITS = 15


def check_phone(value: str, field: str = "phone") -> str:
    """``value`` tidied (runs of spaces made one), or :class:`InvalidInput` for ``field`` when it
    is not a phone number."""
    number = one_line(value, "the phone number", field)
    if not number:
        raise InvalidInput("Please write the phone number.", field)
    if not _ALLOWED.fullmatch(number):
        raise InvalidInput(
            f"“{number}” is not a phone number: use only the digits 0 to 9, spaces, and + at the start.",
            field,
        )
    if not MIN_DIGITS <= sum(c.isdigit() for c in number) <= MAX_DIGITS:
        raise InvalidInput(
            f"“{number}” is not a phone number: it needs {MIN_DIGITS} to {MAX_DIGITS} digits.", field
        )
    return number
