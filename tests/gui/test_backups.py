"""Backups from the desktop app: File > Back up now… for managers and administrators, and the
daily automatic backup after any sign-in. Driven through the real widgets; the file dialog and
message boxes are answered by the test; background jobs are waited for, never slept on.

A read-only folder and a full disk are real: a small tmpfs (see tests/faults/test_disk_faults.py),
which needs root as on CI; elsewhere those tests skip, and in CI that is a failure."""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.gui.app import Desktop
from careplan.gui.backups import automatic, dialog
from careplan.gui.backups.automatic import AutomaticBackup
from careplan.gui.backups.dialog import BackupDialog
from careplan.gui.default_folder import default_folder
from careplan.gui.main_window import MainWindow
from careplan.services import authentication, backup, backup_manifest, restore
from careplan.services.audit_anchors import verify_audit_trail
from careplan.services.signed_in import SignedInStaff
from careplan.storage import backup_files, backup_folder, encryption
from careplan.storage.database import Database
from tests import sqlite_files
from tests.faults.test_disk_faults import small_disk
from tests.gui.menus import file_menu
from tests.gui.signing import PASSWORDS, Team, make_team, quick_hashing
from tests.stored import audit_count

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")

SCREENSHOT = Path("/tmp/careplan-backup-dialog.png")
NAMES = {
    Role.ADMINISTRATOR: ("ada", "Ada Admin"),
    Role.KEY_WORKER: ("sam", "Sam Okafor"),
    Role.MANAGER: ("priya", "Priya Shah"),
    Role.PEER_MENTOR: ("chris", "Chris Doyle"),
}


@pytest.fixture
def team(sqlite_db: Database) -> Team:
    return make_team(sqlite_db)


def actor_of(team: Team, role: Role) -> Actor:
    return {
        Role.ADMINISTRATOR: team.admin,
        Role.KEY_WORKER: team.sam,
        Role.MANAGER: team.priya,
        Role.PEER_MENTOR: team.chris,
    }[role]


def context_for(db: Database, team: Team, role: Role) -> SignedInStaff:
    username, name = NAMES[role]
    return SignedInStaff(db, actor_of(team, role), name, role, username=username)


def open_window(qtbot: QtBot, context: SignedInStaff, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.screen_lock.unlock())
    window.resize(1000, 650)
    window.show()
    qtbot.waitExposed(window)
    return window


def backup_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "backupAction")
    assert action is not None
    return action


def file_menu_texts(window: MainWindow) -> list[str]:
    return [a.text() for a in file_menu(window).actions() if a.isVisible() and not a.isSeparator()]


def open_backup_dialog(qtbot: QtBot, window: MainWindow) -> BackupDialog:
    assert "&Back up now…" in file_menu_texts(window)
    backup_action(window).trigger()
    found = window.findChild(BackupDialog)
    assert found is not None, "File > Back up now… opened nothing"
    qtbot.waitExposed(found)
    return found


def wait_for(qtbot: QtBot, shown: BackupDialog) -> None:
    qtbot.waitUntil(lambda: shown.job is None, timeout=60_000)


def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    return said


def automatic_files(db: Database) -> list[Path]:
    assert db.path is not None
    return sorted(backup.backups_folder(db.path).glob(f"{backup_folder.AUTO_PREFIX}*{backup.BACKUP_SUFFIX}"))


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".partial") or "careplan-backup" in p.name]


# --- Back up now… -----------------------------------------------------------------------------


