"""The first run of a new database: set up the first administrator (form: ui/set_up.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from careplan.domain.errors import CareplanError
from careplan.gui.forms.ui_set_up import Ui_SetUpDialog
from careplan.gui.widgets.password_forms import make_heading, passwords_match, show_problem
from careplan.services import authentication
from careplan.services.authentication import SignedIn
from careplan.services.opening import Database


class SetUpDialog(QDialog):
    """Accepted once the administrator exists; ``signed_in`` is them, signed in."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.ui = Ui_SetUpDialog()
        self.ui.setupUi(self)
        make_heading(self.ui.heading)
        self.ui.problem.hide()
        self.ui.rules.setText(authentication.PASSWORD_RULES)
        self.signed_in: SignedIn | None = None
        self.ui.setUpButton.clicked.connect(self.set_up)
        self.ui.quitButton.clicked.connect(self.reject)
        self.ui.displayName.setFocus()

    def set_up(self) -> None:
        ui = self.ui
        if not passwords_match(ui.password, ui.passwordAgain, ui.problem):
            return
        try:
            self.signed_in = authentication.create_first_administrator(
                self._db, ui.username.text(), ui.displayName.text(), ui.password.text()
            )
        except CareplanError as exc:
            show_problem(
                ui.problem,
                exc,
                {"username": ui.username, "display_name": ui.displayName, "password": ui.password},
            )
            return
        ui.password.clear()
        ui.passwordAgain.clear()
        self.accept()
