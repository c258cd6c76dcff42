"""Loading a plan version for a change, with the rules every change shares."""

from __future__ import annotations

import re

from careplan.domain.enums import PlanStatus
from careplan.domain.errors import ConflictError, FrozenVersion, InvalidInput
from careplan.domain.records import Plan, PlanVersion, new_key
from careplan.services.unit_of_work import Work

CONFLICT_MESSAGE = (
    "Someone else saved changes to this plan since you opened it. Nothing was overwritten. "
    "Reload to see their changes, then make yours again."
)


def touch_plan(work: Work, plan: Plan, expected_revision: int | None) -> None:
    """Check nobody else changed the plan since it was read, and mark it changed.

    The plan row's ``revision`` goes up on every change (SQLAlchemy's version counter), so a
    second workstation saving from an older reading gets a conflict, never a silent overwrite.
    """
    if expected_revision is not None and plan.revision != expected_revision:
        raise ConflictError(CONFLICT_MESSAGE)
    plan.updated_at = work.now


def draft_version(work: Work, version_id: int, expected_revision: int | None) -> PlanVersion:
    """A plan version that may still be edited: a draft. Agreed versions and later are frozen."""
    version = work.get(PlanVersion, version_id, "plan version")
    if PlanStatus(version.status).frozen:
        raise FrozenVersion(
            f"Version {version.number} of this plan has been {version.status} and can no longer be "
            "changed. Start a new version to make changes."
        )
    touch_plan(work, version.plan, expected_revision)
    return version


def any_version(work: Work, version_id: int, expected_revision: int | None) -> PlanVersion:
    version = work.get(PlanVersion, version_id, "plan version")
    touch_plan(work, version.plan, expected_revision)
    return version


def free_key(wanted: str | None, taken: list[str]) -> str:
    """A new item's key: the one asked for (putting an item back), if it is well formed and free."""
    if wanted is None:
        return new_key()
    if not re.fullmatch(r"[0-9a-f]{32}", wanted):
        raise InvalidInput("That is not a key Careplan made.", "key")
    if wanted in taken:
        raise InvalidInput("That item is already in the plan.", "key")
    return wanted
