"""A computer with no keyring (keyring's own ``fail`` backend, as on a fresh or headless machine).

End to end: ``careplan demo`` makes a demo database; the app opens it (the recovery passphrase is
asked, and keeping the key in a keyring is not offered); Priya signs in, saves Dee's signed
agreement, is asked for the certificate's passphrase and told why; ``careplan agreement`` asks at
the terminal the same way; ``careplan verify`` says both are genuine. Real (non-demo) data stays
fail-closed: nothing is signed without the right passphrase typed, there is no demo hint, and no
secret is written anywhere.

Subprocesses get ``PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring``; in this process the fail
backend is installed for each test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from careplan import demo
from careplan.cli.commands import DEMO_RECOVERY_PASSPHRASE
from careplan.documents.checking import check_agreement
from careplan.domain.enums import Role
from careplan.domain.records import AuditEvent, Person, Plan
from careplan.gui.app import Desktop
from careplan.gui.backups import automatic
from careplan.gui.dialogs.certificate_dialog import NOT_KEPT, CertificateDialog
from careplan.gui.dialogs.signing_passphrase import SigningPassphraseDialog
from careplan.gui.dialogs.unlock_database import NO_KEYRING, UnlockDatabaseDialog, open_or_unlock
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.agreement_page import AgreementPage
from careplan.services import signing_certificate as certs
from careplan.services.signed_in import SignedInStaff
from careplan.storage import Database, encryption
from tests.cli.terminal import at_terminal
from tests.gui.test_agreement_printing import (
    PASSPHRASE,
    WAIT,
    Messages,
    SaveAs,
    Site,
    issue_events,
    open_page,
    wait_idle,
)
from tests.keyring_memory import MemoryKeyring, installed

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path("/tmp/careplan-screens")
FAIL_KEYRING = "keyring.backends.fail.Keyring"


@pytest.fixture
def no_keyring() -> Iterator[None]:
    with installed(fail.Keyring()):
        yield


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """A ``careplan`` subprocess on a computer with no keyring, signed in as Priya."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING")) and k != "PYTHONPATH"
    }
    env.update(
        PYTHON_KEYRING_BACKEND=FAIL_KEYRING,
        CAREPLAN_DATA_DIR=str(data_dir),
        CAREPLAN_USER="priya",
        CAREPLAN_PASSWORD=demo.DEMO_PASSWORD,
        PYTHONPATH=str(ROOT / "src"),
    )
    env.update(extra)
    return env


def careplan(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careplan", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
        check=False,
    )


def visible_check_boxes(dialog: QWidget) -> list[str]:
    return [box.text() for box in dialog.findChildren(QCheckBox) if box.isVisible()]


def files_holding(folder: Path, secret: str) -> list[Path]:
    """Every file under ``folder`` with ``secret`` in it, as it is or as UTF-16 (never wanted)."""
    needles = (secret.encode(), secret.encode("utf-16-le"))
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


def answer_unlock_dialog(qtbot: QtBot, seen: dict[str, object]) -> None:
    """Type the demo's recovery passphrase into the modal unlock dialog, as a person would."""
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, UnlockDatabaseDialog), dialog
    seen["check boxes"] = visible_check_boxes(dialog)
    seen["intro"] = dialog.ui.intro.text()
    qtbot.keyClicks(dialog.ui.passphrase, DEMO_RECOVERY_PASSPHRASE)
    qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Return)


