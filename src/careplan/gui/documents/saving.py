"""Saving a signed agreement the person at the screen already has: choose where, write it whole.

The signed bytes stay in memory until they are written: when a folder refuses (read-only, disk
full), or the place chosen is one Careplan never writes to (the database or its files, its
backups folder, a folder or a device: :mod:`careplan.services.chosen_files`), the message says
why and offers another place, and nothing has to be made again. The writing itself is handed in
(:func:`careplan.documents.issue.save_agreement`): it records in the audit trail that the
agreement was issued, in one unit of work with the write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careplan.documents.files import why_not_written
from careplan.domain.errors import CareplanError
from careplan.gui.default_folder import default_folder
from careplan.services import chosen_files
from careplan.services.agreement import IssuedAgreement
from careplan.services.chosen_files import FileRefused, ProtectedFiles

WriteAgreement = Callable[[IssuedAgreement, Path], None]

PDF_FILTER = "PDF files (*.pdf)"


def ask(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """A warning with a way on (``yes``) and "Cancel". True when the way on was chosen."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    way_on = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(way_on)
    box.exec()
    return box.clickedButton() is way_on


class PdfSaver:
    """Asks where to save (starting in the folder used last this session) and writes the file
    with ``write`` (which raises ``OSError`` when the folder refuses), never over the files of the
    database ``protected`` names."""

    def __init__(self, parent: QWidget, write: WriteAgreement, protected: ProtectedFiles) -> None:
        self._parent = parent
        self._write = write
        self.protected = protected
        self.folder: Path | None = None
        self.last_saved: Path | None = None

    def choose(self, file_name: str, title: str = "Save the signed agreement") -> Path | None:
        """Where to save; a place Careplan never writes to is said at once, and another asked for."""
        while True:
            folder = self.folder or default_folder()
            chosen, _filter = QFileDialog.getSaveFileName(
                self._parent, title, str(folder / file_name), PDF_FILTER
            )
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")
            try:
                return chosen_files.output_path(path, self.protected, what="the agreement")
            except FileRefused as exc:
                if not self._another_place(exc.message):
                    return None

    def _another_place(self, reason: str) -> bool:
        self.folder = None  # start again from Documents, not the folder that refused
        message = f"{reason} The signed agreement is kept: choose another place to save it."
        return ask(self._parent, "Not saved", message, "Choose another place…")

    def write(self, issued: IssuedAgreement, path: Path | None) -> Path | None:
        """Write to ``path`` (or ask where first); on a refusal, offer another place. The path
        written, or None when the person gave up (then nothing was written anywhere)."""
        while True:
            if path is None:
                path = self.choose(issued.file_name)
                if path is None:
                    return None
            try:
                # Looked at again: the file could have changed while the agreement was made.
                path = chosen_files.output_path(path, self.protected, what="the agreement")
                self._write(issued, path)
            except FileRefused as exc:
                if not self._another_place(exc.message):
                    return None
                path = None
                continue
            except CareplanError as exc:  # the record refused it (then no file was left either)
                QMessageBox.warning(self._parent, "Not saved", f"{exc.message} Nothing was saved.")
                return None
            except OSError as exc:
                reason = (
                    f"The agreement could not be saved as {path.name} in {path.parent}: "
                    f"{why_not_written(exc)}. Nothing was saved there."
                )
                if not self._another_place(reason):
                    return None
                path = None
                continue
            self.folder = path.parent
            self.last_saved = path
            return path

    def save(self, issued: IssuedAgreement) -> Path | None:
        return self.write(issued, None)
