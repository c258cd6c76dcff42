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
from careplan.domain.errors import CareplanError, ConflictError, InvalidInput
from careplan.gui.dialogs.guard import TypedWords
from careplan.gui.workspace.voice import AuthorBadge, VoiceSwitch
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


class InlineProblems:
    """Shows a refusal next to the field it is about (or under the form), and focuses that field."""

    def __init__(self, general: QLabel, fields: dict[str, tuple[QWidget, QLabel]]) -> None:
        self._general = general
        self._fields = fields
        self.clear()

    def clear(self) -> None:
        self._general.clear()
        self._general.hide()
        for _widget, label in self._fields.values():
            label.clear()
            label.hide()

    def show(self, exc: CareplanError) -> None:
        self.clear()
        field = exc.field if isinstance(exc, InvalidInput) else None
        if field in self._fields:
            widget, label = self._fields[field]
            label.setText(exc.message)
            label.show()
            widget.setFocus()
        else:
            self._general.setText(exc.message)
            self._general.show()

    def text(self, field: str | None = None) -> str:
        if field is None:
            return self._general.text()
        return self._fields[field][1].text()


class WritingDialog(QDialog):
    """Subclasses set ``problems``, ``writing_as`` and ``typed`` and say what saving means."""

    problems: InlineProblems
    writing_as: WritingAs
    typed: TypedWords

    def __init__(self, on_conflict: Callable[[ConflictError], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_conflict = on_conflict
        self.result_value: object = None

    def save_typed(self) -> object:
        """Run the use case with what was typed (may raise CareplanError); returns its result."""
        raise NotImplementedError

    def save(self) -> None:
        problems = self.problems
        try:
            self.result_value = self.save_typed()
        except ConflictError as exc:
            problems.show(exc)
            self._on_conflict(exc)
            return
        except CareplanError as exc:
            problems.show(exc)
            return
        self.accept()

    def done(self, result: int) -> None:
        if not self.typed.may_close(self, result):
            return
        self.writing_as.disconnect()
        super().done(result)
