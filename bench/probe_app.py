"""Run the real ``careplan`` desktop app and say when its main window is usable.

Started as a subprocess by the benchmarks: ``python -m bench.probe_app MODE -- careplan arguments``.
It calls ``careplan.cli.main.main`` exactly as the ``careplan`` command does. The only addition
is a watcher, attached when the app enters its event loop, that waits for the people list to be
painted with its first page of rows and then prints ``READY rows=N rss_kb=K`` and quits.

MODE ``startup``: quit at the first paint. MODE ``memory``: first use the window as a key worker
would (scroll the list a few pages, search, open three people's workspaces), then report the
process's peak resident memory and quit.

Signing in: the app opens on its sign-in dialog (``--user`` fills in the username). When the
event loop starts, the probe types the password from ``CAREPLAN_PASSWORD`` into that dialog and
presses Sign in, as a person would; :func:`bench.processes.probe_env` sets it to the demo
accounts' password (the benchmark dataset is demo data). So start-up is measured to the people
list *including* the password check (argon2), not to the sign-in dialog. The READY line also
says how long pressing Sign in took (``sign_in_ms``: the password check and building the window).

Nothing in Careplan is changed: the watcher wraps ``QApplication.exec`` from outside.
"""

from __future__ import annotations

import os
import resource
import sys
import time

_sign_in_ms = 0.0  # signing in and opening the window, from pressing Sign in


def _peak_kb() -> int:
    """This process's peak resident memory (KB).

    From ``VmHWM`` in /proc, not ``getrusage``: Linux carries ``ru_maxrss`` over ``exec`` from
    the process that started us, so a benchmark that had just made a big dataset would be
    reported as this process's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main() -> int:
    mode = sys.argv[1]
    careplan_args = sys.argv[3:] if len(sys.argv) > 2 and sys.argv[2] == "--" else sys.argv[2:]

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    original_exec = QApplication.exec

    def finish(table: QTableView) -> None:
        app = QApplication.instance()
        rows = table.model().rowCount()
        if mode == "memory":
            _use_the_window(table)
        print(f"READY rows={rows} rss_kb={_peak_kb()} sign_in_ms={_sign_in_ms:.1f}", flush=True)
        assert app is not None
        app.quit()

    class FirstPaint(QObject):
        def __init__(self, table: QTableView) -> None:
            super().__init__(table)
            self.table = table
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if not self.done and event.type() == QEvent.Type.Paint and self.table.model().rowCount() > 0:
                self.done = True
                QTimer.singleShot(0, lambda: finish(self.table))
            return False

    def exec_and_watch(*_args: object) -> int:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        refused = _sign_in(app)
        if refused is not None:
            print(f"NOTREADY {refused}", flush=True)
            return 1
        table = next(
            (w for w in app.allWidgets() if isinstance(w, QTableView) and w.objectName() == "peopleTable"),
            None,
        )
        if table is None:
            print("NOTREADY no people list", flush=True)
            return 1
        table.viewport().installEventFilter(FirstPaint(table))
        return int(original_exec())

    QApplication.exec = exec_and_watch  # type: ignore[method-assign]
    from careplan.cli.main import main as careplan_main

    return int(careplan_main(careplan_args) or 0)


def _sign_in(app: object) -> str | None:
    """Sign in at the sign-in dialog, if it is showing. Returns why not, or None."""
    from PySide6.QtWidgets import QApplication, QDialog

    assert isinstance(app, QApplication)
    dialog = next(
        (w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.objectName() == "signInDialog"),
        None,
    )
    if dialog is None or not dialog.isVisible():
        return None
    password = os.environ.get("CAREPLAN_PASSWORD")
    if not password:
        return "the sign-in dialog is showing and CAREPLAN_PASSWORD is not set"
    ui = getattr(dialog, "ui")  # noqa: B009 - the sign-in dialog's form
    ui.password.setText(password)
    started = time.perf_counter()
    ui.signInButton.click()  # signs in and opens the main window, or shows why not
    global _sign_in_ms
    _sign_in_ms = (time.perf_counter() - started) * 1000
    if ui.problem.isVisible():
        return f"signing in was refused: {ui.problem.text()}"
    return None


def _use_the_window(table: object) -> None:
    """What a key worker does in the first minutes: scroll, search, open a few people."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTableView

    assert isinstance(table, QTableView)
    app = QApplication.instance()
    assert app is not None
    window = table.window()
    panel = table.parent()
    model = table.model()
    for _ in range(5):  # scroll down five pages of the list
        table.scrollToBottom()
        app.processEvents()
    # Opened from Sam's own caseload: someone else's record would first ask for a cover (a
    # modal dialog nobody answers here), and which rows are whose depends on the data.
    caseload = getattr(panel, "caseload", None)
    if caseload is not None:
        caseload.setChecked(True)
        app.processEvents()
    for row in (0, 7, 42):
        if row < model.rowCount():
            table.selectRow(row)  # choosing a row does not open it: Enter does
            QTest.keyClick(table, Qt.Key.Key_Return)
            app.processEvents()
    if caseload is not None:
        caseload.setChecked(False)
        app.processEvents()
    search = getattr(panel, "search", None)
    if search is not None:
        for text in ("m", "ma", "mar"):
            search.setText(text)
            getattr(panel, "apply_filters")()  # noqa: B009 - the people panel, found by its search box
            app.processEvents()
    window.repaint()
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
