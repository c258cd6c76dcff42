"""The spending part of the Services and budget page: for the person, in plain words and large
figures, what is set aside, used and left, per service and in total, each with a bar; for staff
(who may record spending), "Record spending…", the entries, "Put right…" and "Save the
receipt…" for one of them, and for managers "How the money is held…".

What the person reads speaks as them ("I have used"); what only staff need (the entries, the
buttons, hints about the review) is in its own box, shown only to staff who may record spending.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.enums import BudgetHeld
from careplan.domain.errors import NotFound
from careplan.domain.permissions import Action
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.gui.workspace.budget_bar import BudgetBar
from careplan.gui.workspace.budget_held_dialog import BudgetHeldDialog
from careplan.gui.workspace.budget_receipt import ReceiptSaver
from careplan.gui.workspace.budget_spending_dialogs import PutRightDialog, RecordSpendingDialog
from careplan.gui.workspace.budget_widgets import Total, action_button
from careplan.gui.workspace.one_dialog import OneDialog
from careplan.services.signed_in import SignedInStaff
from careplan.services.spending_view import PlanSpending, ServiceSpending, SpendingEntry, spending_of

HELD_WORDS = {
    BudgetHeld.SERVICE: "The service holds the money for me and pays for what I use.",
    BudgetHeld.THIRD_PARTY: "Someone else manages the money for me.",
    BudgetHeld.DIRECT_PAYMENT: "The money is paid to me, and I pay for what I use.",
}
ENTRY_HEADER = ("Date", "Service", "Amount", "Supplier", "Note")


def used_caption(used: int, set_aside: int) -> str:
    """The words under a spending bar: they say everything the bar shows."""
    if used > set_aside:
        more = format_money(used - set_aside)
        return f"{format_money(used)} used of {format_money(set_aside)}: {more} more, agreed"
    return f"{format_money(used)} used of {format_money(set_aside)}, {format_money(set_aside - used)} left"


class SpendingBar(BudgetBar):
    """The budget bar, for what is used of what is set aside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spendingBar")
        self.setAccessibleName("How much is used")

    def caption(self) -> str:
        return used_caption(self.allocated_pence, self.limit_pence or 0)


def service_point(service: ServiceSpending) -> str:
    """What the person is told about one service, if anything."""
    if not service.in_plan:
        return "Not in my plan: a manager agreed to it."
    if service.over:
        return "More than was set aside: a manager agreed to it."
    if service.set_aside_pence and service.left_pence == 0:
        return "All used."
    if service.near_limit:
        return "Nearly all used."
    if service.underspent:
        return "Not much used yet. We can talk about it at my next review."
    return ""


def entry_note(entry: SpendingEntry) -> str:
    if entry.reverses_id is not None:
        return f"Puts an entry right: {entry.reason}"
    if entry.reversed_by_id is not None:
        return "Put right"
    if entry.agreement is not None:
        return f"Agreed by {entry.agreed_by}"
    return ""


