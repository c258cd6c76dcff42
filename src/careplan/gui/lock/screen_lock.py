"""Locking the screen: after a while without input, or on Ctrl+L.

One application-wide event filter does two cheap things: it notes the time of every input event
(a float stored, nothing more; a single-shot timer looks at it only when it could have run out),
and while locked it lets input reach nothing but the unlock dialog.

Locking hides every personal detail without destroying anything, so what was being typed is still
there afterwards:
- the main window swaps its whole central area for the lock page, hides its toolbars and docks,
  disables its menus and says "locked" in its title (``LockableWindow``);
- every other window (an editor, a question box) keeps running, even one inside its own
  ``exec()``, but its contents are hidden and its title replaced until the unlock; a window that
  appears while locked is covered the same way;
- menus and pop-ups are closed, tooltips hidden.
Hiding a dialog itself would end its ``exec()`` as if cancelled, which is why only its children
are hidden.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from careplan.gui.lock.unlock_dialog import UnlockDialog
from careplan.services.signed_in import SignedInStaff

DEFAULT_IDLE_SECONDS = 5 * 60
LOCK_AFTER_SETTING = "security/lock_after_seconds"  # this computer's QSettings: seconds, 0 never
LOCKED_TITLE = "Careplan is locked"

_T = QEvent.Type
# What a person at the keyboard does. Mouse moves count: someone is there.
_INPUT = frozenset(
    {
        _T.KeyPress,
        _T.KeyRelease,
        _T.MouseButtonPress,
        _T.MouseButtonRelease,
        _T.MouseButtonDblClick,
        _T.MouseMove,
        _T.Wheel,
        _T.TouchBegin,
        _T.TouchUpdate,
        _T.TabletPress,
        _T.TabletMove,
    }
)
# While locked these reach only the unlock dialog.
_GATED = _INPUT | {_T.Shortcut, _T.ToolTip, _T.ContextMenu, _T.WhatsThis, _T.HoverEnter, _T.HoverMove}
_WATCHED = _GATED | {_T.Show}


class LockableWindow(Protocol):
    def show_locked(self, locked: bool) -> None: ...


@dataclass
class _Cover:
    """A window whose contents are hidden while locked, and how to put it back."""

    window: QWidget
    title: str
    hidden: list[QWidget] = field(default_factory=list)
    label: QLabel | None = None


def is_lock_key(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_L
        and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier
    )


class ScreenLock(QObject):
    """Locks ``window`` (and every other window of the application) for the member of staff
    signed in (``context``)."""

    locked_changed = Signal(bool)
    someone_else = Signal()  # "Sign in as someone else" was chosen on the unlock dialog

    def __init__(
        self,
        window: QWidget,
        context: SignedInStaff,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._idle_ms = max(1, int(idle_seconds * 1000)) if idle_seconds > 0 else 0
        self._last_input = time.monotonic()
        self._locked = False
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check_idle)
        self._installed = False

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def idle_seconds(self) -> float:
        return self._idle_ms / 1000

    def set_idle_seconds(self, idle_seconds: float) -> None:
        """A new time without input before the screen locks (0: never), counted from the last
        input already seen; applied at once."""
        self._idle_ms = max(1, int(idle_seconds * 1000)) if idle_seconds > 0 else 0
        if self._locked or not self._installed:
            return
        if not self._idle_ms:
            self._timer.stop()
            return
        idle_ms = (time.monotonic() - self._last_input) * 1000
        self._arm(max(1, int(self._idle_ms - idle_ms)))

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last_input = time.monotonic()
        self._arm(self._idle_ms)

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    # noticing input ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if self._locked:
            if kind == _T.Show:
                if isinstance(watched, QWidget) and watched.isWindow() and not self._allowed(watched):
                    QTimer.singleShot(0, lambda: self._cover_late(watched))
                return False
            # Widgets only: a window hands input on to its widgets, which are checked then.
            return isinstance(watched, QWidget) and not self._allowed(watched)
        if kind in _INPUT:
            self._last_input = time.monotonic()
            if kind == _T.KeyPress and is_lock_key(event):
                self.lock()
                return True
        return False

    def _arm(self, milliseconds: int) -> None:
        if self._idle_ms and not self._locked:
            self._timer.start(max(1, milliseconds))

    def _check_idle(self) -> None:
        idle_ms = (time.monotonic() - self._last_input) * 1000
        if idle_ms >= self._idle_ms:
            self.lock()
        else:
            self._arm(min(self._idle_ms, int(self._idle_ms - idle_ms) + 1))

    def _allowed(self, widget: QWidget) -> bool:
        """The unlock dialog, and windows it opened (a question before signing someone else in)."""
        dialog = self.unlock_dialog
        if dialog is None:
            return False
        w: QWidget | None = widget.window()
        while w is not None:
            if w is dialog:
                return True
            w = w.parentWidget()
        return False

    # locking -------------------------------------------------------------------------------

    def lock(self) -> None:
        if self._locked:
            return
        self._locked = True
        self._timer.stop()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._focus = app.focusWidget()
        while (popup := app.activePopupWidget()) is not None:
            popup.close()
        QToolTip.hideText()
        self._window.show_locked(True)  # type: ignore[attr-defined]
        for window in app.topLevelWidgets():
            if window is not self._window and window.isVisible():
                self._cover(window)
        self.unlock_dialog = UnlockDialog(self._context, self._window)
        self.unlock_dialog.setObjectName("unlockDialog")
        self.unlock_dialog.unlocked.connect(self.unlock)
        self.unlock_dialog.someone_else.connect(self.someone_else.emit)
        self.unlock_dialog.open()
        self.unlock_dialog.ui.password.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        """The right password was typed: everything comes back as it was."""
        if not self._locked:
            return
        dialog, self.unlock_dialog = self.unlock_dialog, None
        if dialog is not None:
            dialog.accept()
            dialog.deleteLater()
        self._window.show_locked(False)  # type: ignore[attr-defined]
        for cover in reversed(self._covers):
            self._uncover(cover)
        self._covers.clear()
        self._locked = False
        focus, self._focus = self._focus, None
        if focus is not None and _alive(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._last_input = time.monotonic()
        self._arm(self._idle_ms)
        self.locked_changed.emit(False)

    def covered_windows(self) -> list[QWidget]:
        return [c.window for c in self._covers if _alive(c.window)]

    def _cover(self, window: QWidget) -> None:
        if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            window.close()
            return
        if any(c.window is window for c in self._covers):
            return
        cover = _Cover(window, window.windowTitle())
        for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if not child.isWindow() and not child.isHidden():
                child.hide()
                cover.hidden.append(child)
        window.setWindowTitle(LOCKED_TITLE)
        label = QLabel(f"{LOCKED_TITLE}.", window)
        label.setObjectName("lockCover")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setGeometry(window.rect())
        label.show()
        cover.label = label
        self._covers.append(cover)

    def _cover_late(self, window: QWidget) -> None:
        if self._locked and _alive(window) and window.isVisible() and not self._allowed(window):
            self._cover(window)
            dialog = self.unlock_dialog
            if dialog is not None and window.isModal():
                # A modal window opened later (a question from a timer) would block the unlock
                # dialog; showing it again puts it back in front of every modal window.
                dialog.hide()
                dialog.show()
                dialog.raise_()
                dialog.activateWindow()
                dialog.ui.password.setFocus()

    @staticmethod
    def _uncover(cover: _Cover) -> None:
        if not _alive(cover.window):
            return
        if cover.label is not None and _alive(cover.label):
            cover.label.hide()
            cover.label.deleteLater()
        for child in cover.hidden:
            if _alive(child):
                child.show()
        cover.window.setWindowTitle(cover.title)


def _alive(widget: QObject) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
