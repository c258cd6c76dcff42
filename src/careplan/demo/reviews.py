"""Reviews scheduled when a version is approved, and recorded when they are done; progress."""

from __future__ import annotations

from datetime import date

from careplan.demo.stand_ins import Goal, Review, Staff, Version
from careplan.demo.texts import Texts
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind, GoalStatus, ReviewKind


class Reviews:
    """Writes reviews, their ratings and notes, and the progress made on goals."""

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

    def record(
        self,
        review: Review,
        version: Version,
        day: date,
        worker: Staff,
        ratings: dict[str, int],
        person_notes: str | None,
        worker_notes: str | None,
    ) -> None:
        person = version.plan.person
        review.completed_on, review.completed_by_id = day, worker.id
        review.ratings = {self.areas[code].id: value for code, value in ratings.items() if code in self.areas}
        if person_notes:
            review.person_notes = self.texts.text(person_notes, AuthorKind.PERSON, person, worker, day)
        if worker_notes:
            review.worker_notes = self.texts.text(worker_notes, AuthorKind.STAFF, person, worker, day)
        self.trail.event(
            self.clock.moment(day),
            worker,
            "record",
            "review",
            review.id,
            ("completed_on", "ratings", "person_notes", "worker_notes"),
        )

    @staticmethod
    def progress(goal: Goal, status: GoalStatus) -> None:
        """Progress on a goal. Not audited here: the demo trail records what was created and decided."""
        goal.status = status.value
