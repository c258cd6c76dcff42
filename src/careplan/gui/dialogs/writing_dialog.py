"""What the goal, step and "I don't agree" dialogs share: saving what was typed, and every way out.

A refusal is shown beside the field at fault and nothing typed is cleared; a change saved meanwhile
at another computer is reported with an offer to reload. Closing by any way but saving (Cancel,
Esc, the window's close button, the page reloading, the app quitting) asks before throwing typed
words away.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from careplan.domain.actor import PERSON, STAFF, Voice
from careplan.domain.enums import AuthorKind
from careplan.domain.errors import CareplanError, ConflictError
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.widgets.voice import AuthorBadge, VoiceSwitch
from careplan.services.workspace import Author, TextView


@dataclass(frozen=True)
class Writers:
    """The two people who may be writing: the person the plan is about, and the member of staff."""

    person_name: str
    staff_name: str
    staff_role: str

    def author(self, voice: Voice) -> Author:
        if voice.kind is AuthorKind.PERSON:
            return Author(AuthorKind.PERSON, self.person_name, None)
        return Author(AuthorKind.STAFF, self.staff_name, self.staff_role)


def voice_for(original: TextView | None, typed: str, current: Voice) -> Voice:
    """Words left as they were keep their author; anything rewritten is in the current voice."""
    if original is not None and original.body.strip() == typed.strip():
        return PERSON if original.author.kind is AuthorKind.PERSON else STAFF
    return current


class WritingAs:
    """The "New words are saved as [badge]  [Switch who is writing]" line of an editor dialog."""

    def __init__(
        self,
        dialog: QDialog,
        row: QHBoxLayout,
        label: QLabel,
        switch: QPushButton,
        voice: VoiceSwitch,
        writers: Writers,
    ) -> None:
        self._voice = voice
        self._writers = writers
        self.badge = AuthorBadge(dialog)
        self.badge.setObjectName("writingAsBadge")
        row.insertWidget(1, self.badge)
        self._label = label
        switch.clicked.connect(voice.toggle)
        shortcut = QShortcut(QKeySequence("F4"), dialog)
        shortcut.activated.connect(voice.toggle)
        voice.voice_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        author = self._writers.author(self._voice.voice)
        self.badge.set_author(author)
        self._label.setText("New words are saved as")
        self.badge.setAccessibleName(f"New words are saved as {author.label}")

    def disconnect(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # already gone
            self._voice.voice_changed.disconnect(self.refresh)


class WritingDialog(FormDialog):
    """Subclasses build their form, set ``writing_as``, call ``set_up_form`` (with the words the
    guard keeps) and say what saving means (``save_typed``)."""

    writing_as: WritingAs

    def __init__(self, on_conflict: Callable[[ConflictError], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_conflict = on_conflict

    def refused(self, exc: CareplanError) -> None:
        self.problems.show(exc)
        if isinstance(exc, ConflictError):
            self._on_conflict(exc)

    def closing(self) -> None:
        self.writing_as.disconnect()
