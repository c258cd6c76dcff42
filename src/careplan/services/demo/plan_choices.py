"""Choosing what goes in a plan: goals from the ideas, their steps, the budget, services, disagreements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careplan.domain.enums import AuthorKind, StepOwner
from careplan.services.demo.content.catalogue import OVERRIDE_REASONS, QUANTITIES
from careplan.services.demo.content.disagreements import (
    PERSON_DISAGREEMENTS,
    PERSON_PLAN_DISAGREEMENTS,
    STAFF_DISAGREEMENTS,
)
from careplan.services.demo.content.goal_ideas import IDEAS_BY_PROFILE, STAFF_GOALS, Idea
from careplan.services.demo.content.substance_use import PROFILES
from careplan.services.demo.plan_records import PlanRecords
from careplan.services.demo.stand_ins import STAFF_VOICE, Allocation, Goal, ServiceRow, Staff, Step, Version


class PlanChoices(PlanRecords):
    """What a generic person's plan holds, chosen at random from the goal ideas and the catalogue."""

    def _ideas_for(self, profile: str, used: set[str]) -> list[Idea]:
        return [idea for idea in IDEAS_BY_PROFILE[profile] if idea.wording not in used]

    def _pick_ideas(self, profile: str, count: int, used: set[str]) -> list[Idea]:
        primary_area = PROFILES[profile][1]
        options = self._ideas_for(profile, used)
        chosen: list[Idea] = []
        primary = [i for i in options if i.area == primary_area]
        if primary and self._chance(0.9):
            chosen.append(self._pick(primary))
        areas = {i.area for i in chosen}
        others = [i for i in options if i.area not in areas and i not in chosen]
        self.r.shuffle(others)
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

    def _goal_from_idea(self, version: Version, idea: Idea, day: date, worker: Staff) -> Goal:
        mentor = worker.mentor or self.chris
        recorder = mentor if self._chance(0.12) else worker
        start = version.period_start or day
        target = start + self._days(60, 330) if self._chance(0.55) else None
        staff_words = [w for a, w in STAFF_GOALS if a == idea.area]
        if staff_words and self._chance(0.15):
            goal = self._goal(
                version,
                idea.area,
                self._pick(staff_words),
                AuthorKind.STAFF,
                None,
                day,
                recorder,
                target=target,
                idea=idea,
            )
        else:
            why = self._pick(idea.whys) if self._chance(0.85) else None
            goal = self._goal(
                version,
                idea.area,
                idea.wording,
                AuthorKind.PERSON,
                why,
                day,
                recorder,
                target=target,
                idea=idea,
            )
        steps = list(idea.steps)
        self.r.shuffle(steps)
        for owner, what, detail in steps[: self._int(1, min(4, len(steps)))]:
            self._idea_step(version, goal, owner, what, detail, day, worker)
        return goal

    def _idea_step(
        self,
        version: Version,
        goal: Goal,
        owner: StepOwner,
        what: str,
        detail: str | None,
        day: date,
        worker: Staff,
    ) -> Step:
        if owner is StepOwner.WORKER:
            voice = AuthorKind.STAFF
        elif owner is StepOwner.SERVICE:
            voice = AuthorKind.STAFF if self._chance(0.7) else AuthorKind.PERSON
        else:
            voice = AuthorKind.PERSON
        due = day + self._days(7, 120) if self._chance(0.6) else None
        return self._step(version, goal, what, voice, owner, detail, day, worker, due)

    def _budget_for(self, version: Version, day: date, worker: Staff, *, agreed: bool) -> None:
        """The indicative amount from the questionnaire, and (if ``agreed``) the amount agreed.

        Mostly the indicative amount; sometimes a little less; sometimes more, which only a
        manager can agree. Always between £250 and £3,000 a year.
        """
        manager = worker.manager or self.priya
        self._assess(version, {}, day, worker)
        indicative = version.indicative_pence or 0
        if not agreed:
            return
        roll = self.r.random()
        if roll < 0.65:
            amount = indicative
        elif roll < 0.8:
            amount = ((indicative - self._int(1, 3) * 5000) // 5000) * 5000
        else:
            amount = -(-(indicative + self._int(2, 18) * 5000) // 5000) * 5000
        amount = max(25_000, min(300_000, amount))
        self._agree_budget(version, amount, day, manager if amount > indicative else worker)

    def _services_for(self, goal: Goal) -> list[ServiceRow]:
        idea = goal.idea
        return [self.service_named[name] for name in idea.services] if idea is not None else []

    def _fill_allocations(self, version: Version, goals: Sequence[Goal], day: date, worker: Staff) -> None:
        """Services for the goals, chosen from those that fit each goal, within what is left."""
        if version.limit() is None:
            return
        used = {a.service_id for a in version.allocations}
        for goal in goals:
            services = [s for s in self._services_for(goal) if s.id not in used]
            if not services or not self._chance(0.75):
                continue
            service = self._pick(services)
            self._allocate_some(version, service, [goal], day, worker)
            used.add(service.id)
        if self._chance(0.3) and goals:
            travel = [s for s in self.everyday_travel if s.id not in used]
            if travel:
                self._allocate_some(version, self._pick(travel), list(goals[:2]), day, worker)
        if self._chance(0.03) and goals:
            # Now and then a manager agrees to go over the budget, and says why.
            fitting = self._services_for(goals[0])
            if fitting:
                service = self._pick(fitting)
                self._allocate(
                    version,
                    [goals[0]],
                    max(QUANTITIES[service.unit]),
                    day,
                    worker,
                    service=service,
                    override=(self._pick(OVERRIDE_REASONS), worker.manager or self.priya),
                )

    def _allocate_some(
        self, version: Version, service: ServiceRow, goals: Sequence[Goal], day: date, worker: Staff
    ) -> Allocation | None:
        limit = version.limit()
        if limit is None:
            return None
        wanted = self._pick(QUANTITIES[service.unit])
        room = (limit - version.allocated()) // service.price if service.price else wanted
        quantity = min(wanted, room)
        if quantity < 1:
            return None
        return self._allocate(version, goals, quantity, day, worker, service=service)

    def _maybe_disagree(self, version: Version, day: date, worker: Staff, chance: float) -> None:
        if not self._chance(chance) or not version.goals:
            return
        roll = self.r.random()
        worker_steps = [(g, s) for g in version.goals for s in g.steps if s.what.author_kind == STAFF_VOICE]
        if roll < 0.5 and worker_steps:
            _, step = self._pick(worker_steps)
            self._disagree(
                version, self._pick(PERSON_DISAGREEMENTS), AuthorKind.PERSON, day, worker, step=step
            )
        elif roll < 0.65:
            self._disagree(version, self._pick(PERSON_PLAN_DISAGREEMENTS), AuthorKind.PERSON, day, worker)
        elif roll < 0.85 and version.allocations:
            allocation = self._pick(version.allocations)
            self._disagree(
                version,
                self._pick(STAFF_DISAGREEMENTS),
                AuthorKind.STAFF,
                day,
                worker,
                allocation=allocation,
            )
        else:
            goal = self._pick(version.goals)
            self._disagree(version, self._pick(STAFF_DISAGREEMENTS), AuthorKind.STAFF, day, worker, goal=goal)
