"""audit events name the person they are about; failed sign-ins at unknown usernames

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

- ``audit_events.person_id`` (indexed, no foreign key: the trail outlives every record). New
  events are hashed with it (services/audit.py). Existing events get it filled in here, set by
  set, from the records that still exist (the join "Who has seen this" used to make); their hash
  stays as it was written, without it. Events about records already removed, and events not
  about a person, stay NULL.
- ``sign_in_failures``: wrong tries at usernames that are not on the staff, keyed by a keyed
  hash of the name (services/authentication.py).

Downgrading drops ``person_id``; events written since this revision were hashed with it, so after
a downgrade ``careplan audit verify`` reports them as changed. Downgrade only a copy, for tests.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_PLAN = "JOIN plans p ON p.id = v.plan_id"


def _via_version(table: str) -> str:
    return (
        f"SELECT p.person_id FROM {table} x JOIN plan_versions v ON v.id = x.version_id {_PLAN} "
        "WHERE x.id = audit_events.entity_id"
    )


# entity names -> the person of the record ``audit_events.entity_id``, as a correlated subquery.
BACKFILL: tuple[tuple[tuple[str, ...], str], ...] = (
    (("plan",), "SELECT p.person_id FROM plans p WHERE p.id = audit_events.entity_id"),
    (
        ("plan_version", "budget"),
        f"SELECT p.person_id FROM plan_versions v {_PLAN} WHERE v.id = audit_events.entity_id",
    ),
    (("goal",), _via_version("goals")),
    (
        ("step",),
        "SELECT p.person_id FROM steps s JOIN goals x ON x.id = s.goal_id "
        f"JOIN plan_versions v ON v.id = x.version_id {_PLAN} WHERE s.id = audit_events.entity_id",
    ),
    (("allocation",), _via_version("allocations")),
    (("disagreement",), _via_version("disagreements")),
    (("signature",), _via_version("signatures")),
    (
        ("review",),
        "SELECT p.person_id FROM reviews r JOIN plans p ON p.id = r.plan_id WHERE r.id = audit_events.entity_id",
    ),
    (("proposal",), "SELECT x.person_id FROM proposals x WHERE x.id = audit_events.entity_id"),
    (("consent",), "SELECT x.person_id FROM consents x WHERE x.id = audit_events.entity_id"),
)


def backfill(connection: sa.Connection) -> None:
    """Fill in ``person_id`` on the events written before this revision.

    One pass over the trail in the order it is stored (a CASE on the entity, each branch a
    lookup by primary key): a pass per kind of record went through the entity index and so
    wrote the trail's pages in random order, three times slower on a county's trail."""
    branches = " ".join(
        f"WHEN entity IN ({', '.join(repr(name) for name in entities)}) THEN ({subquery})"
        for entities, subquery in BACKFILL
    )
    connection.execute(
        sa.text(
            "UPDATE audit_events SET person_id = CASE "
            "WHEN entity IN ('person', 'about_me', 'substances') "
            f"THEN (SELECT x.id FROM people x WHERE x.id = audit_events.entity_id) {branches} END "
            "WHERE person_id IS NULL AND entity_id IS NOT NULL"
        )
    )


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
    backfill(op.get_bind())
    # After the backfill: one index build instead of millions of index updates.
    op.create_index("ix_audit_events_person_id", "audit_events", ["person_id"], unique=False)
    op.create_table(
        "sign_in_failures",
        sa.Column("name_key", sa.String(length=64), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name_key", name=op.f("pk_sign_in_failures")),
    )
    op.create_index(
        "ix_sign_in_failures_last_failed_at", "sign_in_failures", ["last_failed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_sign_in_failures_last_failed_at", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_index("ix_audit_events_person_id", table_name="audit_events")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("person_id")
