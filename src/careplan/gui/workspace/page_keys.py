"""Moving between a person's pages by keyboard, from anywhere in the window.

Qt's tab widget takes Ctrl+Tab only while the keyboard is inside it: from the people list it did
nothing, and a page filled as it came to the front left the keyboard on the search box. Here
Ctrl+Tab (or Ctrl+Page Down) brings the next page to the front and Ctrl+Shift+Tab (or Ctrl+Page Up)
the one before, wherever the keyboard is in the window while a record is open, and the keyboard
goes to the first thing on that page that takes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

NEXT_KEYS = ("Ctrl+Tab", "Ctrl+PgDown")
PREVIOUS_KEYS = ("Ctrl+Shift+Tab", "Ctrl+PgUp")
CHAIN_LIMIT = 5000  # widgets looked at before giving up (a page has a few hundred)


def add_page_keys(owner: QWidget, tabs: QTabWidget) -> tuple[QAction, QAction]:
    """Actions on ``owner`` (active while it is shown) that move ``tabs`` on or back."""
    actions = []
    for name, keys, step in (("Next page", NEXT_KEYS, 1), ("Previous page", PREVIOUS_KEYS, -1)):
        action = QAction(name, owner)
        action.setObjectName("nextPage" if step > 0 else "previousPage")
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, step=step: move_page(tabs, step))
        owner.addAction(action)
        actions.append(action)
    return actions[0], actions[1]


def move_page(tabs: QTabWidget, step: int) -> None:
    """Bring the page ``step`` tabs on (or back, round at the ends) to the front, and the keyboard
    to it."""
    if tabs.count() == 0:
        return
    tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())  # fills a stale page
    front = tabs.currentWidget()
    if front is not None and not focus_first_in(front):
        tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)


def focus_first_in(page: QWidget) -> bool:
    """Give the keyboard to the first control on ``page`` that takes Tab (not a scroll area's
    frame); False when there is none."""
    widget = page.nextInFocusChain()
    for _ in range(CHAIN_LIMIT):
        if widget is None or widget is page:
            return False
        if _takes_tab(widget) and page.isAncestorOf(widget):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        widget = widget.nextInFocusChain()
    return False


def _takes_tab(widget: QWidget) -> bool:
    if not (widget.isVisible() and widget.isEnabled()):
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    return not isinstance(widget, QScrollArea)  # its frame is no control
