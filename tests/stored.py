"""Reading back what the use cases stored: revisions, statuses, counts, and every row at once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from careplan.domain.enums import PlanStatus
from careplan.domain.records import AuditEvent, Base, Person, Plan, PlanVersion
from careplan.storage.database import Database


def plan_revision(db: Database, plan_id: int) -> int:
    with db.session() as session:
        revision = session.scalar(select(Plan.revision).where(Plan.id == plan_id))
    assert revision is not None
    return revision


def person_revision(db: Database, person_id: int) -> int:
    with db.session() as session:
        revision = session.scalar(select(Person.revision).where(Person.id == person_id))
    assert revision is not None
    return revision


def version_status(db: Database, version_id: int) -> PlanStatus:
    with db.session() as session:
        status = session.scalar(select(PlanVersion.status).where(PlanVersion.id == version_id))
    assert status is not None
    return PlanStatus(status)


def audit_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: compare two to prove nothing was written."""
    with db.engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def rows_as_text(db: Database) -> dict[str, list[str]]:
    """Every row of every table as sorted text, so a refusal can be shown to have written nothing."""
    with db.session() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(table.select()))
            for table in Base.metadata.sorted_tables
        }
