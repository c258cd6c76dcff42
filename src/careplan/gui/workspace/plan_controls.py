"""Building blocks of the plan page: labels for somebody's words, big buttons, asking before removing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from careplan.gui.assets import icon

BUTTON_HEIGHT = 40


def words(
    text: str, parent: QWidget, *, name: str | None = None, scale: float = 1.0, bold: bool = False
) -> QLabel:
    """A label for somebody's words: plain text (never read as markup), wrapped, selectable."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if scale != 1.0 or bold:
        font = label.font()
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def button(
    text: str, parent: QWidget, *, name: str, accessible: str, icon_name: str | None = None
) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setMinimumHeight(BUTTON_HEIGHT)
    widget.setAutoDefault(False)
    if icon_name:
        widget.setIcon(icon(icon_name))
        size = max(20, widget.fontMetrics().height() + 2)
        widget.setIconSize(QSize(size, size))
    return widget


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """Ask before removing something (Edit > Undo can put it back); the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
