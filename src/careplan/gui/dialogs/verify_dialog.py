"""Verify an agreement…: choose a PDF, and read three answers in plain words.

The form is ui/verify_dialog.ui. The check is the same as ``careplan verify``
(:func:`careplan.documents.checking.check_agreement`) and runs off the GUI thread. Each answer
shows an icon and the words "Yes", "No" or "Not checked" (never colour alone), then the sentence.
It names the plan and version number the file belongs to, and (for staff who may see the people
list) the person's reference, never a name or what the plan says.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from careplan.documents import checking
from careplan.documents.verify import NO, SKIPPED, YES, Verification
from careplan.domain.permissions import Action
from careplan.gui.default_folder import default_folder
from careplan.gui.forms.ui_verify_dialog import Ui_VerifyDialog
from careplan.gui.jobs import Failure, Job, Report
from careplan.gui.theme import set_role
from careplan.services.agreement import agreement_person_reference
from careplan.services.signed_in import SignedInStaff

ICON_SIZE = 32


def _answer(line: str) -> tuple[str, str]:
    """("yes" | "no" | "skipped", the sentence without its tick or cross)."""
    for mark, kind in ((YES, "yes"), (NO, "no"), (SKIPPED, "skipped")):
        if line.startswith(mark):
            return kind, line[len(mark) :].strip()
    return "skipped", line


class VerifyDialog(QDialog):
    """Checks agreement files; ``verification`` holds the last answer (None before the first)."""

    WORDS = {"yes": "Yes.", "no": "No.", "skipped": "Not checked."}
    ICONS = {
        "yes": QStyle.StandardPixmap.SP_DialogApplyButton,
        "no": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "skipped": QStyle.StandardPixmap.SP_MessageBoxQuestion,
    }

    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.verification: Verification | None = None
        self.person_reference: str | None = None  # for staff who may see the people list
        self.job: Job | None = None
        self.ui = Ui_VerifyDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.progress.setVisible(False)
        ui.answers.setVisible(False)
        ui.chooseFile.clicked.connect(self.choose_file)
        ui.checkButton.clicked.connect(self.check)
        ui.filePath.returnPressed.connect(self.check)
        ui.buttons.rejected.connect(self.reject)
        for button in (ui.chooseFile, ui.checkButton, *ui.buttons.buttons()):
            button.setMinimumHeight(40)
        # No default button: Enter in the path box checks the file (returnPressed) and must not
        # also press Close, which Qt would otherwise make the default.
        for button in (ui.chooseFile, ui.checkButton, *ui.buttons.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.rows = (
            (ui.unchangedIcon, ui.unchangedText),
            (ui.signerIcon, ui.signerText),
            (ui.planIcon, ui.planText),
        )
        for icon, _text in self.rows:
            icon.setFixedSize(QSize(ICON_SIZE, ICON_SIZE))
        font = ui.summary.font()
        font.setBold(True)
        ui.summary.setFont(font)
        self.setAcceptDrops(True)  # a PDF dragged from the file manager is checked at once
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertStretch(layout.count() - 1, 1)  # spare room goes below the answers
        self.resize(720, 400)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose an agreement to check", str(default_folder()), "PDF files (*.pdf);;All files (*)"
        )
        if chosen:
            self.ui.filePath.setText(chosen)
            self.check()

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            return Path(urls[0].toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is None:
            return
        event.acceptProposedAction()
        self.ui.filePath.setText(str(path))
        self.check()

    def check(self) -> None:
        if self.job is not None:
            return  # already checking
        text = self.ui.filePath.text().strip()
        if not text:
            self._problem("Choose the agreement file to check first.")
            return
        path = Path(os.path.expanduser(text))
        db, actor = self.context.db, self.context.actor
        may_see_people = self.context.may(Action.VIEW_PEOPLE)

        def work(report: Report) -> tuple[Verification, str | None]:
            report("Reading the file…")
            data = checking.read_agreement_file(path)
            report("Checking the signature…")
            result = checking.check_agreement(db, data)
            reference = None
            if result.ok and result.match is not None and may_see_people:
                reference = agreement_person_reference(db, actor, result.match.version_id)
            return result, reference

        self.ui.progress.setVisible(True)
        self.ui.checkButton.setEnabled(False)
        self.ui.answers.setTitle(f"Checking {path.name}…")
        job = Job(work, "Checking the agreement")
        job.succeeded.connect(self._show)
        job.failed.connect(self._failed)
        self.job = job
        job.start()

    def _finished(self) -> None:
        self.job = None
        self.ui.progress.setVisible(False)
        self.ui.checkButton.setEnabled(True)
        self.ui.answers.setVisible(True)

    def _show(self, outcome: tuple[Verification, str | None]) -> None:
        self._finished()
        result, reference = outcome
        self.verification = result
        self.person_reference = reference
        name = Path(self.ui.filePath.text().strip()).name
        document = f" (document {result.document_id})" if result.document_id else ""
        self.ui.answers.setTitle(f"What the check found in {name}{document}")
        for (icon, text), line in zip(self.rows, result.lines, strict=True):
            kind, sentence = _answer(line)
            self._row(icon, text, kind, f"{self.WORDS[kind]} {sentence}")
        if reference is not None:
            self.ui.planText.setText(f"{self.ui.planText.text()} The person's reference is {reference}.")
            self.ui.planText.setAccessibleName(self.ui.planText.text())
        self.ui.summary.setText(result.summary)
        set_role(self.ui.summary, "done" if result.ok else "problem")
        self.ui.summary.setAccessibleName(result.summary)

    def _row(self, icon: QLabel, text: QLabel, kind: str, words: str) -> None:
        pixmap = self.style().standardIcon(self.ICONS[kind]).pixmap(ICON_SIZE, ICON_SIZE)
        icon.setPixmap(pixmap)
        icon.setAccessibleName(self.WORDS[kind])
        icon.setProperty("answer", kind)
        text.setText(words)
        text.setAccessibleName(words)

    def _failed(self, failure: Failure) -> None:
        self._finished()
        self.verification = None
        self._problem(failure.message)

    def _problem(self, message: str) -> None:
        self.ui.answers.setVisible(True)
        self.ui.answers.setTitle("Not checked")
        for icon, text in self.rows:
            icon.clear()
            text.clear()
        self.ui.unchangedText.setText(message)
        self.ui.summary.setText("")