def test_the_demo_prints_and_verifies_without_a_keyring(
    qtbot: QtBot, tmp_path: Path, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "demo.db"

    # careplan demo: the demo certificate comes with it, and it says the passphrase will be asked.
    made = careplan("--database", str(database), "demo", "--people", "5", env=environment(data))
    assert made.returncode == 0, made.stderr
    assert f"The demo signing certificate's passphrase is “{demo.DEMO_CERTIFICATE_PASSPHRASE}”" in made.stdout
    assert certs.NEEDS_PASSPHRASE in made.stdout

    # The app opens it: the recovery passphrase is asked; keeping the key in a keyring is not offered.
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE, raising=False)
    seen: dict[str, object] = {}
    QTimer.singleShot(0, lambda: answer_unlock_dialog(qtbot, seen))
    db = open_or_unlock(str(database))
    assert db is not None
    try:
        assert seen["check boxes"] == [], "no “keep the key in this computer's keyring” without a keyring"
        assert str(seen["intro"]).endswith(NO_KEYRING)
        with db.session() as session:
            dee = session.scalars(select(Person).order_by(Person.id)).first()
            assert dee is not None
            assert dee.preferred_name == "Dee"  # always the first person of a demo
            dee_plan = session.scalars(select(Plan.id).where(Plan.person_id == dee.id)).one()
        saved = print_in_the_app(qtbot, db, tmp_path, monkeypatch)
        assert check_agreement(db, saved.read_bytes()).ok
    finally:
        db.dispose()

    # careplan verify: genuine, signed by the demo certificate.
    reading = environment(data, CAREPLAN_RECOVERY_PASSPHRASE=DEMO_RECOVERY_PASSPHRASE)
    verified = careplan("--database", str(database), "verify", str(saved), env=reading)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert f"✓ Signed by {demo.DEMO_CERTIFICATE_NAME} (this service's certificate)." in verified.stdout

    # careplan agreement at a terminal: asked for the passphrase, told why, a wrong one refused.
    printed = tmp_path / "from-the-command-line.pdf"
    prompt = "Passphrase for the signing certificate: "
    terminal = at_terminal(
        ["--database", str(database), "agreement", str(dee_plan), "--out", str(printed)],
        reading,
        [(prompt, "not the demo passphrase"), (prompt, demo.DEMO_CERTIFICATE_PASSPHRASE)],
    )
    assert terminal.returncode == 0, terminal.output
    assert certs.NEEDS_PASSPHRASE in terminal.output
    assert terminal.output.index(certs.NEEDS_PASSPHRASE) < terminal.output.index(prompt)
    assert certs.WRONG_PASSPHRASE in terminal.output
    assert demo.DEMO_CERTIFICATE_PASSPHRASE not in terminal.output  # not echoed
    assert "keyring (no passphrase next time)" not in terminal.output  # nothing to keep the key in
    assert f"signed by {demo.DEMO_CERTIFICATE_NAME}" in terminal.output
    verified = careplan("--database", str(database), "verify", str(printed), env=reading)
    assert verified.returncode == 0, verified.stdout + verified.stderr

    # Nothing was written anywhere with the passphrase in it (the folder holds all there is).
    assert files_holding(tmp_path, demo.DEMO_CERTIFICATE_PASSPHRASE) == []


