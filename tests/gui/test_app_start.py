"""``careplan`` itself: the real start-up signs in (``--user`` fills in the name), opens the
window, and quits when the window closes. Run in a child process, as a person would start it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from careplan.storage.opener import open_database
from tests.gui.signing import PASSWORDS, make_team, quick_hashing

__all__ = ["quick_hashing"]

ROOT = Path(__file__).resolve().parents[2]

DRIVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from careplan.gui.app import run

    app = QApplication(sys.argv[:1])

    def visible(name):
        return [w for w in app.topLevelWidgets() if w.objectName() == name and w.isVisible()]

    def drive():
        (dialog,) = visible("signInDialog")
        print("username:", dialog.ui.username.text())
        dialog.ui.password.setText(sys.argv[2])
        dialog.ui.signInButton.click()
        (window,) = visible("mainWindow")
        print("status:", window.signed_in_label.text())
        window.close()

    QTimer.singleShot(0, drive)
    sys.exit(run(sys.argv[1], "sam"))
    """
)


@pytest.mark.usefixtures("quick_hashing")
def test_careplan_signs_in_opens_the_window_and_quits_when_it_closes(tmp_path: Path) -> None:
    database = tmp_path / "careplan.db"
    db = open_database(database)
    make_team(db)
    db.dispose()
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # QSettings: not the real user's
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")]),
    )
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(database), PASSWORDS["sam"]],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "username: sam" in result.stdout
    assert "status: Signed in: Sam Okafor (key worker)" in result.stdout
    assert "Traceback" not in result.stderr
