"""About me: the person's answers in their own words, saved as they are typed."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.permissions import Action
from careplan.gui.context import AppContext
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.voice import AuthorBadge, VoiceSwitch
from careplan.services import people
from careplan.services.workspace import PersonView

AUTOSAVE_MS = 700

PROMPTS = {
    "what_matters": "What matters to me",
    "going_well": "What is going well for me",
    "want_to_change": "What I want to change",
    "hopes": "My hopes",
    "substances": "What I use, and how",
    "treatment": "My treatment now",
    "support": "Who supports me",
}


class AnswerBox(QWidget):
    """One About me answer: the prompt, the text, and whose words it is."""

    edited = Signal(str)

    def __init__(self, topic: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic
        self.prompt = QLabel(f"<b>{prompt}</b>", self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName(f"aboutMe_{topic}")
        self.editor.setAccessibleName(prompt)
        self.editor.setAccessibleDescription("Write it in the person's own words. It is saved as you type.")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(64)
        self.editor.setMaximumHeight(120)
        self.prompt.setBuddy(self.editor)
        self.badge = AuthorBadge(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.prompt)
        layout.addWidget(self.editor)
        layout.addWidget(self.badge)
        self.saved_text = ""

    def show_answer(self, body: str, badge_author: object) -> None:
        self.saved_text = body
        if self.editor.toPlainText() != body:
            self.editor.blockSignals(True)
            self.editor.setPlainText(body)
            self.editor.blockSignals(False)
        self.badge.set_author(badge_author)  # type: ignore[arg-type]

    @property
    def dirty(self) -> bool:
        return self.editor.toPlainText().strip() != self.saved_text.strip()


class AboutMePage(QScrollArea):
    """Every answer saves itself within a second of the last key press, in the current voice."""

    saved = Signal(str)
    conflict = Signal()

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._voice = voice
        self._person: PersonView | None = None
        self.setWidgetResizable(True)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.details = QGroupBox("About this person", inner)
        self.details_form = QFormLayout(self.details)
        self.name_label = QLabel(self.details)
        self.reference_label = QLabel(self.details)
        self.contact_label = QLabel(self.details)
        self.worker_label = QLabel(self.details)
        self.details_form.addRow("Likes to be called", self.name_label)
        self.details_form.addRow("Reference", self.reference_label)
        self.details_form.addRow("Best way to get in touch", self.contact_label)
        self.details_form.addRow("Key worker", self.worker_label)
        layout.addWidget(self.details)
        self.boxes: dict[str, AnswerBox] = {}
        answers = QGroupBox("About me, in my own words", inner)
        answers_layout = QVBoxLayout(answers)
        for topic, prompt in PROMPTS.items():
            box = AnswerBox(topic, prompt, answers)
            box.editor.textChanged.connect(lambda t=topic: self._typed(t))
            self.boxes[topic] = box
            answers_layout.addWidget(box)
        layout.addWidget(answers)
        layout.addStretch(1)
        self.setWidget(inner)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_pending)
        self._feedback = Feedback(self, self.saved.emit, self.conflict.emit)
        editable = context.may(Action.EDIT_ABOUT_ME)
        for box in self.boxes.values():
            box.editor.setReadOnly(not editable)

    def show_person(self, person: PersonView) -> None:
        self.save_pending()
        self._person = person
        self.name_label.setText(person.preferred_name + (f" ({person.pronouns})" if person.pronouns else ""))
        self.reference_label.setText(person.reference)
        contact = person.contact_how or "Not said yet"
        self.contact_label.setText(contact)
        self.worker_label.setText(person.key_worker or "None yet")
        for topic, box in self.boxes.items():
            answer = person.about_me.get(topic)
            box.show_answer(answer.body if answer else "", answer.author if answer else None)

    def _typed(self, topic: str) -> None:
        self._pending.add(topic)
        self._timer.start()

    @property
    def has_unsaved(self) -> bool:
        return any(self.boxes[t].dirty for t in self._pending)

    def save_pending(self) -> None:
        """Save every answer typed since the last save. Called by the timer and before leaving."""
        self._timer.stop()
        if self._person is None:
            self._pending.clear()
            return
        person = self._person
        for topic in sorted(self._pending):
            box = self.boxes[topic]
            if not box.dirty:
                continue
            body = box.editor.toPlainText()
            ok = self._feedback.run(
                partial(
                    people.write_about_me,
                    self._context.db,
                    self._context.actor,
                    person.id,
                    topic,
                    body,
                    self._voice.voice,
                ),
                saved="About me saved",
            )
            if not ok:
                # Not saved: keep it pending so it is tried again, and never drop the text.
                return
            box.saved_text = body
        self._pending.clear()
        self._refresh_badges()

    def _refresh_badges(self) -> None:
        if self._person is None:
            return
        from careplan.services.workspace import load_person

        person = load_person(self._context.db, self._context.actor, self._person.id)
        self._person = person
        for topic, box in self.boxes.items():
            answer = person.about_me.get(topic)
            box.badge.set_author(answer.author if answer else None)
