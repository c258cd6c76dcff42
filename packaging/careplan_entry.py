"""The bundle's `careplan` program: the same entry point as pyproject's [project.scripts] careplan.

PyInstaller needs a script to start from; this is it (packaging/careplan.spec). With no command it
starts the desktop app on its sign-in dialog, as the installed `careplan` does.

``CAREPLAN_BUNDLE_SMOKE=sign-in`` is for packaging/smoke_deb.sh, which cannot run a Python driver
inside a frozen program: the app starts as usual, and once its event loop runs (the first window is
then on screen) the names of the windows shown are printed and the app quits. Nothing else changes.
"""

import os
import sys


def _report_windows_then_quit() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    def look() -> None:
        shown = [w for w in app.topLevelWidgets() if w.isVisible()]
        print("showing:", ", ".join(sorted(w.objectName() for w in shown)), flush=True)
        for widget in shown:
            widget.close()
        app.exit(0)

    QTimer.singleShot(0, look)


if os.environ.get("CAREPLAN_BUNDLE_SMOKE") == "sign-in":
    _report_windows_then_quit()

from careplan.cli.main import console  # noqa: E402 - after the smoke hook, which must make the QApplication

raise SystemExit(console())
