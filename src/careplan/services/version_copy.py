"""A plan version copied into a new draft, inside a unit of work: its goals and steps, the money
allocated to them, the notes of disagreement and the staying-safe plan with its contacts, each
keeping its ``key`` (so the two versions can be compared item by item) and its texts (which are
never edited in place, so sharing them is safe).
The budget's amounts and workings come along; signatures, approval and reviews do not."""

from __future__ import annotations

from careplan.domain.records import (
    Allocation,
    Disagreement,
    Goal,
    PlanVersion,
    SafetyContact,
    StayingSafe,
    Step,
)
from careplan.services.record_rows import revised_version_row
from careplan.services.unit_of_work import Work


def copy_version(work: Work, source: PlanVersion, *, number: int) -> PlanVersion:
    """A new draft, numbered ``number``, with everything ``source`` holds (see the module)."""
    with work.session.no_autoflush:
        version = _copy_version(work, source, number)
    work.session.add(version)
    return version


def _copy_version(work: Work, source: PlanVersion, number: int) -> PlanVersion:
    version = PlanVersion(
        plan=source.plan,
        based_on=source,
        **revised_version_row(source, number=number, created_by_id=work.staff.id, at=work.now),
    )
    goals: dict[int, Goal] = {}
    steps: dict[int, Step] = {}
    for old in source.goals:
        goal = Goal(
            key=old.key,
            position=old.position,
            wording=old.wording,
            why=old.why,
            life_area_id=old.life_area_id,
            target_date=old.target_date,
            status=old.status,
        )
        for old_step in old.steps:
            step = Step(
                key=old_step.key,
                position=old_step.position,
                what=old_step.what,
                owner=old_step.owner,
                owner_detail=old_step.owner_detail,
                due_date=old_step.due_date,
                done=old_step.done,
            )
            goal.steps.append(step)
            steps[old_step.id] = step
        version.goals.append(goal)
        goals[old.id] = goal
    allocations: dict[int, Allocation] = {}
    for old_alloc in source.allocations:
        allocation = Allocation(
            key=old_alloc.key,
            service_id=old_alloc.service_id,
            proposal_id=old_alloc.proposal_id,
            description=old_alloc.description,
            category=old_alloc.category,
            unit=old_alloc.unit,
            quantity=old_alloc.quantity,
            unit_price_pence=old_alloc.unit_price_pence,
            total_pence=old_alloc.total_pence,
            period_start=old_alloc.period_start,
            period_end=old_alloc.period_end,
            override_reason=old_alloc.override_reason,
            override_by_id=old_alloc.override_by_id,
            goals=[goals[g.id] for g in old_alloc.goals],
        )
        version.allocations.append(allocation)
        allocations[old_alloc.id] = allocation
    for old_note in source.disagreements:
        version.disagreements.append(
            Disagreement(
                key=old_note.key,
                text=old_note.text,
                goal=goals.get(old_note.goal_id) if old_note.goal_id else None,
                step=steps.get(old_note.step_id) if old_note.step_id else None,
                allocation=allocations.get(old_note.allocation_id) if old_note.allocation_id else None,
            )
        )
    _copy_staying_safe(source, version)
    return version


def _copy_staying_safe(source: PlanVersion, version: PlanVersion) -> None:
    old = source.staying_safe
    if old is not None:
        version.staying_safe = StayingSafe(
            warning_signs=old.warning_signs,
            what_helps=old.what_helps,
            if_unreachable=old.if_unreachable,
            overdose_risk=old.overdose_risk,
            overdose_words=old.overdose_words,
            naloxone=old.naloxone,
            naloxone_where=old.naloxone_where,
        )
    for contact in source.safety_contacts:
        version.safety_contacts.append(
            SafetyContact(key=contact.key, position=contact.position, name=contact.name, phone=contact.phone)
        )
