"""Nothing typed goes without asking: the guard on every way out of a writing dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def may_throw_away(parent: QWidget) -> bool:
    """Ask before words typed in a dialog are thrown away; keeping them is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Throw away what was typed?",
        "What was typed here has not been saved. Throw it away?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("throwAwayBox")
    throw = box.addButton("Throw it away", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep writing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is throw


class TypedWords:
    """Remembers what a dialog showed when it opened, to tell whether anything was typed since."""

    def __init__(self, read: Callable[[], tuple[str, ...]]) -> None:
        self._read = read
        self._opened_with = read()

    @property
    def changed(self) -> bool:
        return self._read() != self._opened_with

    def may_close(self, dialog: QDialog, result: int) -> bool:
        """True unless the dialog is being cancelled with unsaved words and the person keeps them."""
        if result == QDialog.DialogCode.Accepted or not self.changed:
            return True
        return may_throw_away(dialog)
