"""Making the signed agreement for the Agreement page: in the background, then preview or save.

:class:`AgreementPrinter` belongs to the page (one per window, so one per session): it keeps the
service's signing identity open for the session (:class:`SigningKeys`), starts a :class:`Job` that
calls :func:`careplan.documents.issue.issue_signed_agreement` (render, sign, check), and says how
it is going through ``progress``. The agreement is recorded in the audit trail as issued only when
it is saved (:func:`~careplan.documents.issue.save_agreement`, in the same unit of work as the
write) or printed from the preview (:func:`~careplan.documents.issue.record_printed`). When there
is no certificate yet it offers to set one up first (:class:`CertificateDialog`) and then carries
on. On a computer with no keyring it asks for the certificate's passphrase
(:class:`SigningPassphraseDialog`, saying why) the first time it signs in a session, and then
carries on. Every failure is said in plain words and nothing half-made is written anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from careplan.documents import document_id
from careplan.documents.issue import issue_signed_agreement, record_printed, save_agreement
from careplan.domain.permissions import Action
from careplan.gui.dialogs.certificate_dialog import CertificateDialog
from careplan.gui.dialogs.signing_passphrase import SigningPassphraseDialog
from careplan.gui.documents.preview import PreviewDialog
from careplan.gui.documents.saving import PdfSaver
from careplan.gui.documents.signing_keys import SigningKeys
from careplan.gui.jobs import Failure, Job, Report
from careplan.services import chosen_files
from careplan.services import signing_certificate as certs
from careplan.services.agreement import IssuedAgreement
from careplan.services.demo_facts import DEMO_CERTIFICATE_PASSPHRASE
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import VersionView

if TYPE_CHECKING:
    from careplan.gui.dialogs.certificate_dialog import CertificateDialog

OPENING = "Opening the service's certificate…"
STEPS = (
    OPENING,
    "Laying out the pages…",
    "Signing it with the service's certificate…",
    "Checking the signature…",
)


def file_name(version: VersionView, easy_read: bool) -> str:
    """The name offered when saving: the document id, no personal name (see IssuedAgreement)."""
    kind = "easy-read-agreement" if easy_read else "agreement"
    return f"{kind}-{document_id(version.id, version.sha256)}.pdf"


@dataclass(frozen=True)
class Request:
    """One press of "Preview and print…" or "Save as PDF…"."""

    version_id: int
    easy_read: bool
    preview: bool
    file_name: str  # the name offered when saving
    path: Path | None = None  # where to save (chosen before the work starts)


class AgreementPrinter(QObject):
    """``busy(bool)``, ``progress(step, steps, text)``, ``saved(text)`` for the status bar."""

    busy = Signal(bool)
    progress = Signal(int, int, str)
    saved = Signal(str)

    def __init__(
        self, context: SignedInStaff, parent: QWidget, *, keyring_timeout: float | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.keys = SigningKeys(context.db, keyring_timeout=keyring_timeout)
        self.saver = PdfSaver(parent, self._save, chosen_files.protected_files(context.db))
        self.job: Job | None = None
        self.pending: Request | None = None
        self.preview_dialog: QDialog | None = None
        self.certificate_dialog: QDialog | None = None
        self.passphrase_dialog: QDialog | None = None
        self.last_issued: IssuedAgreement | None = None
        self.last_failure: Failure | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    # --- what the page asks for ----------------------------------------------------------------

    def preview(self, version: VersionView, easy_read: bool) -> None:
        self.request(Request(version.id, easy_read, preview=True, file_name=file_name(version, easy_read)))

    def save(self, version: VersionView, easy_read: bool) -> None:
        self.request(Request(version.id, easy_read, preview=False, file_name=file_name(version, easy_read)))

    def request(self, request: Request) -> None:
        if self.running:
            return
        if certs.certificate_info(self.context.db) is None:
            self._no_certificate(request)
            return
        if not request.preview and request.path is None:
            path = self.saver.choose(request.file_name)
            if path is None:
                return
            request = replace(request, path=path)
        self._start(request)

    # --- the work --------------------------------------------------------------------------------

    def _start(self, request: Request) -> None:
        db, actor, keys = self.context.db, self.context.actor, self.keys

        def work(report: Report) -> tuple[IssuedAgreement, str]:
            report(OPENING)
            identity = keys.identity()
            issued = issue_signed_agreement(
                db, actor, request.version_id, easy_read=request.easy_read, identity=identity, progress=report
            )
            return issued, identity.organisation

        job = Job(work, "Making the agreement")
        job.progress.connect(self._progress)
        self.pending = request
        job.succeeded.connect(self._made)  # bound methods: never called once the page is gone
        job.failed.connect(self._failed)
        self.job = job
        self.busy.emit(True)
        job.start()

    def _progress(self, text: str) -> None:
        step = STEPS.index(text) + 1 if text in STEPS else len(STEPS)
        self.progress.emit(step, len(STEPS), text)

    def _made(self, outcome: tuple[IssuedAgreement, str]) -> None:
        request = self.pending
        assert request is not None
        self.job = None
        self.busy.emit(False)
        issued, signed_by = outcome
        self.last_issued = issued
        self.last_failure = None
        if request.preview:
            dialog = PreviewDialog(
                issued, self.saver, signed_by=signed_by, record_printed=self._printed, parent=self.widget
            )
            self.preview_dialog = dialog
            dialog.finished.connect(lambda _result: self._preview_closed(dialog))
            dialog.open()
            return
        path = self.saver.write(issued, request.path)
        if path is not None:
            self.saved.emit(f"Signed agreement saved as {path.name}")

    def _save(self, issued: IssuedAgreement, path: Path) -> None:
        save_agreement(self.context.db, self.context.actor, issued, path)

    def _printed(self, issued: IssuedAgreement) -> None:
        record_printed(self.context.db, self.context.actor, issued)

    def _preview_closed(self, dialog: QDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def _failed(self, failure: Failure) -> None:
        request = self.pending
        assert request is not None
        self.job = None
        self.busy.emit(False)
        self.last_failure = failure
        error = failure.error
        if isinstance(error, certs.NoSigningCertificate):
            self._no_certificate(request)
            return
        if isinstance(error, certs.SigningPassphraseNeeded):
            self._ask_passphrase(request, error.message)
            return
        may_manage = self.context.may(Action.MANAGE_SIGNING_CERTIFICATE)
        if (
            isinstance(error, certs.SigningPassphraseUnavailable)
            and error.reason in ("not-stored", "wrong")
            and may_manage
        ):
            message = f"{failure.message}\n\nType the passphrase now?"
            answer = QMessageBox.question(self.widget, "Not signed", message)
            if answer == QMessageBox.StandardButton.Yes:
                self._open_certificate_dialog(request, remember=True)
            return
        QMessageBox.warning(self.widget, "Not signed", failure.message)

    # --- no keyring: the passphrase typed -------------------------------------------------------

    def _ask_passphrase(self, request: Request, reason: str) -> None:
        dialog = SigningPassphraseDialog(
            reason, self.keys.open_with, demo_passphrase=self._demo_passphrase(), parent=self.widget
        )
        self.passphrase_dialog = dialog
        dialog.accepted.connect(lambda: self._start(request))
        dialog.finished.connect(lambda _result: self._passphrase_closed(dialog))
        dialog.open()

    def _demo_passphrase(self) -> str | None:
        """The public passphrase, only for the demo certificate of a demo database."""
        if not self.context.demo:
            return None
        info = certs.certificate_info(self.context.db)
        if info is None or not info.is_demo:
            return None
        return DEMO_CERTIFICATE_PASSPHRASE

    def _passphrase_closed(self, dialog: QDialog) -> None:
        if self.passphrase_dialog is dialog:
            self.passphrase_dialog = None
        dialog.deleteLater()

    # --- first use -------------------------------------------------------------------------------

    def _no_certificate(self, request: Request) -> None:
        if not self.context.may(Action.MANAGE_SIGNING_CERTIFICATE):
            QMessageBox.information(
                self.widget, "No signing certificate yet", certs.NoSigningCertificate().message
            )
            return
        self._open_certificate_dialog(request, remember=False)

    def _open_certificate_dialog(self, request: Request, *, remember: bool) -> None:
        dialog = CertificateDialog(
            self.context,
            self.widget,
            first_use=not remember,
            remember=remember,
            keyring_timeout=self.keys.keyring_timeout,
        )
        self.certificate_dialog = dialog
        dialog.accepted.connect(lambda: self._certificate_ready(dialog, request))
        dialog.finished.connect(lambda _result: self._certificate_closed(dialog))
        dialog.open()

    def _certificate_ready(self, dialog: CertificateDialog, request: Request) -> None:
        if dialog.identity is not None:  # no keyring: opened with the passphrase just typed
            self.keys.hold(dialog.identity)
        self.request(request)

    def _certificate_closed(self, dialog: QDialog) -> None:
        if self.certificate_dialog is dialog:
            self.certificate_dialog = None
        dialog.deleteLater()
