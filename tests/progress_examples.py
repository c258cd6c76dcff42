"""Progress facts built by hand (no database), for the chart widget and the "My progress" sheet.

Dee (invented) has had four reviews: most scores went up, money went down and back, her worker
did not always see it the same way, and she gave no score for legal matters at her second review.
"""

from __future__ import annotations

from datetime import date

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.life_areas import DEFAULT_LIFE_AREAS
from careplan.services.progress_facts import AreaProgress, GoalProgress, ProgressFacts, Scale, ScorePoint

DAYS = (date(2026, 1, 6), date(2026, 2, 24), date(2026, 5, 26), date(2026, 11, 24))
LIFE_SCALE = Scale(1, 10)

# code: (person's scores, worker's scores), one per review day (None: no score that day)
SCORES: dict[str, tuple[tuple[int | None, ...], tuple[int | None, ...]]] = {
    "drugs": ((3, 4, 6, 7), (2, 4, 5, 6)),
    "alcohol": ((6, 6, 7, 8), (6, 6, 6, 8)),
    "physical_health": ((4, 5, 5, 6), (4, 4, 5, 6)),
    "mental_health": ((2, 4, 3, 5), (3, 3, 4, 5)),
    "housing": ((3, 3, 5, 7), (4, 4, 5, 6)),
    "money": ((5, 3, 2, 4), (4, 3, 3, 4)),
    "time": ((2, 3, 4, 6), (2, 3, 4, 5)),
    "family": ((4, 5, 6, 6), (4, 5, 5, 6)),
    "community": ((3, 3, 4, 5), (3, 4, 4, 5)),
    "legal": ((8, None, 9, 9), (7, 8, 8, 9)),
}

WHAT_IS_WORKING = "Going to the group on Tuesdays. Having my own key to the flat."
GOAL_FLAT = "Keep my flat and have friends round"
GOAL_COURSE = "Start the cooking course at the college"
GOAL_GP = "Register with a GP near the new flat"


def area(code: str, name: str, scale: Scale = LIFE_SCALE, days: tuple[date, ...] = DAYS) -> AreaProgress:
    """One area of Dee's, scored on ``days`` (the first of her four reviews, if fewer)."""
    person, worker = SCORES[code]
    points = tuple(ScorePoint(d, p, w) for d, p, w in zip(days, person, worker, strict=False))
    return AreaProgress(code, name, scale, points)


def dee_progress(**changes: object) -> ProgressFacts:
    facts: dict[str, object] = {
        "preferred_name": "Dee",
        "person_reference": "P-000001",
        "plan_id": 1,
        "version_number": 2,
        "printed_on": date(2026, 12, 7),
        "areas": tuple(area(code, name) for code, name in DEFAULT_LIFE_AREAS),
        "goals": (
            GoalProgress(GOAL_FLAT, PERSON, "Dee", "Where I live", None, 2, 4),
            GoalProgress(GOAL_GP, STAFF, "Sam Okafor", "Physical health", date(2026, 3, 3), 2, 2),
            GoalProgress(GOAL_COURSE, PERSON, "Dee", "How I spend my time", None, 0, 0),
        ),
        "what_is_working": WHAT_IS_WORKING,
        "next_review": date(2027, 2, 23),
    }
    facts.update(changes)
    return ProgressFacts(**facts)  # type: ignore[arg-type]
