"""A test that leaves a modal dialog or a nested event loop open fails; it never hangs the run.

While Qt runs its own event loop (``QMessageBox.warning``, ``dialog.exec()``, ``qtbot.waitSignal``),
Python's signal handlers do not run, so pytest-timeout's signal method cannot stop a test stuck
there and Ctrl+C does nothing. Qt's timers do fire inside every event loop, nested ones included,
so a timer keeps watch during every test that uses Qt:

* a modal dialog still open after ``CAREPLAN_TEST_MODAL_LIMIT_S`` seconds (default 30) is closed
  (rejected), and the test fails naming the dialog's title and text;
* if the test is still inside an event loop ``CAREPLAN_TEST_LOOP_LIMIT_S`` seconds (default 240)
  after it started, every event loop is told to exit and the test fails.

Both limits are below pytest-timeout's own (300 s, ``timeout_method = thread``), which stays as the
last resort: it ends the whole run with every thread's stack rather than letting it hang.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

ENV_MODAL_LIMIT = "CAREPLAN_TEST_MODAL_LIMIT_S"
ENV_LOOP_LIMIT = "CAREPLAN_TEST_LOOP_LIMIT_S"
CHECK_EVERY_MS = 200


def _limit(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass
class _Watch:
    modal_limit_s: float
    loop_limit_s: float
    started: float = field(default_factory=time.monotonic)
    modal_seen: dict[int, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    loops_stopped: bool = False

    def check(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        now = time.monotonic()
        modal = QApplication.activeModalWidget()
        if modal is not None:
            first_seen = self.modal_seen.setdefault(id(modal), now)
            if now - first_seen >= self.modal_limit_s:
                self.modal_seen.pop(id(modal), None)
                text = modal.text() if isinstance(modal, QMessageBox) else ""
                self.problems.append(
                    f"a modal {type(modal).__name__} {modal.windowTitle()!r} was left open for "
                    f"{self.modal_limit_s:g} s and was closed by the test watchdog"
                    + (f"; it said: {text!r}" if text else "")
                )
                if isinstance(modal, QDialog):
                    modal.reject()
                else:
                    modal.close()
        if not self.loops_stopped and now - self.started >= self.loop_limit_s:
            self.loops_stopped = True
            self.problems.append(
                f"the test was still inside a Qt event loop after {self.loop_limit_s:g} s; "
                "the test watchdog told every event loop to exit"
            )
            QApplication.exit(1)


def _uses_qt(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    return "qtbot" in names or "qapp" in names


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    if not _uses_qt(item):
        return (yield)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:  # qtbot's qapp fixture has made it by now; be safe
        return (yield)
    watch = _Watch(_limit(ENV_MODAL_LIMIT, 30.0), _limit(ENV_LOOP_LIMIT, 240.0))
    timer = QTimer()
    timer.setInterval(CHECK_EVERY_MS)
    timer.timeout.connect(watch.check)
    timer.start()
    try:
        result = yield
    except BaseException as exc:
        if watch.problems:  # what the test then tripped over is a consequence: name the cause
            raise pytest.fail.Exception("; ".join(watch.problems), pytrace=False) from exc
        raise
    finally:
        timer.stop()
        timer.deleteLater()
    if watch.problems:
        # Reported even when the test itself passed: a dialog nobody answered is a bug in the test
        # or in the code, and the rest of the run must not wait for it.
        pytest.fail("; ".join(watch.problems), pytrace=False)
    return result
