"""Auto-lock: by idleness and by Ctrl+L every personal detail leaves the screen until the same
member of staff types their password; what was being typed is still there afterwards."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.gui.app import Desktop
from careplan.gui.dialogs.goal_editor import GoalEditorDialog
from careplan.gui.dialogs.sign_in import SignInDialog
from careplan.gui.lock.screen_lock import LOCK_AFTER_SETTING, LOCKED_TITLE
from careplan.gui.lock.unlock_dialog import UnlockDialog
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.plan_page import PlanPage
from careplan.services import authentication, people, plans
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import load_person
from careplan.storage.database import Database
from tests.gui.signing import PASSWORDS, Team, quick_hashing, visible_text

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")

CANARY = "Zebedee Quillfeather"  # a synthetic name found nowhere else
TYPED = "Swim a length with Zebedee"


@pytest.fixture
def person(sqlite_db: Database, team: Team) -> int:
    person_id = people.register_person(sqlite_db, team.sam, people.PersonDetails("Zebedee", CANARY))
    plans.start_plan(sqlite_db, team.sam, person_id)
    return person_id


def settings_with(tmp_path: Path, seconds: float) -> QSettings:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LOCK_AFTER_SETTING, seconds)
    return settings


def open_window(qtbot: QtBot, db: Database, team: Team, settings: QSettings, person: int) -> MainWindow:
    context = SignedInStaff(db, team.sam, "Sam Okafor", Role.KEY_WORKER, username="sam")
    window = MainWindow(context, settings)
    window.workspace.build_pages()
    qtbot.addWidget(window, before_close_func=lambda w: w.screen_lock.unlock())
    window.resize(1200, 700)
    window.show()
    window.people.refresh()
    window.people.select_person(person)
    window.open_person(person)
    return window


def unlock_dialog(window: MainWindow) -> UnlockDialog:
    dialog = window.screen_lock.unlock_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def type_password(qtbot: QtBot, dialog: UnlockDialog, password: str) -> None:
    qtbot.keyClicks(dialog.ui.password, password)
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_Return)


def assert_nothing_personal_shows() -> None:
    text = visible_text()
    assert CANARY not in text
    assert "Zebedee" not in text
    assert "Careplan is locked" in text


def test_the_screen_locks_after_the_idle_time(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 0.05), person)
    assert CANARY in visible_text() or "Zebedee" in visible_text()  # the check below can fail
    qtbot.waitUntil(lambda: window.screen_lock.is_locked, timeout=3000)
    assert_nothing_personal_shows()
    assert window.windowTitle() == "Careplan (locked)"
    assert window.screens.currentWidget() is window.lock_page
    assert not window.menuBar().isEnabled()

    dialog = unlock_dialog(window)
    assert "Sam Okafor is signed in" in dialog.ui.who.text()
    type_password(qtbot, dialog, "somebody else's guess")
    assert window.screen_lock.is_locked  # a wrong password keeps it locked
    assert dialog.ui.problem.text() == authentication.MISMATCH
    assert_nothing_personal_shows()
    dialog.reject()  # Escape does not end the lock
    dialog.close()
    assert window.screen_lock.is_locked
    assert dialog.isVisible()

    type_password(qtbot, dialog, PASSWORDS["sam"])
    assert not window.screen_lock.is_locked
    assert window.screens.currentWidget() is window.splitter
    assert window.windowTitle() == "Careplan"
    assert "Zebedee" in visible_text()
    assert window.workspace.heading.text() == "Zebedee"
    # The clock starts again: idle again, locked again.
    qtbot.waitUntil(lambda: window.screen_lock.is_locked, timeout=3000)


def test_input_keeps_the_screen_unlocked(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 0.4), person)
    lock = window.screen_lock
    # The timer looks at the time of the last input, so typing just before it runs keeps it open.
    lock._last_input = time.monotonic()  # as if a key had just been pressed
    lock._check_idle()
    assert not lock.is_locked
    lock._last_input = 0.0
    lock._check_idle()
    assert lock.is_locked


def test_never_locks_when_the_setting_is_zero(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 0), person)
    assert window.screen_lock.idle_seconds == 0
    qtbot.wait(100)
    assert not window.screen_lock.is_locked


def test_ctrl_l_locks_with_an_editor_open_and_keeps_what_was_typed(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    (new_goal_action,) = window.page_actions  # Ctrl+G: a new goal on the plan
    new_goal_action.trigger()
    page = window.workspace.tabs.currentWidget()
    assert isinstance(page, PlanPage)
    editor = page.editors.dialog
    assert isinstance(editor, GoalEditorDialog)
    assert editor.isVisible()
    qtbot.keyClicks(editor.ui.wording, TYPED)

    qtbot.keyClick(editor.ui.wording, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.screen_lock.is_locked
    assert editor.ui.wording.toPlainText() == TYPED  # the key did not type an "l" either
    assert editor.isVisible()  # still open (its own work goes on) but showing nothing
    assert not editor.ui.wording.isVisible()
    assert editor.windowTitle() == LOCKED_TITLE
    assert_nothing_personal_shows()

    type_password(qtbot, unlock_dialog(window), PASSWORDS["sam"])
    assert not window.screen_lock.is_locked
    assert editor.isVisible()
    assert editor.ui.wording.isVisible()
    assert editor.ui.wording.toPlainText() == TYPED
    assert editor.windowTitle() == "Add a goal"
    assert page.editors.dialog is editor
    QDialog.done(editor, QDialog.DialogCode.Rejected)  # without the question about typed words


def test_the_menu_item_locks_too(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    assert window.lock_action.text().endswith("\tCtrl+L")
    window.lock_action.trigger()
    assert window.screen_lock.is_locked
    assert_nothing_personal_shows()


def test_a_question_inside_exec_stays_open_under_the_lock(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    box = QMessageBox(
        QMessageBox.Icon.Question, "Keep Zebedee's words?", f"{CANARY} wrote this.", parent=window
    )
    seen: dict[str, object] = {}

    def during_exec() -> None:
        window.screen_lock.lock()
        seen["open while locked"] = box.isVisible()
        seen["hidden"] = CANARY not in visible_text() and "Zebedee" not in visible_text()
        type_password(qtbot, unlock_dialog(window), PASSWORDS["sam"])
        seen["back"] = CANARY in visible_text()
        box.done(7)

    QTimer.singleShot(0, during_exec)
    assert box.exec() == 7  # the lock did not end the question as if it were cancelled
    assert seen == {"open while locked": True, "hidden": True, "back": True}


def test_a_window_that_opens_while_locked_is_covered(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    window.screen_lock.lock()
    box = QMessageBox(QMessageBox.Icon.Information, "Saved", f"{CANARY}'s plan was saved.", parent=window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)  # like a question from a timer
    box.open()
    qtbot.waitUntil(lambda: box in window.screen_lock.covered_windows(), timeout=2000)
    assert_nothing_personal_shows()
    # The unlock dialog is in front of it again, not blocked by it.
    assert QApplication.activeModalWidget() is unlock_dialog(window)
    type_password(qtbot, unlock_dialog(window), PASSWORDS["sam"])
    assert CANARY in visible_text()
    box.done(0)


def test_while_locked_input_reaches_only_the_unlock_dialog(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    search = window.people.search
    window.screen_lock.lock()
    qtbot.keyClicks(search, "abc")
    assert search.text() == ""
    dialog = unlock_dialog(window)
    qtbot.keyClicks(dialog.ui.password, "abc")
    assert dialog.ui.password.text() == "abc"


def test_sign_in_as_someone_else_from_the_lock(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    quits: list[bool] = []
    desktop = Desktop(sqlite_db, settings_with(tmp_path, 300), on_quit=lambda: quits.append(True))
    desktop.start()
    dialog = desktop.dialog
    assert isinstance(dialog, SignInDialog)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.username, "sam")
    qtbot.keyClicks(dialog.ui.password, PASSWORDS["sam"])
    dialog.ui.signInButton.click()
    window = desktop.window
    assert window is not None
    qtbot.addWidget(window)
    window.open_person(person)
    about = window.workspace.page(AboutMePage).boxes["hopes"].editor
    qtbot.keyClicks(about, "Zebedee hopes for a flat")
    # Saved within a second of the last key press, as Sam's.
    qtbot.waitUntil(lambda: "hopes" in load_person(sqlite_db, team.sam, person).about_me, timeout=5000)
    assert load_person(sqlite_db, team.sam, person).about_me["hopes"].body == "Zebedee hopes for a flat"
    window.screen_lock.lock()
    unlock_dialog(window).ui.otherButton.click()  # nothing unsaved: no question
    assert desktop.window is None
    assert not window.isVisible()
    assert quits == []
    again = desktop.dialog
    assert isinstance(again, SignInDialog)
    qtbot.addWidget(again)
    assert CANARY not in visible_text()
    assert "Zebedee" not in visible_text()


def test_someone_else_is_asked_before_typed_words_in_an_editor_are_lost(
    qtbot: QtBot,
    sqlite_db: Database,
    team: Team,
    person: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    signed_out: list[bool] = []
    window.sign_out_requested.connect(lambda: signed_out.append(True))
    (new_goal_action,) = window.page_actions  # Ctrl+G: a new goal on the plan
    new_goal_action.trigger()
    page = window.workspace.tabs.currentWidget()
    assert isinstance(page, PlanPage)
    editor = page.editors.dialog
    assert isinstance(editor, GoalEditorDialog)
    qtbot.keyClicks(editor.ui.wording, TYPED)
    window.screen_lock.lock()
    questions: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def ask(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        assert parent is window.screen_lock.unlock_dialog  # over the lock, where the keyboard is
        return answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    unlock_dialog(window).ui.otherButton.click()
    assert questions == [
        "Sam Okafor has typed words that are not saved yet. "
        "If someone else signs in now, they are lost. Sign in as someone else anyway?"
    ]
    assert signed_out == []  # kept: still locked, the editor still there under the lock
    assert window.screen_lock.is_locked
    assert editor.ui.wording.toPlainText() == TYPED
    assert_nothing_personal_shows()

    answer = QMessageBox.StandardButton.Close
    unlock_dialog(window).ui.otherButton.click()
    assert signed_out == [True]
    assert not editor.isVisible()
    assert not window.isVisible()
    assert page.editors.dialog is None or not page.editors.dialog.isVisible()


def test_locking_closes_menus_and_pop_ups_and_clears_the_status_message(
    qtbot: QtBot, sqlite_db: Database, team: Team, person: int, tmp_path: Path
) -> None:
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    window.statusBar().showMessage(f"{CANARY}'s plan saved")
    assert CANARY in visible_text()
    window.people.status.showPopup()
    assert QApplication.activePopupWidget() is not None
    window.screen_lock.lock()
    assert QApplication.activePopupWidget() is None
    assert window.statusBar().currentMessage() == ""
    assert_nothing_personal_shows()


def test_locked_typing_not_yet_saved_is_not_saved_by_someone_else(
    qtbot: QtBot,
    sqlite_db: Database,
    team: Team,
    person: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl+L a moment after typing: the words wait under the lock. Saving them could ask a question
    showing them (changed at another computer), so someone else is asked about losing them instead."""
    window = open_window(qtbot, sqlite_db, team, settings_with(tmp_path, 300), person)
    about = window.workspace.page(AboutMePage).boxes["hopes"].editor
    qtbot.keyClicks(about, "Zebedee hopes for a flat")
    qtbot.keyClick(about, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.screen_lock.is_locked
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_buttons: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    unlock_dialog(window).ui.otherButton.click()
    assert len(asked) == 1
    assert "Zebedee" not in asked[0]
    assert window.screen_lock.is_locked
    type_password(qtbot, unlock_dialog(window), PASSWORDS["sam"])
    assert about.toPlainText() == "Zebedee hopes for a flat"  # still there, saved in a moment
    window.workspace.save_pending()
    assert load_person(sqlite_db, team.sam, person).about_me["hopes"].body == "Zebedee hopes for a flat"
