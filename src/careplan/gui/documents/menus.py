"""File > Verify an agreement… (everyone) and File > Signing certificate… (managers and
administrators). Added by :func:`careplan.gui.wiring.add_pages`, before File > Quit."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from careplan.domain.permissions import Action
from careplan.gui.context import AppContext
from careplan.gui.main_window import MainWindow


class DocumentMenus:
    """The two actions and the dialogs they open (kept here so tests can reach them)."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        self.window = window
        self.context = context
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
        dialog.accepted.connect(lambda: self.window.show_saved("The signing certificate is ready"))
        dialog.finished.connect(lambda _result: self._closed("certificate_dialog", dialog))
        dialog.open()

    def _closed(self, name: str, dialog: object) -> None:
        if getattr(self, name) is dialog:
            setattr(self, name, None)
        dialog.deleteLater()  # type: ignore[attr-defined]


def _file_menu(window: MainWindow) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == "File":
            return menu
    return None


def add_document_menus(window: MainWindow, context: AppContext) -> DocumentMenus:
    menus = DocumentMenus(window, context)
    file_menu = _file_menu(window)
    if file_menu is not None:
        # With the other work (New person, Staff), before the sign-in group (password, lock, sign out).
        anchor = window.change_password_action
        file_menu.insertAction(anchor, menus.verify_action)
        file_menu.insertAction(anchor, menus.certificate_action)
        file_menu.insertSeparator(anchor)
    window.document_menus = menus  # type: ignore[attr-defined]  # kept alive with the window
    return menus
