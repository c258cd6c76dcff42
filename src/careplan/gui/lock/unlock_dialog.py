"""The password box over a locked window (form: ui/unlock.ui).

Application-modal and opened last, so it takes the keyboard even when a window-modal editor was
open underneath. It cannot be closed: only the right password, or signing in as someone else,
ends the lock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from careplan.domain.errors import CareplanError, SignInRefused
from careplan.gui.forms.ui_unlock import Ui_UnlockDialog
from careplan.gui.widgets.password_forms import (
    CapsLockHint,
    RetryWait,
    first_sentence,
    make_heading,
    show_problem,
)
from careplan.services import authentication
from careplan.services.signed_in import SignedInStaff


class UnlockDialog(QDialog):
    unlocked = Signal()
    someone_else = Signal()

    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        make_heading(self.ui.heading)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        # No close button: the lock ends with the password or by signing in as someone else.
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.ui.who.setText(f"{context.staff_name} is signed in. Type your password to carry on.")
        self.ui.problem.hide()
        self.caps_lock = CapsLockHint(self.ui.password, self.ui.capsLock)
        self.wait = RetryWait(self.ui.problem, self.ui.unlockButton, self)
        self.ui.unlockButton.clicked.connect(self.try_unlock)
        self.ui.otherButton.clicked.connect(self.someone_else.emit)
        self.ui.password.setFocus()

    def try_unlock(self) -> None:
        if self.wait.waiting:
            return
        password = self.ui.password.text()
        self.ui.password.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            authentication.confirm_identity(self._context.db, self._context.actor, password)
        except SignInRefused as exc:
            self.ui.password.setFocus()
            if exc.retry_after_seconds:
                self.wait.start(exc.retry_after_seconds, first_sentence(exc.message))
            else:
                show_problem(self.ui.problem, exc)
            return
        except CareplanError as exc:
            show_problem(self.ui.problem, exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.unlocked.emit()

    def reject(self) -> None:
        """Escape does not end the lock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
