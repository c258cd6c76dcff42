"""What a workspace page is: the typed ``Page`` protocol the workspace asks of every page, the
record a page is filled from, and ``WorkspacePage``, the base most pages build on."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from careplan.gui.widgets.voice import VoiceSwitch
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, VersionView


class OpenRecord:
    """The person open in the workspace, and the plan version shown (None: no plan yet).

    The version is read the first time a page asks for it (About me does not), then kept: once
    each time a person or version is opened or reloaded.
    """

    def __init__(self, person: PersonView, read_version: Callable[[], VersionView | None]) -> None:
        self.person = person
        self._read_version: Callable[[], VersionView | None] | None = read_version
        self._version: VersionView | None = None

    @property
    def version_read(self) -> bool:
        return self._read_version is None

    @property
    def version(self) -> VersionView | None:
        if self._read_version is not None:
            read, self._read_version = self._read_version, None
            self._version = read()
        return self._version


class Page(Protocol):
    """What the workspace asks of a page: its tab's title, how to fill it, its
    own undo stack (Edit > Undo works on the page in front), and whether anything typed on it is
    not saved yet.

    ``saved(text)`` goes to the status bar; ``changed()`` asks the workspace to reload the person
    and plan (after this page changed them); ``conflict()`` asks for a reload after another
    workstation's change; ``version_requested(id)`` opens another version of the plan;
    ``page_requested(title)`` brings the page with that title to the front.
    """

    title: ClassVar[str]

    @property
    def undo_stack(self) -> QUndoStack | None: ...

    @property
    def saved(self) -> SignalInstance: ...

    @property
    def changed(self) -> SignalInstance: ...

    @property
    def conflict(self) -> SignalInstance: ...

    @property
    def version_requested(self) -> SignalInstance: ...

    @property
    def page_requested(self) -> SignalInstance: ...

    def fill(self, record: OpenRecord) -> None:
        """Show this person (and, if the page needs it, the plan version)."""

    def save_pending(self) -> None:
        """Store anything typed and not saved yet (before leaving, closing, reloading)."""

    def has_unsaved(self) -> bool: ...

    def as_widget(self) -> QWidget:
        """The widget shown in the page's tab."""


class WorkspacePage(QWidget):
    """The base of the pages that show a person and a plan version (see :class:`Page`)."""

    title: ClassVar[str] = ""
    undo_stack: QUndoStack | None = None  # a page with changes to undo makes its own

    saved = Signal(str)
    changed = Signal()
    conflict = Signal()
    version_requested = Signal(int)
    page_requested = Signal(str)

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.voice = voice

    def fill(self, record: OpenRecord) -> None:
        self.show_version(record.person, record.version)

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        """Show this person and plan version (None: no plan yet). Every page overrides this."""

    def save_pending(self) -> None:
        """Pages that keep typed text before saving it store it here (before leaving, closing)."""

    def has_unsaved(self) -> bool:
        return False

    def as_widget(self) -> QWidget:
        return self
