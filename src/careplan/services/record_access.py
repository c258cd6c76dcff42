"""Who opened or changed a person's record: the audit trail, for one person, in plain words.

Every audit event carries the person it is about (``person_id``, see services/audit.py), worked
out when it was written, so the events about one person are one indexed lookup. That includes
the events about a goal, step, service or note of disagreement that was later removed: the
record is gone, the events (added, changed, taken out) stay and show here.

Events written before migration 0006 had their person filled in by that migration, from the
records that still existed then (the join this module used to make every time). Whatever had
already been removed before the upgrade cannot be traced to anybody and does not show here; it
stays in the trail and is checked by ``careplan audit verify``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.permissions import Action
from careplan.domain.records import AuditEvent, Person, RecordCover, StaffMember
from careplan.domain.wording.dates import time_and_date
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database

OPENED = "Opened the record"

# (action, entity) -> what happened, in words a manager reads at a glance.
WORDS: dict[tuple[str, str], str] = {
    ("open", "person"): OPENED,
    ("create", "person"): "Added the person to Careplan",
    ("update", "person"): "Changed the person's details",
    ("write", "about_me"): "Changed About me",
    ("remove", "about_me"): "Took an answer out of About me",
    ("write", "substances"): "Changed substance use",
    ("give", "consent"): "Recorded what the person agrees to share",
    ("withdraw", "consent"): "Recorded that the person stopped agreeing to share",
    ("create", "proposal"): "Asked for a service that is not in the list",
    ("decide", "proposal"): "Decided on a request for a service",
    ("ask", "proposal"): "Asked to be told more about a request for a service",
    ("answer", "proposal"): "Answered a question about a request for a service",
    ("disagree", "proposal"): "Wrote down that the person does not agree with a decision on a request",
    ("create", "plan"): "Started a plan",
    ("create", "plan_version"): "Started a version of the plan",
    ("update", "plan_version"): "Changed the dates of the plan",
    ("revise", "plan_version"): "Started a new version of the plan",
    ("agree", "plan_version"): "The plan was agreed (both signed)",
    ("approve", "plan_version"): "Approved the plan",
    ("activate", "plan_version"): "Put the plan into action",
    ("supersede", "plan_version"): "An older version was replaced",
    ("close", "plan_version"): "Closed the plan",
    ("issue_agreement", "plan_version"): "Made the agreement document",
    ("assess", "budget"): "Worked out the budget",
    ("update", "budget"): "Set the agreed budget",
    ("create", "goal"): "Added a goal",
    ("update", "goal"): "Changed a goal",
    ("progress", "goal"): "Recorded progress on a goal",
    ("create", "step"): "Added a step",
    ("update", "step"): "Changed a step",
    ("progress", "step"): "Ticked a step done or not done",
    ("allocate", "allocation"): "Chose a service",
    ("update", "allocation"): "Changed a chosen service",
    ("create", "disagreement"): "Noted \u201cI don't agree\u201d",
    ("delete", "disagreement"): "Took out a note of \u201cI don't agree\u201d",
    ("delete", "goal"): "Took out a goal",
    ("delete", "step"): "Took out a step",
    ("release", "allocation"): "Took out a chosen service",
    ("sign", "signature"): "Recorded a signature",
    ("schedule", "review"): "Set a review date",
    ("record", "review"): "Recorded a review",
    ("cancel", "review"): "Called off a review",
    ("cover", "person"): "Covered for a colleague (opened the record from outside their caseload)",
    ("assign_peer_mentor", "person"): "Assigned a peer mentor",
    ("assign", "peer_mentor"): "Assigned a peer mentor",
    ("end", "peer_mentor"): "Ended a peer mentor's work with the person",
    ("change", "key_worker"): "Handed the person on to another key worker",
}

# Events whose record is a member of staff (who works with the person): said with their name.
NAMING_STAFF: dict[tuple[str, str], str] = {
    ("assign", "peer_mentor"): "Made {name} a peer mentor of the person",
    ("end", "peer_mentor"): "Ended {name}'s work with the person as peer mentor",
    ("change", "key_worker"): "Handed the person on to {name} as key worker",
}


def describe(
    action: str, entity: str, fields: list[str] | tuple[str, ...] = (), *, named: str | None = None
) -> str:
    """An audit event in plain words (field names only refine it: they never hold personal text;
    ``named``: the member of staff an event about who works with the person was about)."""
    if named is not None and (action, entity) in NAMING_STAFF:
        return NAMING_STAFF[(action, entity)].format(name=named)
    if (action, entity) == ("update", "goal") and list(fields) == ["position"]:
        return "Moved a goal"
    if (action, entity) == ("issue_agreement", "plan_version"):
        # Since issue 14, an agreement is recorded when it was printed or saved (older events say neither).
        if "printed" in fields:
            return "Printed the agreement"
        if "saved" in fields:
            return "Saved the signed agreement as a PDF"
    words = WORDS.get((action, entity))
    if words is not None:
        return words
    return f"{action} {entity}".replace("_", " ").capitalize()


@dataclass(frozen=True)
class AccessEvent:
    """One opening of, or change to, a person's record."""

    seq: int
    at: datetime
    staff_id: int | None
    staff_name: str
    role: str  # the staff member's role now, in words
    what: str
    opened: bool  # True for an opening, False for a change
    # Covering for a colleague: why (the staff member's words) and until when (UTC).
    reason: str | None = None
    until: datetime | None = None

    @property
    def described(self) -> str:
        """What happened, with a cover's end and reason (for the manager reading the trail)."""
        if self.reason is None:
            return self.what
        until = ""
        if self.until is not None:
            until = f" until {time_and_date(self.until)}"
        return f"{self.what}{until}. Reason given: \u201c{self.reason}\u201d"

    @property
    def who(self) -> str:
        return f"{self.staff_name} ({self.role})" if self.role else self.staff_name


