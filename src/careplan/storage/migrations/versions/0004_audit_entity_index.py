"""find a person's audit events by the records they name

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

"Who has seen this" looks up the events about one person's records (entity, entity_id); without
an index that read the whole trail (200-300 ms a person with a quarter of a million events).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.create_index("ix_audit_events_entity_entity_id", ["entity", "entity_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_index("ix_audit_events_entity_entity_id")
