"""Signing in at the desktop: first run, right and wrong passwords, the wait, a locked account,
choosing an own password, changing it, signing out and in as someone else."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.domain.errors import SignInRefused
from careplan.domain.records import Setting
from careplan.gui.app import Desktop
from careplan.gui.dialogs.change_password import ChangePasswordDialog
from careplan.gui.dialogs.set_up import SetUpDialog
from careplan.gui.dialogs.sign_in import SignInDialog
from careplan.gui.main_window import MainWindow
from careplan.services import authentication, staff
from careplan.services.demo_marker import DEMO_SETTING
from careplan.storage.database import Database
from tests.gui.signing import PASSWORDS, Team, find_window, quick_hashing, visible_text

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class Started:
    def __init__(self, desktop: Desktop, quits: list[bool]) -> None:
        self.desktop = desktop
        self.quits = quits

    def sign_in_dialog(self) -> SignInDialog:
        dialog = self.desktop.dialog
        assert isinstance(dialog, SignInDialog), dialog
        assert dialog.isVisible()
        return dialog

    def window(self) -> MainWindow:
        assert self.desktop.window is not None
        return self.desktop.window


def start(qtbot: QtBot, db: Database, settings: QSettings, username: str | None = None) -> Started:
    quits: list[bool] = []
    desktop = Desktop(db, settings, username=username, on_quit=lambda: quits.append(True))
    desktop.start()
    started = Started(desktop, quits)
    if desktop.dialog is not None:
        qtbot.addWidget(desktop.dialog)
    return started


def sign_in(qtbot: QtBot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.ui.username.clear()
    qtbot.keyClicks(dialog.ui.username, username)
    dialog.ui.password.clear()
    qtbot.keyClicks(dialog.ui.password, password)
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_Return)  # Enter signs in


def track_window(qtbot: QtBot, started: Started) -> MainWindow:
    window = started.window()
    qtbot.addWidget(window)
    return window


def test_the_first_run_sets_up_the_first_administrator(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings
) -> None:
    started = start(qtbot, sqlite_db, settings)
    dialog = started.desktop.dialog
    assert isinstance(dialog, SetUpDialog)
    assert "first administrator" in dialog.ui.intro.text()
    assert "At least 10 characters" in dialog.ui.rules.text()
    ui = dialog.ui
    qtbot.keyClicks(ui.displayName, "Ada Admin")
    qtbot.keyClicks(ui.username, "ada")
    qtbot.keyClicks(ui.password, "kettle morning purple")
    qtbot.keyClicks(ui.passwordAgain, "kettle morning purpl")
    ui.setUpButton.click()
    assert ui.problem.isVisible()
    assert "not the same" in ui.problem.text()
    assert (ui.password.text(), ui.passwordAgain.text()) == ("", "")
    assert ui.displayName.text() == "Ada Admin"  # nothing else typed is lost
    qtbot.keyClicks(ui.password, "short")
    qtbot.keyClicks(ui.passwordAgain, "short")
    ui.setUpButton.click()
    assert "at least 10 characters" in ui.problem.text()
    assert authentication.needs_first_administrator(sqlite_db)
    ui.password.clear()
    ui.passwordAgain.clear()
    qtbot.keyClicks(ui.password, "kettle morning purple")
    qtbot.keyClicks(ui.passwordAgain, "kettle morning purple")
    ui.setUpButton.click()
    assert not authentication.needs_first_administrator(sqlite_db)
    window = track_window(qtbot, started)
    assert window.isVisible()
    assert window.signed_in_label.text() == "Signed in: Ada Admin (administrator)"
    # An administrator runs the system but does not see care records.
    assert window.staff_action.isVisible()
    assert not window.new_person_action.isVisible()
    assert not window.person_menu.menuAction().isVisible()
    shown = window.screens.currentWidget()
    assert shown is not None
    assert shown.objectName() == "noRecordsPage"
    assert authentication.sign_in(sqlite_db, "ada", "kettle morning purple").role == Role.ADMINISTRATOR


def test_wrong_then_right_password(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    started = start(qtbot, sqlite_db, settings)
    dialog = started.sign_in_dialog()
    assert not dialog.ui.demoNote.isVisible()  # a real database never lists accounts
    sign_in(qtbot, dialog, "sam", "not my password at all")
    assert dialog.isVisible()
    assert dialog.ui.problem.text() == authentication.MISMATCH
    assert dialog.ui.username.text() == "sam"
    assert dialog.ui.password.text() == ""
    sign_in(qtbot, dialog, "sam", PASSWORDS["sam"])
    assert not dialog.isVisible()
    window = track_window(qtbot, started)
    assert window.isVisible()
    assert window.signed_in_label.text() == "Signed in: Sam Okafor (key worker)"
    assert window.new_person_action.isVisible()
    assert not window.staff_action.isVisible()
    assert window.screens.currentWidget() is window.splitter


def test_empty_username_is_asked_for_plainly(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    dialog = start(qtbot, sqlite_db, settings).sign_in_dialog()
    dialog.ui.signInButton.click()
    assert dialog.ui.problem.text() == "Please type your username."


def test_the_growing_delay_counts_down_with_the_button_off(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(authentication, "FIRST_DELAY_SECONDS", 1)
    started = start(qtbot, sqlite_db, settings)
    dialog = started.sign_in_dialog()
    for _ in range(authentication.FREE_TRIES):
        sign_in(qtbot, dialog, "sam", "wrong wrong wrong")
    assert not dialog.ui.signInButton.isEnabled()
    assert dialog.ui.problem.text() == (
        "That username and password do not match. You can try again in 1 second."
    )
    # Enter while waiting does nothing (and is not counted as another wrong try).
    sign_in(qtbot, dialog, "sam", PASSWORDS["sam"])
    assert started.desktop.window is None
    qtbot.waitUntil(dialog.ui.signInButton.isEnabled, timeout=5000)
    assert dialog.ui.problem.text() == "You can try again now."
    sign_in(qtbot, dialog, "sam", PASSWORDS["sam"])
    track_window(qtbot, started)


def test_a_locked_account_says_so(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(authentication, "LOCK_AFTER", 2)
    dialog = start(qtbot, sqlite_db, settings).sign_in_dialog()
    sign_in(qtbot, dialog, "sam", "wrong wrong wrong")
    sign_in(qtbot, dialog, "sam", "wrong wrong wrong")
    assert "locked" in dialog.ui.problem.text()
    sign_in(qtbot, dialog, "sam", PASSWORDS["sam"])  # even the right password, now
    assert dialog.ui.problem.text() == (
        f"{authentication.LOCKED} Try again in 15 minutes, or ask an administrator to unlock it."
    )
    assert dialog.ui.signInButton.isEnabled()


def test_user_option_fills_in_the_username(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    dialog = start(qtbot, sqlite_db, settings, username="sam").sign_in_dialog()
    assert dialog.ui.username.text() == "sam"
    assert dialog.focusWidget() is dialog.ui.password


def test_a_demo_database_says_so_and_lists_its_accounts(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    with sqlite_db.session() as session, session.begin():
        session.add(Setting(key=DEMO_SETTING, value={"seed": 1, "people": 0, "made_on": "2026-11-26"}))
    started = start(qtbot, sqlite_db, settings)
    dialog = started.sign_in_dialog()
    assert dialog.ui.demoNote.isVisible()
    assert "Demo data" in dialog.ui.demoNote.text()
    assert "sam (key worker)" in dialog.ui.demoNote.text()
    sign_in(qtbot, dialog, "sam", PASSWORDS["sam"])
    window = track_window(qtbot, started)
    assert "demo data" in window.windowTitle()
    demo_label = window.findChild(type(window.signed_in_label), "demoLabel")
    assert demo_label is not None
    assert demo_label.isVisible()


def test_must_choose_an_own_password_after_signing_in(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    staff.add_staff(sqlite_db, team.admin, "kim", "Kim Lee", Role.KEY_WORKER, "given by the admin")
    started = start(qtbot, sqlite_db, settings)
    sign_in(qtbot, started.sign_in_dialog(), "kim", "given by the admin")
    assert started.desktop.window is None
    dialog = started.desktop.dialog
    assert isinstance(dialog, ChangePasswordDialog)
    qtbot.addWidget(dialog)
    assert dialog.ui.heading.text() == "Choose your own password"
    assert not dialog.ui.currentPassword.isVisible()  # typed a moment ago: not asked again
    qtbot.keyClicks(dialog.ui.newPassword, "kim chooses this one")
    qtbot.keyClicks(dialog.ui.newPasswordAgain, "kim chooses that one")
    dialog.save()
    assert "not the same" in dialog.ui.problem.text()
    qtbot.keyClicks(dialog.ui.newPassword, "given by the admin")
    qtbot.keyClicks(dialog.ui.newPasswordAgain, "given by the admin")
    dialog.save()
    assert "different" in dialog.ui.problem.text()
    dialog.ui.newPassword.clear()
    dialog.ui.newPasswordAgain.clear()
    qtbot.keyClicks(dialog.ui.newPassword, "kim chooses this one")
    qtbot.keyClicks(dialog.ui.newPasswordAgain, "kim chooses this one")
    dialog.save()
    window = track_window(qtbot, started)
    assert window.signed_in_label.text() == "Signed in: Kim Lee (key worker)"
    signed = authentication.sign_in(sqlite_db, "kim", "kim chooses this one")
    assert not signed.must_change_password


def test_not_choosing_a_password_goes_back_to_sign_in(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    staff.add_staff(sqlite_db, team.admin, "kim", "Kim Lee", Role.KEY_WORKER, "given by the admin")
    started = start(qtbot, sqlite_db, settings)
    sign_in(qtbot, started.sign_in_dialog(), "kim", "given by the admin")
    dialog = started.desktop.dialog
    assert isinstance(dialog, ChangePasswordDialog)
    dialog.reject()  # the button says "Sign out"
    assert started.desktop.window is None
    assert started.sign_in_dialog().ui.username.text() == "kim"
    assert started.quits == []


def test_change_my_password_from_the_menu(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    started = start(qtbot, sqlite_db, settings)
    sign_in(qtbot, started.sign_in_dialog(), "sam", PASSWORDS["sam"])
    window = track_window(qtbot, started)
    window.change_password_action.trigger()
    dialog = find_window("changePasswordDialog")
    assert isinstance(dialog, ChangePasswordDialog)
    ui = dialog.ui
    assert ui.currentPassword.isVisible()
    qtbot.keyClicks(ui.currentPassword, "not the current one")
    qtbot.keyClicks(ui.newPassword, "a brand new phrase")
    qtbot.keyClicks(ui.newPasswordAgain, "a brand new phrase")
    dialog.save()
    assert ui.problem.text() == authentication.MISMATCH
    assert dialog.isVisible()
    assert ui.currentPassword.text() == ""
    assert ui.newPassword.text() == "a brand new phrase"  # only the wrong box is emptied
    qtbot.keyClicks(ui.currentPassword, PASSWORDS["sam"])
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "password was changed" in window.saved_label.text()
    with pytest.raises(SignInRefused):
        authentication.sign_in(sqlite_db, "sam", PASSWORDS["sam"])
    assert authentication.sign_in(sqlite_db, "sam", "a brand new phrase").display_name == "Sam Okafor"


def test_sign_out_and_in_as_another_role_changes_the_menus(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    started = start(qtbot, sqlite_db, settings)
    sign_in(qtbot, started.sign_in_dialog(), "chris", PASSWORDS["chris"])
    mentor = track_window(qtbot, started)
    assert not mentor.new_person_action.isVisible()  # a peer mentor does not register people
    assert mentor.find_action.isVisible()
    assert not mentor.staff_action.isVisible()
    mentor.sign_out_action.trigger()
    assert not mentor.isVisible()
    assert started.desktop.window is None
    assert started.quits == []  # signing out is not quitting
    dialog = started.sign_in_dialog()
    qtbot.addWidget(dialog)
    sign_in(qtbot, dialog, "ada", PASSWORDS["ada"])
    admin = track_window(qtbot, started)
    assert admin is not mentor
    assert admin.staff_action.isVisible()
    assert not admin.find_action.isVisible()
    assert admin.signed_in_label.text() == "Signed in: Ada Admin (administrator)"
    admin.close()
    assert started.quits == [True]  # closing the window quits


def test_quit_on_the_sign_in_dialog_quits(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    started = start(qtbot, sqlite_db, settings)
    started.sign_in_dialog().ui.quitButton.click()
    assert started.quits == [True]
    assert started.desktop.window is None


def test_sign_in_dialog_text_has_nothing_personal(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    start(qtbot, sqlite_db, settings).sign_in_dialog()
    text = visible_text()
    assert "Sign in to Careplan" in text
    assert "Sam Okafor" not in text  # a real database never hints at who works there


def test_caps_lock_is_mentioned_when_capitals_come_without_shift(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    dialog = start(qtbot, sqlite_db, settings).sign_in_dialog()
    hint = dialog.ui.capsLock
    assert not hint.isVisible()
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)  # types "a"
    assert not hint.isVisible()
    qtbot.keyClicks(dialog.ui.password, "A")  # a capital without Shift held: Caps Lock is on
    assert hint.isVisible()
    assert hint.text() == "Caps Lock is on."
    qtbot.keyClicks(dialog.ui.password, "b")
    assert not hint.isVisible()


def lock_out(db: Database, username: str) -> None:
    """Ten wrong passwords in a row (the growing waits passed over), as anyone could type them."""
    from sqlalchemy import update

    from careplan.domain.records import StaffMember, utcnow

    for _ in range(authentication.LOCK_AFTER):
        with pytest.raises(SignInRefused):
            authentication.sign_in(db, username, "somebody's guess")
        with db.session() as session, session.begin():
            session.execute(
                update(StaffMember)
                .where(StaffMember.username == username, StaffMember.locked.is_(False))
                .values(locked_until=utcnow())
            )


def test_a_locked_out_administrator_gets_back_in_with_the_recovery_passphrase(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings, team: Team
) -> None:
    from careplan.gui.dialogs.locked_out import LockedOutDialog
    from tests.conftest import TEST_RECOVERY_PASSPHRASE

    lock_out(sqlite_db, "ada")
    started = start(qtbot, sqlite_db, settings)
    dialog = started.sign_in_dialog()
    sign_in(qtbot, dialog, "ada", PASSWORDS["ada"])
    assert "locked" in dialog.ui.problem.text()
    assert dialog.ui.lockedOutButton.isVisible()
    dialog.ui.lockedOutButton.click()
    locked_out = find_window("lockedOutDialog")
    assert isinstance(locked_out, LockedOutDialog)
    assert "recovery passphrase" in visible_text()
    assert locked_out.username.text() == "ada"
    qtbot.keyClicks(locked_out.passphrase, "not the recovery passphrase")
    locked_out.unlock_button.click()
    assert locked_out.isVisible()
    assert "does not open this database" in locked_out.problem.text()
    assert locked_out.passphrase.text() == ""
    qtbot.keyClicks(locked_out.passphrase, TEST_RECOVERY_PASSPHRASE)
    qtbot.keyClicks(locked_out.new_password, "ada's brand new phrase")
    qtbot.keyClicks(locked_out.new_password_again, "ada's brand new phrase")
    locked_out.unlock_button.click()
    assert not locked_out.isVisible()
    assert dialog.ui.problem.text() == "Ada Admin can sign in again."
    sign_in(qtbot, dialog, "ada", "ada's brand new phrase")
    window = track_window(qtbot, started)
    assert window.signed_in_label.text() == "Signed in: Ada Admin (administrator)"


def test_locked_out_tells_everyone_what_ends_a_lock_and_names_the_server_command_on_postgresql(
    qtbot: QtBot,
) -> None:
    from careplan.gui.dialogs.locked_out import LockedOutDialog
    from careplan.services.administrator_recovery import DATABASE_LOGIN

    def never(username: str, passphrase: str, new: str | None) -> object:
        raise AssertionError("nothing to unlock here")

    dialog = LockedOutDialog(DATABASE_LOGIN, never)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    text = visible_text()
    assert "locked for a while" in text
    assert "staff unlock USERNAME --by-database-login" in text
    assert not dialog.form.isVisible()
    assert not dialog.unlock_button.isVisible()
    dialog.close_button.click()
    assert not dialog.isVisible()
