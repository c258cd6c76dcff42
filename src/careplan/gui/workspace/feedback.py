"""Telling people what happened: saved, or a plain message when something went wrong."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from careplan.domain.errors import CareplanError, ConflictError


class Feedback:
    """Runs a use case for a widget and reports the outcome: a status line, or a message box.

    ``on_saved`` receives a short text for the status bar; ``on_conflict`` is offered the chance
    to reload after another workstation's change.
    """

    def __init__(
        self,
        parent: QWidget,
        on_saved: Callable[[str], None],
        on_conflict: Callable[[], None],
    ) -> None:
        self._parent = parent
        self._on_saved = on_saved
        self._on_conflict = on_conflict

    def run(self, action: Callable[[], object], saved: str = "Saved") -> bool:
        """True when the use case succeeded; False when it was refused (already explained)."""
        try:
            action()
        except ConflictError as exc:
            answer = QMessageBox.warning(
                self._parent,
                "Changed somewhere else",
                f"{exc.message}\n\nReload now? What you typed is kept on screen until you do.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._on_conflict()
            return False
        except CareplanError as exc:
            QMessageBox.information(self._parent, "Not saved yet", exc.message)
            return False
        self._on_saved(saved)
        return True
