"""The plain words the plan page uses: what each status means, dates, who does a step."""

from __future__ import annotations

from datetime import date

from careplan.domain.enums import GoalStatus, StepOwner
from careplan.services.workspace import StepView

VERSION_WORDS = {
    "draft": "being written",
    "agreed": "signed by both, waiting for a manager to approve it",
    "approved": "signed and approved",
    "active": "signed and approved, in action",
    "superseded": "an older version, kept as it was",
    "closed": "closed",
}

SIGNED_NOTE = (
    "This version was signed, so its words stay as they are. To change it, start a new version. "
    "Ticking off steps and saying how goals are going still works."
)
FROZEN_NOTES = {
    "agreed": SIGNED_NOTE,
    "approved": SIGNED_NOTE,
    "active": SIGNED_NOTE,
    "superseded": (
        "This is an older version, kept as it was signed. Changes and progress go on the newer one."
    ),
    "closed": "This plan has ended. It is kept as it was.",
}

GOAL_STATUS_WORDS = {
    GoalStatus.NOT_STARTED: "Not started yet",
    GoalStatus.UNDER_WAY: "Working on it",
    GoalStatus.ACHIEVED: "Done",
    GoalStatus.STOPPED: "Put aside for now",
}

OWNER_WORDS = {
    StepOwner.PERSON: "me",
    StepOwner.WORKER: "my worker",
    StepOwner.SERVICE: "a service",
    StepOwner.SOMEONE_ELSE: "someone else",
}


def when(day: date) -> str:
    """A date in words, so nobody has to puzzle over which number is the month: 4 March 2027."""
    return f"{day.day} {day:%B %Y}"


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def who_does(step: StepView) -> str:
    who = OWNER_WORDS.get(StepOwner(step.owner), step.owner)
    return f"{who} ({step.owner_detail})" if step.owner_detail else who
