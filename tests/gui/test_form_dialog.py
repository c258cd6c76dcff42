"""The form-dialog base: a refusal is said beside the field at fault (or under the form) with the
cursor put there, nothing typed is cleared, and OK closes only once the use case has saved."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from careplan.domain.errors import CareplanError, InvalidInput
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog


class NameAndTown(FormDialog):
    """Two fields: the name has a problem line of its own, the town does not."""

    def __init__(self, refusal: CareplanError | None) -> None:
        super().__init__()
        self.refusal = refusal
        self.name = QLineEdit(self)
        self.name_problem = QLabel(self)
        self.town = QLineEdit(self)
        self.problem = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        for widget in (self.name, self.name_problem, self.town, self.problem, self.buttons):
            layout.addWidget(widget)
        problems = FieldProblems(self.problem, {"name": (self.name, self.name_problem), "town": self.town})
        self.set_up_form(self.buttons, problems)

    def save_typed(self) -> object:
        if self.refusal is not None:
            raise self.refusal
        return self.name.text()


def opened(qtbot: QtBot, refusal: CareplanError | None) -> NameAndTown:
    dialog = NameAndTown(refusal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Dee")
    return dialog


def test_a_problem_with_a_field_of_its_own_line_is_said_there(qtbot: QtBot) -> None:
    dialog = opened(qtbot, InvalidInput("Please give a name.", "name"))
    dialog.save()
    assert dialog.isVisible()
    assert dialog.name_problem.isVisible()
    assert dialog.name_problem.text() == "Please give a name."
    assert not dialog.problem.isVisible()
    assert dialog.focusWidget() is dialog.name
    assert dialog.name.text() == "Dee"  # nothing typed is cleared


def test_a_problem_with_a_field_without_its_own_line_is_said_under_the_form(qtbot: QtBot) -> None:
    dialog = opened(qtbot, InvalidInput("Which town?", "town"))
    dialog.save()
    assert dialog.problem.text() == "Which town?"
    assert not dialog.name_problem.isVisible()
    assert dialog.focusWidget() is dialog.town


def test_any_other_refusal_is_said_under_the_form_and_ok_closes_once_saved(qtbot: QtBot) -> None:
    dialog = opened(qtbot, CareplanError("Not now."))
    dialog.save()
    assert dialog.problem.isVisible()
    assert dialog.problems.text() == "Not now."
    dialog.refusal = None
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result_value == "Dee"
    assert not dialog.problem.isVisible()
