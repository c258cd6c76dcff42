"""Where a file chooser opens first: the person's Documents folder (their home folder without one).

Shared by everything that asks for a file: saving an agreement, checking one, a backup copy, the
services catalogue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def default_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()
