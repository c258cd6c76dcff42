"""File > Settings… (Ctrl+,): the lock time for this computer (applied to the running lock at
once); for administrators only the name of the service printed on agreements and the review
schedule (everyone else reads the schedule in words); and Outcome measures… for everyone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QSpinBox
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.gui.dialogs.outcome_measures import OutcomeMeasuresDialog
from careplan.gui.dialogs.settings_dialog import SettingsDialog
from careplan.gui.lock.screen_lock import LOCK_AFTER_SETTING
from careplan.gui.main_window import MainWindow, lock_after_seconds
from careplan.services import configuration
from careplan.services.agreement import DEFAULT_SERVICE_NAME
from careplan.services.review_schedule import ReviewSchedule, review_schedule, set_review_schedule
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.gui.menus import file_menu
from tests.gui.signing import Team, quick_hashing

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot: QtBot, context: SignedInStaff, settings: QSettings) -> MainWindow:
    window = MainWindow(context, settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.screen_lock.unlock())
    window.resize(1000, 650)
    window.show()
    qtbot.waitExposed(window)
    return window


def as_sam(db: Database, team: Team) -> SignedInStaff:
    return SignedInStaff(db, team.sam, "Sam Okafor", Role.KEY_WORKER, username="sam")


def as_ada(db: Database, team: Team) -> SignedInStaff:
    return SignedInStaff(db, team.admin, "Ada Admin", Role.ADMINISTRATOR, username="ada")


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """Ctrl+, from the window, as a person would."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.people.search if window.people.isVisible() else window.staff_button
    assert target is not None
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None, "Ctrl+, did not open the settings"
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def choose_minutes(qtbot: QtBot, dialog: SettingsDialog, text: str) -> None:
    box = dialog.ui.lockAfter
    index = box.findText(text)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setFocus()
    while box.currentIndex() != index:  # the keyboard, as a person would
        key = Qt.Key.Key_Down if box.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(box, key)


