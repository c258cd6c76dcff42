"""Asking for something the catalogue does not have. The form is ui/propose_service.ui."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from careplan.domain.actor import PERSON, STAFF, Voice
from careplan.domain.enums import AuthorKind, ServiceUnit
from careplan.domain.money import parse_money
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.forms.ui_propose_service import Ui_ProposeServiceDialog
from careplan.services import catalogue
from careplan.services.signed_in import SignedInStaff

UNIT_CHOICES = (
    (ServiceUnit.SESSION, "By the session"),
    (ServiceUnit.HOUR, "By the hour"),
    (ServiceUnit.WEEK, "By the week"),
    (ServiceUnit.ITEM, "Once, for one thing"),
    (ServiceUnit.COURSE, "By the course"),
)
COST_LABELS = {
    ServiceUnit.SESSION: "About how much for &one session?",
    ServiceUnit.HOUR: "About how much for &one hour?",
    ServiceUnit.WEEK: "About how much for &one week?",
    ServiceUnit.ITEM: "About how much for &one?",
    ServiceUnit.COURSE: "About how much for &one course?",
}


class ProposeServiceDialog(FormDialog):
    """Sends a request to a manager (``propose_service``). Refusals show here; nothing typed is lost."""

    def __init__(
        self,
        context: SignedInStaff,
        person_id: int,
        person_name: str,
        voice: Voice,
        *,
        plan_id: int | None = None,
        categories: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._person_id = person_id
        self._person_name = person_name
        self._plan_id = plan_id
        self.proposal_id: int | None = None
        self.saved_text = ""
        self.ui = Ui_ProposeServiceDialog()
        self.ui.setupUi(self)
        ui = self.ui
        for unit, label in UNIT_CHOICES:
            ui.unit.addItem(label, unit)
        ui.unit.currentIndexChanged.connect(self._unit_changed)
        ui.category.addItems(sorted(set(categories or [])))
        ui.category.setCurrentIndex(-1)
        ui.category.setEditText("")
        line = ui.category.lineEdit()
        if line is not None:
            line.setPlaceholderText("choose one, or type your own")
        ui.personVoice.setText(f"{person_name}'s words")
        ui.personVoice.setAccessibleName(f"{person_name}'s own words")
        ui.staffVoice.setText(f"{context.staff_name}'s words")
        ui.staffVoice.setAccessibleName(f"{context.staff_name}'s words")
        (ui.personVoice if voice.kind is AuthorKind.PERSON else ui.staffVoice).setChecked(True)
        ui.personVoice.toggled.connect(self._voice_changed)
        ui.why.setMaximumHeight(self.fontMetrics().height() * 6)
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Send to a manager")
        save.setMinimumHeight(40)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(40)
        self._unit_changed()
        self._voice_changed()
        self.set_up_form(ui.buttons, FieldProblems(ui.problem, self.fields()))

    @property
    def voice(self) -> Voice:
        return PERSON if self.ui.personVoice.isChecked() else STAFF

    def _voice_changed(self, *_args: object) -> None:
        ui = self.ui
        if self.voice.kind is AuthorKind.PERSON:
            ui.whyLabel.setText("W&hy it matters to me")
            ui.why.setAccessibleName("Why it matters to me")
            ui.why.setPlaceholderText(f"In {self._person_name}'s own words")
        else:
            ui.whyLabel.setText(f"W&hy it matters ({self._context.staff_name}'s words)")
            ui.why.setAccessibleName(f"Why it matters, in {self._context.staff_name}'s words")
            ui.why.setPlaceholderText(f"In {self._context.staff_name}'s words")

    def _unit_changed(self, *_args: object) -> None:
        unit = self.ui.unit.currentData()
        self.ui.costLabel.setText(COST_LABELS.get(unit, "About how much for &one?"))

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "what": ui.what,
            "category": ui.category,
            "estimated_cost": ui.cost,
            "why": ui.why,
            "unit": ui.unit,
        }

    def save_typed(self) -> object:
        ui = self.ui
        cost = parse_money(ui.cost.text(), field="estimated_cost", allow_zero=False)
        self.proposal_id = catalogue.propose_service(
            self._context.db,
            self._context.actor,
            self._person_id,
            catalogue.ProposalInput(
                what=ui.what.text(),
                category=ui.category.currentText(),
                unit=ServiceUnit(ui.unit.currentData()),
                estimated_cost=cost,
                why=ui.why.toPlainText(),
                why_voice=self.voice,
                who_might_provide=ui.provider.text() or None,
            ),
            plan_id=self._plan_id,
        )
        self.saved_text = f"Request sent to a manager: {' '.join(ui.what.text().split())}"
        return self.proposal_id
