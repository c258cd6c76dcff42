"""Verify an agreement… and Signing certificate…: the two dialogs of the File menu.

The verify dialog checks a genuine agreement and tampered copies; the certificate dialog makes a
certificate, imports a PKCS#12 file made here with ``cryptography``, and stores this computer's
passphrase. Work runs on Qt's thread pool; the tests wait for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from careplan.documents.issue import issue_signed_agreement
from careplan.domain.enums import Role
from careplan.gui.dialogs.certificate_dialog import CREATE, IMPORT, REMEMBER, CertificateDialog
from careplan.gui.dialogs.verify_dialog import VerifyDialog
from careplan.gui.main_window import MainWindow
from careplan.services import signing_certificate as certs
from careplan.services import workspace as people
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.documents import PrintWorld, build_print_world
from tests.gui.menus import file_menu
from tests.keyring_memory import LockedKeyring, MemoryKeyring, installed

PASSPHRASE = "correct horse battery staple"
WAIT = 60_000  # ms: an upper bound for a signal that should come, never a timing assertion


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
    return Site(sqlite_db, build_print_world(sqlite_db), keyring_backend)


def context_for(site: Site, role: Role = Role.MANAGER) -> SignedInStaff:
    names = {Role.MANAGER: "Priya Manager", Role.KEY_WORKER: "Sam Keyworker", Role.ADMINISTRATOR: "Ada"}
    return SignedInStaff(site.db, site.world.team.as_role(role), names[role], role)


# --- verify an agreement ---------------------------------------------------------------------------


@pytest.fixture
def genuine(site: Site, tmp_path: Path) -> Path:
    certs.create_self_signed(
        site.db, site.world.team.manager, "Harbour Recovery Service", PASSPHRASE, key_kind="ec-p256"
    )
    issued = issue_signed_agreement(
        site.db,
        site.world.team.manager,
        site.world.version_id,
        easy_read=False,
        identity=certs.signing_identity(site.db),
    )
    path = tmp_path / issued.file_name
    path.write_bytes(issued.pdf)
    return path


def check_file(qtbot: QtBot, dialog: VerifyDialog, path: Path) -> None:
    dialog.verification = None
    dialog.ui.filePath.setText(str(path))
    dialog.ui.checkButton.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)  # the answer is on screen


def answers(dialog: VerifyDialog) -> list[str | None]:
    return [icon.property("answer") for icon, _text in dialog.rows]


def test_a_genuine_agreement_gets_three_yeses(
    qtbot: QtBot, site: Site, genuine: Path, tmp_path: Path
) -> None:
    dialog = VerifyDialog(context_for(site, Role.KEY_WORKER))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.answers.isVisible()
    check_file(qtbot, dialog, genuine)
    result = dialog.verification
    assert result is not None
    assert result.ok
    assert answers(dialog) == ["yes", "yes", "yes"]
    assert dialog.ui.unchangedText.text().startswith("Yes. Unchanged since it was signed on ")
    assert "Harbour Recovery Service (this service's certificate)" in dialog.ui.signerText.text()
    assert dialog.ui.planText.text().startswith(f"Yes. Matches version 1 of plan {site.world.plan_id}")
    assert "Dee" not in dialog.ui.planText.text()  # the plan and version, not what it says
    reference = people.load_person(site.db, site.world.team.key_worker, site.world.person_id).reference
    assert dialog.ui.planText.text().endswith(f"The person's reference is {reference}.")
    assert dialog.ui.summary.text() == result.summary
    assert result.document_id is not None
    assert result.document_id in dialog.ui.answers.title()
    dialog.grab().save(str(tmp_path / "verify_good.png"))


def test_enter_after_typing_a_path_checks_it_and_keeps_the_dialog_open(
    qtbot: QtBot, site: Site, genuine: Path
) -> None:
    from PySide6.QtCore import Qt

    dialog = VerifyDialog(context_for(site))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.ui.filePath.setFocus()
    qtbot.keyClicks(dialog.ui.filePath, str(genuine))
    qtbot.keyClick(dialog.ui.filePath, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)
    assert dialog.isVisible()  # Enter checked the file; it did not press Close
    assert dialog.verification is not None
    assert dialog.verification.ok
    assert answers(dialog) == ["yes", "yes", "yes"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc still closes
    assert not dialog.isVisible()


def test_a_file_dropped_on_the_dialog_is_checked(qtbot: QtBot, site: Site, genuine: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    dialog = VerifyDialog(context_for(site))
    qtbot.addWidget(dialog)
    dialog.show()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(genuine))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)
    assert dialog.ui.filePath.text() == str(genuine)
    assert dialog.verification is not None
    assert dialog.verification.ok


def test_an_administrator_is_not_told_whose_plan_it_is(qtbot: QtBot, site: Site, genuine: Path) -> None:
    dialog = VerifyDialog(context_for(site, Role.ADMINISTRATOR))
    qtbot.addWidget(dialog)
    dialog.show()
    check_file(qtbot, dialog, genuine)
    assert dialog.verification is not None
    assert dialog.verification.ok
    assert dialog.person_reference is None
    assert "reference is" not in dialog.ui.planText.text()


def test_a_tampered_copy_is_caught_and_said_plainly(
    qtbot: QtBot, site: Site, genuine: Path, tmp_path: Path
) -> None:
    data = bytearray(genuine.read_bytes())
    middle = len(data) // 2
    data[middle] = (data[middle] + 1) % 256
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(genuine.read_bytes() + b"\n% added later\n")

    dialog = VerifyDialog(context_for(site))
    qtbot.addWidget(dialog)
    dialog.show()
    for path in (tampered, appended):
        check_file(qtbot, dialog, path)
        result = dialog.verification
        assert result is not None
        assert not result.ok
        assert answers(dialog)[0] == "no"
        assert dialog.ui.unchangedText.text().startswith("No. Changed after signing")
        assert dialog.ui.summary.text().startswith("Do not rely on this file")
    check_file(qtbot, dialog, tampered)
    dialog.grab().save(str(tmp_path / "verify_tampered.png"))


def test_an_agreement_signed_by_someone_else_names_no_plan(qtbot: QtBot, site: Site, tmp_path: Path) -> None:
    """Dee's agreement as the service renders it, signed with a stranger's certificate that copies
    the service's name: the plan, version and document id it carries are not the service's word."""
    from careplan.documents.render import render_agreement
    from careplan.documents.sign import sign_pdf
    from careplan.services.agreement import load_agreement
    from careplan.services.certificate_record import fingerprint, make_self_signed
    from careplan.services.signing_certificate import SigningIdentity

    key, certificate = make_self_signed("Harbour Recovery Service", "ec-p256")
    stranger = SigningIdentity(key, certificate, (), "Harbour Recovery Service", fingerprint(certificate))
    agreement = load_agreement(site.db, site.world.team.manager, site.world.version_id)
    resigned = tmp_path / "copy.pdf"
    resigned.write_bytes(sign_pdf(render_agreement(agreement), stranger))

    dialog = VerifyDialog(context_for(site, Role.KEY_WORKER))
    qtbot.addWidget(dialog)
    dialog.show()
    check_file(qtbot, dialog, resigned)
    result = dialog.verification
    assert result is not None
    assert answers(dialog) == ["yes", "no", "skipped"]
    assert dialog.ui.unchangedText.text() == "Yes. Unchanged since it was signed."
    assert dialog.ui.planText.text().startswith("Not checked. Which plan it belongs to was not looked up")
    assert "Matches" not in dialog.ui.planText.text()
    assert dialog.person_reference is None
    assert "reference" not in dialog.ui.planText.text()
    assert agreement.document_id not in dialog.ui.answers.title()
    assert dialog.ui.summary.text() == "Do not rely on this file: it was not signed by this service."
    dialog.grab().save(str(tmp_path / "verify_stranger.png"))


def test_a_file_that_is_not_there_or_not_a_pdf(qtbot: QtBot, site: Site, tmp_path: Path) -> None:
    dialog = VerifyDialog(context_for(site))
    qtbot.addWidget(dialog)
    dialog.show()
    check_file(qtbot, dialog, tmp_path / "missing.pdf")
    assert dialog.verification is None
    assert dialog.ui.unchangedText.text() == f"There is no file at {tmp_path / 'missing.pdf'}."
    assert dialog.ui.answers.title() == "Not checked"
    notes = tmp_path / "notes.txt"
    notes.write_text("not a pdf")
    check_file(qtbot, dialog, notes)
    assert dialog.verification is not None
    assert answers(dialog) == ["no", "skipped", "skipped"]
    assert "not a PDF" in dialog.ui.unchangedText.text()
    dialog.ui.filePath.clear()
    dialog.ui.checkButton.click()
    assert dialog.ui.unchangedText.text() == "Choose the agreement file to check first."


def test_closing_the_dialog_while_it_checks_is_safe(
    qtbot: QtBot, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import shiboken6

    from careplan.documents import checking

    go_on = threading.Event()
    real = checking.check_agreement

    def slow_check(db: Database, data: bytes) -> object:
        go_on.wait(WAIT / 1000)
        return real(db, data)

    monkeypatch.setattr(checking, "check_agreement", slow_check)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a pdf")
    dialog = VerifyDialog(context_for(site))
    dialog.show()
    dialog.ui.filePath.setText(str(notes))
    dialog.ui.checkButton.click()
    job = dialog.job
    assert job is not None
    assert job.running
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # gone, while its check still runs
    assert job.running
    with qtbot.waitSignal(job.succeeded, timeout=WAIT):
        go_on.set()
    assert not job.running


# --- the certificate dialog ------------------------------------------------------------------------


def submit(qtbot: QtBot, dialog: CertificateDialog) -> None:
    dialog.ui.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)  # the outcome is on screen


def test_making_a_certificate_for_the_first_time(qtbot: QtBot, site: Site, tmp_path: Path) -> None:
    dialog = CertificateDialog(context_for(site), first_use=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choice == CREATE
    assert not dialog.ui.replace.isVisible()
    assert not dialog.ui.rememberChoice.isVisible()
    dialog.ui.organisation.clear()
    qtbot.keyClicks(dialog.ui.organisation, "Harbour Recovery Service")
    qtbot.keyClicks(dialog.ui.passphrase, "too short")
    submit(qtbot, dialog)
    assert "at least 12 characters" in dialog.ui.problem.text()
    assert dialog.ui.problem.isVisible()
    dialog.ui.passphrase.clear()
    qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.ui.passphraseAgain, "correct horse battery stable")
    submit(qtbot, dialog)
    assert "not the same" in dialog.ui.problem.text()
    assert dialog.ui.passphraseAgain.text() == ""
    assert certs.certificate_info(site.db) is None  # nothing stored yet
    dialog.grab().save(str(tmp_path / "certificate_dialog.png"))

    qtbot.keyClicks(dialog.ui.passphraseAgain, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        submit(qtbot, dialog)
    info = certs.certificate_info(site.db)
    assert info is not None
    assert info.organisation == "Harbour Recovery Service"
    assert site.keyring.secrets[("careplan", info.keyring_name)] == PASSPHRASE
    assert dialog.ui.passphrase.text() == ""  # not left lying in a widget


def test_a_locked_keyring_stores_nothing(qtbot: QtBot, site: Site) -> None:
    dialog = CertificateDialog(context_for(site), first_use=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.ui.passphraseAgain, PASSPHRASE)
    with installed(LockedKeyring()):
        submit(qtbot, dialog)
    assert "locked" in dialog.ui.problem.text()
    assert dialog.isVisible()
    assert certs.certificate_info(site.db) is None


def pkcs12_bytes(passphrase: bytes) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Imported Recovery Trust")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"trust", key, certificate, None, BestAvailableEncryption(passphrase)
    )


def test_importing_a_certificate_file_replaces_on_purpose_only(
    qtbot: QtBot, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    certs.create_self_signed(site.db, site.world.team.manager, "Old Name", PASSPHRASE, key_kind="ec-p256")
    file = tmp_path / "trust.p12"
    file.write_bytes(pkcs12_bytes(b"file passphrase"))
    dialog = CertificateDialog(context_for(site, Role.ADMINISTRATOR))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.current.text().startswith("Now: agreements are signed by Old Name")
    dialog.ui.importChoice.setChecked(True)
    assert dialog.choice == IMPORT
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(file), ""))
    dialog.ui.chooseFile.click()
    assert dialog.ui.filePath.text() == str(file)
    qtbot.keyClicks(dialog.ui.filePassphrase, "wrong passphrase")
    dialog.ui.replace.setChecked(True)
    submit(qtbot, dialog)
    assert dialog.ui.problem.text() == "That passphrase does not open the certificate file."
    dialog.ui.filePassphrase.clear()
    qtbot.keyClicks(dialog.ui.filePassphrase, "file passphrase")
    dialog.ui.replace.setChecked(False)
    submit(qtbot, dialog)
    assert "already has a signing certificate" in dialog.ui.problem.text()
    assert "Tick the box below to replace it." in dialog.ui.problem.text()
    dialog.ui.replace.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        submit(qtbot, dialog)
    info = certs.certificate_info(site.db)
    assert info is not None
    assert (info.organisation, info.source) == ("Imported Recovery Trust", "imported")
    assert [e.organisation for e in info.earlier] == ["Old Name"]


def test_a_missing_file_is_said_beside_the_field(qtbot: QtBot, site: Site, tmp_path: Path) -> None:
    dialog = CertificateDialog(context_for(site))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.importChoice.setChecked(True)
    dialog.ui.filePath.setText(str(tmp_path / "nowhere.p12"))
    qtbot.keyClicks(dialog.ui.filePassphrase, "x")
    submit(qtbot, dialog)
    assert dialog.ui.problem.text() == f"There is no file at {tmp_path / 'nowhere.p12'}."
    assert dialog.job is None  # refused before any work started


def test_this_computer_is_given_the_passphrase(qtbot: QtBot, site: Site) -> None:
    info = certs.create_self_signed(
        site.db, site.world.team.manager, "Harbour Recovery Service", PASSPHRASE, key_kind="ec-p256"
    )
    site.keyring.secrets.clear()  # as on a second computer that shares the database
    dialog = CertificateDialog(context_for(site), remember=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choice == REMEMBER
    qtbot.keyClicks(dialog.ui.rememberPassphrase, "not the passphrase")
    submit(qtbot, dialog)
    assert "does not open" in dialog.ui.problem.text()
    dialog.ui.rememberPassphrase.clear()
    qtbot.keyClicks(dialog.ui.rememberPassphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        submit(qtbot, dialog)
    assert site.keyring.secrets[("careplan", info.keyring_name)] == PASSPHRASE


# --- the File menu ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "manages"), [(Role.MANAGER, True), (Role.KEY_WORKER, False)])
def test_the_file_menu_offers_verify_to_all_and_the_certificate_to_managers(
    qtbot: QtBot, site: Site, tmp_path: Path, role: Role, manages: bool
) -> None:
    context = context_for(site, role)
    window = MainWindow(context, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.workspace.build_pages()
    texts = [a.text() for a in file_menu(window).actions() if a.isVisible() and not a.isSeparator()]
    expected = ["&New person…"]
    expected += ["Manager's &desk…", "Service ca&talogue…"] if manages else []
    expected += ["Sett&ings…"]
    expected += ["&Back up now…"] if manages else []
    expected += ["&Verify an agreement…"]
    expected += ["Signing &certificate…"] if manages else []
    signing_in = ["Change my &password…", "&Lock the screen\tCtrl+L", "Sign &out"]
    assert texts == [*expected, *signing_in, "&Quit"]
    menus = window.document_menus
    menus.verify_action.trigger()
    assert isinstance(menus.verify_dialog, VerifyDialog)
    menus.verify_dialog.reject()
    qtbot.waitUntil(lambda: menus.verify_dialog is None)
    if manages:
        menus.certificate_action.trigger()
        assert isinstance(menus.certificate_dialog, CertificateDialog)
        menus.certificate_dialog.reject()
