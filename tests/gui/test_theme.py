"""One theme: the colours live in gui/theme.py alone, and forms and widgets only say what they are for.

A test makes its widgets without starting the app: the theme reaches them through the
``themed_app`` fixture (tests/conftest.py), as it reaches the app's through ``apply_theme``.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from careplan.gui import theme
from careplan.gui.forms.ui_register_person import Ui_RegisterPersonDialog

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "careplan"
# A colour or a style sheet in a form: "#8a1f11" (but not an XML character reference such as
# "&#8217;"), rgb()/rgba(), a "color:" or "background:" rule, or a styleSheet property.
COLOUR = re.compile(
    r"(?<!&)#[0-9a-fA-F]{3,8}\b|rgba?\(|\bcolou?r\s*:|background\s*:|styleSheet", re.IGNORECASE
)


def _text_colour(widget: QWidget) -> str:
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def test_no_form_holds_a_colour_or_a_style_sheet() -> None:
    forms = sorted((ROOT / "ui").glob("*.ui"))
    assert len(forms) > 10
    found = {form.name: COLOUR.findall(form.read_text(encoding="utf-8")) for form in forms}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_only_the_theme_sets_a_style_sheet() -> None:
    """No widget carries a sheet of its own, in hand-written code or in a compiled form."""
    own = SRC / "gui" / "theme.py"
    files = [path for path in SRC.rglob("*.py") if path != own]
    assert len(files) > 100
    setting = sorted(
        str(path.relative_to(ROOT)) for path in files if "setStyleSheet" in path.read_text("utf-8")
    )
    assert setting == []
    assert "setStyleSheet" in own.read_text("utf-8")


def test_a_problem_in_a_form_is_drawn_in_the_problem_colour(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    ui = Ui_RegisterPersonDialog()
    ui.setupUi(dialog)
    ui.problem.setText("That is not a date Careplan understands.")
    dialog.show()
    qtbot.waitExposed(dialog)
    assert ui.problem.property("role") == "problem"
    assert _text_colour(ui.problem) == theme.PROBLEM
    assert _text_colour(ui.preferredName) != theme.PROBLEM  # only what is for a problem


def test_a_role_changed_on_a_shown_widget_is_drawn_anew(qtbot: QtBot) -> None:
    label = QLabel("Saved.")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    plain = _text_colour(label)
    theme.set_role(label, "done")
    assert _text_colour(label) == theme.DONE
    theme.set_role(label, "problem")
    assert _text_colour(label) == theme.PROBLEM
    theme.set_role(label, None)
    assert _text_colour(label) == plain
    assert QColor(plain) != QColor(theme.PROBLEM)


def test_a_box_given_to_a_shown_label_gets_its_padding_too(qtbot: QtBot) -> None:
    """A role's border and padding, not only its colours: the words never touch the box's edge."""
    label = QLabel("The disk is full.")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert label.contentsMargins().left() == 0
    theme.set_role(label, "problemBox")
    assert label.contentsMargins().left() >= 6
    assert label.sizeHint().height() > label.fontMetrics().height() + 12
