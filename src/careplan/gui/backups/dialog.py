"""File > Back up now…: a small window that says where the automatic backups go and when the last
one was made, with two ways to make one now.

- **Back up now** makes a backup in the automatic backups folder (``backups/`` beside the
  database) and keeps the newest ten there, as ``careplan backup`` does.
- **Save a copy elsewhere…** asks for a file (the Documents folder and a name with today's
  date are suggested), for a copy to take to another disk. Never into the automatic backups
  folder, over the database or its files, or over anything already there
  (:func:`careplan.services.chosen_files.backup_path`).

Managers and administrators only (``Action.BACKUP_DATABASE``; the action is hidden for everyone
else). On PostgreSQL the action says plainly that the server's own backups are used, and does
nothing else.

The copy runs off the GUI thread (:class:`careplan.gui.jobs.Job`) with a progress bar;
the window, and the main window behind it, stay usable, and the dialog may be closed meanwhile
(the outcome then goes to the main window's status bar). A failure is said in a message box in
the service's words; :func:`careplan.services.backup.backup_database` guarantees that it leaves
no file behind (the copy is made under a private temporary name and only renamed when checked).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.errors import StorageError
from careplan.domain.permissions import Action
from careplan.domain.wording.dates import when_made
from careplan.gui.default_folder import default_folder
from careplan.gui.jobs import Failure, Job, Report
from careplan.services import backup as backups
from careplan.services import chosen_files
from careplan.services.chosen_files import FileRefused
from careplan.services.signed_in import SignedInStaff

log = logging.getLogger(__name__)

TITLE = "Back up the database"
NOT_MADE = "The backup was not made"
STATUS_MS = 10_000


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def default_copy_name(today: date | None = None) -> str:
    """The name suggested for a copy saved elsewhere. It does not start with ``careplan-``, so it
    never looks like (nor is pruned as) an automatic backup, wherever it ends up."""
    return f"Careplan backup {(today or date.today()):%Y-%m-%d}{backups.BACKUP_SUFFIX}"


def ask_save_path(parent: QWidget, suggested: Path) -> str:
    """Where to save a copy; "" when the person cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Save a copy of the database", str(suggested), f"Careplan backups (*{backups.BACKUP_SUFFIX})"
    )
    return chosen


class _Steps(QObject):
    """Carries the copy's progress (pages done, pages in all) from the worker to the window.
    It belongs to the job, so it lives exactly as long as the work that emits it."""

    step = Signal(int, int)


Work = Callable[[Report, _Steps], backups.BackupResult]


