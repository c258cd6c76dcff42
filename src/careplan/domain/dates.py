"""Reading dates as people type them in the UK: 04/03/1992, 4/3/92, 1992-03-04, 4 March 1992."""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime

from careplan.domain.errors import InvalidInput
from careplan.domain.wording.dates import month_number

_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
_IN_WORDS = re.compile(r"(\d{1,2}) ([^\W\d_]+) (\d{4})")


def parse_date(text: str, *, field: str = "date", required: bool = False) -> date | None:
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        if required:
            raise InvalidInput("Please give a date, for example 04/03/2027.", field)
        return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned, flags=re.IGNORECASE)
    in_words = _IN_WORDS.fullmatch(cleaned)
    if in_words is not None:
        # "4 March 1992", "4 mar 1992": month names from the one list, not the computer's locale.
        month = month_number(in_words.group(2))
        if month is not None:
            with contextlib.suppress(ValueError):
                return date(int(in_words.group(3)), month, int(in_words.group(1)))
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        if fmt == "%d/%m/%y" and parsed.year > date.today().year:
            parsed = parsed.replace(year=parsed.year - 100)
        return parsed
    raise InvalidInput(
        f"“{cleaned[:20]}” is not a date Careplan understands. Type day/month/year, for example 04/03/2027.",
        field,
    )
