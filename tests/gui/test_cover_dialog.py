"""Cover for a colleague, by keyboard: a reason is required, a length is chosen, Enter covers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.gui.dialogs.cover_dialog import CoverDialog
from careplan.services import covering, workspace
from careplan.services.covering import Standing
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.worlds import add_member, build_world


def test_cover_dialog_by_keyboard(qtbot: QtBot, sqlite_db: Database) -> None:
    world = build_world(sqlite_db)
    kim = add_member(sqlite_db, world.team, "kim", Role.KEY_WORKER)
    dialog = CoverDialog(SignedInStaff(sqlite_db, kim, "Kim", Role.KEY_WORKER), world.person_id, "Dee")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.reason

    # Enter with no reason: refused beside the field, nothing covered, the dialog stays.
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.length, Qt.Key.Key_Return)  # Enter: the default button, "Cover and open"
    assert dialog.problem.isVisible()
    assert dialog.result() == 0
    assert covering.record_standing(sqlite_db, kim, world.person_id).standing is Standing.OUTSIDE

    assert dialog.focusWidget() is dialog.reason  # back where the problem is
    qtbot.keyClicks(dialog.reason, "Covering for Sam, who is off today")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # Tab leaves the reason for the length
    assert dialog.focusWidget() is dialog.length
    qtbot.keyClick(dialog.length, Qt.Key.Key_Down)  # 2 hours
    assert dialog.length.currentData() == 2
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.length, Qt.Key.Key_Return)
    standing = covering.record_standing(sqlite_db, kim, world.person_id)
    assert standing.standing is Standing.COVERING
    workspace.open_person(sqlite_db, kim, world.person_id)


def test_escape_covers_nobody(qtbot: QtBot, sqlite_db: Database) -> None:
    world = build_world(sqlite_db)
    kim = add_member(sqlite_db, world.team, "kim", Role.KEY_WORKER)
    dialog = CoverDialog(SignedInStaff(sqlite_db, kim, "Kim", Role.KEY_WORKER), world.person_id, "Dee")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.reason, "Changed my mind")
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert covering.record_standing(sqlite_db, kim, world.person_id).standing is Standing.OUTSIDE
