"""A manager decides a request for a service not in the catalogue. The form is ui/decide_request.ui:
yes (a one-off, or added to the catalogue with a price and unit), no with a reason the person will
read, or "tell us more" with a question for the person and key worker."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from careplan.domain.enums import ServiceUnit
from careplan.domain.money import parse_money, pounds_text
from careplan.domain.wording.units import price_words
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.dialogs.propose_service import UNIT_CHOICES
from careplan.gui.forms.ui_decide_request import Ui_DecideRequestDialog
from careplan.gui.theme import BUTTON_HEIGHT
from careplan.services.requests import Choice, Decision, decide_request
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import ProposalView

WORDS_LABELS = {
    Choice.YES: "&Anything to add (the person will read it)",
    Choice.YES_TO_CATALOGUE: "&Anything to add (the person will read it)",
    Choice.NO: "&Why not, in plain words (the person will read it)",
    Choice.ASK: "&What would you like to know? (the person and key worker will read it)",
}
SAVE_WORDS = {
    Choice.YES: "Say yes",
    Choice.YES_TO_CATALOGUE: "Say yes and add it",
    Choice.NO: "Say no",
    Choice.ASK: "Ask",
}


class DecideRequestDialog(FormDialog):
    """Runs ``decide_request``. Refusals show beside the field at fault; nothing typed is lost."""

    def __init__(
        self, context: SignedInStaff, proposal: ProposalView, person_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.proposal = proposal
        self.saved_text = ""
        self.ui = Ui_DecideRequestDialog()
        self.ui.setupUi(self)
        ui = self.ui
        asked = price_words(proposal.estimated_cost_pence, proposal.unit)
        ui.intro.setText(
            f"{person_name} asks for: {proposal.what}, at about {asked}.\n"
            f"Why: {proposal.why.body} ({proposal.why.author.label})"
        )
        decision = proposal.decision
        if decision is not None and decision.question and decision.answer is not None:
            ui.exchange.setText(
                f"{decision.asked_by or 'A manager'} asked: {decision.question}\n"
                f"The answer: {decision.answer.body} ({decision.answer.author.label})"
            )
        else:
            ui.exchange.hide()
        ui.yesChoice.setText(f"&Yes, as a one-off for {person_name}")
        self._choices = {
            Choice.YES: ui.yesChoice,
            Choice.YES_TO_CATALOGUE: ui.catalogueChoice,
            Choice.NO: ui.noChoice,
            Choice.ASK: ui.askChoice,
        }
        for button in self._choices.values():
            button.toggled.connect(self._choice_changed)
            button.setMinimumHeight(32)
        for unit, label in UNIT_CHOICES:
            ui.unit.addItem(label, unit)
        ui.unit.setCurrentIndex(max(0, ui.unit.findData(ServiceUnit(proposal.unit))))
        ui.price.setText(pounds_text(proposal.estimated_cost_pence))
        ui.provider.setText(proposal.who_might_provide or "")
        ui.words.setMaximumHeight(self.fontMetrics().height() * 6)
        for standard in QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel:
            ui.buttons.button(standard).setMinimumHeight(BUTTON_HEIGHT)
        self._choice_changed()
        self.set_up_form(
            ui.buttons,
            FieldProblems(
                ui.problem,
                {
                    "reason": (ui.words, ui.wordsProblem),
                    "price": (ui.price, ui.priceProblem),
                    "provider": (ui.provider, ui.providerProblem),
                    "what": ui.catalogueChoice,
                },
            ),
            typed=lambda: (ui.words.toPlainText(),),
        )

    @property
    def choice(self) -> Choice:
        return next(choice for choice, button in self._choices.items() if button.isChecked())

    def choose(self, choice: Choice) -> None:
        self._choices[choice].setChecked(True)

    def _choice_changed(self, *_args: object) -> None:
        ui, choice = self.ui, self.choice
        ui.wordsLabel.setText(WORDS_LABELS[choice])
        ui.words.setAccessibleName(WORDS_LABELS[choice].replace("&", ""))
        saying_yes = choice in (Choice.YES, Choice.YES_TO_CATALOGUE)
        ui.priceBox.setVisible(saying_yes)
        for widget in (ui.unitLabel, ui.unit, ui.providerLabel, ui.provider):
            widget.setVisible(choice is Choice.YES_TO_CATALOGUE)
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(SAVE_WORDS[choice])

    def save_typed(self) -> object:
        ui, choice = self.ui, self.choice
        saying_yes = choice in (Choice.YES, Choice.YES_TO_CATALOGUE)
        price = parse_money(ui.price.text(), field="price", allow_zero=False) if saying_yes else None
        to_catalogue = choice is Choice.YES_TO_CATALOGUE
        decision = Decision(
            choice,
            words=ui.words.toPlainText(),
            price=price,
            unit=ServiceUnit(ui.unit.currentData()) if to_catalogue else None,
            provider=ui.provider.text() if to_catalogue else None,
        )
        decide_request(self._context.db, self._context.actor, self.proposal.id, decision)
        self.saved_text = {
            Choice.YES: f"You said yes to {self.proposal.what}.",
            Choice.YES_TO_CATALOGUE: f"You said yes to {self.proposal.what}, and it is in the catalogue.",
            Choice.NO: f"You said no to {self.proposal.what}.",
            Choice.ASK: "Your question went back to the person and their key worker.",
        }[choice]
        return self.proposal.id
