"""The append-only, hash-chained audit trail.

Each event's hash covers its own fields and the hash of the event before it, so editing,
deleting or reordering any event breaks the chain from that point on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from careplan.domain.records import AuditEvent, AuditHead

if TYPE_CHECKING:
    from careplan.services.unit_of_work import Actor
    from careplan.storage.database import Database

GENESIS = "0" * 64


def event_hash(
    seq: int,
    at: datetime,
    staff_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    fields: list[str],
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [seq, at.isoformat(timespec="microseconds"), staff_id, action, entity, entity_id, fields, prev_hash],
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode("ascii")).hexdigest()


def append_events(
    session: Session,
    staff_id: int | None,
    at: datetime,
    events: Iterable[tuple[str, str, int | None, tuple[str, ...]]],
) -> None:
    """Append events to the chain. The caller already holds the audit head's lock."""
    items = list(events)
    if not items:
        return
    head = session.get(AuditHead, 1, populate_existing=True)
    if head is None:
        raise RuntimeError("the audit chain has no head row; the database was not set up by Careplan")
    seq, prev = head.last_seq, head.last_hash
    for action, entity, entity_id, fields in items:
        seq += 1
        digest = event_hash(seq, at, staff_id, action, entity, entity_id, list(fields), prev)
        session.add(
            AuditEvent(
                id=seq,
                at=at,
                staff_id=staff_id,
                action=action,
                entity=entity,
                entity_id=entity_id,
                fields=list(fields),
                prev_hash=prev,
                hash=digest,
            )
        )
        prev = digest
    head.last_seq = seq
    head.last_hash = prev


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    events: int
    first_broken: int | None
    problem: str | None


def verify_chain(session: Session) -> ChainReport:
    """Walk the whole chain. Reports the first event that does not follow from the one before."""
    prev = GENESIS
    expected_seq = 0
    count = 0
    # Plain rows, fetched a few thousand at a time: a county's trail has millions of events and
    # holding them all (as ORM objects) took gigabytes.
    columns = (
        AuditEvent.id,
        AuditEvent.at,
        AuditEvent.staff_id,
        AuditEvent.action,
        AuditEvent.entity,
        AuditEvent.entity_id,
        AuditEvent.fields,
        AuditEvent.prev_hash,
        AuditEvent.hash,
    )
    rows = session.execute(select(*columns).order_by(AuditEvent.id).execution_options(yield_per=5000))
    try:
        for event in rows:
            expected_seq += 1
            count += 1
            if event.id != expected_seq:
                return ChainReport(
                    False,
                    count,
                    expected_seq,
                    f"event {expected_seq} is missing (the next one is {event.id})",
                )
            if event.prev_hash != prev:
                return ChainReport(
                    False, count, event.id, f"event {event.id} does not follow the event before it"
                )
            digest = event_hash(
                event.id,
                event.at,
                event.staff_id,
                event.action,
                event.entity,
                event.entity_id,
                list(event.fields),
                event.prev_hash,
            )
            if digest != event.hash:
                return ChainReport(
                    False, count, event.id, f"event {event.id} was changed after it was written"
                )
            prev = event.hash
    finally:
        rows.close()  # an early answer must not leave a server-side cursor open
    head = session.get(AuditHead, 1)
    if head is None:
        return ChainReport(False, count, None, "the end of the trail is missing")
    if head.last_seq > expected_seq:
        return ChainReport(
            False,
            count,
            expected_seq + 1,
            "the newest events are missing from the end of the trail",
        )
    if head.last_seq < expected_seq:
        return ChainReport(
            False, count, head.last_seq + 1, f"event {head.last_seq + 1} was added outside Careplan"
        )
    if head.last_hash != prev:
        return ChainReport(
            False, count, expected_seq, f"event {expected_seq} was changed after it was written"
        )
    return ChainReport(True, count, None, None)


def verify_audit_trail(db: Database, actor: Actor) -> ChainReport:
    """Check the whole trail, for staff whose role may see the audit."""
    from careplan.domain.permissions import Action
    from careplan.services.unit_of_work import read_only

    with read_only(db, actor, Action.VIEW_AUDIT) as work:
        return verify_chain(work.session)
