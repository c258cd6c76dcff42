"""The line under a form where it says what is wrong (its look is the theme's ``problem`` role).

Its own small module so that a dialog shown at start-up (unlocking the database, restoring a
backup) does not import the budget questionnaire and everything behind it just for a label.
"""

from PySide6.QtWidgets import QLabel


def problem_line() -> QLabel:
    """The hidden, word-wrapped line where a form says what is wrong (object name ``problem``)."""
    label = QLabel()
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setProperty("role", "problem")
    label.hide()
    return label
