"""“Locked out?” from the sign-in dialog: what ends a lock, and an administrator's way back.

Everyone is told that a lock after wrong passwords ends by itself and that an administrator can
lift it sooner. An administrator whom no other administrator can help (every one locked out, or
the only one forgot their password) uses the database's recovery passphrase here, and may choose
a new password at the same time. On PostgreSQL there is no recovery passphrase: the dialog names
the command that whoever looks after the database server runs.

The dialog knows no database: it is given what proves authority there and a function that
unlocks (bound to the database by the sign-in dialog).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.errors import CareplanError, InvalidInput
from careplan.gui.dialogs.problem_style import problem_line
from careplan.gui.widgets.password_forms import make_heading, passwords_match, show_problem
from careplan.services import authentication
from careplan.services.administrator_recovery import RECOVERY_PASSPHRASE, Recovered

Unlock = Callable[[str, str, str | None], Recovered]
"""(administrator's username, recovery passphrase, new password or None) -> who was unlocked."""

EVERYONE = (
    "After too many wrong passwords an account is locked for a while: the message says how long. "
    "An administrator can unlock it sooner (Staff, then Unlock), and can give a new password to "
    "anyone who forgot theirs."
)
BY_PASSPHRASE = (
    "An administrator whom no other administrator can help: the database's recovery passphrase (set "
    "when the database was made) unlocks your account. You can choose a new password too, or leave "
    "those boxes empty to keep yours."
)
BY_SERVER = (
    "An administrator whom no other administrator can help: this database is on a database server, "
    "so whoever looks after that server unlocks you, with the command "
    "“careplan --database ADDRESS staff unlock USERNAME --by-database-login”."
)


class LockedOutDialog(QDialog):
    """Accepted once an administrator is unlocked; ``recovered`` says who."""

    def __init__(
        self, proof: str, unlock: Unlock, *, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockedOutDialog")
        self.setWindowTitle("Locked out?")
        self.setMinimumWidth(480)
        self._unlock = unlock
        self.recovered: Recovered | None = None
        by_passphrase = proof == RECOVERY_PASSPHRASE
        layout = QVBoxLayout(self)
        heading = QLabel("Locked out?")
        make_heading(heading)
        layout.addWidget(heading)
        for text in (EVERYONE, BY_PASSPHRASE if by_passphrase else BY_SERVER):
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)

        self.username = QLineEdit(username.strip())
        self.username.setAccessibleName("Administrator's username")
        self.passphrase = QLineEdit()
        self.passphrase.setAccessibleName("Recovery passphrase")
        self.new_password = QLineEdit()
        self.new_password.setAccessibleName("New password (optional)")
        self.new_password_again = QLineEdit()
        self.new_password_again.setAccessibleName("The same new password again")
        for box in (self.passphrase, self.new_password, self.new_password_again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
            box.setMaxLength(authentication.MAX_LENGTH)
        form = QFormLayout()
        fields: tuple[tuple[str, QWidget], ...] = (
            ("Administrator's &username", self.username),
            ("&Recovery passphrase", self.passphrase),
            ("&New password (optional)", self.new_password),
            ("The same &again", self.new_password_again),
        )
        for label_text, field in fields:
            field.setMinimumHeight(36)
            label = QLabel(label_text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.form = QWidget()
        self.form.setLayout(form)
        self.form.setVisible(by_passphrase)
        layout.addWidget(self.form)
        self.problem = problem_line()
        layout.addWidget(self.problem)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton("Close")
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setVisible(by_passphrase)
        for button in (self.close_button, self.unlock_button):
            button.setAccessibleName(button.text())
            button.setMinimumHeight(40)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.reject)
        self.unlock_button.clicked.connect(self.unlock)
        (self.passphrase if self.username.text() else self.username).setFocus()

    def unlock(self) -> None:
        username = self.username.text().strip()
        if not username:
            show_problem(self.problem, "Please type the administrator's username.")
            self.username.setFocus()
            return
        if not passwords_match(self.new_password, self.new_password_again, self.problem):
            return
        new = self.new_password.text() or None
        try:
            self.recovered = self._unlock(username, self.passphrase.text(), new)
        except InvalidInput as exc:  # the new password does not follow the rules
            show_problem(self.problem, exc, {"password": self.new_password})
            return
        except CareplanError as exc:
            self.passphrase.clear()
            show_problem(self.problem, exc)
            self.passphrase.setFocus()
            return
        for box in (self.passphrase, self.new_password, self.new_password_again):
            box.clear()
        self.accept()
