"""Three dialogs of reviews: scores for the items of one outcome measure (the life areas, or one
the service loaded: each item with its own range and kind, a yes/no answered "yes" or "no") in
the voice of whoever is scoring (ui/review_scores.ui), the person confirming the review's record
by a typed name or a drawn signature (ui/confirm_review.ui), and a key worker bringing a review forward
(ui/bring_forward.ui). The words dialogs of a review (notes, how a goal is going, how it ends,
asking for one) are the words-and-choices dialog of gui/dialogs/staying_safe_dialogs.py.

A score the person has given is shown and cannot be changed here (the use case refuses it too):
the worker gives their own score beside it.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut, QValidator
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QSpinBox, QWidget

from careplan.domain.actor import Voice
from careplan.domain.enums import AuthorKind, SignatureMethod
from careplan.domain.errors import ConflictError
from careplan.domain.measures import ItemKind, Measure, MeasureItem
from careplan.domain.wording.dates import long_date
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.dialogs.sign_dialog import first_name
from careplan.gui.dialogs.writing_dialog import Writers, WritingAs, WritingDialog
from careplan.gui.forms.ui_bring_forward import Ui_BringForwardDialog
from careplan.gui.forms.ui_confirm_review import Ui_ConfirmReviewDialog
from careplan.gui.forms.ui_review_scores import Ui_ReviewScoresDialog
from careplan.gui.theme import BUTTON_HEIGHT
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.services.reviews_ending import Confirmation

NOT_SCORED = "not scored"
Given = Mapping[str, Mapping[AuthorKind, int]]  # item code -> voice -> the score given


class AnswerBox(QSpinBox):
    """One item's answer: a whole number in the item's range, or for a yes/no item "no" (0) or
    "yes" (1), typed or stepped with the arrow keys; one below the range is "not scored"."""

    def __init__(self, item: MeasureItem, parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        self._words = {item.words(v): v for v in range(item.low, item.high + 1)}
        self._words[NOT_SCORED] = item.low - 1
        self.setObjectName(f"score_{item.code}")
        self.setRange(item.low - 1, item.high)
        self.setSpecialValueText(NOT_SCORED)
        self.setMinimumHeight(BUTTON_HEIGHT)
        self.setMinimumWidth(140)
        self.setAccessibleName(f"{item.question}, {ends_words(item)}")

    def textFromValue(self, value: int) -> str:
        return NOT_SCORED if value < self.item.low else self.item.words(value)

    def valueFromText(self, text: str) -> int:
        typed = text.strip().lower()
        if typed in self._words:
            return self._words[typed]
        return int(typed) if typed.lstrip("-").isdigit() else self.minimum()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        typed = text.strip().lower()
        if self.item.kind is not ItemKind.YES_NO:
            return super().validate(text, pos)
        if typed in self._words:
            return QValidator.State.Acceptable, text, pos
        if any(words.startswith(typed) for words in self._words):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


def ends_words(item: MeasureItem) -> str:
    """ "yes or no", "0 to 28", "1 (really hard right now) to 10 (going really well)"."""
    if item.kind is ItemKind.YES_NO:
        return "yes or no"
    low = f"{item.low} ({item.low_words})" if item.low_words else str(item.low)
    high = f"{item.high} ({item.high_words})" if item.high_words else str(item.high)
    return f"{low} to {high}"


class ScoresDialog(WritingDialog):
    """Scores for the items of ``measure``, saved in the voice chosen now (F4 switches). Each item
    starts at "not scored"; only the items scored are saved. ``save(values, voice)``."""

    def __init__(
        self,
        *,
        voice: VoiceSwitch,
        writers: Writers,
        measure: Measure,
        given: Given,
        save: Callable[[dict[str, int], Voice], object],
        on_conflict: Callable[[ConflictError], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_conflict, parent)
        self._voice = voice
        self._save = save
        self.given = given
        self.ui = Ui_ReviewScoresDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(f"Scores: {measure.name}")
        self.writing_as = WritingAs(self, ui.voiceRow, ui.voiceLabel, ui.switchVoice, voice, writers)
        self.measure = measure
        self.boxes: dict[str, AnswerBox] = {}
        for row, item in enumerate(measure.items):
            label = QLabel(item.question, ui.scoresBox)
            label.setWordWrap(True)
            box = AnswerBox(item, ui.scoresBox)
            label.setBuddy(box)
            ends = QLabel(ends_words(item), ui.scoresBox)
            ends.setWordWrap(True)
            ends.setProperty("role", "quiet")
            ui.scoresGrid.addWidget(label, row, 0)
            ui.scoresGrid.addWidget(box, row, 1)
            ui.scoresGrid.addWidget(ends, row, 2)
            self.boxes[item.code] = box
        ui.scoresGrid.setColumnStretch(0, 1)
        boxes = list(self.boxes.values())
        for before, after in itertools.pairwise(boxes):
            self.setTabOrder(before, after)
        voice.voice_changed.connect(self._show_given)
        self._show_given()
        problems = FieldProblems(ui.problem, {"values": (ui.scoresArea, ui.scoresProblem)})
        save_button = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText("Save the scores")
        for button in (save_button, ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)):
            button.setMinimumHeight(BUTTON_HEIGHT)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        if boxes:
            boxes[0].setFocus()
        self.resize(680, 620)
        self.set_up_form(ui.buttons, problems, typed=lambda: tuple(str(v) for v in self.values().values()))

    def _show_given(self, *_args: object) -> None:
        """Start from the scores this voice has given already (the person's stay as given)."""
        kind = self._voice.voice.kind
        name = "person" if kind is AuthorKind.PERSON else "worker"
        self.ui.intro.setText(
            f"{self.measure.name}: the {name}'s answers. Choose one for each question, or leave it "
            f"as “{NOT_SCORED}”. The person's answers and the worker's are kept apart, side by side."
        )
        for code, box in self.boxes.items():
            value = self.given.get(code, {}).get(kind)
            box.setValue(value if value is not None else box.minimum())

    def values(self) -> dict[str, int]:
        return {code: box.value() for code, box in self.boxes.items() if box.value() >= box.minimum() + 1}

    def save_typed(self) -> object:
        return self._save(self.values(), self._voice.voice)

    def closing(self) -> None:
        super().closing()
        with contextlib.suppress(RuntimeError, TypeError):  # already gone
            self._voice.voice_changed.disconnect(self._show_given)


TYPE_HOW = "Type your name and tick the box. Or draw a signature instead."
DRAW_HOW = "Sign here with your finger, a pen or the mouse. Or type your name instead."


class ConfirmReviewDialog(FormDialog):
    """The person confirms what the review says, as they sign their plan: a typed name with a
    tick, or a drawn signature. ``save(confirmation)`` runs the use case."""

    def __init__(
        self,
        *,
        person_name: str,
        staff_name: str,
        save: Callable[[Confirmation], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.ui = Ui_ConfirmReviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        person = first_name(person_name)
        self.setWindowTitle(f"{person} confirms the review")
        ui.intro.setText(
            f"{person}, this is the review you held with {first_name(staff_name)}. If it says what you "
            "both said, confirm it. If not, choose Not now: nothing is confirmed."
        )
        ui.confirmButton.setAccessibleName(f"Confirm the review as {person_name}")
        ui.typedName.setText(person_name)
        ui.typedName.selectAll()
        ui.drawInstead.clicked.connect(self.use_drawing)
        ui.typeInstead.clicked.connect(self.use_typed_name)
        ui.clearButton.clicked.connect(ui.pad.clear)
        problems = FieldProblems(
            ui.problem,
            {
                "signature": (ui.pad, ui.padProblem),
                "typed_name": (ui.typedName, ui.typedNameProblem),
                "confirmed": (ui.confirmed, ui.confirmedProblem),
            },
            select_text=True,
        )
        self.set_up_form((ui.confirmButton, ui.notNow), problems)
        self.use_typed_name()

    @property
    def typing(self) -> bool:
        return self.ui.ways.currentWidget() is self.ui.typePage

    def use_typed_name(self) -> None:
        self.ui.ways.setCurrentWidget(self.ui.typePage)
        self.ui.how.setText(TYPE_HOW)
        self.ui.typedName.setFocus()

    def use_drawing(self) -> None:
        self.ui.ways.setCurrentWidget(self.ui.drawPage)
        self.ui.how.setText(DRAW_HOW)
        # The pad needs more room than the typed name: grow, so that the buttons are not laid over
        # it (seen at 2x on a small screen, where the dialog opened only as tall as it had to be).
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else 0
        if needed > self.height():
            self.resize(self.width(), needed)
        self.ui.pad.setFocus()

    def confirmation(self) -> Confirmation:
        if self.typing:
            return Confirmation(
                SignatureMethod.TYPED,
                typed_name=self.ui.typedName.text(),
                confirmed=self.ui.confirmed.isChecked(),
            )
        return Confirmation(SignatureMethod.DRAWN, strokes=self.ui.pad.strokes())

    def save_typed(self) -> object:
        return self._save(self.confirmation())


class BringForwardDialog(FormDialog):
    """A key worker brings a booked review forward to an earlier day, saying why (in their own
    words: the reason is always the worker's). ``save(new_due, reason)`` runs the use case."""

    def __init__(
        self,
        *,
        due: date,
        today: date,
        staff_name: str,
        save: Callable[[date, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.ui = Ui_BringForwardDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.intro.setText(
            f"The review is booked for {long_date(due)}. Choose an earlier day, and say why. "
            f"The reason is saved as {staff_name}'s words."
        )
        ui.newDue.setDisplayFormat("d MMMM yyyy")
        ui.newDue.setDate(QDate(today.year, today.month, today.day))
        ui.reason.setMinimumHeight(ui.reason.fontMetrics().lineSpacing() * 3 + 12)
        problems = FieldProblems(
            ui.problem,
            {"new_due": (ui.newDue, ui.newDueProblem), "reason": (ui.reason, ui.reasonProblem)},
        )
        save_button = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText("Bring it forward")
        for button in (save_button, ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)):
            button.setMinimumHeight(BUTTON_HEIGHT)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        ui.newDue.setFocus()
        self.set_up_form(ui.buttons, problems, typed=lambda: (ui.reason.toPlainText(),))

    def new_due(self) -> date:
        chosen = self.ui.newDue.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def save_typed(self) -> object:
        return self._save(self.new_due(), self.ui.reason.toPlainText())
