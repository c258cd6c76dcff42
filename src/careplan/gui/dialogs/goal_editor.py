"""Writing a goal together: the form is ui/goal_editor.ui; the behaviour is here.

The dialog shows whose words new text will be saved as (the voice chosen in the main window),
and lets that be switched without closing it. Words left unchanged keep their original author.
Refusals are shown beside the field at fault; nothing typed is cleared.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QWidget,
)

from careplan.domain.dates import parse_date
from careplan.domain.errors import ConflictError
from careplan.domain.wording.dates import typed_date
from careplan.gui.dialogs.form_dialog import FieldProblems
from careplan.gui.dialogs.writing_dialog import (
    Writers,
    WritingAs,
    WritingDialog,
    voice_for,
)
from careplan.gui.forms.ui_goal_editor import Ui_GoalEditorDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.services.plans import GoalInput
from careplan.services.workspace import GoalView, LifeAreaView

__all__ = ["GoalEditorDialog", "Writers", "WritingAs", "voice_for"]


class GoalEditorDialog(WritingDialog):
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
        super().__init__(on_conflict, parent)
        self._voice = voice
        self._save = save
        self.goal = goal
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
        problems = FieldProblems(
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
            ui.targetDate.setText(typed_date(goal.target_date))
            ui.wording.moveCursor(QTextCursor.MoveOperation.End)
            ui.why.moveCursor(QTextCursor.MoveOperation.End)
        ui.wording.setFocus()
        self.set_up_form(
            ui.buttons,
            problems,
            typed=lambda: (
                ui.wording.toPlainText(),
                ui.why.toPlainText(),
                ui.targetDate.text(),
                str(ui.lifeArea.currentData()),
            ),
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

    def save_typed(self) -> object:
        return self._save(self.goal_input())
