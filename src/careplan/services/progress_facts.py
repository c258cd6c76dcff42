"""What the person's progress is made of: plain facts, read once, drawn on screen and on paper.

The Reviews page's charts and the "My progress" sheet are pure functions of :class:`ProgressFacts`.
Nothing here reads the database: a query fills these facts (the Reviews page's use case), and tests
build them by hand. The checks below catch a query that fills them wrongly (scores off the scale,
points out of order), not the person's answers, which were checked when the review was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careplan.domain.actor import Voice
from careplan.services.spending_view import PlanSpending


@dataclass(frozen=True)
class Scale:
    """The lowest and highest score of a life area or a measure's item (1 to 10 for life areas)."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low >= self.high:
            raise ValueError(f"A scale runs from low to high, not {self.low} to {self.high}.")

    def holds(self, score: int) -> bool:
        return self.low <= score <= self.high

    def share(self, score: int) -> float:
        """How far along the scale a score is: 0.0 at the lowest, 1.0 at the highest."""
        return (score - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class ScorePoint:
    """One review's scores for one area: the person's and, apart, the worker's (either may be
    missing: one of them gave no score that day)."""

    on: date
    person: int | None
    worker: int | None


@dataclass(frozen=True)
class AreaProgress:
    """One life area (or one item of an outcome measure) over time, oldest review first."""

    code: str  # the life area's code ("housing"); the easy-read sheet draws its picture
    name: str  # as the person reads it: "Where I live"
    scale: Scale
    points: tuple[ScorePoint, ...]

    def __post_init__(self) -> None:
        days = [p.on for p in self.points]
        if days != sorted(days):
            raise ValueError(f"The scores of {self.code} are not oldest first.")
        for point in self.points:
            for score in (point.person, point.worker):
                if score is not None and not self.scale.holds(score):
                    raise ValueError(f"A score of {self.code} is off its scale: {score}.")

    def person_scores(self) -> list[tuple[date, int]]:
        """The person's own scores, oldest first (days they gave none left out)."""
        return [(p.on, p.person) for p in self.points if p.person is not None]

    def worker_scores(self) -> list[tuple[date, int]]:
        return [(p.on, p.worker) for p in self.points if p.worker is not None]


@dataclass(frozen=True)
class GoalProgress:
    """One goal of the plan: its words and whose they are, done or not, and its steps."""

    words: str
    voice: Voice
    author_name: str  # whose words: the person's preferred name, or the staff member's name
    life_area: str
    done_on: date | None  # the review at which it was said to be done; None if none said so
    steps_done: int
    steps_total: int
    achieved: bool = False  # the plan marks it achieved (perhaps without a review saying when)

    def __post_init__(self) -> None:
        if not 0 <= self.steps_done <= self.steps_total:
            raise ValueError(f"Steps done ({self.steps_done}) out of {self.steps_total}.")

    @property
    def done(self) -> bool:
        return self.achieved or self.done_on is not None


@dataclass(frozen=True)
class ProgressFacts:
    """Everything the progress charts and the "My progress" sheet show about one person's plan."""

    preferred_name: str
    person_reference: str
    plan_id: int
    version_number: int
    printed_on: date  # the day the sheet is made (its file name and "printed on" line)
    areas: tuple[AreaProgress, ...]
    goals: tuple[GoalProgress, ...]
    what_is_working: str | None  # the person's own words at the latest review
    next_review: date | None
    spending: PlanSpending | None = None  # spending to date once the plan is approved; None before

    @property
    def review_days(self) -> tuple[date, ...]:
        """Every day any area was scored, oldest first."""
        return tuple(sorted({p.on for a in self.areas for p in a.points}))
