"""One difference between two versions of a plan, as the history says it (careplan.services.history
and, for the staying-safe plan, careplan.services.staying_safe_history)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal["added", "removed", "changed"]
ChangeArea = Literal["goal", "step", "service", "budget", "disagreement", "period", "staying_safe"]


@dataclass(frozen=True)
class Change:
    """One difference between two versions: what kind, where, and a sentence to read out.

    ``old`` and ``new`` hold the words or amounts before and after, where there are any.
    """

    kind: ChangeKind
    area: ChangeArea
    sentence: str
    old: str | None = None
    new: str | None = None


def quote(text: str) -> str:
    return f"“{text}”"
