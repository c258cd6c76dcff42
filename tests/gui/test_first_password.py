"""A database from before sign-in opens on "Choose the first password": an administrator picks
their name and chooses it, and is signed in; once anyone has a password, the usual sign-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.gui.app import Desktop
from careplan.gui.dialogs.first_password import FirstPasswordDialog
from careplan.gui.dialogs.sign_in import SignInDialog
from careplan.services import authentication, staff
from careplan.storage.database import Database
from tests.gui.signing import quick_hashing
from tests.worlds import Team, make_team

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")
FIRST = "kettle morning purple"
SCREENSHOT = "/tmp/careplan-first-password.png"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def start(qtbot: QtBot, db: Database, settings: QSettings) -> Desktop:
    desktop = Desktop(db, settings, on_quit=lambda: None)
    desktop.start()
    if desktop.dialog is not None:
        qtbot.addWidget(desktop.dialog)
    return desktop


def test_an_administrator_chooses_the_first_password_and_the_window_opens(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings
) -> None:
    team: Team = make_team(sqlite_db)  # nobody has a password, as before sign-in existed
    staff.add_staff(sqlite_db, team.administrator, "bea", "Bea Admin", Role.ADMINISTRATOR)
    desktop = start(qtbot, sqlite_db, settings)
    dialog = desktop.dialog
    assert isinstance(dialog, FirstPasswordDialog)
    qtbot.waitExposed(dialog)
    names = [dialog.administrator.itemText(i) for i in range(dialog.administrator.count())]
    assert names == ["Ada Admin (ada)", "Bea Admin (bea)"]  # administrators only, never the others
    assert dialog.password.echoMode() == dialog.password_again.echoMode() == dialog.password.EchoMode.Password
    for field in (dialog.administrator, dialog.password, dialog.password_again):
        assert field.accessibleName()
    qtbot.keyClicks(dialog.password, FIRST)
    qtbot.keyClicks(dialog.password_again, "kettle morning purpl")
    dialog.set_button.click()
    assert "not the same" in dialog.problem.text()
    assert authentication.needs_first_password(sqlite_db)
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.password_again, "short")
    dialog.set_button.click()
    assert "at least 10 characters" in dialog.problem.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, FIRST)
    qtbot.keyClicks(dialog.password_again, FIRST)
    dialog.grab().save(SCREENSHOT)
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert desktop.window is not None
    qtbot.addWidget(desktop.window)
    assert desktop.window.signed_in_label.text() == "Signed in: Ada Admin (administrator)"
    assert not authentication.needs_first_password(sqlite_db)
    assert authentication.sign_in(sqlite_db, "ada", FIRST).actor == team.administrator


def test_once_anyone_has_a_password_the_usual_sign_in_shows(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings
) -> None:
    team = make_team(sqlite_db)
    authentication.set_password(sqlite_db, team.administrator, team.key_worker.staff_id, "a first password")
    desktop = start(qtbot, sqlite_db, settings)
    assert isinstance(desktop.dialog, SignInDialog)


def test_the_dialog_refuses_plainly_if_someone_chose_one_meanwhile(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings
) -> None:
    team = make_team(sqlite_db)
    desktop = start(qtbot, sqlite_db, settings)
    dialog = desktop.dialog
    assert isinstance(dialog, FirstPasswordDialog)
    # Another workstation gets there first.
    authentication.set_first_password(sqlite_db, team.administrator, "another first password")
    qtbot.keyClicks(dialog.password, FIRST)
    qtbot.keyClicks(dialog.password_again, FIRST)
    dialog.set_button.click()
    assert dialog.isVisible()
    assert "already has a password" in dialog.problem.text()
    assert desktop.window is None


def test_without_an_active_administrator_it_says_whom_to_ask(
    qtbot: QtBot, sqlite_db: Database, settings: QSettings
) -> None:
    from sqlalchemy import update

    from careplan.domain.records import StaffMember

    make_team(sqlite_db)
    with sqlite_db.session() as session, session.begin():  # the service never allows this; old data might
        session.execute(update(StaffMember).where(StaffMember.username == "ada").values(active=False))
    dialog = FirstPasswordDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert dialog.administrators == []
    assert not dialog.set_button.isEnabled()
    assert not dialog.password.isEnabled()
    assert dialog.quit_button.isEnabled()
