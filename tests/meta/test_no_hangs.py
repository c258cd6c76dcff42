"""A test that leaves a modal dialog or a nested event loop open fails inside its timeout.

Each case runs a small test file in a separate pytest process with the suite's watchdog
(``tests/modal_watchdog.py``) and short limits, and checks that the inner test failed, why, and
how quickly. Before the watchdog, the first case hung until the run was killed.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LEFT_OPEN = """
from PySide6.QtWidgets import QMessageBox

def test_leaves_a_message_box_open(qtbot):
    QMessageBox.warning(None, "Not signed", "The agreement could not be signed.")
"""

NESTED_LOOP = """
from PySide6.QtCore import QEventLoop

def test_waits_in_a_loop_nobody_ends(qtbot):
    QEventLoop().exec()
"""

ANSWERED = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

def test_answers_its_dialog(qtbot):
    QTimer.singleShot(300, lambda: QApplication.activeModalWidget().accept())
    QMessageBox.information(None, "Saved", "The agreement is saved.")
"""


def run_inner(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, source: str
) -> tuple[object, float]:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("CAREPLAN_TEST_MODAL_LIMIT_S", "1")
    monkeypatch.setenv("CAREPLAN_TEST_LOOP_LIMIT_S", "3")
    pytester.makeconftest('pytest_plugins = ["tests.modal_watchdog"]\n')
    pytester.makepyfile(test_inner=source)
    started = time.monotonic()
    # pytest-timeout's thread method (60 s) is the backstop here as in the suite; the subprocess
    # timeout (90 s) only keeps this outer test from hanging if both were broken.
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--timeout=60", "-o", "timeout_method=thread", timeout=90
    )
    return result, time.monotonic() - started


def test_a_modal_dialog_left_open_fails_the_test_quickly(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, seconds = run_inner(pytester, monkeypatch, LEFT_OPEN)

    result.assert_outcomes(failed=1)  # type: ignore[attr-defined]
    output = "\n".join(result.outlines)  # type: ignore[attr-defined]
    assert "modal QMessageBox 'Not signed' was left open" in output
    assert "The agreement could not be signed." in output
    assert "Timeout" not in output  # the watchdog, not pytest-timeout's last resort
    assert seconds < 45


def test_a_nested_event_loop_nobody_ends_fails_the_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, seconds = run_inner(pytester, monkeypatch, NESTED_LOOP)

    result.assert_outcomes(failed=1)  # type: ignore[attr-defined]
    assert "still inside a Qt event loop after 3 s" in "\n".join(result.outlines)  # type: ignore[attr-defined]
    assert seconds < 45


def test_a_dialog_the_test_answers_passes(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    result, _seconds = run_inner(pytester, monkeypatch, ANSWERED)

    result.assert_outcomes(passed=1)  # type: ignore[attr-defined]
