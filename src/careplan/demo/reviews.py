"""Reviews booked when a version is approved, asked for or brought forward, held in both voices,
ended and confirmed; progress on goals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careplan.demo.stand_ins import Goal, Review, Staff, Version
from careplan.demo.texts import Texts
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind, GoalStatus, ReviewKind, SignatureMethod

TYPED = SignatureMethod.TYPED.value

Note = tuple[str, AuthorKind, str]
"""A note on one topic of a review: (topic, whose words, the words)."""
GoalGoing = tuple[str, str, str | None]
"""How a goal is going: (goal key, going, a note in the person's words or None)."""


class Reviews:
    """Writes reviews, their scores, notes and goals, how they ended, and the progress on goals."""

    def __init__(self, bench: Workbench, texts: Texts) -> None:
        self.clock = bench.clock
        self.trail = bench.trail
        self.batch = bench.batch
        self.areas = bench.reference.areas
        self.texts = texts

    def schedule(self, version: Version, kind: ReviewKind, due: date, manager: Staff) -> Review:
        review = Review(self.batch.new_id("reviews"), version.plan.id, version.id, kind.value, due)
        self.batch.reviews.append(review)
        assert version.approved_at is not None
        self.trail.event(version.approved_at, manager, "schedule", "review", review.id, ("kind", "due_date"))
        return review

    def book(self, version: Version, due: date, day: date, worker: Staff) -> Review:
        """The next review booked from the schedule when one ends (``day``)."""
        review = Review(
            self.batch.new_id("reviews"), version.plan.id, version.id, ReviewKind.REGULAR.value, due
        )
        self.batch.reviews.append(review)
        self.trail.event(
            self.clock.moment(day), worker, "schedule", "review", review.id, ("kind", "due_date")
        )
        return review

    def ask(self, version: Version, words: str, day: date, due: date, worker: Staff) -> Review:
        """The person asks for a review (their words, written down by ``worker`` on ``day``)."""
        review = Review(
            self.batch.new_id("reviews"), version.plan.id, version.id, ReviewKind.REGULAR.value, due
        )
        review.asked_at = self.clock.moment(day)
        review.asked_words = self.texts.text(words, AuthorKind.PERSON, version.plan.person, worker, day)
        self.batch.reviews.append(review)
        self.trail.event(review.asked_at, worker, "ask", "review", review.id, ("asked_words", "due_date"))
        return review

    def bring_forward(
        self, review: Review, version: Version, new_due: date, reason: str, day: date, worker: Staff
    ) -> None:
        person = version.plan.person
        review.forward_from = review.due_date
        review.due_date = new_due
        review.forward_reason = self.texts.text(reason, AuthorKind.STAFF, person, worker, day)
        self.trail.event(
            self.clock.moment(day),
            worker,
            "bring_forward",
            "review",
            review.id,
            ("due_date", "forward_reason"),
        )

    def record(
        self,
        review: Review,
        version: Version,
        day: date,
        worker: Staff,
        ratings: dict[str, int],
        worker_ratings: dict[str, int],
        notes: Sequence[Note],
        goals: Sequence[GoalGoing] = (),
    ) -> None:
        """Hold a review: the person's scores and, apart, the worker's; notes in both voices; goals."""
        person = version.plan.person
        text = self.texts.text
        review.completed_on, review.completed_by_id = day, worker.id
        review.ratings = {code: value for code, value in ratings.items() if code in self.areas}
        review.worker_ratings = {code: value for code, value in worker_ratings.items() if code in self.areas}
        review.notes = [(topic, text(body, voice, person, worker, day)) for topic, voice, body in notes]
        review.goals = [
            (key, going, text(note, AuthorKind.PERSON, person, worker, day) if note else None)
            for key, going, note in goals
        ]
        at = self.clock.moment(day)
        self.trail.event(at, worker, "record", "review", review.id, ("completed_on", "notes", "goals"))
        self.trail.event(at, worker, "score", "review", review.id, ("scores",))

    def end(
        self,
        review: Review,
        version: Version,
        day: date,
        worker: Staff,
        outcome: str,
        reason: str | None = None,
        new_version: Version | None = None,
    ) -> None:
        review.outcome, review.ended_at, review.ended_by_id = outcome, self.clock.moment(day), worker.id
        if reason:
            review.outcome_reason = self.texts.text(
                reason, AuthorKind.STAFF, version.plan.person, worker, day
            )
        if new_version is not None:
            review.new_version_id = new_version.id
        self.trail.event(
            review.ended_at,
            worker,
            "end",
            "review",
            review.id,
            ("outcome", "outcome_reason", "new_version_id"),
        )

    def confirm(self, review: Review, version: Version, day: date, worker: Staff) -> None:
        """The person confirms the record with their typed name."""
        at = self.clock.moment(day)
        review.confirmed = (version.plan.person.preferred_name, TYPED, None, at, worker.id)
        self.trail.event(at, worker, "confirm", "review", review.id, ("confirmation",))

    @staticmethod
    def progress(goal: Goal, status: GoalStatus) -> None:
        """Progress on a goal. Not audited here: the demo trail records what was created and decided."""
        goal.status = status.value
