"""Spending to date on paper: per service what is set aside, used and left, on the day a copy of
an approved plan's agreement (or "My progress") is printed.

It is a dated part of its own, printed after what was signed: the plan's fingerprint
(:mod:`careplan.services.canonical`) never sees it, so printing it again later, with more spent,
makes an agreement that still matches the version that was signed. A draft has none.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from careplan.documents.layout_styles import FRAME_WIDTH, RULE, TEAL, Styles, table_style, text
from careplan.documents.render_shared import heading_with_picture
from careplan.domain.wording.dates import uk_date
from careplan.domain.wording.money import format_money
from careplan.services.spending_view import PlanSpending, ServiceSpending

NOT_SIGNED = (
    "This part is not part of what was signed: it shows what had been spent on the day this copy was printed."
)
NOT_SIGNED_EASY = "This part was added when this was printed. It is not part of what we signed."


def _left(pence: int) -> str:
    return format_money(pence) if pence >= 0 else f"over by {format_money(-pence)}"


def full_spending(spending: PlanSpending | None, s: Styles) -> list[Flowable]:
    """The full agreement's "Spending to date (printed on …)": a table, with the totals."""
    if spending is None:
        return []
    out: list[Flowable] = [
        CondPageBreak(160),
        Paragraph(f"Spending to date (printed on {uk_date(spending.today)})", s.heading),
        Paragraph(text(NOT_SIGNED), s.body),
    ]
    money_w = 84.0
    rows: list[list[object]] = [
        [
            Paragraph("Service", s.cell_head),
            Paragraph("Set aside", s.cell_head_right),
            Paragraph("Used", s.cell_head_right),
            Paragraph("Left", s.cell_head_right),
        ]
    ]
    for service in spending.services:
        rows.append(
            [
                Paragraph(text(service.description), s.cell),
                Paragraph(format_money(service.set_aside_pence), s.cell_right),
                Paragraph(format_money(service.used_pence), s.cell_right),
                Paragraph(_left(service.left_pence), s.cell_right),
            ]
        )
    rows.append(
        [
            Paragraph("<b>Total</b>", s.cell),
            Paragraph(f"<b>{format_money(spending.set_aside_pence)}</b>", s.cell_right),
            Paragraph(f"<b>{format_money(spending.used_pence)}</b>", s.cell_right),
            Paragraph(f"<b>{_left(spending.left_pence)}</b>", s.cell_right),
        ]
    )
    table = Table(rows, colWidths=[FRAME_WIDTH - 3 * money_w, money_w, money_w, money_w], repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, TEAL),
                ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
                ("LINEABOVE", (0, -1), (-1, -1), 0.9, TEAL),
            ]
        )
    )
    out.append(table)
    return out


def _plain_line(service: ServiceSpending) -> str:
    said = f"{text(service.description)}: I have used {format_money(service.used_pence)}"
    if service.set_aside_pence == 0:
        return f"{said}. My manager said yes to this."
    said += f" of {format_money(service.set_aside_pence)}."
    if service.left_pence < 0:
        return f"{said} That is {format_money(-service.left_pence)} more. My manager said yes to this."
    return f"{said} <b>{format_money(service.left_pence)} is left.</b>"


def easy_spending(
    spending: PlanSpending | None,
    s: Styles,
    body: ParagraphStyle,
    bullet: ParagraphStyle,
    *,
    picture_size: float,
    signed: bool = True,
) -> list[Flowable]:
    """In plain words, for the easy-read agreement and "My progress": "What I have used so far".
    ``signed`` (the agreement): with the day it was printed, and that it is not what was signed."""
    if spending is None:
        return []
    out: list[Flowable] = [
        CondPageBreak(260),
        heading_with_picture("What I have used so far", "money", s, size=picture_size),
    ]
    if signed:  # "My progress" says when it was printed already, at its foot
        out.append(Paragraph(f"Printed on {uk_date(spending.today)}.", body))
        out.append(Paragraph(NOT_SIGNED_EASY, body))
    out += [Paragraph(_plain_line(service), bullet, bulletText="•") for service in spending.services]
    left = spending.left_pence
    used, set_aside = format_money(spending.used_pence), format_money(spending.set_aside_pence)
    total = f"Altogether I have used {used} of {set_aside}."
    out.append(Paragraph(total, body))
    if left >= 0:
        out.append(Paragraph(f"<b>Money left: {format_money(left)}.</b>", body))
    return out
