""" "Save the receipt…": the receipt kept with a spending entry, saved where staff choose.

Written whole or not at all (:func:`careplan.documents.files.write_atomically`), never over the
database, its key or its backups (:mod:`careplan.services.chosen_files`), and recorded in the
audit trail in one unit of work with the write (:func:`careplan.services.receipts.save_receipt`).
A refusal is said in a message, and nothing is written.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careplan.documents.files import why_not_written, write_atomically
from careplan.domain.enums import ReceiptKind
from careplan.domain.errors import CareplanError
from careplan.gui.default_folder import default_folder
from careplan.services import chosen_files
from careplan.services.receipts import SUFFIXES, save_receipt
from careplan.services.signed_in import SignedInStaff

FILTERS = {
    ReceiptKind.PDF: "PDF files (*.pdf)",
    ReceiptKind.PNG: "PNG pictures (*.png)",
    ReceiptKind.JPEG: "JPEG pictures (*.jpg *.jpeg)",
}


class ReceiptSaver:
    """Asks where (unless told), then writes the receipt of one entry there."""

    def __init__(self, parent: QWidget, context: SignedInStaff) -> None:
        self._parent = parent
        self._context = context

    def choose(self, entry_id: int, kind: ReceiptKind) -> Path | None:
        suggested = default_folder() / f"receipt-{entry_id}{SUFFIXES[kind]}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, "Save the receipt", str(suggested), FILTERS[kind]
        )
        return Path(chosen) if chosen else None

    def save(self, entry_id: int, kind: ReceiptKind, path: Path | None = None) -> Path | None:
        """The path written, or None (nothing chosen, or refused: then a message says why)."""
        path = path or self.choose(entry_id, kind)
        if path is None:
            return None
        try:
            out = chosen_files.output_path(
                path, chosen_files.protected_files(self._context.db), what="the receipt"
            )

            def remove() -> None:
                with contextlib.suppress(OSError):
                    out.unlink()

            save_receipt(
                self._context.db,
                self._context.actor,
                entry_id,
                lambda data: write_atomically(out, data),
                undo=remove,
            )
        except CareplanError as exc:
            self._not_saved(exc.message)
            return None
        except OSError as exc:
            self._not_saved(f"The receipt could not be saved in {path.parent}: {why_not_written(exc)}.")
            return None
        return out

    def _not_saved(self, reason: str) -> None:
        QMessageBox.warning(self._parent, "Not saved", f"{reason} Nothing was saved.")