def _events_about(person_id: int) -> ColumnElement[bool]:
    """Which audit events are about this person's record (see the module's docstring)."""
    return AuditEvent.person_id == person_id


def record_access(db: Database, actor: Actor, person_id: int) -> list[AccessEvent]:
    """Who opened or changed this person's record, newest first.

    For staff who may see the audit trail and may see people's records (managers).
    """
    with read_only(db, actor, (Action.VIEW_AUDIT, Action.VIEW_PEOPLE)) as work:
        work.get(Person, person_id, "person")
        work.require_record(person_id)
        rows = work.session.execute(
            select(
                AuditEvent.id,
                AuditEvent.at,
                AuditEvent.staff_id,
                AuditEvent.action,
                AuditEvent.entity,
                AuditEvent.fields,
                AuditEvent.entity_id,
                StaffMember.display_name,
                StaffMember.role,
            )
            .outerjoin(StaffMember, StaffMember.id == AuditEvent.staff_id)
            .where(_events_about(person_id))
            .order_by(AuditEvent.id.desc())
        ).all()
        covers = {
            (c.staff_id, c.started_at): (c.reason, c.ends_at)
            for c in work.session.scalars(select(RecordCover).where(RecordCover.person_id == person_id))
        }
        named_ids = {
            entity_id
            for _s, _a, _st, action, entity, _f, entity_id, _n, _r in rows
            if (action, entity) in NAMING_STAFF and entity_id is not None
        }
        names: dict[int, str] = {}
        if named_ids:
            chosen = select(StaffMember.id, StaffMember.display_name).where(StaffMember.id.in_(named_ids))
            names = {staff_id: name for staff_id, name in work.session.execute(chosen)}
    return [
        AccessEvent(
            seq=seq,
            at=at,
            staff_id=staff_id,
            staff_name=name or "Careplan itself",
            role=Role(role).label if role else "",
            what=describe(action, entity, list(fields or []), named=names.get(entity_id or 0)),
            opened=(action, entity) in {("open", "person"), ("cover", "person")},
            reason=covers.get((staff_id, at), (None, None))[0] if action == "cover" else None,
            until=covers.get((staff_id, at), (None, None))[1] if action == "cover" else None,
        )
        for seq, at, staff_id, action, entity, fields, entity_id, name, role in rows
    ]
