"""Everyone after the personas: a person with a life story drawn from the tables, and their plans."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from careplan.domain.enums import AuthorKind, GoalStatus, ReviewKind, ServiceUnit
from careplan.domain.money import line_total_pence
from careplan.services.demo.content.about_me import ABOUT_ME_ORDER, ABOUT_ME_STAFF_WORDS, ABOUT_ME_WORDS
from careplan.services.demo.content.catalogue import QUANTITIES
from careplan.services.demo.content.consents import CONSENTS
from careplan.services.demo.content.names import BACKGROUNDS, NICKNAMES
from careplan.services.demo.content.places import HOSTELS, PHARMACIES, SURGERIES
from careplan.services.demo.content.proposals import APPROVAL_NOTES, PROPOSALS
from careplan.services.demo.content.review_notes import (
    PERSON_REVIEW_GOOD,
    PERSON_REVIEW_HARD,
    STAFF_REVIEW_GOOD,
    STAFF_REVIEW_HARD,
)
from careplan.services.demo.content.substance_use import (
    ON_A_SCRIPT,
    PROFILE_NAMES,
    PROFILE_WEIGHTS,
    PROFILES,
    SAYING,
    SAYING_AFTER,
    TREATMENT_WORDS,
)
from careplan.services.demo.days import weekday, years_before
from careplan.services.demo.plan_choices import PlanChoices
from careplan.services.demo.signing_and_reviews import SigningAndReviews
from careplan.services.demo.stand_ins import (
    ACHIEVED,
    NOT_STARTED,
    UNDER_WAY,
    Goal,
    Person,
    Plan,
    Review,
    Staff,
    Substance,
    Version,
)
from careplan.services.demo.timelines import Spec, Stage, Timeline, Timelines


class GenericPeople(PlanChoices, SigningAndReviews, Timelines):
    """Everyone but the personas: details, About me, consents, and plans that follow a timeline."""

    def generic_person(self, index: int, worker: Staff) -> None:
        scenario = self._scenario(index)
        earliest = self.setup_day + timedelta(days=14)
        timelines: list[Timeline] = []
        if scenario == "closed_then_new":
            later = self._spec(self._pick(("draft", "active", "active", "revised", "agreed")))
            second = self._fit(later, self.yesterday - timedelta(days=self._slack(later)), earliest)
            first_end = second.start - self._days(10, 90)
            first = self._fit(Spec(1, "active", close=True), first_end, earliest)
            timelines = [first, second] if first.last < second.start else [second]
        elif scenario != "none":
            spec = self._spec(scenario)
            timelines = [self._fit(spec, self.yesterday - timedelta(days=self._slack(spec)), earliest)]
        if any(t.last > self.yesterday for t in timelines):  # pragma: no cover - a safety net
            timelines = [self._fit(Spec(1, "draft"), self.yesterday, earliest)]
        first_day = timelines[0].start if timelines else weekday(self.yesterday - self._days(0, 500))
        registered = max(self.setup_day, weekday(first_day - self._days(0, 40)))
        old_worker = (
            self.leaver
            if timelines
            and timelines[0].closed is not None
            and timelines[0].closed < self.leaver_left
            and timelines[0].start > self.leaver.created_at.date()
            and self._chance(0.3)
            else None
        )
        registrar = old_worker or worker
        person, profile = self._generic_person_details(worker, registered, registrar)
        used: set[str] = set()
        track = self._track(profile)
        for timeline in timelines:
            plan_worker = old_worker if (old_worker and timeline is timelines[0]) else worker
            self._plan_from_timeline(person, plan_worker, timeline, profile, used, track)
        if timelines and timelines[-1].closed is None and self._chance(0.04):
            self._pending_proposal(person, self.o_plans[-1], timelines[-1], worker)

    def _generic_person_details(self, worker: Staff, registered: date, by: Staff) -> tuple[Person, str]:
        r = self.r
        names, family, kind = self._name()
        first = names.split(" ")[0]
        preferred = NICKNAMES[first] if first in NICKNAMES and r.random() < 0.6 else first
        age = max(18, min(75, int(r.triangular(18, 76, 36))))
        born = years_before(self.today, age) - timedelta(days=self._int(1, 364))
        pronouns: str | None = None
        if r.random() < 0.35 or kind == "n":
            if kind == "n" or r.random() < 0.1:
                pronouns = "they/them"
            else:
                pronouns = "she/her" if kind == "f" else "he/him"
        person = self._person(
            preferred=preferred,
            full=f"{names} {family}",
            born=born,
            pronouns=pronouns,
            contact=self._contact(first, family),
            worker=worker,
            registered=registered,
            by=by,
        )
        profile = self._weighted(PROFILE_NAMES, PROFILE_WEIGHTS)
        entries = []
        for substance, hows, often, amounts, chance in PROFILES[profile][2]:
            if r.random() < chance:
                entries.append(
                    Substance(
                        substance,
                        self._pick(hows),
                        self._pick(often),
                        self._pick(amounts) if r.random() < 0.85 else None,
                    )
                )
        mentor = worker.mentor or self.chris
        answers: list[tuple[str, str, AuthorKind, Staff]] = []
        staff_topic = self._pick(tuple(ABOUT_ME_STAFF_WORDS)) if r.random() < 0.3 else None
        for topic in ABOUT_ME_ORDER:
            recorder = mentor if r.random() < 0.15 else by
            if topic == staff_topic:
                answers.append((topic, self._pick(ABOUT_ME_STAFF_WORDS[topic]), AuthorKind.STAFF, by))
            elif topic == "substances":
                answers.append((topic, self._saying(entries), AuthorKind.PERSON, recorder))
            elif topic == "treatment":
                if any(e.substance.startswith("Methadone") for e in entries):
                    answers.append((topic, self._pick(ON_A_SCRIPT), AuthorKind.PERSON, recorder))
                elif r.random() < 0.7:
                    answers.append((topic, self._pick(TREATMENT_WORDS[profile]), AuthorKind.PERSON, recorder))
            elif r.random() < 0.8:
                answers.append((topic, self._pick(ABOUT_ME_WORDS[topic]), AuthorKind.PERSON, recorder))
        self._about_me(person, answers, registered)
        self._substances(person, entries, registered, by)
        for what, whom in r.sample(CONSENTS, self._pick((0, 1, 1, 2, 2, 3))):
            given = weekday(registered + self._days(0, 20))
            if given > self.yesterday:
                given = registered
            withdrawn = None
            if r.random() < 0.15 and given < self.yesterday:
                withdrawn = weekday(given + self._days(1, max(1, (self.yesterday - given).days)))
                withdrawn = max(given, min(withdrawn, self.yesterday))
            whom_text = whom.format(
                doctor=f"Dr {self._pick(self._pick(BACKGROUNDS)[3])}",
                surgery=self._pick(SURGERIES),
                hostel=self._pick(HOSTELS),
                pharmacy=self._pick(PHARMACIES),
            )
            self._consent(person, what, whom_text, given, by, withdrawn)
        return person, profile

    def _saying(self, entries: Sequence[Substance]) -> str:
        """What the person says about what they use, matching the structured list."""
        said = []
        for entry in entries:
            if entry.substance.startswith("Methadone"):
                said.append(
                    f"I'm on {entry.amount} of methadone a day." if entry.amount else "I'm on a script."
                )
                continue
            template = SAYING.get(entry.substance, entry.substance + ", {how_often}.")
            if entry.amount is None:
                template = template.replace("{amount}, ", "")
            said.append(template.format(how=entry.how, how_often=entry.how_often, amount=entry.amount))
        text = " ".join(said)
        if self._chance(0.3):
            text += self._pick(SAYING_AFTER)
        return text[0].upper() + text[1:]

    def _track(self, profile: str) -> dict[str, Any]:
        """How this person's ratings move from review to review."""
        r = self.r
        areas = [
            PROFILES[profile][1],
            *r.sample(
                ["mental_health", "physical_health", "housing", "family", "community", "time", "money"],
                self._int(2, 4),
            ),
        ]
        trend = self._weighted(("up", "flat", "down"), (70, 20, 10))
        return {
            "areas": areas,
            "base": {a: r.uniform(2, 6) for a in areas},
            "step": {
                a: (
                    r.uniform(0.3, 1.0)
                    if trend == "up"
                    else r.uniform(-0.2, 0.25)
                    if trend == "flat"
                    else r.uniform(-0.6, -0.1)
                )
                for a in areas
            },
            "trend": trend,
            "n": 0,
        }

    def _ratings(self, track: dict[str, Any]) -> dict[str, int]:
        n = track["n"]
        track["n"] = n + 1
        return {
            a: max(1, min(10, round(track["base"][a] + track["step"][a] * n + (self.r.random() - 0.5) * 1.6)))
            for a in track["areas"]
        }

    def _complete_review(
        self, review: Review, version: Version, day: date, worker: Staff, track: dict[str, Any]
    ) -> None:
        ratings = self._ratings(track)
        good = track["trend"] == "up" or self._chance(0.3)
        person_notes = (
            self._pick(PERSON_REVIEW_GOOD if good else PERSON_REVIEW_HARD) if self._chance(0.6) else None
        )
        worker_notes = (
            self._pick(STAFF_REVIEW_GOOD if good else STAFF_REVIEW_HARD) if self._chance(0.85) else None
        )
        self._record_review(review, version, day, worker, ratings, person_notes, worker_notes)
        for goal in version.goals:
            if goal.status == UNDER_WAY and self._chance(0.2 if good else 0.05):
                self._progress(goal, GoalStatus.ACHIEVED)
            elif goal.status == NOT_STARTED and self._chance(0.5):
                self._progress(goal, GoalStatus.UNDER_WAY)
            elif goal.status == UNDER_WAY and not good and self._chance(0.05):
                self._progress(goal, GoalStatus.STOPPED)
            for step in goal.steps:
                if not step.done and self._chance(0.4):
                    step.done = True

    def _plan_from_timeline(
        self,
        person: Person,
        worker: Staff,
        timeline: Timeline,
        profile: str,
        used: set[str],
        track: dict[str, Any],
    ) -> None:
        r = self.r
        manager = worker.manager or self.priya
        plan: Plan | None = None
        versions: list[Version] = []
        stages = timeline.stages
        for index, stage in enumerate(stages):
            day = stage.created
            will_sign = stage.agreed is not None
            if plan is None:
                plan, version = self._start_plan(person, worker, day, worker)
                count = self._weighted((1, 2, 3, 4, 5), (5, 20, 40, 25, 10))
                goals = [
                    self._goal_from_idea(version, idea, day, worker)
                    for idea in self._pick_ideas(profile, count, used)
                ]
                # A plan about to be signed has its budget; an early draft may not have one yet.
                if will_sign or stage.signed_one:
                    self._budget_for(version, day, worker, agreed=True)
                elif r.random() < 0.7:
                    self._budget_for(version, day, worker, agreed=r.random() < 0.7)
                self._proposal_in_draft(person, plan, version, stage, worker, manager, used)
                self._fill_allocations(version, goals, day, worker)
                self._maybe_disagree(version, day, worker, 0.25)
            else:
                version = self._revise(versions[-1], day, worker, profile, used)
            versions.append(version)
            if stage.signed_one:
                self._sign_worker_only(version, stage.signed_one, worker)
            if stage.agreed:
                self._sign_both(version, stage.agreed, worker)
            reviews: list[tuple[ReviewKind, date]] = []
            if stage.approved:
                reviews = self._approve(version, stage.approved, manager)
            if stage.activated:
                self._activate(version, versions, stage.activated, worker)
                for goal in version.goals:
                    if goal.status == NOT_STARTED and self._chance(0.6):
                        self._progress(goal, GoalStatus.UNDER_WAY)
            if not reviews:
                continue
            # Reviews: those before the revision as the timeline says; later ones until the version ends.
            following = stages[index + 1] if index + 1 < len(stages) else None
            ended = following.activated if following and following.activated else timeline.closed
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
                            self._schedule(version, kind, due, manager)
                        continue
                    latest_due = j + 1 >= len(reviews) or reviews[j + 1][1] > limit
                    done = None
                    if self._chance(0.7 if latest_due else 0.9):
                        done = max(stage.approved or due, min(limit, weekday(due + self._days(-3, 10))))
                    elif ended is not None:
                        continue
                review = self._schedule(version, kind, due, manager)
                if done is not None:
                    self._complete_review(review, version, done, worker, track)
        if timeline.closed is not None:
            self._close(versions, timeline.closed, manager)
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

    def _revise(self, source: Version, day: date, worker: Staff, profile: str, used: set[str]) -> Version:
        r = self.r
        manager = worker.manager or self.priya
        version = self._copy(source, day, worker)
        if version.period_start is not None and (day - version.period_start).days > 270:
            version.period_start, version.period_end = day, day + timedelta(days=364)
            self._event(
                self._moment(day),
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
                self._remove_goal(version, goal, day, worker)
        if version.goals and r.random() < 0.35:
            goal = self._pick(version.goals)
            if goal.idea is not None and len(goal.idea.whys) > 1:
                current = goal.why.body if goal.why else None
                choices = [w for w in goal.idea.whys if w != current]
                goal.why = self._text(
                    self._pick(choices), AuthorKind.PERSON, version.plan.person, worker, day
                )
                self._event(self._moment(day), worker, "update", "goal", goal.id, ("why",))
        new_goals: list[Goal] = []
        if len(version.goals) < 5 and r.random() < 0.5:
            for idea in self._pick_ideas(profile, 1, used):
                new_goals.append(self._goal_from_idea(version, idea, day, worker))
        if version.goals and r.random() < 0.6:
            goal = self._pick(version.goals)
            if goal.idea is not None:
                existing = {s.what.body for s in goal.steps}
                fresh = [s for s in goal.idea.steps if s[1] not in existing]
                if fresh:
                    owner, what, detail = self._pick(fresh)
                    self._idea_step(version, goal, owner, what, detail, day, worker)
        if r.random() < 0.15 and version.agreed_budget_pence is not None:
            raised = min(300_000, version.agreed_budget_pence + self._int(2, 10) * 5000)
            if raised > version.agreed_budget_pence:
                by = (
                    manager
                    if version.indicative_pence is None or raised > version.indicative_pence
                    else worker
                )
                self._agree_budget(version, raised, day, by)
        if version.allocations and r.random() < 0.4:
            allocation = self._pick(version.allocations)
            limit = version.limit()
            if limit is not None and allocation.override_reason is None:
                extra = self._int(1, 6)
                quantity = allocation.quantity + extra
                total = line_total_pence(quantity, allocation.unit_price_pence)
                if version.allocated() - allocation.total_pence + total <= limit:
                    allocation.quantity, allocation.total_pence = quantity, total
                    self._event(
                        self._moment(day),
                        worker,
                        "update",
                        "allocation",
                        allocation.id,
                        ("quantity", "goals"),
                    )
        self._fill_allocations(version, new_goals, day, worker)
        if version.disagreements and r.random() < 0.2:
            note = self._pick(version.disagreements)
            version.disagreements.remove(note)
            self._event(self._moment(day), worker, "delete", "disagreement", note.id)
        self._maybe_disagree(version, day, worker, 0.12)
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
        r = self.r
        if r.random() >= 0.12:
            return
        latest = stage.agreed or stage.signed_one or self.yesterday
        item = self._pick(PROPOSALS)
        if "proposal:" + item[0] in used:
            return
        used.add("proposal:" + item[0])
        proposal = self._propose(person, plan, item, stage.created, worker)
        decided = min(latest, weekday(stage.created + self._days(0, 6)))
        decided = max(decided, stage.created)
        decline_note = item[6]
        if decline_note is not None or r.random() < 0.15:
            self._decide(
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
            self._pick((0, 0, 0, 100, 200)) if proposal.estimated_cost_pence > 1000 else 0
        )
        self._decide(proposal, True, decided, manager, price=price, note=self._pick(APPROVAL_NOTES))
        if version.limit() is not None and version.goals:
            unit = ServiceUnit(proposal.unit)
            wanted = self._pick(QUANTITIES[unit])
            room = (version.limit() or 0) - version.allocated()
            quantity = min(wanted, room // (proposal.approved_unit_price_pence or 1))
            if quantity >= 1:
                self._allocate(
                    version, [self._pick(version.goals)], quantity, decided, worker, proposal=proposal
                )

    def _pending_proposal(self, person: Person, plan: Plan, timeline: Timeline, worker: Staff) -> None:
        day = max(timeline.last, weekday(self.yesterday - self._days(0, 25)))
        item = self._pick([p for p in PROPOSALS if p[6] is None])
        self._propose(person, plan, item, day, worker)
