"""The rules spending shares: which version of a plan is in force, the budget's period, what an
entry's words and receipt may be, and when a service is near its limit or under-used."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careplan.domain.enums import PlanStatus, ReceiptKind
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.records import MAX_RECEIPT_BYTES, Allocation, PlanBudget, PlanVersion, Spending
from careplan.domain.text import check_text

IN_FORCE = (PlanStatus.APPROVED, PlanStatus.ACTIVE)
NOT_APPROVED = "Spending can be recorded only once the plan has been approved."

# Near its limit: at least this share (in tenths) of what is set aside is used.
NEAR_LIMIT_TENTHS = 9
# Under-used part-way through the period: at least a quarter of the period has gone, and less
# than half of what steady use would have spent by now has been used.
UNDERSPEND_FROM_QUARTERS = 1

_MAGIC: tuple[tuple[bytes, ReceiptKind], ...] = (
    (b"%PDF-", ReceiptKind.PDF),
    (b"\x89PNG\r\n\x1a\n", ReceiptKind.PNG),
    (b"\xff\xd8\xff", ReceiptKind.JPEG),
)


def in_force(session: Session, plan_id: int) -> PlanVersion | None:
    """The plan's version in force: the newest one approved (or active), or None."""
    return session.scalar(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id, PlanVersion.status.in_(IN_FORCE))
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )


def require_in_force(session: Session, plan_id: int) -> PlanVersion:
    version = in_force(session, plan_id)
    if version is None:
        raise InvalidTransition(NOT_APPROVED)
    return version


def a_year_from(start: date) -> date:
    """The last day of a year that starts on ``start`` (29 February starts a year to 27 February)."""
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:
        return date(start.year + 1, 2, 28) - timedelta(days=1)


def first_approved_on(session: Session, plan_id: int) -> date | None:
    first = session.scalar(select(func.min(PlanVersion.approved_at)).where(PlanVersion.plan_id == plan_id))
    return first.date() if first is not None else None


def budget_period(session: Session, plan_id: int) -> tuple[date, date] | None:
    """The period the budget is for: as a manager recorded it, else a year from the plan's first
    approval (None: never approved)."""
    recorded = session.get(PlanBudget, plan_id)
    if recorded is not None:
        return recorded.period_start, recorded.period_end
    start = first_approved_on(session, plan_id)
    return (start, a_year_from(start)) if start is not None else None


def used_for_key(session: Session, plan_id: int, key: str) -> int:
    """What is used of a service (every allocation with this key in the plan's versions), in pence."""
    rows = session.execute(
        select(Spending.amount_pence, Spending.reverses_id)
        .join(Allocation, Allocation.id == Spending.allocation_id)
        .where(Spending.plan_id == plan_id, Allocation.key == key)
    ).all()
    return sum(-amount if reverses is not None else amount for amount, reverses in rows)


def receipt_kind(data: bytes) -> ReceiptKind:
    """What a receipt is, from its first bytes; refused plainly if too big or not PDF/PNG/JPEG."""
    if not data:
        raise InvalidInput("That receipt file is empty.", "receipt")
    if len(data) > MAX_RECEIPT_BYTES:
        size = f"{len(data) / (1024 * 1024):.1f} MB"
        raise InvalidInput(
            f"That receipt is {size}; a receipt can be at most 2 MB. Scan it smaller, or as a PDF.",
            "receipt",
        )
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    raise InvalidInput("A receipt must be a PDF, PNG or JPEG file; that file is none of these.", "receipt")


def one_line(value: str | None, what: str, field: str, longest: int, *, required: bool) -> str | None:
    """A short line of text as kept (trimmed), or None when it may be left out and was."""
    cleaned = check_text(value or "", what, field).strip()
    if not cleaned:
        if required:
            raise InvalidInput(f"Please write {what}.", field)
        return None
    if len(cleaned) > longest:
        raise InvalidInput(f"{what.capitalize()} can be at most {longest} characters.", field)
    return cleaned


def near_limit(set_aside: int, used: int) -> bool:
    """Most of what is set aside is used, and it is not over yet."""
    return set_aside > 0 and used <= set_aside and used * 10 >= set_aside * NEAR_LIMIT_TENTHS


def expected_by_now(set_aside: int, days_gone: int, days_total: int) -> int:
    """What steady use would have spent by now, in whole pence (rounded down)."""
    if days_total <= 0:
        return set_aside
    return set_aside * min(max(days_gone, 0), days_total) // days_total


def underspent(set_aside: int, used: int, days_gone: int, days_total: int) -> bool:
    """Far less is used than steady use would have by now, a quarter of the way in or later."""
    if days_total <= 0 or days_gone * 4 < days_total * UNDERSPEND_FROM_QUARTERS:
        return False
    return used * 2 < expected_by_now(set_aside, days_gone, days_total)
