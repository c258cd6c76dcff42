"""The audit trail the demo leaves: an event for each change, as the use cases would record it,
written at the end as the next links of the chain (:func:`careplan.services.audit.event_row`).

Events never hold personal text: only actions, record ids and field names.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import update

from careplan.demo.stand_ins import Staff
from careplan.domain.records import AuditEvent, AuditHead
from careplan.services.audit import OWN_ENTITIES, PERSON_ENTITIES, event_row
from careplan.storage.bulk_rows import BulkRows

_AUDIT_BATCH = 20_000

# at, order, staff, action, entity, entity id, fields, the person the event is about
Event = tuple[datetime, int, int | None, str, str, int | None, tuple[str, ...], int | None]


class Trail:
    """The events made so far, in the order they happened, each naming the person it is about."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._about: int | None = None  # the person being made now: their events name them

    def start_person(self) -> None:
        self._about = None

    def event(
        self,
        at: datetime,
        staff: Staff | None,
        action: str,
        entity: str,
        entity_id: int | None,
        fields: Sequence[str] = (),
        *,
        about: int | None = None,
    ) -> None:
        """``about``: the person the event is about, when it is not the person being made now."""
        if entity in OWN_ENTITIES:
            self._about = entity_id
        self.events.append(
            (
                at,
                len(self.events),
                staff.id if staff else None,
                action,
                entity,
                entity_id,
                tuple(sorted(fields)),
                about if about is not None else self._about if entity in PERSON_ENTITIES else None,
            )
        )

    def write(self, rows: BulkRows, seq: int, prev: str) -> int:
        """The events as the next links of the chain, after ``seq`` and ``prev``; how many."""
        events = self.events
        events.sort(key=itemgetter(0))  # stable: same-moment events keep the order they happened in
        table = AuditEvent.__tablename__
        batch: list[dict[str, Any]] = []
        shared: dict[tuple[str, ...], list[str]] = {}
        for at, _, staff_id, action, entity, entity_id, fields, person_id in events:
            seq += 1
            names = shared.get(fields)
            if names is None:
                names = shared[fields] = list(fields)
            row = event_row(seq, prev, at, staff_id, action, entity, entity_id, names, person_id)
            batch.append(row)
            prev = row["hash"]
            if len(batch) >= _AUDIT_BATCH:
                rows.insert(table, batch)
                batch = []
        if batch:
            rows.insert(table, batch)
        rows.session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=seq, last_hash=prev))
        return len(events)
