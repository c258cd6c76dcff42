"""Choosing what goes in a plan: goals from the ideas, their steps, the budget, services, disagreements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careplan.demo.catalogue import Catalogue
from careplan.demo.content.catalogue import OVERRIDE_REASONS, QUANTITIES
from careplan.demo.content.disagreements import (
    PERSON_DISAGREEMENTS,
    PERSON_PLAN_DISAGREEMENTS,
    STAFF_DISAGREEMENTS,
)
from careplan.demo.content.goal_ideas import IDEAS_BY_PROFILE, STAFF_GOALS, Idea
from careplan.demo.content.substance_use import PROFILES
from careplan.demo.dice import Dice
from careplan.demo.plans import Plans
from careplan.demo.stand_ins import STAFF_VOICE, Allocation, Goal, ServiceRow, Staff, Step, Version
from careplan.demo.team import Team
from careplan.domain.enums import AuthorKind, StepOwner


class PlanChoices:
    """What a generic person's plan holds, chosen at random from the goal ideas and the catalogue."""

    def __init__(self, dice: Dice, plans: Plans, team: Team, catalogue: Catalogue) -> None:
        self.dice = dice
        self.plans = plans
        self.team = team
        self.catalogue = catalogue

    def pick_ideas(self, profile: str, count: int, used: set[str]) -> list[Idea]:
        dice = self.dice
        primary_area = PROFILES[profile][1]
        options = [idea for idea in IDEAS_BY_PROFILE[profile] if idea.wording not in used]
        chosen: list[Idea] = []
        primary = [i for i in options if i.area == primary_area]
        if primary and dice.chance(0.9):
            chosen.append(dice.pick(primary))
        areas = {i.area for i in chosen}
        others = [i for i in options if i.area not in areas and i not in chosen]
        dice.r.shuffle(others)
        for idea in others:
            if len(chosen) >= count:
                break
            if idea.area in areas:
                continue
            chosen.append(idea)
            areas.add(idea.area)
        for idea in chosen:
            used.add(idea.wording)
        return chosen

    def goal_from_idea(self, version: Version, idea: Idea, day: date, worker: Staff) -> Goal:
        dice = self.dice
        mentor = worker.mentor or self.team.chris
        recorder = mentor if dice.chance(0.12) else worker
        start = version.period_start or day
        target = start + dice.days(60, 330) if dice.chance(0.55) else None
        staff_words = [w for a, w in STAFF_GOALS if a == idea.area]
        if staff_words and dice.chance(0.15):
            wording, voice, why = dice.pick(staff_words), AuthorKind.STAFF, None
        else:
            wording, voice = idea.wording, AuthorKind.PERSON
            why = dice.pick(idea.whys) if dice.chance(0.85) else None
        goal = self.plans.goal(
            version, idea.area, wording, voice, why, day, recorder, target=target, idea=idea
        )
        steps = list(idea.steps)
        dice.r.shuffle(steps)
        for owner, what, detail in steps[: dice.whole(1, min(4, len(steps)))]:
            self.idea_step(version, goal, owner, what, detail, day, worker)
        return goal

    def idea_step(
        self,
        version: Version,
        goal: Goal,
        owner: StepOwner,
        what: str,
        detail: str | None,
        day: date,
        worker: Staff,
    ) -> Step:
        dice = self.dice
        if owner is StepOwner.WORKER:
            voice = AuthorKind.STAFF
        elif owner is StepOwner.SERVICE:
            voice = AuthorKind.STAFF if dice.chance(0.7) else AuthorKind.PERSON
        else:
            voice = AuthorKind.PERSON
        due = day + dice.days(7, 120) if dice.chance(0.6) else None
        return self.plans.step(version, goal, what, voice, owner, detail, day, worker, due)

    def budget_for(self, version: Version, day: date, worker: Staff, *, agreed: bool) -> None:
        """The indicative amount from the questionnaire, and (if ``agreed``) the amount agreed.

        Mostly the indicative amount; sometimes a little less; sometimes more, which only a
        manager can agree. Always between £250 and £3,000 a year.
        """
        dice = self.dice
        manager = worker.manager or self.team.priya
        self.plans.assess(version, {}, day, worker)
        indicative = version.indicative_pence or 0
        if not agreed:
            return
        roll = dice.r.random()
        if roll < 0.65:
            amount = indicative
        elif roll < 0.8:
            amount = ((indicative - dice.whole(1, 3) * 5000) // 5000) * 5000
        else:
            amount = -(-(indicative + dice.whole(2, 18) * 5000) // 5000) * 5000
        amount = max(25_000, min(300_000, amount))
        self.plans.agree_budget(version, amount, day, manager if amount > indicative else worker)

    def _services_for(self, goal: Goal) -> list[ServiceRow]:
        idea = goal.idea
        named = self.catalogue.service_named
        return [named[name] for name in idea.services] if idea is not None else []

    def fill_allocations(self, version: Version, goals: Sequence[Goal], day: date, worker: Staff) -> None:
        """Services for the goals, chosen from those that fit each goal, within what is left."""
        if version.limit() is None:
            return
        dice = self.dice
        used = {a.service_id for a in version.allocations}
        for goal in goals:
            services = [s for s in self._services_for(goal) if s.id not in used]
            if not services or not dice.chance(0.75):
                continue
            service = dice.pick(services)
            self._allocate_some(version, service, [goal], day, worker)
            used.add(service.id)
        if dice.chance(0.3) and goals:
            travel = [s for s in self.catalogue.everyday_travel if s.id not in used]
            if travel:
                self._allocate_some(version, dice.pick(travel), list(goals[:2]), day, worker)
        if dice.chance(0.03) and goals:
            # Now and then a manager agrees to go over the budget, and says why.
            fitting = self._services_for(goals[0])
            if fitting:
                service = dice.pick(fitting)
                self.plans.allocate(
                    version,
                    [goals[0]],
                    max(QUANTITIES[service.unit]),
                    day,
                    worker,
                    service=service,
                    override=(dice.pick(OVERRIDE_REASONS), worker.manager or self.team.priya),
                )

    def _allocate_some(
        self, version: Version, service: ServiceRow, goals: Sequence[Goal], day: date, worker: Staff
    ) -> Allocation | None:
        limit = version.limit()
        if limit is None:
            return None
        wanted = self.dice.pick(QUANTITIES[service.unit])
        room = (limit - version.allocated()) // service.price if service.price else wanted
        quantity = min(wanted, room)
        if quantity < 1:
            return None
        return self.plans.allocate(version, goals, quantity, day, worker, service=service)

    def maybe_disagree(self, version: Version, day: date, worker: Staff, chance: float) -> None:
        dice = self.dice
        if not dice.chance(chance) or not version.goals:
            return
        roll = dice.r.random()
        disagree = self.plans.disagree
        worker_steps = [(g, s) for g in version.goals for s in g.steps if s.what.author_kind == STAFF_VOICE]
        if roll < 0.5 and worker_steps:
            _, step = dice.pick(worker_steps)
            disagree(version, dice.pick(PERSON_DISAGREEMENTS), AuthorKind.PERSON, day, worker, step=step)
        elif roll < 0.65:
            disagree(version, dice.pick(PERSON_PLAN_DISAGREEMENTS), AuthorKind.PERSON, day, worker)
        elif roll < 0.85 and version.allocations:
            allocation = dice.pick(version.allocations)
            disagree(
                version, dice.pick(STAFF_DISAGREEMENTS), AuthorKind.STAFF, day, worker, allocation=allocation
            )
        else:
            goal = dice.pick(version.goals)
            disagree(version, dice.pick(STAFF_DISAGREEMENTS), AuthorKind.STAFF, day, worker, goal=goal)
