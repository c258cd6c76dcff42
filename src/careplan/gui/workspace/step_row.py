"""One step of a goal on the plan page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from careplan.gui.workspace.disagreement_note import NoteView
from careplan.gui.workspace.plan_controls import BUTTON_HEIGHT, button, words
from careplan.gui.workspace.plan_words import short, when, who_does
from careplan.gui.workspace.voice import AuthorBadge
from careplan.services.workspace import DisagreementView, StepView


class StepRow(QFrame):
    """One step: the done tick, what will be done, who and by when, whose words, and any notes."""

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
        tick = max(22, self.done.fontMetrics().height() + 6)
        self.done.setStyleSheet(f"QCheckBox::indicator {{ width: {tick}px; height: {tick}px; }}")
        self.what = words(step.what.body, self, name="stepWhat")
        meta = [f"Who: {who_does(step)}"]
        if step.due_date:
            meta.append(f"By {when(step.due_date)}")
        self.meta = words("   ·   ".join(meta), self, name="stepMeta")
        self.badge = AuthorBadge(self)
        self.badge.set_author(step.what.author)
        self.edit = button("Change", self, name="editStep", accessible=f"Change the step: {what}")
        self.remove = button("Remove", self, name="removeStep", accessible=f"Remove the step: {what}")
        self.disagree = button(
            "I don't agree",
            self,
            name="disagreeStep",
            accessible=f"I don't agree with the step: {what}",
            icon_name="disagree",
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
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for widget in (self.edit, self.remove, self.disagree):
            buttons.addWidget(widget)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        layout.setAlignment(buttons, Qt.AlignmentFlag.AlignTop)
