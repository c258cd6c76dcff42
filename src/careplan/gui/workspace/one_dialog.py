"""A page's one form dialog at a time (Staying safe, Reviews): opened window-modal; on OK the page
hears what was saved and which button gets the focus back; once closed it is let go."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from careplan.gui.dialogs.form_dialog import FormDialog


class OneDialog:
    def __init__(self, on_saved: Callable[[str, str], None]) -> None:
        self.current: FormDialog | None = None
        self._on_saved = on_saved  # (what was saved, the object name to give the focus back to)

    def open(self, dialog: FormDialog, saved: str, focus: str) -> None:
        self.current = dialog
        dialog.accepted.connect(partial(self._on_saved, saved, focus))
        dialog.finished.connect(partial(self._closed, dialog))
        dialog.open()

    def _closed(self, dialog: FormDialog, _result: int) -> None:
        if self.current is dialog:
            self.current = None
        dialog.deleteLater()
