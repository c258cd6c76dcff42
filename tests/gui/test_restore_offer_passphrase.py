"""The restore offer on a damaged database, when this computer's keyring has not got the backup's
key (the backup was made from another computer's database): the backup's recovery passphrase is
asked for in a real dialog. A wrong one is said there and asked again, with nothing changed;
cancelling changes nothing. And a backup from before passwords is restored with its passphrase.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from careplan.gui import restore_offer
from careplan.services import authentication, backup, restore
from careplan.storage import encryption
from careplan.storage.opener import open_database
from tests import old_schema
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.services.test_audit_person import as_written_before_0006
from tests.worlds import World, build_world

DAMAGED = "The database file is damaged and cannot be read."
SCREENSHOT = Path("/tmp/careplan-restore-backup-passphrase.png")


@pytest.fixture(scope="module")
def other_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    """A backup of another computer's database (its own key), with an administrator Ada."""
    folder = tmp_path_factory.mktemp("elsewhere")
    db = open_database(folder / "careplan.db")
    try:
        world = build_world(db)
        give_everyone_a_password(db)
        as_written_before_0006(db)  # so that it can be made to look older (see _make_pre_sign_in)
        made = backup.backup_database(db, world.team.manager, folder / "their.careplan-backup").path
    finally:
        db.dispose()
    return made, world


def _database_id(backup_file: Path) -> str:
    return encryption.KeyFile.read(encryption.key_file_for(backup_file)).database_id


