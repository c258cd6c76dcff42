"""The append-only, hash-chained audit trail.

Each event's hash covers its own fields and the hash of the event before it, so editing,
deleting or reordering any event breaks the chain from that point on.

Which person an event is about (``person_id``, from migration 0006)
------------------------------------------------------------------
Events name a record (``entity``, ``entity_id``). Once a goal, step, service or note of
disagreement is removed its row is gone, and nothing could say whose it had been, so "Who has
seen this" lost those events. Every event now also carries the person it is about (None for
staff, the catalogue, settings), worked out when the event is written, before any row is
deleted (:func:`person_of`).

The hash covers ``person_id`` for every event written from 0006 on: the hashed list gains a
ninth item, the person's id (or null). Editing it, clearing it or filling it in on such an
event breaks the chain like any other change. Events written before 0006 were hashed without it
and verify exactly as before (:func:`legacy_event_hash`); migration 0006 filled in their
``person_id`` from the records that still exist, the same join "Who has seen this" used to
make each time it was opened. For those older events ``person_id`` is an index, not part of
what was hashed: changing it is not detected, exactly as changing the plan tables the join
read was not. The walk (:func:`verify_chain`) accepts the older form only until the first event
in the newer form: from then on every event must be in the newer form, so nobody can pass a new
event off as an old one without breaking the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from careplan.domain.errors import AuditTrailBroken
from careplan.domain.records import (
    Allocation,
    AuditEvent,
    AuditHead,
    Consent,
    Disagreement,
    Goal,
    Plan,
    PlanVersion,
    Proposal,
    Review,
    Signature,
    Spending,
    Step,
)

GENESIS = "0" * 64

HEAD_MISSING = (
    "Careplan cannot record anything, so nobody can sign in or save changes: the audit trail's "
    "note of its newest event is missing from the database. That only happens when the database "
    "is changed outside Careplan. Ask whoever looks after Careplan to restore the latest backup "
    "(careplan restore) and check the trail (careplan audit verify)."
)
"""Every write records events, so without the head row nothing may be done: signing in is refused
too (it records an event), rather than letting staff work unrecorded."""

# Entities whose id is the person's own id.
OWN_ENTITIES = frozenset({"person", "about_me", "substances"})
# Entities that belong to one person's record, found through their parents.
RECORD_ENTITIES = frozenset(
    {
        "plan",
        "plan_version",
        "budget",
        "goal",
        "step",
        "allocation",
        "disagreement",
        "signature",
        "review",
        "proposal",
        "consent",
        "spending",
        "plan_budget",
    }
)
# Who works with a person (careplan.services.assignments): the entity is the member of staff (their
# id) and the use case says whose record it is, as nothing in the record leads back to the person.
# Written since issue 14; migration 0006 had none of them to fill in.
TEAM_ENTITIES = frozenset({"peer_mentor", "key_worker"})
PERSON_ENTITIES = OWN_ENTITIES | RECORD_ENTITIES | TEAM_ENTITIES

Event = tuple[str, str, int | None, tuple[str, ...], int | None]  # action, entity, id, fields, person


def _digest(items: list[Any]) -> str:
    payload = json.dumps(items, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(payload.encode("ascii")).hexdigest()


def event_hash(
    seq: int,
    at: datetime,
    staff_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    fields: list[str],
    prev_hash: str,
    *,
    person_id: int | None,
) -> str:
    """The hash of an event written from migration 0006 on: it covers ``person_id`` too."""
    at_text = at.isoformat(timespec="microseconds")
    return _digest([seq, at_text, staff_id, action, entity, entity_id, fields, prev_hash, person_id])


def legacy_event_hash(
    seq: int,
    at: datetime,
    staff_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    fields: list[str],
    prev_hash: str,
) -> str:
    """The hash of an event written before migration 0006 (without ``person_id``)."""
    at_text = at.isoformat(timespec="microseconds")
    return _digest([seq, at_text, staff_id, action, entity, entity_id, fields, prev_hash])


# --- which person an event is about -------------------------------------------------------------


def person_query(entity: str, entity_id: int) -> Select[int] | None:
    """The query for the person a record of ``entity`` belongs to (None: not a person's record).

    Migration 0006 fills in older events with the same joins, set by set."""
    to_person = select(Plan.person_id)
    via_version = to_person.join(PlanVersion, PlanVersion.plan_id == Plan.id)
    if entity in ("plan", "plan_budget"):  # a plan's budget holding is known by the plan's id
        return to_person.where(Plan.id == entity_id)
    if entity in ("plan_version", "budget"):
        return via_version.where(PlanVersion.id == entity_id)
    if entity == "goal":
        return via_version.join(Goal, Goal.version_id == PlanVersion.id).where(Goal.id == entity_id)
    if entity == "step":
        return (
            via_version.join(Goal, Goal.version_id == PlanVersion.id)
            .join(Step, Step.goal_id == Goal.id)
            .where(Step.id == entity_id)
        )
    for name, model in (("allocation", Allocation), ("disagreement", Disagreement), ("signature", Signature)):
        if entity == name:
            return via_version.join(model, model.version_id == PlanVersion.id).where(model.id == entity_id)
    if entity == "review":
        return to_person.join(Review, Review.plan_id == Plan.id).where(Review.id == entity_id)
    if entity == "proposal":
        return select(Proposal.person_id).where(Proposal.id == entity_id)
    if entity == "consent":
        return select(Consent.person_id).where(Consent.id == entity_id)
    if entity == "spending":
        return to_person.join(Spending, Spending.plan_id == Plan.id).where(Spending.id == entity_id)
    return None


def person_of(session: Session, entity: str, entity_id: int | None, target: object = None) -> int | None:
    """The person the record ``entity`` / ``entity_id`` belongs to, or None.

    Asked when the event is recorded, so a row about to be removed is still there (the query runs
    without flushing the session's pending changes). A record of a kind not listed above is
    followed through its own ``person_id``, ``plan_id``, ``version_id`` or ``goal_id``, so a new
    kind of record about a person is not silently left out.
    """
    if entity_id is not None and entity in OWN_ENTITIES:
        return entity_id
    query = person_query(entity, entity_id) if entity_id is not None else None
    if query is None and target is not None:
        for attribute, parent in (
            ("person_id", None),
            ("plan_id", "plan"),
            ("version_id", "plan_version"),
            ("goal_id", "goal"),
        ):
            value = getattr(target, attribute, None)
            if isinstance(value, int):
                if parent is None:
                    return value
                query = person_query(parent, value)
                break
    if query is None:
        return None
    with session.no_autoflush:
        found = session.scalar(query)
    return found if isinstance(found, int) else None


def event_row(
    seq: int,
    prev_hash: str,
    at: datetime,
    staff_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    fields: list[str],
    person_id: int | None,
) -> dict[str, Any]:
    """The next link of the chain, after the event ``seq - 1`` whose hash is ``prev_hash``: the
    audit event's row, its hash covering all of it. ``fields`` are names, never values."""
    return {
        "id": seq,
        "at": at,
        "staff_id": staff_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "fields": fields,
        "prev_hash": prev_hash,
        "hash": event_hash(
            seq, at, staff_id, action, entity, entity_id, fields, prev_hash, person_id=person_id
        ),
        "person_id": person_id,
    }


def append_events(
    session: Session,
    staff_id: int | None,
    at: datetime,
    events: Iterable[Event],
) -> None:
    """Append events to the chain. The caller already holds the audit head's lock."""
    items = list(events)
    if not items:
        return
    head = session.get(AuditHead, 1, populate_existing=True)
    if head is None:
        raise AuditTrailBroken(HEAD_MISSING)
    seq, prev = head.last_seq, head.last_hash
    for action, entity, entity_id, fields, person_id in items:
        seq += 1
        row = event_row(seq, prev, at, staff_id, action, entity, entity_id, list(fields), person_id)
        session.add(AuditEvent(**row))
        prev = row["hash"]
    head.last_seq = seq
    head.last_hash = prev


@dataclass(frozen=True)
class ChainAnchor:
    """A point on the chain written down outside the database: an event's number and its hash.

    Since every hash covers the one before, a live chain that still has this event with this hash
    has every event up to it as it was. Written as ``<number>-<hash>`` (a PDF keyword)."""

    seq: int
    hash: str

    def as_text(self) -> str:
        return f"{self.seq}-{self.hash}"

    @classmethod
    def from_text(cls, text: str) -> ChainAnchor | None:
        number, _, digest = text.partition("-")
        if not (number.isascii() and number.isdigit()) or len(digest) != 64:
            return None
        if any(c not in "0123456789abcdef" for c in digest):
            return None
        return cls(int(number), digest)


def head_anchor(session: Session) -> ChainAnchor | None:
    """The chain's newest event as it stands in this session (None: the head row is missing)."""
    head = session.get(AuditHead, 1)
    return None if head is None else ChainAnchor(head.last_seq, head.last_hash)


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
    legacy = True  # events hashed without person_id are accepted until the first one with it
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
        AuditEvent.person_id,
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
            written = (
                event.id,
                event.at,
                event.staff_id,
                event.action,
                event.entity,
                event.entity_id,
                list(event.fields),
                event.prev_hash,
            )
            if legacy and legacy_event_hash(*written) == event.hash:
                pass  # written before 0006: its person_id (if any) was filled in afterwards
            elif event_hash(*written, person_id=event.person_id) == event.hash:
                legacy = False
            else:
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
