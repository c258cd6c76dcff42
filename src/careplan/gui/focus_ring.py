"""A focus ring a keyboard user can see: a thick line round whatever has the keyboard.

The platform's own focus marks are a 1 px line (buttons, tables) or nothing but the caret (a
text box), too faint for someone working by keyboard, or for anyone whose eyes are tired. Qt's
:class:`QFocusFrame` draws outside a widget, above it, and follows it; the theme's style sheet
gives it its look (``QFocusFrame#focusRing`` in :mod:`careplan.gui.theme`). This module moves
one frame per window to the widget that has the keyboard.

Menus, menu bars and windows themselves get no ring (a menu marks its own item). A frame lives
inside its window, so it goes with the window when that is closed; the next focus change makes
a new one where needed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFocusFrame, QMenu, QMenuBar, QWidget

RING_NAME = "focusRing"
FOLLOWING = "careplanFocusRing"  # an application property: the ring follows focus already


def follow_focus(app: QApplication) -> None:
    """Have a ring follow the keyboard in every window of ``app`` (once; again is harmless)."""
    if app.property(FOLLOWING):
        return
    app.setProperty(FOLLOWING, True)
    app.focusChanged.connect(_focus_moved)


def ring_of(window: QWidget) -> QFocusFrame | None:
    """The window's focus ring, if it has one yet."""
    found = window.findChild(QFocusFrame, RING_NAME)
    return found if isinstance(found, QFocusFrame) else None


def _focus_moved(_old: QObject | None, now: QObject | None) -> None:
    if not isinstance(now, QWidget) or now.isWindow() or isinstance(now, (QMenu, QMenuBar)):
        return
    window = now.window()
    ring = ring_of(window)
    if ring is None:
        ring = QFocusFrame(window)
        ring.setObjectName(RING_NAME)
    ring.setWidget(now)