@pytest.fixture
def damaged(other_backup: tuple[Path, World], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This computer's damaged database, its latest backup the other one's. The keyring has the
    database's own key but not the backup's, and no passphrase is in the environment."""
    made, _world = other_backup
    path = tmp_path / "careplan.db"
    open_database(path).dispose()
    folder = backup.backups_folder(path)
    folder.mkdir()
    latest = folder / "careplan-20260101T000000000000Z.careplan-backup"
    shutil.copyfile(made, latest)
    shutil.copyfile(encryption.key_file_for(made), encryption.key_file_for(latest))
    data = bytearray(path.read_bytes())
    data[:16] = b"GARBAGE-GARBAGE!"
    path.write_bytes(bytes(data))
    encryption.forget_key(_database_id(latest))
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE)
    assert restore.database_state(path) == "damaged"
    assert encryption.keyring_key(_database_id(latest)) is None
    return path


def _put_key_in_keyring(backup_file: Path) -> None:
    key_file = encryption.KeyFile.read(encryption.key_file_for(backup_file))
    encryption.remember_key(key_file.database_id, key_file.unwrap(TEST_RECOVERY_PASSPHRASE))


class Told:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.critical: list[str] = []
        self.information: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: self.critical.append(text))
        monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: self.information.append(text))


def _choose(text: str) -> Callable[[QMessageBox], None]:
    def click(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text() == text).click()

    return click


@pytest.fixture
def as_ada(monkeypatch: pytest.MonkeyPatch) -> Told:
    monkeypatch.setattr(restore_offer, "show", _choose("Restore the latest backup"))
    monkeypatch.setattr(restore_offer, "ask_administrator", lambda _parent: ("ada", TEAM_PASSWORD))
    return Told(monkeypatch)


class Typist:
    """Answers the passphrase dialog: types each passphrase in turn into the real dialog and
    presses Restore (None: presses Cancel), noting what the dialog said after each."""

    def __init__(self, qtbot: QtBot, path: Path, answers: list[str | None]) -> None:
        self.qtbot = qtbot
        self.path = path
        self.answers = answers
        self.problems: list[str] = []
        self.unchanged_after_each: list[bool] = []
        self.dialogs = 0

    def __call__(self, dialog: QDialog) -> int:
        assert isinstance(dialog, restore_offer.BackupPassphraseDialog)
        self.dialogs += 1
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        ui = dialog.ui
        assert ui.passphrase.accessibleName() == "Recovery passphrase of the backup"
        assert ui.passphrase.echoMode() == ui.passphrase.EchoMode.Password
        assert ui.confirm.isHidden()
        assert ui.remember.isHidden()
        before = self.path.read_bytes()
        for answer in self.answers:
            if answer is None:
                self.qtbot.mouseClick(
                    ui.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
                )
                break
            ui.passphrase.clear()
            self.qtbot.keyClicks(ui.passphrase, answer)
            self.qtbot.keyClick(ui.passphrase, Qt.Key.Key_Return)
            if dialog.isVisible():
                self.problems.append(ui.problem.text())
                self.unchanged_after_each.append(self.path.read_bytes() == before)
                dialog.grab().save(str(SCREENSHOT))
            else:
                break
        return dialog.result()


def _signed_in_never(_parent: object) -> tuple[str, str]:
    raise AssertionError("a sign-in was asked for, though nobody in the backup has a password")


def test_a_backup_from_before_passwords_with_its_key_here_still_asks_its_passphrase(
    qtbot: QtBot, damaged: Path, as_ada: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    latest = backup.latest_backup(damaged)
    assert latest is not None
    _make_pre_sign_in(latest)
    _put_key_in_keyring(latest)  # the keyring opens it, but that proves nothing about who is here
    damaged_bytes = damaged.read_bytes()
    offers: list[str] = []

    def show(box: QMessageBox) -> None:
        offers.append(box.objectName())
        text = (
            "Restore the latest backup"
            if box.objectName() == "restoreOffer"
            else "Restore with the recovery passphrase"
        )
        _choose(text)(box)

    monkeypatch.setattr(restore_offer, "show", show)
    monkeypatch.setattr(restore_offer, "ask_administrator", _signed_in_never)
    typist = Typist(qtbot, damaged, ["not the passphrase", None])
    monkeypatch.setattr(restore_offer, "ask", typist)
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is False
    assert offers == ["restoreOffer", "withoutPasswordsOffer"]
    assert typist.problems == [restore_offer.WRONG_BACKUP_PASSPHRASE]
    assert as_ada.critical == as_ada.information == []
    assert damaged.read_bytes() == damaged_bytes

    typist = Typist(qtbot, damaged, [TEST_RECOVERY_PASSPHRASE])
    monkeypatch.setattr(restore_offer, "ask", typist)
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is True
    assert "chooses the first password" in as_ada.information[0]


def _asked_never(dialog: QDialog) -> int:
    raise AssertionError("the passphrase was asked for, though the keyring has the backup's key")


def test_with_the_backups_key_in_the_keyring_nothing_is_asked(
    qtbot: QtBot, damaged: Path, as_ada: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    _put_key_in_keyring(backup.latest_backup(damaged) or Path())
    monkeypatch.setattr(restore_offer, "ask", _asked_never)
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is True
    assert as_ada.critical == []
    assert "is back in place" in as_ada.information[0]
    assert restore.database_state(damaged) == "healthy"


def test_without_the_key_the_backups_passphrase_is_asked_and_restores(
    qtbot: QtBot, damaged: Path, as_ada: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    typist = Typist(qtbot, damaged, [TEST_RECOVERY_PASSPHRASE])
    monkeypatch.setattr(restore_offer, "ask", typist)
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is True
    assert typist.dialogs == 1
    assert typist.problems == []
    assert as_ada.critical == []
    assert "is back in place" in as_ada.information[0]
    assert restore.database_state(damaged) == "healthy"  # and its key is in this keyring now


def test_a_wrong_passphrase_is_said_plainly_asked_again_and_changes_nothing(
    qtbot: QtBot, damaged: Path, as_ada: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged_bytes = damaged.read_bytes()
    typist = Typist(qtbot, damaged, ["not the passphrase", "", TEST_RECOVERY_PASSPHRASE])
    monkeypatch.setattr(restore_offer, "ask", typist)
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is True
    assert typist.problems == [
        restore_offer.WRONG_BACKUP_PASSPHRASE,
        "Type the recovery passphrase first.",
    ]
    assert typist.unchanged_after_each == [True, True]
    assert as_ada.critical == []
    assert restore.database_state(damaged) == "healthy"
    assert damaged.read_bytes() != damaged_bytes


def test_cancelling_the_passphrase_changes_nothing(
    qtbot: QtBot, damaged: Path, as_ada: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged_bytes = damaged.read_bytes()
    files = sorted(p.name for p in damaged.parent.rglob("*"))
    typist = Typist(qtbot, damaged, ["not the passphrase", None])
    monkeypatch.setattr(restore_offer, "ask", typist)
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is False
    assert typist.dialogs == 1
    assert as_ada.critical == as_ada.information == []
    assert damaged.read_bytes() == damaged_bytes
    assert sorted(p.name for p in damaged.parent.rglob("*")) == files
    assert restore.database_state(damaged) == "damaged"


def test_a_refusal_other_than_the_passphrase_is_shown_as_the_service_words_it(
    qtbot: QtBot, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Told(monkeypatch)
    monkeypatch.setattr(restore_offer, "show", _choose("Restore the latest backup"))
    monkeypatch.setattr(restore_offer, "ask_administrator", lambda _parent: ("priya", TEAM_PASSWORD))
    monkeypatch.setattr(restore_offer, "ask", Typist(qtbot, damaged, [TEST_RECOVERY_PASSPHRASE]))
    damaged_bytes = damaged.read_bytes()
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is False
    assert "Only an administrator named in the backup" in told.critical[0]
    assert damaged.read_bytes() == damaged_bytes


def test_a_backup_from_before_passwords_is_restored_with_its_passphrase_typed_once(
    qtbot: QtBot, damaged: Path, as_ada: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    latest = backup.latest_backup(damaged)
    assert latest is not None
    _make_pre_sign_in(latest)
    offers: list[str] = []

    def show(box: QMessageBox) -> None:
        offers.append(box.objectName())
        if box.objectName() == "withoutPasswordsOffer":
            assert "made before Careplan had passwords" in box.text()
            qtbot.addWidget(box)
            box.show()
            qtbot.waitExposed(box)
            box.grab().save("/tmp/careplan-restore-without-passwords.png")
            _choose("Restore with the recovery passphrase")(box)
        else:
            _choose("Restore the latest backup")(box)

    monkeypatch.setattr(restore_offer, "show", show)
    typist = Typist(qtbot, damaged, [TEST_RECOVERY_PASSPHRASE])
    monkeypatch.setattr(restore_offer, "ask", typist)
    monkeypatch.setattr(restore_offer, "ask_administrator", _signed_in_never)
    assert restore_offer.offer_restore(str(damaged), DAMAGED) is True
    assert offers == ["restoreOffer", "withoutPasswordsOffer"]
    assert typist.dialogs == 1  # the passphrase that opened the backup is not asked twice
    assert as_ada.critical == []
    assert "chooses the first password" in as_ada.information[0]
    db = open_database(damaged)
    try:
        assert authentication.needs_first_password(db)
    finally:
        db.dispose()


def _make_pre_sign_in(made: Path) -> None:
    key_file = encryption.KeyFile.read(encryption.key_file_for(made))
    key = encryption.DatabaseKey(
        key_file.unwrap(TEST_RECOVERY_PASSPHRASE), key_file.database_id, from_keyring=False
    )
    with contextlib.closing(encryption.connect(made, key)) as connection:
        for statement in (*old_schema.back_to("0002"), "DROP TABLE careplan_backup"):
            connection.execute(statement)
        connection.commit()
