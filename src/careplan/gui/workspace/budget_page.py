"""Services and budget: how much money there is, how it was worked out, and what it buys."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.enums import ProposalStatus
from careplan.domain.errors import CareplanError, ConflictError
from careplan.domain.money import parse_money, pounds_text, to_pence
from careplan.domain.permissions import Action
from careplan.domain.wording.money import format_money
from careplan.domain.wording.statuses import frozen_because
from careplan.domain.wording.units import price_words, quantity_words
from careplan.gui.context import AppContext
from careplan.gui.dialogs.budget_questionnaire import BudgetQuestionnaireDialog
from careplan.gui.dialogs.propose_service import ProposeServiceDialog
from careplan.gui.dialogs.service_picker import Choice, ServicePickerDialog
from careplan.gui.workspace.budget_bar import BudgetBar
from careplan.gui.workspace.budget_undo import BudgetChange, BudgetState, describe_change, put_back
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.voice import VoiceSwitch
from careplan.services import budget
from careplan.services.workspace import (
    AllocationView,
    PersonView,
    ProposalView,
    VersionView,
    catalogue_entries,
    load_version,
    proposals_for,
)

Index = QModelIndex | QPersistentModelIndex


def proposal_status_words(proposal: ProposalView, in_plan: bool = False) -> str:
    """Where a request has got to, in plain words."""
    if proposal.status == ProposalStatus.PENDING:
        return "Waiting for a manager to decide."
    if proposal.status == ProposalStatus.APPROVED and proposal.approved_unit_price_pence is not None:
        text = f"Approved at {price_words(proposal.approved_unit_price_pence, proposal.unit)}."
        return text + (" It is in this plan." if in_plan else "")
    if proposal.status == ProposalStatus.DECLINED:
        return f"Not approved: {proposal.decision_note or 'no reason was given'}"
    return proposal.status


class AllocationsModel(QAbstractTableModel):
    """What the money is set aside for: service, the goals it helps with, how many × price, total."""

    COLUMNS = ("Service", "Helps with", "How many", "Cost")
    AllocationIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AllocationView] = []
        self._goals: dict[int, str] = {}

    def set_allocations(self, allocations: list[AllocationView], goals: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(allocations)
        self._goals = dict(goals)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def allocation(self, row: int) -> AllocationView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, allocation_id: int) -> int | None:
        return next((n for n, a in enumerate(self._rows) if a.id == allocation_id), None)

    def _text(self, row: AllocationView, column: int) -> str:
        if column == 0:
            notes = []
            if row.from_proposal:
                notes.append("asked for specially")
            if row.override_reason:
                notes.append("over budget, agreed by a manager")
            return row.description + (f" ({'; '.join(notes)})" if notes else "")
        if column == 1:
            return "; ".join(self._goals.get(g, "a goal") for g in row.goal_ids)
        if column == 2:
            return f"{quantity_words(row.quantity, row.unit)} × {format_money(row.unit_price_pence)}"
        if column == 3:
            return format_money(row.total_pence)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and row.override_reason:
                return f"A manager agreed to go over the budget: {row.override_reason}"
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.AllocationIdRole:
            return row.id
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == 3:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def big_font_label(parent: QWidget, scale: float = 1.5) -> QLabel:
    label = QLabel(parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def action_button(text: str, parent: QWidget, name: str, description: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(40)
    button.setAccessibleDescription(description)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


class Total(QFrame):
    """One of the three amounts over the bar: a caption and a large number."""

    def __init__(self, caption: str, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption, self)
        self.value = big_font_label(self, 1.35)
        self.value.setObjectName(name)
        self.value.setAccessibleName(caption)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.value.setAccessibleDescription(f"{value}. {note}".strip())


class WorkingDetails(QFrame):
    """Each question of the questionnaire, the answer given and its points, then the total."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("workingDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Each question, answer and points")
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.grid.setHorizontalSpacing(16)
        self.labels: list[QLabel] = []

    def _cell(
        self, text: str, row: int, column: int, *, bold: bool = False, right: bool = False, span: int = 1
    ) -> None:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(column < 2)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        if right:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(label, row, column, 1, span)
        self.labels.append(label)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)

    def show_working(self, working: dict[str, Any]) -> None:
        for label in self.labels:
            self.grid.removeWidget(label)
            label.deleteLater()
        self.labels = []
        lines = working.get("lines") or []
        if not lines:
            return
        name = str(working.get("questionnaire", ""))
        row = 0
        if name:
            self._cell(f"Questions from the {name}.", row, 0, span=3)
            row += 1
        for column, heading in enumerate(("Question", "Answer", "Points")):
            self._cell(heading, row, column, bold=True, right=column == 2)
        for line in lines:
            row += 1
            self._cell(str(line.get("question", "")), row, 0)
            self._cell(str(line.get("answer", "")), row, 1, bold=True)
            self._cell(f"{int(line.get('points', 0))} points", row, 2, right=True)
        total = working.get("points")
        if total is not None:
            row += 1
            self._cell("Total", row, 0, bold=True)
            self._cell(f"{int(total)} points", row, 2, bold=True, right=True)


