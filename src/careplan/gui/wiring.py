"""Which pages the workspace has, and the window-wide actions that lead to them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from careplan.gui.context import AppContext
from careplan.gui.main_window import MainWindow


def add_pages(window: MainWindow, context: AppContext) -> None:
    from careplan.gui.workspace import pages
    from careplan.gui.workspace.plan_page import PlanPage

    for title, page_class in pages.PAGES:
        page = page_class(context, window.voice, window.workspace)
        window.workspace.add_page(page, title)
        if isinstance(page, PlanPage):
            window.new_goal_action = _new_goal_action(window, page)
        stack = getattr(page, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            window.undo_group.addStack(stack)
    window.workspace.tabs.currentChanged.connect(lambda _index: _follow_tab(window))
    _follow_tab(window)
    from careplan.gui.documents.menus import add_document_menus

    add_document_menus(window, context)  # File > Verify an agreement…, Signing certificate…


def _follow_tab(window: MainWindow) -> None:
    """Edit > Undo works on the page in front."""
    stack = getattr(window.workspace.tabs.currentWidget(), "undo_stack", None)
    if isinstance(stack, QUndoStack):
        window.undo_group.setActiveStack(stack)
    else:  # a page with nothing to undo: Qt accepts no stack, its stubs do not say so
        window.undo_group.setActiveStack(None)  # type: ignore[arg-type]


def _new_goal_action(window: MainWindow, page: object) -> QAction:
    """Ctrl+G from anywhere in the window: show the plan and start a new goal."""
    from careplan.gui.workspace.plan_page import PlanPage

    assert isinstance(page, PlanPage)
    page.add_goal_action.setShortcut(QKeySequence())  # the window-wide action owns Ctrl+G
    action = QAction("New &goal…", window)
    action.setShortcut(QKeySequence("Ctrl+G"))
    action.setStatusTip("Add a goal to the plan")

    def new_goal() -> None:
        if window.workspace.person is None:
            window.statusBar().showMessage("Choose a person first.", 4000)
            return
        window.stack.setCurrentWidget(window.workspace)
        window.workspace.tabs.setCurrentWidget(page)
        page.add_goal()

    action.triggered.connect(new_goal)
    window.person_menu.addAction(action)
    window.addAction(action)
    return action
