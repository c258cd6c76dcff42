"""The columns of a new record, as Careplan writes them: one function for each kind of row.

The use cases make their ORM objects from these (``Person(**person_row(...))``), and the demo
generator (``careplan.demo``) makes its rows from the same functions and inserts them in bulk, so
both write the same thing: whose words a text is, what a new person, plan, version, goal or step
starts as, and what a revised version carries over. Relationships (a goal's wording, a version's
plan) are not columns here: the use cases pass objects for them, the demo their ids.

Values are passed through as given: an enum from the use cases, or its plain string from the demo
(the enums are ``StrEnum``s, so both are stored the same).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Protocol

from careplan.domain.enums import AuthorKind, GoalStatus, PlanStatus

Row = dict[str, Any]


def text_row(
    body: str,
    author_kind: str,
    *,
    person_id: int | None,
    staff_id: int,
    staff_role: str | None,
    written_at: datetime,
) -> Row:
    """A piece of free text: in the person's voice (it names them: ``person_id``) or in a member
    of staff's (it names them and their role, ``staff_role``); recorded by the member of staff who
    typed it (``staff_id``)."""
    if author_kind == AuthorKind.PERSON:
        return {
            "body": body,
            "author_kind": author_kind,
            "person_id": person_id,
            "staff_id": None,
            "author_role": None,
            "recorded_by_id": staff_id,
            "written_at": written_at,
        }
    return {
        "body": body,
        "author_kind": author_kind,
        "person_id": None,
        "staff_id": staff_id,
        "author_role": staff_role,
        "recorded_by_id": staff_id,
        "written_at": written_at,
    }


def person_row(
    details: Mapping[str, object], *, reference: str, key_worker_id: int | None, at: datetime
) -> Row:
    """A person registered: their checked ``details`` (names, date of birth, pronouns, contact),
    their reference and key worker, at revision 1."""
    return {
        **details,
        "reference": reference,
        "key_worker_id": key_worker_id,
        "created_at": at,
        "updated_at": at,
        "revision": 1,
    }


def plan_row(*, person_id: int, key_worker_id: int | None, at: datetime) -> Row:
    """A plan started (its key is new: chosen by the caller, or the column's default)."""
    return {
        "person_id": person_id,
        "key_worker_id": key_worker_id,
        "created_at": at,
        "updated_at": at,
        "revision": 1,
    }


def first_version_row(
    *, created_by_id: int, at: datetime, period_start: date | None, period_end: date | None
) -> Row:
    """A plan's first version: a draft, numbered 1."""
    return {
        "number": 1,
        "status": PlanStatus.DRAFT,
        "created_at": at,
        "created_by_id": created_by_id,
        "period_start": period_start,
        "period_end": period_end,
    }


class VersionShape(Protocol):
    """What a revised version carries over from the version it is based on."""

    @property
    def period_start(self) -> date | None: ...
    @property
    def period_end(self) -> date | None: ...
    @property
    def indicative_pence(self) -> int | None: ...
    @property
    def indicative_working(self) -> dict[str, Any] | None: ...
    @property
    def agreed_budget_pence(self) -> int | None: ...


def revised_version_row(source: VersionShape, *, number: int, created_by_id: int, at: datetime) -> Row:
    """A new draft revised from ``source``: its period and budget carried over (its goals, steps,
    services and notes are copied by the caller, with the same keys and texts)."""
    return {
        "number": number,
        "status": PlanStatus.DRAFT,
        "created_at": at,
        "created_by_id": created_by_id,
        "period_start": source.period_start,
        "period_end": source.period_end,
        "indicative_pence": source.indicative_pence,
        "indicative_working": source.indicative_working,
        "agreed_budget_pence": source.agreed_budget_pence,
    }


def goal_row(*, key: str, position: int, target_date: date | None) -> Row:
    """A goal added to a draft (its wording, why and life area are the caller's to link)."""
    return {"key": key, "position": position, "target_date": target_date, "status": GoalStatus.NOT_STARTED}


def step_row(*, key: str, position: int, owner: str, owner_detail: str | None, due_date: date | None) -> Row:
    """A step added to a goal, not done yet (what it says is the caller's to link)."""
    return {
        "key": key,
        "position": position,
        "owner": owner,
        "owner_detail": owner_detail,
        "due_date": due_date,
        "done": False,
    }
