"""A person's workspace: the pages for About me, the plan, services and budget, and history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

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

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._voice = voice
        self.person: PersonView | None = None
        self.version: VersionView | None = None
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
        self.tabs.addTab(self.about_me, "About me")
        self.pages: list[WorkspacePage] = []
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

    def open_person(self, person_id: int) -> None:
        self.save_pending()
        # Opening leaves an audit event (who opened whose record). Choosing the person already open
        # (the people list chooses them again after F5) only reads the record again, like reload().
        already_open = self.person is not None and self.person.id == person_id
        read = load_person if already_open else open_person
        self.person = read(self._context.db, self._context.actor, person_id)
        version_id = current_version_id(self._context.db, self._context.actor, person_id)
        self.version = load_version(self._context.db, self._context.actor, version_id) if version_id else None
        self._show()

    def open_version(self, version_id: int) -> None:
        if self.person is None:
            return
        self.save_pending()
        self.version = load_version(self._context.db, self._context.actor, version_id)
        self._show()

    def reload(self) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        version_id = self.version.id if self.version else None
        self.person = load_person(self._context.db, self._context.actor, person_id)
        if version_id is None:
            version_id = current_version_id(self._context.db, self._context.actor, person_id)
        self.version = load_version(self._context.db, self._context.actor, version_id) if version_id else None
        self._show()
        self.person_changed.emit(person_id)

    def _show(self) -> None:
        assert self.person is not None
        self._voice.set_person_name(self.person.preferred_name)
        self.heading.setText(self.person.preferred_name)
        self.heading.setAccessibleName(f"Workspace of {self.person.preferred_name}")
        self.about_me.show_person(self.person)
        for page in self.pages:
            page.show_version(self.person, self.version)

    def save_pending(self) -> None:
        self.about_me.save_pending()
        for page in self.pages:
            page.save_pending()

    @property
    def has_unsaved(self) -> bool:
        return self.about_me.has_unsaved or any(page.has_unsaved for page in self.pages)
