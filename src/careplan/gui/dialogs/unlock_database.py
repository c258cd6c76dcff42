"""The recovery passphrase: opening a database whose key the keyring cannot give, or choosing one
for a new database. The form is ui/unlock_database.ui.

:func:`open_or_unlock` asks the opening service (:mod:`careplan.services.opening`) for the
database and shows this dialog only when the service says the database's key is not available
(:class:`~careplan.services.opening.NeedsRecoveryPassphrase`) or a new database needs a recovery
passphrase (:class:`~careplan.services.opening.NeedsNewPassphrase`). Nothing is ever opened
without the key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton, QWidget

from careplan.domain.errors import CareplanError, InvalidInput
from careplan.gui.forms.ui_unlock_database import Ui_UnlockDatabaseDialog
from careplan.services import opening
from careplan.services.opening import MIN_PASSPHRASE_LENGTH, Database, check_new_passphrase

Attempt = Callable[[str], Database]
EMPTY = "Type the recovery passphrase first."


class PassphraseForm(QDialog):
    """The recovery-passphrase form (ui/unlock_database.ui): why it is asked, the passphrase, and a
    problem line under it. Subclasses choose what the form says and what trying a passphrase does
    (they connect the OK button)."""

    empty = EMPTY  # what the problem line says when OK is pressed with nothing typed

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockDatabaseDialog()
        self.ui.setupUi(self)
        self.ui.reason.setText(reason)
        self.ui.problem.hide()
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.passphrase.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _show_problem(self, message: str) -> None:
        self.ui.problem.setText(message)
        self.ui.problem.show()
        self.adjustSize()
        self.ui.passphrase.setFocus()
        self.ui.passphrase.selectAll()

    def _typed(self) -> str | None:
        """The passphrase typed, or None (and says so) when nothing was."""
        passphrase = self.ui.passphrase.text()
        if not passphrase:
            self._show_problem(self.empty)
            return None
        return passphrase


NO_KEYRING = (
    "There is no keyring on this computer, so the recovery passphrase is needed each time the "
    "database is opened."
)


class UnlockDatabaseDialog(PassphraseForm):
    """Asks for the recovery passphrase (``creating``: asks for a new one, twice) and tries it with
    ``attempt``; a refusal shows in the dialog, which stays open with what was typed.

    ``keyring``: False on a computer with no keyring at all; then "keep the key in this computer's
    keyring" is not offered, and the dialog says why the passphrase will be needed each time."""

    def __init__(
        self,
        reason: str,
        attempt: Attempt,
        *,
        creating: bool = False,
        keyring: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(reason, parent)
        self._attempt = attempt
        self._creating = creating
        self._keyring = keyring
        self.database: Database | None = None
        ui = self.ui
        ok = self.ok_button
        if creating:
            self.setWindowTitle("Choose a recovery passphrase")
            ui.intro.setText(
                "The recovery passphrase opens the database if this computer's keyring ever loses its "
                f"key. Use at least {MIN_PASSPHRASE_LENGTH} characters: a few ordinary words are "
                "best. Write it down and keep it somewhere safe, away from this computer."
            )
            ui.remember.hide()
            ok.setText("&Create the database")
        else:
            ui.confirmLabel.hide()
            ui.confirm.hide()
            ok.setText("&Open")
            if not keyring:
                ui.remember.setChecked(False)
                ui.remember.hide()
                ui.intro.setText(f"{ui.intro.text()} {NO_KEYRING}")
        ui.buttons.accepted.connect(self._try)
        self.adjustSize()

    @property
    def remember_key(self) -> bool:
        return not self._creating and self._keyring and self.ui.remember.isChecked()

    def _try(self) -> None:
        passphrase = self._typed()
        if passphrase is None:
            return
        if self._creating:
            try:
                check_new_passphrase(passphrase)
            except InvalidInput as exc:
                self._show_problem(exc.message)
                return
            if self.ui.confirm.text() != passphrase:
                self._show_problem("The two passphrases are not the same. Please type them again.")
                self.ui.confirm.clear()
                return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.database = self._attempt(passphrase)
        except CareplanError as exc:
            self._show_problem(exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


def open_or_unlock(target: str | None, parent: QWidget | None = None) -> Database | None:
    """The database at ``target``, asking for the recovery passphrase only when it is needed.

    None when the person cancels. Other failures come out as :class:`CareplanError`.
    """
    state = opening.open_record(target)
    if isinstance(state, opening.Opened):
        return state.db
    keyring = True
    if isinstance(state, opening.NeedsNewPassphrase):
        creating = True
    else:
        creating = False
        # No keyring at all (or one that keeps nothing): nothing to offer to keep the key in.
        keyring = state.may_keep_key()

    def attempt(passphrase: str) -> Database:
        return opening.opened(opening.open_record(target, recovery_passphrase=passphrase))

    dialog = UnlockDatabaseDialog(state.message, attempt, creating=creating, keyring=keyring, parent=parent)
    if not dialog.exec() or dialog.database is None:
        return None
    db = dialog.database
    if creating and not db.key_in_keyring:
        QMessageBox.information(
            parent,
            "The key is kept only with the passphrase",
            "This computer's keyring could not keep the database key, so the recovery passphrase "
            "will be needed each time Careplan opens the database.",
        )
    if dialog.remember_key and not db.key_in_keyring:
        kept = opening.keep_key(db)
        if isinstance(kept, opening.KeyStaysOut):
            QMessageBox.information(
                parent,
                "The key stays out of the keyring",
                f"{kept.message} The database is open, and the recovery passphrase will be needed next time.",
            )
    return db
