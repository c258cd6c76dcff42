"""Revising a plan: a new draft carrying everything over, as ``revise_plan`` does (the same keys
and texts; its period and budget as :func:`careplan.services.record_rows.revised_version_row`
carries them), and goals taken out of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from careplan.demo.stand_ins import Allocation, Goal, Note, Staff, Step, Version
from careplan.demo.workbench import Workbench
from careplan.services.record_rows import revised_version_row


class Revisions:
    """Writes new versions revised from old ones, and what changes in a draft being revised."""

    def __init__(self, bench: Workbench) -> None:
        self.clock = bench.clock
        self.trail = bench.trail
        self.batch = bench.batch

    def copy(self, source: Version, day: date, by: Staff) -> Version:
        """A new draft carrying everything over, as revise_plan does (same keys, same texts)."""
        at = self.clock.moment(day)
        new_id = self.batch.new_id
        version = Version(
            new_id("plan_versions"),
            source.plan,
            based_on_id=source.id,
            **revised_version_row(source, number=source.number + 1, created_by_id=by.id, at=at),
        )
        self.batch.versions.append(version)
        goals: dict[int, Goal] = {}
        steps: dict[int, Step] = {}
        for old in source.goals:
            goal = Goal(
                new_id("goals"),
                old.key,
                old.position,
                old.wording,
                old.why,
                old.life_area,
                old.target_date,
                old.status,
                idea=old.idea,
            )
            for old_step in old.steps:
                step = Step(
                    new_id("steps"),
                    old_step.key,
                    old_step.position,
                    old_step.what,
                    old_step.owner,
                    old_step.owner_detail,
                    old_step.due_date,
                    old_step.done,
                )
                goal.steps.append(step)
                steps[old_step.id] = step
            version.goals.append(goal)
            goals[old.id] = goal
        allocations: dict[int, Allocation] = {}
        for old_a in source.allocations:
            allocation = Allocation(
                new_id("allocations"),
                old_a.key,
                old_a.service_id,
                old_a.proposal_id,
                old_a.description,
                old_a.category,
                old_a.unit,
                old_a.quantity,
                old_a.unit_price_pence,
                old_a.total_pence,
                [goals[g.id] for g in old_a.goals],
                old_a.period_start,
                old_a.period_end,
                old_a.override_reason,
                old_a.override_by_id,
            )
            version.allocations.append(allocation)
            allocations[old_a.id] = allocation
        for old_n in source.disagreements:
            version.disagreements.append(
                Note(
                    new_id("disagreements"),
                    old_n.key,
                    old_n.text,
                    goals[old_n.goal_id].id if old_n.goal_id is not None else None,
                    steps[old_n.step.id] if old_n.step is not None else None,
                    allocations[old_n.allocation.id] if old_n.allocation is not None else None,
                )
            )
        safe = source.staying_safe
        if safe is not None:
            version.staying_safe = replace(safe, id=new_id("staying_safe"))
        version.safety_contacts = [
            replace(contact, id=new_id("safety_contacts")) for contact in source.safety_contacts
        ]
        self.trail.event(at, by, "revise", "plan_version", version.id, ("based_on_id",))
        return version

    def remove_goal(self, version: Version, goal: Goal, day: date, by: Staff) -> None:
        step_ids = {s.id for s in goal.steps}
        version.disagreements = [
            n
            for n in version.disagreements
            if n.goal_id != goal.id and (n.step is None or n.step.id not in step_ids)
        ]
        for allocation in version.allocations:
            if goal in allocation.goals:
                allocation.goals.remove(goal)
        version.goals.remove(goal)
        for position, other in enumerate(version.goals):
            other.position = position
        self.trail.event(self.clock.moment(day), by, "delete", "goal", goal.id)
