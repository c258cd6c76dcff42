"""The printed agreement in the app: Priya previews, prints and saves Dee's signed agreement.

Driven through the real widgets: the Agreement page's buttons, the preview dialog, the first-use
certificate dialog. The work runs on Qt's thread pool; the tests wait for its signals. Modal file
and print dialogs are replaced by stand-ins (their static calls are monkeypatched), and printing
goes to a PDF file instead of a printer.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from careplan.documents.checking import check_agreement
from careplan.domain.enums import PlanStatus, Role
from careplan.domain.records import AuditEvent
from careplan.gui.dialogs.certificate_dialog import CertificateDialog
from careplan.gui.documents import preview as preview_module
from careplan.gui.documents import saving
from careplan.gui.documents.preview import PreviewDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.agreement_page import MANAGERS_PRINT, NOT_APPROVED, AgreementPage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import signing_certificate as certs
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.documents import GOAL_FAMILY, PrintWorld, build_print_world
from tests.keyring_memory import HangingKeyring, LockedKeyring, MemoryKeyring, installed

PASSPHRASE = "correct horse battery staple"
WAIT = 60_000  # ms: an upper bound for a signal that should come, never a timing assertion
NAMES = {Role.MANAGER: "Priya Manager", Role.KEY_WORKER: "Sam Keyworker", Role.ADMINISTRATOR: "Ada Admin"}


@dataclass
class Site:
    db: Database
    world: PrintWorld
    keyring: MemoryKeyring


@pytest.fixture
def keyring_backend() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    with installed(backend):
        yield backend


@pytest.fixture
def site(sqlite_db: Database, keyring_backend: MemoryKeyring) -> Site:
    """Dee's approved plan (from the builders) and the service's certificate."""
    world = build_print_world(sqlite_db)
    certs.create_self_signed(
        sqlite_db, world.team.manager, "Harbour Recovery Service", PASSPHRASE, key_kind="ec-p256"
    )
    return Site(sqlite_db, world, keyring_backend)


@pytest.fixture
def bare_site(sqlite_db: Database, keyring_backend: MemoryKeyring) -> Site:
    """The same plan, but the service has no certificate yet."""
    return Site(sqlite_db, build_print_world(sqlite_db), keyring_backend)


OPENED: list[object] = []  # the workspaces opened in a test, kept alive until it ends


@pytest.fixture(autouse=True)
def _keep_windows() -> Iterator[None]:
    yield
    OPENED.clear()


def open_page(qtbot: QtBot, site: Site, role: Role = Role.MANAGER) -> AgreementPage:
    context = SignedInStaff(site.db, site.world.team.as_role(role), NAMES[role], role)
    voice = VoiceSwitch(NAMES[role], role.label)
    workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
    page = AgreementPage(context, voice, workspace)
    workspace.add_page(page)
    qtbot.addWidget(workspace)
    qtbot.addWidget(voice)
    workspace.resize(1000, 900)
    workspace.open_person(site.world.person_id)
    workspace.who_is_here.together_button.click()  # the person is at the screen too
    workspace.tabs.setCurrentWidget(page)
    workspace.show()
    qtbot.waitExposed(workspace)
    OPENED.append(workspace)
    return page


class SaveAs:
    """Stands in for QFileDialog.getSaveFileName: answers with the next path, remembers what was
    offered."""

    def __init__(self, *answers: Path | None) -> None:
        self.answers = list(answers)
        self.offered: list[str] = []

    def __call__(self, parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        self.offered.append(suggested)
        answer = self.answers.pop(0)
        return (str(answer) if answer else "", filters)


class Messages:
    """Stands in for QMessageBox's static calls and the "choose another place" question."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, *, another_place: bool = False, answer: bool = False
    ) -> None:
        self.said: list[str] = []
        self.another_place = another_place

        def box(parent: object, title: str, text: str, *rest: object) -> QMessageBox.StandardButton:
            self.said.append(text)
            return QMessageBox.StandardButton.Yes if answer else QMessageBox.StandardButton.No

        for name in ("warning", "information", "question", "critical"):
            monkeypatch.setattr(QMessageBox, name, box)

        def ask(parent: object, title: str, text: str, yes: str) -> bool:
            self.said.append(text)
            return self.another_place

        monkeypatch.setattr(saving, "ask", ask)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for what the tests save (the database lives beside it, in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def wait_idle(qtbot: QtBot, page: AgreementPage) -> None:
    assert page.printer is not None
    qtbot.waitUntil(lambda: page.printer is not None and not page.printer.running, timeout=WAIT)


def issue_events(db: Database) -> list[tuple[int | None, list[str]]]:
    with db.session() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "issue_agreement"))
        return [(e.entity_id, list(e.fields)) for e in rows]


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext (poppler-utils) is needed to read the PDF"
    text = subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def pdf_pages(path: Path) -> int:
    tool = shutil.which("pdfinfo")
    assert tool is not None, "pdfinfo (poppler-utils) is needed to count pages"
    out = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


