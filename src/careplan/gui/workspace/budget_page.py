"""Services and budget: how much money there is, how it was worked out, and what it buys.

Its layout is ``view`` (gui/workspace/budget_view.py); what pressing something does is
``changes`` (gui/workspace/budget_changes.py); the page shows the person's plan version in it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from careplan.domain.money import pounds_text
from careplan.domain.permissions import Action
from careplan.domain.wording.money import format_money
from careplan.domain.wording.statuses import frozen_because
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.allocations_model import AllocationsModel
from careplan.gui.workspace.budget_changes import BudgetChanges
from careplan.gui.workspace.budget_requests import ProposalRow, RequestActions
from careplan.gui.workspace.budget_view import BudgetView
from careplan.gui.workspace.page import WorkspacePage
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, VersionView, load_version, proposals_for

__all__ = ["AllocationsModel", "BudgetPage"]


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

    title = "Services and budget"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.setObjectName("budgetPage")
        self.view = BudgetView(self)
        self.changes = BudgetChanges(context, voice, self, self.view, self.reload)
        self.undo_stack = self.changes.undo_stack
        self.proposal_rows: list[ProposalRow] = []
        self.requests = RequestActions(
            context, voice, self, self.reload, lambda: self.person.preferred_name if self.person else ""
        )
        view, changes = self.view, self.changes
        view.working_toggle.toggled.connect(self._toggle_working)
        view.work_out_button.clicked.connect(changes.work_out_budget)
        view.agreed_edit.returnPressed.connect(changes.save_agreed)
        view.agreed_save.clicked.connect(changes.save_agreed)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        view.table.doubleClicked.connect(lambda _index: changes.change_selected())
        view.table.installEventFilter(self)
        view.choose_button.clicked.connect(lambda: changes.choose_service())
        view.change_button.clicked.connect(changes.change_selected)
        view.release_button.clicked.connect(changes.release_selected)
        view.propose_button.clicked.connect(changes.propose_service)

    @property
    def person(self) -> PersonView | None:
        return self.changes.person

    @property
    def version(self) -> VersionView | None:
        return self.changes.version

    def has_unsaved(self) -> bool:
        return self.changes.has_unsaved()

    def save_pending(self) -> None:
        self.changes.save_pending()

    # showing -----------------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        shown = self.changes
        same = (
            shown.version is not None
            and version is not None
            and shown.version.id == version.id
            and shown.person is not None
            and shown.person.id == person.id
        )
        keep_typed = self.view.agreed_edit.text() if same and shown.agreed_dirty() else None
        if not same:
            self.view.agreed_problem.hide()
        shown.person = person
        shown.version = version
        shown.proposals = proposals_for(self.context.db, self.context.actor, person.id)
        self._refresh(keep_typed)

    def reload(self) -> None:
        """Read the plan and requests again (after a change made here, or somewhere else)."""
        shown = self.changes
        if shown.person is None:
            return
        keep_typed = self.view.agreed_edit.text() if shown.agreed_dirty() else None
        db, actor = self.context.db, self.context.actor
        if shown.version is not None:
            shown.version = load_version(db, actor, shown.version.id)
        shown.proposals = proposals_for(db, actor, shown.person.id)
        self._refresh(keep_typed)

    def _refresh(self, keep_typed: str | None = None) -> None:
        version = self.changes.version
        self._show_notice(version)
        has_plan = version is not None
        self.view.budget_box.setVisible(has_plan)
        self.view.money_box.setVisible(has_plan)
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
        self.view.notice.setText(text)
        self.view.notice.setVisible(bool(text))

    def _show_indicative(self, version: VersionView) -> None:
        working = version.working or {}
        if version.indicative_pence is None:
            self.view.indicative_amount.setText("Not worked out yet")
            self.view.working_summary.setText("Answer a few questions together to work out the budget.")
            self.view.working_toggle.hide()
            self.view.working_toggle.setChecked(False)
            self.view.work_out_button.setText("Work out my budget")
        else:
            self.view.indicative_amount.setText(format_money(version.indicative_pence))
            self.view.working_summary.setText(str(working.get("summary", "")))
            self.view.working_toggle.setVisible(bool(working.get("lines")))
            self.view.work_out_button.setText("Work it out again")
        self.view.working_details.show_working(working)
        self.view.work_out_button.setVisible(self.changes.editable and self.context.may(Action.ASSESS_BUDGET))

    def _toggle_working(self, shown: bool) -> None:
        self.view.working_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.view.working_details.setVisible(shown)

    def _show_agreed(self, version: VersionView, keep_typed: str | None) -> None:
        can_edit = self.changes.editable and self.context.may(Action.SET_AGREED_BUDGET)
        if version.agreed_pence is None:
            self.view.agreed_now.setText("Not agreed yet")
        else:
            self.view.agreed_now.setText(format_money(version.agreed_pence))
        self.changes.agreed_shown = (
            pounds_text(version.agreed_pence) if version.agreed_pence is not None else ""
        )
        self.view.agreed_edit.setText(keep_typed if keep_typed is not None else self.changes.agreed_shown)
        self.view.agreed_edit.setVisible(can_edit)
        self.view.agreed_save.setVisible(can_edit)
        self.view.agreed_label.setText("&Agreed amount" if can_edit else "Agreed amount")
        hint = agreed_hint(
            version,
            person_name=self._person_name(),
            can_edit=can_edit,
            may_go_above=self.context.may(Action.SET_BUDGET_ABOVE_INDICATIVE),
        )
        self.view.agreed_hint.setText(hint)
        self.view.agreed_hint.setVisible(bool(hint))

    def _person_name(self) -> str:
        return self.changes.person.preferred_name if self.changes.person is not None else "the person"

    def _show_money(self, version: VersionView) -> None:
        limit = version.limit_pence
        allocated = version.allocated_pence
        remaining = version.remaining_pence
        if limit is None:
            self.view.limit_total.set("Not set yet", "Work out the budget first.")
        else:
            source = "the agreed amount" if version.agreed_pence is not None else "worked out from my answers"
            self.view.limit_total.set(format_money(limit), source)
        self.view.allocated_total.set(format_money(allocated), f"{len(version.allocations)} chosen")
        if remaining is None:
            self.view.remaining_total.set("—", "No budget yet.")
        elif remaining < 0:
            self.view.remaining_total.set(
                f"Over by {format_money(-remaining)}", "More is set aside than the budget."
            )
        else:
            self.view.remaining_total.set(format_money(remaining), "to choose services with")
        self.view.bar.set_amounts(allocated, limit)

        goals = {g.id: g.wording.body for g in version.goals}
        selected = self.view.selected_allocation()
        self.view.model.set_allocations(version.allocations, goals)
        if selected is not None and (row := self.view.model.row_of(selected.id)) is not None:
            self.view.table.selectRow(row)
        rows = self.view.model.rowCount()
        self.view.table.setVisible(rows > 0)
        self.view.empty_table.setVisible(rows == 0)
        self.view.table.resizeRowsToContents()
        height = self.view.table.horizontalHeader().sizeHint().height() + 4
        height += sum(self.view.table.rowHeight(r) for r in range(min(rows, 8)))
        self.view.table.setFixedHeight(max(height, self.fontMetrics().height() * 4))

        can_allocate = self.changes.editable and self.context.may(Action.ALLOCATE_BUDGET)
        self.view.choose_button.setText(
            "Choose a service" if can_allocate else "Look at the services on offer"
        )
        self.view.change_button.setVisible(can_allocate)
        self.view.release_button.setVisible(can_allocate)
        self._selection_changed()

    def _show_proposals(self) -> None:
        while self.view.proposals_layout.count():
            item = self.view.proposals_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.proposal_rows = []
        can_add = self.changes.editable and self.context.may(Action.ALLOCATE_BUDGET)
        for proposal in self.changes.proposals:
            in_plan = self.changes.in_plan(proposal)
            row = ProposalRow(proposal, in_plan, can_add, self.view.proposals_box, self.requests)
            if row.add_button is not None:
                row.add_button.clicked.connect(partial(self.changes.add_proposal, proposal.id))
            self.view.proposals_layout.addWidget(row)
            row.show()
            self.proposal_rows.append(row)
        self.view.proposals_empty.setVisible(not self.changes.proposals)
        self.view.propose_button.setVisible(self.context.may(Action.PROPOSE_SERVICE))

    # the allocations table ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keyboard in the table: Enter changes how many, Delete takes the service out (after asking).
        if (
            watched is self.view.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.selected_allocation():
                self.changes.change_selected()
                return True
            if event.key() == Qt.Key.Key_Delete and self.view.selected_allocation():
                self.changes.release_selected()
                return True
        return super().eventFilter(watched, event)

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.view.selected_allocation() is not None
        self.view.change_button.setEnabled(chosen)
        self.view.release_button.setEnabled(chosen)
