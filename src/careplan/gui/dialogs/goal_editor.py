"""Writing a goal together: the form is ui/goal_editor.ui; the behaviour is here.

The dialog shows whose words new text will be saved as (the voice chosen in the main window),
and lets that be switched without closing it. Words left unchanged keep their original author.
Refusals are shown beside the field at fault; nothing typed is cleared.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from careplan.domain.dates import parse_date
from careplan.domain.enums import AuthorKind
from careplan.domain.errors import CareplanError, ConflictError, InvalidInput
from careplan.gui.dialogs.guard import TypedWords
from careplan.gui.forms.ui_goal_editor import Ui_GoalEditorDialog
from careplan.gui.workspace.voice import AuthorBadge, VoiceSwitch
from careplan.services.plans import GoalInput
from careplan.services.unit_of_work import PERSON, STAFF, Voice
from careplan.services.workspace import Author, GoalView, LifeAreaView, TextView


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


def date_text(value: date | None) -> str:
    """A date as it is typed in the editors (DD/MM/YYYY), or empty."""
    return value.strftime("%d/%m/%Y") if value is not None else ""


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


class GoalEditorDialog(QDialog):
    """Add or change a goal. ``save`` runs the use case with a GoalInput (and may raise)."""

    def __init__(
        self,
        *,
        voice: VoiceSwitch,
        writers: Writers,
        life_areas: list[LifeAreaView],
        save: Callable[[GoalInput], object],
        on_conflict: Callable[[ConflictError], None],
        goal: GoalView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._voice = voice
        self._save = save
        self._on_conflict = on_conflict
        self.goal = goal
        self.result_value: object = None
        self.ui = Ui_GoalEditorDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.writing_as = WritingAs(self, ui.voiceRow, ui.voiceLabel, ui.switchVoice, voice, writers)
        for area in life_areas:
            ui.lifeArea.addItem(area.name, area.code)
        ui.lifeArea.setCurrentIndex(-1)
        for box in (ui.wording, ui.why):
            line = box.fontMetrics().lineSpacing()
            box.setMinimumHeight(line * 3 + 12)
            box.setMaximumHeight(line * 5 + 12)
        self.problems = InlineProblems(
            ui.problem,
            {
                "wording": (ui.wording, ui.wordingProblem),
                "why": (ui.why, ui.whyProblem),
                "life_area": (ui.lifeArea, ui.lifeAreaProblem),
                "target_date": (ui.targetDate, ui.targetDateProblem),
            },
        )
        save_button = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText("Save this goal")
        save_button.setMinimumHeight(40)
        save_button.setToolTip("Save this goal (Ctrl+Enter)")
        cancel = ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setMinimumHeight(40)
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        if goal is None:
            self.setWindowTitle("Add a goal")
        else:
            self.setWindowTitle("Change this goal")
            ui.intro.setText(
                "Change what needs changing. Words you leave as they are keep whose words they are."
            )
            ui.wording.setPlainText(goal.wording.body)
            ui.why.setPlainText(goal.why.body if goal.why else "")
            index = ui.lifeArea.findData(goal.life_area_code)
            if index < 0:  # an area no longer offered: still show it, so nothing changes by accident
                ui.lifeArea.addItem(goal.life_area, goal.life_area_code)
                index = ui.lifeArea.count() - 1
            ui.lifeArea.setCurrentIndex(index)
            ui.targetDate.setText(date_text(goal.target_date))
            ui.wording.moveCursor(QTextCursor.MoveOperation.End)
            ui.why.moveCursor(QTextCursor.MoveOperation.End)
        ui.wording.setFocus()
        self.typed = TypedWords(
            lambda: (
                ui.wording.toPlainText(),
                ui.why.toPlainText(),
                ui.targetDate.text(),
                str(ui.lifeArea.currentData()),
            )
        )

    def goal_input(self) -> GoalInput:
        """What was typed, as the use case takes it. Raises InvalidInput for a date it cannot read."""
        ui = self.ui
        wording = ui.wording.toPlainText()
        why = ui.why.toPlainText()
        current = self._voice.voice
        original = self.goal
        return GoalInput(
            wording=wording,
            wording_voice=voice_for(original.wording if original else None, wording, current),
            life_area=ui.lifeArea.currentData() or "",
            why=why,
            why_voice=voice_for(original.why if original else None, why, current),
            target_date=parse_date(ui.targetDate.text(), field="target_date"),
        )

    def save(self) -> None:
        try:
            self.result_value = self._save(self.goal_input())
        except ConflictError as exc:
            self.problems.show(exc)
            self._on_conflict(exc)
            return
        except CareplanError as exc:
            self.problems.show(exc)
            return
        self.accept()

    def done(self, result: int) -> None:
        if not self.typed.may_close(self, result):
            return
        self.writing_as.disconnect()
        super().done(result)
