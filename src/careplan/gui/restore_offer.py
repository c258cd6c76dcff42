"""At start-up, a damaged database file: say so plainly and offer to restore the latest backup.

Used by :mod:`careplan.gui.app` when opening the database fails. Only a damaged SQLite file gets
the offer (a busy, missing or read-only database is not mended by a backup). Restoring needs an
administrator, who signs in with their username and password:
:func:`careplan.services.backup.actor_for_restore` checks them against the backup's own staff
list (the damaged file cannot say who anyone is), and
:func:`careplan.services.backup.restore_database` checks that they are an administrator. A
refusal is shown as the service words it. The damaged file is kept beside the restored one,
never deleted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.errors import CareplanError

TITLE = "Careplan cannot start"


def damaged_database(database: str | None) -> Path | None:
    """The path of the database when it is an SQLite file that cannot be read whole, else None."""
    from careplan.services.backup import database_state
    from careplan.storage.database import resolve_target

    try:
        url = resolve_target(database)
        if url.get_backend_name() != "sqlite" or not url.database:
            return None
        path = Path(url.database)
        return path if database_state(path) == "damaged" else None
    except CareplanError:
        return None


def made_on(path: Path) -> str:
    moment = datetime.fromtimestamp(path.stat().st_mtime, UTC).astimezone()
    return moment.strftime("%A %d %B %Y at %H:%M")


def offer_box(
    message: str, database: Path, parent: QWidget | None = None
) -> tuple[QMessageBox, QPushButton | None]:
    """The error box: what is wrong, and (when there is a backup) a button to restore it."""
    from careplan.services.backup import backups_folder, latest_backup

    box = QMessageBox(QMessageBox.Icon.Critical, TITLE, message, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("restoreOffer")
    latest = latest_backup(database)
    restore: QPushButton | None = None
    if latest is None:
        box.setInformativeText(
            f"There is no backup of it in {backups_folder(database)}.\n"
            "Ask your administrator for the latest backup."
        )
    else:
        box.setInformativeText(
            f"The latest backup was made on {made_on(latest)}.\n"
            "An administrator can put it back now. Anything saved after it will be missing. "
            "The damaged file is kept, not deleted."
        )
        restore = box.addButton("Restore the latest backup", QMessageBox.ButtonRole.AcceptRole)
        restore.setAccessibleName("Restore the latest backup")
        box.setDefaultButton(restore)
    close = box.addButton("Close Careplan", QMessageBox.ButtonRole.RejectRole)
    close.setAccessibleName("Close Careplan")
    box.setEscapeButton(close)
    for button in box.buttons():
        button.setMinimumHeight(36)
    return box, restore


def show(box: QMessageBox) -> None:
    """Show the box and wait for a choice (replaced in tests)."""
    box.exec()


class AdministratorDialog(QDialog):
    """An administrator's username and password, to restore the backup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreSignInDialog")
        self.setWindowTitle("Restore the latest backup")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel("An administrator signs in to put the backup back.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setAccessibleName("Administrator's username")
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(1000)
        for label, field in (("&Username", self.username), ("&Password", self.password)):
            field.setMinimumHeight(36)
            text = QLabel(label)
            text.setBuddy(field)
            form.addRow(text, field)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8a1f11; font-weight: bold;")  # as on the sign-in dialog
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setAccessibleName("Restore")
        self.restore_button.setDefault(True)
        cancel = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName("Cancel")
        for button in (self.restore_button, cancel):
            button.setMinimumHeight(40)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setTabOrder(self.username, self.password)
        self.username.setFocus()

    def _check(self) -> None:
        if not self.username.text().strip():
            self.problem.setText("Please type the administrator's username.")
            self.problem.show()
            self.username.setFocus()
            return
        if not self.password.text():
            self.problem.setText("Please type their password.")
            self.problem.show()
            self.password.setFocus()
            return
        self.accept()

    def credentials(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()


def ask_administrator(parent: QWidget | None) -> tuple[str, str] | None:
    """An administrator's username and password, or None when they cancel (replaced in tests)."""
    dialog = AdministratorDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.credentials()
    finally:
        dialog.password.clear()
        dialog.deleteLater()


def offer_restore(database: str | None, message: str, parent: QWidget | None = None) -> bool | None:
    """None: not a damaged database (show the usual error). True: restored. False: not restored."""
    from careplan.services.backup import actor_for_restore, latest_backup, restore_database

    # Only a message about a damaged file is worth checking the whole file for.
    path = damaged_database(database) if "damaged" in message else None
    if path is None:
        return None
    box, restore = offer_box(message, path, parent)
    show(box)
    if restore is None or box.clickedButton() is not restore:
        return False
    latest = latest_backup(path)
    given = ask_administrator(parent)
    if latest is None or given is None:
        return False
    username, password = given
    try:
        actor = actor_for_restore(path, latest, username, password)
        restore_database(path, actor, latest)
    except CareplanError as exc:
        QMessageBox.critical(parent, "The backup was not restored", exc.message)
        return False
    QMessageBox.information(
        parent,
        "Backup restored",
        f"The backup from {made_on(latest)} is back in place, and Careplan will now start.\n"
        "Please check the records you worked on since then.",
    )
    return True
