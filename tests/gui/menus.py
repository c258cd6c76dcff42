"""The main window's menus, as a person finds them: by their titles."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def file_menu(window: QMainWindow) -> QMenu:
    """The window's File menu."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(menu, QMenu)
    return menu