class BackupDialog(QDialog):
    """Where automatic backups go, when the last one was made, and two ways to make one now."""

    def __init__(self, context: SignedInStaff, parent: QMainWindow) -> None:
        super().__init__(parent)
        assert context.db.path is not None, "only an SQLite database is backed up here"
        self._context = context
        self._database = context.db.path
        self._window = parent
        self.job: Job | None = None
        self.setObjectName("backupDialog")
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(560)
        # Everything sits in one body: the screen lock hides a window's direct children and shows
        # them again, so the progress bar and outcome, shown or hidden meanwhile, stay as they are.
        body = QWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(body)
        layout = QVBoxLayout(body)
        layout.setSpacing(12)

        intro = QLabel(
            "A backup is a checked copy of everything in Careplan. If the database is ever "
            "damaged, an administrator can put the latest backup back."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox("Automatic backups")
        inner = QVBoxLayout(box)
        how = QLabel(
            f"Careplan makes one each day when someone signs in. It keeps the newest {backups.DEFAULT_KEEP}."
        )
        how.setWordWrap(True)
        inner.addWidget(how)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupsFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.folder_label)
        self.last_label = QLabel()
        self.last_label.setObjectName("lastBackup")
        self.last_label.setWordWrap(True)
        inner.addWidget(self.last_label)
        layout.addWidget(box)

        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setAccessibleName("How much of the backup is done")
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.outcome = QLabel()
        self.outcome.setObjectName("backupOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        layout.addWidget(self.outcome)

        buttons = QHBoxLayout()
        self.now_button = QPushButton("&Back up now")
        self.now_button.setObjectName("backUpNow")
        self.now_button.setAccessibleName("Back up now")
        self.now_button.setToolTip("Make a backup in the automatic backups folder")
        self.now_button.setDefault(True)
        self.elsewhere_button = QPushButton("&Save a copy elsewhere…")
        self.elsewhere_button.setObjectName("saveCopyElsewhere")
        self.elsewhere_button.setAccessibleName("Save a copy elsewhere")
        self.elsewhere_button.setToolTip("Choose a file for the backup, on another disk for example")
        self.close_button = QPushButton("&Close")
        self.close_button.setObjectName("closeBackup")
        self.close_button.setAccessibleName("Close")
        for button in (self.now_button, self.elsewhere_button, self.close_button):
            button.setMinimumHeight(40)
            buttons.addWidget(button)
            if button is self.elsewhere_button:
                buttons.addStretch(1)
        layout.addLayout(buttons)
        self.now_button.clicked.connect(self.back_up_now)
        self.elsewhere_button.clicked.connect(self.save_copy_elsewhere)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(self._closed)
        self.setTabOrder(self.now_button, self.elsewhere_button)
        self.setTabOrder(self.elsewhere_button, self.close_button)
        self.show_folder()

    # what is there -----------------------------------------------------------------------------

    def show_folder(self) -> None:
        folder = backups.backups_folder(self._database)
        self.folder_label.setText(f"They go to the folder:\n{folder}")
        newest = backups.newest_automatic_backup(self._database)
        if newest is None:
            self.last_label.setText("There is no automatic backup yet.")
        else:
            self.last_label.setText(f"The last one was made {when_made(newest[1])}.")

    # making one --------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """A backup in the automatic backups folder; the newest ten are kept there."""
        target = backups.automatic_backup_path(self._database)
        db, actor = self._context.db, self._context.actor

        def work(report: Report, steps: _Steps) -> backups.BackupResult:
            try:
                target.parent.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    f"Careplan cannot make the folder {target.parent} ({exc.strerror}). Nothing was written."
                ) from exc
            made = backups.backup_database(db, actor, target, steps.step.emit)
            backups.prune_backups(target.parent, backups.DEFAULT_KEEP)
            return made

        self._start(work)

    def save_copy_elsewhere(self) -> None:
        chosen = ask_save_path(self, default_folder() / default_copy_name())
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_name(target.name + backups.BACKUP_SUFFIX)
        try:
            target = chosen_files.backup_path(target, chosen_files.protected_files(self._context.db))
        except FileRefused as exc:
            QMessageBox.warning(self, NOT_MADE, exc.message)
            return
        db, actor = self._context.db, self._context.actor
        self._start(lambda report, steps: backups.backup_database(db, actor, target, steps.step.emit))

    def _start(self, work: Work) -> None:
        if self.job is not None:
            return
        job = Job(lambda report: work(report, steps), "The backup")
        steps = _Steps(job)
        steps.step.connect(self._step)
        job.succeeded.connect(self._made)
        job.failed.connect(self._not_made)
        self.job = job
        self._busy(True)
        self.outcome.setText("Copying the database…")
        self.outcome.show()
        self.adjustSize()
        job.start()

    def _busy(self, busy: bool) -> None:
        self.now_button.setEnabled(not busy)
        self.elsewhere_button.setEnabled(not busy)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        if not busy and self.isVisible():
            self.now_button.setFocus()

    def _step(self, done: int, total: int) -> None:
        if total <= 0 or done >= total:
            self.progress.setRange(0, 0)  # copied: checking the copy takes a moment more
            self.outcome.setText("Checking the copy…")
        else:
            self.progress.setValue(done * 100 // total)

    def _made(self, result: backups.BackupResult) -> None:
        log.info("made and checked a backup (File > Back up now)")
        self.job = None
        self._busy(False)
        self.show_folder()
        text = f"✓ Backup made and checked ({size_text(result.size_bytes)}). It is saved as:\n{result.path}"
        self.outcome.setText(text)
        self.adjustSize()
        self._window.statusBar().showMessage(f"Backup saved: {result.path}", STATUS_MS)
        if not self.isVisible():
            self.deleteLater()

    def _not_made(self, failure: Failure) -> None:
        self.job = None
        self._busy(False)
        self.outcome.hide()
        self.outcome.clear()
        self.adjustSize()
        if self.isVisible():
            QMessageBox.warning(self, NOT_MADE, failure.message)
        else:
            self._window.statusBar().showMessage(f"{NOT_MADE}. {failure.message}", STATUS_MS * 3)
            self.deleteLater()

    def _closed(self) -> None:
        # While the copy runs the dialog only hides; it goes when the copy has finished.
        if self.job is None:
            self.deleteLater()


def open_backups(window: QMainWindow, context: SignedInStaff) -> None:
    """File > Back up now…: the dialog (one at a time), or on PostgreSQL, what to do instead."""
    if not context.db.is_sqlite or context.db.path is None:
        QMessageBox.information(window, "Backups", backups.PG_BACKUP)
        return
    dialog = window.findChild(BackupDialog)
    if dialog is None:
        dialog = BackupDialog(context, window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def backup_action(window: QMainWindow, context: SignedInStaff) -> QAction:
    """The File menu's "Back up now…", for managers and administrators (hidden for everyone else)."""
    action = QAction("&Back up now…", window)
    action.setObjectName("backupAction")
    action.setStatusTip("Make a checked copy of the database")
    action.setToolTip("Make a checked copy of the database")
    allowed = context.may(Action.BACKUP_DATABASE)
    action.setVisible(allowed)
    action.setEnabled(allowed)
    action.triggered.connect(lambda: open_backups(window, context))
    return action
