"""Where a plan, and a goal in it, have got to: one name for each status, everywhere it is shown.

The names are the plain words the person sees on their plan (non-shaming: a goal is "put aside
for now", never "failed" or "stopped"). A sentence that needs one starts with :func:`sentence`.
"""

from __future__ import annotations

from careplan.domain.enums import GoalStatus, PlanStatus

PLAN_STATUS_WORDS: dict[PlanStatus, str] = {
    PlanStatus.DRAFT: "being written",
    PlanStatus.AGREED: "signed, waiting for approval",
    PlanStatus.APPROVED: "approved",
    PlanStatus.ACTIVE: "in action",
    PlanStatus.SUPERSEDED: "replaced by a newer version",
    PlanStatus.CLOSED: "closed",
}

NO_PLAN = "no plan yet"

NEWER_VERSION_WORDS: dict[PlanStatus, str] = {
    PlanStatus.DRAFT: "+ new version",
    PlanStatus.AGREED: "+ new version signed",
    PlanStatus.APPROVED: "+ new version approved",
}
"""The second line under the plan in force, where a newer version is on its way (the people list)."""

FROZEN_BECAUSE: dict[PlanStatus, str] = {
    PlanStatus.AGREED: "signed",
    PlanStatus.APPROVED: "approved",
    PlanStatus.ACTIVE: "approved and put into action",
    PlanStatus.SUPERSEDED: "replaced by a newer version",
    PlanStatus.CLOSED: "closed",
}
"""What has been done to a version that can no longer be changed: "It has been signed"."""

GOAL_STATUS_WORDS: dict[GoalStatus, str] = {
    GoalStatus.NOT_STARTED: "not started yet",
    GoalStatus.UNDER_WAY: "working on it",
    GoalStatus.ACHIEVED: "done",
    GoalStatus.STOPPED: "put aside for now",
}


def plan_status_words(status: str | None) -> str:
    """ "in action": the status of a plan version (``None``: there is no plan yet)."""
    if status is None:
        return NO_PLAN
    try:
        return PLAN_STATUS_WORDS[PlanStatus(status)]
    except ValueError:
        return status.replace("_", " ")


def goal_status_words(status: str) -> str:
    """ "working on it": how a goal is going."""
    try:
        return GOAL_STATUS_WORDS[GoalStatus(status)]
    except ValueError:
        return status.replace("_", " ")


def newer_version_words(status: str | None) -> str:
    """ "+ new version signed": a newer version on its way, under the plan in force."""
    try:
        return NEWER_VERSION_WORDS[PlanStatus(status or "")]
    except (ValueError, KeyError):
        return "+ new version"


def frozen_because(status: str) -> str:
    """ "approved and put into action": why a version's words can no longer change."""
    try:
        return FROZEN_BECAUSE[PlanStatus(status)]
    except (ValueError, KeyError):
        return status.replace("_", " ")


def sentence(words: str) -> str:
    """The words as they start a line or a sentence: "In action"."""
    return words[:1].upper() + words[1:]
