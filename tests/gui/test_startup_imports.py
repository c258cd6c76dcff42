"""Start-up stays light: the real start (signing in, the main window with its people list)
imports none of the heavy modules. They are imported where they are first needed: the workspace
pages when the first person is opened, ReportLab and pyHanko when a document is made or checked,
Alembic when a database needs migrating, cryptography (its OpenSSL) when a certificate or a key
file is used (the agreement page shows the certificate: opening a person brings it), and the
dialogs opened from a menu that bring a good deal with them (the administrators' three, and the
two that use certificates) when they are first opened. Run in a child process, so that nothing
this test session already imported counts.

Each is a lazy import kept for a measured reason, with a comment pointing here. Measured with
``python -X importtime`` on the real start (a loaded two-core machine, so roughly): the workspace
pages several hundred ms; cryptography about 40 ms for a key file's scrypt and AES, 80 ms more
with x509 (the verify and certificate dialogs); the staff, catalogue and settings dialogs about
60 ms together."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from careplan.services.people import PersonDetails, register_person
from careplan.storage.opener import open_database
from tests.gui.signing import PASSWORDS, make_team, quick_hashing

__all__ = ["quick_hashing"]

ROOT = Path(__file__).resolve().parents[2]

WORKSPACE_PAGES = [
    "careplan.gui.workspace.plan_page",
    "careplan.gui.workspace.staying_safe_page",
    "careplan.gui.workspace.budget_page",
    "careplan.gui.workspace.agreement_page",
    "careplan.gui.workspace.history_page",
    "careplan.gui.workspace.sharing_page",
    "careplan.gui.workspace.access_page",
]
CERTIFICATE_DIALOG = "careplan.gui.dialogs.certificate_dialog"
MENU_DIALOGS = [
    "careplan.gui.dialogs.verify_dialog",
    CERTIFICATE_DIALOG,
    "careplan.gui.dialogs.staff_admin",
    "careplan.gui.dialogs.catalogue_dialog",
    "careplan.gui.dialogs.settings_dialog",
]
HEAVY = ["reportlab", "pyhanko", "alembic", "cryptography", *MENU_DIALOGS, *WORKSPACE_PAGES]

DRIVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from careplan.gui.app import run

    database, password, heavy, person = sys.argv[1], sys.argv[2], sys.argv[3].split(","), int(sys.argv[4])
    app = QApplication(sys.argv[:1])

    def visible(name):
        return [w for w in app.topLevelWidgets() if w.objectName() == name and w.isVisible()]

    def loaded():
        return ",".join(name for name in heavy if name in sys.modules)

    def drive():
        (dialog,) = visible("signInDialog")
        dialog.ui.password.setText(password)
        dialog.ui.signInButton.click()
        (window,) = visible("mainWindow")
        app.processEvents()  # the people list painted
        print("rows:", window.people.table.model().rowCount())
        print("at start-up:", loaded())
        window.open_person(person)
        app.processEvents()
        print("after opening a person:", loaded())
        window.close()

    QTimer.singleShot(0, drive)
    sys.exit(run(database, "sam"))
    """
)


@pytest.mark.usefixtures("quick_hashing")
def test_start_up_imports_no_heavy_module_until_it_is_needed(tmp_path: Path) -> None:
    database = tmp_path / "careplan.db"
    db = open_database(database)
    team = make_team(db)
    person = register_person(db, team.sam, PersonDetails("Dee", "Dee Walsh"))
    db.dispose()
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # QSettings: not the real user's
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")]),
    )
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(database), PASSWORDS["sam"], ",".join(HEAVY), str(person)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(_key_value(line) for line in result.stdout.splitlines())
    assert lines["rows"] == "1"
    assert lines["at start-up"] == "", "imported before the people list was shown"
    # The check sees them once they are needed: opening a person builds the workspace pages, whose
    # agreement page shows the signing certificate (cryptography, and its dialog for Change...). A
    # key worker never has "Who has seen this" (the registry says who does), so it is not imported.
    for_a_key_worker = [name for name in WORKSPACE_PAGES if name != "careplan.gui.workspace.access_page"]
    assert sorted(lines["after opening a person"].split(",")) == sorted(
        [*for_a_key_worker, "cryptography", CERTIFICATE_DIALOG]
    )


def _key_value(line: str) -> tuple[str, str]:
    """``name: value`` as a pair; a line ``name:`` with nothing after it as ``(name, "")``."""
    key, colon, value = line.partition(": ")
    return (key, value) if colon else (line.rstrip(":"), "")
