"""A person's workspace: the pages for About me, the plan, services and budget, and history.

Only the page in front is filled when a person (or a version, or a reload) is shown; the pages
behind the other tabs are marked stale and filled from the same views when their tab is chosen.
The person and the plan version are read once each time and handed to the pages.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from careplan.gui.context import AppContext
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.voice import VoiceSwitch
from careplan.services.workspace import (
    PersonView,
    VersionView,
    current_version_id,
    load_person,
    load_version,
    open_person,
)


class PersonWorkspace(QWidget):
    saved = Signal(str)
    person_changed = Signal(int)
    # The person open was handed on and the one signed in no longer opens their record (what to say).
    person_left = Signal(str)

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._voice = voice
        self.person: PersonView | None = None
        # The plan version open: read when a page first needs it (About me does not), once each
        # time a person or version is opened or reloaded. None as the id: the person's newest.
        self._version_id: int | None = None
        self._version: VersionView | None = None
        self._version_read = False
        self.heading = QLabel(self)
        self.heading.setObjectName("workspaceHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.about_me = AboutMePage(context, voice, self)
        self.about_me.saved.connect(self.saved)
        self.about_me.conflict.connect(self.reload)
        self.about_me.team_requested.connect(self.change_team)
        self.team_dialog: QDialog | None = None
        self.tabs.addTab(self.about_me, "About me")
        self.pages: list[WorkspacePage] = []
        # Pages not yet filled with what is open now (behind a tab): filled when their tab is chosen.
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(lambda _index: self._fill_front())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def add_page(self, page: WorkspacePage, title: str) -> None:
        """Pages arrive with their own work (plan, budget, history, reviews, agreement).

        A page whose class says what it ``needs`` (actions) is left out for roles without them.
        """
        needs = getattr(page, "needs", ())
        if not all(self._context.may(action) for action in needs):
            page.hide()
            page.deleteLater()
            return
        page.saved.connect(self.saved)
        page.changed.connect(self.reload)
        page.conflict.connect(self.reload)
        page.version_requested.connect(self.open_version)
        self.pages.append(page)
        self.tabs.addTab(page, title)
        if self.person is not None:
            self._stale.add(page)
            self._fill_front()

    def open_person(self, person_id: int) -> None:
        self.save_pending()
        # Opening leaves an audit event (who opened whose record). Choosing the person already open
        # (the people list chooses them again after F5) only reads the record again, like reload().
        already_open = self.person is not None and self.person.id == person_id
        read = load_person if already_open else open_person
        self.person = read(self._context.db, self._context.actor, person_id)
        self._forget_version(None)  # their newest version
        self._show()

    def change_team(self) -> None:
        """Who works with the person open: the dialog (gui/dialogs/who_works_with.py), typed
        words saved first, as handing the person on may close their record."""
        if self.person is None:
            return
        from careplan.gui.dialogs.who_works_with import WhoWorksWithDialog

        self.save_pending()
        person = self.person
        dialog = WhoWorksWithDialog(self._context, person.id, person.preferred_name, self)
        self.team_dialog = dialog

        def finished(_result: int) -> None:
            self.team_dialog = None
            dialog.deleteLater()
            if dialog.left:
                self.person = None
                self._forget_version(None)
                for page in (self.about_me, *self.pages):  # nothing of theirs to undo any more
                    stack = getattr(page, "undo_stack", None)
                    if isinstance(stack, QUndoStack):
                        stack.clear()
                self.person_left.emit(
                    f"{person.preferred_name} was handed on: their record is closed on this screen."
                )
            elif dialog.changed and self.person is not None and self.person.id == person.id:
                self.reload()
                self.saved.emit("Who works with them saved")

        dialog.finished.connect(finished)
        dialog.open()

    def open_version(self, version_id: int) -> None:
        if self.person is None:
            return
        self.save_pending()
        self._forget_version(version_id)
        self._show()

    def reload(self) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        # The same version again if one is open; else the newest (a plan may have been started).
        version_id = self._version.id if self._version_read and self._version else self._version_id
        self.person = load_person(self._context.db, self._context.actor, person_id)
        self._forget_version(version_id)
        self._show()
        self.person_changed.emit(person_id)

    def _forget_version(self, version_id: int | None) -> None:
        self._version_id = version_id
        self._version = None
        self._version_read = False

    @property
    def version(self) -> VersionView | None:
        """The plan version open (None: no plan yet), read the first time a page needs it."""
        if not self._version_read and self.person is not None:
            db, actor = self._context.db, self._context.actor
            version_id = self._version_id
            if version_id is None:
                version_id = current_version_id(db, actor, self.person.id)
            self._version = load_version(db, actor, version_id) if version_id is not None else None
            self._version_read = True
        return self._version

    def _show(self) -> None:
        assert self.person is not None
        self._voice.set_person_name(self.person.preferred_name)
        self.heading.setText(self.person.preferred_name)
        self.heading.setAccessibleName(f"Workspace of {self.person.preferred_name}")
        self._stale = {self.about_me, *self.pages}
        self._fill_front()

    def is_stale(self, page: QWidget) -> bool:
        """Whether this page still waits to show what is open now (it is behind another tab)."""
        return page in self._stale

    def _fill_front(self) -> None:
        """Fill the page in front if it is stale (after opening, a reload, or choosing its tab)."""
        front = self.tabs.currentWidget()
        if front is None or front not in self._stale or self.person is None:
            return
        self._stale.discard(front)
        if front is self.about_me:
            self.about_me.show_person(self.person)
        elif isinstance(front, WorkspacePage):
            front.show_version(self.person, self.version)

    def save_pending(self) -> None:
        self.about_me.save_pending()
        for page in self.pages:
            page.save_pending()

    @property
    def has_unsaved(self) -> bool:
        return self.about_me.has_unsaved or any(page.has_unsaved for page in self.pages)
