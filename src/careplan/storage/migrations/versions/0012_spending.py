"""spending: how an approved plan's budget is held and for which period, and what was spent

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

- ``plan_budgets``: one row per plan, recorded by a manager: how the budget is held (a notional
  budget held by the service, managed by a third party, or a direct payment to the person) and
  the period it is for (usually a year from approval). A plan without a row has not had it
  recorded yet; nothing existing is guessed.
- ``spending``: a ledger of purchases and payments against a chosen service (an allocation):
  date, amount in pence (always more than nothing), supplier, what for, reference, who recorded
  it and when; a reversal is its own row pointing at the entry it puts right (at most once), with
  a reason; a manager's written agreement for spending beyond what is set aside; a receipt (PDF,
  PNG or JPEG) kept inside the database.

Nothing existing changes. Downgrading drops both tables and everything recorded in them.

(Briefed as 0010 after 0009; requests decided landed first as 0011 after 0009, so this follows it.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_budgets",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("held", sa.String(length=14), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "held IN ('service', 'third_party', 'direct_payment')", name=op.f("ck_plan_budgets_held")
        ),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_plan_budgets_period")),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_plan_budgets_plan_id_plans")),
        sa.ForeignKeyConstraint(["set_by_id"], ["staff.id"], name=op.f("fk_plan_budgets_set_by_id_staff")),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_plan_budgets")),
    )
    op.create_table(
        "spending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("allocation_id", sa.Integer(), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.Integer(), nullable=False),
        sa.Column("supplier", sa.String(length=120), nullable=False),
        sa.Column("what_for", sa.String(length=200), nullable=True),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("agreed_by_id", sa.Integer(), nullable=True),
        sa.Column("agreement", sa.Text(), nullable=True),
        sa.Column("receipt_kind", sa.String(length=4), nullable=True),
        sa.Column("receipt", sa.LargeBinary(), nullable=True),
        sa.CheckConstraint("amount_pence > 0", name=op.f("ck_spending_amount")),
        sa.CheckConstraint("(reverses_id IS NULL) = (reason IS NULL)", name=op.f("ck_spending_reversal")),
        sa.CheckConstraint(
            "(agreed_by_id IS NULL) = (agreement IS NULL)", name=op.f("ck_spending_agreement")
        ),
        sa.CheckConstraint("(receipt IS NULL) = (receipt_kind IS NULL)", name=op.f("ck_spending_receipt")),
        sa.CheckConstraint(
            "receipt_kind IS NULL OR receipt_kind IN ('pdf', 'png', 'jpeg')",
            name=op.f("ck_spending_receipt_kind"),
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_spending_plan_id_plans")),
        sa.ForeignKeyConstraint(
            ["allocation_id"], ["allocations.id"], name=op.f("fk_spending_allocation_id_allocations")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_spending_recorded_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["spending.id"], name=op.f("fk_spending_reverses_id_spending")
        ),
        sa.ForeignKeyConstraint(["agreed_by_id"], ["staff.id"], name=op.f("fk_spending_agreed_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spending")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_spending_reverses_id")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_spending_plan_id", "spending", ["plan_id"], unique=False)
    op.create_index("ix_spending_allocation_id", "spending", ["allocation_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_spending_allocation_id", table_name="spending")
    op.drop_index("ix_spending_plan_id", table_name="spending")
    op.drop_table("spending")
    op.drop_table("plan_budgets")
