"""What every workspace page shares: it shows a person and a plan version, and says when it saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from careplan.gui.context import AppContext
from careplan.gui.workspace.voice import VoiceSwitch
from careplan.services.workspace import PersonView, VersionView


class WorkspacePage(QWidget):
    """Base of the plan, budget and history pages.

    ``saved(text)`` goes to the status bar; ``changed()`` asks the workspace to reload the
    person and plan (after this page changed them); ``conflict()`` asks for a reload after
    another workstation's change.
    """

    saved = Signal(str)
    changed = Signal()
    conflict = Signal()
    version_requested = Signal(int)

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.voice = voice

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        """Show this person and plan version (None: no plan yet). Every page overrides this."""

    def save_pending(self) -> None:
        """Pages that keep typed text before saving it store it here (before leaving, closing)."""

    @property
    def has_unsaved(self) -> bool:
        return False
