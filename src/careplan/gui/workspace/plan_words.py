"""The plan page's own words: why a version can no longer change, short quotes, who does a step."""

from __future__ import annotations

from careplan.domain.wording.voices import step_owner_words
from careplan.services.workspace import StepView

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


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def who_does(step: StepView) -> str:
    who = step_owner_words(step.owner)
    return f"{who} ({step.owner_detail})" if step.owner_detail else who
