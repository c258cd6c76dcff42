"""Starting the app on a damaged database: a plain message, and the offer of the latest backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from careplan.gui import app, restore_offer
from careplan.services import backup, restore
from careplan.services.audit_anchors import verify_audit_trail
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.worlds import World, build_world

SCREENSHOT = Path("/tmp/careplan-restore-offer.png")


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, World]:
    path = tmp_path / "careplan.db"
    db = open_database(path)
    try:
        world = build_world(db)
        give_everyone_a_password(db)
        backup.backups_folder(path).mkdir()
        backup.backup_database(db, world.team.manager, backup.automatic_backup_path(path))
    finally:
        db.dispose()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 8] = bytes(4096 * 7)  # zeroed pages
    path.write_bytes(bytes(data))
    return path, world


class Told:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.critical: list[str] = []
        self.information: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: self.critical.append(text))
        monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: self.information.append(text))


def test_the_error_box_offers_the_latest_backup_and_an_administrator_restores_it(
    qtbot: QtBot, damaged: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, world = damaged
    told = Told(monkeypatch)
    shown: list[str] = []

    def choose_restore(box: QMessageBox) -> None:
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        box.grab().save(str(SCREENSHOT))
        shown.append(box.text() + "\n" + box.informativeText())
        restore = next(b for b in box.buttons() if b.text() == "Restore the latest backup")
        restore.click()

    monkeypatch.setattr(restore_offer, "show", choose_restore)
    monkeypatch.setattr(restore_offer, "ask_administrator", lambda _parent: ("ada", TEAM_PASSWORD))

    assert restore_offer.offer_restore(str(path), "The database file is damaged and cannot be read.") is True

    assert "The database file is damaged" in shown[0]
    assert "The latest backup was made on" in shown[0]
    assert "The damaged file is kept" in shown[0]
    assert told.critical == []
    assert "is back in place" in told.information[0]
    assert restore.database_state(path) == "healthy"
    db = open_database(path)
    try:
        assert verify_audit_trail(db, world.team.manager).intact
    finally:
        db.dispose()


def test_a_manager_cannot_restore_and_is_told_why(
    qtbot: QtBot, damaged: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _world = damaged
    told = Told(monkeypatch)
    before = path.read_bytes()
    monkeypatch.setattr(restore_offer, "show", lambda box: _click(box, "Restore the latest backup"))
    monkeypatch.setattr(restore_offer, "ask_administrator", lambda _parent: ("priya", TEAM_PASSWORD))
    assert restore_offer.offer_restore(str(path), "The database file is damaged.") is False
    assert "Only an administrator named in the backup" in told.critical[0]
    assert path.read_bytes() == before


def test_a_wrong_password_is_refused_plainly_and_nothing_changes(
    qtbot: QtBot, damaged: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _world = damaged
    told = Told(monkeypatch)
    before = path.read_bytes()
    monkeypatch.setattr(restore_offer, "show", lambda box: _click(box, "Restore the latest backup"))
    for given in (("ada", "not the password at all"), ("nobody", TEAM_PASSWORD)):
        monkeypatch.setattr(restore_offer, "ask_administrator", lambda _parent, given=given: given)
        assert restore_offer.offer_restore(str(path), "The database file is damaged.") is False
    assert told.critical == ["That username and password do not match an account in the backup."] * 2
    assert told.information == []
    assert path.read_bytes() == before


def test_cancelling_the_sign_in_restores_nothing(
    qtbot: QtBot, damaged: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _world = damaged
    told = Told(monkeypatch)
    before = path.read_bytes()
    monkeypatch.setattr(restore_offer, "show", lambda box: _click(box, "Restore the latest backup"))
    monkeypatch.setattr(restore_offer, "ask_administrator", lambda _parent: None)
    assert restore_offer.offer_restore(str(path), "The database file is damaged.") is False
    assert told.critical == told.information == []
    assert path.read_bytes() == before


def test_the_sign_in_dialog_asks_a_username_and_a_hidden_password(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    dialog = restore_offer.AdministratorDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.username.accessibleName()
    assert dialog.password.accessibleName()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # nothing typed
    assert dialog.isVisible()
    assert dialog.problem.text() == "Please type the administrator's username."
    qtbot.keyClicks(dialog.username, " ada ")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.text() == "Please type their password."
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, "team password 1")
    dialog.grab().save("/tmp/careplan-restore-sign-in.png")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.credentials() == ("ada", "team password 1")


def _click(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


def test_starting_the_app_on_a_damaged_database_shows_the_offer_never_a_traceback(
    qtbot: QtBot, damaged: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _world = damaged
    told = Told(monkeypatch)
    shown: list[str] = []

    def close(box: QMessageBox) -> None:
        shown.append(box.informativeText())
        _click(box, "Close Careplan")

    monkeypatch.setattr(restore_offer, "show", close)
    assert app.run(str(path), "ada") == 3
    assert "The latest backup was made on" in shown[0]
    assert told.critical == []  # the offer was the error box; no second box


def test_without_a_backup_the_box_says_whom_to_ask(
    qtbot: QtBot, damaged: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _world = damaged
    shutil.rmtree(backup.backups_folder(path))
    told = Told(monkeypatch)
    shown: list[QMessageBox] = []

    def close(box: QMessageBox) -> None:
        shown.append(box)
        assert [b.text() for b in box.buttons()] == ["Close Careplan"]
        _click(box, "Close Careplan")

    monkeypatch.setattr(restore_offer, "show", close)
    assert app.run(str(path), "ada") == 3
    assert "Ask your administrator" in shown[0].informativeText()
    assert told.critical == []


def test_only_a_damaged_sqlite_file_gets_the_offer(tmp_path: Path) -> None:
    healthy = tmp_path / "healthy.db"
    open_database(healthy).dispose()
    assert restore_offer.damaged_database(str(healthy)) is None
    assert restore_offer.damaged_database(str(tmp_path / "missing.db")) is None
    assert restore_offer.damaged_database("postgresql+psycopg://careplan@127.0.0.1:1/careplan") is None
    assert restore_offer.offer_restore(str(healthy), "The database file is damaged.") is None
    assert restore_offer.offer_restore(str(healthy), "The database is busy.") is None


def test_a_database_whose_key_is_not_available_is_not_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careplan.storage import encryption
    from tests.keyring_memory import MemoryKeyring, installed

    path = tmp_path / "careplan.db"
    open_database(path).dispose()
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE)
    with installed(MemoryKeyring()):  # another computer's keyring: the key is not there
        with pytest.raises(encryption.DatabaseLocked):
            restore.database_state(path)
        assert restore_offer.damaged_database(str(path)) is None
        assert restore_offer.offer_restore(str(path), "The database file is damaged.") is None
