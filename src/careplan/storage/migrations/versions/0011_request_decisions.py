"""requests decided: yes (one-off, or added to the catalogue), no with a reason, or "tell us more"

Revision ID: 0011
Revises: 0009 (the lead re-chains this to 0010 when both land)
Create Date: 2026-12-07

``proposals`` gains:

- ``service_id``: the catalogue service a "yes, and add it to the catalogue" made;
- ``question``, ``asked_by_id``, ``asked_at``: a manager's "tell us more", in plain words;
- ``answer_id``: the answer to it, in the person's or the key worker's words (a text);
- ``disagreement_id``: the person's "I don't agree" with the decision, in their words (a text);
- the status ``asked`` (waiting for an answer), beside pending, approved and declined.

Existing requests keep their status and decision; nothing is made up for them. Downgrading drops
the new columns; a request waiting for an answer goes back to waiting for a manager. Downgrade
only a copy, for tests.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

_NEW_FOREIGN_KEYS = (
    ("service_id", "services"),
    ("asked_by_id", "staff"),
    ("answer_id", "texts"),
    ("disagreement_id", "texts"),
)
_OLD_STATUSES = "status IN ('pending', 'approved', 'declined')"
_NEW_STATUSES = "status IN ('pending', 'approved', 'declined', 'asked')"


def upgrade() -> None:
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("service_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("question", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("asked_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("asked_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("answer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("disagreement_id", sa.Integer(), nullable=True))
        for column, table in _NEW_FOREIGN_KEYS:
            batch_op.create_foreign_key(f"fk_proposals_{column}_{table}", table, [column], ["id"])
        batch_op.drop_constraint(op.f("ck_proposals_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_proposals_status"), _NEW_STATUSES)


def downgrade() -> None:
    op.execute("UPDATE proposals SET status = 'pending' WHERE status = 'asked'")
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_proposals_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_proposals_status"), _OLD_STATUSES)
        for column, table in _NEW_FOREIGN_KEYS:
            batch_op.drop_constraint(f"fk_proposals_{column}_{table}", type_="foreignkey")
        for column in ("service_id", "question", "asked_by_id", "asked_at", "answer_id", "disagreement_id"):
            batch_op.drop_column(column)
