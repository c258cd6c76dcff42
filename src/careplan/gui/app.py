"""Starting the desktop app: a screen check, a check of the system libraries Qt needs here, the
database, signing in, the window; signing out.

``Desktop`` walks through: set up the first administrator (a new database), or let an
administrator choose the first password (a database from before sign-in), or sign in; choose
an own password when the account must; the main window. Signing out (from the menu, or "Sign in
as someone else" on a locked screen) closes the window and shows the sign-in dialog again
without quitting. Every dialog is opened with ``open()``/``show()``, never a nested ``exec()``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from careplan.gui.display import display_problem
from careplan.gui.platform_libraries import platform_library_problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog

    from careplan.gui.main_window import MainWindow
    from careplan.services.authentication import SignedIn
    from careplan.services.opening import Database
    from careplan.services.signed_in import SignedInStaff

EXIT_NO_SCREEN = 2
EXIT_DATABASE = 3
# A system library Qt needs to show windows on this desktop is missing (instead of Qt's abort, 134).
EXIT_PLATFORM_LIBRARIES = 16


def run(database: str | None, username: str | None) -> int:
    problem = display_problem()
    if problem is not None:
        print(f"careplan: {problem}", file=sys.stderr)
        return EXIT_NO_SCREEN
    problem = platform_library_problem()
    if problem is not None:
        print(f"careplan: {problem}", file=sys.stderr)
        return EXIT_PLATFORM_LIBRARIES

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from careplan.domain.errors import CareplanError
    from careplan.gui.assets import icon
    from careplan.gui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app)
    app.setApplicationName("Careplan")
    app.setOrganizationName("Careplan")
    app.setWindowIcon(icon("careplan"))
    try:
        db = _open_database(database)
        if db is None:
            return 0
        desktop = Desktop(db, QSettings(), username=username)
        desktop.start()
    except CareplanError as exc:
        from careplan.gui.restore_offer import offer_restore  # a damaged file: offer the latest backup

        restored = offer_restore(database, exc.message)
        if restored is None:
            QMessageBox.critical(None, "Careplan cannot start", exc.message)
        elif restored:
            return run(database, username)
        return EXIT_DATABASE
    code = int(app.exec())
    db.dispose()  # close the connections kept open: the last one checkpoints the WAL into the file
    return code


def _open_database(database: str | None) -> Database | None:
    """The database, asking for the recovery passphrase only when its key is not available (or a
    new database needs one); None when the person cancels."""
    from careplan.gui.dialogs.unlock_database import open_or_unlock

    return open_or_unlock(database)


class Desktop:
    """Who is signed in, and which window or dialog is showing for them."""

    def __init__(
        self,
        db: Database,
        settings: QSettings,
        *,
        username: str | None = None,
        on_quit: Callable[[], None] | None = None,
    ) -> None:
        from PySide6.QtWidgets import QApplication

        from careplan.services.demo_facts import DEMO_PASSWORD
        from careplan.services.demo_marker import is_demo

        self.db = db
        self.settings = settings
        self.username = username
        self.demo = is_demo(db)
        self.demo_password: str | None = DEMO_PASSWORD if self.demo else None
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None  # the sign-in, set-up or choose-a-password dialog showing
        self.finished = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._on_quit = on_quit or app.quit
        # Closing the last window while someone signs out must not end the app: it ends on Quit.
        app.setQuitOnLastWindowClosed(False)

    def start(self) -> None:
        from careplan.services.authentication import needs_first_administrator, needs_first_password

        if needs_first_administrator(self.db):
            self.set_up()
        elif needs_first_password(self.db):  # a database from before sign-in
            self.first_password()
        else:
            self.sign_in()

    # the dialogs before the window -----------------------------------------------------------

    def set_up(self) -> None:
        from careplan.gui.dialogs.set_up import SetUpDialog

        dialog = SetUpDialog(self.db)
        dialog.setObjectName("setUpDialog")

        def set_up_done() -> None:
            if dialog.signed_in is not None:
                self.open_window(dialog.signed_in)

        self._show(dialog, set_up_done)

    def first_password(self) -> None:
        from careplan.gui.dialogs.first_password import FirstPasswordDialog

        dialog = FirstPasswordDialog(self.db)
        dialog.setObjectName("firstPasswordDialog")

        def chosen() -> None:
            if dialog.signed_in is not None:
                self.username = dialog.signed_in.username
                self.open_window(dialog.signed_in)

        self._show(dialog, chosen)

    def sign_in(self) -> None:
        from careplan.gui.dialogs.sign_in import SignInDialog

        dialog = SignInDialog(
            self.db, username=self.username, demo=self.demo, demo_password=self.demo_password
        )
        dialog.setObjectName("signInDialog")

        def signed_in() -> None:
            who = dialog.signed_in
            if who is None:
                return
            self.username = who.username
            if who.must_change_password:
                self.choose_password(who, dialog.password)
            else:
                self.open_window(who)
            dialog.password = ""

        self._show(dialog, signed_in)

    def staff(self, who: SignedIn) -> SignedInStaff:
        """The member of staff a sign-in (or set-up, or first password) let in, working here."""
        from careplan.services.signed_in import SignedInStaff

        return SignedInStaff.from_sign_in(self.db, who, demo=self.demo)

    def choose_password(self, who: SignedIn, current: str) -> None:
        from careplan.gui.dialogs.change_password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.staff(who), current_password=current)
        dialog.setObjectName("choosePasswordDialog")
        self._show(dialog, lambda: self.open_window(who), on_cancel=self.sign_in)

    def _show(self, dialog: QDialog, on_accept: object, on_cancel: object = None) -> None:
        from PySide6.QtWidgets import QDialog

        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                on_accept()  # type: ignore[operator]
            elif on_cancel is not None:
                on_cancel()  # type: ignore[operator]
            else:
                self.quit()

        dialog.finished.connect(finished)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    # the window ------------------------------------------------------------------------------

    def open_window(self, who: SignedIn) -> None:
        from careplan.gui.main_window import MainWindow

        context = self.staff(who)
        window = MainWindow(context, self.settings)
        window.sign_out_requested.connect(self.signed_out)
        window.closed.connect(self.quit)
        self.window = window
        window.show()
        window.raise_()
        window.activateWindow()
        from careplan.gui.backups.automatic import AutomaticBackup

        AutomaticBackup(window, context)  # the daily automatic backup, soon after sign-in

    def signed_out(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()
        self.sign_in()

    def quit(self) -> None:
        self.finished = True
        self._on_quit()
