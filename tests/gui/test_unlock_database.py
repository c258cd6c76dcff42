"""The recovery passphrase dialog: opening a database the keyring cannot open, and a new database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from careplan.gui.dialogs import unlock_database
from careplan.gui.dialogs.unlock_database import UnlockDatabaseDialog, open_or_unlock
from careplan.storage import Database, DatabaseLocked, encryption, open_database
from tests.keyring_memory import LockedKeyring, MemoryKeyring, installed

PASSPHRASE = "blue kettle seven gardens"
SHOTS = Path("/tmp/careplan-screens")


@pytest.fixture(autouse=True)
def no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE, raising=False)


@pytest.fixture
def made_elsewhere(tmp_path: Path) -> Iterator[Path]:
    """A database made on another computer: this computer's keyring does not have its key."""
    path = tmp_path / "careplan.db"
    with installed(MemoryKeyring()):
        open_database(path, recovery_passphrase=PASSPHRASE).dispose()
    with installed(MemoryKeyring()):
        yield path


def shot(dialog: QDialog, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / f"{name}.png"))


def click_ok(qtbot: QtBot, dialog: UnlockDatabaseDialog) -> None:
    button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_wrong_passphrase_says_so_and_the_right_one_opens(qtbot: QtBot, made_elsewhere: Path) -> None:
    with pytest.raises(DatabaseLocked) as locked:
        open_database(made_elsewhere)
    opened: list[Database] = []

    def attempt(passphrase: str) -> Database:
        db = open_database(made_elsewhere, recovery_passphrase=passphrase)
        opened.append(db)
        return db

    dialog = UnlockDatabaseDialog(locked.value.message, attempt)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.passphrase.accessibleName() == "Recovery passphrase"
    assert not dialog.ui.confirm.isVisible()
    assert dialog.ui.remember.isChecked()

    qtbot.keyClicks(dialog.ui.passphrase, "not the passphrase")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.problem.isVisible()
    assert dialog.ui.problem.text() == "That recovery passphrase does not open this database."
    assert opened == []
    shot(dialog, "unlock-wrong-passphrase")

    dialog.ui.passphrase.clear()
    qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.database is opened[0]
    dialog.database.dispose()


def test_a_new_database_asks_for_a_passphrase_twice(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    dialog = UnlockDatabaseDialog(
        "To encrypt a new database Careplan needs a recovery passphrase.",
        lambda passphrase: open_database(path, recovery_passphrase=passphrase),
        creating=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.confirm.isVisible()
    assert not dialog.ui.remember.isVisible()

    qtbot.keyClicks(dialog.ui.passphrase, "short")
    click_ok(qtbot, dialog)
    assert "at least 12 characters" in dialog.ui.problem.text()
    assert not path.exists()

    dialog.ui.passphrase.clear()
    qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.ui.confirm, PASSPHRASE + "x")
    click_ok(qtbot, dialog)
    assert "not the same" in dialog.ui.problem.text()
    assert not path.exists()
    shot(dialog, "unlock-new-database")

    qtbot.keyClicks(dialog.ui.confirm, PASSPHRASE)
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.database is not None
    dialog.database.dispose()
    assert path.exists()


def _answer_with(monkeypatch: pytest.MonkeyPatch, passphrase: str | None) -> list[str]:
    """Make the dialog answer by itself (``None``: cancel); returns the reasons it was shown with."""
    shown: list[str] = []

    def exec_(self: UnlockDatabaseDialog) -> int:
        shown.append(self.ui.reason.text())
        if passphrase is None:
            return 0
        self.ui.passphrase.setText(passphrase)
        self.ui.confirm.setText(passphrase)
        self._try()
        return int(self.result() == QDialog.DialogCode.Accepted)

    monkeypatch.setattr(UnlockDatabaseDialog, "exec", exec_)
    return shown


def test_open_or_unlock_asks_only_when_needed_and_puts_the_key_back(
    qtbot: QtBot, made_elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _answer_with(monkeypatch, PASSPHRASE)
    db = open_or_unlock(str(made_elsewhere))
    assert db is not None
    assert db.key_in_keyring, "the key went back into this computer's keyring"
    db.dispose()
    assert len(shown) == 1
    assert "does not have its key" in shown[0]

    again = open_or_unlock(str(made_elsewhere))  # the keyring has it now: no dialog
    assert again is not None
    again.dispose()
    assert len(shown) == 1


def test_cancelling_opens_nothing(
    qtbot: QtBot, made_elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_with(monkeypatch, None)
    assert open_or_unlock(str(made_elsewhere)) is None


def test_a_locked_keyring_offers_the_passphrase_and_says_why_the_key_stays_out(
    qtbot: QtBot, made_elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    shown = _answer_with(monkeypatch, PASSPHRASE)
    with installed(LockedKeyring()):
        db = open_or_unlock(str(made_elsewhere))
    assert db is not None
    db.dispose()
    assert "keyring is locked" in shown[0]
    assert len(told) == 1
    assert "recovery passphrase will be needed next time" in told[0]
    assert ".." not in shown[0] + told[0]


def test_without_a_keyring_keeping_the_key_is_not_offered_and_the_dialog_says_why(
    qtbot: QtBot, made_elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real dialog, answered by keyboard while it runs modally, as a person would."""
    from keyring.backends import fail

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, UnlockDatabaseDialog)
        seen["remember offered"] = dialog.ui.remember.isVisible()
        seen["reason"] = dialog.ui.reason.text()
        seen["intro"] = dialog.ui.intro.text()
        shot(dialog, "unlock-no-keyring")
        qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
        qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Return)

    with installed(fail.Keyring()):
        QTimer.singleShot(0, answer)
        db = open_or_unlock(str(made_elsewhere))
    assert db is not None
    try:
        assert not db.key_in_keyring
    finally:
        db.dispose()
    assert seen["remember offered"] is False
    assert "there is no keyring on this computer" in str(seen["reason"])
    assert str(seen["intro"]).endswith(unlock_database.NO_KEYRING)
    assert ".." not in str(seen["reason"]) + str(seen["intro"])
    assert told == [], "nothing to say afterwards: nothing was offered"


def test_a_new_database_without_a_keyring_says_the_passphrase_will_be_needed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import fail

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    _answer_with(monkeypatch, PASSPHRASE)
    with installed(fail.Keyring()):
        db = open_or_unlock(str(tmp_path / "careplan.db"))
    assert db is not None
    db.dispose()
    assert len(told) == 1
    assert "recovery passphrase will be needed each time" in told[0]
