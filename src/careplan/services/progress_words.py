"""The person's progress in plain words: what the charts show, said in sentences.

The Reviews page lists them beside its charts (for screen readers, and for anyone who prefers
words) and the "My progress" sheet prints them under its own. A change is stated, never judged:
"3 at the start, 7 now" reads the same whichever way the score went.
"""

from __future__ import annotations

from datetime import date

from careplan.domain.wording.dates import uk_date
from careplan.services.progress_facts import AreaProgress, GoalProgress, ProgressFacts


def score_change(scores: list[tuple[date, int]]) -> str:
    """ "3 at the start, 7 now", "5 at the first review", or "no score yet"."""
    if not scores:
        return "no score yet"
    if len(scores) == 1:
        return f"{scores[0][1]} at the first review"
    return f"{scores[0][1]} at the start, {scores[-1][1]} now"


def area_sentence(area: AreaProgress, person: str, worker: str) -> str:
    """ "Where I live: Dee 3 at the start, 7 now; worker 4 at the start, 6 now." (both voices,
    each named: the Reviews page, with the person and the worker at one screen)."""
    return (
        f"{area.name}: {person} {score_change(area.person_scores())}; "
        f"{worker} {score_change(area.worker_scores())}."
    )


def scale_sentence(facts: ProgressFacts) -> str:
    """What the scores are and when they were given: "Scores go from 1 to 10. They were given at
    4 reviews, from 6 January 2026 to 7 December 2026." """
    scales = {a.scale for a in facts.areas}
    days = facts.review_days
    out = []
    if len(scales) == 1:
        (scale,) = scales
        out.append(f"Scores go from {scale.low} to {scale.high}.")
    if not days:
        out.append("No scores have been given yet.")
    elif len(days) == 1:
        out.append(f"They were given at one review, on {uk_date(days[0])}.")
    else:
        out.append(f"They were given at {len(days)} reviews, from {uk_date(days[0])} to {uk_date(days[-1])}.")
    return " ".join(out)


def goal_state(goal: GoalProgress) -> str:
    """ "Done on 3 March 2026." or "Working on it: 2 of 4 steps done." (never "not done")."""
    if goal.done_on is not None:
        return f"Done on {uk_date(goal.done_on)}."
    if goal.steps_total:
        return f"Working on it: {goal.steps_done} of {goal.steps_total} steps done."
    return "Working on it."


def next_review_sentence(next_review: date | None) -> str:
    if next_review is None:
        return "My worker will tell me when my next review is."
    return f"My next review is on {uk_date(next_review)}."
