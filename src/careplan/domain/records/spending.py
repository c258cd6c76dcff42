"""The budget over its year: how an approved plan's budget is held and for which period, and what
was spent from it, service by service.

Spending is a ledger: entries are never changed or taken out. A mistake is put right by a second
entry that *reverses* the first (same amount, its own reason); the two net to zero. An entry is
reversed once at most (``reverses_id`` is unique). Spending more than is set aside for a service,
or on one that is not in the approved version, carries a manager's written agreement
(``agreed_by_id`` and ``agreement``). A receipt (PDF, PNG or JPEG, checked by its content) is kept
in the database itself, never as a loose file, and loaded only when asked for.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text, event
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from careplan.domain.enums import BudgetHeld, ReceiptKind
from careplan.domain.records.base import Base, utcnow
from careplan.domain.records.budget import Allocation
from careplan.domain.records.staff import StaffMember

MAX_RECEIPT_BYTES = 2 * 1024 * 1024


class PlanBudget(Base):
    """How an approved plan's budget is held, and the period it is for (a manager records it)."""

    __tablename__ = "plan_budgets"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), primary_key=True)
    held: Mapped[BudgetHeld] = mapped_column(String(14))
    period_start: Mapped[date]
    period_end: Mapped[date]
    set_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)

    set_by: Mapped[StaffMember] = relationship()

    __table_args__ = (
        CheckConstraint("held IN ('service', 'third_party', 'direct_payment')", name="held"),
        CheckConstraint("period_end >= period_start", name="period"),
    )


class Spending(Base):
    """One purchase or payment against a chosen service, or the reversal of one."""

    __tablename__ = "spending"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    allocation_id: Mapped[int] = mapped_column(ForeignKey("allocations.id"), index=True)
    spent_on: Mapped[date]
    amount_pence: Mapped[int] = mapped_column(Integer)
    supplier: Mapped[str] = mapped_column(String(120))
    what_for: Mapped[str | None] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(60))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("spending.id"), unique=True)
    reason: Mapped[str | None] = mapped_column(Text)
    agreed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    agreement: Mapped[str | None] = mapped_column(Text)
    receipt_kind: Mapped[ReceiptKind | None] = mapped_column(String(4))
    receipt: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    allocation: Mapped[Allocation] = relationship()
    recorded_by: Mapped[StaffMember] = relationship(foreign_keys=[recorded_by_id])
    agreed_by: Mapped[StaffMember | None] = relationship(foreign_keys=[agreed_by_id])

    __table_args__ = (
        CheckConstraint("amount_pence > 0", name="amount"),
        CheckConstraint("(reverses_id IS NULL) = (reason IS NULL)", name="reversal"),
        CheckConstraint("(agreed_by_id IS NULL) = (agreement IS NULL)", name="agreement"),
        CheckConstraint("(receipt IS NULL) = (receipt_kind IS NULL)", name="receipt"),
        CheckConstraint(
            "receipt_kind IS NULL OR receipt_kind IN ('pdf', 'png', 'jpeg')", name="receipt_kind"
        ),
        {"sqlite_autoincrement": True},
    )

    @property
    def signed_pence(self) -> int:
        """What the entry adds to what is used: its amount, or less its amount for a reversal."""
        return -self.amount_pence if self.reverses_id is not None else self.amount_pence


@event.listens_for(Spending, "before_update")
@event.listens_for(Spending, "before_delete")
def _ledger_is_written_once(_mapper: Any, _connection: Any, target: Spending) -> None:
    raise ValueError(f"Spending entry {target.id} is part of the ledger: it is never changed or taken out.")
