"""Adding a new person: the form is ui/register_person.ui; the behaviour is here."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from careplan.domain.dates import parse_date
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.forms.ui_register_person import Ui_RegisterPersonDialog
from careplan.services import people
from careplan.services.signed_in import SignedInStaff


class RegisterPersonDialog(FormDialog):
    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.ui = Ui_RegisterPersonDialog()
        self.ui.setupUi(self)
        self.ui.contactHow.addItem("Not said yet", None)
        for way in people.CONTACT_WAYS:
            self.ui.contactHow.addItem(way.capitalize(), way)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Add this person")
        self.person_id: int | None = None
        self.set_up_form(self.ui.buttons, FieldProblems(self.ui.problem, self.fields()))

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "preferred_name": ui.preferredName,
            "full_name": ui.fullName,
            "date_of_birth": ui.dateOfBirth,
            "pronouns": ui.pronouns,
            "contact_details": ui.contactDetails,
        }

    def save_typed(self) -> object:
        """Refusals are shown in the dialog beside the form; nothing typed is cleared."""
        ui = self.ui
        details = people.PersonDetails(
            preferred_name=ui.preferredName.text(),
            full_name=ui.fullName.text() or ui.preferredName.text(),
            date_of_birth=parse_date(ui.dateOfBirth.text(), field="date_of_birth"),
            pronouns=ui.pronouns.text(),
            contact_how=ui.contactHow.currentData(),
            contact_details=ui.contactDetails.text(),
        )
        self.person_id = people.register_person(self._context.db, self._context.actor, details)
        return self.person_id
