"""One step of a goal on the plan page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from careplan.domain.wording.dates import long_date
from careplan.gui.theme import BUTTON_HEIGHT
from careplan.gui.widgets.voice import AuthorBadge
from careplan.gui.workspace.disagreement_note import NoteView
from careplan.gui.workspace.plan_controls import is_alt_arrow, item_action, more_button, words
from careplan.gui.workspace.plan_words import short, who_does
from careplan.services.workspace import DisagreementView, StepView


class StepRow(QFrame):
    """One step: the done tick, what will be done, who and by when, whose words, any notes, and
    one "⋯" button for the rest (also on right-click, and by keys: F2, Alt+Up, Alt+Down, Delete)."""

    def __init__(self, step: StepView, notes: list[DisagreementView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName("stepRow")
        what = short(step.what.body, 40)
        self.done = QCheckBox("Done", self)
        self.done.setObjectName("stepDone")
        self.done.setChecked(step.done)
        self.done.setMinimumHeight(BUTTON_HEIGHT)
        self.done.setAccessibleName(f"Done: {what}")
        # Its big tick box comes from the application's style sheet (gui/theme.py).
        self.what = words(step.what.body, self, name="stepWhat")
        meta = [f"Who: {who_does(step)}"]
        if step.due_date:
            meta.append(f"By {long_date(step.due_date)}")
        self.meta = words("   ·   ".join(meta), self, name="stepMeta")
        self.badge = AuthorBadge(self)
        self.badge.set_author(step.what.author)
        self.edit = item_action(
            "Change the step…", self, name="editStep", accessible=f"Change the step: {what}", keys="F2"
        )
        self.move_up = item_action(
            "Move up", self, name="moveStepUp", accessible=f"Move up: {what}", keys="Alt+Up"
        )
        self.move_down = item_action(
            "Move down", self, name="moveStepDown", accessible=f"Move down: {what}", keys="Alt+Down"
        )
        self.disagree = item_action(
            "I don't agree with this step…",
            self,
            name="disagreeStep",
            accessible=f"I don't agree with the step: {what}",
            icon_name="disagree",
        )
        self.remove = item_action(
            "Remove the step…", self, name="removeStep", accessible=f"Remove the step: {what}", keys="Delete"
        )
        self.actions_in_menu = [self.edit, self.move_up, self.move_down, self.disagree, self.remove]
        for action in self.actions_in_menu:
            self.addAction(action)  # their keys work while the keyboard is in this step
        self.more = more_button(
            self,
            [self.edit, self.move_up, self.move_down, None, self.disagree, None, self.remove],
            name="stepMore",
            accessible=f"More for the step: {what}",
        )
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(2)
        text.addWidget(self.what)
        text.addWidget(self.badge)
        text.addWidget(self.meta)
        self.notes = [NoteView(note, self) for note in notes]
        for view in self.notes:
            text.addWidget(view)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        for control in (self.done, self.more):
            control.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Alt+Up on the first step (its "Move up" is off) is swallowed: a button would otherwise
        # take it as an arrow key and move the keyboard on, or the goal around it would move.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and is_alt_arrow(event):
            return True
        return super().eventFilter(watched, event)
