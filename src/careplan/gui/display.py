"""Whether there is a screen to show a window on, checked before Qt is loaded."""

from __future__ import annotations

import os
import sys

OFFSCREEN_PLATFORMS = {"offscreen", "minimal", "vnc"}


def display_problem() -> str | None:
    """A plain sentence when no window can be shown here, else None."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.split(":")[0] in OFFSCREEN_PLATFORMS or platform:
        return None
    if sys.platform.startswith(("win", "darwin")):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "Careplan needs a screen, and this session has none (no DISPLAY or WAYLAND_DISPLAY). "
        "Start it from the desktop, or use the careplan commands (careplan --help)."
    )
