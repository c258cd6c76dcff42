"""Journey 6, "a bad day": nothing typed and reported saved is lost when the PC dies mid-sentence.

Careplan runs in its own process (tests/gui/crash_writer.py) and is killed with SIGKILL, with no
chance to tidy up, right after it said something was saved and while more is being typed. The
database is then opened again: what was reported saved is there in full, and SQLite's integrity
check passes. Closing the window normally saves what was typed but not yet autosaved.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from careplan.domain.actor import Actor
from careplan.domain.enums import AuthorKind, Role
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.budget_page import BudgetPage
from careplan.services import budget, people, plans, staff
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import current_version_id, load_person, load_version
from careplan.storage.database import Database
from careplan.storage.opener import open_database
from tests import sqlite_files
from tests.gui import crash_writer

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select() on pipes are POSIX")

WRITER = Path(crash_writer.__file__)
READ_TIMEOUT_S = 60.0

# 3 + 5 + 3 + 6 + 2 + 2 + 4 + 0 = 25 points x £50.00 = £1,250.00 with the standard questionnaire.
ANSWERS = {
    "daily_living": "some",
    "substance_use": "some",
    "health": "mixed",
    "housing": "temporary",
    "support": "some",
    "time": "some",
    "children": "care",
    "legal": "no",
}


@dataclass(frozen=True)
class Setup:
    path: Path
    sam: Actor
    dee: int


def make_database(path: Path, *, with_plan: bool) -> Setup:
    db = open_database(path)
    try:
        admin = staff.create_first_administrator(db, "ada", "Ada Admin")
        sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
        dee = people.register_person(db, sam, people.PersonDetails("Dee", "Dee Walsh"))
        if with_plan:
            plans.start_plan(db, sam, dee)
    finally:
        db.dispose()
    return Setup(path, sam, dee)


class Lines:
    """Lines from a child's stdout, each waited for at most until a deadline (select, no sleeping)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._fd = stream.fileno()
        self._buffer = b""
        self.seen: list[str] = []

    def until(self, prefix: str, timeout: float = READ_TIMEOUT_S) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self._next(deadline)
            if line is None:
                raise AssertionError(f"the writer ended before printing {prefix!r}; it printed {self.seen}")
            self.seen.append(line)
            if line.startswith(prefix):
                return line[len(prefix) :].strip()

    def _next(self, deadline: float) -> str | None:
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready = select.select([self._fd], [], [], max(remaining, 0))[0] if remaining > 0 else []
            if not ready:
                raise AssertionError(f"nothing more within {READ_TIMEOUT_S:.0f} s; it printed {self.seen}")
            chunk = os.read(self._fd, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode("utf-8", "replace")


def run_then_kill(tmp_path: Path, setup: Setup, mode: str) -> dict[str, Any]:
    """Start the writer; when it says SAVED (and has typed on), SIGKILL it. Returns what it reported."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAREPLAN_DATA_DIR=str(tmp_path / "data"))
    env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))  # the test keyring is in tests/
    stderr_path = tmp_path / f"{mode}-stderr.txt"
    args = [str(setup.path), str(tmp_path / "settings.ini"), str(setup.sam.staff_id), str(setup.dee), mode]
    with (
        stderr_path.open("wb") as stderr,
        subprocess.Popen(
            [sys.executable, str(WRITER), *args], stdout=subprocess.PIPE, stderr=stderr, env=env
        ) as child,
    ):
        assert child.stdout is not None
        try:
            lines = Lines(child.stdout)
            reported = json.loads(lines.until("SAVED "))
            lines.until("TYPING")  # more is being typed, not saved yet: the power goes now
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=READ_TIMEOUT_S) == -signal.SIGKILL
        except AssertionError as exc:
            child.kill()
            child.wait(timeout=READ_TIMEOUT_S)
            raise AssertionError(f"{exc}\n--- writer's stderr ---\n{stderr_path.read_text()}") from None
    assert isinstance(reported, dict)
    return reported


def integrity(path: Path) -> list[tuple[str, ...]]:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        return [tuple(row) for row in connection.execute("PRAGMA integrity_check")]


@pytest.mark.slow
def test_an_about_me_answer_reported_saved_survives_a_kill_mid_typing(tmp_path: Path) -> None:
    setup = make_database(tmp_path / "careplan.db", with_plan=False)
    reported = run_then_kill(tmp_path, setup, "about_me")
    assert reported["words"] == crash_writer.ANSWER
    assert "✓ About me saved at" in reported["label"]

    assert integrity(setup.path) == [("ok",)]
    db = open_database(setup.path)
    try:
        hopes = load_person(db, setup.sam, setup.dee).about_me["hopes"]
    finally:
        db.dispose()
    assert hopes.body.startswith(crash_writer.ANSWER)  # everything reported saved, in full
    assert (crash_writer.ANSWER + crash_writer.MORE).startswith(hopes.body)  # and nothing garbled
    assert hopes.author.kind is AuthorKind.PERSON


@pytest.mark.slow
def test_a_goal_the_dialog_saved_survives_a_kill_while_the_next_is_typed(tmp_path: Path) -> None:
    setup = make_database(tmp_path / "careplan.db", with_plan=True)
    reported = run_then_kill(tmp_path, setup, "goal")
    assert reported["words"] == crash_writer.GOAL
    assert "✓ Goal added at" in reported["label"]

    assert integrity(setup.path) == [("ok",)]
    db = open_database(setup.path)
    try:
        version_id = current_version_id(db, setup.sam, setup.dee)
        assert version_id is not None
        version = load_version(db, setup.sam, version_id)
    finally:
        db.dispose()
    assert [(g.wording.body, g.life_area_code) for g in version.goals] == [(crash_writer.GOAL, "housing")]
    assert version.goals[0].wording.author.kind is AuthorKind.PERSON


# --- closing the window -------------------------------------------------------------------------


@pytest.fixture
def team(sqlite_db: Database) -> tuple[Actor, int]:
    admin = staff.create_first_administrator(sqlite_db, "ada", "Ada Admin")
    sam = Actor(staff.add_staff(sqlite_db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    dee = people.register_person(sqlite_db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    version_id = plans.start_plan(sqlite_db, sam, dee).version_id
    budget.assess_budget(sqlite_db, sam, version_id, ANSWERS)
    return sam, dee


def open_window(qtbot: QtBot, db: Database, sam: Actor, tmp_path: Path) -> MainWindow:
    context = SignedInStaff(db, sam, "Sam Okafor", Role.KEY_WORKER)
    window = MainWindow(context, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window.workspace.build_pages()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_closing_the_window_stores_what_was_typed_but_not_yet_autosaved(
    qtbot: QtBot, sqlite_db: Database, team: tuple[Actor, int], tmp_path: Path
) -> None:
    sam, dee = team
    window = open_window(qtbot, sqlite_db, sam, tmp_path)
    window.open_person(dee)
    window.workspace.who_is_here.together_button.click()  # Dee is at the screen with Sam
    hopes = window.workspace.page(AboutMePage).boxes["hopes"]
    qtbot.keyClicks(hopes.editor, "A flat with my own door")
    money = next(p for p in window.workspace.pages if isinstance(p, BudgetPage))
    window.workspace.tabs.setCurrentWidget(money)
    qtbot.keyClicks(money.view.agreed_edit, "1000")  # typed, Save agreed amount not pressed
    # Not stored yet: the autosave has not had its pause, and the amount was not saved.
    assert "hopes" not in load_person(sqlite_db, sam, dee).about_me
    version_id = current_version_id(sqlite_db, sam, dee)
    assert version_id is not None
    assert load_version(sqlite_db, sam, version_id).agreed_pence is None

    assert window.close()

    assert not window.isVisible()
    hopes_stored = load_person(sqlite_db, sam, dee).about_me["hopes"]
    assert (hopes_stored.body, hopes_stored.author.kind) == ("A flat with my own door", AuthorKind.PERSON)
    assert load_version(sqlite_db, sam, version_id).agreed_pence == 100000


def test_words_that_cannot_be_saved_keep_the_window_open_until_someone_decides(
    qtbot: QtBot,
    sqlite_db: Database,
    team: tuple[Actor, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sam, dee = team
    window = open_window(qtbot, sqlite_db, sam, tmp_path)
    window.open_person(dee)
    window.workspace.who_is_here.together_button.click()  # Dee is at the screen with Sam
    told: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))

    def cancel(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    hopes = window.workspace.page(AboutMePage).boxes["hopes"]
    letter = "My hopes, written out in full. " * 170  # 5,270 characters: longer than an answer may be
    hopes.editor.insertPlainText(letter)  # pasted in

    assert not window.close()

    assert window.isVisible()
    assert told
    assert "longer than 5000 characters" in told[0]
    assert asked == ["Some of what was typed could not be saved. Close anyway and lose it?"]
    assert hopes.editor.toPlainText() == letter  # still on screen, nothing cleared
    assert "hopes" not in load_person(sqlite_db, sam, dee).about_me
