"""A database from before sign-in: nobody has a password yet, so nobody could sign in. An
administrator picks their own name and chooses a password (only in that state: the service
refuses once anyone has one). Then they sign in as usual and give the team their passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.actor import Actor
from careplan.domain.errors import CareplanError
from careplan.gui.dialogs.problem_style import problem_line
from careplan.gui.widgets.password_forms import make_heading, passwords_match, show_problem
from careplan.services import authentication
from careplan.services.authentication import Administrator, SignedIn
from careplan.services.opening import Database

INTRO = (
    "This database was made before Careplan had passwords, so nobody can sign in yet. "
    "An administrator chooses their password now; then they give the rest of the team theirs "
    "(Staff, then Set password)."
)
NO_ADMINISTRATOR = (
    "There is no active administrator in this database, so nobody can choose the first password "
    "here. Ask whoever looks after Careplan for help."
)


class FirstPasswordDialog(QDialog):
    """Accepted once the administrator has a password; ``signed_in`` is them, signed in."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.signed_in: SignedIn | None = None
        self.administrators: list[Administrator] = authentication.administrators_without_password(db)
        self.setWindowTitle("Choose the first password")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        heading = QLabel("Choose the first password")
        make_heading(heading)
        layout.addWidget(heading)
        intro = QLabel(INTRO if self.administrators else NO_ADMINISTRATOR)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.administrator = QComboBox()
        self.administrator.setAccessibleName("Administrator")
        for admin in self.administrators:
            self.administrator.addItem(f"{admin.display_name} ({admin.username})", admin.staff_id)
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.password_again = QLineEdit()
        self.password_again.setAccessibleName("The same password again")
        for box in (self.password, self.password_again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
            box.setMaxLength(authentication.MAX_LENGTH)
        fields: tuple[tuple[str, QWidget], ...] = (
            ("&I am", self.administrator),
            ("&Password", self.password),
            ("The same &again", self.password_again),
        )
        for label, field in fields:
            field.setMinimumHeight(36)
            text = QLabel(label)
            text.setBuddy(field)
            form.addRow(text, field)
        layout.addLayout(form)
        rules = QLabel(authentication.PASSWORD_RULES)
        rules.setWordWrap(True)
        layout.addWidget(rules)
        self.problem = problem_line()
        layout.addWidget(self.problem)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton("Quit")
        self.quit_button.setAccessibleName("Quit")
        self.set_button = QPushButton("Set my password and sign in")
        self.set_button.setAccessibleName("Set my password and sign in")
        self.set_button.setDefault(True)
        for button in (self.quit_button, self.set_button):
            button.setMinimumHeight(40)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.quit_button.clicked.connect(self.reject)
        self.set_button.clicked.connect(self.set_first_password)
        for widget in (self.administrator, self.password, self.password_again, rules):
            widget.setEnabled(bool(self.administrators))
        self.set_button.setEnabled(bool(self.administrators))
        self.setTabOrder(self.administrator, self.password)
        self.setTabOrder(self.password, self.password_again)
        self.setTabOrder(self.password_again, self.set_button)
        self.setTabOrder(self.set_button, self.quit_button)
        (self.password if len(self.administrators) == 1 else self.administrator).setFocus()

    def set_first_password(self) -> None:
        staff_id = self.administrator.currentData()
        if staff_id is None or not passwords_match(self.password, self.password_again, self.problem):
            return
        try:
            self.signed_in = authentication.set_first_password(
                self._db, Actor(int(staff_id)), self.password.text()
            )
        except CareplanError as exc:
            show_problem(self.problem, exc, {"password": self.password})
            return
        finally:
            self.password_again.clear()
        self.password.clear()
        self.accept()
