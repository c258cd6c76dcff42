"""Ctrl+Tab and Ctrl+Shift+Tab move between a person's pages from anywhere in the window, and
the keyboard goes to the page brought to the front."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.gui.main_window import MainWindow
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests import worlds
from tests.worlds import World

FLAT: worlds.Goals = (
    (worlds.goal("A flat of my own", life_area="housing"), (worlds.step("Ring the council"),)),
)


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> tuple[MainWindow, World]:
    world = worlds.staffed(sqlite_db).with_person("Dee").with_plan("Dee", FLAT, period=None)
    context = SignedInStaff(world.db, world.team.key_worker, "Sam Keyworker", Role.KEY_WORKER)
    win = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win, world


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_ctrl_tab_from_the_people_list_goes_round_every_page(
    qtbot: QtBot, window: tuple[MainWindow, World]
) -> None:
    win, _world = window
    table = win.people.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # open Dee, by keyboard
    tabs = win.workspace.tabs
    assert tabs.currentIndex() == 0
    count = tabs.count()
    assert count >= 5
    for step in range(1, count + 1):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentIndex() == step % count
        page = tabs.currentWidget()
        widget = focused()
        assert page.isAncestorOf(widget) or widget is tabs.tabBar(), (tabs.tabText(step % count), widget)
        assert widget is not win.people.search
        assert not isinstance(widget, QScrollArea)
    qtbot.keyClick(
        focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert tabs.currentIndex() == count - 1
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == count - 2
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == count - 1


def test_no_record_open_no_page_to_move_to(qtbot: QtBot, window: tuple[MainWindow, World]) -> None:
    win, _world = window
    win.people.search.setFocus()
    qtbot.keyClick(win.people.search, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert win.workspace.person is None
    assert not win.workspace.isVisible()