def save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_menu_has_settings_with_the_preferences_shortcut(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    window = open_window(qtbot, as_sam(sqlite_db, team), settings)
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    assert window.settings_action in file_menu(window).actions()
    assert window.settings_action.isVisible()


def test_changing_the_lock_time_changes_the_running_lock_and_is_kept(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    window = open_window(qtbot, as_sam(sqlite_db, team), settings)
    lock = window.screen_lock
    assert lock.idle_seconds == 5 * 60
    dialog = open_settings(qtbot, window)
    assert dialog.ui.lockAfter.currentText() == "5 minutes"
    assert [dialog.ui.lockAfter.itemText(i) for i in range(dialog.ui.lockAfter.count())] == [
        "1 minute",
        "2 minutes",
        "5 minutes",
        "10 minutes",
        "15 minutes",
        "30 minutes",
    ]
    choose_minutes(qtbot, dialog, "1 minute")
    assert lock.idle_seconds == 5 * 60  # nothing changes before Save
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert lock.idle_seconds == 60
    assert lock._timer.isActive()
    # The running timer, not the next start (a coarse Qt timer may run up to 5 % late, never 300 s).
    assert 0 < lock._timer.interval() <= 60_000  # counted from the last input, already seen
    assert 0 < lock._timer.remainingTime() <= 60_000 * 1.05
    assert lock_after_seconds(settings) == 60
    assert "Settings saved" in window.saved_label.text()
    # The next window on this computer starts with it.
    again = open_window(qtbot, as_sam(sqlite_db, team), settings)
    assert again.screen_lock.idle_seconds == 60


def test_cancel_changes_nothing(qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings) -> None:
    window = open_window(qtbot, as_sam(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    choose_minutes(qtbot, dialog, "30 minutes")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.ui.lockAfter, Qt.Key.Key_Escape)
    assert window.screen_lock.idle_seconds == 5 * 60
    assert settings.value(LOCK_AFTER_SETTING) is None


def test_a_key_worker_does_not_see_the_service_name(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    window = open_window(qtbot, as_sam(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    assert not dialog.ui.serviceName.isVisible()
    assert not dialog.ui.serviceGroup.isVisible()
    assert dialog.ui.serviceName.text() == ""  # not even read into the hidden field
    dialog.grab().save("/tmp/careplan-settings-key-worker.png")
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert configuration.service_name(sqlite_db) == DEFAULT_SERVICE_NAME


def test_an_administrator_names_the_service_and_it_is_read_back(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    window = open_window(qtbot, as_ada(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    field = dialog.ui.serviceName
    assert field.isVisible()
    assert field.text() == DEFAULT_SERVICE_NAME
    assert dialog.ui.lockAfter.accessibleName()
    assert field.accessibleName() == "Name of the service (printed on agreements)"
    # Tab order: the lock time, the name, then the buttons.
    assert QApplication.focusWidget() is dialog.ui.lockAfter
    qtbot.keyClick(dialog.ui.lockAfter, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field
    field.selectAll()
    qtbot.keyClicks(field, "Riverside   recovery service ")
    dialog.grab().save("/tmp/careplan-settings-administrator.png")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert configuration.service_name(sqlite_db) == "Riverside recovery service"
    reopened = open_settings(qtbot, window)
    assert reopened.ui.serviceName.text() == "Riverside recovery service"


def test_an_empty_name_is_refused_with_a_message_and_nothing_is_lost(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    configuration.set_service_name(sqlite_db, team.admin, "Riverside recovery service")
    window = open_window(qtbot, as_ada(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    choose_minutes(qtbot, dialog, "10 minutes")
    dialog.ui.serviceName.setFocus()
    dialog.ui.serviceName.selectAll()
    qtbot.keyClicks(dialog.ui.serviceName, "   ")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.problem.isVisible()
    assert dialog.ui.problem.text().startswith("Please type the name of the service")
    assert QApplication.focusWidget() is dialog.ui.serviceName
    dialog.grab().save("/tmp/careplan-settings-refused.png")
    # Nothing saved, nothing lost: the name kept, the lock as it was, the choices still there.
    assert configuration.service_name(sqlite_db) == "Riverside recovery service"
    assert window.screen_lock.idle_seconds == 5 * 60
    assert settings.value(LOCK_AFTER_SETTING) is None
    assert dialog.ui.lockAfter.currentText() == "10 minutes"
    assert dialog.ui.serviceName.text() == "   "
    # Put right, it all saves.
    dialog.ui.serviceName.selectAll()
    qtbot.keyClicks(dialog.ui.serviceName, "Hillside service")
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert configuration.service_name(sqlite_db) == "Hillside service"
    assert window.screen_lock.idle_seconds == 10 * 60


def test_a_lock_time_set_another_way_stays_on_offer(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    settings.setValue(LOCK_AFTER_SETTING, 7 * 60)
    window = open_window(qtbot, as_sam(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    assert dialog.ui.lockAfter.currentText() == "7 minutes"
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert lock_after_seconds(settings) == 7 * 60
    assert window.screen_lock.idle_seconds == 7 * 60


# --- the review schedule ------------------------------------------------------------------------


def as_priya(db: Database, team: Team) -> SignedInStaff:
    return SignedInStaff(db, team.priya, "Priya Manager", Role.MANAGER, username="priya")


def step_to(qtbot: QtBot, box: QSpinBox, value: int) -> None:
    """Up and down arrows, as a person would (as many presses as it takes, never more)."""
    box.setFocus()
    key = Qt.Key.Key_Up if box.value() < value else Qt.Key.Key_Down
    for _ in range(abs(value - box.value())):
        qtbot.keyClick(box, key)


def test_an_administrator_sets_the_review_schedule_and_it_is_saved_with_the_rest(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    window = open_window(qtbot, as_ada(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    ui = dialog.ui
    assert ui.firstWeeks.isVisible()
    assert (ui.firstWeeks.value(), ui.everyMonths.value()) == (7, 3)
    assert (ui.firstWeeks.minimum(), ui.firstWeeks.maximum()) == (6, 8)
    assert (ui.everyMonths.minimum(), ui.everyMonths.maximum()) == (1, 12)
    assert not ui.scheduleWords.isVisible()
    # By keyboard: the lock time, the service's name, then the schedule and the measures.
    qtbot.keyClick(ui.lockAfter, Qt.Key.Key_Tab)
    qtbot.keyClick(ui.serviceName, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.firstWeeks
    qtbot.keyClick(ui.firstWeeks, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.everyMonths
    qtbot.keyClick(ui.everyMonths, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.measuresButton
    step_to(qtbot, ui.firstWeeks, 9)  # the arrows stop at 8
    step_to(qtbot, ui.everyMonths, 2)
    assert ui.firstWeeks.value() == 8
    choose_minutes(qtbot, dialog, "10 minutes")
    assert review_schedule(sqlite_db, team.admin) == ReviewSchedule(7, 3)  # nothing before Save
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert review_schedule(sqlite_db, team.admin) == ReviewSchedule(8, 2)
    assert window.screen_lock.idle_seconds == 10 * 60
    reopened = open_settings(qtbot, window)
    assert (reopened.ui.firstWeeks.value(), reopened.ui.everyMonths.value()) == (8, 2)


def test_a_refused_name_keeps_the_schedule_too(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    window = open_window(qtbot, as_ada(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    step_to(qtbot, dialog.ui.everyMonths, 6)
    dialog.ui.serviceName.setFocus()
    dialog.ui.serviceName.selectAll()
    qtbot.keyClicks(dialog.ui.serviceName, "  ")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.problem.text().startswith("Please type the name of the service")
    assert review_schedule(sqlite_db, team.admin) == ReviewSchedule(7, 3)  # all or nothing
    assert dialog.ui.everyMonths.value() == 6  # nothing typed is lost
    qtbot.keyClicks(dialog.ui.serviceName, "Hillside service")
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert review_schedule(sqlite_db, team.admin) == ReviewSchedule(7, 6)
    assert configuration.service_name(sqlite_db) == "Hillside service"


@pytest.mark.parametrize("as_whom", [as_sam, as_priya])
def test_others_read_the_schedule_in_words_and_do_not_change_it(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings, as_whom: object
) -> None:
    set_review_schedule(sqlite_db, team.admin, 6, 1)
    assert callable(as_whom)
    window = open_window(qtbot, as_whom(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    ui = dialog.ui
    assert ui.reviewsGroup.isVisible()
    assert not ui.firstWeeks.isVisible()
    assert not ui.everyMonths.isVisible()
    assert ui.scheduleWords.isVisible()
    assert ui.scheduleWords.text() == (
        "The first review 6 weeks after a plan is approved, then one every month, and a full review "
        "at a year. Your administrator sets this."
    )
    assert ui.measuresButton.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert review_schedule(sqlite_db, team.admin) == ReviewSchedule(6, 1)


def test_outcome_measures_open_from_the_settings_by_keyboard(
    qtbot: QtBot, sqlite_db: Database, team: Team, settings: QSettings
) -> None:
    window = open_window(qtbot, as_sam(sqlite_db, team), settings)
    dialog = open_settings(qtbot, window)
    qtbot.keyClick(dialog.ui.lockAfter, Qt.Key.Key_Tab)  # the schedule is words here: no stop
    assert QApplication.focusWidget() is dialog.ui.measuresButton
    qtbot.keyClick(dialog.ui.measuresButton, Qt.Key.Key_Space)
    measures = dialog.findChild(OutcomeMeasuresDialog)
    assert measures is not None, "the button did not open the outcome measures"
    qtbot.waitExposed(measures)
    assert measures.shown == ["How things are in my life"]
    with qtbot.waitSignal(measures.rejected):
        qtbot.keyClick(measures.ui.measuresTree, Qt.Key.Key_Escape)
    assert dialog.isVisible()
