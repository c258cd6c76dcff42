"""The focus ring: a thick line in the theme's colour round whatever has the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from careplan.gui import theme
from careplan.gui.focus_ring import ring_of


def form(qtbot: QtBot) -> tuple[QDialog, QLineEdit, QPlainTextEdit, QPushButton]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    line, notes, save = QLineEdit("Some words"), QPlainTextEdit("A note"), QPushButton("Save")
    for widget in (line, notes, save):
        layout.addWidget(widget)
    dialog.resize(400, 300)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog, line, notes, save


def ring_pixels(dialog: QDialog) -> int:
    """How many pixels of the dialog are drawn in the focus ring's colour."""
    image = dialog.grab().toImage()
    focus = QColor(theme.FOCUS).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == focus)


def test_the_ring_follows_the_keyboard(qtbot: QtBot) -> None:
    dialog, line, notes, save = form(qtbot)
    line.setFocus()
    ring = ring_of(dialog)
    assert ring is not None
    assert ring.widget() is line
    assert ring.isVisible()
    assert ring_pixels(dialog) > 2 * (line.width() + line.height())  # a line all round, more than 1 px
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert notes.hasFocus()
    assert ring.widget() is notes  # a text box shows more than its caret
    save.setFocus(Qt.FocusReason.TabFocusReason)
    assert ring.widget() is save
    assert ring_of(dialog) is ring  # one ring per window, moved


def test_no_ring_before_anything_has_the_keyboard(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert ring_of(dialog) is None
    assert ring_pixels(dialog) == 0


def test_a_window_closed_with_its_ring_leaves_the_next_window_a_new_one(qtbot: QtBot) -> None:
    first, line, _notes, _save = form(qtbot)
    line.setFocus()
    assert ring_of(first) is not None
    first.close()
    first.deleteLater()
    qtbot.waitUntil(lambda: not first.isVisible())
    second, other, _notes, _save = form(qtbot)
    other.setFocus()
    ring = ring_of(second)
    assert ring is not None
    assert ring.widget() is other
