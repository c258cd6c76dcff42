"""Icons and other files from resources/."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    path = resources.files("careplan").joinpath(f"resources/icons/{name}.svg")
    return QIcon(str(path))
