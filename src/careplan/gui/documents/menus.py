"""File > Verify an agreement… (everyone) and File > Signing certificate… (managers and
administrators): the two actions and the dialogs they open. The main window puts the actions in
its File menu, before the sign-in group (password, lock, sign out)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

from careplan.domain.permissions import Action
from careplan.services.signed_in import SignedInStaff


class DocumentMenus:
    """The two actions and the dialogs they open (kept here so tests can reach them)."""

    def __init__(
        self, window: QMainWindow, context: SignedInStaff, show_saved: Callable[[str], None]
    ) -> None:
        self.window = window
        self.context = context
        self._show_saved = show_saved
        self.verify_dialog: QDialog | None = None
        self.certificate_dialog: QDialog | None = None
        self.verify_action = QAction("&Verify an agreement…", window)
        self.verify_action.setObjectName("verifyAgreementAction")
        self.verify_action.setStatusTip("Check that an agreement PDF is genuine and unchanged")
        self.verify_action.triggered.connect(self.open_verify)
        self.certificate_action = QAction("Signing &certificate…", window)
        self.certificate_action.setObjectName("signingCertificateAction")
        self.certificate_action.setStatusTip("The certificate that signs the service's agreements")
        self.certificate_action.triggered.connect(self.open_certificate)
        self.certificate_action.setVisible(context.may(Action.MANAGE_SIGNING_CERTIFICATE))

    def open_verify(self) -> None:
        # Imported when first opened: with the certificate's, this dialog brings cryptography's
        # x509 and OpenSSL, about 80 ms of start-up otherwise (tests/gui/test_startup_imports.py).
        from careplan.gui.dialogs.verify_dialog import VerifyDialog

        if self.verify_dialog is not None:
            self.verify_dialog.raise_()
            self.verify_dialog.activateWindow()
            return
        dialog = VerifyDialog(self.context, self.window)
        self.verify_dialog = dialog
        dialog.finished.connect(lambda _result: self._closed("verify_dialog", dialog))
        dialog.show()

    def open_certificate(self) -> None:
        # Imported when first opened, as the verify dialog is (tests/gui/test_startup_imports.py).
        from careplan.gui.dialogs.certificate_dialog import CertificateDialog

        if self.certificate_dialog is not None:
            return
        dialog = CertificateDialog(self.context, self.window)
        self.certificate_dialog = dialog
        dialog.accepted.connect(lambda: self._show_saved("The signing certificate is ready"))
        dialog.finished.connect(lambda _result: self._closed("certificate_dialog", dialog))
        dialog.open()

    def _closed(self, name: str, dialog: QDialog) -> None:
        if getattr(self, name) is dialog:
            setattr(self, name, None)
        dialog.deleteLater()
