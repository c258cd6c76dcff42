"""Recording what a person agrees to share, and that they stopped agreeing. The forms are
ui/record_consent.ui and ui/withdraw_consent.ui; problems show beside the field, nothing typed
is lost."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from careplan.domain.dates import parse_date
from careplan.domain.errors import CareplanError
from careplan.domain.wording.dates import typed_date
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.forms.ui_record_consent import Ui_RecordConsentDialog
from careplan.gui.forms.ui_withdraw_consent import Ui_WithdrawConsentDialog
from careplan.services import consent
from careplan.services.consent import ConsentView
from careplan.services.signed_in import SignedInStaff


def _today() -> date:
    return datetime.now(UTC).date()


def _roomy(buttons: QDialogButtonBox, save_text: str) -> None:
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(save_text)
    for button in (save, buttons.button(QDialogButtonBox.StandardButton.Cancel)):
        button.setMinimumHeight(40)


class RecordConsentDialog(FormDialog):
    """Records a new consent (``record_consent``)."""

    def __init__(
        self, context: SignedInStaff, person_id: int, person_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._person_id = person_id
        self.consent_id: int | None = None
        self.ui = Ui_RecordConsentDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.intro.setText(f"Write down what {person_name} agrees we may share, and who with.")
        ui.givenOn.setText(typed_date(_today()))
        _roomy(ui.buttons, "Save")
        problems = FieldProblems(
            ui.problem,
            {
                "what": (ui.what, ui.whatProblem),
                "with_whom": (ui.withWhom, ui.withWhomProblem),
                "given_on": (ui.givenOn, ui.givenOnProblem),
            },
        )
        self.set_up_form(ui.buttons, problems)
        ui.what.setFocus()

    def save_typed(self) -> object:
        ui = self.ui
        given_on = parse_date(ui.givenOn.text(), field="given_on", required=True)
        assert given_on is not None
        self.consent_id = consent.record_consent(
            self._context.db,
            self._context.actor,
            self._person_id,
            ui.what.text(),
            ui.withWhom.text(),
            given_on,
        )
        return self.consent_id

    def refused(self, exc: CareplanError) -> None:
        super().refused(exc)
        self.adjustSize()


class WithdrawConsentDialog(FormDialog):
    """Records that the person stopped agreeing (``withdraw_consent``), from a given day."""

    def __init__(self, context: SignedInStaff, row: ConsentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._consent_id = row.id
        self.ui = Ui_WithdrawConsentDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.intro.setText(
            f"Stop sharing “{row.what}” with {row.with_whom}?\n"
            "From the day below, nothing more of it is shared."
        )
        ui.withdrawnOn.setText(typed_date(_today()))
        _roomy(ui.buttons, "Stop sharing")
        self.set_up_form(ui.buttons, FieldProblems(ui.problem, {"withdrawn_on": ui.withdrawnOn}))

    def save_typed(self) -> object:
        withdrawn_on = parse_date(self.ui.withdrawnOn.text(), field="withdrawn_on", required=True)
        assert withdrawn_on is not None
        consent.withdraw_consent(self._context.db, self._context.actor, self._consent_id, withdrawn_on)
        return None

    def refused(self, exc: CareplanError) -> None:
        self.problems.show(exc, "withdrawn_on")  # the day is the one thing to put right here
        self.adjustSize()