def test_a_manager_backs_up_now_and_the_backup_restores(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_files, "STEP_PAGES", 1)  # a page a step: the progress bar moves
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    assert "There is no automatic backup yet." in shown.last_label.text()
    assert str(backup.backups_folder(sqlite_db.path)) in shown.folder_label.text()  # type: ignore[arg-type]
    shown.grab().save(str(SCREENSHOT))
    seen: list[int] = []
    shown.progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(shown.now_button, Qt.MouseButton.LeftButton)
    assert not shown.now_button.isEnabled()  # one backup at a time
    wait_for(qtbot, shown)

    made = automatic_files(sqlite_db)
    assert len(made) == 1
    assert encryption.key_file_for(made[0]).is_file()
    assert seen
    assert max(seen) > 0
    assert shown.progress.isHidden()
    assert "✓ Backup made and checked" in shown.outcome.text()
    assert str(made[0]) in shown.outcome.text()
    assert "The last one was made today at" in shown.last_label.text()
    assert shown.now_button.isEnabled()
    shown.grab().save(str(SCREENSHOT.with_name("careplan-backup-dialog-done.png")))
    assert window.statusBar().currentMessage() == f"Backup saved: {made[0]}"
    # A usable backup: the service checks it and puts it back.
    assert sqlite_db.path is not None
    result = restore.restore_database(sqlite_db.path, team.admin, made[0])
    assert result.manifest is not None
    assert result.manifest.counts["staff"] == 4
    assert restore.database_state(sqlite_db.path) == "healthy"
    assert verify_audit_trail(sqlite_db, team.priya).intact


