"""The administrator's staff screen: the list, adding staff, roles, passwords, unlocking and
deactivating a leaver (whose history stays)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.domain.errors import SignInRefused
from careplan.gui.dialogs import staff_admin
from careplan.gui.dialogs.change_password import SetPasswordDialog
from careplan.gui.dialogs.staff_admin import AddStaffDialog, StaffAdminDialog, StaffTableModel
from careplan.gui.main_window import MainWindow
from careplan.services import authentication, staff
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.gui.signing import PASSWORDS, Team, find_window, quick_hashing

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")


@pytest.fixture
def context(sqlite_db: Database, team: Team) -> SignedInStaff:
    return SignedInStaff(sqlite_db, team.admin, "Ada Admin", Role.ADMINISTRATOR, username="ada")


@pytest.fixture
def screen(qtbot: QtBot, context: SignedInStaff, tmp_path: Path) -> StaffAdminDialog:
    """The staff screen opened from the administrator's window, as a person would."""
    window = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.staff_action.isVisible()
    window.staff_action.trigger()
    dialog = find_window("staffAdminDialog")
    assert isinstance(dialog, StaffAdminDialog)
    return dialog


def row_texts(dialog: StaffAdminDialog, username: str) -> list[str]:
    model = dialog.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 1)) == username:
            return [model.data(model.index(row, c)) for c in range(model.columnCount())]
    raise AssertionError(f"{username} is not in the list")


def choose(dialog: StaffAdminDialog, username: str) -> None:
    model = dialog.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 1)) == username:
            dialog.ui.staffTable.selectRow(row)
            return
    raise AssertionError(username)


def test_the_model_passes_the_model_tester(qtbot: QtBot, context: SignedInStaff) -> None:
    model = StaffTableModel(context)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 4
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Name",
        "Username",
        "Role",
        "Status",
    ]
    model.refresh()


def test_the_list_shows_everyone_with_role_and_status(screen: StaffAdminDialog) -> None:
    assert row_texts(screen, "sam") == ["Sam Okafor", "sam", "Key worker", "Active"]
    assert row_texts(screen, "ada") == ["Ada Admin", "ada", "Administrator", "Active"]
    assert "Nothing is deleted" in screen.ui.intro.text()
    choose(screen, "ada")
    assert not screen.ui.deactivateButton.isEnabled()  # not your own account
    assert "(you)" in screen.ui.selectedLabel.text()


