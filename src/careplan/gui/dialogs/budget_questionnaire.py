"""Working out the budget together: one question at a time on screen, one big choice per answer.

The questions come from the service's questionnaire, so this form is built in code, not Designer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.budget import Questionnaire
from careplan.domain.errors import CareplanError, ConflictError
from careplan.domain.wording.money import format_money
from careplan.gui.dialogs.service_picker import fit_to_screen
from careplan.services import budget
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import VersionView


class AnswerButton(QRadioButton):
    """A radio button that answers to a click anywhere on its row, not just on its words."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class QuestionBox(QFrame):
    """One question and its answers as large radio buttons (arrow keys move between them)."""

    def __init__(
        self, number: int, key: str, text: str, answers: list[tuple[str, str]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"question_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(f"<b>{number}. {text}</b>", self)
        self.label.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.buttons: dict[str, QRadioButton] = {}
        for answer_key, answer_text in answers:
            button = AnswerButton(answer_text, self)
            button.setObjectName(f"answer_{key}_{answer_key}")
            button.setMinimumHeight(40)
            button.setAccessibleName(answer_text)
            button.setAccessibleDescription(f"An answer to: {text}")
            self.group.addButton(button)
            self.buttons[answer_key] = button
            layout.addWidget(button)
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            self.label.setBuddy(first)

    @property
    def answer(self) -> str | None:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return None

    def choose(self, answer_key: str) -> None:
        self.buttons[answer_key].setChecked(True)

    def focus(self) -> None:
        chosen = next((b for b in self.buttons.values() if b.isChecked()), None)
        target = chosen or next(iter(self.buttons.values()))
        target.setFocus()


class BudgetQuestionnaireDialog(QDialog):
    """Answers in, indicative budget out (``assess_budget``); the total shows as soon as all are answered."""

    def __init__(
        self,
        context: SignedInStaff,
        version: VersionView,
        questionnaire: Questionnaire,
        *,
        reload_version: Callable[[], VersionView | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._version = version
        self._questionnaire = questionnaire
        self._reload_version = reload_version
        self.saved_text = ""
        self.amount_pence: int | None = None
        self.setObjectName("budgetQuestionnaire")
        self.setWindowTitle("Work out my budget")
        fit_to_screen(self, 760, 640)

        intro = QLabel(
            "A few questions about how things are for you now. Your answers work out how much money "
            "there is for your plan. There are no right or wrong answers.",
            self,
        )
        intro.setWordWrap(True)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        self.questions: list[QuestionBox] = []
        for number, question in enumerate(questionnaire.questions, start=1):
            box = QuestionBox(
                number, question.key, question.text, [(a.key, a.text) for a in question.answers], inner
            )
            box.group.buttonToggled.connect(self._answered)
            inner_layout.addWidget(box)
            self.questions.append(box)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab; it is no stop itself
        scroll.setWidget(inner)
        self.scroll_area = scroll

        self.progress = QLabel(self)
        self.progress.setObjectName("questionnaireProgress")
        self.progress.setWordWrap(True)
        self.progress.setAccessibleName("Your budget so far")
        self.problem = QLabel(self)
        self.problem.setObjectName("questionnaireProblem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "problemBox")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Save this budget")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, self.cancel_button):
            button.setMinimumHeight(40)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._prefill(version.working)
        self._answered()

    def _prefill(self, working: dict[str, Any] | None) -> None:
        """Start from the answers given last time (matched by the words of question and answer)."""
        if not working:
            return
        given = {str(line.get("question")): str(line.get("answer")) for line in working.get("lines", [])}
        for box, question in zip(self.questions, self._questionnaire.questions, strict=True):
            answer_text = given.get(question.text)
            for answer in question.answers:
                if answer.text == answer_text:
                    box.choose(answer.key)

    def answers(self) -> dict[str, str]:
        return {box.key: answer for box in self.questions if (answer := box.answer) is not None}

    def answer(self, question_key: str, answer_key: str) -> None:
        """Choose an answer (as a click would)."""
        for box in self.questions:
            if box.key == question_key:
                box.choose(answer_key)

    def _answered(self, *_args: object) -> None:
        answers = self.answers()
        total = len(self.questions)
        if len(answers) < total:
            self.progress.setText(f"{len(answers)} of {total} questions answered.")
            return
        self.problem.hide()
        try:
            assessment = self._questionnaire.assess(answers)
        except CareplanError as exc:
            self.progress.setText(exc.message)
            return
        self.progress.setText(f"All {total} questions answered. <b>{assessment.summary}.</b>")

    def save(self) -> None:
        answers = self.answers()
        missing = next((box for box in self.questions if box.answer is None), None)
        if missing is not None:
            self.problem.setText(
                "Please answer every question first. The first one still to answer is shown."
            )
            self.problem.show()
            self.scroll_area.ensureWidgetVisible(missing)
            missing.focus()
            return
        try:
            self.amount_pence = budget.assess_budget(
                self._context.db,
                self._context.actor,
                self._version.id,
                answers,
                expected_revision=self._version.plan_revision,
            )
        except ConflictError as exc:
            fresh = self._reload_version()
            if fresh is None or fresh.frozen:
                self.problem.setText(f"{exc.message} This plan can no longer be changed here.")
                self.save_button.setEnabled(False)
            else:
                self._version = fresh
                self.problem.setText(
                    "Someone else changed this plan just now, so the budget was not saved yet. "
                    "Your answers are still here: press Save again."
                )
            self.problem.show()
            return
        except CareplanError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            return
        self.saved_text = f"Budget worked out: {format_money(self.amount_pence)}"
        self.accept()
