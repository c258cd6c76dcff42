"""Plans and what is in them, each recorded as the use case would record it.

Versions, goals, steps, budgets, allocations, disagreements and proposals, and new versions revised
from old ones (the same keys and texts carried over).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from careplan.domain.budget import never_allowed_reason
from careplan.domain.enums import AuthorKind, ProposalStatus, ServiceUnit, StepOwner
from careplan.domain.money import line_total_pence
from careplan.services.demo.content.goal_ideas import Idea
from careplan.services.demo.staff_and_catalogue import StaffAndCatalogue
from careplan.services.demo.stand_ins import (
    DRAFT,
    Allocation,
    Goal,
    Note,
    Person,
    Plan,
    Proposal,
    ServiceRow,
    Staff,
    Step,
    Version,
)


class PlanRecords(StaffAndCatalogue):
    """Plans and their contents, each change recorded (with its audit event) as the use case would."""

    def _start_plan(self, person: Person, worker: Staff, day: date, by: Staff) -> tuple[Plan, Version]:
        at = self._moment(day)
        plan = Plan(self._id("plans"), self._key(), person, worker, at, at)
        self.o_plans.append(plan)
        version = Version(self._id("plan_versions"), plan, 1, at, by.id, day, day + timedelta(days=364))
        self.o_versions.append(version)
        self._event(at, by, "create", "plan", plan.id, ("person_id", "key_worker_id"))
        self._event(at, by, "create", "plan_version", version.id, ("number", "period_start", "period_end"))
        self._bump("plans")
        return plan, version

    def _goal(
        self,
        version: Version,
        area: str,
        wording: str,
        wording_voice: AuthorKind,
        why: str | None,
        day: date,
        by: Staff,
        *,
        target: date | None = None,
        idea: Idea | None = None,
    ) -> Goal:
        person = version.plan.person
        worded = self._text(wording, wording_voice, person, by, day)
        because = self._text(why, wording_voice, person, by, day) if why else None
        goal = Goal(
            self._id("goals"),
            self._key(),
            len(version.goals),
            worded,
            because,
            self._area(area),
            target,
            idea=idea,
        )
        version.goals.append(goal)
        self._event(
            worded.written_at,
            by,
            "create",
            "goal",
            goal.id,
            ("wording", "why", "life_area", "target_date", "steps"),
        )
        return goal

    def _step(
        self,
        version: Version,
        goal: Goal,
        what: str,
        voice: AuthorKind,
        owner: StepOwner,
        detail: str | None,
        day: date,
        by: Staff,
        due: date | None = None,
    ) -> Step:
        written = self._text(what, voice, version.plan.person, by, day)
        step = Step(self._id("steps"), self._key(), len(goal.steps), written, owner.value, detail, due)
        goal.steps.append(step)
        return step  # steps are audited with their goal (the "create goal" event), not one by one

    def _assess(self, version: Version, answers: dict[str, str], day: date, by: Staff) -> None:
        chosen = []
        for q in self.questionnaire.questions:
            key = answers.get(q.key)
            if key is None or all(a.key != key for a in q.answers):
                key = self._pick(q.answers).key
            chosen.append(key)
        signature = tuple(chosen)
        known = self._assessments.get(signature)
        if known is None:
            # The same answers give the same working: worked out once, stored for each version.
            assessment = self.questionnaire.assess(
                {q.key: k for q, k in zip(self.questionnaire.questions, chosen, strict=True)}
            )
            known = self._assessments[signature] = (assessment.amount_pence, assessment.working())
        version.indicative_pence, version.indicative_working = known
        self._event(self._moment(day), by, "assess", "budget", version.id, ("indicative", "working"))

    def _agree_budget(self, version: Version, pence: int, day: date, by: Staff) -> None:
        version.agreed_budget_pence = pence
        self._event(self._moment(day), by, "update", "budget", version.id, ("agreed_budget",))

    def _allocate(
        self,
        version: Version,
        goals: Sequence[Goal],
        quantity: int | Decimal,
        day: date,
        by: Staff,
        *,
        service: ServiceRow | None = None,
        proposal: Proposal | None = None,
        override: tuple[str, Staff] | None = None,
    ) -> Allocation | None:
        """Set money aside, within the budget (or over it, with a manager's reason)."""
        qty = Decimal(quantity).quantize(Decimal("0.01"))
        if service is not None:
            source: tuple[int | None, int | None, str, str, str, int] = (
                service.id,
                None,
                service.name,
                service.category,
                service.unit.value,
                service.price,
            )
        else:
            assert proposal is not None
            assert proposal.approved_unit_price_pence is not None
            source = (
                None,
                proposal.id,
                proposal.what,
                proposal.category,
                proposal.unit,
                proposal.approved_unit_price_pence,
            )
        if never_allowed_reason(source[3]) is not None:  # pragma: no cover - the catalogue has none
            return None
        total = line_total_pence(qty, source[5])
        limit = version.limit()
        if limit is None:
            return None
        reason: str | None = None
        if version.allocated() + total > limit:
            if override is None:
                return None
            reason = override[0]
        allocation = Allocation(
            self._id("allocations"),
            self._key(),
            source[0],
            source[1],
            source[2],
            source[3],
            source[4],
            qty,
            source[5],
            total,
            sorted(dict.fromkeys(goals), key=lambda g: g.position),
            version.period_start,
            version.period_end,
            reason,
            override[1].id if reason and override else None,
        )
        version.allocations.append(allocation)
        fields = ["quantity", "unit_price", "goals"] + (["override_reason"] if reason else [])
        actor = override[1] if reason and override else by
        self._event(self._moment(day), actor, "allocate", "allocation", allocation.id, fields)
        return allocation

    def _disagree(
        self,
        version: Version,
        body: str,
        voice: AuthorKind,
        day: date,
        by: Staff,
        *,
        goal: Goal | None = None,
        step: Step | None = None,
        allocation: Allocation | None = None,
    ) -> Note:
        written = self._text(body, voice, version.plan.person, by, day)
        note = Note(
            self._id("disagreements"), self._key(), written, goal.id if goal else None, step, allocation
        )
        version.disagreements.append(note)
        self._event(written.written_at, by, "create", "disagreement", note.id, ("text",))
        return note

    def _propose(
        self,
        person: Person,
        plan: Plan | None,
        item: tuple[str, str, str, ServiceUnit, int, str, str | None],
        day: date,
        by: Staff,
        why_by: AuthorKind = AuthorKind.PERSON,
    ) -> Proposal:
        what, who, category, unit, estimate, why, _ = item
        written = self._text(why, why_by, person, by, day)
        proposal = Proposal(
            self._id("proposals"),
            person.id,
            plan.id if plan else None,
            what,
            who,
            category,
            unit.value,
            estimate,
            written,
            by.id,
            written.written_at,
        )
        self.o_proposals.append(proposal)
        self._event(
            written.written_at,
            by,
            "create",
            "proposal",
            proposal.id,
            ("what", "category", "estimated_cost", "why"),
        )
        return proposal

    def _decide(
        self,
        proposal: Proposal,
        approve: bool,
        day: date,
        manager: Staff,
        price: int | None = None,
        note: str | None = None,
    ) -> None:
        at = self._moment(day)
        proposal.status = (ProposalStatus.APPROVED if approve else ProposalStatus.DECLINED).value
        proposal.approved_unit_price_pence = (price or proposal.estimated_cost_pence) if approve else None
        proposal.decision_note = note
        proposal.decided_by_id, proposal.decided_at = manager.id, at
        self._event(
            at, manager, "decide", "proposal", proposal.id, ("status", "approved_unit_price", "decision_note")
        )

    # --- revising ----------------------------------------------------------------------------

    def _copy(self, source: Version, day: date, by: Staff) -> Version:
        """A new draft carrying everything over, as revise_plan does (same keys, same texts)."""
        plan = source.plan
        at = self._moment(day)
        version = Version(
            self._id("plan_versions"),
            plan,
            source.number + 1,
            at,
            by.id,
            source.period_start,
            source.period_end,
            source.id,
            DRAFT,
            source.indicative_pence,
            source.indicative_working,
            source.agreed_budget_pence,
        )
        self.o_versions.append(version)
        goals: dict[int, Goal] = {}
        steps: dict[int, Step] = {}
        for old in source.goals:
            goal = Goal(
                self._id("goals"),
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
                    self._id("steps"),
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
                self._id("allocations"),
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
                    self._id("disagreements"),
                    old_n.key,
                    old_n.text,
                    goals[old_n.goal_id].id if old_n.goal_id is not None else None,
                    steps[old_n.step.id] if old_n.step is not None else None,
                    allocations[old_n.allocation.id] if old_n.allocation is not None else None,
                )
            )
        self._event(at, by, "revise", "plan_version", version.id, ("based_on_id",))
        return version

    def _remove_goal(self, version: Version, goal: Goal, day: date, by: Staff) -> None:
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
        self._event(self._moment(day), by, "delete", "goal", goal.id)