# --- saving ------------------------------------------------------------------------------------------


def test_priya_saves_the_agreement_and_its_easy_read_version_and_both_verify(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, site)
    assert page.view.approval_text.text().startswith("Approved by Priya Manager on ")
    assert page.view.preview_button.isEnabled()
    assert page.view.save_pdf_button.isEnabled()
    assert not page.view.printed_note.isVisible()
    assert page.printer is not None
    full, easy = out / "full.pdf", out / "easy.pdf"
    save_as = SaveAs(full, easy)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    steps: list[str] = []
    page.printer.progress.connect(lambda step, steps_, text: steps.append(text))

    with qtbot.waitSignal(page.printer.saved, timeout=WAIT) as saved:
        qtbot.mouseClick(page.view.save_pdf_button, Qt.MouseButton.LeftButton)
        assert page.view.print_progress.isVisible()  # the window is free meanwhile; the page says so
        assert not page.view.save_pdf_button.isEnabled()
    assert saved.args == ["Signed agreement saved as full.pdf"]
    assert steps[0] == "Opening the service's certificate…"
    assert "Signing it with the service's certificate…" in steps
    wait_idle(qtbot, page)
    assert not page.view.print_progress.isVisible()
    assert page.view.save_pdf_button.isEnabled()

    # The name offered is the document id: no personal name in a file name.
    offered = Path(save_as.offered[0]).name
    assert offered.startswith("agreement-CP-")
    assert offered.endswith(".pdf")
    assert "Dee" not in offered
    check = check_agreement(site.db, full.read_bytes())
    assert check.ok, check.lines
    assert check.match is not None
    assert check.match.version_id == site.world.version_id

    page.view.easy_read_choice.setChecked(True)
    with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
        page.view.save_pdf_button.click()
    assert Path(save_as.offered[1]).name.startswith("easy-read-agreement-CP-")
    assert check_agreement(site.db, easy.read_bytes()).ok
    assert easy.read_bytes() != full.read_bytes()
    # The certificate was opened once for the session, not once per agreement.
    assert page.printer.keys.opened == 1
    assert issue_events(site.db) == [
        (site.world.version_id, ["full", "saved"]),
        (site.world.version_id, ["easy_read", "saved"]),
    ]
    assert sorted(p.name for p in out.iterdir()) == ["easy.pdf", "full.pdf"]  # no temporary files


def test_cancelling_the_file_dialog_makes_nothing(
    qtbot: QtBot, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, site)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(None))
    page.view.save_pdf_button.click()
    assert page.printer is not None
    assert not page.printer.running
    assert issue_events(site.db) == []


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (errno.EACCES, "you are not allowed to save in that folder"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "that disk can only be read"),
    ],
)
def test_a_folder_that_refuses_loses_nothing_and_another_place_can_be_chosen(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch, error: int, reason: str
) -> None:
    page = open_page(qtbot, site)
    refusing, elsewhere = out / "shared", out / "mine"
    refusing.mkdir()
    elsewhere.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(refusing / "a.pdf", elsewhere / "a.pdf"))
    messages = Messages(monkeypatch, another_place=True)
    real_replace = os.replace

    def refuse_in_shared(source: str, target: str | Path) -> None:
        if Path(target).parent == refusing:
            raise OSError(error, "refused")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_in_shared)
    assert page.printer is not None
    with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
        page.view.save_pdf_button.click()
    (said,) = messages.said
    assert reason in said
    assert "Nothing was saved there" in said
    assert list(refusing.iterdir()) == []  # not even a temporary file
    assert check_agreement(site.db, (elsewhere / "a.pdf").read_bytes()).ok
    # Recorded once, for the place it was saved; not for the folder that refused it.
    assert issue_events(site.db) == [(site.world.version_id, ["full", "saved"])]