class ProposalRow(QFrame):
    """One request for something not in the list, with where it has got to."""

    def __init__(self, proposal: ProposalView, in_plan: bool, can_add: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setObjectName(f"proposal_{proposal.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(f"<b>{html.escape(proposal.what)}</b>", self)
        self.title.setWordWrap(True)
        self.status = QLabel(proposal_status_words(proposal, in_plan), self)
        self.status.setObjectName("proposalStatus")
        self.status.setWordWrap(True)
        if proposal.status == ProposalStatus.DECLINED:
            bold = self.status.font()
            bold.setBold(True)
            self.status.setFont(bold)
        guess = f"Asked for at about {price_words(proposal.estimated_cost_pence, proposal.unit)}."
        self.detail = QLabel(f"{guess} Why: {proposal.why.body} ({proposal.why.author.label})", self)
        self.detail.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.status)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        self.add_button: QPushButton | None = None
        approved = proposal.status == ProposalStatus.APPROVED and proposal.approved_unit_price_pence
        if approved and not in_plan and can_add:
            self.add_button = action_button(
                "Add to my plan", self, f"addProposal_{proposal.id}", f"Set money aside for {proposal.what}"
            )
            self.add_button.setAccessibleName(f"Add {proposal.what} to my plan")
            layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(f"{proposal.what}: {self.status.text()}")


def agreed_hint(version: VersionView, *, person_name: str, can_edit: bool, may_go_above: bool) -> str:
    """The words under the agreed amount, one voice a line.

    The page speaks as the person ("I can spend"); what a member of staff has to do is said to
    them on its own line, starting "For staff:", so nobody wonders who "I" and "you" are.
    """
    lines = []
    if version.agreed_pence is None:
        lines.append("Until an amount is agreed, I can spend the amount worked out from my answers.")
    if can_edit:
        if may_go_above:
            lines.append(
                f"For staff: type the amount agreed with {person_name}, then press Save agreed amount."
            )
        elif version.indicative_pence is None:
            lines.append(
                "For staff: work out the budget with the questions first. Then an amount can be agreed."
            )
        else:
            lines.append(
                f"For staff: you can agree up to {format_money(version.indicative_pence)}, the amount "
                f"worked out from {person_name}'s answers. Only a manager can agree more."
            )
    return "\n".join(lines)


class BudgetPage(WorkspacePage):
    """The indicative and agreed budget, the services chosen, what is left, and requests made."""

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.setObjectName("budgetPage")
        self.person: PersonView | None = None
        self.version: VersionView | None = None
        self.proposals: list[ProposalView] = []
        self.picker: ServicePickerDialog | None = None
        self.questionnaire_dialog: BudgetQuestionnaireDialog | None = None
        self.propose_dialog: ProposeServiceDialog | None = None
        self.release_box: QMessageBox | None = None
        self._release_button: QAbstractButton | None = None
        self._agreed_shown = ""
        self.proposal_rows: list[ProposalRow] = []
        self._feedback = Feedback(self, self.saved.emit, self._conflict)
        self.undo_stack = QUndoStack(self)
        self._build()

    # building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
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
        outer = QVBoxLayout(self)
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
        self.working_toggle.toggled.connect(self._toggle_working)
        self.working_details = WorkingDetails(box)
        self.working_details.hide()
        self.work_out_button = action_button(
            "Work out my budget",
            box,
            "workOutBudget",
            "Answer a few questions together to work out the budget",
        )
        self.work_out_button.clicked.connect(self.work_out_budget)

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
        self.agreed_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.agreed_edit.returnPressed.connect(self.save_agreed)
        self.agreed_label.setBuddy(self.agreed_edit)
        self.agreed_save = action_button(
            "Save agreed amount", box, "saveAgreed", "Save the amount agreed for this plan"
        )
        self.agreed_save.clicked.connect(self.save_agreed)
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

        self.model = AllocationsModel(self)
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
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.table.installEventFilter(self)
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
        self.choose_button.clicked.connect(lambda: self.choose_service())
        bold = self.choose_button.font()
        bold.setBold(True)
        self.choose_button.setFont(bold)
        self.change_button = action_button(
            "Change how many…", box, "changeAllocation", "Change how many of the chosen service, or its goals"
        )
        self.change_button.clicked.connect(self.change_selected)
        self.release_button = action_button(
            "Take it out of the plan…", box, "releaseAllocation", "Give the money for the chosen service back"
        )
        self.release_button.clicked.connect(self.release_selected)
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
        self.propose_button.clicked.connect(self.propose_service)
        top.addWidget(intro, 1)
        top.addWidget(self.propose_button)
        layout.addLayout(top)
        self.proposals_empty = QLabel("Nothing asked for yet.", box)
        self.proposals_empty.setObjectName("noProposals")
        layout.addWidget(self.proposals_empty)
        self.proposals_layout = QVBoxLayout()
        layout.addLayout(self.proposals_layout)
        return box

    # what may be done --------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self.version is not None and not self.version.frozen

    def _may(self, action: Action) -> bool:
        return self.context.may(action)

    # showing -----------------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        same = (
            self.version is not None
            and version is not None
            and self.version.id == version.id
            and self.person is not None
            and self.person.id == person.id
        )
        keep_typed = self.agreed_edit.text() if same and self._agreed_dirty() else None
        if not same:
            self.agreed_problem.hide()
        self.person = person
        self.version = version
        self.proposals = proposals_for(self.context.db, self.context.actor, person.id)
        self._refresh(keep_typed)

    def reload(self) -> None:
        """Read the plan and requests again (after a change made here, or somewhere else)."""
        if self.person is None:
            return
        keep_typed = self.agreed_edit.text() if self._agreed_dirty() else None
        if self.version is not None:
            self.version = load_version(self.context.db, self.context.actor, self.version.id)
        self.proposals = proposals_for(self.context.db, self.context.actor, self.person.id)
        self._refresh(keep_typed)

    def _refresh(self, keep_typed: str | None = None) -> None:
        version = self.version
        self._show_notice(version)
        has_plan = version is not None
        self.budget_box.setVisible(has_plan)
        self.money_box.setVisible(has_plan)
        if version is not None:
            self._show_indicative(version)
            self._show_agreed(version, keep_typed)
            self._show_money(version)
        self._show_proposals()

    def _show_notice(self, version: VersionView | None) -> None:
        if version is None:
            text = (
                "There is no plan yet. Start a plan first; then the budget can be worked out here. "
                "You can still ask for something not in the list."
            )
        elif version.frozen:
            done = frozen_because(version.status)
            text = (
                f"This is version {version.number} of the plan. It has been {done}, so its budget and "
                "services can no longer be changed. To change them, start a new version of the plan."
            )
        else:
            text = ""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _show_indicative(self, version: VersionView) -> None:
        working = version.working or {}
        if version.indicative_pence is None:
            self.indicative_amount.setText("Not worked out yet")
            self.working_summary.setText("Answer a few questions together to work out the budget.")
            self.working_toggle.hide()
            self.working_toggle.setChecked(False)
            self.work_out_button.setText("Work out my budget")
        else:
            self.indicative_amount.setText(format_money(version.indicative_pence))
            self.working_summary.setText(str(working.get("summary", "")))
            self.working_toggle.setVisible(bool(working.get("lines")))
            self.work_out_button.setText("Work it out again")
        self.working_details.show_working(working)
        self.work_out_button.setVisible(self.editable and self._may(Action.ASSESS_BUDGET))

    def _toggle_working(self, shown: bool) -> None:
        self.working_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.working_details.setVisible(shown)

    def _show_agreed(self, version: VersionView, keep_typed: str | None) -> None:
        can_edit = self.editable and self._may(Action.SET_AGREED_BUDGET)
        if version.agreed_pence is None:
            self.agreed_now.setText("Not agreed yet")
        else:
            self.agreed_now.setText(format_money(version.agreed_pence))
        self._agreed_shown = pounds_text(version.agreed_pence) if version.agreed_pence is not None else ""
        self.agreed_edit.setText(keep_typed if keep_typed is not None else self._agreed_shown)
        self.agreed_edit.setVisible(can_edit)
        self.agreed_save.setVisible(can_edit)
        self.agreed_label.setText("&Agreed amount" if can_edit else "Agreed amount")
        hint = agreed_hint(
            version,
            person_name=self._person_name(),
            can_edit=can_edit,
            may_go_above=self._may(Action.SET_BUDGET_ABOVE_INDICATIVE),
        )
        self.agreed_hint.setText(hint)
        self.agreed_hint.setVisible(bool(hint))

    def _person_name(self) -> str:
        return self.person.preferred_name if self.person is not None else "the person"

    def _show_money(self, version: VersionView) -> None:
        limit = version.limit_pence
        allocated = version.allocated_pence
        remaining = version.remaining_pence
        if limit is None:
            self.limit_total.set("Not set yet", "Work out the budget first.")
        else:
            source = "the agreed amount" if version.agreed_pence is not None else "worked out from my answers"
            self.limit_total.set(format_money(limit), source)
        self.allocated_total.set(format_money(allocated), f"{len(version.allocations)} chosen")
        if remaining is None:
            self.remaining_total.set("—", "No budget yet.")
        elif remaining < 0:
            self.remaining_total.set(
                f"Over by {format_money(-remaining)}", "More is set aside than the budget."
            )
        else:
            self.remaining_total.set(format_money(remaining), "to choose services with")
        self.bar.set_amounts(allocated, limit)

        goals = {g.id: g.wording.body for g in version.goals}
        selected = self.selected_allocation()
        self.model.set_allocations(version.allocations, goals)
        if selected is not None and (row := self.model.row_of(selected.id)) is not None:
            self.table.selectRow(row)
        rows = self.model.rowCount()
        self.table.setVisible(rows > 0)
        self.empty_table.setVisible(rows == 0)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(min(rows, 8)))
        self.table.setFixedHeight(max(height, self.fontMetrics().height() * 4))

        can_allocate = self.editable and self._may(Action.ALLOCATE_BUDGET)
        self.choose_button.setText("Choose a service" if can_allocate else "Look at the services on offer")
        self.change_button.setVisible(can_allocate)
        self.release_button.setVisible(can_allocate)
        self._selection_changed()

    def _show_proposals(self) -> None:
        while self.proposals_layout.count():
            item = self.proposals_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.proposal_rows = []
        can_add = self.editable and self._may(Action.ALLOCATE_BUDGET)
        for proposal in self.proposals:
            row = ProposalRow(proposal, self._in_plan(proposal), can_add, self.proposals_box)
            if row.add_button is not None:
                row.add_button.clicked.connect(partial(self.add_proposal, proposal.id))
            self.proposals_layout.addWidget(row)
            row.show()
            self.proposal_rows.append(row)
        self.proposals_empty.setVisible(not self.proposals)
        self.propose_button.setVisible(self._may(Action.PROPOSE_SERVICE))

    def _in_plan(self, proposal: ProposalView) -> bool:
        # AllocationView says only whether it came from a request, so match on the words too.
        version = self.version
        return version is not None and any(a.proposal_id == proposal.id for a in version.allocations)

    # the allocations table ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keyboard in the table: Enter changes how many, Delete takes the service out (after asking).
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_allocation():
                self.change_selected()
                return True
            if event.key() == Qt.Key.Key_Delete and self.selected_allocation():
                self.release_selected()
                return True
        return super().eventFilter(watched, event)

    def selected_allocation(self) -> AllocationView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.allocation(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected_allocation() is not None
        self.change_button.setEnabled(chosen)
        self.release_button.setEnabled(chosen)

    # the agreed amount -------------------------------------------------------------------------

    def _agreed_dirty(self) -> bool:
        """Typed but not saved: "£1,000" and "1000.00" are the same amount, so that is not a change."""
        if self.version is None or not self.editable or not self._may(Action.SET_AGREED_BUDGET):
            return False
        typed = self.agreed_edit.text().strip()
        if typed == self._agreed_shown:
            return False
        try:
            return pounds_text(to_pence(parse_money(typed))) != self._agreed_shown
        except CareplanError:
            return True

    @property
    def has_unsaved(self) -> bool:
        return self._agreed_dirty()

    def save_pending(self) -> None:
        """Before leaving: save a typed agreed amount; if it cannot be saved, say so (it would be lost)."""
        if self._agreed_dirty() and not self.save_agreed():
            QMessageBox.information(
                self,
                "Agreed amount not saved",
                f"The agreed amount you typed was not saved.\n\n{self.agreed_problem.text()}",
            )

    def save_agreed(self) -> bool:
        """Save the typed agreed amount. A refusal is shown under the field; the text stays."""
        version = self.version
        if version is None or not self.editable:
            return False
        self.agreed_problem.hide()
        try:
            amount = parse_money(self.agreed_edit.text(), field="agreed_budget")
            budget.set_agreed_budget(
                self.context.db,
                self.context.actor,
                version.id,
                amount,
                expected_revision=version.plan_revision,
            )
        except ConflictError as exc:
            self._show_agreed_problem(f"{exc.message} What you typed is still here.")
            self._conflict()
            return False
        except CareplanError as exc:
            self._show_agreed_problem(exc.message)
            return False
        pence = to_pence(amount)
        self._agreed_shown = pounds_text(pence)
        self.agreed_edit.setText(self._agreed_shown)
        self._after_change(f"Agreed amount saved: {format_money(pence)}")
        return True

    def _show_agreed_problem(self, text: str) -> None:
        self.agreed_problem.setText(text)
        self.agreed_problem.show()
        self.agreed_edit.setFocus()

    # changes -----------------------------------------------------------------------------------

    def _after_change(self, text: str) -> None:
        before = BudgetState.of(self.version) if self.version is not None else None
        self.reload()
        if text:
            self.saved.emit(text)
        self._remember(before)
        self.changed.emit()

    # undo and redo ---------------------------------------------------------------------------

    def _remember(self, before: BudgetState | None) -> None:
        """Put a budget change that was just saved on the undo stack."""
        version = self.version
        if before is None or version is None:
            return
        after = BudgetState.of(version)
        if before.same_as(after):
            return
        version_id = version.id
        self.undo_stack.push(
            BudgetChange(
                describe_change(before, after),
                before,
                after,
                run=self._replay,
                put=lambda wanted: put_back(self.context, version_id, wanted),
            )
        )

    def _replay(self, action: Callable[[], object]) -> bool:
        ok = self._feedback.run(action, saved="Done")
        if ok:
            self.reload()
            self.changed.emit()
        return ok

    def _conflict(self) -> None:
        self.reload()
        self.conflict.emit()

    def _fresh_version(self) -> VersionView | None:
        """For dialogs: the plan as it is now, after another workstation changed it."""
        self._conflict()
        return self.version

    def work_out_budget(self) -> None:
        version = self.version
        if version is None or not self.editable:
            return
        try:
            questionnaire = budget.current_questionnaire(self.context.db, self.context.actor)
        except CareplanError as exc:
            QMessageBox.information(self, "Cannot work out the budget", exc.message)
            return
        dialog = BudgetQuestionnaireDialog(
            self.context, version, questionnaire, reload_version=self._fresh_version, parent=self
        )
        self._replace("questionnaire_dialog", dialog)
        dialog.accepted.connect(lambda: self._after_change(dialog.saved_text))
        dialog.open()

    def _choices(self) -> list[Choice]:
        entries = catalogue_entries(self.context.db, self.context.actor)
        approved = [
            Choice.from_proposal(p)
            for p in self.proposals
            if p.status == ProposalStatus.APPROVED
            and p.approved_unit_price_pence is not None
            and not self._in_plan(p)
        ]
        return [Choice.from_entry(e) for e in entries] + approved

    def choose_service(self, preselect: Choice | None = None) -> None:
        dialog = ServicePickerDialog(
            self.context,
            self.version,
            self._choices(),
            reload_version=self._fresh_version,
            preselect=preselect,
            parent=self,
        )
        self._replace("picker", dialog)
        dialog.accepted.connect(lambda: self._after_change(dialog.saved_text))
        dialog.open()
        dialog.ui.search.setFocus()

    def add_proposal(self, proposal_id: int) -> None:
        proposal = next((p for p in self.proposals if p.id == proposal_id), None)
        if proposal is None or proposal.approved_unit_price_pence is None:
            return
        self.choose_service(preselect=Choice.from_proposal(proposal))
        if self.picker is not None:
            self.picker.ui.quantity.setFocus()
            self.picker.ui.quantity.selectAll()

    def change_selected(self) -> None:
        allocation = self.selected_allocation()
        if allocation is None or not self.editable or not self._may(Action.ALLOCATE_BUDGET):
            return
        dialog = ServicePickerDialog(
            self.context,
            self.version,
            [],
            reload_version=self._fresh_version,
            allocation=allocation,
            parent=self,
        )
        self._replace("picker", dialog)
        dialog.accepted.connect(lambda: self._after_change(dialog.saved_text))
        dialog.open()
        dialog.ui.quantity.setFocus()
        dialog.ui.quantity.selectAll()

    def release_selected(self) -> None:
        allocation = self.selected_allocation()
        if allocation is None or not self.editable or not self._may(Action.ALLOCATE_BUDGET):
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Take it out of the plan?")
        box.setText(
            f"Take {allocation.description} out of the plan?\n\n"
            f"{format_money(allocation.total_pence)} goes back to the budget."
        )
        take = box.addButton("Take it out", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        for button in (take, keep):
            button.setMinimumHeight(40)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self._replace("release_box", box)
        self._release_button = take
        box.buttonClicked.connect(partial(self._release_answered, allocation))
        box.open()

    def _release_answered(self, allocation: AllocationView, button: QAbstractButton) -> None:
        version = self.version
        if button is not self._release_button or version is None:
            return
        money = format_money(allocation.total_pence)
        ok = self._feedback.run(
            partial(
                budget.release_allocation,
                self.context.db,
                self.context.actor,
                allocation.id,
                expected_revision=version.plan_revision,
            ),
            saved=f"{allocation.description} taken out: {money} is back in the budget",
        )
        if ok:
            self._after_change("")

    def propose_service(self) -> None:
        person = self.person
        if person is None:
            return
        categories = sorted({e.category for e in catalogue_entries(self.context.db, self.context.actor)})
        dialog = ProposeServiceDialog(
            self.context,
            person.id,
            person.preferred_name,
            self.voice.voice,
            plan_id=self.version.plan_id if self.version else None,
            categories=categories,
            parent=self,
        )
        self._replace("propose_dialog", dialog)
        dialog.accepted.connect(lambda: self._after_change(dialog.saved_text))
        dialog.open()

    def _replace(self, attribute: str, widget: QWidget) -> None:
        old = getattr(self, attribute)
        if old is not None:
            old.deleteLater()
        setattr(self, attribute, widget)
