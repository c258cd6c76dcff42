"""The app's save dialogs never write over the database or what it needs (issue 14 item 1).

Saving a signed agreement, the catalogue as a spreadsheet, or a copy of the database elsewhere
goes through Qt's own file dialog, driven here as a person would: the path is typed into it and
Qt's "replace it?" question is answered Yes. Careplan must then say no, in one sentence, and
write nothing: not over the database, its -wal, its key file, into its backups folder, nor over
a named pipe (which must stay a pipe). Every modal window is answered from a timer; the test
watchdog (tests/modal_watchdog.py) fails a test that leaves one open rather than hang.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from careplan.documents.files import write_atomically
from careplan.domain.enums import Role
from careplan.gui.backups.dialog import BackupDialog
from careplan.gui.dialogs.catalogue_dialog import CatalogueDialog
from careplan.gui.documents.saving import PdfSaver
from careplan.services import catalogue_file
from careplan.services.agreement import IssuedAgreement
from careplan.services.chosen_files import protected_files
from careplan.services.signed_in import SignedInStaff
from careplan.storage import encryption
from careplan.storage.database import Database
from tests import sqlite_files
from tests.gui.signing import Team, quick_hashing

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")
WAIT = 60_000  # ms: an upper bound for what should happen, never a timing assertion
SHEET = "Provider,Service,Category,Unit,Price\r\nHarbour Gym,Gym pass,sport,week,£6.50\r\n"

# Each dialog adds its own ending to a name typed without it (.pdf, .csv, .careplan-backup), so
# the database is reached by a link with that ending; the backup dialog keeps any ending given.
TARGETS = {
    "a link to the database": lambda db, end: db.parent / f"linked{end}",
    "a link to its key file": lambda db, end: db.parent / f"key{end}",
    "its -wal": lambda db, end: db.with_name(db.name + "-wal"),
    "a file in its backups folder": lambda db, end: db.parent / "backups" / f"kept{end}",
    "a named pipe": lambda db, end: db.parent / f"pipe{end}",
}
REFUSALS = {
    "a link to the database": "is the Careplan database",
    "its -wal": "is one of the Careplan database's own files",
    "a link to its key file": "is the Careplan database's key file",
    "a file in its backups folder": "is in Careplan's automatic backups folder",
    "a named pipe": "is a named pipe",
}


class Modals:
    """Answers each modal window as it opens, from a timer: a file dialog gets ``save_as`` typed
    in and accepted (a second file dialog, asking again, is cancelled); Qt's own "already exists,
    replace it?" gets Yes; any other message box is read into ``said`` and closed (Cancel)."""

    def __init__(self, save_as: Path) -> None:
        self.save_as = save_as
        self.said: list[str] = []
        self.file_dialogs = 0
        self._seen: list[QWidget] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible() or any(modal is seen for seen in self._seen):
            return
        self._seen.append(modal)
        # Answered from a fresh call: accepting a file dialog may open Qt's question in a nested
        # event loop, where this timer must go on looking.
        QTimer.singleShot(0, lambda: self._answer(modal))

    def _answer(self, modal: QWidget) -> None:
        if isinstance(modal, QFileDialog):
            self.file_dialogs += 1
            if self.file_dialogs > 1:
                modal.reject()
                return
            name_box = modal.findChild(QLineEdit, "fileNameEdit")  # Qt's own dialog: typed, as a person would
            assert name_box is not None, "not Qt's own file dialog"
            name_box.setText(str(self.save_as))
            modal.accept()
        elif isinstance(modal, QMessageBox):
            yes = modal.button(QMessageBox.StandardButton.Yes)
            if "already exists" in modal.text() and yes is not None:
                yes.click()
                return
            self.said.append(modal.text())
            modal.reject()


@pytest.fixture
def modals() -> Iterator[list[Modals]]:
    made: list[Modals] = []
    yield made
    for each in made:
        each.stop()


def answering(modals: list[Modals], save_as: Path) -> Modals:
    answers = Modals(save_as)
    modals.append(answers)
    return answers


@pytest.fixture
def context(sqlite_db: Database, team: Team) -> SignedInStaff:
    return SignedInStaff(sqlite_db, team.priya, "Priya Shah", Role.MANAGER, username="priya")


@pytest.fixture
def target(request: pytest.FixtureRequest, sqlite_db: Database) -> tuple[str, Path]:
    """What is chosen in the file dialog (``request.param``: its name in TARGETS and the ending),
    made ready: the links, the backups folder and the pipe exist."""
    what, end = request.param
    assert sqlite_db.path is not None
    (sqlite_db.path.parent / "backups").mkdir(exist_ok=True)
    path: Path = TARGETS[what](sqlite_db.path, end)
    if what == "a named pipe":
        os.mkfifo(path)
    elif what == "a link to the database":
        path.symlink_to(sqlite_db.path)
    elif what == "a link to its key file":
        path.symlink_to(encryption.key_file_for(sqlite_db.path))
    return what, path


def key_and_staff(db: Database) -> tuple[bytes, int]:
    """What must be unchanged: the key file's bytes, and the staff read through a new connection."""
    assert db.path is not None
    connection = sqlite_files.connect(db.path)
    try:
        staff = int(connection.execute("SELECT count(*) FROM staff").fetchone()[0])
    finally:
        connection.close()
    return encryption.key_file_for(db.path).read_bytes(), staff


