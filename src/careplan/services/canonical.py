"""The canonical form of a plan version: what people sign and what a printed agreement is checked against.

Canonical JSON: keys sorted, no insignificant whitespace, UTF-8, money as integer pence,
quantities and dates as strings. Only what the plan *says* is in it: no database ids, no
timestamps of edits, no statuses, no signatures, no progress (goal status, steps done), so that
the same content always gives the same SHA-256, on any machine and either database engine.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from careplan.domain.records import AuthoredText, Person, PlanVersion

SCHEMA = "careplan.plan-version/1"


def document_id(version_id: int, sha256: str) -> str:
    """The id printed on an agreement of this plan version: ``CP-<version id>-<8 hex digits>``.

    Part of the documents' contract (see :mod:`careplan.documents`).
    """
    return f"CP-{version_id}-{sha256[:8]}".upper()


def text_json(text: AuthoredText | None) -> dict[str, Any] | None:
    if text is None:
        return None
    author: dict[str, Any]
    if text.author_kind == "person":
        author = {"kind": "person"}
    else:
        staff = text.staff
        author = {
            "kind": "staff",
            "name": staff.display_name if staff else None,
            "role": text.author_role,
        }
    return {"text": text.body, "author": author}


def about_me_json(person: Person) -> dict[str, Any]:
    return {
        "answers": {entry.topic: text_json(entry.text) for entry in person.about_me},
        "substances": [
            {"substance": s.substance, "how": s.how, "how_often": s.how_often, "amount": s.amount}
            for s in person.substances
        ],
    }


def staying_safe_json(version: PlanVersion) -> dict[str, Any] | None:
    """The version's staying-safe plan; None when nothing of it is written (so versions from
    before there were staying-safe plans keep the form, and the fingerprint, they were signed with)."""
    row = version.staying_safe
    data: dict[str, Any] = {
        "warning_signs": text_json(row.warning_signs) if row else None,
        "what_helps": text_json(row.what_helps) if row else None,
        "if_unreachable": text_json(row.if_unreachable) if row else None,
        "contacts": [
            {"key": c.key, "name": text_json(c.name), "phone": c.phone} for c in version.safety_contacts
        ],
        "overdose_risk": row.overdose_risk if row else None,
        "overdose_words": text_json(row.overdose_words) if row else None,
        "naloxone": row.naloxone if row else None,
        "naloxone_where": text_json(row.naloxone_where) if row else None,
    }
    return data if any(data.values()) else None


def canonical_plan(version: PlanVersion) -> dict[str, Any]:
    """What the version says. Once agreed, exactly what was signed (stored when it was frozen), so
    that renaming a life area, a member of staff or the name a person uses later changes nothing."""
    if version.frozen_canonical is not None:
        return version.frozen_canonical
    return live_canonical(version)


def live_canonical(version: PlanVersion) -> dict[str, Any]:
    """The canonical form worked out afresh from the record's rows."""
    plan = version.plan
    person = plan.person
    goals_by_id = {goal.id: goal for goal in version.goals}
    about_me = about_me_json(person)

    def note_target(note: Any) -> dict[str, Any]:
        if note.goal_id is not None:
            return {"goal": goals_by_id[note.goal_id].key}
        if note.step_id is not None:
            return {"step": note.step.key}
        if note.allocation_id is not None:
            return {"allocation": note.allocation.key}
        return {"plan": plan.key}

    form: dict[str, Any] = {
        "schema": SCHEMA,
        "plan": plan.key,
        "version": version.number,
        "person": {"reference": person.reference, "preferred_name": person.preferred_name},
        "key_worker": plan.key_worker.display_name if plan.key_worker else None,
        "period": {
            "start": _date(version.period_start),
            "end": _date(version.period_end),
        },
        "about_me": about_me,
        "goals": [
            {
                "key": goal.key,
                "life_area": goal.life_area.name,
                "wording": text_json(goal.wording),
                "why": text_json(goal.why),
                "target_date": _date(goal.target_date),
                "steps": [
                    {
                        "key": step.key,
                        "what": text_json(step.what),
                        "who": step.owner,
                        "who_detail": step.owner_detail,
                        "by": _date(step.due_date),
                    }
                    for step in goal.steps
                ],
            }
            for goal in version.goals
        ],
        "budget": {
            "indicative_pence": version.indicative_pence,
            "working": version.indicative_working,
            "agreed_pence": version.agreed_budget_pence,
            "allocations": [
                {
                    "key": a.key,
                    "description": a.description,
                    "category": a.category,
                    "unit": a.unit,
                    "quantity": f"{a.quantity:.2f}",
                    "unit_price_pence": a.unit_price_pence,
                    "total_pence": a.total_pence,
                    "goals": [g.key for g in a.goals],
                    "period": {"start": _date(a.period_start), "end": _date(a.period_end)},
                    "override_reason": a.override_reason,
                }
                for a in version.allocations
            ],
        },
        "disagreements": sorted(
            ({"about": note_target(n), "note": text_json(n.text)} for n in version.disagreements),
            key=lambda d: json.dumps(d, sort_keys=True),
        ),
    }
    staying_safe = staying_safe_json(version)
    if staying_safe is not None:
        form["staying_safe"] = staying_safe
    return form


def _content(data: dict[str, Any]) -> dict[str, Any]:
    """The signed content without what may rightly change after signing: the labels (names of
    people, staff and life areas, which can be renamed) and About me (which lives on)."""
    copy = json.loads(json.dumps(data))

    def strip_author_names(node: Any) -> None:
        if isinstance(node, dict):
            author = node.get("author")
            if isinstance(author, dict):
                author.pop("name", None)
            for value in node.values():
                strip_author_names(value)
        elif isinstance(node, list):
            for value in node:
                strip_author_names(value)

    copy.pop("about_me", None)
    copy.pop("key_worker", None)
    copy.get("person", {}).pop("preferred_name", None)
    for goal in copy.get("goals", []):
        goal.pop("life_area", None)
    strip_author_names(copy)
    return dict(copy)


def matches_what_was_signed(version: PlanVersion) -> bool:
    """True when a frozen version's stored form is intact and its rows still say the same thing.

    Catches a record edited behind Careplan's back (a changed word, quantity or price), while
    allowing the renames that ``_content`` leaves out.
    """
    frozen = version.frozen_canonical
    if frozen is None or version.frozen_sha256 is None:
        return False
    if hashlib.sha256(canonical_bytes(frozen)).hexdigest() != version.frozen_sha256:
        return False
    return _content(frozen) == _content(live_canonical(version))


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def canonical_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def plan_sha256(version: PlanVersion) -> str:
    return hashlib.sha256(canonical_bytes(canonical_plan(version))).hexdigest()
