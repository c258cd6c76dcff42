"""The reviews of one approved version, as a year of them goes: booked, now and then asked for by
the person or brought forward, held in both voices (scores that move, the worker's beside the
person's, notes on what is working, what is not and what has changed, how each goal is going),
ended (carry on, or change the plan) and confirmed; the next booked from the schedule.

The schedule stays consistent: a review that was never held is not left booked before one that
was (a missed review is dropped once a later one is held, as the worker would rebook it)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from careplan.demo.content.review_notes import (
    ASKED_WORDS,
    CHANGE_REASONS,
    FORWARD_REASONS,
    GOAL_NOTES_HARD,
    GOAL_NOTES_WELL,
    PERSON_CHANGED,
    PERSON_NOT_WORKING,
    PERSON_WORKING,
    STAFF_CHANGED,
    STAFF_NOT_WORKING,
    STAFF_WORKING,
)
from careplan.demo.content.substance_use import PROFILES
from careplan.demo.days import weekday
from careplan.demo.reviews import GoalGoing, Note, Reviews
from careplan.demo.stand_ins import ACHIEVED, NOT_STARTED, UNDER_WAY, Review, Staff, Version
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind, GoalStatus, ReviewKind, ReviewOutcome, ReviewTopic
from careplan.services.review_schedule import ReviewSchedule

PERSON, STAFF = AuthorKind.PERSON, AuthorKind.STAFF
WORKING, NOT_WORKING, CHANGED = (
    ReviewTopic.WORKING.value,
    ReviewTopic.NOT_WORKING.value,
    ReviewTopic.CHANGED.value,
)
CARRY_ON, CHANGE_PLAN = ReviewOutcome.CARRY_ON.value, ReviewOutcome.CHANGE_PLAN.value
# How far the worker's score is from the person's: mostly the same, sometimes not at all.
_APART = (0, 1, -1, 2, -2, 3, -3)
_APART_WEIGHTS = (52, 15, 15, 6, 6, 3, 3)
SCHEDULE = ReviewSchedule()

Planned = tuple[ReviewKind, date, date | None]
"""A booked review: its kind, the day it is due, and the day it was held (None: not held)."""


class HeldReviews:
    """Writes a version's reviews, and how the person's scores move from review to review."""

    def __init__(self, bench: Workbench, reviews: Reviews) -> None:
        self.dice = bench.dice
        self.yesterday = bench.yesterday
        self.reviews = reviews

    def track(self, profile: str) -> dict[str, Any]:
        """How this person's scores move from review to review: a trend, up, flat or down."""
        dice = self.dice
        r = dice.r
        areas = [
            PROFILES[profile][1],
            *r.sample(
                ["mental_health", "physical_health", "housing", "family", "community", "time", "money"],
                dice.whole(2, 4),
            ),
        ]
        trend = dice.weighted(("up", "flat", "down"), (70, 20, 10))
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

    def _scores(self, track: dict[str, Any]) -> tuple[dict[str, int], dict[str, int], bool]:
        """The person's scores, the worker's beside them, and whether things went well."""
        n = track["n"]
        track["n"] = n + 1
        dice = self.dice
        r = dice.r
        # a setback now and then, even when things are going the right way
        setback = 2.0 if dice.chance(0.12) else 0.0
        person = {
            a: max(
                1,
                min(10, round(track["base"][a] + track["step"][a] * n - setback + (r.random() - 0.5) * 1.6)),
            )
            for a in track["areas"]
        }
        worker = {a: max(1, min(10, v + dice.weighted(_APART, _APART_WEIGHTS))) for a, v in person.items()}
        good = not setback and (track["trend"] == "up" or dice.chance(0.3))
        return person, worker, good

    def _notes(self, good: bool) -> list[Note]:
        dice = self.dice
        notes: list[Note] = []
        for voice, working, not_working, changed in (
            (PERSON, PERSON_WORKING, PERSON_NOT_WORKING, PERSON_CHANGED),
            (STAFF, STAFF_WORKING, STAFF_NOT_WORKING, STAFF_CHANGED),
        ):
            if dice.chance(0.75 if good else 0.35):
                notes.append((WORKING, voice, dice.pick(working)))
            if dice.chance(0.2 if good else 0.75):
                notes.append((NOT_WORKING, voice, dice.pick(not_working)))
            if dice.chance(0.5):
                notes.append((CHANGED, voice, dice.pick(changed)))
        return notes

    def hold(self, review: Review, version: Version, day: date, worker: Staff, track: dict[str, Any]) -> None:
        """Hold the review: scores, notes, and how each goal is going (goals move on as they do)."""
        dice = self.dice
        person, staff, good = self._scores(track)
        progress = self.reviews.progress
        goals: list[GoalGoing] = []
        for goal in version.goals:
            if goal.status == UNDER_WAY and dice.chance(0.2 if good else 0.05):
                progress(goal, GoalStatus.ACHIEVED)
            elif goal.status == NOT_STARTED and dice.chance(0.5):
                progress(goal, GoalStatus.UNDER_WAY)
            elif goal.status == UNDER_WAY and not good and dice.chance(0.05):
                progress(goal, GoalStatus.STOPPED)
            for step in goal.steps:
                if not step.done and dice.chance(0.4):
                    step.done = True
            if goal.status == ACHIEVED:
                going, notes = "done", GOAL_NOTES_WELL
            elif goal.status == UNDER_WAY:
                going = "going_well" if good else dice.pick(("getting_there", "hard_going"))
                notes = GOAL_NOTES_WELL if good else GOAL_NOTES_HARD
            elif goal.status == NOT_STARTED:
                going, notes = "not_started", GOAL_NOTES_HARD
            else:
                going, notes = "hard_going", GOAL_NOTES_HARD
            goals.append((goal.key, going, dice.pick(notes) if dice.chance(0.3) else None))
        self.reviews.record(review, version, day, worker, person, staff, self._notes(good), goals)

    def _close(self, review: Review, version: Version, day: date, worker: Staff, outcome: str) -> None:
        """End the review (the same day) and, mostly, the person confirms it."""
        reviews, dice = self.reviews, self.dice
        reason = dice.pick(CHANGE_REASONS) if outcome == CHANGE_PLAN else None
        reviews.end(review, version, day, worker, outcome, reason)
        if dice.chance(0.9):
            reviews.confirm(review, version, day, worker)

    def write(
        self,
        version: Version,
        planned: list[Planned],
        worker: Staff,
        manager: Staff,
        track: dict[str, Any],
        *,
        revised_at: int | None,
        ended: date | None,
    ) -> Review | None:
        """Write the version's reviews; returns the one at which the plan was changed (if any)."""
        dice, reviews = self.dice, self.reviews
        last_held = max((done for _, _, done in planned if done is not None), default=None)
        previous: date | None = version.activated_at.date() if version.activated_at else None
        changed_at: Review | None = None
        limit = ended or self.yesterday
        held_all = bool(planned)
        for j, (kind, due, done) in enumerate(planned):
            if done is None and last_held is not None and due < last_held:
                held_all = False
                continue  # missed, and a later one was held: not left booked behind it
            review = reviews.schedule(version, kind, due, manager)
            if done is None:
                held_all = False
                continue
            if previous is not None and j > 0 and (done - previous).days > 45 and dice.chance(0.08):
                self._asked(version, previous, done, worker, track)
            elif previous is not None and j > 0 and dice.chance(0.06):
                new_due = max(previous + timedelta(days=7), weekday(due - dice.days(7, 30)))
                if new_due < due:
                    reviews.bring_forward(
                        review, version, new_due, dice.pick(FORWARD_REASONS), previous, worker
                    )
                    done = min(done, max(new_due, weekday(new_due + dice.days(0, 3))))
            self.hold(review, version, done, worker, track)
            if j == revised_at:
                self._close(review, version, done, worker, CHANGE_PLAN)
                changed_at = review
            else:
                self._close(review, version, done, worker, CARRY_ON)
            previous = done
        if revised_at is None and held_all and previous is not None:
            self._following(version, previous, limit, ended is None, worker, track)
        return changed_at

    def _asked(
        self, version: Version, previous: date, before: date, worker: Staff, track: dict[str, Any]
    ) -> None:
        """The person asked for a review between two booked ones; it was held soon after."""
        dice = self.dice
        asked = weekday(previous + timedelta(days=(before - previous).days // 2))
        due = min(weekday(asked + dice.days(2, 7)), before - timedelta(days=1))
        if due < asked:
            return
        review = self.reviews.ask(version, dice.pick(ASKED_WORDS), asked, due, worker)
        self.hold(review, version, due, worker, track)
        self._close(review, version, due, worker, CARRY_ON)

    def _following(
        self,
        version: Version,
        held: date,
        limit: date,
        still_going: bool,
        worker: Staff,
        track: dict[str, Any],
    ) -> None:
        """After the booked year, each review books the next from the schedule until the version
        ends; the last one booked is left open (due, or overdue) while the version is in force."""
        dice, reviews = self.dice, self.reviews
        while True:
            due = SCHEDULE.next_due(held)
            if due > limit or not dice.chance(0.85):
                if still_going:
                    reviews.book(version, due, held, worker)
                return
            review = reviews.book(version, due, held, worker)
            done = max(due, min(limit, weekday(due + dice.days(-3, 10))))
            self.hold(review, version, done, worker, track)
            self._close(review, version, done, worker, CARRY_ON)
            held = done

    def ask_soon(self, version: Version, worker: Staff) -> None:
        """The person asked, in the last few days, for a review not yet held."""
        dice = self.dice
        asked = weekday(self.yesterday - dice.days(0, 6))
        due = self.yesterday + dice.days(2, 14)
        self.reviews.ask(version, dice.pick(ASKED_WORDS), asked, due, worker)
