"""Writing the staying-safe plan: one part's words (with, for overdose risk and naloxone, a choice of
plain words first; ui/staying_safe_words.ui), or someone to call (ui/safety_contact.ui).

As in the goal and step dialogs, new words are saved in the voice chosen now, which can be switched
without closing (F4); words left as they were keep whose words they are; a refusal is shown beside
the field at fault, and nothing typed is lost unknowingly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QButtonGroup, QDialogButtonBox, QRadioButton, QWidget

from careplan.domain.actor import Voice
from careplan.domain.errors import ConflictError
from careplan.gui.dialogs.form_dialog import Field, FieldProblems
from careplan.gui.dialogs.writing_dialog import Writers, WritingAs, WritingDialog
from careplan.gui.forms.ui_safety_contact import Ui_SafetyContactDialog
from careplan.gui.forms.ui_staying_safe_words import Ui_StayingSafeWordsDialog
from careplan.gui.theme import BUTTON_HEIGHT
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.services.staying_safe import ContactInput
from careplan.services.staying_safe_view import ContactView


class Words(Protocol):
    """Words already written (a TextView, or a review's Said)."""

    @property
    def body(self) -> str: ...


@dataclass(frozen=True)
class PartForm:
    """What the words dialog asks for: its title and words, the field names refusals use, and (for
    overdose risk and naloxone) the plain words to choose from, by value."""

    title: str
    intro: str
    words_label: str
    words_field: str
    words: Words | None
    choices: Mapping[str, str] | None = None
    chosen: str | None = None
    choice_field: str = ""


def _save_keys(dialog: WritingDialog, buttons: QDialogButtonBox, text: str) -> None:
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.setText(text)
    save_button.setToolTip(f"{text} (Ctrl+Enter)")
    for button in (save_button, buttons.button(QDialogButtonBox.StandardButton.Cancel)):
        button.setMinimumHeight(BUTTON_HEIGHT)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog).activated.connect(dialog.save)


class StayingSafeWordsDialog(WritingDialog):
    """One part of the staying-safe plan. ``save(choice, words, voice)`` runs its use case."""

    def __init__(
        self,
        *,
        voice: VoiceSwitch,
        writers: Writers,
        form: PartForm,
        save: Callable[[str | None, str, Voice], object],
        on_conflict: Callable[[ConflictError], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_conflict, parent)
        self._voice = voice
        self._save = save
        self.form = form
        self.ui = Ui_StayingSafeWordsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(form.title)
        self.writing_as = WritingAs(self, ui.voiceRow, ui.voiceLabel, ui.switchVoice, voice, writers)
        ui.intro.setText(form.intro)
        ui.wordsLabel.setText(form.words_label)
        ui.words.setAccessibleName(form.words_label.replace("&", ""))
        line = ui.words.fontMetrics().lineSpacing()
        ui.words.setMinimumHeight(line * 4 + 12)
        ui.words.setPlainText(form.words.body if form.words else "")
        ui.words.moveCursor(QTextCursor.MoveOperation.End)
        self.choice_group = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        fields: dict[str, Field] = {form.words_field: (ui.words, ui.wordsProblem)}
        if form.choices:
            for value, words in form.choices.items():
                radio = QRadioButton(words, ui.choices)
                radio.setMinimumHeight(BUTTON_HEIGHT)
                radio.setChecked(value == form.chosen)
                self.choice_group.addButton(radio)
                ui.choicesLayout.addWidget(radio)
                self.choice_buttons[value] = radio
            radios = list(self.choice_buttons.values())
            fields[form.choice_field] = (radios[0], ui.choicesProblem)
            # Tab: the choices (arrow keys move between them), then the words.
            for before, after in zip(radios, [*radios[1:], ui.words], strict=True):
                self.setTabOrder(before, after)
            (self.checked_button() or radios[0]).setFocus()
        else:
            ui.choices.hide()
            ui.words.setFocus()
        problems = FieldProblems(ui.problem, fields)
        _save_keys(self, ui.buttons, "Save")
        self.set_up_form(ui.buttons, problems, typed=lambda: (ui.words.toPlainText(), str(self.choice())))

    def checked_button(self) -> QRadioButton | None:
        return next((b for b in self.choice_buttons.values() if b.isChecked()), None)

    def choice(self) -> str | None:
        return next((value for value, b in self.choice_buttons.items() if b.isChecked()), None)

    def save_typed(self) -> object:
        return self._save(self.choice(), self.ui.words.toPlainText(), self._voice.voice)


class SafetyContactDialog(WritingDialog):
    """Add or change someone to call. ``save`` runs the use case with a ContactInput."""

    def __init__(
        self,
        *,
        voice: VoiceSwitch,
        writers: Writers,
        save: Callable[[ContactInput], object],
        on_conflict: Callable[[ConflictError], None],
        contact: ContactView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_conflict, parent)
        self._voice = voice
        self._save = save
        self.contact = contact
        self.ui = Ui_SafetyContactDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.writing_as = WritingAs(self, ui.voiceRow, ui.voiceLabel, ui.switchVoice, voice, writers)
        if contact is None:
            self.setWindowTitle("Add someone to call")
        else:
            self.setWindowTitle("Change someone to call")
            ui.name.setText(contact.name.body)
            ui.phone.setText(contact.phone)
        problems = FieldProblems(
            ui.problem,
            {"contact_name": (ui.name, ui.nameProblem), "contact_phone": (ui.phone, ui.phoneProblem)},
            select_text=True,
        )
        _save_keys(self, ui.buttons, "Save")
        ui.name.setFocus()
        self.set_up_form(ui.buttons, problems, typed=lambda: (ui.name.text(), ui.phone.text()))

    def save_typed(self) -> object:
        return self._save(ContactInput(self.ui.name.text(), self.ui.phone.text(), self._voice.voice))
