"""The "I don't agree" strip shown beside the plan, a goal, or a step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from careplan.gui.assets import icon
from careplan.gui.widgets.voice import AuthorBadge
from careplan.gui.workspace.plan_controls import words
from careplan.services.workspace import DisagreementView


class NoteView(QFrame):
    """An "I don't agree" note: the disagree icon, the words, and whose words they are."""

    def __init__(self, note: DisagreementView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.setObjectName("disagreementNote")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(f"I don't agree, {note.note.author.label}: {note.note.body}")
        mark = QLabel(self)
        size = mark.fontMetrics().height() + 6
        mark.setPixmap(icon("disagree").pixmap(size, size))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel("<b>I don't agree</b>", self)
        self.badge = AuthorBadge(self)
        self.badge.set_author(note.note.author)
        self.text = words(note.note.body, self, name="disagreementText")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading)
        top.addWidget(self.badge)
        top.addStretch(1)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(mark)
        layout.addLayout(column, 1)
