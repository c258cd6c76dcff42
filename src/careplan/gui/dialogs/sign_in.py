"""Signing in: the form is ui/sign_in.ui; the behaviour is here.

Enter signs in. A refusal is shown as the service words it; after too many wrong passwords the
button stays off while a countdown says when to try again. A demo database says so, and lists
its demo accounts (only a demo database: a real one never hints at who works there). “Locked
out?” says what ends a lock, and is an administrator's way back (:mod:`.locked_out`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from careplan.domain.errors import CareplanError, SignInRefused
from careplan.gui.dialogs.locked_out import LockedOutDialog
from careplan.gui.forms.ui_sign_in import Ui_SignInDialog
from careplan.gui.widgets.password_forms import (
    CapsLockHint,
    RetryWait,
    first_sentence,
    make_heading,
    show_problem,
)
from careplan.services import administrator_recovery, authentication
from careplan.services.authentication import SignedIn
from careplan.services.demo_facts import DEMO_ACCOUNTS
from careplan.services.opening import Database


def demo_note(password: str | None) -> str:
    accounts = ", ".join(f"{a.username} ({a.role.label})" for a in DEMO_ACCOUNTS)
    note = f"Demo data: everyone in this database is invented. Demo accounts: {accounts}."
    if password:
        note += f" Their password is “{password}”."
    return note


class SignInDialog(QDialog):
    """``signed_in`` holds who signed in once the dialog is accepted; ``password`` what they typed
    (kept only so that a must-change-password step need not ask for it again)."""

    def __init__(
        self,
        db: Database,
        *,
        username: str | None = None,
        demo: bool = False,
        demo_password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        make_heading(self.ui.heading)
        self.ui.problem.hide()
        self.ui.demoNote.setVisible(demo)
        self.ui.demoNote.setText(demo_note(demo_password))
        self.caps_lock = CapsLockHint(self.ui.password, self.ui.capsLock)
        self.wait = RetryWait(self.ui.problem, self.ui.signInButton, self)
        self.signed_in: SignedIn | None = None
        self.password = ""
        self.ui.signInButton.clicked.connect(self.sign_in)
        self.ui.quitButton.clicked.connect(self.reject)
        self.ui.lockedOutButton.clicked.connect(self.locked_out)
        if username:
            self.ui.username.setText(username.strip())
            self.ui.password.setFocus()
        else:
            self.ui.username.setFocus()

    def sign_in(self) -> None:
        if self.wait.waiting:
            return
        ui = self.ui
        username = ui.username.text().strip()
        if not username:
            show_problem(ui.problem, "Please type your username.")
            ui.username.setFocus()
            return
        password = ui.password.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            signed_in = authentication.sign_in(self._db, username, password)
        except SignInRefused as exc:
            self._refused(exc)
            return
        except CareplanError as exc:
            show_problem(ui.problem, exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.signed_in = signed_in
        self.password = password
        ui.password.clear()
        self.accept()

    def locked_out(self) -> None:
        db = self._db

        def unlock(username: str, passphrase: str, new: str | None) -> administrator_recovery.Recovered:
            return administrator_recovery.unlock_by_recovery_passphrase(
                db, username, passphrase, new_password=new, must_change=False
            )

        dialog = LockedOutDialog(
            administrator_recovery.proof_needed(db), unlock, username=self.ui.username.text(), parent=self
        )
        dialog.accepted.connect(lambda: self._unlocked(dialog.recovered))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _unlocked(self, done: administrator_recovery.Recovered | None) -> None:
        if done is None:
            return
        self.wait.stop()
        self.ui.username.setText(done.username)
        show_problem(self.ui.problem, f"{done.display_name} can sign in again.")
        self.ui.password.clear()
        self.ui.password.setFocus()

    def _refused(self, exc: SignInRefused) -> None:
        ui = self.ui
        ui.password.clear()
        ui.password.setFocus()
        if exc.retry_after_seconds:
            self.wait.start(exc.retry_after_seconds, first_sentence(exc.message))
        else:
            show_problem(ui.problem, exc)