def test_a_read_only_folder_is_said_plainly_and_nothing_is_written(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = out / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        # Root writes anywhere, even there: then a folder that is not there refuses instead.
        target = out / "gone" / "a.pdf" if os.access(folder, os.W_OK) else folder / "a.pdf"
        page = open_page(qtbot, site)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(target))
        messages = Messages(monkeypatch, another_place=False)
        assert page.printer is not None
        page.view.save_pdf_button.click()
        qtbot.waitUntil(lambda: bool(messages.said), timeout=WAIT)
        wait_idle(qtbot, page)
        # A folder that is not there is said before the agreement is even made.
        assert "could not be saved" in messages.said[0] or "There is no folder" in messages.said[0]
        assert list(folder.iterdir()) == []
        assert not target.exists()
        assert issue_events(site.db) == []  # made, never issued: nothing in the audit trail
    finally:
        folder.chmod(0o700)


# --- the keyring and the certificate -------------------------------------------------------------------


def test_a_locked_keyring_signs_nothing_and_says_so(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locked is not missing: unlock it (typing the passphrase instead is for a computer with no
    keyring at all, tests/gui/test_no_keyring.py)."""
    page = open_page(qtbot, site)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(out / "a.pdf"))
    messages = Messages(monkeypatch)
    with installed(LockedKeyring()):
        page.view.save_pdf_button.click()
        qtbot.waitUntil(lambda: bool(messages.said), timeout=WAIT)
    wait_idle(qtbot, page)
    (said,) = messages.said
    assert said.startswith("Nothing was signed because this computer's keyring is locked")
    assert ".." not in said
    assert page.printer is not None
    assert page.printer.passphrase_dialog is None
    assert list(out.iterdir()) == []
    assert issue_events(site.db) == []
    assert page.view.save_pdf_button.isEnabled()


def test_a_keyring_that_does_not_answer_is_given_up_on(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, site)
    assert page.printer is not None
    page.printer.keys.keyring_timeout = 0.2
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(out / "a.pdf"))
    messages = Messages(monkeypatch)
    hanging = HangingKeyring()
    try:
        with installed(hanging):
            page.view.save_pdf_button.click()
            qtbot.waitUntil(lambda: bool(messages.said), timeout=WAIT)
    finally:
        hanging.release()
    assert "did not answer" in messages.said[0]
    assert list(out.iterdir()) == []


def test_no_certificate_yet_offers_to_make_one_then_carries_on(
    qtbot: QtBot, bare_site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = bare_site
    page = open_page(qtbot, site)
    target = out / "agreement.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(target))
    page.view.save_pdf_button.click()
    assert page.printer is not None
    dialog = page.printer.certificate_dialog
    assert isinstance(dialog, CertificateDialog)
    assert dialog.isVisible()
    assert "no certificate yet" in dialog.ui.intro.text()
    assert not dialog.ui.rememberChoice.isVisible()
    dialog.ui.organisation.clear()
    qtbot.keyClicks(dialog.ui.organisation, "Harbour Recovery Service")
    qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.ui.passphraseAgain, PASSPHRASE)
    with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
        dialog.ui.buttons.accepted.emit()
    info = certs.certificate_info(site.db)
    assert info is not None
    assert info.organisation == "Harbour Recovery Service"
    assert site.keyring.secrets[("careplan", info.keyring_name)] == PASSPHRASE
    check = check_agreement(site.db, target.read_bytes())
    assert check.ok
    assert check.signer == "Harbour Recovery Service"


def test_without_a_keyring_a_new_certificate_signs_straight_away_and_is_not_kept(
    qtbot: QtBot, bare_site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No keyring: the certificate made in the first-use dialog signs the agreement that asked
    for it, without asking for the passphrase again, and the passphrase is kept nowhere."""
    from keyring.backends import fail

    site = bare_site
    page = open_page(qtbot, site)
    target = out / "agreement.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(target))
    with installed(fail.Keyring()):
        page.view.save_pdf_button.click()
        assert page.printer is not None
        dialog = page.printer.certificate_dialog
        assert isinstance(dialog, CertificateDialog)
        assert dialog.ui.keyringNote.text().startswith(certs.NEEDS_PASSPHRASE)
        assert not dialog.ui.rememberChoice.isVisible()
        qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.ui.passphraseAgain, PASSPHRASE)
        with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
            dialog.ui.buttons.accepted.emit()
        assert page.printer.passphrase_dialog is None
        assert check_agreement(site.db, target.read_bytes()).ok
        with pytest.raises(certs.SigningPassphraseNeeded):  # next session: typed again
            certs.signing_identity(site.db)
    assert site.keyring.secrets == {}


