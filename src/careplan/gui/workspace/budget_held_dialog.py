"""How the money is held, and the budget's period: a manager's dialog on the Services and budget
page (form ui/budget_held.ui; the use case is ``set_budget_holding``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QRadioButton, QWidget

from careplan.domain.enums import BudgetHeld
from careplan.domain.errors import InvalidInput
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.forms.ui_budget_held import Ui_BudgetHeldDialog
from careplan.services.signed_in import SignedInStaff
from careplan.services.spending import set_budget_holding
from careplan.services.spending_view import PlanSpending


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class BudgetHeldDialog(FormDialog):
    """Held by the service, managed by a third party, or a direct payment; from and to."""

    def __init__(self, context: SignedInStaff, spending: PlanSpending, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._plan_id = spending.plan_id
        self.ui = Ui_BudgetHeldDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.intro.setText(
            "Record how this plan's money is held, and the period the budget is for (usually a year "
            "from the plan's approval). The person's page says it in plain words."
        )
        self.ways: dict[BudgetHeld, QRadioButton] = {
            BudgetHeld.SERVICE: ui.service,
            BudgetHeld.THIRD_PARTY: ui.thirdParty,
            BudgetHeld.DIRECT_PAYMENT: ui.directPayment,
        }
        if spending.held is not None:
            self.ways[spending.held].setChecked(True)
        ui.periodStart.setDate(_qdate(spending.period_start))
        ui.periodEnd.setDate(_qdate(spending.period_end))
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setMinimumHeight(40)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(40)
        self.set_up_form(
            ui.buttons,
            FieldProblems(
                ui.problem, {"held": ui.wayBox, "period_start": ui.periodStart, "period_end": ui.periodEnd}
            ),
        )

    def save_typed(self) -> object:
        chosen = next((way for way, button in self.ways.items() if button.isChecked()), None)
        if chosen is None:
            raise InvalidInput("Choose how the money is held.", "held")
        set_budget_holding(
            self._context.db,
            self._context.actor,
            self._plan_id,
            chosen,
            period_start=_day(self.ui.periodStart.date()),
            period_end=_day(self.ui.periodEnd.date()),
        )
        return chosen
