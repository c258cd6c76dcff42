"""The main window: the people list beside the person's workspace; menus, toolbar, status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from careplan import __version__
from careplan.domain.permissions import Action
from careplan.gui.assets import icon
from careplan.gui.context import AppContext
from careplan.gui.people.panel import PeoplePanel
from careplan.gui.workspace.voice import VoiceSwitch
from careplan.gui.workspace.workspace import PersonWorkspace

STATUS_SECONDS = 4000


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle("Careplan")
        self.setWindowIcon(icon("careplan"))

        self.voice = VoiceSwitch(context.staff_name, context.role.label, self)
        self.people = PeoplePanel(context, self)
        self.workspace = PersonWorkspace(context, self.voice, self)
        self.empty = QLabel("Choose a person from the list, or press Ctrl+N to add someone new.", self)
        self.empty.setObjectName("emptyWorkspace")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.workspace)

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.people)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)

        self.new_goal_action: QAction | None = None  # added with the plan page (gui/wiring.py)
        self._build_actions()
        self._build_menus_and_toolbar()
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(QLabel(f"{context.staff_name} ({context.role.label})", self))

        self.people.person_chosen.connect(self.open_person)
        self.workspace.saved.connect(self.show_saved)
        self.workspace.person_changed.connect(lambda pid: self.people.refresh(keep_person=pid))
        self._restore_layout()

    # actions -----------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
        tip: str,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString()})" if shortcut else tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.find_action = self._action(
            "&Find a person",
            QKeySequence.StandardKey.Find,
            self.people.focus_search,
            "Find a person by name or reference",
        )
        self.new_person_action = self._action(
            "&New person…", QKeySequence.StandardKey.New, self.new_person, "Add a new person"
        )
        self.new_person_action.setEnabled(self._context.may(Action.REGISTER_PERSON))
        self.switch_voice_action = self._action(
            "Switch &voice", "F4", self.voice.toggle, "Switch who is writing now"
        )
        self.reload_action = self._action(
            "&Reload",
            QKeySequence.StandardKey.Refresh,
            self.reload,
            "Show the latest changes from other computers",
        )
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close, "Close Careplan")
        self.about_action = self._action("&About Careplan", None, self.about, "About Careplan")
        self.undo_group = QUndoGroup(self)
        self.undo_group.addStack(self.workspace.about_me.undo_stack)
        self.undo_group.setActiveStack(self.workspace.about_me.undo_stack)
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)

    def _build_menus_and_toolbar(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.new_person_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.reload_action)
        self.person_menu = self.menuBar().addMenu("&Person")
        self.person_menu.addAction(self.switch_voice_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_person_action)
        toolbar.addAction(self.find_action)
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.voice)
        self.addToolBar(toolbar)

    # behaviour ---------------------------------------------------------------------------------

    def open_person(self, person_id: int) -> None:
        self.workspace.open_person(person_id)
        self.stack.setCurrentWidget(self.workspace)

    def reload(self) -> None:
        """Read everything shown again (another workstation may have changed it); typing is kept."""
        self.workspace.save_pending()
        self.people.refresh(keep_person=self.workspace.person.id if self.workspace.person else None)
        self.workspace.reload()
        self.statusBar().showMessage("Up to date", STATUS_SECONDS)

    def new_person(self) -> None:
        from careplan.gui.dialogs.register_person import RegisterPersonDialog

        dialog = RegisterPersonDialog(self._context, self)
        if dialog.exec() and dialog.person_id is not None:
            self.people.search.clear()
            self.people.refresh()
            self.open_person(dialog.person_id)
            self.people.select_person(dialog.person_id)
            self.show_saved("New person added")

    def show_saved(self, text: str) -> None:
        from datetime import datetime

        self.saved_label.setText(f"✓ {text} at {datetime.now():%H:%M:%S}")
        self.statusBar().showMessage(text, STATUS_SECONDS)

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Careplan",
            f"<h3>Careplan {__version__}</h3><p>Plans written together: goals in the person's own words, "
            "services they choose, and a personal budget they can see.</p>"
            f"<p>Database: {self._context.db.info().url}</p>",
        )

    # layout memory -----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = self._settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            # The workspace is where the writing happens: it gets most of the room.
            self.splitter.setSizes([440, max(600, self.width() - 440)])

    def closeEvent(self, event: QCloseEvent) -> None:
        # Everything typed is saved before the window goes; if a save is refused, the window stays.
        self.workspace.save_pending()
        if self.workspace.has_unsaved:
            answer = QMessageBox.question(
                self,
                "Not saved",
                "Some of what was typed could not be saved. Close anyway and lose it?",
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Close:
                event.ignore()
                return
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        event.accept()
