"""Saving the desk's money totals as a CSV file, safely.

Where: a file dialog (or a path a test gives). Never over the open database or its own files,
nor in its backups folder, a folder or a device (:func:`careplan.services.chosen_files.output_path`);
never over an existing file without asking first ("Replace it?", Cancel the default). Written
whole or not at all, private to its owner (:func:`careplan.documents.files.write_atomically`).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careplan.documents.files import why_not_written, write_atomically
from careplan.domain.errors import CareplanError
from careplan.gui.default_folder import default_folder
from careplan.services import chosen_files, desk_csv
from careplan.services.desk import Desk
from careplan.services.signed_in import SignedInStaff

CSV_FILTER = "CSV files (*.csv)"
NOT_SAVED = "The totals were not saved"


class TotalsFile:
    def __init__(self, parent: QWidget, context: SignedInStaff) -> None:
        self._parent = parent
        self._context = context
        self.folder: Path | None = None
        self.last_saved: Path | None = None
        self.last_problem: str | None = None

    def choose(self, view: Desk) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent,
            "Export the totals to a CSV file",
            str((self.folder or default_folder()) / desk_csv.file_name(view)),
            CSV_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, for every way in
        )
        return Path(chosen) if chosen else None

    def save(self, view: Desk, path: Path | None = None) -> Path | None:
        """Write the totals to ``path`` (None: ask where). The path written, or None (nothing written)."""
        self.last_problem = None
        if path is None:
            path = self.choose(view)
            if path is None:
                return None
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        try:
            path = chosen_files.output_path(
                path, chosen_files.protected_files(self._context.db), what="the totals"
            )
        except CareplanError as exc:
            self._refused(exc.message)
            return None
        if os.path.lexists(path) and not self._may_replace(path):
            return None
        try:
            write_atomically(path, desk_csv.totals_csv(view))
        except OSError as exc:
            self._refused(f"{path.name} was not saved: {why_not_written(exc)}. Choose another place.")
            return None
        self.folder = path.parent
        self.last_saved = path
        return path

    def _may_replace(self, path: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace the file?",
            f"{path.name} is already there. Replace it with the totals?",
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        replace = box.addButton("&Replace it", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace

    def _refused(self, message: str) -> None:
        self.last_problem = message
        QMessageBox.warning(self._parent, NOT_SAVED, message)