def test_a_computer_without_the_passphrase_asks_for_it_then_carries_on(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.keyring.secrets.clear()  # a second computer sharing the database
    page = open_page(qtbot, site)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(out / "a.pdf"))
    messages = Messages(monkeypatch, answer=True)
    assert page.printer is not None
    page.view.save_pdf_button.click()
    qtbot.waitUntil(
        lambda: page.printer is not None and page.printer.certificate_dialog is not None, timeout=WAIT
    )
    assert "not in this computer's keyring" in messages.said[0]
    assert list(out.iterdir()) == []
    dialog = page.printer.certificate_dialog
    assert isinstance(dialog, CertificateDialog)
    assert dialog.ui.rememberChoice.isChecked()
    qtbot.keyClicks(dialog.ui.rememberPassphrase, PASSPHRASE)
    with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
        dialog.ui.buttons.accepted.emit()
    assert check_agreement(site.db, (out / "a.pdf").read_bytes()).ok


def test_a_key_worker_cannot_print_and_is_told_who_can(qtbot: QtBot, site: Site) -> None:
    page = open_page(qtbot, site, Role.KEY_WORKER)
    assert page.printer is None
    assert not page.view.preview_button.isVisible()
    assert not page.view.save_pdf_button.isVisible()
    assert page.view.printed_note.isVisible()
    assert page.view.printed_note.text() == MANAGERS_PRINT


def test_a_version_not_yet_approved_cannot_be_printed_yet(
    qtbot: QtBot, sqlite_db: Database, keyring_backend: MemoryKeyring
) -> None:
    site = Site(sqlite_db, build_print_world(sqlite_db, stage=PlanStatus.AGREED), keyring_backend)
    page = open_page(qtbot, site)
    assert not page.view.preview_button.isEnabled()
    assert not page.view.save_pdf_button.isEnabled()
    assert page.view.save_pdf_button.toolTip() == NOT_APPROVED
    assert page.view.printed_note.text() == NOT_APPROVED


# --- preview and print ---------------------------------------------------------------------------------


class FakePrintDialog:
    """Stands in for QPrintDialog: "prints" to a PDF file instead of a printer (with
    :func:`paper_stand_in`: this machine has no printer)."""

    target: Path

    def __init__(self, printer: QPrinter, parent: object) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))

    def setObjectName(self, name: str) -> None:
        pass

    def setWindowTitle(self, title: str) -> None:
        pass

    def setOption(self, option: object, on: bool = True) -> None:
        pass

    def setMinMax(self, low: int, high: int) -> None:
        pass

    def exec(self) -> int:
        return int(QDialog.DialogCode.Accepted.value)


