"""Tab leaves every table and list: arrows move inside, Tab goes on to the next control.

Qt's tables take Tab for moving from cell to cell (``tabKeyNavigation``), which traps a keyboard
user in the people list, the Sharing table, the staff list and the catalogue. This test opens every
workspace page and the staff and catalogue screens, finds every item view on screen and checks that
Tab leaves each one, so a new table that forgets it fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.gui.main_window import MainWindow
from careplan.services import consent
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests import worlds
from tests.gui.signing import find_window
from tests.worlds import World, utc_today

FLAT: worlds.Goals = (
    (worlds.goal("A flat of my own", life_area="housing"), (worlds.step("Ring the council"),)),
)


@pytest.fixture
def world(sqlite_db: Database) -> World:
    world = worlds.staffed(sqlite_db).with_person("Dee").with_plan("Dee", FLAT, period=None)
    consent.record_consent(
        sqlite_db, world.team.key_worker, world.people["Dee"], "My care plan", "My GP", utc_today()
    )
    return world


def window_for(qtbot: QtBot, world: World, role: Role, tmp_path: Path) -> MainWindow:
    context = SignedInStaff(world.db, world.team.as_role(role), worlds.STAFF_NAMES[role], role)
    window = MainWindow(context, QSettings(str(tmp_path / f"{role}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def views_on_screen() -> list[QAbstractItemView]:
    found: dict[int, QAbstractItemView] = {}  # a dialog's views are its window's children too
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            for view in top.findChildren(QAbstractItemView):
                if view.isVisible() and view.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    found[id(view)] = view
    return list(found.values())


def assert_tab_leaves(qtbot: QtBot, view: QAbstractItemView) -> None:
    top = view.window()
    top.activateWindow()
    qtbot.waitUntil(top.isActiveWindow)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.hasFocus(), view.objectName()
    if view.model() is not None and view.model().rowCount() > 0:
        view.setCurrentIndex(view.model().index(0, 0))  # in a cell, where Qt would move to the next
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    focused: QWidget | None = QApplication.focusWidget()
    assert focused is not None
    name = view.objectName() or type(view).__name__
    assert focused is not view, f"Tab stays in {name}"
    assert not view.isAncestorOf(focused), f"Tab stays in {name}"


def test_tab_leaves_every_table_on_the_workspace_pages(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    window = window_for(qtbot, world, Role.MANAGER, tmp_path)
    window.open_person(world.people["Dee"])
    seen: set[str] = set()
    for index in range(window.workspace.tabs.count()):
        window.workspace.tabs.setCurrentIndex(index)
        for view in views_on_screen():
            assert not view.tabKeyNavigation(), view.objectName()
            assert_tab_leaves(qtbot, view)
            seen.add(view.objectName())
    # The people list, the Sharing table and "Who has seen this" are among them.
    assert {"peopleTable", "consentTable", "accessTable"} <= seen, seen


def test_tab_leaves_the_catalogue_table(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    window = window_for(qtbot, world, Role.MANAGER, tmp_path)
    window.catalogue_action.trigger()
    dialog = find_window("catalogueDialog")
    assert dialog is not None
    views = [view for view in views_on_screen() if view.window() is dialog]
    assert [view.objectName() for view in views if view.objectName() == "servicesTable"] == ["servicesTable"]
    for view in views:
        assert_tab_leaves(qtbot, view)


def test_tab_leaves_the_staff_table(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    window = window_for(qtbot, world, Role.ADMINISTRATOR, tmp_path)
    window.staff_action.trigger()
    dialog = find_window("staffAdminDialog")
    assert dialog is not None
    views = [view for view in views_on_screen() if view.window() is dialog]
    assert "staffTable" in [view.objectName() for view in views]
    for view in views:
        assert_tab_leaves(qtbot, view)


def test_a_scroll_area_holding_controls_is_no_tab_stop(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    """Tab goes from control to control inside a page; the frame round them (a scroll area) is
    an invisible stop that shows nothing, so it takes no Tab. A scroll area of words alone (the
    sign dialog's summary) keeps it: the arrows scroll it."""
    window = window_for(qtbot, world, Role.MANAGER, tmp_path)
    window.open_person(world.people["Dee"])
    checked = 0
    for index in range(window.workspace.tabs.count()):
        window.workspace.tabs.setCurrentIndex(index)
        page = window.workspace.tabs.currentWidget()
        for area in page.findChildren(QScrollArea):
            inner = area.widget()
            if not area.isVisible() or inner is None:
                continue
            controls = [
                child
                for child in inner.findChildren(QWidget)
                if child.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(child, QScrollArea)
            ]
            if controls:
                checked += 1
                assert not area.focusPolicy() & Qt.FocusPolicy.TabFocus, (
                    window.workspace.tabs.tabText(index),
                    area.objectName(),
                )
    assert checked >= 4  # About me, My plan, Staying safe, Services and budget, Reviews
