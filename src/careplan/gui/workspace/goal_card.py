"""One goal on the plan page: its words, why it matters, how it is going, and its steps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from careplan.domain.wording.dates import long_date
from careplan.domain.wording.statuses import GOAL_STATUS_WORDS, sentence
from careplan.gui.theme import BUTTON_HEIGHT
from careplan.gui.widgets.voice import AuthorBadge
from careplan.gui.workspace.disagreement_note import NoteView
from careplan.gui.workspace.plan_controls import (
    button,
    is_alt_arrow,
    item_action,
    more_button,
    words,
)
from careplan.gui.workspace.plan_words import short
from careplan.gui.workspace.step_row import StepRow
from careplan.services.workspace import DisagreementView, GoalView, StepView


class GoalCard(QFrame):
    """One goal: its words large, why it matters, life area, date, how it is going, its steps."""

    def __init__(
        self,
        number: int,
        goal: GoalView,
        notes: list[DisagreementView],
        step_notes: Callable[[StepView], list[DisagreementView]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.goal = goal
        self.setObjectName("goalCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Its background and rounded border come from the application's style sheet (gui/theme.py).
        wording = short(goal.wording.body, 40)
        self.setAccessibleName(f"Goal {number}: {goal.wording.body}")
        facts = [f"Goal {number}", goal.life_area]
        if goal.target_date:
            facts.append(f"By {long_date(goal.target_date)}")
        self.facts = words("   ·   ".join(facts), self, name="goalFacts")
        status_label = QLabel("How it's &going", self)
        self.status = QComboBox(self)
        self.status.setObjectName("goalStatus")
        self.status.setAccessibleName(f"How goal {number} is going")
        self.status.setMinimumHeight(BUTTON_HEIGHT)
        for status, text in GOAL_STATUS_WORDS.items():
            self.status.addItem(sentence(text), status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(goal.status)))
        status_label.setBuddy(self.status)
        top = QHBoxLayout()
        top.addWidget(self.facts, 1)
        top.addWidget(status_label)
        top.addWidget(self.status)

        self.wording = words(goal.wording.body, self, name="goalWording", scale=1.35, bold=True)
        self.wording_badge = AuthorBadge(self)
        self.wording_badge.set_author(goal.wording.author)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        layout.addWidget(self.wording)
        layout.addWidget(self.wording_badge)
        self.why: QLabel | None = None
        self.why_badge: AuthorBadge | None = None
        if goal.why is not None:
            why_heading = QLabel("<b>Why it matters to me</b>", self)
            self.why_badge = AuthorBadge(self)
            self.why_badge.set_author(goal.why.author)
            self.why = words(goal.why.body, self, name="goalWhy")
            why_row = QHBoxLayout()
            why_row.addWidget(why_heading)
            why_row.addWidget(self.why_badge)
            why_row.addStretch(1)
            layout.addSpacing(4)
            layout.addLayout(why_row)
            layout.addWidget(self.why)
        self.notes = [NoteView(note, self) for note in notes]
        for view in self.notes:
            layout.addWidget(view)

        steps_heading = QLabel("<b>Steps</b>", self)
        layout.addSpacing(6)
        layout.addWidget(steps_heading)
        # Steps before the goal's buttons, so that Tab goes through the card top to bottom.
        self.step_rows: list[StepRow] = []
        for step in goal.steps:
            row = StepRow(step, step_notes(step), self)
            self.step_rows.append(row)
            layout.addWidget(row)
        if not goal.steps:
            layout.addWidget(QLabel("No steps yet.", self))

        self.add_step = button("Add a step", self, name="addStep", accessible=f"Add a step to: {wording}")
        self.edit = button("Change the goal", self, name="editGoal", accessible=f"Change the goal: {wording}")
        self.disagree = button(
            "I don't agree",
            self,
            name="disagreeGoal",
            accessible=f"I don't agree with the goal: {wording}",
            icon_name="disagree",
        )
        # Moving and removing are rarer: in the goal's "⋯" menu (and right-click, and by keys).
        self.move_up = item_action(
            "Move the goal up\tAlt+Up", self, name="moveGoalUp", accessible=f"Move up: {wording}"
        )
        self.move_down = item_action(
            "Move the goal down\tAlt+Down", self, name="moveGoalDown", accessible=f"Move down: {wording}"
        )
        self.remove = item_action(
            "Remove the goal…", self, name="removeGoal", accessible=f"Remove the goal: {wording}"
        )
        self.more = more_button(
            self,
            [self.move_up, self.move_down, None, self.remove],
            name="goalMore",
            accessible=f"More for the goal: {wording}",
        )
        self.goal_actions = QHBoxLayout()
        # The goal's "⋯" sits with the goal's buttons, away from its steps' "⋯" on the right.
        for widget in (self.add_step, self.edit, self.disagree, self.more):
            self.goal_actions.addWidget(widget)
        self.goal_actions.addStretch(1)
        for control in (self.add_step, self.edit, self.disagree, self.more):
            control.installEventFilter(self)
        layout.addSpacing(4)
        layout.addLayout(self.goal_actions)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+Up and Alt+Down move the goal while the keyboard is on the goal's own buttons.

        Caught here, not made shortcuts, so that in a step the same keys move the step (the step's
        shortcuts) and never clash with the goal's. "How it's going" keeps Alt+Down for its list.
        """
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and is_alt_arrow(event):
            wanted = self.move_up if event.key() == Qt.Key.Key_Up else self.move_down
            if wanted.isEnabled() and wanted.isVisible():
                wanted.trigger()
            return True
        return super().eventFilter(watched, event)
