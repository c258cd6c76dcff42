"""Which pages the workspace has. Each page arrives with its own piece of work."""

from __future__ import annotations

from careplan.gui.context import AppContext
from careplan.gui.main_window import MainWindow


def add_pages(window: MainWindow, context: AppContext) -> None:
    from careplan.gui.workspace import pages

    for title, page_class in pages.PAGES:
        window.workspace.add_page(page_class(context, window.voice, window.workspace), title)
