"""The Manager's desk window, driven as a manager would (tests/services/desk_world.py's world):
opened from the menu by its shortcut, approving a plan by keyboard through the summary and the one
question, opening a record from a queue, exporting the totals; and never there for a key worker."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.gui.desk.window import DeskWindow
from careplan.gui.main_window import MainWindow
from careplan.services.desk import desk_view
from careplan.services.signed_in import SignedInStaff
from careplan.services.spending import SpendingInput, record_spending
from careplan.storage import Database
from careplan.storage.backup_folder import backups_folder
from tests.gui.test_plan_page import answer_next_box
from tests.gui.test_tab_leaves_tables import assert_tab_leaves, views_on_screen
from tests.services.desk_world import desk_world
from tests.worlds import STAFF_NAMES, World, utc_today


@pytest.fixture
def world(sqlite_db: Database) -> World:
    return desk_world(sqlite_db)


def main_window(qtbot: QtBot, world: World, role: Role, tmp_path: Path) -> MainWindow:
    context = SignedInStaff(world.db, world.team.as_role(role), STAFF_NAMES[role], role)
    window = MainWindow(context, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def desk(qtbot: QtBot, world: World, tmp_path: Path) -> Iterator[tuple[MainWindow, DeskWindow]]:
    window = main_window(qtbot, world, Role.MANAGER, tmp_path)
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.desk_window is not None and window.desk_window.isVisible())
    assert window.desk_window is not None
    assert isinstance(window.desk_window, DeskWindow)
    desk_window = window.desk_window
    qtbot.waitUntil(lambda: desk_window.view is not None and desk_window.job is None)  # read
    yield window, desk_window
    if window.desk_window is not None:
        window.desk_window.close()


def waiting_for_approval(world: World, name: str) -> bool:
    view = desk_view(world.db, world.team.manager)
    return world.plans[name].version_id in {row.version_id for row in view.to_approve}


def press(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def test_a_manager_approves_by_keyboard_through_the_summary(
    qtbot: QtBot, world: World, desk: tuple[MainWindow, DeskWindow]
) -> None:
    window, desk_window = desk
    assert desk_window.ui.tabs.currentWidget() is desk_window.ui.approvePage
    assert desk_window.approve_model.rowCount() == 1
    assert desk_window.approve_model.data(desk_window.approve_model.index(0, 3)) == "today"
    desk_window.ui.approveTable.setFocus()

    qtbot.keyClick(desk_window.ui.approveTable, Qt.Key.Key_Return)  # the summary, not an approval
    dialog = desk_window.approve_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.ui.summary, QApplication.focusWidget()
    words = dialog.ui.summary.toPlainText()
    assert "Total set aside: £100.00" in words
    assert "Signed by:" in words
    assert "(key worker)" in words
    press(qtbot, Qt.Key.Key_Return)  # Enter is Cancel: nothing is approved on one key
    qtbot.waitUntil(lambda: desk_window.approve_dialog is None)
    assert waiting_for_approval(world, "Dee")

    qtbot.keyClick(desk_window.ui.approveTable, Qt.Key.Key_Return)
    dialog = desk_window.approve_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    for _ in range(6):  # Tab along to "Approve this plan"
        if QApplication.focusWidget() is dialog.approve_button:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.approve_button
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: desk_window.approve_dialog is None)
    assert not waiting_for_approval(world, "Dee")
    qtbot.waitUntil(lambda: desk_window.approve_model.rowCount() == 0)  # read again
    assert "approved" in desk_window.ui.said.text()
    assert "approved" in window.saved_label.text()


def test_a_plan_approved_elsewhere_meanwhile_is_said_not_approved_twice(
    qtbot: QtBot, world: World, desk: tuple[MainWindow, DeskWindow]
) -> None:
    from careplan.services import signing

    _window, desk_window = desk
    desk_window.ui.approveTable.setFocus()
    qtbot.keyClick(desk_window.ui.approveTable, Qt.Key.Key_Return)
    dialog = desk_window.approve_dialog
    assert dialog is not None
    signing.approve_plan(world.db, world.team.manager, world.plans["Dee"].version_id)  # another computer
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert not dialog.approved
    assert "was not approved" in dialog.ui.problem.text()
    assert not dialog.approve_button.isEnabled()
    dialog.reject()


def test_tab_leaves_every_table_on_every_tab(qtbot: QtBot, desk: tuple[MainWindow, DeskWindow]) -> None:
    _window, desk_window = desk
    seen: set[str] = set()
    for index in range(desk_window.ui.tabs.count()):
        desk_window.ui.tabs.setCurrentIndex(index)
        for view in views_on_screen():
            if view.window() is desk_window:
                assert not view.tabKeyNavigation(), view.objectName()
                assert_tab_leaves(qtbot, view)
                seen.add(view.objectName())
    assert len(seen) == 9, seen


def test_tab_goes_on_to_the_buttons(qtbot: QtBot, desk: tuple[MainWindow, DeskWindow]) -> None:
    _window, desk_window = desk
    ui = desk_window.ui
    for page, table, after in (
        (ui.approvePage, ui.approveTable, ui.approveButton),
        (ui.reviewsPage, ui.reviewsTable, ui.reviewsOpenButton),
        (ui.nearLimitPage, ui.nearLimitTable, ui.nearLimitOpenButton),
    ):
        ui.tabs.setCurrentWidget(page)
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after


def test_enter_on_a_review_opens_the_persons_record(
    qtbot: QtBot, world: World, desk: tuple[MainWindow, DeskWindow]
) -> None:
    window, desk_window = desk
    ui = desk_window.ui
    ui.tabs.setCurrentWidget(ui.reviewsPage)
    ui.reviewsTable.setFocus()
    qtbot.keyClick(ui.reviewsTable, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.person is not None)
    assert window.workspace.person is not None
    assert window.workspace.person.id == world.people["Eve"]


def test_a_service_near_what_is_set_aside_waits_on_its_tab_and_opens_the_record(
    qtbot: QtBot, world: World, desk: tuple[MainWindow, DeskWindow]
) -> None:
    window, desk_window = desk
    ui = desk_window.ui
    assert desk_window.near_limit_model.rowCount() == 0
    assert ui.tabs.tabText(ui.tabs.indexOf(ui.nearLimitPage)) == "&Near or over (0)"
    eve = world.plans["Eve"].plan_id  # £150 set aside; her budget's year starts today
    entry = SpendingInput(world.allocations[-1], Decimal("140.00"), utc_today(), "Northside Gym")
    record_spending(world.db, world.team.manager, eve, entry)
    qtbot.keyClick(desk_window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: desk_window.near_limit_model.rowCount() == 1)
    assert ui.tabs.tabText(ui.tabs.indexOf(ui.nearLimitPage)) == "&Near or over (1)"
    assert "1 service is near or over what is set aside" in ui.summary.text()
    ui.tabs.setCurrentWidget(ui.nearLimitPage)
    ui.nearLimitTable.setFocus()
    qtbot.keyClick(ui.nearLimitTable, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.person is not None)
    assert window.workspace.person is not None
    assert window.workspace.person.id == world.people["Eve"]


def test_the_charts_are_drawn_when_the_money_is_first_shown(desk: tuple[MainWindow, DeskWindow]) -> None:
    _window, desk_window = desk
    assert desk_window.charts == []
    desk_window.ui.tabs.setCurrentWidget(desk_window.ui.moneyPage)
    assert len(desk_window.charts) == 2
    assert desk_window.category_model.rowCount() == 1
    assert desk_window.month_model.rowCount() == 2  # this month, and the total


def test_export_never_replaces_a_file_without_asking(
    qtbot: QtBot, desk: tuple[MainWindow, DeskWindow], tmp_path: Path
) -> None:
    _window, desk_window = desk
    target = tmp_path / "totals.csv"
    assert desk_window.export_totals(target) == target
    assert target.read_bytes().startswith(b"\xef\xbb\xbfPart,Line")
    target.write_text("kept")
    seen: list[str] = []
    answer_next_box(qtbot, "Cancel", seen)
    assert desk_window.export_totals(target) is None
    assert target.read_text() == "kept"
    assert "already there" in seen[0]
    answer_next_box(qtbot, "&Replace it", seen)
    assert desk_window.export_totals(target) == target
    assert target.read_bytes().startswith(b"\xef\xbb\xbfPart,Line")


def test_export_never_writes_over_the_database(
    qtbot: QtBot, world: World, desk: tuple[MainWindow, DeskWindow]
) -> None:
    _window, desk_window = desk
    database = world.db.path
    assert database is not None
    before = database.read_bytes()
    written = desk_window.export_totals(database)  # a CSV file's name is made of it instead
    assert written == database.with_name(database.name + ".csv")
    assert database.read_bytes() == before
    backups = backups_folder(database)
    backups.mkdir(exist_ok=True)
    seen: list[str] = []
    answer_next_box(qtbot, "OK", seen)
    assert desk_window.export_totals(backups / "totals.csv") is None
    assert "automatic backups folder" in seen[0]
    assert not (backups / "totals.csv").exists()


@pytest.mark.parametrize("role", [Role.KEY_WORKER, Role.PEER_MENTOR, Role.ADMINISTRATOR])
def test_no_desk_for_anyone_else(qtbot: QtBot, world: World, tmp_path: Path, role: Role) -> None:
    window = main_window(qtbot, world, role, tmp_path)
    assert not window.desk_action.isVisible()
    assert not window.desk_action.isEnabled()
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.desk_window is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, DeskWindow) and w.isVisible()]


def test_signing_out_closes_the_desk(qtbot: QtBot, desk: tuple[MainWindow, DeskWindow]) -> None:
    window, desk_window = desk
    window.sign_out()
    assert not desk_window.isVisible()


def test_locking_the_screen_covers_the_desk(qtbot: QtBot, desk: tuple[MainWindow, DeskWindow]) -> None:
    window, desk_window = desk
    window.screen_lock.lock()
    assert not desk_window.ui.tabs.isVisible()
    assert not desk_window.ui.summary.isVisible()
    window.screen_lock.unlock()
    assert desk_window.ui.tabs.isVisible()
