"""Starting the desktop app: a screen check, the database, who is at the keyboard, the window."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from careplan.gui.display import display_problem

if TYPE_CHECKING:
    from careplan.storage.database import Database


def run(database: str | None, username: str | None) -> int:
    problem = display_problem()
    if problem is not None:
        print(f"careplan: {problem}", file=sys.stderr)
        return 2

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from careplan.domain.enums import Role
    from careplan.domain.errors import CareplanError
    from careplan.gui.assets import icon
    from careplan.gui.context import AppContext
    from careplan.gui.dialogs.choose_staff import choose_staff
    from careplan.gui.main_window import MainWindow
    from careplan.gui.wiring import add_pages

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Careplan")
    app.setOrganizationName("Careplan")
    app.setWindowIcon(icon("careplan"))
    try:
        db = _open_database(database)
        if db is None:
            return 0
        staff = choose_staff(db, username)
    except CareplanError as exc:
        from careplan.gui.restore_offer import offer_restore  # a damaged file: offer the latest backup

        restored = offer_restore(database, exc.message)
        if restored is None:
            QMessageBox.critical(None, "Careplan cannot start", exc.message)
        elif restored:
            return run(database, username)
        return 3
    if staff is None:
        return 0
    context = AppContext(db=db, actor=staff.actor, staff_name=staff.name, role=Role(staff.role))
    window = MainWindow(context, QSettings())
    add_pages(window, context)
    window.show()
    return int(app.exec())


def _open_database(database: str | None) -> Database | None:
    """The database, asking for the recovery passphrase only when its key is not available (or a
    new database needs one); None when the person cancels."""
    from careplan.gui.dialogs.unlock_database import open_or_unlock

    return open_or_unlock(database)
