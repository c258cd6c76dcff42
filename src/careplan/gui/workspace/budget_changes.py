"""The changes made on the Services and budget page, each through ``careplan.services.budget``.

The agreed amount typed on the page, working the budget out (the questionnaire), choosing a
service and changing or releasing one, and asking for something not in the list. Every change
carries the plan revision it was made from; once saved, a budget change can be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from careplan.domain.enums import ProposalStatus
from careplan.domain.errors import CareplanError, ConflictError
from careplan.domain.money import parse_money, pounds_text, to_pence
from careplan.domain.permissions import Action
from careplan.domain.wording.money import format_money
from careplan.gui.dialogs.budget_questionnaire import BudgetQuestionnaireDialog
from careplan.gui.dialogs.propose_service import ProposeServiceDialog
from careplan.gui.dialogs.service_choices import Choice
from careplan.gui.dialogs.service_picker import ServicePickerDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.budget_undo import BudgetChange, BudgetState, describe_change, put_back
from careplan.gui.workspace.budget_view import BudgetView
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.page import WorkspacePage
from careplan.services import budget
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import (
    AllocationView,
    PersonView,
    ProposalView,
    VersionView,
    catalogue_entries,
)


class BudgetChanges:
    """What the budget page does when something is pressed.

    It keeps what the page shows (``person``, ``version``, ``proposals``, read again by
    ``reload``) and the dialogs it opened; ``refresh(keep_typed)`` redraws the page from them.
    """

    def __init__(
        self,
        context: SignedInStaff,
        voice: VoiceSwitch,
        page: WorkspacePage,
        view: BudgetView,
        reload: Callable[[], None],
    ) -> None:
        self.context = context
        self.voice = voice
        self._page = page
        self._view = view
        self._reload = reload
        self.person: PersonView | None = None
        self.version: VersionView | None = None
        self.proposals: list[ProposalView] = []
        self.picker: ServicePickerDialog | None = None
        self.questionnaire_dialog: BudgetQuestionnaireDialog | None = None
        self.propose_dialog: ProposeServiceDialog | None = None
        self.release_box: QMessageBox | None = None
        self.release_button: QAbstractButton | None = None
        self.agreed_shown = ""  # the agreed amount as last shown (typing differs from it: unsaved)
        self._feedback = Feedback(page, page.saved.emit, self._conflict)
        self.undo_stack = QUndoStack(page)

    @property
    def editable(self) -> bool:
        return self.version is not None and not self.version.frozen

    def in_plan(self, proposal: ProposalView) -> bool:
        version = self.version
        return version is not None and any(a.proposal_id == proposal.id for a in version.allocations)

    # the agreed amount -------------------------------------------------------------------------

    def agreed_dirty(self) -> bool:
        """Typed but not saved: "£1,000" and "1000.00" are the same amount, so that is not a change."""
        if self.version is None or not self.editable or not self.context.may(Action.SET_AGREED_BUDGET):
            return False
        typed = self._view.agreed_edit.text().strip()
        if typed == self.agreed_shown:
            return False
        try:
            return pounds_text(to_pence(parse_money(typed))) != self.agreed_shown
        except CareplanError:
            return True

    def has_unsaved(self) -> bool:
        return self.agreed_dirty()

    def save_pending(self) -> None:
        """Before leaving: save a typed agreed amount; if it cannot be saved, say so (it would be lost)."""
        if self.agreed_dirty() and not self.save_agreed():
            QMessageBox.information(
                self._page,
                "Agreed amount not saved",
                f"The agreed amount you typed was not saved.\n\n{self._view.agreed_problem.text()}",
            )

    def save_agreed(self) -> bool:
        """Save the typed agreed amount. A refusal is shown under the field; the text stays."""
        version = self.version
        if version is None or not self.editable:
            return False
        self._view.agreed_problem.hide()
        try:
            amount = parse_money(self._view.agreed_edit.text(), field="agreed_budget")
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
        self.agreed_shown = pounds_text(pence)
        self._view.agreed_edit.setText(self.agreed_shown)
        self._after_change(f"Agreed amount saved: {format_money(pence)}")
        return True

    def _show_agreed_problem(self, text: str) -> None:
        self._view.agreed_problem.setText(text)
        self._view.agreed_problem.show()
        self._view.agreed_edit.setFocus()

    # changes -----------------------------------------------------------------------------------

    def _after_change(self, text: str) -> None:
        before = BudgetState.of(self.version) if self.version is not None else None
        self._reload()
        if text:
            self._page.saved.emit(text)
        self._remember(before)
        self._page.changed.emit()

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
            self._reload()
            self._page.changed.emit()
        return ok

    def _conflict(self) -> None:
        self._reload()
        self._page.conflict.emit()

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
            QMessageBox.information(self._page, "Cannot work out the budget", exc.message)
            return
        dialog = BudgetQuestionnaireDialog(
            self.context, version, questionnaire, reload_version=self._fresh_version, parent=self._page
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
            and not self.in_plan(p)
        ]
        return [Choice.from_entry(e) for e in entries] + approved

    def choose_service(self, preselect: Choice | None = None) -> None:
        dialog = ServicePickerDialog(
            self.context,
            self.version,
            self._choices(),
            reload_version=self._fresh_version,
            preselect=preselect,
            parent=self._page,
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
        allocation = self._view.selected_allocation()
        if allocation is None or not self.editable or not self.context.may(Action.ALLOCATE_BUDGET):
            return
        dialog = ServicePickerDialog(
            self.context,
            self.version,
            [],
            reload_version=self._fresh_version,
            allocation=allocation,
            parent=self._page,
        )
        self._replace("picker", dialog)
        dialog.accepted.connect(lambda: self._after_change(dialog.saved_text))
        dialog.open()
        dialog.ui.quantity.setFocus()
        dialog.ui.quantity.selectAll()

    def release_selected(self) -> None:
        allocation = self._view.selected_allocation()
        if allocation is None or not self.editable or not self.context.may(Action.ALLOCATE_BUDGET):
            return
        box = QMessageBox(self._page)
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
        self.release_button = take
        box.buttonClicked.connect(partial(self.release_answered, allocation))
        box.open()

    def release_answered(self, allocation: AllocationView, button: QAbstractButton) -> None:
        version = self.version
        if button is not self.release_button or version is None:
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
            parent=self._page,
        )
        self._replace("propose_dialog", dialog)
        dialog.accepted.connect(lambda: self._after_change(dialog.saved_text))
        dialog.open()

    def _replace(self, attribute: str, widget: QWidget) -> None:
        old = getattr(self, attribute)
        if old is not None:
            old.deleteLater()
        setattr(self, attribute, widget)