def assert_nothing_lost(db: Database, before: tuple[bytes, int], what: str, target: Path) -> None:
    assert key_and_staff(db) == before
    if what == "a named pipe":
        assert stat.S_ISFIFO(target.lstat().st_mode), "the pipe was replaced by a file"
    elif what.startswith("a link"):
        assert target.is_symlink(), "the link was replaced by a file"
    elif what == "a file in its backups folder":
        assert not target.exists()
    elif what == "its -wal":
        assert not target.exists() or target.read_bytes()[:4] in (
            b"",
            b"\x37\x7f\x06\x82",
            b"\x37\x7f\x06\x83",
        )


def cases(end: str, *whats: str) -> list[object]:
    return [pytest.param((what, end), id=what) for what in whats]


@pytest.mark.parametrize(
    "target",
    cases(
        ".pdf",
        "a link to the database",
        "a link to its key file",
        "a file in its backups folder",
        "a named pipe",
    ),
    indirect=True,
)
def test_an_agreement_is_never_saved_over_the_database_or_its_files(
    qtbot: QtBot, sqlite_db: Database, context: SignedInStaff, target: tuple[str, Path], modals: list[Modals]
) -> None:
    what, path = target
    parent = QWidget()
    qtbot.addWidget(parent)
    saver = PdfSaver(
        parent, lambda issued, path: write_atomically(path, issued.pdf), protected_files(context.db)
    )
    issued = IssuedAgreement(b"%PDF-1.7 a stand-in", "CP-1-00000000", 1, "CP-TEST", 1, False)
    before = key_and_staff(sqlite_db)
    answers = answering(modals, path)

    assert saver.save(issued) is None  # the person gave up when told no

    assert answers.file_dialogs >= 1
    assert len(answers.said) == 1, answers.said
    assert REFUSALS[what] in answers.said[0]
    assert answers.said[0].count(". ") <= 1  # the reason, then "the signed agreement is kept"
    assert_nothing_lost(sqlite_db, before, what, path)


@pytest.mark.parametrize(
    "target",
    cases(".csv", "a link to its key file", "a file in its backups folder", "a named pipe"),
    indirect=True,
)
def test_the_catalogue_is_never_saved_over_the_database_or_its_files(
    qtbot: QtBot,
    sqlite_db: Database,
    context: SignedInStaff,
    target: tuple[str, Path],
    modals: list[Modals],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    what, path = target
    catalogue_file.import_catalogue(sqlite_db, context.actor, catalogue_file.read_catalogue(SHEET.encode()))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    dialog = CatalogueDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ui.saveButton.isEnabled(), timeout=WAIT)
    before = key_and_staff(sqlite_db)
    answers = answering(modals, path)

    dialog.ui.saveButton.click()

    assert answers.file_dialogs == 1
    assert len(warned) == 1, warned
    assert REFUSALS[what] in warned[0]
    assert_nothing_lost(sqlite_db, before, what, path)


@pytest.mark.parametrize(
    "target",
    cases(".careplan-backup", "a file in its backups folder", "its -wal", "a named pipe"),
    indirect=True,
)
def test_a_copy_of_the_database_is_never_saved_into_its_backups_folder_or_over_its_files(
    qtbot: QtBot,
    sqlite_db: Database,
    context: SignedInStaff,
    target: tuple[str, Path],
    modals: list[Modals],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    what, path = target
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    window = QMainWindow()
    qtbot.addWidget(window)
    dialog = BackupDialog(context, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = key_and_staff(sqlite_db)
    answers = answering(modals, path)

    dialog.elsewhere_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)

    assert answers.file_dialogs == 1
    assert len(warned) == 1, warned
    assert REFUSALS[what] in warned[0]
    assert_nothing_lost(sqlite_db, before, what, path)
    assert (
        list((path.parent if what == "a file in its backups folder" else path.parent / "backups").iterdir())
        == []
    )


@pytest.fixture
def pipe(sqlite_db: Database) -> Iterator[Path]:
    """A named pipe to choose. Afterwards its other end is opened and closed, so that anything
    that did open it (a regression) is let go rather than left waiting for ever."""
    assert sqlite_db.path is not None
    path = sqlite_db.path.parent / "services.csv"
    os.mkfifo(path)
    yield path
    let_go(path)


def let_go(pipe: Path) -> None:
    """Open the pipe's other end and close it: a reader waiting on it is let go (it reads nothing)."""
    os.close(os.open(pipe, os.O_RDWR | os.O_NONBLOCK))


def test_a_named_pipe_chosen_as_a_spreadsheet_is_never_opened(
    qtbot: QtBot, context: SignedInStaff, pipe: Path, modals: list[Modals], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a pipe waits until something writes to it: the job would never end."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    dialog = CatalogueDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    answers = answering(modals, pipe)

    dialog.ui.loadButton.click()
    try:
        qtbot.waitUntil(lambda: dialog.job is None and bool(warned), timeout=10_000)
    finally:
        if dialog.job is not None:  # the pipe was opened: let the job end while its dialog is here
            let_go(pipe)
            qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)

    assert answers.file_dialogs == 1
    assert "is a named pipe, not a spreadsheet file" in warned[0]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
