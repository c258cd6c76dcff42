"""Which pages the workspace has, and the window-wide actions that lead to them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from careplan.gui.context import AppContext
from careplan.gui.documents.menus import add_document_menus
from careplan.gui.main_window import MainWindow


def add_pages(window: MainWindow, context: AppContext) -> None:
    """Build the workspace's pages now, and the window-wide actions that lead to them."""
    _add_actions(window, context)
    _build_pages(window, context)


def add_pages_when_needed(window: MainWindow, context: AppContext) -> None:
    """The same, but the pages are built when the first person is opened: importing and building
    them is a good part of start-up, and the window shows the people list without them."""
    _add_actions(window, context)
    window.build_pages = lambda: _build_pages(window, context)


def _add_actions(window: MainWindow, context: AppContext) -> None:
    window.new_goal_action = _new_goal_action(window)  # the plan page is there for every role
    add_document_menus(window, context)  # File > Verify an agreement…, Signing certificate…


def _build_pages(window: MainWindow, context: AppContext) -> None:
    # The pages only when the first person is opened: several hundred ms of start-up otherwise
    # (tests/gui/test_startup_imports.py).
    from careplan.gui.workspace import pages
    from careplan.gui.workspace.plan_page import PlanPage

    for title, page_class in pages.PAGES:
        page = page_class(context, window.voice, window.workspace)
        window.workspace.add_page(page, title)
        if isinstance(page, PlanPage):
            page.add_goal_action.setShortcut(QKeySequence())  # the window-wide action owns Ctrl+G
        stack = getattr(page, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            window.undo_group.addStack(stack)
    window.workspace.tabs.currentChanged.connect(lambda _index: _follow_tab(window))
    _follow_tab(window)


def _follow_tab(window: MainWindow) -> None:
    """Edit > Undo works on the page in front."""
    stack = getattr(window.workspace.tabs.currentWidget(), "undo_stack", None)
    if isinstance(stack, QUndoStack):
        window.undo_group.setActiveStack(stack)
    else:  # a page with nothing to undo: Qt accepts no stack, its stubs do not say so
        window.undo_group.setActiveStack(None)  # type: ignore[arg-type]


def _new_goal_action(window: MainWindow) -> QAction:
    """Ctrl+G from anywhere in the window: show the plan and start a new goal."""
    action = QAction("New &goal…", window)
    action.setShortcut(QKeySequence("Ctrl+G"))
    action.setStatusTip("Add a goal to the plan")

    def new_goal() -> None:
        # Imported with the first person opened, as _build_pages says (tests/gui/test_startup_imports.py).
        from careplan.gui.workspace.plan_page import PlanPage

        page = next((p for p in window.workspace.pages if isinstance(p, PlanPage)), None)
        if window.workspace.person is None or page is None:
            window.statusBar().showMessage("Choose a person first.", 4000)
            return
        window.stack.setCurrentWidget(window.workspace)
        window.workspace.tabs.setCurrentWidget(page)
        page.add_goal()

    action.triggered.connect(new_goal)
    window.person_menu.addAction(action)
    window.addAction(action)
    return action
