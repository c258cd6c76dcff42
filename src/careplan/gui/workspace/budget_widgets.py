"""Pieces of the Services and budget page: a big amount, a roomy button, one of the three totals
over the bar, and the questionnaire's working (each question, the answer, its points)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


def big_font_label(parent: QWidget, scale: float = 1.5) -> QLabel:
    label = QLabel(parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def action_button(text: str, parent: QWidget, name: str, description: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(40)
    button.setAccessibleDescription(description)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


class Total(QFrame):
    """One of the three amounts over the bar: a caption and a large number."""

    def __init__(self, caption: str, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption, self)
        self.value = big_font_label(self, 1.35)
        self.value.setObjectName(name)
        self.value.setAccessibleName(caption)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.value.setAccessibleDescription(f"{value}. {note}".strip())


class WorkingDetails(QFrame):
    """Each question of the questionnaire, the answer given and its points, then the total."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("workingDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Each question, answer and points")
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.grid.setHorizontalSpacing(16)
        self.labels: list[QLabel] = []

    def _cell(
        self, text: str, row: int, column: int, *, bold: bool = False, right: bool = False, span: int = 1
    ) -> None:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(column < 2)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        if right:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(label, row, column, 1, span)
        self.labels.append(label)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)

    def show_working(self, working: dict[str, Any]) -> None:
        for label in self.labels:
            self.grid.removeWidget(label)
            label.deleteLater()
        self.labels = []
        lines = working.get("lines") or []
        if not lines:
            return
        name = str(working.get("questionnaire", ""))
        row = 0
        if name:
            self._cell(f"Questions from the {name}.", row, 0, span=3)
            row += 1
        for column, heading in enumerate(("Question", "Answer", "Points")):
            self._cell(heading, row, column, bold=True, right=column == 2)
        for line in lines:
            row += 1
            self._cell(str(line.get("question", "")), row, 0)
            self._cell(str(line.get("answer", "")), row, 1, bold=True)
            self._cell(f"{int(line.get('points', 0))} points", row, 2, right=True)
        total = working.get("points")
        if total is not None:
            row += 1
            self._cell("Total", row, 0, bold=True)
            self._cell(f"{int(total)} points", row, 2, bold=True, right=True)
