"""The app's way of telling someone about a failure nobody expected (:mod:`careplan.logs` has
logged it): one plain sentence in a message box, and on standard error for whoever started it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

TITLE = "Careplan met an unexpected problem"
_showing: list[bool] = []  # a box is open: a failure that repeats (a paint) is logged, not shown again


def show_unexpected(sentence: str) -> None:
    print(f"careplan: {sentence}", file=sys.stderr)
    if QApplication.instance() is None or _showing:
        return
    _showing.append(True)
    try:
        QMessageBox.critical(None, TITLE, sentence)
    finally:
        _showing.clear()