def screenshot(window: QWidget, dialog: QWidget, name: str) -> None:
    """The dialog on its own, and over the window as a person sees it (the window at 1366 x 768)."""
    SHOTS.mkdir(exist_ok=True)
    alone = dialog.grab()
    alone.save(str(SHOTS / f"{name}.png"))
    screen = window.grab()
    painter = QPainter(screen)
    painter.fillRect(screen.rect(), QColor(0, 0, 0, 60))
    painter.drawPixmap((screen.width() - alone.width()) // 2, (screen.height() - alone.height()) // 3, alone)
    painter.end()
    assert (screen.width(), screen.height()) == (1366, 768)
    screen.save(str(SHOTS / f"{name}-window.png"))


def print_in_the_app(qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Priya signs in, finds Dee, saves her signed agreement; the passphrase is asked once."""
    monkeypatch.setattr(automatic, "DELAY_MS", 3_600_000)  # no automatic backup during the test
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    desktop = Desktop(db, settings, on_quit=lambda: None)
    desktop.start()
    sign_in = desktop.dialog
    assert sign_in is not None
    qtbot.addWidget(sign_in)
    qtbot.waitExposed(sign_in)
    qtbot.keyClicks(sign_in.ui.username, "priya")  # type: ignore[attr-defined]
    qtbot.keyClicks(sign_in.ui.password, demo.DEMO_PASSWORD)  # type: ignore[attr-defined]
    qtbot.keyClick(sign_in.ui.password, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: desktop.window is not None, timeout=WAIT)
    window = desktop.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    qtbot.waitExposed(window)

    qtbot.keyClicks(window.people.search, "Dee")
    qtbot.keyClick(window.people.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(AgreementPage) is not None, timeout=WAIT)
    page = window.findChild(AgreementPage)
    assert isinstance(page, AgreementPage)
    window.workspace.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.view.save_pdf_button.isEnabled, timeout=WAIT)
    assert page.printer is not None

    target = tmp_path / "from-the-app.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(target, tmp_path / "again.pdf"))
    qtbot.mouseClick(page.view.save_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.printer is not None and page.printer.passphrase_dialog is not None, timeout=WAIT
    )
    dialog = page.printer.passphrase_dialog
    assert isinstance(dialog, SigningPassphraseDialog)
    qtbot.waitExposed(dialog)
    assert dialog.ui.reason.text() == certs.NEEDS_PASSPHRASE
    assert f"“{demo.DEMO_CERTIFICATE_PASSPHRASE}”" in dialog.ui.intro.text()  # a demo: the hint
    assert visible_check_boxes(dialog) == []
    assert dialog.ui.passphrase.hasFocus()
    screenshot(window, dialog, "signing-passphrase-no-keyring")

    # A wrong passphrase: said in the dialog, which stays open; nothing is signed or written.
    qtbot.keyClicks(dialog.ui.passphrase, "careplan-demo")
    qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.ui.problem.text() == certs.WRONG_PASSPHRASE
    assert not target.exists()
    assert issue_events(db) == []

    # The demo passphrase (typed over the wrong one, which is selected): signed and saved.
    with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
        qtbot.keyClicks(dialog.ui.passphrase, demo.DEMO_CERTIFICATE_PASSPHRASE)
        qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Return)
    assert page.printer.passphrase_dialog is None  # closed (and gone)
    assert target.exists()

    # Once a session: the next agreement is signed without asking again.
    with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
        page.view.save_pdf_button.click()
    assert page.printer.passphrase_dialog is None
    assert page.printer.keys.opened == 1
    assert len(issue_events(db)) == 2
    window.close()
    return target


# --- real data stays fail-closed ---------------------------------------------------------------------


@pytest.fixture
def real_site(sqlite_db: Database) -> Site:
    """Dee's approved plan on a real (non-demo) database, its certificate made on a computer with a
    keyring; this computer has none."""
    from tests.documents import build_print_world

    memory = MemoryKeyring()
    with installed(memory):
        world = build_print_world(sqlite_db)
        certs.create_self_signed(
            sqlite_db, world.team.manager, "Harbour Recovery Service", PASSPHRASE, key_kind="ec-p256"
        )
    assert demo.demo_marker(sqlite_db) is None
    return Site(sqlite_db, world, memory)


def test_real_data_without_a_keyring_signs_only_with_the_passphrase_typed(
    qtbot: QtBot, real_site: Site, tmp_path: Path, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    page = open_page(qtbot, real_site)
    assert page.printer is not None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(out / "a.pdf", out / "a.pdf", out / "a.pdf"))
    messages = Messages(monkeypatch)

    def ask() -> SigningPassphraseDialog:
        page.view.save_pdf_button.click()
        qtbot.waitUntil(
            lambda: page.printer is not None and page.printer.passphrase_dialog is not None, timeout=WAIT
        )
        assert page.printer is not None
        dialog = page.printer.passphrase_dialog
        assert isinstance(dialog, SigningPassphraseDialog)
        qtbot.waitExposed(dialog)
        return dialog

    # Asked, told why; no demo hint (a real database never hints at its passphrase); cancelled.
    dialog = ask()
    assert dialog.ui.reason.text() == certs.NEEDS_PASSPHRASE
    assert "demo" not in dialog.ui.intro.text().lower()
    assert visible_check_boxes(dialog) == []
    qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.printer is not None and page.printer.passphrase_dialog is None)

    # The demo passphrase, nothing, or a near miss: none of them signs.
    dialog = ask()
    for attempt in (demo.DEMO_CERTIFICATE_PASSPHRASE, "", PASSPHRASE + " "):
        dialog.ui.passphrase.setText(attempt)
        qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.ui.problem.isVisible()
    assert dialog.ui.problem.text() == certs.WRONG_PASSPHRASE
    qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Escape)
    wait_idle(qtbot, page)
    assert list(out.iterdir()) == []
    assert issue_events(real_site.db) == []
    assert messages.said == []
    assert page.printer.keys.opened == 0

    # The right passphrase, typed: signed.
    dialog = ask()
    with qtbot.waitSignal(page.printer.saved, timeout=WAIT):
        qtbot.keyClicks(dialog.ui.passphrase, PASSPHRASE)
        qtbot.keyClick(dialog.ui.passphrase, Qt.Key.Key_Return)
    assert check_agreement(real_site.db, (out / "a.pdf").read_bytes()).ok

    # Nothing kept it: not this computer (it has no keyring), not a file, not the database.
    assert files_holding(tmp_path, PASSPHRASE) == []
    with real_site.db.session() as session:
        assert session.scalars(select(AuditEvent.action)).all().count("remember_passphrase") == 0
    with pytest.raises(certs.SigningPassphraseNeeded):
        certs.signing_identity(real_site.db)


def test_without_a_keyring_the_certificate_dialog_offers_no_keeping(
    qtbot: QtBot, real_site: Site, no_keyring: None
) -> None:
    context = SignedInStaff(real_site.db, real_site.world.team.manager, "Priya Manager", Role.MANAGER)
    dialog = CertificateDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.ui.rememberChoice.isVisible()  # "so that this computer can sign" needs a keyring
    assert dialog.ui.keyringNote.isVisible()
    assert dialog.ui.keyringNote.text() == NOT_KEPT
    assert "keyring" not in dialog.ui.passphraseHint.text()
    dialog.reject()


def test_the_demo_certificate_is_described_as_such_and_a_new_one_is_not_named_after_it(
    qtbot: QtBot, sqlite_db: Database, no_keyring: None
) -> None:
    from careplan.services.agreement import DEFAULT_SERVICE_NAME
    from careplan.services.unit_of_work import staff_by_username

    demo.generate(sqlite_db, people=3, seed=2)
    priya = staff_by_username(sqlite_db, "priya")
    dialog = CertificateDialog(SignedInStaff(sqlite_db, priya, "Priya Shah", Role.MANAGER, demo=True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ui.current.text().startswith("Now: agreements are signed by the demo certificate")
    assert dialog.ui.organisation.text() == DEFAULT_SERVICE_NAME
    assert not dialog.ui.rememberChoice.isVisible()
    assert dialog.ui.keyringNote.text() == NOT_KEPT
    dialog.reject()
