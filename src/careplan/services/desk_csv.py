"""The desk's money totals as a CSV file, for a spreadsheet: by category, by month, and the total.

One row per line of :class:`careplan.services.desk.Desk`'s money: what it is (``category``,
``month`` or ``total``), its label, and agreed, set aside and spent in pounds as plain numbers
("1250.00", exact from pence). UTF-8 with a byte-order mark, so that Excel shows £ and accents;
a cell that a spreadsheet would run as a formula is kept as text.
"""

from __future__ import annotations

import csv
import io

from careplan.domain.money import pounds_text
from careplan.services.desk import Desk
from careplan.services.desk_money import MoneyLine

HEADINGS = ("Part", "Line", "Agreed (£)", "Set aside (£)", "Spent (£)")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(cell: str) -> str:
    """Kept as text in a spreadsheet, never run as a formula (CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _row(part: str, line: MoneyLine, *, agreed: bool = True) -> list[str]:
    return [
        part,
        _text(line.label),
        pounds_text(line.agreed_pence) if agreed else "",
        pounds_text(line.set_aside_pence),
        pounds_text(line.spent_pence),
    ]


def file_name(view: Desk) -> str:
    """ "desk totals 2026-12-07.csv": the name a save dialog suggests."""
    return f"desk totals {view.today.isoformat()}.csv"


def totals_csv(view: Desk) -> bytes:
    """The money of ``view`` as CSV bytes (agreed budgets are whole plans': no category has one)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for line in view.money_by_category:
        writer.writerow(_row("category", line, agreed=False))
    for line in view.money_by_month:
        writer.writerow(_row("month", line))
    writer.writerow(_row("total", view.money_total))
    return out.getvalue().encode("utf-8-sig")
