"""The service's signing certificate: make one, use a file, or give this computer the passphrase.

The form is ui/certificate_dialog.ui. Shown from File > Signing certificate… (managers and
administrators) and, the first time, from "Preview and print…" or "Save as PDF…" when the service
has no certificate yet. Making a key and opening a certificate file take a moment, so they run
off the GUI thread; the passphrase goes only to the keyring (through the services).

On a computer with no keyring the passphrase is kept nowhere: the dialog says it will be needed
each time agreements are signed, and does not offer to keep it on this computer. The certificate
it makes or imports is opened once with the passphrase just typed (``identity``), so that printing
can carry on without asking for it again straight away.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from careplan.domain.errors import InvalidInput
from careplan.domain.wording.dates import long_date
from careplan.gui.dialogs.form_dialog import Field, FieldProblems, FormDialog
from careplan.gui.forms.ui_certificate_dialog import Ui_CertificateDialog
from careplan.gui.jobs import Failure, Job, Report
from careplan.services import signing_certificate as certs
from careplan.services.agreement import DEFAULT_SERVICE_NAME
from careplan.services.chosen_files import read_chosen
from careplan.services.secrets import has_keyring
from careplan.services.signed_in import SignedInStaff

CREATE, IMPORT, REMEMBER = 0, 1, 2
OK_WORDS = {
    CREATE: "Make the certificate",
    IMPORT: "Use this certificate",
    REMEMBER: "Keep the passphrase here",
}
FIRST_USE = (
    "Agreements are signed by the service's certificate, so that anyone can check later that a "
    "printed or saved agreement is genuine and unchanged. This service has no certificate yet. "
    "Make one now (it takes a moment), or use a certificate file the service already has."
)
MAX_FILE_BYTES = certs.MAX_PKCS12_BYTES
KEPT_IN_KEYRING = (
    "Careplan keeps the passphrase in this computer's keyring, never in a file; other computers need it once."
)
NOT_KEPT = f"{certs.NEEDS_PASSPHRASE} Careplan never keeps it in a file."

Outcome = tuple[certs.CertificateInfo, certs.SigningIdentity | None]


class CertificateDialog(FormDialog):
    """``accepted`` once the certificate (or this computer's passphrase) is in place. ``identity``:
    the certificate opened with the passphrase typed, on a computer with no keyring (else None)."""

    def __init__(
        self,
        context: SignedInStaff,
        parent: QWidget | None = None,
        *,
        first_use: bool = False,
        remember: bool = False,
        keyring_timeout: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.keyring_timeout = keyring_timeout
        self.result_info: certs.CertificateInfo | None = None
        self.identity: certs.SigningIdentity | None = None
        self.job: Job | None = None
        self.keyring = has_keyring(timeout=keyring_timeout)
        self.ui = Ui_CertificateDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.info = certs.certificate_info(context.db)
        if first_use and self.info is None:
            ui.intro.setText(FIRST_USE)
        ui.current.setVisible(self.info is not None)
        if self.info is not None:
            ui.current.setText(self._describe(self.info))
        # Keeping the passphrase on this computer needs a keyring: without one it is not offered.
        ui.rememberChoice.setVisible(self.info is not None and self.keyring)
        ui.keyringNote.setText(KEPT_IN_KEYRING if self.keyring else NOT_KEPT)
        ui.replace.setVisible(self.info is not None)
        info = self.info  # a new certificate keeps the current one's name, unless that is the demo's
        ui.organisation.setText(info.organisation if info and not info.is_demo else DEFAULT_SERVICE_NAME)
        ui.problem.setProperty("role", "problem")
        ui.problem.setVisible(False)
        ui.progress.setVisible(False)
        for radio, page in (
            (ui.createChoice, CREATE),
            (ui.importChoice, IMPORT),
            (ui.rememberChoice, REMEMBER),
        ):
            radio.toggled.connect(partial(self._chosen, page))
        ui.chooseFile.clicked.connect(self.choose_file)
        self.set_up_form(ui.buttons, FieldProblems(ui.problem, self._fields, select_text=True))
        for button in ui.buttons.buttons():
            button.setMinimumHeight(40)
        if remember and self.info is not None and self.keyring:
            ui.rememberChoice.setChecked(True)
        else:
            self._choose(CREATE)

    @staticmethod
    def _describe(info: certs.CertificateInfo) -> str:
        if info.is_demo:
            return (
                "Now: agreements are signed by the demo certificate made with the demo data, valid "
                f"until {long_date(info.not_after)}."
            )
        how = "made by Careplan" if info.source == "self-signed" else "imported from a file"
        return (
            f"Now: agreements are signed by {info.organisation} ({how}), valid until "
            f"{long_date(info.not_after)}."
        )

    @property
    def choice(self) -> int:
        return self.ui.pages.currentIndex()

    def _chosen(self, page: int, on: bool) -> None:
        if on:
            self._choose(page)

    def _choose(self, page: int) -> None:
        self.ui.pages.setCurrentIndex(page)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(OK_WORDS[page])
        self.ui.replace.setVisible(self.info is not None and page != REMEMBER)
        self.ui.keyringNote.setVisible(page != REMEMBER)
        self.problems.clear()
        first = {CREATE: self.ui.organisation, IMPORT: self.ui.filePath, REMEMBER: self.ui.rememberPassphrase}
        first[page].setFocus()

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Choose the certificate file",
            str(Path.home()),
            "Certificate files (*.p12 *.pfx);;All files (*)",
        )
        if chosen:
            self.ui.filePath.setText(chosen)
            self.ui.filePassphrase.setFocus()

    def _fields(self) -> dict[str, Field]:
        """The fields of the choice shown, by the names the checks and use cases give."""
        ui = self.ui
        fields: dict[int, dict[str, Field]] = {
            CREATE: {
                "organisation": ui.organisation,
                "passphrase": ui.passphrase,
                "passphrase_again": ui.passphraseAgain,
            },
            IMPORT: {"file": ui.filePath, "passphrase": ui.filePassphrase},
            REMEMBER: {"passphrase": ui.rememberPassphrase},
        }
        return fields[self.choice]

    # --- doing it ----------------------------------------------------------------------------------

    def save(self) -> None:
        """OK: checks that need no waiting, then the work in the background (the dialog stays)."""
        if self.job is not None:
            return  # already at work
        try:
            work = self._work()
        except InvalidInput as exc:
            self.problems.show(exc)
            return
        self.problems.clear()
        self._busy(True)
        job = Job(work, "Setting up the certificate")
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        self.job = job
        job.start()

    def _work(self) -> Callable[[Report], Outcome]:
        """What to run in the background, after checks that need no waiting (or InvalidInput)."""
        ui, db, actor, timeout = self.ui, self.context.db, self.context.actor, self.keyring_timeout
        keyring = self.keyring

        def opened(passphrase: str) -> certs.SigningIdentity | None:
            """No keyring: open what was just stored with the passphrase just typed (kept nowhere)."""
            return None if keyring else certs.signing_identity(db, passphrase=passphrase)

        replace = ui.replace.isChecked()
        if self.choice == CREATE:
            organisation = ui.organisation.text()
            passphrase = ui.passphrase.text()
            if not organisation.strip():
                raise InvalidInput("Please give the name of the service or organisation.", "organisation")
            if len(passphrase) < certs.MIN_PASSPHRASE:
                raise InvalidInput(
                    f"Please choose a passphrase of at least {certs.MIN_PASSPHRASE} characters (a few "
                    "words are easy to remember and hard to guess).",
                    "passphrase",
                )
            if ui.passphraseAgain.text() != passphrase:
                ui.passphraseAgain.clear()
                raise InvalidInput(
                    "The two passphrases are not the same. Please type it again in the second box.",
                    "passphrase_again",
                )

            def create(report: Report) -> Outcome:
                report("Making a new key and certificate…")
                info = certs.create_self_signed(
                    db, actor, organisation, passphrase, replace=replace, keyring_timeout=timeout
                )
                return info, opened(passphrase)

            return create
        if self.choice == IMPORT:
            data = self._read_file(Path(ui.filePath.text().strip()))
            passphrase = ui.filePassphrase.text()
            if not passphrase:
                raise InvalidInput("Please give the passphrase of the certificate file.", "passphrase")

            def import_file(report: Report) -> Outcome:
                report("Opening the certificate file…")
                info = certs.import_pkcs12(
                    db, actor, data, passphrase, replace=replace, keyring_timeout=timeout
                )
                return info, opened(passphrase)

            return import_file
        passphrase = ui.rememberPassphrase.text()
        if not passphrase:
            raise InvalidInput("Please type the certificate's passphrase.", "passphrase")

        def remember(report: Report) -> Outcome:
            report("Checking the passphrase…")
            return certs.remember_passphrase(db, actor, passphrase, keyring_timeout=timeout), None

        return remember

    @staticmethod
    def _read_file(path: Path) -> bytes:
        if not str(path) or str(path) == ".":
            raise InvalidInput("Please choose the certificate file (a .p12 or .pfx file).", "file")

        return read_chosen(path, kind="a certificate file (.p12 or .pfx)", limit=MAX_FILE_BYTES)

    def _busy(self, busy: bool) -> None:
        self.ui.progress.setVisible(busy)
        self.ui.pages.setEnabled(not busy)
        self.ui.choices.setEnabled(not busy)
        self.ui.replace.setEnabled(not busy)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def _done(self, outcome: Outcome) -> None:
        self.job = None
        self._busy(False)
        self.result_info, self.identity = outcome
        ui = self.ui
        for secret in (ui.passphrase, ui.passphraseAgain, ui.filePassphrase, ui.rememberPassphrase):
            secret.clear()
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self.job = None
        self._busy(False)
        error = failure.error
        message = failure.message
        if isinstance(error, certs.CertificateExists):
            message += " Tick the box below to replace it."
        self.problems.show(message, error.field if isinstance(error, InvalidInput) else None)
