"""Plans and what is in them, each change recorded (with its audit event) as the use case would
record it: a plan started, goals and steps, the budget, services, proposals and notes of
disagreement. New records start as :mod:`careplan.services.record_rows` makes them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from careplan.demo.content.goal_ideas import Idea
from careplan.demo.stand_ins import (
    Allocation,
    Area,
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
from careplan.demo.texts import Texts
from careplan.demo.workbench import Workbench
from careplan.domain.budget import never_allowed_reason
from careplan.domain.enums import AuthorKind, ProposalStatus, ServiceUnit, StepOwner
from careplan.domain.money import line_total_pence
from careplan.services.record_rows import first_version_row, goal_row, step_row


class Plans:
    """Writes plans: each record a stand-in, each change an audit event."""

    def __init__(self, bench: Workbench, texts: Texts) -> None:
        self.dice = bench.dice
        self.clock = bench.clock
        self.trail = bench.trail
        self.batch = bench.batch
        self.reference = bench.reference
        self.texts = texts
        self._assessments: dict[tuple[str, ...], tuple[int, dict[str, Any]]] = {}

    def area(self, code: str) -> Area:
        """The life area with this code, or another active one if the service has retired it."""
        reference = self.reference
        if code in reference.areas and code in reference.active_area_codes:
            return reference.areas[code]
        return reference.areas[self.dice.pick(reference.active_area_codes)]

    def start(self, person: Person, worker: Staff, day: date, by: Staff) -> tuple[Plan, Version]:
        at = self.clock.moment(day)
        batch = self.batch
        plan = Plan(batch.new_id("plans"), self.dice.key(), person, worker, at, at)
        batch.plans.append(plan)
        version = Version(
            batch.new_id("plan_versions"),
            plan,
            **first_version_row(
                created_by_id=by.id, at=at, period_start=day, period_end=day + timedelta(days=364)
            ),
        )
        batch.versions.append(version)
        trail = self.trail
        trail.event(at, by, "create", "plan", plan.id, ("person_id", "key_worker_id"))
        trail.event(at, by, "create", "plan_version", version.id, ("number", "period_start", "period_end"))
        batch.bump("plans")
        return plan, version

    def goal(
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
        worded = self.texts.text(wording, wording_voice, person, by, day)
        because = self.texts.text(why, wording_voice, person, by, day) if why else None
        gid = self.batch.new_id("goals")
        values = goal_row(key=self.dice.key(), position=len(version.goals), target_date=target)
        goal = Goal(gid, wording=worded, why=because, life_area=self.area(area), idea=idea, **values)
        version.goals.append(goal)
        self.trail.event(
            worded.written_at,
            by,
            "create",
            "goal",
            goal.id,
            ("wording", "why", "life_area", "target_date", "steps"),
        )
        return goal

    def step(
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
        written = self.texts.text(what, voice, version.plan.person, by, day)
        values = step_row(
            key=self.dice.key(),
            position=len(goal.steps),
            owner=owner.value,
            owner_detail=detail,
            due_date=due,
        )
        step = Step(self.batch.new_id("steps"), what=written, **values)
        goal.steps.append(step)
        return step  # steps are audited with their goal (the "create goal" event), not one by one

    def assess(self, version: Version, answers: dict[str, str], day: date, by: Staff) -> None:
        questionnaire = self.reference.questionnaire
        chosen = []
        for q in questionnaire.questions:
            key = answers.get(q.key)
            if key is None or all(a.key != key for a in q.answers):
                key = self.dice.pick(q.answers).key
            chosen.append(key)
        signature = tuple(chosen)
        known = self._assessments.get(signature)
        if known is None:
            # The same answers give the same working: worked out once, stored for each version.
            assessment = questionnaire.assess(
                {q.key: k for q, k in zip(questionnaire.questions, chosen, strict=True)}
            )
            known = self._assessments[signature] = (assessment.amount_pence, assessment.working())
        version.indicative_pence, version.indicative_working = known
        self.trail.event(
            self.clock.moment(day), by, "assess", "budget", version.id, ("indicative", "working")
        )

    def agree_budget(self, version: Version, pence: int, day: date, by: Staff) -> None:
        version.agreed_budget_pence = pence
        self.trail.event(self.clock.moment(day), by, "update", "budget", version.id, ("agreed_budget",))

    def allocate(
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
            self.batch.new_id("allocations"),
            self.dice.key(),
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
        self.trail.event(self.clock.moment(day), actor, "allocate", "allocation", allocation.id, fields)
        return allocation

    def disagree(
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
        written = self.texts.text(body, voice, version.plan.person, by, day)
        note = Note(
            self.batch.new_id("disagreements"),
            self.dice.key(),
            written,
            goal.id if goal else None,
            step,
            allocation,
        )
        version.disagreements.append(note)
        self.trail.event(written.written_at, by, "create", "disagreement", note.id, ("text",))
        return note

    def propose(
        self,
        person: Person,
        plan: Plan | None,
        item: tuple[str, str, str, ServiceUnit, int, str, str | None],
        day: date,
        by: Staff,
        why_by: AuthorKind = AuthorKind.PERSON,
    ) -> Proposal:
        what, who, category, unit, estimate, why, _ = item
        written = self.texts.text(why, why_by, person, by, day)
        proposal = Proposal(
            self.batch.new_id("proposals"),
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
        self.batch.proposals.append(proposal)
        self.trail.event(
            written.written_at,
            by,
            "create",
            "proposal",
            proposal.id,
            ("what", "category", "estimated_cost", "why"),
        )
        return proposal

    def decide(
        self,
        proposal: Proposal,
        approve: bool,
        day: date,
        manager: Staff,
        price: int | None = None,
        note: str | None = None,
    ) -> None:
        at = self.clock.moment(day)
        proposal.status = (ProposalStatus.APPROVED if approve else ProposalStatus.DECLINED).value
        proposal.approved_unit_price_pence = (price or proposal.estimated_cost_pence) if approve else None
        proposal.decision_note = note
        proposal.decided_by_id, proposal.decided_at = manager.id, at
        self.trail.event(
            at, manager, "decide", "proposal", proposal.id, ("status", "approved_unit_price", "decision_note")
        )
