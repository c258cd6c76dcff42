"""A review's state as the app marks it: the theme's role (colour) beside the words, never instead.

The words are :mod:`careplan.domain.wording.reviews`; the colours the theme's ``reviewDue`` and
``reviewOverdue`` roles. A label takes the role with :func:`careplan.gui.theme.set_role`; a list's
cell takes the role's colour (:func:`review_colour`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from careplan.domain.review_timing import ReviewState, ReviewTiming
from careplan.gui import theme

REVIEW_ROLES: dict[ReviewState, str] = {
    ReviewState.DUE: "reviewDue",
    ReviewState.OVERDUE: "reviewOverdue",
}


def review_role(timing: ReviewTiming | None) -> str | None:
    """ "reviewOverdue", "reviewDue", or None (booked further off, held, or no review)."""
    return None if timing is None else REVIEW_ROLES.get(timing.state)


def review_colour(timing: ReviewTiming | None) -> QColor | None:
    """The role's colour for a list's cell, or None for the ordinary text colour."""
    role = review_role(timing)
    return None if role is None else QColor(theme.ROLE_COLOURS[role])
