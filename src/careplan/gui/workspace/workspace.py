"""A person's workspace: a tab for each page in the registry (About me, the plan, services and
budget, the agreement, history, sharing, who has seen the record).

Only the pages listed to be there at start are built with it; the others when the first person
is opened (or :meth:`PersonWorkspace.build_pages` is called). Only the page in front is filled
when a person (or a version, or a reload) is shown; the pages behind the other tabs are marked
stale and filled from the same record when their tab is chosen. The person and the plan version
are read once each time and handed to the pages. Edit > Undo works on the page in front: the
workspace keeps the undo group and makes the front page's stack the active one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.errors import OutsideCaseload
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.page import OpenRecord, Page
from careplan.gui.workspace.page_keys import add_page_keys, focus_first_in
from careplan.gui.workspace.registry import PageEntry
from careplan.gui.workspace.who_is_here import WhoIsHere
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import (
    PersonView,
    VersionView,
    current_version_id,
    load_person,
    load_version,
    open_person,
)

P = TypeVar("P")


class PersonWorkspace(QWidget):
    saved = Signal(str)
    person_changed = Signal(int)
    # The record open may no longer be opened here (handed on to another key worker, or a cover
    # ended): it was let go. What to say.
    person_left = Signal(str)

    def __init__(
        self,
        context: SignedInStaff,
        voice: VoiceSwitch,
        registry: Sequence[PageEntry[Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._voice = voice
        self._record: OpenRecord | None = None
        self._version_id: int | None = None  # the version asked for (None: the person's newest)
        self.heading = QLabel(self)
        self.heading.setObjectName("workspaceHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.undo_group = QUndoGroup(self)
        self.pages: list[Page] = []
        self._page_of: dict[int, Page] = {}  # id(entry): the page built from it
        # Pages not yet filled with what is open now (behind a tab): filled when their tab is chosen.
        self._stale: set[QWidget] = set()
        self._waiting = [entry for entry in registry if not entry.at_start]
        for entry in registry:
            if entry.at_start:
                self._build(entry)
        self.tabs.currentChanged.connect(lambda _index: self._front_changed())
        self.next_page_action, self.previous_page_action = add_page_keys(self, self.tabs)
        self.who_is_here = WhoIsHere(context.staff_name, self)
        self.who_is_here.answered.connect(self._who_is_here_answered)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.who_is_here)
        layout.addWidget(self.tabs, 1)
        self._follow_front()

    # the pages ---------------------------------------------------------------------------------

    def build_pages(self) -> None:
        """Build the pages still waiting (done when the first person is opened)."""
        waiting, self._waiting = self._waiting, []
        for entry in waiting:
            self._build(entry)

    def _build(self, entry: PageEntry[Any]) -> None:
        if not all(self._context.may(action) for action in entry.needs):
            return  # a role without the page's rights never sees it
        page: Page = entry.load()(self._context, self._voice, self)
        self._page_of[id(entry)] = page
        if entry.action is not None:
            # The window-wide action owns its shortcut: the page's own copy would make it ambiguous.
            shortcut = QKeySequence(entry.action.shortcut)
            for own in page.as_widget().actions():
                if own.shortcut() == shortcut:
                    own.setShortcut(QKeySequence())
        self.add_page(page)

    def add_page(self, page: Page) -> None:
        """Give the page a tab, connect it, and fill it if a person is open."""
        page.saved.connect(self.saved)
        page.changed.connect(self.reload)
        page.conflict.connect(self.reload)
        page.version_requested.connect(self.open_version)
        page.page_requested.connect(self.show_titled)
        if page.undo_stack is not None:
            self.undo_group.addStack(page.undo_stack)
        self.pages.append(page)
        self.tabs.addTab(page.as_widget(), page.title)
        if self._record is not None:
            self._stale.add(page.as_widget())
            self._fill_front()

    def page_for(self, entry: PageEntry[Any]) -> Page | None:
        """The page built from this registry entry (None: not built yet, or not for this role)."""
        return self._page_of.get(id(entry))

    def page(self, kind: type[P]) -> P:
        """The page of this class (for tests and tools that look at one page)."""
        return next(page for page in self.pages if isinstance(page, kind))

    def show_page(self, page: Page) -> None:
        self.tabs.setCurrentWidget(page.as_widget())

    def show_titled(self, title: str) -> None:
        """Bring the page with this title to the front (a page asking for another)."""
        page = next((page for page in self.pages if page.title == title), None)
        if page is not None:
            self.show_page(page)

    # what is open ------------------------------------------------------------------------------

    @property
    def person(self) -> PersonView | None:
        return self._record.person if self._record is not None else None

    @property
    def version(self) -> VersionView | None:
        """The plan version open (None: no plan yet), read the first time a page needs it."""
        return self._record.version if self._record is not None else None

    def open_person(self, person_id: int) -> None:
        self.build_pages()
        self.save_pending()
        # Opening leaves an audit event (who opened whose record). Choosing the person already open
        # (the people list chooses them again after F5) only reads the record again, like reload().
        already_open = self.person is not None and self.person.id == person_id
        read = load_person if already_open else open_person
        self._show(read(self._context.db, self._context.actor, person_id), None)  # their newest
        if not already_open:
            self.ask_who_is_here()

    def _who_is_here_answered(self, present: bool) -> None:
        """Together: the person's voice first, as when they sit down to write; alone: staff's."""
        self._voice.set_person_present(present)
        self._voice.set_voice(PERSON if present else STAFF)
        front = self.tabs.currentWidget()
        if front is not None and self.window().isActiveWindow():
            focus_first_in(front)  # the banner had the keyboard: on to the page, not the toolbar

    def ask_who_is_here(self) -> None:
        """Staff's words only, until someone says the person is at the screen too."""
        if self.person is None:
            return
        self._voice.set_person_present(False)
        self.who_is_here.ask(self.person.preferred_name)

    def open_version(self, version_id: int) -> None:
        if self.person is None:
            return
        self.save_pending()
        self._show(self.person, version_id)

    def reload(self) -> None:
        record = self._record
        if record is None:
            return
        person_id = record.person.id
        # The same version again if one was read; else the newest (a plan may have been started).
        version = record.version if record.version_read else None
        try:
            person = load_person(self._context.db, self._context.actor, person_id)
        except OutsideCaseload:
            self._let_go(
                f"{record.person.preferred_name} is not on your caseload now: their record is closed."
            )
            return
        self._show(person, version.id if version is not None else self._version_id)
        self.person_changed.emit(person_id)

    def _let_go(self, words: str) -> None:
        """Close the record open: nothing of it is shown or can be undone here any more."""
        self._record = None
        self._version_id = None
        for page in self.pages:
            if page.undo_stack is not None:
                page.undo_stack.clear()
        self.person_left.emit(words)

    def _show(self, person: PersonView, version_id: int | None) -> None:
        """Show this person and plan version (None: their newest, read when a page needs it)."""
        db, actor = self._context.db, self._context.actor

        def read_version() -> VersionView | None:
            wanted = version_id if version_id is not None else current_version_id(db, actor, person.id)
            return load_version(db, actor, wanted) if wanted is not None else None

        self._record = OpenRecord(person, read_version)
        self._version_id = version_id
        self._voice.set_person_name(person.preferred_name)
        self.heading.setText(person.preferred_name)
        self.heading.setAccessibleName(f"Workspace of {person.preferred_name}")
        self._stale = {page.as_widget() for page in self.pages}
        self._fill_front()

    def is_stale(self, page: Page) -> bool:
        """Whether this page still waits to show what is open now (it is behind another tab)."""
        return page.as_widget() in self._stale

    def _front_changed(self) -> None:
        self._follow_front()
        self._fill_front()

    def _follow_front(self) -> None:
        """Edit > Undo works on the page in front."""
        front = self._front()
        if front is not None and front.undo_stack is not None:
            self.undo_group.setActiveStack(front.undo_stack)
        else:  # a page with nothing to undo: Qt accepts no stack, its stubs do not say so
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]

    def _front(self) -> Page | None:
        widget = self.tabs.currentWidget()
        return next((page for page in self.pages if page.as_widget() is widget), None)

    def _fill_front(self) -> None:
        """Fill the page in front if it is stale (after opening, a reload, or choosing its tab)."""
        front = self._front()
        if front is None or self._record is None or front.as_widget() not in self._stale:
            return
        self._stale.discard(front.as_widget())
        front.fill(self._record)

    def save_pending(self) -> None:
        for page in self.pages:
            page.save_pending()

    def has_unsaved(self) -> bool:
        return any(page.has_unsaved() for page in self.pages)
