"""How a problem is shown in a dialog: dark red, bold, boxed (never colour alone: the words say it).

Its own small module so that a dialog shown at start-up (unlocking the database, restoring a
backup) does not import the budget questionnaire and everything behind it just for a string.
"""

from PySide6.QtWidgets import QLabel

PROBLEM_STYLE = (
    "color: #8a1f11; font-weight: bold; border: 2px solid #8a1f11; border-radius: 4px; "
    "padding: 6px; background: #fff4f2;"
)

# A problem said on a line of its own under a form (sign-in, first password, locked out, restore).
PROBLEM_LINE_STYLE = "color: #8a1f11; font-weight: bold;"


def problem_line() -> QLabel:
    """The hidden, word-wrapped line where a form says what is wrong (object name ``problem``)."""
    label = QLabel()
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_LINE_STYLE)
    label.hide()
    return label
