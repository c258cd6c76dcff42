"""Who is at the screen: asked each time a record is opened, above the person's pages.

A member of staff at their desk alone must never type in the person's voice (Priya opened a
record alone and what she typed was saved as Callum's words). Until someone answers, and after
"Just me", everything typed is the staff member's; "Dee is here with me" lets the voice switch
choose Dee's words again. Person > Who is at the screen… asks again when someone joins or leaves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from careplan.gui.theme import BUTTON_HEIGHT


class WhoIsHere(QFrame):
    """The question and its two answers; ``answered(True)`` when the person is at the screen."""

    answered = Signal(bool)

    def __init__(self, staff_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whoIsHere")
        self._staff_name = staff_name
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.together_button = QPushButton(self)
        self.together_button.setObjectName("togetherButton")
        self.alone_button = QPushButton(self)
        self.alone_button.setObjectName("aloneButton")
        layout = QHBoxLayout(self)
        layout.addWidget(self.question, 1)
        for button in (self.together_button, self.alone_button):
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.setAutoDefault(False)
            layout.addWidget(button)
        self.together_button.clicked.connect(lambda: self._answer(True))
        self.alone_button.clicked.connect(lambda: self._answer(False))
        self.hide()

    def ask(self, person_name: str) -> None:
        """Show the question for this person (and give it the keyboard if the window has it)."""
        self.question.setText(
            f"Who is at the screen? {person_name}'s own words are typed only while "
            f"{person_name} is here. Until you say, what you type is yours."
        )
        self.together_button.setText(f"{person_name} is here with me")
        self.together_button.setAccessibleName(f"{person_name} is at the screen with me")
        self.alone_button.setText(f"Just me ({self._staff_name})")
        self.alone_button.setAccessibleName("Only staff are at the screen")
        self.show()
        if self.window().isActiveWindow():
            self.together_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, present: bool) -> None:
        self.hide()
        self.answered.emit(present)
