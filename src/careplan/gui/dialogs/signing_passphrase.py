"""Asking for the signing certificate's passphrase on a computer that has no keyring.

The form is the passphrase form of ui/unlock_database.ui (:class:`PassphraseForm`): why it is asked
(one sentence: there is no keyring, so the passphrase is needed each time), the passphrase, and a
problem line. There is no "keep it in the keyring" choice: there is no keyring to keep it in. A
wrong passphrase is said in the dialog, which stays open; nothing is signed until it opens the
certificate. The passphrase is handed to ``attempt`` and not kept (only the opened certificate is,
in memory, until the person signs out).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from careplan.domain.errors import CareplanError
from careplan.gui.dialogs.unlock_database import PassphraseForm

INTRO = (
    "Type the passphrase of the service's signing certificate to sign. Careplan asks again after "
    "you sign out, and never writes it down."
)


def demo_hint(passphrase: str) -> str:
    return f"This is demo data: the demo certificate's passphrase is “{passphrase}”."


class SigningPassphraseDialog(PassphraseForm):
    """``accepted`` once ``attempt`` has opened the certificate with the passphrase typed.

    ``demo_passphrase``: shown as a hint, only for the demo certificate of a demo database.
    """

    empty = "Type the passphrase first."

    def __init__(
        self,
        reason: str,
        attempt: Callable[[str], object],
        *,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(reason, parent)
        self._attempt = attempt
        self.setObjectName("signingPassphraseDialog")
        self.setWindowTitle("Passphrase of the signing certificate")
        ui = self.ui
        ui.intro.setText(INTRO if demo_passphrase is None else f"{INTRO} {demo_hint(demo_passphrase)}")
        ui.passphraseLabel.setText("&Passphrase")
        ui.passphrase.setAccessibleName("Passphrase of the signing certificate")
        for hidden in (ui.confirmLabel, ui.confirm, ui.remember):
            hidden.hide()
        ok = self.ok_button
        ok.setText("&Sign")
        ok.setAccessibleName("Sign")
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
            self._attempt(passphrase)
        except CareplanError as exc:
            self._show_problem(exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.ui.passphrase.clear()
        self.accept()