def test_add_a_member_of_staff(
    qtbot: QtBot, screen: StaffAdminDialog, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drive(dialog: AddStaffDialog) -> int:
        dialog.show()
        ui = dialog.ui
        qtbot.keyClicks(ui.displayName, "Kim Lee")
        qtbot.keyClicks(ui.username, "sam")  # taken
        ui.role.setCurrentIndex(ui.role.findData(Role.MANAGER))
        qtbot.keyClicks(ui.password, "first one for kim")
        qtbot.keyClicks(ui.passwordAgain, "first one for kim")
        dialog.save()
        assert "already taken" in ui.problem.text()
        assert ui.displayName.text() == "Kim Lee"
        ui.username.clear()
        qtbot.keyClicks(ui.username, "kim")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(AddStaffDialog, "exec", drive)
    screen.ui.addButton.click()
    assert row_texts(screen, "kim") == [
        "Kim Lee",
        "kim",
        "Manager",
        "Active (chooses a password at next sign-in)",
    ]
    assert "Kim Lee was added" in screen.ui.problem.text()
    signed = authentication.sign_in(sqlite_db, "kim", "first one for kim")
    assert signed.role == Role.MANAGER
    assert signed.must_change_password


def test_change_a_role(screen: StaffAdminDialog, sqlite_db: Database) -> None:
    choose(screen, "chris")
    assert screen.ui.roleChoice.currentData() == Role.PEER_MENTOR
    screen.ui.roleChoice.setCurrentIndex(screen.ui.roleChoice.findData(Role.KEY_WORKER))
    screen.ui.changeRoleButton.click()
    assert row_texts(screen, "chris")[2] == "Key worker"
    assert authentication.sign_in(sqlite_db, "chris", PASSWORDS["chris"]).role == Role.KEY_WORKER
    # The last administrator cannot stop being one: the refusal is shown, nothing changes.
    choose(screen, "ada")
    screen.ui.roleChoice.setCurrentIndex(screen.ui.roleChoice.findData(Role.MANAGER))
    screen.ui.changeRoleButton.click()
    assert "at least one active administrator" in screen.ui.problem.text()
    assert row_texts(screen, "ada")[2] == "Administrator"


def test_deactivate_a_leaver_keeps_their_history(
    screen: StaffAdminDialog, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def confirm_deactivate(self: StaffAdminDialog, member: staff.StaffAccount) -> bool:
        asked.append(member.username)
        return False

    monkeypatch.setattr(StaffAdminDialog, "confirm_deactivate", confirm_deactivate)
    choose(screen, "priya")
    screen.ui.deactivateButton.click()
    assert asked == ["priya"]
    assert row_texts(screen, "priya")[3] == "Active"  # cancelled: nothing changed
    monkeypatch.setattr(StaffAdminDialog, "confirm_deactivate", lambda self, a: True)
    screen.ui.deactivateButton.click()
    assert row_texts(screen, "priya")[3] == "Left (deactivated)"
    assert "history is kept" in screen.ui.problem.text()
    assert not screen.ui.deactivateButton.isEnabled()
    assert not screen.ui.changeRoleButton.isEnabled()
    with pytest.raises(SignInRefused, match="closed"):
        authentication.sign_in(sqlite_db, "priya", PASSWORDS["priya"])
    assert any(s.username == "priya" for s in staff.staff_list(sqlite_db, screen._context.actor))


def test_the_deactivate_question_says_nothing_is_deleted(
    qtbot: QtBot, screen: StaffAdminDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0  # closed without choosing: nothing happens

    monkeypatch.setattr(QMessageBox, "exec", answer)
    choose(screen, "priya")
    screen.ui.deactivateButton.click()
    assert shown
    assert "Nothing is deleted" in shown[0]
    assert row_texts(screen, "priya")[3] == "Active"


def test_set_a_new_password(
    qtbot: QtBot, screen: StaffAdminDialog, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drive(dialog: SetPasswordDialog) -> int:
        dialog.show()
        assert "Sam Okafor" in dialog.windowTitle()
        assert not dialog.ui.currentPassword.isVisible()
        qtbot.keyClicks(dialog.ui.newPassword, "short")
        qtbot.keyClicks(dialog.ui.newPasswordAgain, "short")
        dialog.save()
        assert "at least 10 characters" in dialog.ui.problem.text()
        dialog.ui.newPassword.clear()
        dialog.ui.newPasswordAgain.clear()
        qtbot.keyClicks(dialog.ui.newPassword, "temporary for sam")
        qtbot.keyClicks(dialog.ui.newPasswordAgain, "temporary for sam")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(SetPasswordDialog, "exec", drive)
    choose(screen, "sam")
    screen.ui.setPasswordButton.click()
    assert "new password" in screen.ui.problem.text()
    assert row_texts(screen, "sam")[3] == "Active (chooses a password at next sign-in)"
    assert authentication.sign_in(sqlite_db, "sam", "temporary for sam").must_change_password


def test_unlock_a_locked_account(
    screen: StaffAdminDialog, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(authentication, "LOCK_AFTER", 2)
    for _ in range(2):
        with pytest.raises(SignInRefused):
            authentication.sign_in(sqlite_db, "sam", "wrong wrong wrong")
    screen.model.refresh()
    choose(screen, "sam")
    assert row_texts(screen, "sam")[3] == "Locked"
    assert screen.ui.unlockButton.isEnabled()
    screen.ui.unlockButton.click()
    assert row_texts(screen, "sam")[3] == "Active"
    assert not screen.ui.unlockButton.isEnabled()
    assert "can sign in again" in screen.ui.problem.text()
    assert authentication.sign_in(sqlite_db, "sam", PASSWORDS["sam"]).display_name == "Sam Okafor"


def test_keyboard_tab_order_and_names(screen: StaffAdminDialog) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    order: list[QWidget] = [screen.ui.staffTable]
    widget = screen.ui.staffTable.nextInFocusChain()
    while widget is not screen.ui.staffTable and len(order) < 8:
        assert widget is not None, "the focus chain ends before it comes round again"
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
            order.append(widget)
        widget = widget.nextInFocusChain()
    names = [w.objectName() for w in order]
    assert names[:5] == ["staffTable", "addButton", "roleChoice", "changeRoleButton", "setPasswordButton"]
    inputs = [w for kind in (QLineEdit, QComboBox) for w in screen.findChildren(kind)]
    assert all(w.accessibleName() for w in inputs)
    assert screen.ui.staffTable.accessibleName() == "Staff"
    screen.reject()
    assert screen.result() == QDialog.DialogCode.Rejected


def test_staff_screen_is_not_offered_to_a_manager(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path
) -> None:
    context = SignedInStaff(sqlite_db, team.priya, "Priya Shah", Role.MANAGER)
    window = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert not window.staff_action.isVisible()
    assert staff_admin.ROLE_WORDS[Role.MANAGER] == "Manager"


def test_end_the_wait_after_wrong_passwords(
    screen: StaffAdminDialog, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(authentication, "FIRST_DELAY_SECONDS", 600)
    for _ in range(authentication.FREE_TRIES):
        with pytest.raises(SignInRefused):
            authentication.sign_in(sqlite_db, "chris", "wrong wrong wrong")
    screen.model.refresh()
    choose(screen, "chris")
    assert row_texts(screen, "chris")[3] == "Waiting after wrong passwords"
    assert screen.ui.unlockButton.isEnabled()
    screen.ui.unlockButton.click()
    assert row_texts(screen, "chris")[3] == "Active"
    assert authentication.sign_in(sqlite_db, "chris", PASSWORDS["chris"]).display_name == "Chris Doyle"