def test_an_administrator_saves_a_copy_elsewhere(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, context_for(sqlite_db, team, Role.ADMINISTRATOR), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    (tmp_path / "usb").mkdir()
    asked: list[Path] = []

    def choose(_parent: object, suggested: Path) -> str:
        asked.append(suggested)
        return str(tmp_path / "usb" / "monday")  # typed without the ending

    monkeypatch.setattr(dialog, "ask_save_path", choose)
    qtbot.mouseClick(shown.elsewhere_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, shown)
    assert sqlite_db.path is not None
    today = datetime.now().date()
    # Documents is suggested, not the automatic backups folder (no copy may be saved there).
    assert asked == [default_folder() / f"Careplan backup {today:%Y-%m-%d}.careplan-backup"]
    target = tmp_path / "usb" / "monday.careplan-backup"
    assert target.is_file()
    assert str(target) in shown.outcome.text()
    manifest = backup_manifest.read_manifest(target)
    assert manifest is not None
    assert manifest.counts["staff"] == 4
    assert automatic_files(sqlite_db) == []  # not an automatic one


def test_cancelling_the_file_dialog_makes_nothing(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    monkeypatch.setattr(dialog, "ask_save_path", lambda _parent, _suggested: "")
    qtbot.mouseClick(shown.elsewhere_button, Qt.MouseButton.LeftButton)
    assert shown.job is None
    assert shown.outcome.isHidden()
    assert sqlite_db.path is not None
    assert not backup.backups_folder(sqlite_db.path).exists()  # not even made to be suggested
    assert [p.name for p in tmp_path.iterdir() if "careplan-backup" in p.name] == []


@pytest.mark.parametrize("role", [Role.KEY_WORKER, Role.PEER_MENTOR])
def test_staff_who_may_not_back_up_do_not_see_the_action(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, role: Role
) -> None:
    window = open_window(qtbot, context_for(sqlite_db, team, role), tmp_path)
    action = backup_action(window)
    assert not action.isVisible()
    assert not action.isEnabled()
    assert not [t for t in file_menu_texts(window) if "Back up" in t]


def test_a_read_only_folder_says_so_and_leaves_no_file(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = warnings(monkeypatch)
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    with small_disk(tmp_path / "stick", 4096) as disk:
        disk.read_only()
        try:
            monkeypatch.setattr(dialog, "ask_save_path", lambda _p, _s: str(disk.path / "b.careplan-backup"))
            qtbot.mouseClick(shown.elsewhere_button, Qt.MouseButton.LeftButton)
            wait_for(qtbot, shown)
        finally:
            disk.writable()
        assert said == ["The backup could not be written: the folder is read-only. Nothing was changed."]
        assert leftovers(disk.path) == []
    assert shown.outcome.isHidden()
    assert shown.now_button.isEnabled()
    assert shown.elsewhere_button.isEnabled()


def test_a_full_disk_says_so_and_leaves_no_partial_file(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = warnings(monkeypatch)
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    assert sqlite_db.path is not None
    size_kb = sqlite_db.path.stat().st_size // 1024
    with small_disk(tmp_path / "stick", max(16, size_kb // 4)) as disk:  # a quarter of what it needs
        monkeypatch.setattr(dialog, "ask_save_path", lambda _p, _s: str(disk.path / "b.careplan-backup"))
        qtbot.mouseClick(shown.elsewhere_button, Qt.MouseButton.LeftButton)
        wait_for(qtbot, shown)
        assert len(said) == 1
        assert said[0].startswith(
            "The disk is full, so the backup could not be written. Nothing was changed."
        )
        assert leftovers(disk.path) == []


def test_a_backup_over_an_existing_file_is_refused_and_the_file_kept(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = warnings(monkeypatch)
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    earlier = tmp_path / "earlier.careplan-backup"
    earlier.write_bytes(b"an earlier backup")
    monkeypatch.setattr(dialog, "ask_save_path", lambda _p, _s: str(earlier))
    qtbot.mouseClick(shown.elsewhere_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, shown)
    assert said == [f"{earlier} already exists, so the backup was not written: choose a new name."]
    assert earlier.read_bytes() == b"an earlier backup"


def test_closing_the_dialog_mid_way_tells_the_status_bar(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_files, "STEP_PAGES", 1)
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    qtbot.mouseClick(shown.now_button, Qt.MouseButton.LeftButton)
    job = shown.job
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60_000):
        qtbot.keyClick(shown, Qt.Key.Key_Escape)
        assert not shown.isVisible()
    made = automatic_files(sqlite_db)
    assert len(made) == 1
    assert window.statusBar().currentMessage() == f"Backup saved: {made[0]}"


def test_on_postgresql_the_action_says_the_server_backs_up(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = make_team(db)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window = open_window(qtbot, context_for(db, team, Role.ADMINISTRATOR), tmp_path)
    backup_action(window).trigger()
    if db.is_sqlite:
        assert told == []
        assert window.findChild(BackupDialog) is not None
    else:
        assert told == [backup.PG_BACKUP]
        assert window.findChild(BackupDialog) is None
        assert "pg_dump" in told[0]


# --- the automatic backup ---------------------------------------------------------------------


def run_automatic(qtbot: QtBot, window: MainWindow, context: SignedInStaff) -> AutomaticBackup:
    runner = AutomaticBackup(window, context, delay_ms=0)
    qtbot.waitUntil(lambda: runner.outcome != "" and runner.job is None, timeout=60_000)
    return runner


def old_backup(db: Database, team: Team, age: timedelta) -> Path:
    made = backup.automatic_backup(db, team.sam, now=datetime.now(UTC) - age)
    assert made is not None
    return made.path


def test_the_automatic_backup_runs_when_the_newest_is_a_day_old(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path
) -> None:
    old = old_backup(sqlite_db, team, timedelta(days=1, minutes=1))
    context = context_for(sqlite_db, team, Role.KEY_WORKER)  # anyone's sign-in makes it
    window = open_window(qtbot, context, tmp_path)
    runner = run_automatic(qtbot, window, context)
    assert runner.outcome == "made"
    made = automatic_files(sqlite_db)
    assert len(made) == 2
    assert made[0] == old
    assert window.statusBar().currentMessage() == "Today's automatic backup is made"
    manifest = backup_manifest.read_manifest(made[1])
    assert manifest is not None
    assert manifest.counts["staff"] == 4
    assert window.findChild(QObject, "automaticBackupWarning") is None


def test_no_automatic_backup_when_the_newest_is_fresh(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path
) -> None:
    old_backup(sqlite_db, team, timedelta(hours=23))
    before = automatic_files(sqlite_db)
    context = context_for(sqlite_db, team, Role.MANAGER)
    window = open_window(qtbot, context, tmp_path)
    runner = run_automatic(qtbot, window, context)
    assert runner.outcome == "fresh"
    assert automatic_files(sqlite_db) == before
    assert window.statusBar().currentMessage() == ""


def test_the_automatic_backup_keeps_the_newest_ten(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path
) -> None:
    model = old_backup(sqlite_db, team, timedelta(days=30))
    for days in range(2, 13):  # eleven more, older than a day (copies: only their names matter)
        stamp = (datetime.now(UTC) - timedelta(days=days)).strftime(backup_folder.AUTO_TIME_FORMAT)
        copy = model.with_name(f"{backup_folder.AUTO_PREFIX}{stamp}{backup.BACKUP_SUFFIX}")
        shutil.copyfile(model, copy)
        shutil.copyfile(encryption.key_file_for(model), encryption.key_file_for(copy))
    assert len(automatic_files(sqlite_db)) == 12
    context = context_for(sqlite_db, team, Role.PEER_MENTOR)
    window = open_window(qtbot, context, tmp_path)
    runner = run_automatic(qtbot, window, context)
    assert runner.outcome == "made"
    kept = automatic_files(sqlite_db)
    assert len(kept) == 10
    assert model not in kept  # the oldest went
    assert sorted(p.name for p in backup.backups_folder(sqlite_db.path).glob("*.key")) == sorted(  # type: ignore[arg-type]
        encryption.key_file_for(p).name for p in kept
    )


def test_a_failed_automatic_backup_warns_quietly_and_is_tried_again_next_time(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sqlite_db.path is not None
    context = context_for(sqlite_db, team, Role.KEY_WORKER)
    with small_disk(backup.backups_folder(sqlite_db.path), 4096) as disk:
        disk.read_only()
        try:
            window = open_window(qtbot, context, tmp_path)
            runner = run_automatic(qtbot, window, context)
        finally:
            disk.writable()
        assert runner.outcome == "failed"
        assert leftovers(disk.path) == []
        warning = runner.warning
        assert warning is not None
        assert warning.isVisible()
        assert warning.text() == "⚠ No backup today"
        assert "the folder is read-only" in warning.toolTip()
        assert "try again the next time someone signs in" in warning.toolTip()
        assert "read-only" in window.statusBar().currentMessage()
        window.statusBar().grab().save(str(SCREENSHOT.with_name("careplan-backup-warning.png")))
        said = warnings(monkeypatch)
        qtbot.mouseClick(warning, Qt.MouseButton.LeftButton)  # the reason, for whoever asks
        assert said == [warning.toolTip()]
        # Work goes on: nothing modal was opened.
        assert window.other_windows() == []
        # The next start: the folder can be written again, and the backup is made.
        again = run_automatic(qtbot, window, context)
        assert again.outcome == "made"
        assert len(automatic_files(sqlite_db)) == 1


def test_signing_in_to_the_desktop_starts_the_automatic_backup(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(automatic, "DELAY_MS", 0)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desktop = Desktop(sqlite_db, settings, on_quit=lambda: None)
    desktop.open_window(authentication.sign_in(sqlite_db, "chris", PASSWORDS["chris"]))
    window = desktop.window
    assert window is not None
    qtbot.addWidget(window, before_close_func=lambda w: w.screen_lock.unlock())
    runner = window.findChild(AutomaticBackup)
    assert runner is not None
    qtbot.waitUntil(lambda: runner.outcome == "made", timeout=60_000)
    assert len(automatic_files(sqlite_db)) == 1


def test_no_automatic_backup_on_postgresql(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    team = make_team(db)
    context = context_for(db, team, Role.MANAGER)
    window = open_window(qtbot, context, tmp_path)
    runner = run_automatic(qtbot, window, context)
    if db.is_sqlite:
        assert runner.outcome == "made"
    else:
        assert runner.outcome == "not sqlite"
        assert runner.job is None


def test_a_busy_database_says_so_and_the_window_stays_usable_meanwhile(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another workstation holds the write lock for longer than Careplan waits (5 seconds)."""
    said = warnings(monkeypatch)
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    assert sqlite_db.path is not None
    with contextlib.closing(sqlite_files.connect(sqlite_db.path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        qtbot.mouseClick(shown.now_button, Qt.MouseButton.LeftButton)
        assert shown.job is not None  # the click returned at once: the wait is off the GUI thread
        assert shown.progress.isVisible()
        window.reload_action.trigger()  # the window behind still answers
        assert window.statusBar().currentMessage() == "Up to date"
        wait_for(qtbot, shown)
        other.execute("ROLLBACK")
    assert len(said) == 1
    assert said[0].startswith("The database is busy")
    assert automatic_files(sqlite_db) == []
    assert leftovers(backup.backups_folder(sqlite_db.path)) == []


# --- the schedule (services/backup.py) --------------------------------------------------------


def test_which_automatic_backup_is_the_newest_is_read_from_its_name(sqlite_db: Database, team: Team) -> None:
    assert sqlite_db.path is not None
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    assert backup.newest_automatic_backup(sqlite_db.path) is None
    assert backup.automatic_backup_due(sqlite_db.path, now)
    folder = backup.backups_folder(sqlite_db.path)
    folder.mkdir()
    for name in ("careplan-not-a-date.careplan-backup", "Careplan backup 2026-11-26.careplan-backup"):
        (folder / name).write_bytes(b"not one Careplan made automatically")
    assert backup.newest_automatic_backup(sqlite_db.path) is None
    made = backup.automatic_backup(sqlite_db, team.chris, now=now - timedelta(hours=30))
    assert made is not None
    assert backup.newest_automatic_backup(sqlite_db.path) == (made.path, now - timedelta(hours=30))
    os.utime(made.path, (0, 0))  # an old file time (a copy) changes nothing
    assert backup.automatic_backup_due(sqlite_db.path, now)
    assert not backup.automatic_backup_due(sqlite_db.path, now - timedelta(hours=7))
    # A backup dated ahead of the clock (a clock that was wrong) does not stop the backups.
    assert backup.automatic_backup_due(sqlite_db.path, now - timedelta(hours=32))


def test_the_automatic_use_case_does_nothing_when_fresh_and_clears_stale_half_copies(
    sqlite_db: Database, team: Team
) -> None:
    assert sqlite_db.path is not None
    folder = backup.backups_folder(sqlite_db.path)
    folder.mkdir()
    stale = folder / ".careplan-20261101T000000000000Z.careplan-backup.x1.partial"
    young = folder / ".careplan-20261126T000000000000Z.careplan-backup.x2.partial"
    for half in (stale, young):
        half.write_bytes(b"half a copy")
    two_days_ago = datetime.now(UTC).timestamp() - 2 * 86400
    os.utime(stale, (two_days_ago, two_days_ago))
    events = audit_count(sqlite_db)
    made = backup.automatic_backup(sqlite_db, team.sam)
    assert made is not None
    assert audit_count(sqlite_db) == events + 1
    assert not stale.exists()
    assert young.exists()  # perhaps another workstation's copy in progress
    assert backup.automatic_backup(sqlite_db, team.sam) is None  # fresh: nothing, not even an event
    assert audit_count(sqlite_db) == events + 1
    assert len(automatic_files(sqlite_db)) == 1


def test_a_backup_that_ends_while_the_screen_is_locked_shows_its_outcome_after_unlocking(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_files, "STEP_PAGES", 1)
    window = open_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    shown = open_backup_dialog(qtbot, window)
    qtbot.mouseClick(shown.now_button, Qt.MouseButton.LeftButton)
    window.screen_lock.lock()
    assert shown.windowTitle() != dialog.TITLE  # covered: nothing of it can be read
    wait_for(qtbot, shown)
    window.screen_lock.unlock()
    assert shown.windowTitle() == dialog.TITLE
    assert shown.progress.isHidden()
    assert shown.outcome.isVisible()
    assert "✓ Backup made and checked" in shown.outcome.text()
