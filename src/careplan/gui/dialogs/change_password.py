"""Passwords: changing my own, choosing one at first sign-in, an administrator setting one.

One form (ui/change_password.ui) for the three; what differs is which boxes show and which use
case is called.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from careplan.domain.errors import CareplanError, SignInRefused
from careplan.gui.forms.ui_change_password import Ui_ChangePasswordDialog
from careplan.gui.widgets.password_forms import make_heading, passwords_match, roomy_buttons, show_problem
from careplan.services import authentication
from careplan.services.signed_in import SignedInStaff


class ChangePasswordDialog(QDialog):
    """Change my own password. With ``current_password`` given (just typed at sign-in, when the
    account must choose a new one) the current password is not asked for again."""

    def __init__(
        self,
        context: SignedInStaff,
        *,
        current_password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._current = current_password
        self.ui = Ui_ChangePasswordDialog()
        self.ui.setupUi(self)
        make_heading(self.ui.heading, 1.3)
        self.ui.problem.hide()
        self.ui.rules.setText(authentication.PASSWORD_RULES)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Change my password")
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        roomy_buttons(self.ui.buttons)
        if current_password is not None:
            self.setWindowTitle("Choose your own password")
            self.ui.heading.setText("Choose your own password")
            self.ui.intro.setText(
                "You signed in with a password someone else gave you. Now choose one that only you know."
            )
            self.ui.currentLabel.hide()
            self.ui.currentPassword.hide()
            ok.setText("Save and carry on")
            self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Sign out")
            self.ui.newPassword.setFocus()
        else:
            self.ui.currentPassword.setFocus()

    def save(self) -> None:
        ui = self.ui
        if not passwords_match(ui.newPassword, ui.newPasswordAgain, ui.problem):
            return
        current = self._current if self._current is not None else ui.currentPassword.text()
        try:
            authentication.change_password(
                self._context.db, self._context.actor, current, ui.newPassword.text()
            )
        except SignInRefused as exc:
            ui.currentPassword.clear()
            show_problem(ui.problem, exc)
            ui.currentPassword.setFocus()
            return
        except CareplanError as exc:
            show_problem(ui.problem, exc, {"password": ui.newPassword, "new": ui.newPassword})
            return
        for box in (ui.currentPassword, ui.newPassword, ui.newPasswordAgain):
            box.clear()
        self._current = None
        self.accept()


class SetPasswordDialog(QDialog):
    """An administrator gives someone a new password; they choose their own at next sign-in."""

    def __init__(
        self, context: SignedInStaff, staff_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._staff_id = staff_id
        self.ui = Ui_ChangePasswordDialog()
        self.ui.setupUi(self)
        make_heading(self.ui.heading, 1.3)
        self.setWindowTitle(f"A new password for {name}")
        self.ui.heading.setText(f"A new password for {name}")
        self.ui.intro.setText(
            f"Tell {name} this password in person. It also unlocks their account. "
            "They choose their own when they next sign in."
        )
        self.ui.currentLabel.hide()
        self.ui.currentPassword.hide()
        self.ui.newLabel.setText("&New password")
        self.ui.problem.hide()
        self.ui.rules.setText(authentication.PASSWORD_RULES)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Set this password")
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        roomy_buttons(self.ui.buttons)
        self.ui.newPassword.setFocus()

    def save(self) -> None:
        ui = self.ui
        if not passwords_match(ui.newPassword, ui.newPasswordAgain, ui.problem):
            return
        try:
            authentication.set_password(
                self._context.db, self._context.actor, self._staff_id, ui.newPassword.text()
            )
        except CareplanError as exc:
            show_problem(ui.problem, exc, {"password": ui.newPassword})
            return
        ui.newPassword.clear()
        ui.newPasswordAgain.clear()
        self.accept()
