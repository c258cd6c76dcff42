"""At start-up, a damaged database file: say so plainly and offer to restore the latest backup.

Used by :mod:`careplan.gui.app` when opening the database fails. Only a damaged SQLite file gets
the offer (:func:`careplan.services.opening.restore_offer`: a busy, missing or read-only database
is not mended by a backup). Restoring needs an
administrator, who signs in with their username and password:
:func:`careplan.services.restore.actor_for_restore` checks them against the backup's own staff
list (the damaged file cannot say who anyone is), and
:func:`careplan.services.restore.restore_database` checks that they are an administrator. A
refusal is shown as the service words it. The damaged file is kept beside the restored one,
never deleted.

When this computer's keyring does not hold the backup's key (it was made on another computer),
the backup's recovery passphrase is asked for first, as ``careplan restore`` asks at the
terminal: a wrong one is said so in the same dialog (ask again, nothing changed), cancelling
changes nothing.

A backup made before Careplan had passwords cannot sign anyone in, so no sign-in is asked for:
whoever knows its recovery passphrase may restore it instead (typed once, even when this keyring
has its key: :func:`careplan.services.restore.restore_by_recovery_passphrase`), and Careplan then
starts on "Choose the first password".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
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
from careplan.domain.wording.dates import day_date_and_time
from careplan.gui.dialogs.unlock_database import PassphraseForm
from careplan.services.opening import (
    DatabaseLocked,
    OfferRestore,
    WrongRecoveryPassphrase,
    damaged_database,
    restore_offer,
)

if TYPE_CHECKING:
    from careplan.services.restore import RestoreResult

__all__ = ["damaged_database", "offer_restore"]

TITLE = "Careplan cannot start"
NOT_RESTORED = "The backup was not restored"


WRONG_BACKUP_PASSPHRASE = (
    "That recovery passphrase does not open this backup. Nothing was changed. Please try again."
)


def made_on(path: Path) -> str:
    moment = datetime.fromtimestamp(path.stat().st_mtime, UTC).astimezone()
    return day_date_and_time(moment)


def offer_box(
    message: str, offer: OfferRestore, parent: QWidget | None = None
) -> tuple[QMessageBox, QPushButton | None]:
    """The error box: what is wrong, and (when there is a backup) a button to restore it."""
    box = QMessageBox(QMessageBox.Icon.Critical, TITLE, message, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("restoreOffer")
    latest = offer.latest
    restore: QPushButton | None = None
    if latest is None:
        box.setInformativeText(
            f"There is no backup of it in {offer.folder}.\nAsk your administrator for the latest backup."
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


def ask(dialog: QDialog) -> int:
    """Show a dialog and wait until it is finished (replaced in tests)."""
    return dialog.exec()


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
        self.problem.setProperty("role", "problem")  # as on the sign-in dialog
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


Attempt = Callable[[str], object]


class BackupPassphraseDialog(PassphraseForm):
    """The backup's recovery passphrase (form: ui/unlock_database.ui), tried with ``attempt``.

    A wrong passphrase is said in the dialog, which stays open (nothing was changed). Any other
    refusal ends the dialog (``failure``); so does Cancel, with nothing changed."""

    def __init__(
        self, reason: str, attempt: Attempt, parent: QWidget | None = None, *, button: str = "&Restore"
    ) -> None:
        super().__init__(reason, parent)
        self._attempt = attempt
        self.outcome: object = None  # what ``attempt`` returned (None: cancelled or refused)
        self.failure: CareplanError | None = None
        self.passphrase = ""  # the one that worked
        self.setObjectName("backupPassphraseDialog")
        ui = self.ui
        self.setWindowTitle("Recovery passphrase of the backup")
        ui.intro.setText(
            "Type the recovery passphrase of the database the backup was made from. "
            "Nothing changes until the backup is back in place."
        )
        ui.passphrase.setAccessibleName("Recovery passphrase of the backup")
        for hidden in (ui.confirmLabel, ui.confirm, ui.remember):
            hidden.hide()
        ok = self.ok_button
        ok.setText(button)
        ok.setAccessibleName(button.replace("&", ""))
        for each in ui.buttons.buttons():
            each.setMinimumHeight(40)
        ui.buttons.accepted.connect(self._try)
        self.adjustSize()

    def _try(self) -> None:
        passphrase = self._typed()
        if passphrase is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.outcome = self._attempt(passphrase)
        except WrongRecoveryPassphrase:
            self._show_problem(WRONG_BACKUP_PASSPHRASE)
            return
        except CareplanError as exc:
            self.failure = exc
            self.passphrase = passphrase if not isinstance(exc, DatabaseLocked) else ""
            self.reject()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase = passphrase
        self.accept()


def ask_backup_passphrase(
    reason: str, attempt: Attempt, parent: QWidget | None, *, button: str = "&Restore"
) -> BackupPassphraseDialog:
    """Ask for the backup's recovery passphrase until it works or the person cancels."""
    dialog = BackupPassphraseDialog(reason, attempt, parent, button=button)
    try:
        ask(dialog)
    finally:
        dialog.ui.passphrase.clear()
        dialog.deleteLater()
    return dialog


