"""My plan: the goals and steps of one plan version, written together, each with whose words it is.

The page reads a VersionView and changes the record only through ``careplan.services.plans``.
Every change carries the plan revision it was made from, so a change made meanwhile on another
workstation is reported (with an offer to reload), never overwritten.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.enums import GoalStatus, StepOwner
from careplan.domain.errors import CareplanError, ConflictError
from careplan.domain.permissions import Action
from careplan.gui.assets import icon
from careplan.gui.context import AppContext
from careplan.gui.dialogs.goal_editor import GoalEditorDialog, InlineProblems, Writers, WritingAs
from careplan.gui.dialogs.step_editor import StepEditorDialog
from careplan.gui.workspace import plan_undo
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.voice import AuthorBadge, VoiceSwitch
from careplan.services import plans
from careplan.services.plans import GoalInput, StepInput
from careplan.services.unit_of_work import Voice
from careplan.services.workspace import (
    DisagreementView,
    GoalView,
    PersonView,
    StepView,
    VersionView,
    life_areas,
)

VERSION_WORDS = {
    "draft": "being written",
    "agreed": "signed by both, waiting for a manager to approve it",
    "approved": "signed and approved",
    "active": "signed and approved, in action",
    "superseded": "an older version, kept as it was",
    "closed": "closed",
}

SIGNED_NOTE = (
    "This version was signed, so its words stay as they are. To change it, start a new version. "
    "Ticking off steps and saying how goals are going still works."
)
FROZEN_NOTES = {
    "agreed": SIGNED_NOTE,
    "approved": SIGNED_NOTE,
    "active": SIGNED_NOTE,
    "superseded": (
        "This is an older version, kept as it was signed. Changes and progress go on the newer one."
    ),
    "closed": "This plan has ended. It is kept as it was.",
}

GOAL_STATUS_WORDS = {
    GoalStatus.NOT_STARTED: "Not started yet",
    GoalStatus.UNDER_WAY: "Working on it",
    GoalStatus.ACHIEVED: "Done",
    GoalStatus.STOPPED: "Put aside for now",
}

OWNER_WORDS = {
    StepOwner.PERSON: "me",
    StepOwner.WORKER: "my worker",
    StepOwner.SERVICE: "a service",
    StepOwner.SOMEONE_ELSE: "someone else",
}

NOTE_TINT = "#fbeee6"
NOTE_EDGE = "#b5541b"
BUTTON_HEIGHT = 40

FocusKey = tuple[str, int, str]


def when(day: date) -> str:
    """A date in words, so nobody has to puzzle over which number is the month: 4 March 2027."""
    return f"{day.day} {day:%B %Y}"


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def who_does(step: StepView) -> str:
    who = OWNER_WORDS.get(StepOwner(step.owner), step.owner)
    return f"{who} ({step.owner_detail})" if step.owner_detail else who


def words(
    text: str, parent: QWidget, *, name: str | None = None, scale: float = 1.0, bold: bool = False
) -> QLabel:
    """A label for somebody's words: plain text (never read as markup), wrapped, selectable."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if scale != 1.0 or bold:
        font = label.font()
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def button(
    text: str, parent: QWidget, *, name: str, accessible: str, icon_name: str | None = None
) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setMinimumHeight(BUTTON_HEIGHT)
    widget.setAutoDefault(False)
    if icon_name:
        widget.setIcon(icon(icon_name))
        size = max(20, widget.fontMetrics().height() + 2)
        widget.setIconSize(QSize(size, size))
    return widget


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """Ask before removing something (Edit > Undo can put it back); the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


class NoteView(QFrame):
    """An "I don't agree" note: the disagree icon, the words, and whose words they are."""

    def __init__(self, note: DisagreementView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.setObjectName("disagreementNote")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"#disagreementNote {{ background: {NOTE_TINT}; border-left: 4px solid {NOTE_EDGE};"
            " border-radius: 4px; }"
        )
        self.setAccessibleName(f"I don't agree, {note.note.author.label}: {note.note.body}")
        mark = QLabel(self)
        size = mark.fontMetrics().height() + 6
        mark.setPixmap(icon("disagree").pixmap(size, size))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel("<b>I don't agree</b>", self)
        self.badge = AuthorBadge(self)
        self.badge.set_author(note.note.author)
        self.text = words(note.note.body, self, name="disagreementText")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading)
        top.addWidget(self.badge)
        top.addStretch(1)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(mark)
        layout.addLayout(column, 1)


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
        self.setStyleSheet(
            "#goalCard { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"
        )
        wording = short(goal.wording.body, 40)
        self.setAccessibleName(f"Goal {number}: {goal.wording.body}")
        facts = [f"Goal {number}", goal.life_area]
        if goal.target_date:
            facts.append(f"By {when(goal.target_date)}")
        self.facts = words("   ·   ".join(facts), self, name="goalFacts")
        status_label = QLabel("How it's &going", self)
        self.status = QComboBox(self)
        self.status.setObjectName("goalStatus")
        self.status.setAccessibleName(f"How goal {number} is going")
        self.status.setMinimumHeight(BUTTON_HEIGHT)
        for status, text in GOAL_STATUS_WORDS.items():
            self.status.addItem(text, status.value)
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
        self.move_up = button("Move up", self, name="moveGoalUp", accessible=f"Move up: {wording}")
        self.move_down = button("Move down", self, name="moveGoalDown", accessible=f"Move down: {wording}")
        self.disagree = button(
            "I don't agree",
            self,
            name="disagreeGoal",
            accessible=f"I don't agree with the goal: {wording}",
            icon_name="disagree",
        )
        self.remove = button(
            "Remove the goal", self, name="removeGoal", accessible=f"Remove the goal: {wording}"
        )
        self.goal_actions = QHBoxLayout()
        for widget in (self.add_step, self.edit, self.move_up, self.move_down, self.disagree):
            self.goal_actions.addWidget(widget)
        self.goal_actions.addStretch(1)
        self.goal_actions.addWidget(self.remove)
        layout.addSpacing(4)
        layout.addLayout(self.goal_actions)


class DisagreementDialog(QDialog):
    """Asks for an "I don't agree" note, in the voice chosen now, and saves it."""

    def __init__(
        self,
        *,
        voice: VoiceSwitch,
        writers: Writers,
        about: str,
        save: Callable[[str, Voice], object],
        on_conflict: Callable[[ConflictError], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("I don't agree")
        self.setMinimumWidth(480)
        self._voice = voice
        self._save = save
        self._on_conflict = on_conflict
        intro = QLabel(about, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        voice_label = QLabel(self)
        switch = QPushButton("Switch who is writing (F4)", self)
        switch.setAccessibleName("Switch who is writing")
        switch.setMinimumHeight(BUTTON_HEIGHT)
        switch.setAutoDefault(False)
        voice_row = QHBoxLayout()
        voice_row.addWidget(voice_label)
        voice_row.addStretch(1)
        voice_row.addWidget(switch)
        self.writing_as = WritingAs(self, voice_row, voice_label, switch, voice, writers)
        prompt = QLabel("&What I don't agree with, and why", self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("disagreementEditor")
        self.note.setAccessibleName("What I don't agree with, and why")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        prompt.setBuddy(self.note)
        self.note_problem = QLabel(self)
        self.problem = QLabel(self)
        for label in (self.note_problem, self.problem):
            label.setStyleSheet("color: #8a1f11; font-weight: bold;")
            label.setWordWrap(True)
        self.problems = InlineProblems(self.problem, {"disagreement": (self.note, self.note_problem)})
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText("Write it down")
        save_button.setMinimumHeight(BUTTON_HEIGHT)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(BUTTON_HEIGHT)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(voice_row)
        layout.addWidget(prompt)
        layout.addWidget(self.note)
        layout.addWidget(self.note_problem)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.note, switch)
        self.note.setFocus()

    def save(self) -> None:
        try:
            self._save(self.note.toPlainText(), self._voice.voice)
        except ConflictError as exc:
            self.problems.show(exc)
            self._on_conflict(exc)
            return
        except CareplanError as exc:
            self.problems.show(exc)
            return
        self.accept()

    def done(self, result: int) -> None:
        self.writing_as.disconnect()
        super().done(result)


class PlanPage(WorkspacePage):
    """The plan version's goals and steps, with who wrote each and any "I don't agree" notes."""

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.setObjectName("planPage")
        self.person: PersonView | None = None
        self.version: VersionView | None = None
        self.dialog: QDialog | None = None
        self.cards: list[GoalCard] = []
        self._focus_targets: dict[FocusKey, QWidget] = {}
        self._want_focus: FocusKey | None = None
        self._feedback = Feedback(self, self.saved.emit, self.conflict.emit)
        self.undo_stack = QUndoStack(self)

        self.add_goal_action = QAction("Add a goal", self)
        self.add_goal_action.setShortcut(QKeySequence("Ctrl+G"))
        self.add_goal_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_goal_action.setToolTip("Add a goal (Ctrl+G)")
        self.add_goal_action.triggered.connect(self.add_goal)
        self.addAction(self.add_goal_action)

        # No plan yet: one big, friendly way in.
        self.empty = QWidget(self)
        self.empty.setObjectName("noPlan")
        empty_title = QLabel("No plan yet", self.empty)
        font = empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        empty_title.setFont(font)
        self.empty_text = QLabel(
            "A plan is where your goals go, in your own words. We write it together.", self.empty
        )
        self.empty_text.setWordWrap(True)
        self.start_button = button("Start my plan", self.empty, name="startPlan", accessible="Start my plan")
        self.start_button.setMinimumHeight(56)
        start_font = self.start_button.font()
        start_font.setPointSizeF(start_font.pointSizeF() * 1.3)
        start_font.setBold(True)
        self.start_button.setFont(start_font)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.start_button.clicked.connect(self.start_plan)
        self.start_refused = QLabel("A key worker or manager can start the plan.", self.empty)
        self.start_refused.setWordWrap(True)
        self.start_button.setMinimumWidth(self.start_button.sizeHint().width() + 48)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setSpacing(12)
        empty_layout.addStretch(1)
        for label in (empty_title, self.empty_text, self.start_refused):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(empty_title)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addWidget(self.start_refused)
        empty_layout.addStretch(2)

        # A plan: its version and status, then the goals.
        self.plan = QWidget(self)
        self.plan.setObjectName("planView")
        self.version_label = QLabel(self.plan)
        self.version_label.setObjectName("versionLabel")
        font = self.version_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.version_label.setFont(font)
        self.version_label.setWordWrap(True)
        self.period_label = QLabel(self.plan)
        self.period_label.setObjectName("periodLabel")
        self.frozen_note = QLabel(self.plan)
        self.frozen_note.setObjectName("frozenNote")
        self.frozen_note.setWordWrap(True)
        self.frozen_note.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.frozen_note.setStyleSheet(
            "#frozenNote { background: #eef3e6; border: 1px solid #9bb37a; border-radius: 6px;"
            " padding: 8px; }"
        )
        self.revise_button = button(
            "Start a new version", self.plan, name="revisePlan", accessible="Start a new version of the plan"
        )
        self.revise_button.clicked.connect(self.revise)
        self.newer_button = button("", self.plan, name="openNewer", accessible="Go to the newer version")
        self.newer_button.clicked.connect(self._open_newer)
        self.disagree_plan_button = button(
            "I don't agree with the plan",
            self.plan,
            name="disagreePlan",
            accessible="I don't agree with the plan",
            icon_name="disagree",
        )
        self.disagree_plan_button.setToolTip(
            "Write down something about the whole plan that you don't agree with"
        )
        self.disagree_plan_button.clicked.connect(self.disagree_with_plan)
        self.add_goal_button = button("+  Add a goal", self.plan, name="addGoal", accessible="Add a goal")
        bold = self.add_goal_button.font()
        bold.setBold(True)
        self.add_goal_button.setFont(bold)
        self.add_goal_button.setToolTip("Add a goal (Ctrl+G)")
        self.add_goal_button.clicked.connect(self.add_goal_action.trigger)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.version_label)
        titles.addWidget(self.period_label)
        header.addLayout(titles, 1)
        for widget in (
            self.revise_button,
            self.newer_button,
            self.disagree_plan_button,
            self.add_goal_button,
        ):
            header.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

        self.goals_scroll = QScrollArea(self.plan)
        self.goals_scroll.setObjectName("goalsScroll")
        self.goals_scroll.setWidgetResizable(True)
        self.goals_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.goals_widget = QWidget()
        self.goals_widget.setObjectName("goals")
        self.goals_layout = QVBoxLayout(self.goals_widget)
        self.goals_layout.setContentsMargins(0, 0, 8, 0)
        self.goals_layout.setSpacing(12)
        self.goals_scroll.setWidget(self.goals_widget)

        plan_layout = QVBoxLayout(self.plan)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addLayout(header)
        plan_layout.addWidget(self.frozen_note)
        plan_layout.addWidget(self.goals_scroll, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.plan)
        self.plan.hide()

    # what may be done here ----------------------------------------------------------------------

    @property
    def can_edit(self) -> bool:
        return self.version is not None and not self.version.frozen and self.context.may(Action.EDIT_PLAN)

    @property
    def can_disagree(self) -> bool:
        return (
            self.version is not None
            and not self.version.frozen
            and self.context.may(Action.RECORD_DISAGREEMENT)
        )

    @property
    def can_record_progress(self) -> bool:
        return (
            self.version is not None
            and self.version.status not in ("superseded", "closed")
            and self.context.may(Action.RECORD_PROGRESS)
        )

    def _writers(self) -> Writers:
        name = self.person.preferred_name if self.person else "the person"
        return Writers(name, self.context.staff_name, self.context.role.value)

    # showing ------------------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        # A reload after a change keeps the scroll position; another person or version starts at the top.
        same_place = (
            self.person is not None
            and self.person.id == person.id
            and (self.version.id if self.version else None) == (version.id if version else None)
        )
        self.person = person
        self.version = version
        if version is None:
            allowed = self.context.may(Action.START_PLAN)
            self.start_button.setVisible(allowed)
            self.start_refused.setVisible(not allowed)
            self.add_goal_action.setEnabled(False)
            self.plan.hide()
            self.empty.show()
            self._clear_cards()
            self._restore_focus()
            return
        self.empty.hide()
        self.plan.show()
        self.version_label.setText(
            f"Version {version.number} – {VERSION_WORDS.get(version.status, version.status)}"
        )
        if version.period_start and version.period_end:
            self.period_label.setText(f"From {when(version.period_start)} to {when(version.period_end)}")
        elif version.period_start:
            self.period_label.setText(f"From {when(version.period_start)}")
        else:
            self.period_label.clear()
        self.period_label.setVisible(bool(self.period_label.text()))
        self.frozen_note.setText(FROZEN_NOTES.get(version.status, ""))
        self.frozen_note.setVisible(version.frozen)
        newer = self._newer_draft()
        self.revise_button.setVisible(
            version.status in ("agreed", "approved", "active")
            and newer is None
            and self.context.may(Action.REVISE_PLAN)
        )
        self.newer_button.setVisible(newer is not None)
        if newer is not None:
            self.newer_button.setText(f"Go to version {newer[1]}")
            self.newer_button.setAccessibleName(f"Go to version {newer[1]}, being written now")
        self.add_goal_action.setEnabled(self.can_edit)
        self.add_goal_button.setVisible(self.can_edit)
        self.disagree_plan_button.setVisible(self.can_disagree)
        self._build_cards(version)
        if not same_place:
            self.goals_scroll.verticalScrollBar().setValue(0)
        self._restore_focus()

    def _newer_draft(self) -> tuple[int, int] | None:
        """The (id, number) of a newer version being written, when this one is frozen."""
        version = self.version
        if version is None or not version.frozen:
            return None
        for summary in version.versions:
            if summary.status == "draft" and summary.number > version.number:
                return summary.id, summary.number
        return None

    def _clear_cards(self) -> None:
        self.cards = []
        self._focus_targets = {}
        while self.goals_layout.count():
            item = self.goals_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _build_cards(self, version: VersionView) -> None:
        self._clear_cards()
        plan_notes = [
            d
            for d in version.disagreements
            if d.goal_id is None and d.step_id is None and d.allocation_id is None
        ]
        for note in plan_notes:
            view = NoteView(note, self.goals_widget)
            view.setToolTip("About the whole plan")
            self.goals_layout.addWidget(view)
            view.show()
        if not version.goals:
            empty = QLabel(
                "No goals yet. What do you want to change? Press “Add a goal” to write the first one."
                if self.can_edit
                else "This version has no goals.",
                self.goals_widget,
            )
            empty.setObjectName("noGoals")
            empty.setWordWrap(True)
            self.goals_layout.addWidget(empty)
            empty.show()
        count = len(version.goals)
        for index, goal in enumerate(version.goals):
            card = GoalCard(
                index + 1,
                goal,
                [d for d in version.disagreements if d.goal_id == goal.id],
                lambda step: [d for d in version.disagreements if d.step_id == step.id],
                self.goals_widget,
            )
            self._wire_card(card, index, count)
            self.cards.append(card)
            self.goals_layout.addWidget(card)
            card.show()  # now, not on the next turn of the event loop: focus goes here next
        self.goals_layout.addStretch(1)

    def _wire_card(self, card: GoalCard, index: int, count: int) -> None:
        goal = card.goal
        editable = self.can_edit
        for widget in (card.add_step, card.edit, card.move_up, card.move_down, card.remove):
            widget.setVisible(editable)
        card.move_up.setEnabled(index > 0)
        card.move_down.setEnabled(index < count - 1)
        card.disagree.setVisible(self.can_disagree)
        card.status.setEnabled(self.can_record_progress)
        if not self.can_record_progress:
            card.status.setToolTip("Progress can't be recorded here.")
        card.add_step.clicked.connect(partial(self.add_step, goal))
        card.edit.clicked.connect(partial(self.edit_goal, goal))
        card.move_up.clicked.connect(partial(self.move_goal, goal, index - 1, "up"))
        card.move_down.clicked.connect(partial(self.move_goal, goal, index + 1, "down"))
        card.remove.clicked.connect(partial(self.remove_goal, goal))
        card.disagree.clicked.connect(partial(self.disagree_with_goal, goal))
        card.status.activated.connect(partial(self._status_chosen, card))
        targets: dict[str, QWidget] = {
            "add_step": card.add_step,
            "edit": card.edit,
            "up": card.move_up,
            "down": card.move_down,
            "disagree": card.disagree,
            "status": card.status,
        }
        for name, target in targets.items():
            self._focus_targets[("goal", goal.id, name)] = target
        self._focus_targets[("goal", goal.id, "card")] = card
        for row in card.step_rows:
            step = row.step
            row.edit.setVisible(editable)
            row.remove.setVisible(editable)
            row.disagree.setVisible(self.can_disagree)
            row.done.setEnabled(self.can_record_progress)
            row.done.toggled.connect(partial(self._done_toggled, row))
            row.edit.clicked.connect(partial(self.edit_step, goal, step))
            row.remove.clicked.connect(partial(self.remove_step, goal, step))
            row.disagree.clicked.connect(partial(self.disagree_with_step, step))
            self._focus_targets[("step", step.id, "done")] = row.done
            self._focus_targets[("step", step.id, "edit")] = row.edit
            self._focus_targets[("step", step.id, "disagree")] = row.disagree

    def card_for(self, goal_id: int) -> GoalCard | None:
        return next((card for card in self.cards if card.goal.id == goal_id), None)

    def _restore_focus(self) -> None:
        """After a reload, the keyboard stays where it was (the same button on the same goal)."""
        key, self._want_focus = self._want_focus, None
        if key is None:
            return
        widget = self._focus_targets.get(key)
        if widget is None and key[0] == "goal":
            widget = self._focus_targets.get(("goal", key[1], "card"))
        if widget is None:
            widget = self.add_goal_button if self.add_goal_button.isVisible() else None
        if widget is None:
            return
        target = widget
        if target.isVisible() and target.isEnabled():
            target.setFocus()
        QTimer.singleShot(0, lambda: self._reveal(target))

    def _reveal(self, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # already rebuilt again
            self.goals_scroll.ensureWidgetVisible(widget, 20, 40)

    # changing -----------------------------------------------------------------------------------

    def _run(self, action: Callable[[], object], saved: str, focus: FocusKey | None = None) -> bool:
        """Run a use case; on success say so and ask the workspace to reload."""
        ok = self._feedback.run(action, saved=saved)
        if ok:
            self._want_focus = focus
            self.changed.emit()
        return ok

    def _offer_reload(self, exc: ConflictError) -> None:
        """The standard "changed somewhere else, reload?" question; the dialog stays open."""

        def again() -> None:
            raise exc

        self._feedback.run(again)

    @property
    def has_unsaved(self) -> bool:
        """Words typed in an open goal or step dialog that are not saved yet."""
        typed = getattr(self.dialog, "typed", None)
        return bool(typed is not None and typed.changed)

    def _revision(self) -> int:
        assert self.version is not None
        return self.version.plan_revision

    # undo and redo ---------------------------------------------------------------------------

    def _replay(self, action: plan_undo.Action) -> bool:
        """Save one undo or redo step again; False (and a plain message) if it cannot be."""
        if self.version is None:
            return False
        replay = plan_undo.Replay(self.context, self.version.id)
        ok = self._feedback.run(lambda: action(replay), saved="Done")
        if ok:
            self.changed.emit()
        return ok

    def _push(self, text: str, undo: plan_undo.Action, redo: plan_undo.Action) -> None:
        self.undo_stack.push(plan_undo.PlanChange(text, undo, redo, self._replay))

    def _goal_now(self, goal_id: int) -> GoalView | None:
        if self.version is None:
            return None
        return next((g for g in self.version.goals if g.id == goal_id), None)

    def _step_now(self, step_id: int) -> StepView | None:
        if self.version is None:
            return None
        return next((s for g in self.version.goals for s in g.steps if s.id == step_id), None)

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(partial(self._closed, dialog))
        dialog.open()

    def _closed(self, dialog: QDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def start_plan(self) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        self._run(
            lambda: plans.start_plan(self.context.db, self.context.actor, person_id),
            saved="Plan started",
        )
        if self.add_goal_button.isVisible():
            self.add_goal_button.setFocus()

    def revise(self) -> None:
        if self.version is None:
            return
        version_id = self.version.id
        created: list[int] = []

        def action() -> None:
            created.append(
                plans.revise_plan(
                    self.context.db, self.context.actor, version_id, expected_revision=self._revision()
                )
            )

        if self._feedback.run(action, saved="New version started"):
            self.version_requested.emit(created[0])
            self.changed.emit()

    def _open_newer(self) -> None:
        newer = self._newer_draft()
        if newer is not None:
            self.version_requested.emit(newer[0])

    def add_goal(self) -> None:
        if not self.can_edit or self.dialog is not None or self.version is None:
            return
        version_id = self.version.id

        def save(goal: GoalInput) -> int:
            return plans.add_goal(
                self.context.db, self.context.actor, version_id, goal, expected_revision=self._revision()
            )

        dialog = GoalEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            life_areas=life_areas(self.context.db, self.context.actor),
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )

        def added() -> None:
            new_id = dialog.result_value
            self._after_dialog(
                "Goal added", ("goal", new_id, "add_step") if isinstance(new_id, int) else None
            )
            if isinstance(new_id, int) and self.version is not None and self._goal_now(new_id):
                snapshot = plan_undo.GoalSnapshot.of(self.version, new_id)
                key = snapshot.goal.key
                self._push(
                    "add a goal",
                    undo=lambda r: plan_undo.remove_goal(r, key),
                    redo=lambda r: plan_undo.restore_goal(r, snapshot),
                )

        self._open(dialog, added)

    def edit_goal(self, goal: GoalView) -> None:
        if not self.can_edit or self.dialog is not None:
            return

        def save(edited: GoalInput) -> None:
            plans.edit_goal(
                self.context.db, self.context.actor, goal.id, edited, expected_revision=self._revision()
            )

        dialog = GoalEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            life_areas=life_areas(self.context.db, self.context.actor),
            save=save,
            on_conflict=self._offer_reload,
            goal=goal,
            parent=self,
        )

        def edited() -> None:
            self._after_dialog("Goal saved", ("goal", goal.id, "edit"))
            after = self._goal_now(goal.id)
            if after is not None:
                self._push(
                    "change a goal",
                    undo=lambda r: plan_undo.edit_goal(r, goal.key, goal),
                    redo=lambda r: plan_undo.edit_goal(r, goal.key, after),
                )

        self._open(dialog, edited)

    def _after_dialog(self, saved: str, focus: FocusKey | None) -> None:
        self.saved.emit(saved)
        self._want_focus = focus
        self.changed.emit()

    def remove_goal(self, goal: GoalView) -> None:
        if not self.can_edit:
            return
        steps = len(goal.steps)
        also = f" Its {steps} step{'s' if steps != 1 else ''} will go too." if steps else ""
        goals = self.version.goals if self.version else []
        index = next((i for i, g in enumerate(goals) if g.id == goal.id), 0)
        neighbours = goals[index + 1 : index + 2] or goals[max(0, index - 1) : index]
        focus: FocusKey | None = ("goal", neighbours[0].id, "edit") if neighbours else None
        if not confirm(
            self,
            "Remove this goal?",
            f"Remove the goal “{short(goal.wording.body, 120)}”?{also}",
            "Remove the goal",
            "Keep it",
        ):
            return
        snapshot = plan_undo.GoalSnapshot.of(self.version, goal.id) if self.version else None
        removed = self._run(
            partial(
                plans.remove_goal,
                self.context.db,
                self.context.actor,
                goal.id,
                expected_revision=self._revision(),
            ),
            saved="Goal removed",
            focus=focus,
        )
        if removed and snapshot is not None:
            self._push(
                "remove a goal",
                undo=lambda r: plan_undo.restore_goal(r, snapshot),
                redo=lambda r: plan_undo.remove_goal(r, goal.key),
            )

    def move_goal(self, goal: GoalView, position: int, direction: str) -> None:
        if not self.can_edit:
            return
        goals = self.version.goals if self.version else []
        before = next((i for i, g in enumerate(goals) if g.id == goal.id), 0)
        moved = self._run(
            partial(
                plans.move_goal,
                self.context.db,
                self.context.actor,
                goal.id,
                position,
                expected_revision=self._revision(),
            ),
            saved=f"Goal moved {direction}",
            focus=("goal", goal.id, direction),
        )
        if moved:
            self._push(
                f"move a goal {direction}",
                undo=lambda r: plan_undo.move_goal(r, goal.key, before),
                redo=lambda r: plan_undo.move_goal(r, goal.key, position),
            )

    def add_step(self, goal: GoalView) -> None:
        if not self.can_edit or self.dialog is not None:
            return

        def save(step: StepInput) -> int:
            return plans.add_step(
                self.context.db, self.context.actor, goal.id, step, expected_revision=self._revision()
            )

        dialog = StepEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            goal_wording=goal.wording.body,
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )

        def added() -> None:
            self._after_dialog("Step added", ("goal", goal.id, "add_step"))
            new_id = getattr(dialog, "result_value", None)
            if isinstance(new_id, int) and self.version is not None and self._step_now(new_id):
                snapshot = plan_undo.StepSnapshot.of(self.version, new_id)
                key = snapshot.step.key
                self._push(
                    "add a step",
                    undo=lambda r: plan_undo.remove_step(r, key),
                    redo=lambda r: plan_undo.restore_step(r, snapshot),
                )

        self._open(dialog, added)

    def edit_step(self, goal: GoalView, step: StepView) -> None:
        if not self.can_edit or self.dialog is not None:
            return

        def save(edited: StepInput) -> None:
            plans.edit_step(
                self.context.db, self.context.actor, step.id, edited, expected_revision=self._revision()
            )

        dialog = StepEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            goal_wording=goal.wording.body,
            save=save,
            on_conflict=self._offer_reload,
            step=step,
            parent=self,
        )

        def edited() -> None:
            self._after_dialog("Step saved", ("step", step.id, "edit"))
            after = self._step_now(step.id)
            if after is not None:
                self._push(
                    "change a step",
                    undo=lambda r: plan_undo.edit_step(r, step.key, step),
                    redo=lambda r: plan_undo.edit_step(r, step.key, after),
                )

        self._open(dialog, edited)

    def remove_step(self, goal: GoalView, step: StepView) -> None:
        if not self.can_edit:
            return
        if not confirm(
            self,
            "Remove this step?",
            f"Remove the step “{short(step.what.body, 120)}”?",
            "Remove the step",
            "Keep it",
        ):
            return
        snapshot = plan_undo.StepSnapshot.of(self.version, step.id) if self.version else None
        removed = self._run(
            partial(
                plans.remove_step,
                self.context.db,
                self.context.actor,
                step.id,
                expected_revision=self._revision(),
            ),
            saved="Step removed",
            focus=("goal", goal.id, "add_step"),
        )
        if removed and snapshot is not None:
            self._push(
                "remove a step",
                undo=lambda r: plan_undo.restore_step(r, snapshot),
                redo=lambda r: plan_undo.remove_step(r, step.key),
            )

    def _done_toggled(self, row: StepRow, checked: bool) -> None:
        ok = self._run(
            partial(
                plans.set_step_done,
                self.context.db,
                self.context.actor,
                row.step.id,
                checked,
                expected_revision=self._revision(),
            ),
            saved="Step ticked off" if checked else "Step marked as not done yet",
            focus=("step", row.step.id, "done"),
        )
        if not ok:
            row.done.blockSignals(True)
            row.done.setChecked(row.step.done)
            row.done.blockSignals(False)
            return
        key, was = row.step.key, row.step.done
        self._push(
            "tick off a step" if checked else "untick a step",
            undo=lambda r: plan_undo.set_step_done(r, key, was),
            redo=lambda r: plan_undo.set_step_done(r, key, checked),
        )

    def _status_chosen(self, card: GoalCard, index: int) -> None:
        status = GoalStatus(card.status.itemData(index))
        if status == card.goal.status:
            return
        ok = self._run(
            partial(
                plans.set_goal_status,
                self.context.db,
                self.context.actor,
                card.goal.id,
                status,
                expected_revision=self._revision(),
            ),
            saved=f"Goal marked: {GOAL_STATUS_WORDS[status].lower()}",
            focus=("goal", card.goal.id, "status"),
        )
        if not ok:
            card.status.setCurrentIndex(max(0, card.status.findData(card.goal.status)))
            return
        key, was = card.goal.key, card.goal.status
        self._push(
            "say how a goal is going",
            undo=lambda r: plan_undo.set_goal_status(r, key, was),
            redo=lambda r: plan_undo.set_goal_status(r, key, status),
        )

    # "I don't agree" ----------------------------------------------------------------------------

    def _disagree(self, about: str, focus: FocusKey | None, **target: int) -> None:
        if not self.can_disagree or self.dialog is not None or self.version is None:
            return
        version_id = self.version.id

        def save(body: str, voice: Voice) -> None:
            plans.record_disagreement(
                self.context.db,
                self.context.actor,
                version_id,
                body,
                voice,
                expected_revision=self._revision(),
                **target,
            )

        dialog = DisagreementDialog(
            voice=self.voice,
            writers=self._writers(),
            about=about,
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )
        self._open(dialog, lambda: self._after_dialog("Written down: I don't agree", focus))

    def disagree_with_goal(self, goal: GoalView) -> None:
        self._disagree(
            f"About the goal: “{short(goal.wording.body, 120)}”",
            ("goal", goal.id, "disagree"),
            goal_id=goal.id,
        )

    def disagree_with_step(self, step: StepView) -> None:
        self._disagree(
            f"About the step: “{short(step.what.body, 120)}”", ("step", step.id, "disagree"), step_id=step.id
        )

    def disagree_with_plan(self) -> None:
        self._disagree("About the whole plan.", None)
