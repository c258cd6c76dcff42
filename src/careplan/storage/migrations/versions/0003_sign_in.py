"""staff sign-in: password hashes, failed attempts, delays and locks

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

Staff sign in with a username and password (argon2id). Existing staff get no password: an
administrator sets one (``careplan staff set-password``), and they choose their own at first
sign-in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("locked")
        batch.drop_column("locked_until")
        batch.drop_column("failed_sign_ins")
        batch.drop_column("must_change_password")
        batch.drop_column("password_changed_at")
        batch.drop_column("password_hash")
