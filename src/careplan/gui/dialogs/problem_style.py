"""How a problem is shown in a dialog: dark red, bold, boxed (never colour alone: the words say it).

Its own small module so that a dialog shown at start-up (unlocking the database, restoring a
backup) does not import the budget questionnaire and everything behind it just for a string.
"""

PROBLEM_STYLE = (
    "color: #8a1f11; font-weight: bold; border: 2px solid #8a1f11; border-radius: 4px; "
    "padding: 6px; background: #fff4f2;"
)
