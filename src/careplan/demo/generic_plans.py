"""The plans of everyone after the personas: each follows a timeline (:mod:`.timelines`), revised
at reviews, with proposals now and then, and ratings that move from review to review."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from careplan.demo.choices import PlanChoices
from careplan.demo.content.catalogue import QUANTITIES
from careplan.demo.content.proposals import APPROVAL_NOTES, PROPOSALS
from careplan.demo.days import weekday
from careplan.demo.held_reviews import HeldReviews, Planned
from careplan.demo.plans import Plans
from careplan.demo.reviews import Reviews
from careplan.demo.revisions import Revisions
from careplan.demo.signing import Signing
from careplan.demo.stand_ins import (
    ACHIEVED,
    NOT_STARTED,
    Goal,
    Person,
    Plan,
    Review,
    Staff,
    Version,
)
from careplan.demo.staying_safe import StayingSafePlans
from careplan.demo.team import Team
from careplan.demo.texts import Texts
from careplan.demo.timelines import Stage, Timeline
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind, GoalStatus, ReviewKind, ServiceUnit
from careplan.domain.money import line_total_pence


class GenericPlans:
    """A generic person's plans, written as their timelines say."""

    def __init__(
        self,
        bench: Workbench,
        team: Team,
        texts: Texts,
        plans: Plans,
        revisions: Revisions,
        signing: Signing,
        reviews: Reviews,
        choices: PlanChoices,
        held: HeldReviews,
        safety: StayingSafePlans,
    ) -> None:
        self.dice = bench.dice
        self.clock = bench.clock
        self.trail = bench.trail
        self.yesterday = bench.yesterday
        self.team = team
        self.texts = texts
        self.plans = plans
        self.revisions = revisions
        self.signing = signing
        self.reviews = reviews
        self.choices = choices
        self.held = held
        self.safety = safety

    def plan_from_timeline(
        self,
        person: Person,
        worker: Staff,
        timeline: Timeline,
        profile: str,
        used: set[str],
        track: dict[str, Any],
    ) -> Plan:
        dice, choices, signing = self.dice, self.choices, self.signing
        r = dice.r
        manager = worker.manager or self.team.priya
        plan: Plan | None = None
        versions: list[Version] = []
        stages = timeline.stages
        changing: Review | None = None
        for index, stage in enumerate(stages):
            day = stage.created
            will_sign = stage.agreed is not None
            if plan is None:
                plan, version = self.plans.start(person, worker, day, worker)
                count = dice.weighted((1, 2, 3, 4, 5), (5, 20, 40, 25, 10))
                goals = [
                    choices.goal_from_idea(version, idea, day, worker)
                    for idea in choices.pick_ideas(profile, count, used)
                ]
                # A plan about to be signed has its budget; an early draft may not have one yet.
                if will_sign or stage.signed_one:
                    choices.budget_for(version, day, worker, agreed=True)
                elif r.random() < 0.7:
                    choices.budget_for(version, day, worker, agreed=r.random() < 0.7)
                self._proposal_in_draft(person, plan, version, stage, worker, manager, used)
                choices.fill_allocations(version, goals, day, worker)
                choices.maybe_disagree(version, day, worker, 0.25)
                self.safety.maybe(version, day, worker, profile == "opiates")
            else:
                version = self._revise(versions[-1], day, worker, profile, used)
                if changing is not None:
                    changing.new_version_id = version.id
            versions.append(version)
            if stage.signed_one:
                signing.sign_worker_only(version, stage.signed_one, worker)
            if stage.agreed:
                signing.sign_both(version, stage.agreed, worker)
            reviews: list[tuple[ReviewKind, date]] = []
            if stage.approved:
                reviews = signing.approve(version, stage.approved, manager)
            if stage.activated:
                signing.activate(version, versions, stage.activated, worker)
                for goal in version.goals:
                    if goal.status == NOT_STARTED and dice.chance(0.6):
                        self.reviews.progress(goal, GoalStatus.UNDER_WAY)
            if not reviews:
                continue
            # Reviews: those before the revision as the timeline says; later ones until the version ends.
            following = stages[index + 1] if index + 1 < len(stages) else None
            ended = following.activated if following and following.activated else timeline.closed
            planned: list[Planned] = []
            for j, (kind, due) in enumerate(reviews):
                done: date | None
                if stage.revised_at is not None and j <= stage.revised_at:
                    done = stage.reviews_done[j]
                    if done is None and ended is not None:
                        continue
                else:
                    limit = ended or self.yesterday
                    if due > limit:
                        if ended is None:
                            planned.append((kind, due, None))
                        continue
                    latest_due = j + 1 >= len(reviews) or reviews[j + 1][1] > limit
                    done = None
                    if dice.chance(0.7 if latest_due else 0.9):
                        done = max(stage.approved or due, min(limit, weekday(due + dice.days(-3, 10))))
                    elif ended is not None:
                        continue
                planned.append((kind, due, done))
            changing = self.held.write(
                version, planned, worker, manager, track, revised_at=stage.revised_at, ended=ended
            )
            if ended is None and following is None and dice.chance(0.03):
                self.held.ask_soon(version, worker)
        if timeline.closed is not None:
            signing.close(versions, timeline.closed, manager)
        assert plan is not None
        plan.updated_at = max(
            [plan.created_at]
            + [
                t
                for v in versions
                for t in (v.created_at, v.agreed_at, v.approved_at, v.activated_at, v.ended_at)
                if t is not None
            ]
        )
        plan.revision = 1 + len(
            [e for v in versions for e in (v.agreed_at, v.approved_at, v.activated_at) if e]
        )
        return plan

    def _revise(self, source: Version, day: date, worker: Staff, profile: str, used: set[str]) -> Version:
        dice, clock, trail, plans, choices = self.dice, self.clock, self.trail, self.plans, self.choices
        r = dice.r
        manager = worker.manager or self.team.priya
        version = self.revisions.copy(source, day, worker)
        if version.period_start is not None and (day - version.period_start).days > 270:
            version.period_start, version.period_end = day, day + timedelta(days=364)
            trail.event(
                clock.moment(day),
                worker,
                "update",
                "plan_version",
                version.id,
                ("period_start", "period_end"),
            )
            for allocation in version.allocations:
                allocation.period_start, allocation.period_end = version.period_start, version.period_end
        done_goals = [g for g in version.goals if g.status == ACHIEVED]
        for goal in done_goals:
            linked = any(goal in a.goals and len(a.goals) == 1 for a in version.allocations)
            if not linked and len(version.goals) > 1 and r.random() < 0.6:
                self.revisions.remove_goal(version, goal, day, worker)
        if version.goals and r.random() < 0.35:
            goal = dice.pick(version.goals)
            if goal.idea is not None and len(goal.idea.whys) > 1:
                current = goal.why.body if goal.why else None
                choices_of_why = [w for w in goal.idea.whys if w != current]
                goal.why = self.texts.text(
                    dice.pick(choices_of_why), AuthorKind.PERSON, version.plan.person, worker, day
                )
                trail.event(clock.moment(day), worker, "update", "goal", goal.id, ("why",))
        new_goals: list[Goal] = []
        if len(version.goals) < 5 and r.random() < 0.5:
            for idea in choices.pick_ideas(profile, 1, used):
                new_goals.append(choices.goal_from_idea(version, idea, day, worker))
        if version.goals and r.random() < 0.6:
            goal = dice.pick(version.goals)
            if goal.idea is not None:
                existing = {s.what.body for s in goal.steps}
                fresh = [s for s in goal.idea.steps if s[1] not in existing]
                if fresh:
                    owner, what, detail = dice.pick(fresh)
                    choices.idea_step(version, goal, owner, what, detail, day, worker)
        if r.random() < 0.15 and version.agreed_budget_pence is not None:
            raised = min(300_000, version.agreed_budget_pence + dice.whole(2, 10) * 5000)
            if raised > version.agreed_budget_pence:
                by = (
                    manager
                    if version.indicative_pence is None or raised > version.indicative_pence
                    else worker
                )
                plans.agree_budget(version, raised, day, by)
        if version.allocations and r.random() < 0.4:
            allocation = dice.pick(version.allocations)
            limit = version.limit()
            if limit is not None and allocation.override_reason is None:
                extra = dice.whole(1, 6)
                quantity = allocation.quantity + extra
                total = line_total_pence(quantity, allocation.unit_price_pence)
                if version.allocated() - allocation.total_pence + total <= limit:
                    allocation.quantity, allocation.total_pence = quantity, total
                    trail.event(
                        clock.moment(day),
                        worker,
                        "update",
                        "allocation",
                        allocation.id,
                        ("quantity", "goals"),
                    )
        choices.fill_allocations(version, new_goals, day, worker)
        if version.disagreements and r.random() < 0.2:
            note = dice.pick(version.disagreements)
            version.disagreements.remove(note)
            trail.event(clock.moment(day), worker, "delete", "disagreement", note.id)
        choices.maybe_disagree(version, day, worker, 0.12)
        return version

    def _proposal_in_draft(
        self,
        person: Person,
        plan: Plan,
        version: Version,
        stage: Stage,
        worker: Staff,
        manager: Staff,
        used: set[str],
    ) -> None:
        """Sometimes the person asks for something the catalogue does not have, while the plan is written."""
        dice, plans = self.dice, self.plans
        if dice.r.random() >= 0.12:
            return
        latest = stage.agreed or stage.signed_one or self.yesterday
        item = dice.pick(PROPOSALS)
        if "proposal:" + item[0] in used:
            return
        used.add("proposal:" + item[0])
        proposal = plans.propose(person, plan, item, stage.created, worker)
        decided = min(latest, weekday(stage.created + dice.days(0, 6)))
        decided = max(decided, stage.created)
        decline_note = item[6]
        if decline_note is not None or dice.r.random() < 0.15:
            plans.decide(
                proposal,
                False,
                decided,
                manager,
                note=decline_note
                or "This isn't something the budget can cover right now. Let's look for "
                "something similar in the catalogue together.",
            )
            return
        price = proposal.estimated_cost_pence - (
            dice.pick((0, 0, 0, 100, 200)) if proposal.estimated_cost_pence > 1000 else 0
        )
        plans.decide(proposal, True, decided, manager, price=price, note=dice.pick(APPROVAL_NOTES))
        if version.limit() is not None and version.goals:
            unit = ServiceUnit(proposal.unit)
            wanted = dice.pick(QUANTITIES[unit])
            room = (version.limit() or 0) - version.allocated()
            quantity = min(wanted, room // (proposal.approved_unit_price_pence or 1))
            if quantity >= 1:
                plans.allocate(
                    version, [dice.pick(version.goals)], quantity, decided, worker, proposal=proposal
                )

    def pending_proposal(self, person: Person, plan: Plan, timeline: Timeline, worker: Staff) -> None:
        dice = self.dice
        day = max(timeline.last, weekday(self.yesterday - dice.days(0, 25)))
        item = dice.pick([p for p in PROPOSALS if p[6] is None])
        self.plans.propose(person, plan, item, day, worker)
