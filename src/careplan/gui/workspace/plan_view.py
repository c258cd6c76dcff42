"""The My plan page's layout: "No plan yet" with its way in, or the version's heading, its
buttons and the scrolling list the goal cards go in. Layout only: what the buttons do is the
page's (gui/workspace/plan_page.py) and its changes' (gui/workspace/plan_changes.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from careplan.gui.workspace.plan_controls import button


def _bigger(widget: QWidget, scale: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)


class PlanView:
    """Builds the page's widgets into ``page`` (as a Designer form's ``setupUi`` would)."""

    def __init__(self, page: QWidget) -> None:
        page.setObjectName("planPage")

        self.add_goal_action = QAction("Add a goal", page)
        self.add_goal_action.setShortcut(QKeySequence("Ctrl+G"))
        self.add_goal_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_goal_action.setToolTip("Add a goal (Ctrl+G)")
        page.addAction(self.add_goal_action)

        self.empty = self._build_empty(page)
        self.plan = self._build_plan(page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.empty)
        layout.addWidget(self.plan)
        self.plan.hide()

    def _build_empty(self, page: QWidget) -> QWidget:
        """No plan yet: one big, friendly way in."""
        empty = QWidget(page)
        empty.setObjectName("noPlan")
        empty_title = QLabel("No plan yet", empty)
        _bigger(empty_title, 1.6)
        self.empty_text = QLabel(
            "A plan is where your goals go, in your own words. We write it together.", empty
        )
        self.empty_text.setWordWrap(True)
        self.start_button = button("Start my plan", empty, name="startPlan", accessible="Start my plan")
        self.start_button.setMinimumHeight(56)
        _bigger(self.start_button, 1.3)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.start_refused = QLabel("A key worker or manager can start the plan.", empty)
        self.start_refused.setWordWrap(True)
        self.start_button.setMinimumWidth(self.start_button.sizeHint().width() + 48)
        layout = QVBoxLayout(empty)
        layout.setSpacing(12)
        layout.addStretch(1)
        for label in (empty_title, self.empty_text, self.start_refused):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(empty_title)
        layout.addWidget(self.empty_text)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.start_refused)
        layout.addStretch(2)
        return empty

    def _build_plan(self, page: QWidget) -> QWidget:
        """A plan: its version and status, then the goals."""
        plan = QWidget(page)
        plan.setObjectName("planView")
        self.version_label = QLabel(plan)
        self.version_label.setObjectName("versionLabel")
        _bigger(self.version_label, 1.25)
        self.version_label.setWordWrap(True)
        self.period_label = QLabel(plan)
        self.period_label.setObjectName("periodLabel")
        self.frozen_note = QLabel(plan)
        self.frozen_note.setObjectName("frozenNote")
        self.frozen_note.setWordWrap(True)
        self.frozen_note.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.revise_button = button(
            "Start a new version", plan, name="revisePlan", accessible="Start a new version of the plan"
        )
        self.newer_button = button("", plan, name="openNewer", accessible="Go to the newer version")
        self.disagree_plan_button = button(
            "I don't agree with the plan",
            plan,
            name="disagreePlan",
            accessible="I don't agree with the plan",
            icon_name="disagree",
        )
        self.disagree_plan_button.setToolTip(
            "Write down something about the whole plan that you don't agree with"
        )
        self.add_goal_button = button("+  Add a goal", plan, name="addGoal", accessible="Add a goal")
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

        self.goals_scroll = QScrollArea(plan)
        self.goals_scroll.setObjectName("goalsScroll")
        self.goals_scroll.setWidgetResizable(True)
        self.goals_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.goals_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab, not it
        self.goals_widget = QWidget()
        self.goals_widget.setObjectName("goals")
        self.goals_layout = QVBoxLayout(self.goals_widget)
        self.goals_layout.setContentsMargins(0, 0, 8, 0)
        self.goals_layout.setSpacing(12)
        self.goals_scroll.setWidget(self.goals_widget)

        layout = QVBoxLayout(plan)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.frozen_note)
        layout.addWidget(self.goals_scroll, 1)
        return plan
