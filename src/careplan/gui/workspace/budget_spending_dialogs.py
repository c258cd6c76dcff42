"""Recording spending, and putting an entry right: the two staff dialogs of the spending section
(forms ui/record_spending.ui and ui/put_right_spending.ui)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from careplan.domain.errors import InvalidInput
from careplan.domain.money import parse_money
from careplan.domain.permissions import Action
from careplan.domain.records import MAX_RECEIPT_BYTES
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.gui.default_folder import default_folder
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.forms.ui_put_right_spending import Ui_PutRightSpendingDialog
from careplan.gui.forms.ui_record_spending import Ui_RecordSpendingDialog
from careplan.services.chosen_files import read_chosen
from careplan.services.signed_in import SignedInStaff
from careplan.services.spending import SpendingInput, record_spending, reverse_spending
from careplan.services.spending_view import PlanSpending, SpendingEntry

NO_RECEIPT = "None chosen (PDF or picture, 2 MB at most)"


class RecordSpendingDialog(FormDialog):
    """A purchase or payment against one chosen service (``record_spending``)."""

    def __init__(self, context: SignedInStaff, spending: PlanSpending, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._plan_id = spending.plan_id
        self.receipt_path: Path | None = None
        self.ui = Ui_RecordSpendingDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.intro.setText(
            f"The budget is for {long_date(spending.period_start)} to {long_date(spending.period_end)}. "
            "An entry is never changed afterwards: a mistake is put right with its own entry."
        )
        for service in spending.services:
            if service.in_plan:
                ui.service.addItem(
                    f"{service.description} ({format_money(service.left_pence)} left)", service.allocation_id
                )
        today = spending.today
        ui.spentOn.setMaximumDate(QDate(today.year, today.month, today.day))
        start = spending.period_start
        ui.spentOn.setMinimumDate(QDate(start.year, start.month, start.day))
        ui.spentOn.setDate(QDate(today.year, today.month, today.day))
        managers = context.may(Action.AGREE_OVERSPEND)
        ui.agreementLabel.setVisible(managers)
        ui.agreement.setVisible(managers)
        ui.agreement.setMaximumHeight(self.fontMetrics().height() * 4)
        ui.receiptButton.clicked.connect(self.choose_receipt)
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Record it")
        save.setMinimumHeight(40)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(40)
        self.set_up_form(
            ui.buttons,
            FieldProblems(ui.problem, self.fields(), select_text=True),
            typed=lambda: (ui.supplier.text(), ui.whatFor.text(), ui.agreement.toPlainText()),
        )

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "service": ui.service,
            "amount": ui.amount,
            "date": ui.spentOn,
            "supplier": ui.supplier,
            "what_for": ui.whatFor,
            "reference": ui.reference,
            "receipt": ui.receiptButton,
            "agreement": ui.agreement,
        }

    def choose_receipt(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Choose the receipt",
            str(default_folder()),
            "Receipts (*.pdf *.png *.jpg *.jpeg);;All files (*)",
        )
        if chosen:
            self.set_receipt(Path(chosen))

    def set_receipt(self, path: Path | None) -> None:
        self.receipt_path = path
        self.ui.receiptChosen.setText(path.name if path is not None else NO_RECEIPT)

    def save_typed(self) -> object:
        ui = self.ui
        if ui.service.currentIndex() < 0:
            raise InvalidInput("Choose the service it was for.", "service")
        amount = parse_money(ui.amount.text(), field="amount", allow_zero=False)
        day = ui.spentOn.date()
        receipt = (
            read_chosen(self.receipt_path, kind="a receipt", limit=MAX_RECEIPT_BYTES)
            if self.receipt_path is not None
            else None
        )
        return record_spending(
            self._context.db,
            self._context.actor,
            self._plan_id,
            SpendingInput(
                allocation_id=int(ui.service.currentData()),
                amount=amount,
                spent_on=date(day.year(), day.month(), day.day()),
                supplier=ui.supplier.text(),
                reference=ui.reference.text(),
                what_for=ui.whatFor.text(),
                receipt=receipt,
                agreement=ui.agreement.toPlainText() if ui.agreement.isVisible() else None,
            ),
        )


class PutRightDialog(FormDialog):
    """Reverses one entry with a reason (``reverse_spending``)."""

    def __init__(self, context: SignedInStaff, entry: SpendingEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._entry_id = entry.id
        self.ui = Ui_PutRightSpendingDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.intro.setText(
            f"{format_money(entry.amount_pence)} to {entry.supplier} on {long_date(entry.spent_on)} for "
            f"{entry.service}. Putting it right records the same amount back, with your reason; "
            "the entry itself stays, as it was."
        )
        ui.reason.setMaximumHeight(self.fontMetrics().height() * 5)
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Put it right")
        save.setMinimumHeight(40)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(40)
        self.set_up_form(
            ui.buttons,
            FieldProblems(ui.problem, {"reason": ui.reason}),
            typed=lambda: (ui.reason.toPlainText(),),
        )

    def save_typed(self) -> object:
        return reverse_spending(
            self._context.db, self._context.actor, self._entry_id, self.ui.reason.toPlainText()
        )