def offer_restore(database: str | None, message: str, parent: QWidget | None = None) -> bool | None:
    """None: not a damaged database (show the usual error). True: restored. False: not restored."""
    from careplan.services.backup import latest_backup
    from careplan.services.restore import (
        BackupWithoutPasswords,
        actor_for_restore,
        backup_has_passwords,
        restore_database,
    )

    offer = restore_offer(database, message)
    if offer is None:
        return None
    path = offer.database
    box, restore = offer_box(message, offer, parent)
    show(box)
    if restore is None or box.clickedButton() is not restore:
        return False
    latest = latest_backup(path)
    if latest is None:
        return False
    typed = ""  # the backup's recovery passphrase, once typed (and it opened the backup)
    try:
        try:
            with_passwords = backup_has_passwords(path, latest)
        except DatabaseLocked as exc:
            if exc.path not in (None, latest):
                raise
            # This keyring has not got the backup's key: its recovery passphrase opens it.
            reason = (
                f"This computer cannot open the backup from {made_on(latest)} by itself: its keyring "
                "has not got the backup's key (the backup was made on another computer, perhaps)."
            )
            dialog = ask_backup_passphrase(
                reason,
                lambda passphrase: backup_has_passwords(path, latest, backup_passphrase=passphrase),
                parent,
                button="&Continue",
            )
            if dialog.failure is not None:
                raise dialog.failure from None
            if dialog.outcome is None:
                return False  # cancelled: nothing was changed
            with_passwords, typed = bool(dialog.outcome), dialog.passphrase
        if with_passwords:
            given = ask_administrator(parent)
            if given is None:
                return False
            actor = actor_for_restore(path, latest, *given, backup_passphrase=typed or None)
            restore_database(path, actor, latest, backup_passphrase=typed or None)
    except BackupWithoutPasswords:
        with_passwords = False
    except CareplanError as exc:
        QMessageBox.critical(parent, NOT_RESTORED, exc.message)
        return False
    if not with_passwords:
        why = (
            f"The backup from {made_on(latest)} was made before Careplan had passwords, so nobody "
            "can sign in to restore it. Whoever knows its recovery passphrase can restore it instead."
        )
        if not _restore_without_passwords(path, latest, why, typed, parent):
            return False
        QMessageBox.information(
            parent,
            "Backup restored",
            f"The backup from {made_on(latest)} is back in place.\n"
            "It was made before Careplan had passwords, so an administrator now chooses the first "
            "password, and Careplan will then start.",
        )
        return True
    QMessageBox.information(
        parent,
        "Backup restored",
        f"The backup from {made_on(latest)} is back in place, and Careplan will now start.\n"
        "Please check the records you worked on since then.",
    )
    return True


def _restore_without_passwords(
    path: Path, latest: Path, why: str, typed: str, parent: QWidget | None
) -> bool:
    """Nobody can sign in against the backup: its recovery passphrase shows who may restore it."""
    from careplan.services.restore import restore_by_recovery_passphrase

    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Restore the latest backup",
        why,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("withoutPasswordsOffer")
    box.setInformativeText(
        "Nothing changes until the backup is back in place. Afterwards an administrator "
        "chooses the first password."
    )
    go = box.addButton("Restore with the recovery passphrase", QMessageBox.ButtonRole.AcceptRole)
    go.setAccessibleName("Restore with the recovery passphrase")
    box.setDefaultButton(go)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    cancel.setAccessibleName("Cancel")
    box.setEscapeButton(cancel)
    for button in box.buttons():
        button.setMinimumHeight(36)
    show(box)
    if box.clickedButton() is not go:
        return False

    def attempt(passphrase: str) -> RestoreResult:
        return restore_by_recovery_passphrase(path, latest, passphrase)

    try:
        if typed:  # already typed (and it opened the backup): not asked twice
            try:
                attempt(typed)
                return True
            except DatabaseLocked:
                pass
        dialog = ask_backup_passphrase(
            "The backup's recovery passphrase stands in for an administrator's password.", attempt, parent
        )
        if dialog.failure is not None:
            raise dialog.failure
    except CareplanError as exc:
        QMessageBox.critical(parent, NOT_RESTORED, exc.message)
        return False
    return dialog.outcome is not None
