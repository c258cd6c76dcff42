"""The bundle's `careplan` program: the same entry point as pyproject's [project.scripts] careplan.

PyInstaller needs a script to start from; this is it (packaging/careplan.spec). With no command it
starts the desktop app on its sign-in dialog, as the installed `careplan` does.

``CAREPLAN_BUNDLE_SMOKE`` is for packaging/smoke_deb.sh, which cannot run a Python driver inside a
frozen program. ``sign-in``: the app starts as usual, and once its event loop runs (the first window
is then on screen) the names of the windows shown are printed and the app quits. ``imports``: every
module of Careplan is imported (so a module or library the bundle lacks shows, QtCharts say), the
count is printed, and each failure; exit 1 if any. Without it nothing changes.
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


def _import_every_module() -> None:
    import importlib
    import pkgutil

    import careplan

    imported, failed = 0, []
    for module in pkgutil.walk_packages(careplan.__path__, "careplan."):
        if module.name.startswith("careplan.storage.migrations") or module.name.endswith(".__main__"):
            continue  # Alembic reads these as files, in its own context; __main__ would start the app
        try:
            importlib.import_module(module.name)
        except Exception as exc:
            failed.append(f"{module.name}: {exc!r}")
        else:
            imported += 1
    print(f"imported {imported} modules")
    for failure in failed:
        print(f"failed: {failure}")
    raise SystemExit(1 if failed else 0)


if os.environ.get("CAREPLAN_BUNDLE_SMOKE") == "sign-in":
    _report_windows_then_quit()
elif os.environ.get("CAREPLAN_BUNDLE_SMOKE") == "imports":
    _import_every_module()

from careplan.cli.main import console  # noqa: E402 - after the smoke hook, which must make the QApplication

raise SystemExit(console())