class SpendingSection(QWidget):
    """Shows one plan's spending; records and puts right entries for staff allowed to."""

    changed = Signal()

    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spendingSection")
        self.context = context
        self.shown: PlanSpending | None = None
        self.dialogs = OneDialog(self._saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_person_box())
        layout.addWidget(self._build_staff_box())

    def _build_person_box(self) -> QGroupBox:
        box = QGroupBox("What I have used", self)
        box.setObjectName("spendingBox")
        self.person_box = box
        layout = QVBoxLayout(box)
        self.period = QLabel(box)
        self.period.setObjectName("spendingPeriod")
        self.period.setWordWrap(True)
        layout.addWidget(self.period)
        totals = QHBoxLayout()
        self.set_aside_total = Total("Set aside", "spendingSetAside", box)
        self.used_total = Total("Used", "spendingUsed", box)
        self.left_total = Total("Left", "spendingLeft", box)
        for total in (self.set_aside_total, self.used_total, self.left_total):
            totals.addWidget(total, 1)
        layout.addLayout(totals)
        self.total_bar = SpendingBar(box)
        layout.addWidget(self.total_bar)
        self.services_grid = QGridLayout()
        self.services_grid.setColumnStretch(1, 1)
        layout.addLayout(self.services_grid)
        self.service_rows: list[tuple[QLabel, SpendingBar, QLabel]] = []
        return box

    def _build_staff_box(self) -> QGroupBox:
        box = QGroupBox("Spending records (for staff)", self)
        box.setObjectName("spendingStaffBox")
        self.staff_box = box
        layout = QVBoxLayout(box)
        self.staff_hint = QLabel(box)
        self.staff_hint.setObjectName("spendingStaffHint")
        self.staff_hint.setWordWrap(True)
        layout.addWidget(self.staff_hint)
        self.entries = QTableWidget(0, len(ENTRY_HEADER), box)
        self.entries.setObjectName("spendingEntries")
        self.entries.setAccessibleName("Spending entries, newest first")
        self.entries.setHorizontalHeaderLabels(list(ENTRY_HEADER))
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setTabKeyNavigation(False)
        self.entries.verticalHeader().hide()
        header = self.entries.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(ENTRY_HEADER) - 1, QHeaderView.ResizeMode.Stretch)
        self.entries.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.entries)
        buttons = QHBoxLayout()
        self.record_button = action_button(
            "Record spending…", box, "recordSpending", "Record a purchase or payment against a chosen service"
        )
        self.put_right_button = action_button(
            "Put right…", box, "putRightSpending", "Put the chosen entry right with an entry of its own"
        )
        self.receipt_button = action_button(
            "Save the receipt…", box, "saveReceipt", "Save the receipt kept with the chosen entry to a file"
        )
        self.held_button = action_button(
            "How the money is held…", box, "budgetHeld", "Record how the budget is held, and its period"
        )
        self.record_button.clicked.connect(self.record)
        self.put_right_button.clicked.connect(self.put_right)
        self.receipt_button.clicked.connect(self.save_receipt)
        self.held_button.clicked.connect(self.set_held)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.held_button)
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.put_right_button)
        layout.addLayout(buttons)
        return box

    # showing ----------------------------------------------------------------------------------

    def show_plan(self, plan_id: int | None) -> None:
        """Show the plan's spending, or nothing when the plan has not been approved."""
        spending = None
        if plan_id is not None:
            try:
                spending = spending_of(self.context.db, self.context.actor, plan_id)
            except NotFound:
                spending = None
        self.shown = spending
        self.setVisible(spending is not None)
        if spending is not None:
            self._show_person(spending)
            self._show_staff(spending)

    def _show_person(self, spending: PlanSpending) -> None:
        held = HELD_WORDS.get(spending.held, "") if spending.held is not None else ""
        self.period.setText(
            f"My budget is for {long_date(spending.period_start)} to {long_date(spending.period_end)}. "
            f"{held}".strip()
        )
        self.set_aside_total.set(format_money(spending.set_aside_pence), "for my services")
        self.used_total.set(
            format_money(spending.used_pence), f"so far, day {spending.days_gone} of {spending.days_total}"
        )
        left = spending.left_pence
        self.left_total.set(format_money(left) if left >= 0 else f"Over by {format_money(-left)}", "to use")
        self.total_bar.set_amounts(spending.used_pence, spending.set_aside_pence)
        for name, bar, point in self.service_rows:
            for widget in (name, bar, point):
                self.services_grid.removeWidget(widget)
                widget.deleteLater()
        self.service_rows = []
        box = self.person_box
        for row, service in enumerate(spending.services):
            name = QLabel(service.description, box)
            name.setWordWrap(True)
            bar = SpendingBar(box)
            bar.setAccessibleName(f"How much of {service.description} is used")
            bar.set_amounts(service.used_pence, service.set_aside_pence)
            point = QLabel(service_point(service), box)
            point.setWordWrap(True)
            self.services_grid.addWidget(name, row, 0)
            self.services_grid.addWidget(bar, row, 1)
            self.services_grid.addWidget(point, row, 2)
            self.service_rows.append((name, bar, point))

    def _show_staff(self, spending: PlanSpending) -> None:
        staff = self.context.may(Action.RECORD_SPENDING)
        self.staff_box.setVisible(staff)
        if not staff:
            return
        hints = []
        if spending.held is None:
            hints.append("How the budget is held has not been recorded yet (a manager records it).")
        under = [s.description for s in spending.services if s.underspent]
        if under:
            hints.append(f"Under-used so far: {', '.join(under)}. Talk about it before the next review.")
        self.staff_hint.setText("\n".join(hints))
        self.staff_hint.setVisible(bool(hints))
        self.entries.setRowCount(len(spending.entries))
        for row, entry in enumerate(spending.entries):
            cells = (
                long_date(entry.spent_on),
                entry.service,
                format_money(entry.signed_pence),
                entry.supplier,
                entry_note(entry),
            )
            for column, text in enumerate(cells):
                self.entries.setItem(row, column, QTableWidgetItem(text))
        self.entries.setVisible(bool(spending.entries))
        rows = min(len(spending.entries), 8)
        height = self.entries.horizontalHeader().sizeHint().height() + 4
        height += sum(self.entries.rowHeight(r) for r in range(rows))
        self.entries.setFixedHeight(height)
        self.record_button.setEnabled(any(s.in_plan for s in spending.services))
        self.held_button.setVisible(self.context.may(Action.SET_BUDGET_HOLDING))
        self._selection_changed()

    def selected_entry(self) -> SpendingEntry | None:
        rows = self.entries.selectionModel().selectedRows()
        if self.shown is None or not rows:
            return None
        return self.shown.entries[rows[0].row()]

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.put_right_button.setEnabled(
            entry is not None and entry.reverses_id is None and entry.reversed_by_id is None
        )
        self.receipt_button.setEnabled(entry is not None and entry.receipt_kind is not None)

    # acting -----------------------------------------------------------------------------------

    def record(self) -> None:
        if self.shown is not None:
            self.dialogs.open(
                RecordSpendingDialog(self.context, self.shown, self), "spending", "recordSpending"
            )

    def put_right(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.dialogs.open(PutRightDialog(self.context, entry, self), "put right", "recordSpending")

    def set_held(self) -> None:
        if self.shown is not None:
            self.dialogs.open(BudgetHeldDialog(self.context, self.shown, self), "how held", "budgetHeld")

    def save_receipt(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.receipt_kind is not None:
            ReceiptSaver(self, self.context).save(entry.id, entry.receipt_kind)

    def _saved(self, _what: str, focus: str) -> None:
        if self.shown is not None:
            self.show_plan(self.shown.plan_id)
        self.changed.emit()
        button = self.findChild(QWidget, focus)
        if button is not None:
            button.setFocus()
