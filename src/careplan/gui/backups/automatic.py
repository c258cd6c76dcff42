"""The daily automatic backup, made in the background soon after someone signs in.

A centre that never runs ``careplan backup`` still gets backups: after any member of staff signs
in to a window on an SQLite database, when the newest automatic backup is a day old or more (or
there is none), one is made in ``backups/`` beside the database and the newest ten are kept. It
runs off the GUI thread (:class:`careplan.gui.jobs.Job`), asks nothing and blocks
nothing: a quiet status-bar message when it is done; when it fails, a warning stays in the status
bar (with the reason) and the next sign-in tries again, since there is still no fresh backup.
On PostgreSQL nothing happens: the server's own backups (pg_dump) are used.

**Who may cause it.** The backup is for the service, not a power of the person signing in, so
it is its own use case, :func:`careplan.services.backup.automatic_backup`, allowed to every
active member of staff and recorded in the audit trail as ``back_up_automatically`` with who
signed in. That is safe to give everyone because the person chooses nothing: not the place
(always ``backups/`` beside the database, which is encrypted with the database's own key), not
the name, not how often (the use case itself does nothing when the newest backup is less than a
day old). Choosing where a copy goes ("Save a copy elsewhere…") stays with managers and
administrators (``Action.BACKUP_DATABASE``). Running it only when a manager signs in was the
other choice; it would leave a centre whose manager is rarely at a Careplan computer without
backups, which is the problem this solves.

It starts a few seconds after the window opens (:data:`DELAY_MS`), so that the first screen
loads without competing with the copy, and someone who only signs in to sign out again does not
start one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QToolButton

from careplan.gui.jobs import Failure, Job, Report
from careplan.services import backup as backups
from careplan.services.signed_in import SignedInStaff

log = logging.getLogger(__name__)

DELAY_MS = 5000
DONE_MS = 8000
WARNING_MS = 30_000


class AutomaticBackup(QObject):
    """Belongs to the main window: made when it opens, gone with it."""

    def __init__(self, window: QMainWindow, context: SignedInStaff, delay_ms: int | None = None) -> None:
        super().__init__(window)
        self.setObjectName("automaticBackup")
        self._window = window
        self._context = context
        self.job: Job | None = None
        self.warning: QToolButton | None = None
        self.outcome: str = ""  # "made", "fresh", "not sqlite", "failed": for tests and logs
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.start)
        self._timer.start(DELAY_MS if delay_ms is None else delay_ms)

    def start(self) -> None:
        db = self._context.db
        if not db.is_sqlite or db.path is None:
            self.outcome = "not sqlite"
            return
        if self.job is not None:
            return
        if not backups.automatic_backup_due(db.path):
            self.outcome = "fresh"  # checked again in the use case: the folder is only looked at here
            return
        actor = self._context.actor

        def work(_report: Report) -> backups.BackupResult | None:
            return backups.automatic_backup(db, actor)

        job = Job(work, "The automatic backup")
        job.succeeded.connect(self._made)
        job.failed.connect(self._failed)
        self.job = job
        job.start()

    def _made(self, result: backups.BackupResult | None) -> None:
        self.job = None
        self.outcome = "made" if result is not None else "fresh"
        if result is not None:
            log.info("made and checked today's automatic backup")
            self._window.statusBar().showMessage("Today's automatic backup is made", DONE_MS)

    def _failed(self, failure: Failure) -> None:
        self.job = None
        self.outcome = "failed"
        reason = (
            f"Today's automatic backup was not made. {failure.message} Careplan will try again "
            "the next time someone signs in. If this keeps happening, tell whoever looks after Careplan."
        )
        # A button, not only a tooltip: whoever uses the keyboard can read the reason too.
        button = QToolButton(self._window)
        button.setText("⚠ No backup today")
        button.setObjectName("automaticBackupWarning")
        button.setAutoRaise(True)
        button.setToolTip(reason)
        button.setAccessibleName("Warning: no automatic backup today")
        button.setAccessibleDescription(reason)
        button.clicked.connect(lambda: QMessageBox.warning(self._window, "No backup today", reason))
        self._window.statusBar().addPermanentWidget(button)
        self.warning = button
        self._window.statusBar().showMessage(reason, WARNING_MS)
