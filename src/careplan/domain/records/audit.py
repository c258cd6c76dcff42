"""The audit trail: append-only events in a hash chain, and the chain's head."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from careplan.domain.records.base import Base


class AuditEvent(Base):
    """Append-only. Never holds personal text: only which record, which action, which fields."""

    __tablename__ = "audit_events"
    # "Who has seen this" finds a person's events by the records they name.
    __table_args__ = (Index("ix_audit_events_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[list[Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The person the event is about (None for staff, catalogue, settings). No foreign key: the
    # trail outlives every record. Covered by the hash from migration 0006 on (services/audit.py).
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)


class AuditHead(Base):
    """One row: the end of the audit chain. Every write takes its lock first, so the chain is a line."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
