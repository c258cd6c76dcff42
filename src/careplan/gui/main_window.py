"""The main window: the people list beside the person's workspace; menus, toolbar, status bar.

Its central area is a stack of two screens: the work (people and workspace, or for a role that
does not see care records, the administrator's page) and the lock page that replaces it while the
screen is locked (gui/lock/). Signing out and closing go through the same guard for unsaved words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from careplan import __version__
from careplan.domain.permissions import Action
from careplan.gui.assets import icon
from careplan.gui.backups.dialog import backup_action
from careplan.gui.dialogs.change_password import ChangePasswordDialog
from careplan.gui.dialogs.cover_dialog import CoverDialog
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.dialogs.register_person import RegisterPersonDialog
from careplan.gui.documents.menus import DocumentMenus
from careplan.gui.lock.screen_lock import (
    DEFAULT_IDLE_SECONDS,
    LOCK_AFTER_SETTING,
    ScreenLock,
)
from careplan.gui.people.panel import PeoplePanel
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.registry import PAGES, PageEntry
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services.covering import Standing, record_standing
from careplan.services.signed_in import SignedInStaff

STATUS_SECONDS = 4000


def lock_after_seconds(settings: QSettings) -> float:
    """How long without input before the screen locks (0: never). Five minutes unless set."""
    value = settings.value(LOCK_AFTER_SETTING, DEFAULT_IDLE_SECONDS)
    try:
        return max(0.0, float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float(DEFAULT_IDLE_SECONDS)


class MainWindow(QMainWindow):
    sign_out_requested = Signal()  # the person signed out (everything typed saved or let go)
    closed = Signal()

    def __init__(
        self,
        context: SignedInStaff,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        pages: Sequence[PageEntry[Any]] = PAGES,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._settings = settings
        self._pages = pages
        self._title = "Careplan (demo data)" if context.demo else "Careplan"
        self._left = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title)
        self.setWindowIcon(icon("careplan"))

        self.voice = VoiceSwitch(context.staff_name, context.role.label, self)
        self.people = PeoplePanel(context, self)
        self.workspace = PersonWorkspace(context, self.voice, pages, self)
        self.empty = QLabel(
            "Choose a person in the list and press Enter (or double-click them) to open their record, "
            "or press Ctrl+N to add someone new.",
            self,
        )
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
        self.work = self.splitter if context.may(Action.VIEW_PEOPLE) else self._no_records_page()
        self.lock_page = self._build_lock_page()
        self.screens = QStackedWidget(self)
        self.screens.setObjectName("screens")
        self.screens.addWidget(self.work)
        self.screens.addWidget(self.lock_page)
        self.setCentralWidget(self.screens)
        if self.work is not self.splitter:
            self.splitter.hide()  # built (the pages expect it) but never shown to this role

        self.screen_lock = ScreenLock(self, context, lock_after_seconds(settings))
        self.screen_lock.someone_else.connect(self.sign_out)
        self._build_actions()
        self._build_menus_and_toolbar()
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        if context.demo:
            demo = QLabel("Demo data", self)
            demo.setObjectName("demoLabel")
            demo.setToolTip("Everyone in this database is invented.")
            self.statusBar().addPermanentWidget(demo)
        self.signed_in_label = QLabel(f"Signed in: {context.staff_name} ({context.role.label})", self)
        self.signed_in_label.setObjectName("signedInLabel")
        self.statusBar().addPermanentWidget(self.signed_in_label)

        self.people.person_chosen.connect(self.open_person)
        self.workspace.saved.connect(self.show_saved)
        self.workspace.person_changed.connect(lambda pid: self.people.refresh(keep_person=pid))
        self.workspace.person_left.connect(self.close_person)
        self._restore_layout()
        self.screen_lock.start()

    def _no_records_page(self) -> QWidget:
        """For a role that does not read care records (an administrator): what they can do here."""
        page = QWidget(self)
        page.setObjectName("noRecordsPage")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        text = QLabel(
            f"You are signed in as {self._context.role.with_article}. "
            "Your role looks after Careplan itself (staff accounts and settings); "
            "it does not open anyone's care record.",
            page,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        self.staff_button: QPushButton | None = None
        if self._context.may(Action.MANAGE_STAFF):
            self.staff_button = QPushButton("Staff…", page)
            self.staff_button.setObjectName("staffButton")
            self.staff_button.setMinimumHeight(44)
            self.staff_button.clicked.connect(self.manage_staff)
            layout.addWidget(self.staff_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def _build_lock_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("lockPage")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        heading = QLabel("Careplan is locked", page)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        words = QLabel(
            f"{self._context.staff_name} is signed in. Nothing on the screen can be seen until they "
            "type their password. Anyone else can sign in as themselves.",
            page,
        )
        words.setWordWrap(True)
        words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(words)
        # The text sits high: the unlock dialog opens over the middle of the window.
        layout.addStretch(5)
        return page

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
        self.new_person_action.setVisible(self._context.may(Action.REGISTER_PERSON))
        self.switch_voice_action = self._action(
            "Switch &voice", "F4", self.voice.toggle, "Switch who is writing now"
        )
        self.who_is_here_action = self._action(
            "&Who is at the screen…",
            "Shift+F4",
            lambda: self.workspace.ask_who_is_here(),
            "Say whether the person is at the screen with you (their words are typed only then)",
        )
        self.reload_action = self._action(
            "&Reload",
            QKeySequence.StandardKey.Refresh,
            self.reload,
            "Show the latest changes from other computers",
        )
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close, "Close Careplan")
        self.change_password_action = self._action(
            "Change my &password…", None, self.change_password, "Choose a new password"
        )
        # Ctrl+L is caught by the screen lock's event filter (it works even with an editor open),
        # so the menu only shows it: a second, real shortcut would compete with it.
        self.lock_action = self._action(
            "&Lock the screen\tCtrl+L",
            None,
            self.screen_lock.lock,
            "Hide everything until you type your password",
        )
        self.sign_out_action = self._action(
            "Sign &out", None, self.sign_out, "Sign out so that someone else can sign in"
        )
        self.staff_action = self._action(
            "&Staff…", None, self.manage_staff, "Add staff, change roles, set passwords"
        )
        self.staff_action.setVisible(self._context.may(Action.MANAGE_STAFF))
        self.catalogue_action = self._action(
            "Service ca&talogue…", None, self.manage_catalogue, "See the local services; load or save them"
        )
        self.catalogue_action.setVisible(self._context.may(Action.MANAGE_CATALOGUE))
        self.catalogue_action.setEnabled(self._context.may(Action.MANAGE_CATALOGUE))
        self.settings_action = self._action(
            "Sett&ings…", "Ctrl+,", self.open_settings, "When the screen locks, and the service's name"
        )
        self.about_action = self._action("&About Careplan", None, self.about, "About Careplan")
        self.desk_action = self._action(
            "Manager's &desk…", "Ctrl+Shift+D", self.open_desk, "What waits for a manager, and the money"
        )
        self.desk_action.setVisible(self._context.may(Action.VIEW_REPORTS))
        self.desk_action.setEnabled(self._context.may(Action.VIEW_REPORTS))
        self.desk_window: QWidget | None = None
        # Edit > Undo works on the page in front (the workspace keeps the group).
        self.undo_action = self.workspace.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.workspace.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        # File > Verify an agreement…, Signing certificate… (gui/documents/menus.py).
        self.document_menus = DocumentMenus(self, self._context, self.show_saved)
        # Window-wide actions that show a page and start something on it (Ctrl+G: a new goal).
        self.page_actions = [self._page_action(entry) for entry in self._pages if entry.action]

    def _page_action(self, entry: PageEntry[Any]) -> QAction:
        assert entry.action is not None
        action = self._action(
            entry.action.text, entry.action.shortcut, lambda: self._start_on(entry), entry.action.tip
        )
        action.setObjectName(entry.action.name)
        return action

    def _start_on(self, entry: PageEntry[Any]) -> None:
        """Show the page and start its action there; before a person is open, say what to do."""
        page = self.workspace.page_for(entry)
        if self.workspace.person is None or page is None or entry.action is None:
            self.statusBar().showMessage("Choose a person first.", STATUS_SECONDS)
            return
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.show_page(page)
        entry.action.start(page)

    def _build_menus_and_toolbar(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.new_person_action)
        file_menu.addAction(self.desk_action)
        file_menu.addAction(self.staff_action)
        file_menu.addAction(self.catalogue_action)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(backup_action(self, self._context))  # File > Back up now… (gui/backups/)
        file_menu.addSeparator()
        file_menu.addAction(self.document_menus.verify_action)
        file_menu.addAction(self.document_menus.certificate_action)
        file_menu.addSeparator()
        file_menu.addAction(self.change_password_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.sign_out_action)
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
        self.person_menu.addAction(self.who_is_here_action)
        for action in self.page_actions:
            self.person_menu.addAction(action)
            self.addAction(action)  # from anywhere in the window
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_person_action)
        toolbar.addAction(self.find_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.voice)  # before Undo and Redo, whose words grow: it stays in one place
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        self.addToolBar(toolbar)
        sees_people = self._context.may(Action.VIEW_PEOPLE)
        for action in (
            self.find_action,
            self.switch_voice_action,
            self.who_is_here_action,
            self.reload_action,
        ):
            action.setVisible(sees_people)
            action.setEnabled(sees_people)
        self.person_menu.menuAction().setVisible(sees_people)
        toolbar.setVisible(sees_people)
        self._toolbars_shown: list[QWidget] = []

    # behaviour ---------------------------------------------------------------------------------

    def open_person(self, person_id: int) -> None:
        if not self._may_open(person_id):
            return
        self.workspace.open_person(person_id)
        self.stack.setCurrentWidget(self.workspace)

    def _may_open(self, person_id: int) -> bool:
        """Someone outside my caseload: "Cover for a colleague…" (a reason, how long) first."""
        standing = record_standing(self._context.db, self._context.actor, person_id)
        if standing.may_open:
            return True
        if standing.standing is not Standing.OUTSIDE:
            return False

        # Their name is on screen already, in the people list they were chosen from.
        who = self.people.model.preferred_name(person_id) or "This person"
        dialog = CoverDialog(self._context, person_id, who, self)
        return bool(dialog.exec())

    def close_person(self, words: str) -> None:
        """The record open may no longer be opened here (its person was handed on): show none."""
        self.stack.setCurrentWidget(self.empty)
        self.people.refresh()
        self.statusBar().showMessage(words, STATUS_SECONDS * 2)

    def reload(self) -> None:
        """Read everything shown again (another workstation may have changed it); typing is kept."""
        self.workspace.save_pending()
        open_before = self.workspace.person
        self.people.refresh(keep_person=open_before.id if open_before else None)
        self.workspace.reload()
        if open_before is None or self.workspace.person is not None:  # else it says why it closed
            self.statusBar().showMessage("Up to date", STATUS_SECONDS)

    def new_person(self) -> None:
        dialog = RegisterPersonDialog(self._context, self)
        if dialog.exec() and dialog.person_id is not None:
            self.people.search.clear()
            self.people.refresh()
            self.open_person(dialog.person_id)
            self.people.select_person(dialog.person_id)
            self.show_saved("New person added")

    def show_saved(self, text: str) -> None:
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

    # signing out, passwords, staff, the lock ---------------------------------------------------

    def show_locked(self, locked: bool) -> None:
        """Swap the whole central area for the lock page (widgets hidden, never destroyed)."""
        if locked:
            self._toolbars_shown = [
                w for w in self.findChildren(QToolBar) + self.findChildren(QDockWidget) if not w.isHidden()
            ]
            for bar in self._toolbars_shown:
                bar.hide()
            self.screens.setCurrentWidget(self.lock_page)
            self.menuBar().setEnabled(False)
            self.statusBar().clearMessage()
            self.setWindowTitle(f"{self._title} (locked)")
        else:
            self.screens.setCurrentWidget(self.work)
            for bar in self._toolbars_shown:
                bar.show()
            self._toolbars_shown = []
            self.menuBar().setEnabled(True)
            self.setWindowTitle(self._title)

    def sign_out(self) -> None:
        """Leave the window to someone else: what was typed is saved first, or let go knowingly."""
        if not self._may_leave("Sign out"):
            return
        self._leave()
        self.hide()
        self.sign_out_requested.emit()

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self._context, parent=self)
        dialog.setObjectName("changePasswordDialog")
        dialog.accepted.connect(lambda: self.show_saved("Your password was changed"))
        dialog.open()

    # The administrators' dialogs (staff, catalogue, settings) are imported when first opened:
    # together about 60 ms of start-up otherwise, for dialogs most staff never open
    # (tests/gui/test_startup_imports.py).

    def manage_staff(self) -> None:
        from careplan.gui.dialogs.staff_admin import StaffAdminDialog  # when opened: see above

        dialog = StaffAdminDialog(self._context, self)
        dialog.setObjectName("staffAdminDialog")
        dialog.open()

    def manage_catalogue(self) -> None:
        from careplan.gui.dialogs.catalogue_dialog import CatalogueDialog  # when opened: see above

        dialog = CatalogueDialog(self._context, self)
        dialog.setObjectName("catalogueDialog")
        dialog.open()

    def open_settings(self) -> None:
        from careplan.gui.dialogs.settings_dialog import SettingsDialog  # when opened: see above

        dialog = SettingsDialog(self._context, self._settings, self.screen_lock, self)
        dialog.accepted.connect(lambda: self.show_saved("Settings saved"))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def open_desk(self) -> None:
        """The Manager's desk, its own window (one at a time); its rows open records here."""
        from careplan.gui.desk.window import DeskWindow  # when opened, as the dialogs above

        if self.desk_window is None:
            desk = DeskWindow(self._context, self)
            desk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            desk.person_chosen.connect(self._open_from_desk)
            desk.approved.connect(self._approved_on_desk)
            desk.destroyed.connect(lambda: setattr(self, "desk_window", None))
            self.desk_window = desk
        self.desk_window.show()
        self.desk_window.raise_()
        self.desk_window.activateWindow()

    def _open_from_desk(self, person_id: int) -> None:
        self.open_person(person_id)
        self.raise_()
        self.activateWindow()

    def _approved_on_desk(self, words: str) -> None:
        self.show_saved(words)
        self.reload()

    def other_windows(self) -> list[QWidget]:
        """Dialogs and question boxes open over this window (not the lock's own)."""
        unlock = self.screen_lock.unlock_dialog
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self and w is not unlock and w.isVisible() and isinstance(w, QDialog)
        ]

    def _may_leave(self, verb: str) -> bool:
        """True when nothing typed would be lost, or the person at the keyboard lets it go."""
        locked = self.screen_lock.is_locked
        if not locked:
            self.workspace.save_pending()
        # While locked, nothing is saved now: saving can ask a question that shows what was typed
        # (a change made at another computer), and whoever is at the keyboard may not be its author.
        forms = [w for w in self.other_windows() if isinstance(w, FormDialog)]
        if not self.workspace.has_unsaved() and not any(form.has_unsaved_words() for form in forms):
            return True
        if locked:
            text = (
                f"{self._context.staff_name} has typed words that are not saved yet. "
                "If someone else signs in now, they are lost. Sign in as someone else anyway?"
            )
        else:
            text = f"Some of what was typed could not be saved. {verb} anyway and lose it?"
        answer = QMessageBox.question(
            self.screen_lock.unlock_dialog or self,
            "Not saved",
            text,
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    def _leave(self) -> None:
        """Stop watching for idleness, close every dialog without asking again, remember the layout."""
        if self._left:
            return
        self._left = True
        self.screen_lock.stop()
        for window in self.other_windows():
            if isinstance(window, QDialog):
                QDialog.done(window, QDialog.DialogCode.Rejected)  # the base: the question was asked
        unlock = self.screen_lock.unlock_dialog
        if unlock is not None:
            QDialog.done(unlock, QDialog.DialogCode.Rejected)
        if self.desk_window is not None:  # the next to sign in may not be a manager
            self.desk_window.close()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())

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
        if not self._left:
            if self.screen_lock.is_locked or not self._may_leave("Close"):
                event.ignore()  # a locked window is not closed by whoever is at the keyboard
                return
            self._leave()
        event.accept()
        self.closed.emit()
