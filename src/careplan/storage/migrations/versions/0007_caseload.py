"""caseloads: peer mentors assigned to people; covering for a colleague

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

- ``peer_mentor_assignments``: which peer mentor works with which person (their caseload; a key
  worker's caseload is ``people.key_worker_id``, as before).
- ``record_covers``: a member of staff covering for a colleague may open one person's record,
  outside their caseload, until a time; with their reason.

Nothing existing changes. Downgrading drops both tables (and the covers and assignments in them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peer_mentor_assignments",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.Column("assigned_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_peer_mentor_assignments_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_peer_mentor_assignments_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["assigned_by_id"], ["staff.id"], name=op.f("fk_peer_mentor_assignments_assigned_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("person_id", "staff_id", name=op.f("pk_peer_mentor_assignments")),
    )
    op.create_index(
        "ix_peer_mentor_assignments_staff_id", "peer_mentor_assignments", ["staff_id"], unique=False
    )
    op.create_table(
        "record_covers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("ends_at > started_at", name=op.f("ck_record_covers_period")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_record_covers_staff_id_staff")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_record_covers_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_covers")),
    )
    op.create_index("ix_record_covers_person_id", "record_covers", ["person_id"], unique=False)
    op.create_index(
        "ix_record_covers_staff_id_person_id_ends_at",
        "record_covers",
        ["staff_id", "person_id", "ends_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_record_covers_staff_id_person_id_ends_at", table_name="record_covers")
    op.drop_index("ix_record_covers_person_id", table_name="record_covers")
    op.drop_table("record_covers")
    op.drop_index("ix_peer_mentor_assignments_staff_id", table_name="peer_mentor_assignments")
    op.drop_table("peer_mentor_assignments")
