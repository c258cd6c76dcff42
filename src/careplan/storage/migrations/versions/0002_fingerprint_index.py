"""find a plan version by its fingerprint

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Verifying an agreement looks a plan version up by the SHA-256 printed in the PDF; with a county's
records that lookup must not scan every version.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_versions") as batch:
        batch.create_index("ix_plan_versions_frozen_sha256", ["frozen_sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plan_versions") as batch:
        batch.drop_index("ix_plan_versions_frozen_sha256")