def paper_stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lets the preview print to a PDF file, standing in for paper: the only way to see what a
    printer would get on a machine without one. The app itself never prints to a file."""
    monkeypatch.setattr(preview_module, "prints_on_paper", lambda printer: True)


def open_preview(qtbot: QtBot, page: AgreementPage) -> PreviewDialog:
    assert page.printer is not None
    page.view.preview_button.click()
    qtbot.waitUntil(
        lambda: page.printer is not None and page.printer.preview_dialog is not None, timeout=WAIT
    )
    dialog = page.printer.preview_dialog
    assert isinstance(dialog, PreviewDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_pages_print_and_save_as(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, site)
    dialog = open_preview(qtbot, page)
    assert issue_events(site.db) == []  # on screen only: not issued yet
    pages = dialog.page_count()
    assert pages >= 2
    assert dialog.page_label.text() == f"Page 1 of {pages}"
    assert not dialog.previous_button.isEnabled()
    dialog.next_button.click()
    assert dialog.page_label.text() == f"Page 2 of {pages}"
    assert dialog.previous_button.isEnabled()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomFactor() > 1.0
    dialog.fit_button.click()
    assert "Harbour Recovery Service" in dialog.about.text()
    dialog.grab().save(str(out / "preview.png"))

    # Print, through the (stand-in) print dialog, to a PDF file standing in for paper.
    FakePrintDialog.target = out / "printed.pdf"
    monkeypatch.setattr(preview_module, "QPrintDialog", FakePrintDialog)
    paper_stand_in(monkeypatch)
    dialog.print_button.click()
    assert pdf_pages(out / "printed.pdf") == pages
    assert dialog.about.text() == f"Sent {pages} pages to the printer."
    assert issue_events(site.db) == [(site.world.version_id, ["full", "printed"])]

    # Only the pages asked for.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "page-two.pdf"))
    printer.setFromTo(2, 2)
    assert dialog.print_to(printer) == 1
    assert pdf_pages(out / "page-two.pdf") == 1

    # Save as, from the preview: exactly the bytes previewed.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(out / "kept.pdf"))
    dialog.save_button.click()
    assert (out / "kept.pdf").read_bytes() == dialog.issued.pdf
    assert issue_events(site.db)[-1] == (site.world.version_id, ["full", "saved"])
    assert check_agreement(site.db, dialog.issued.pdf).ok
    assert GOAL_FAMILY in pdf_text(out / "kept.pdf")
    dialog.close_button.click()
    qtbot.waitUntil(lambda: page.printer is not None and page.printer.preview_dialog is None)


def test_printing_when_the_printer_cannot_start_says_so(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, site)
    dialog = open_preview(qtbot, page)
    messages = Messages(monkeypatch)
    paper_stand_in(monkeypatch)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "no-such-folder" / "x.pdf"))
    assert dialog.print_to(printer) == 0
    assert messages.said
    assert "printer could not be started" in messages.said[0]
    assert issue_events(site.db) == []


def test_printing_never_writes_a_file_and_points_to_save_as_pdf(
    qtbot: QtBot, site: Site, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's "Print to file" would write pictures of the pages, unsigned, wherever it was pointed:
    the print dialog does not offer it, and a printer that writes a file is refused."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog
    from PySide6.QtWidgets import QComboBox

    page = open_page(qtbot, site)
    preview = open_preview(qtbot, page)
    assert "To keep a copy as a file, use Save as PDF…" in preview.about.text()

    # The real print dialog: no "Print to file" among the printers.
    printer = preview.make_printer()
    assert not printer.outputFileName()
    dialog = preview.print_dialog(printer)
    assert not dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile)
    dialog.show()
    qtbot.waitExposed(dialog)
    offered = [box.itemText(i) for box in dialog.findChildren(QComboBox) for i in range(box.count())]
    assert not [text for text in offered if "file" in text.lower()], offered
    dialog.grab().save(str(out.parent / "print-dialog.png"))
    dialog.reject()

    # Whatever the dialog did, a printer that writes a file prints nothing.
    messages = Messages(monkeypatch)
    for target in ("to-file.pdf", ""):
        to_file = QPrinter(QPrinter.PrinterMode.HighResolution)
        to_file.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        to_file.setOutputFileName(str(out / target) if target else "")
        assert preview.print_to(to_file) == 0
    assert list(out.iterdir()) == []
    assert len(messages.said) == 2
    assert all("Save as PDF…" in said and "signed" in said for said in messages.said)
    assert issue_events(site.db) == []  # nothing was printed, so nothing was issued
