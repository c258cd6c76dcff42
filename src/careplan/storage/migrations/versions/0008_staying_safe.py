"""staying-safe plans: part of every plan version

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

- ``staying_safe``: one row for a plan version's staying-safe plan (warning signs, what helps,
  what to do if the service cannot be reached, overdose risk and the person's words about it,
  whether naloxone is held and where), each text a row in ``texts``.
- ``safety_contacts``: who the person can call, with their phone numbers; a key that lives on
  from version to version, like goals.

Nothing existing changes: versions from before have no staying-safe plan (and what they signed
stays as it was). Downgrading drops both tables (the texts they pointed at stay, unreferenced).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    "warning_signs_id",
    "what_helps_id",
    "if_unreachable_id",
    "overdose_words_id",
    "naloxone_where_id",
)


def upgrade() -> None:
    op.create_table(
        "staying_safe",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        *(sa.Column(column, sa.Integer(), nullable=True) for column in TEXT_COLUMNS[:4]),
        sa.Column("overdose_risk", sa.String(length=12), nullable=True),
        sa.Column("naloxone", sa.String(length=10), nullable=True),
        sa.Column("naloxone_where_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "overdose_risk IS NULL OR overdose_risk IN ('low', 'some', 'high', 'not_sure')",
            name=op.f("ck_staying_safe_overdose_risk"),
        ),
        sa.CheckConstraint(
            "naloxone IS NULL OR naloxone IN ('held', 'not_held')", name=op.f("ck_staying_safe_naloxone")
        ),
        sa.CheckConstraint(
            "naloxone_where_id IS NULL OR naloxone = 'held'", name=op.f("ck_staying_safe_naloxone_where")
        ),
        sa.ForeignKeyConstraint(
            ["version_id"], ["plan_versions.id"], name=op.f("fk_staying_safe_version_id_plan_versions")
        ),
        *(
            sa.ForeignKeyConstraint([column], ["texts.id"], name=op.f(f"fk_staying_safe_{column}_texts"))
            for column in TEXT_COLUMNS
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staying_safe")),
        sa.UniqueConstraint("version_id", name=op.f("uq_staying_safe_version_id")),
    )
    op.create_table(
        "safety_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"], ["plan_versions.id"], name=op.f("fk_safety_contacts_version_id_plan_versions")
        ),
        sa.ForeignKeyConstraint(["name_id"], ["texts.id"], name=op.f("fk_safety_contacts_name_id_texts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_contacts")),
        sa.UniqueConstraint("version_id", "key", name=op.f("uq_safety_contacts_version_id_key")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_safety_contacts_version_id", "safety_contacts", ["version_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_safety_contacts_version_id", table_name="safety_contacts")
    op.drop_table("safety_contacts")
    op.drop_table("staying_safe")
