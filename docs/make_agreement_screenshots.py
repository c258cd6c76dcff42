"""Render the printed-agreement screens with demo data into PNGs (docs/screenshots/).

    .venv/bin/python docs/make_agreement_screenshots.py [--out docs/screenshots] [--scale 1]

Offscreen, on a fresh demo database in a temporary folder, signed in as Priya Shah (manager):
Dee's Agreement page, the preview of her signed agreement, the first-use certificate dialog, and
the "Verify an agreement" dialog on the genuine file and on a tampered copy. The service's
certificate is made for the occasion; its passphrase goes to an in-memory keyring that lives only
as long as this script (nothing is written to the computer's own keyring).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "screenshots only, never used again"


def _memory_keyring() -> object:
    from keyring.backend import KeyringBackend

    class ScreenshotKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.secrets.pop((service, username), None)

    return ScreenshotKeyring()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("screenshots"))
    parser.add_argument("--scale", default="1")
    args = parser.parse_args(argv)
    os.environ["QT_SCALE_FACTOR"] = args.scale

    import keyring
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import delete

    from careplan import demo
    from careplan.cli.commands import DEMO_RECOVERY_PASSPHRASE
    from careplan.documents.issue import issue_signed_agreement
    from careplan.domain.enums import Role
    from careplan.domain.records import Setting
    from careplan.gui.dialogs.certificate_dialog import CertificateDialog
    from careplan.gui.dialogs.verify_dialog import VerifyDialog
    from careplan.gui.documents.preview import PreviewDialog
    from careplan.gui.documents.saving import PdfSaver
    from careplan.gui.main_window import MainWindow
    from careplan.gui.theme import apply_theme
    from careplan.services import signing_certificate as certs
    from careplan.services.certificate_record import SETTING_KEY
    from careplan.services.chosen_files import protected_files
    from careplan.services.people_search import PeopleQuery, search_people
    from careplan.services.signed_in import SignedInStaff
    from careplan.services.unit_of_work import staff_by_username
    from careplan.services.workspace import current_version_id
    from careplan.storage.opener import open_database

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    keyring.set_keyring(_memory_keyring())  # type: ignore[arg-type]
    folder = Path(tempfile.mkdtemp(prefix="careplan-shots-"))
    args.out.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / "demo.db", recovery_passphrase=DEMO_RECOVERY_PASSPHRASE)
    try:
        demo.generate(db, people=200, seed=1)
        # The pictures show a service setting up its own certificate: the demo's one is set aside.
        with db.session() as session, session.begin():
            session.execute(delete(Setting).where(Setting.key == SETTING_KEY))
        priya = staff_by_username(db, "priya")
        context = SignedInStaff(db, priya, "Priya Shah", Role.MANAGER)

        def save(widget: object, name: str) -> None:
            app.processEvents()
            path = args.out / f"{name}.png"
            widget.grab().save(str(path))  # type: ignore[attr-defined]
            print(path)

        first_use = CertificateDialog(context, first_use=True)
        first_use.show()
        save(first_use, "agreement-certificate-dialog")
        first_use.close()
        certs.create_self_signed(db, priya, "Harbour Recovery Service", PASSPHRASE, key_kind="ec-p256")

        window = MainWindow(context, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window.workspace.build_pages()
        window.resize(1366, 768)
        window.show()
        dee = search_people(db, priya, PeopleQuery(text="Dee"))[0]
        window.people.search.setText("Dee")
        window.people.apply_filters()
        window.people.select_person(dee.person_id)
        window.open_person(dee.person_id)
        window.workspace.who_is_here.together_button.click()
        tabs = window.workspace.tabs
        for index in range(tabs.count()):
            if tabs.tabText(index) == "Agreement":
                tabs.setCurrentIndex(index)
        save(window, "agreement-page")

        version_id = current_version_id(db, priya, dee.person_id)
        assert version_id is not None
        issued = issue_signed_agreement(
            db, priya, version_id, easy_read=False, identity=certs.signing_identity(db)
        )
        preview = PreviewDialog(
            issued,
            PdfSaver(window, lambda issued, path: None, protected_files(db)),  # the screenshots save nothing
            signed_by="Harbour Recovery Service",
            record_printed=lambda issued: None,  # nor print
            parent=window,
        )
        preview.show()
        QTest.qWait(1500)  # pages are drawn in the background
        save(preview, "agreement-preview")
        preview.close()

        genuine = folder / issued.file_name
        genuine.write_bytes(issued.pdf)
        changed = bytearray(issued.pdf)
        changed[len(changed) // 2] ^= 0x01
        tampered = folder / "agreement-changed.pdf"
        tampered.write_bytes(bytes(changed))
        for name, path in (("agreement-verify-genuine", genuine), ("agreement-verify-tampered", tampered)):
            dialog = VerifyDialog(context, window)
            dialog.show()
            dialog.ui.filePath.setText(str(path))
            dialog.check()
            while dialog.job is not None and dialog.job.running:
                QTest.qWait(20)
            save(dialog, name)
            dialog.close()
        window.close()
    finally:
        db.dispose()
        shutil.rmtree(folder, ignore_errors=True)  # the synthetic database is not kept
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
