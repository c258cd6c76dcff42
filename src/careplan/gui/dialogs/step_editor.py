"""Writing a step towards a goal: the form is ui/step_editor.ui; the behaviour is here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QButtonGroup, QDialogButtonBox, QRadioButton, QWidget

from careplan.domain.dates import parse_date
from careplan.domain.enums import StepOwner
from careplan.domain.errors import ConflictError
from careplan.domain.wording.dates import typed_date
from careplan.gui.dialogs.form_dialog import FieldProblems
from careplan.gui.dialogs.writing_dialog import (
    Writers,
    WritingAs,
    WritingDialog,
    voice_for,
)
from careplan.gui.forms.ui_step_editor import Ui_StepEditorDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.services.plans import StepInput
from careplan.services.workspace import StepView


class StepEditorDialog(WritingDialog):
    """Add or change a step. ``save`` runs the use case with a StepInput (and may raise)."""

    def __init__(
        self,
        *,
        voice: VoiceSwitch,
        writers: Writers,
        goal_wording: str,
        save: Callable[[StepInput], object],
        on_conflict: Callable[[ConflictError], None],
        step: StepView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_conflict, parent)
        self._voice = voice
        self._save = save
        self.step = step
        self.ui = Ui_StepEditorDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.writing_as = WritingAs(self, ui.voiceRow, ui.voiceLabel, ui.switchVoice, voice, writers)
        ui.ownerPerson.setText(f"&Me ({writers.person_name})")
        self.owners: dict[StepOwner, QRadioButton] = {
            StepOwner.PERSON: ui.ownerPerson,
            StepOwner.WORKER: ui.ownerWorker,
            StepOwner.SERVICE: ui.ownerService,
            StepOwner.SOMEONE_ELSE: ui.ownerSomeoneElse,
        }
        self._group = QButtonGroup(self)
        for button in self.owners.values():
            self._group.addButton(button)
        line = ui.what.fontMetrics().lineSpacing()
        ui.what.setMinimumHeight(line * 3 + 12)
        ui.what.setMaximumHeight(line * 5 + 12)
        problems = FieldProblems(
            ui.problem,
            {
                "what": (ui.what, ui.whatProblem),
                "owner_detail": (ui.ownerDetail, ui.ownerDetailProblem),
                "due_date": (ui.dueDate, ui.dueDateProblem),
            },
        )
        save_button = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText("Save this step")
        save_button.setMinimumHeight(40)
        save_button.setToolTip("Save this step (Ctrl+Enter)")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(40)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        short = goal_wording if len(goal_wording) <= 80 else goal_wording[:77] + "…"
        if step is None:
            self.setWindowTitle("Add a step")
            ui.intro.setText(f"A step is one thing that will be done towards: “{short}”.")
            ui.ownerPerson.setChecked(True)
        else:
            self.setWindowTitle("Change this step")
            ui.intro.setText(
                f"A step towards: “{short}”. Words you leave as they are keep whose words they are."
            )
            ui.what.setPlainText(step.what.body)
            self.owners[StepOwner(step.owner)].setChecked(True)
            ui.ownerDetail.setText(step.owner_detail or "")
            ui.dueDate.setText(typed_date(step.due_date))
            ui.what.moveCursor(QTextCursor.MoveOperation.End)
        ui.what.setFocus()
        self.set_up_form(
            ui.buttons,
            problems,
            typed=lambda: (ui.what.toPlainText(), ui.ownerDetail.text(), ui.dueDate.text()),
        )

    @property
    def owner(self) -> StepOwner:
        for owner, button in self.owners.items():
            if button.isChecked():
                return owner
        return StepOwner.PERSON

    def set_owner(self, owner: StepOwner) -> None:
        self.owners[owner].setChecked(True)

    def step_input(self) -> StepInput:
        ui = self.ui
        what = ui.what.toPlainText()
        return StepInput(
            what=what,
            voice=voice_for(self.step.what if self.step else None, what, self._voice.voice),
            owner=self.owner,
            owner_detail=ui.ownerDetail.text(),
            due_date=parse_date(ui.dueDate.text(), field="due_date"),
        )

    def save_typed(self) -> object:
        return self._save(self.step_input())
