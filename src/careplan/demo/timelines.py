"""Timelines: the dates of a plan's life, worked out before any of it is written.

When each version was started, signed, approved and put into action, which reviews were done and
at which one the next version was started, and whether (and when) the plan was closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from careplan.demo.days import weekday
from careplan.demo.dice import Dice
from careplan.services.signing import standard_reviews


@dataclass(frozen=True)
class Spec:
    """The shape of a plan's life: how many versions, how far the last one got, closed or not."""

    versions: int
    final: str  # "draft", "signed_one", "agreed", "approved" or "active"
    close: bool = False


@dataclass
class Stage:
    created: date
    signed_one: date | None = None
    agreed: date | None = None
    approved: date | None = None
    activated: date | None = None
    revised_at: int | None = None  # the review at which the next version was started
    reviews_done: list[date | None] = field(default_factory=list)


@dataclass
class Timeline:
    stages: list[Stage]
    closed: date | None
    last: date

    @property
    def start(self) -> date:
        return self.stages[0].created


_REVIEW_WEIGHTS = (25, 35, 20, 12, 8)
_GUARANTEED = (
    "draft",
    "agreed",
    "closed",
    "revised",
    "signed_one",
    "approved",
    "revising",
    "active",
    "closed_then_new",
    "none",
)
_SCENARIOS: tuple[tuple[str, int], ...] = (
    ("draft", 11),
    ("signed_one", 4),
    ("agreed", 6),
    ("approved", 5),
    ("active", 28),
    ("revised", 14),
    ("revising", 9),
    ("closed", 10),
    ("closed_then_new", 5),
    ("none", 4),
)
_SCENARIO_NAMES = tuple(s for s, _ in _SCENARIOS)
_SCENARIO_WEIGHTS = tuple(w for _, w in _SCENARIOS)
_SLACK_DAYS = {"draft": 20, "signed_one": 10, "agreed": 12, "approved": 8, "active": 420}


class Timelines:
    """Dates for a plan's life, chosen before anything is written and fitted to end by a given day.

    ``most_versions``: any plan may have been revised at a review up to that many times before it
    got where it is now (None: as its scenario says).
    """

    def __init__(self, dice: Dice, most_versions: int | None = None) -> None:
        self.dice = dice
        self.most_versions = most_versions

    def _simulate(self, start: date, spec: Spec) -> Timeline:
        dice = self.dice
        r = dice.r
        day = weekday(start)
        stages: list[Stage] = []
        last = day
        for index in range(spec.versions):
            stage = Stage(created=day)
            final = index == spec.versions - 1
            target = spec.final if final else "active"
            if target == "signed_one":
                stage.signed_one = weekday(day + timedelta(days=dice.whole(0, 4)))
                last = max(last, stage.signed_one)
            elif target != "draft":
                gap = 0 if r.random() < 0.3 else dice.whole(1, 21)
                stage.agreed = weekday(day + timedelta(days=gap))
                last = max(last, stage.agreed)
                if target in ("approved", "active"):
                    stage.approved = weekday(stage.agreed + timedelta(days=dice.whole(0, 7)))
                    last = max(last, stage.approved)
                if target == "active":
                    assert stage.approved is not None
                    stage.activated = max(
                        stage.approved, weekday(stage.approved + timedelta(days=dice.whole(0, 4)))
                    )
                    last = max(last, stage.activated)
            if not final:
                assert stage.approved is not None
                assert stage.activated is not None
                reviews = standard_reviews(stage.approved)
                at = dice.weighted(range(len(reviews)), _REVIEW_WEIGHTS)
                for j in range(at + 1):
                    done = max(stage.activated, weekday(reviews[j][1] + timedelta(days=dice.whole(-3, 10))))
                    stage.reviews_done.append(None if j < at and r.random() < 0.1 else done)
                stage.revised_at = at
                revised = stage.reviews_done[at]
                assert revised is not None
                day = revised
                last = max(last, day)
            stages.append(stage)
        closed = weekday(last + timedelta(days=dice.whole(14, 300))) if spec.close else None
        return Timeline(stages, closed, closed or last)

    def fit(self, spec: Spec, latest: date, earliest: date) -> Timeline:
        """A timeline for ``spec`` whose last event is on or before ``latest`` (and starts after earliest)."""
        r = self.dice.r
        state = r.getstate()
        start = latest
        timeline = self._simulate(start, spec)
        for _ in range(8):
            if timeline.last <= latest and timeline.start >= earliest:
                break
            start = start - (timeline.last - latest)
            if start < earliest:
                start = earliest
            r.setstate(state)
            timeline = self._simulate(start, spec)
            if start == earliest:
                break
        return timeline

    # --- what happens to a generic person's plans -------------------------------------------

    def scenario(self, index: int) -> str:
        if index < len(_GUARANTEED):
            return _GUARANTEED[index]
        return self.dice.weighted(_SCENARIO_NAMES, _SCENARIO_WEIGHTS)

    def spec(self, scenario: str) -> Spec:
        spec = self._spec(scenario)
        if self.most_versions is None:
            return spec
        return Spec(max(spec.versions, self.dice.whole(1, self.most_versions)), spec.final, spec.close)

    def _spec(self, scenario: str) -> Spec:
        dice = self.dice
        r = dice.r
        if scenario in ("draft", "signed_one", "agreed", "approved", "active"):
            return Spec(1, scenario)
        if scenario == "revised":
            return Spec(2 if r.random() < 0.75 else 3, "active")
        if scenario == "revising":
            return Spec(
                2 if r.random() < 0.8 else 3,
                dice.pick(("draft", "draft", "signed_one", "agreed", "approved")),
            )
        if scenario == "closed":
            return Spec(1 if r.random() < 0.7 else 2, "draft" if r.random() < 0.15 else "active", close=True)
        return Spec(1, "active", close=True)

    def slack(self, spec: Spec) -> int:
        if spec.close:
            return self.dice.whole(0, 400)
        return self.dice.whole(0, _SLACK_DAYS[spec.final])
