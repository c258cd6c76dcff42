"""What the sign-in, set-up, password and unlock dialogs share: headings, problems, the wait."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QLineEdit, QWidget

from careplan.domain.errors import CareplanError, InvalidInput

MARGIN_MS = 250
NOT_THE_SAME = "The two passwords are not the same. Please type them again."


def make_heading(label: QLabel, scale: float = 1.5) -> None:
    """A bigger, bold version of the system font (never a fixed size)."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)


def roomy_buttons(box: QDialogButtonBox) -> None:
    """Big enough to hit easily, like the other buttons on these forms."""
    for button in box.buttons():
        button.setMinimumHeight(40)


def show_problem(label: QLabel, exc: CareplanError | str, fields: dict[str, QWidget] | None = None) -> None:
    """Say what went wrong beside the form and put the cursor where it can be put right."""
    label.setText(exc if isinstance(exc, str) else exc.message)
    label.show()
    field = exc.field if isinstance(exc, InvalidInput) else None
    widget = (fields or {}).get(field or "")
    if widget is not None:
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()


def passwords_match(first: QLineEdit, again: QLineEdit, problem: QLabel) -> bool:
    """The same password twice, or a plain message and both boxes emptied to type again."""
    if first.text() == again.text():
        return True
    first.clear()
    again.clear()
    show_problem(problem, NOT_THE_SAME)
    first.setFocus()
    return False


def first_sentence(message: str) -> str:
    """“That username and password do not match.” from a refusal that goes on to say how long to wait."""
    return message.split(". ")[0].rstrip(".") + "."


class CapsLockHint(QObject):
    """Qt cannot ask the keyboard about Caps Lock, but a capital letter typed without Shift says it."""

    def __init__(self, box: QLineEdit, hint: QLabel) -> None:
        super().__init__(box)
        self._hint = hint
        hint.hide()
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._hint.setVisible(text.isupper() != shift)
        elif event.type() == QEvent.Type.FocusOut:
            self._hint.hide()
        return False


class RetryWait(QObject):
    """After too many wrong passwords: a countdown, and the button stays off until it ends."""

    def __init__(self, label: QLabel, button: QAbstractButton, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._button = button
        self._seconds = 0
        self._first_words = ""
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may end a little early
        self._margin = QTimer(self)
        self._margin.setSingleShot(True)
        self._margin.setInterval(MARGIN_MS)
        self._margin.timeout.connect(self._timer.start)
        self._timer.timeout.connect(self._tick)
        self.finished: Callable[[], None] | None = None

    @property
    def waiting(self) -> bool:
        return self._seconds > 0

    @property
    def seconds_left(self) -> int:
        return self._seconds

    def start(self, seconds: int, first_words: str = "Too many wrong passwords.") -> None:
        self._first_words = first_words
        self._seconds = max(1, int(seconds))
        self._button.setEnabled(False)
        self._show()
        self._label.show()
        # The service counts from the moment it refused; a fraction more here means the button
        # never comes back before the service would accept the next try.
        self._margin.start()

    def stop(self) -> None:
        self._margin.stop()
        self._timer.stop()
        self._seconds = 0
        self._button.setEnabled(True)

    def _tick(self) -> None:
        self._seconds -= 1
        if self._seconds > 0:
            self._show()
            return
        self.stop()
        self._label.setText("You can try again now.")
        if self.finished is not None:
            self.finished()

    def _show(self) -> None:
        unit = "second" if self._seconds == 1 else "seconds"
        self._label.setText(f"{self._first_words} You can try again in {self._seconds} {unit}.".strip())
