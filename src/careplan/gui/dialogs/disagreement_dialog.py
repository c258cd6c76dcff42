"""Writing down "I don't agree", in the voice chosen now."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.actor import Voice
from careplan.domain.errors import ConflictError
from careplan.gui.dialogs.form_dialog import FieldProblems
from careplan.gui.dialogs.writing_dialog import Writers, WritingAs, WritingDialog
from careplan.gui.theme import BUTTON_HEIGHT
from careplan.gui.widgets.voice import VoiceSwitch


class DisagreementDialog(WritingDialog):
    """Asks for an "I don't agree" note, in the voice chosen now, and saves it."""

    def __init__(
        self,
        *,
        voice: VoiceSwitch,
        writers: Writers,
        about: str,
        save: Callable[[str, Voice], object],
        on_conflict: Callable[[ConflictError], None],
        parent: QWidget | None = None,
        title: str = "I don't agree",
        prompt: str = "&What I don't agree with, and why",
    ) -> None:
        """``title`` and ``prompt``: other words in the same voice (answering a manager's question)."""
        super().__init__(on_conflict, parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._voice = voice
        self._save = save
        intro = QLabel(about, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        voice_label = QLabel(self)
        switch = QPushButton("Switch who is writing (F4)", self)
        switch.setAccessibleName("Switch who is writing")
        switch.setMinimumHeight(BUTTON_HEIGHT)
        switch.setAutoDefault(False)
        voice_row = QHBoxLayout()
        voice_row.addWidget(voice_label)
        voice_row.addStretch(1)
        voice_row.addWidget(switch)
        self.writing_as = WritingAs(self, voice_row, voice_label, switch, voice, writers)
        prompt_label = QLabel(prompt, self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("disagreementEditor")
        self.note.setAccessibleName(prompt.replace("&", ""))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        prompt_label.setBuddy(self.note)
        self.note_problem = QLabel(self)
        self.problem = QLabel(self)
        for label in (self.note_problem, self.problem):
            label.setProperty("role", "problem")
            label.setWordWrap(True)
        problems = FieldProblems(self.problem, {"disagreement": (self.note, self.note_problem)})
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText("Write it down")
        save_button.setMinimumHeight(BUTTON_HEIGHT)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setMinimumHeight(BUTTON_HEIGHT)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(voice_row)
        layout.addWidget(prompt_label)
        layout.addWidget(self.note)
        layout.addWidget(self.note_problem)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.note, switch)
        self.note.setFocus()
        self.set_up_form(self.buttons, problems, typed=lambda: (self.note.toPlainText(),))

    def save_typed(self) -> object:
        return self._save(self.note.toPlainText(), self._voice.voice)
