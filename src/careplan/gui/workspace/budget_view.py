"""The Services and budget page's layout: the budget (worked out, and agreed), what the money
buys (three totals, the bar, the table of services chosen) and the requests made. Layout only:
the page (gui/workspace/budget_page.py) fills it, its changes (budget_changes.py) act on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careplan.gui.workspace.allocations_model import AllocationsModel
from careplan.gui.workspace.budget_bar import BudgetBar
from careplan.gui.workspace.budget_widgets import Total, WorkingDetails, action_button, big_font_label
from careplan.services.workspace import AllocationView


class BudgetView:
    """Builds the page's widgets into ``page`` (as a Designer form's ``setupUi`` would)."""

    def __init__(self, page: QWidget) -> None:
        self._page = page
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab; it is no stop itself
        inner = QWidget(scroll)
        layout = QVBoxLayout(inner)
        self.notice = QLabel(inner)
        self.notice.setObjectName("budgetNotice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "info")
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addWidget(self._build_budget(inner))
        layout.addWidget(self._build_money(inner))
        layout.addWidget(self._build_proposals(inner))
        layout.addStretch(1)
        scroll.setWidget(inner)
        self.scroll_area = scroll
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _build_budget(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("My budget", parent)
        box.setObjectName("budgetBox")
        self.budget_box = box
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)

        worked = QLabel("Worked out from my answers", box)
        self.indicative_amount = big_font_label(box, 1.6)
        self.indicative_amount.setObjectName("indicativeAmount")
        self.indicative_amount.setAccessibleName("Budget worked out from my answers")
        self.working_summary = QLabel(box)
        self.working_summary.setObjectName("workingSummary")
        self.working_summary.setWordWrap(True)
        self.working_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.working_summary.setAccessibleName("How the budget was worked out")
        self.working_toggle = QToolButton(box)
        self.working_toggle.setObjectName("workingToggle")
        self.working_toggle.setText("How was this worked out?")
        self.working_toggle.setCheckable(True)
        self.working_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.working_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.working_toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.working_toggle.setMinimumHeight(36)
        self.working_toggle.setAccessibleDescription("Shows each question, the answer and its points")
        self.working_details = WorkingDetails(box)
        self.working_details.hide()
        self.work_out_button = action_button(
            "Work out my budget",
            box,
            "workOutBudget",
            "Answer a few questions together to work out the budget",
        )

        grid.addWidget(worked, 0, 0)
        grid.addWidget(self.indicative_amount, 0, 1)
        grid.addWidget(self.working_summary, 1, 0, 1, 2)
        toggles = QHBoxLayout()
        toggles.addWidget(self.working_toggle)
        toggles.addStretch(1)
        toggles.addWidget(self.work_out_button)
        grid.addLayout(toggles, 2, 0, 1, 2)
        grid.addWidget(self.working_details, 3, 0, 1, 2)

        line = QFrame(box)
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, 4, 0, 1, 2)

        self.agreed_label = QLabel("&Agreed amount", box)
        self.agreed_now = big_font_label(box, 1.3)
        self.agreed_now.setObjectName("agreedNow")
        self.agreed_now.setAccessibleName("Agreed amount")
        self.agreed_edit = QLineEdit(box)
        self.agreed_edit.setObjectName("agreedAmount")
        self.agreed_edit.setAccessibleName("Agreed amount in pounds")
        self.agreed_edit.setAccessibleDescription("Pounds and pence, for example 1200.00")
        self.agreed_edit.setPlaceholderText("for example 1200")
        self.agreed_edit.setMaxLength(20)
        self.agreed_edit.setMinimumHeight(36)
        self.agreed_edit.setMaximumWidth(self._page.fontMetrics().averageCharWidth() * 24)
        self.agreed_label.setBuddy(self.agreed_edit)
        self.agreed_save = action_button(
            "Save agreed amount", box, "saveAgreed", "Save the amount agreed for this plan"
        )
        self.agreed_hint = QLabel(box)
        self.agreed_hint.setObjectName("agreedHint")
        self.agreed_hint.setWordWrap(True)
        self.agreed_problem = QLabel(box)
        self.agreed_problem.setObjectName("agreedProblem")
        self.agreed_problem.setWordWrap(True)
        self.agreed_problem.setProperty("role", "problemBox")
        self.agreed_problem.hide()
        grid.addWidget(self.agreed_label, 5, 0)
        grid.addWidget(self.agreed_now, 5, 1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.agreed_edit)
        edit_row.addWidget(self.agreed_save)
        edit_row.addStretch(1)
        grid.addLayout(edit_row, 6, 0, 1, 2)
        grid.addWidget(self.agreed_hint, 7, 0, 1, 2)
        grid.addWidget(self.agreed_problem, 8, 0, 1, 2)
        return box

    def _build_money(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("What my money buys", parent)
        box.setObjectName("moneyBox")
        self.money_box = box
        layout = QVBoxLayout(box)
        totals = QHBoxLayout()
        self.limit_total = Total("I can spend", "limitTotal", box)
        self.allocated_total = Total("Set aside for services", "allocatedTotal", box)
        self.remaining_total = Total("Left to spend", "remainingTotal", box)
        for total in (self.limit_total, self.allocated_total, self.remaining_total):
            totals.addWidget(total, 1)
        layout.addLayout(totals)
        self.bar = BudgetBar(box)
        layout.addWidget(self.bar)

        self.model = AllocationsModel(self._page)
        self.table = QTableView(box)
        self.table.setObjectName("allocations")
        self.table.setAccessibleName("Services in my plan")
        self.table.setAccessibleDescription(
            "Each service, the goals it helps with, how many and the cost. "
            "Enter changes how many; Delete takes it out of the plan."
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        self.empty_table = QLabel(
            "Nothing chosen yet. Press “Choose a service” to look at what is on offer together.", box
        )
        self.empty_table.setObjectName("noAllocations")
        self.empty_table.setWordWrap(True)
        layout.addWidget(self.empty_table)

        buttons = QHBoxLayout()
        self.choose_button = action_button(
            "Choose a service", box, "chooseService", "Look through the services on offer and add one"
        )
        bold = self.choose_button.font()
        bold.setBold(True)
        self.choose_button.setFont(bold)
        self.change_button = action_button(
            "Change how many…", box, "changeAllocation", "Change how many of the chosen service, or its goals"
        )
        self.release_button = action_button(
            "Take it out of the plan…", box, "releaseAllocation", "Give the money for the chosen service back"
        )
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.release_button)
        layout.addLayout(buttons)
        return box

    def _build_proposals(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Things I asked for that are not in the list", parent)
        box.setObjectName("proposalsBox")
        self.proposals_box = box
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        intro = QLabel(
            "Something that would help but is not in the list? Ask for it. A manager decides.", box
        )
        intro.setWordWrap(True)
        self.propose_button = action_button(
            "Ask for something not in the list", box, "proposeService", "Send a request to a manager"
        )
        top.addWidget(intro, 1)
        top.addWidget(self.propose_button)
        layout.addLayout(top)
        self.proposals_empty = QLabel("Nothing asked for yet.", box)
        self.proposals_empty.setObjectName("noProposals")
        layout.addWidget(self.proposals_empty)
        self.proposals_layout = QVBoxLayout()
        layout.addLayout(self.proposals_layout)
        return box

    def selected_allocation(self) -> AllocationView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.allocation(rows[0].row()) if rows else None
