"""About me: who the person is and who works with them, and their answers in their own words,
saved as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.actor import Voice
from careplan.domain.errors import CareplanError, ConflictError
from careplan.domain.permissions import Action
from careplan.gui.widgets.voice import AuthorBadge, VoiceSwitch
from careplan.gui.workspace.page import OpenRecord, WorkspacePage
from careplan.services import assignments, people
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, TextView, load_person

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
        self.saved_voice: Voice | None = None
        self.text_id: int | None = None

    def show_answer(self, answer: TextView | None) -> None:
        body = answer.body if answer else ""
        self.saved_text = body
        self.text_id = answer.id if answer else None
        self.saved_voice = Voice(answer.author.kind) if answer else None
        if self.editor.toPlainText() != body:
            self.editor.blockSignals(True)
            self.editor.setPlainText(body)
            self.editor.blockSignals(False)
        self.badge.set_author(answer.author if answer else None)

    def set_text(self, body: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(body)
        self.editor.blockSignals(False)

    @property
    def dirty(self) -> bool:
        return self.editor.toPlainText().strip() != self.saved_text.strip()


class AboutMePage(WorkspacePage):
    """Every answer saves itself within a second of the last key press, in the current voice.

    Its header says who the person is and who works with them (key worker, peer mentors);
    managers and key workers have "Who works with …", the dialog that changes it for those who
    may (gui/dialogs/who_works_with.py). After a change the workspace reads the record again
    (``changed``), and lets it go if the one signed in may no longer open it (handed on).
    """

    undo_stack: QUndoStack

    title = "About me"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self._context = context
        self._voice = voice
        self._person: PersonView | None = None
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab; it is no stop itself
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        inner = QWidget(self.scroll_area)
        layout = QVBoxLayout(inner)
        self.details = QGroupBox("About this person", inner)
        self.details_form = QFormLayout(self.details)
        self.name_label = QLabel(self.details)
        self.reference_label = QLabel(self.details)
        self.contact_label = QLabel(self.details)
        self.worker_label = QLabel(self.details)
        self.mentors_label = QLabel(self.details)
        self.mentors_label.setObjectName("peerMentorsLabel")
        self.mentors_label.setWordWrap(True)
        self.team_button = QPushButton("Who &works with them…", self.details)
        self.team_button.setObjectName("whoWorksWithButton")
        self.team_button.setMinimumHeight(36)
        self.team_button.setSizePolicy(
            QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed
        )  # as wide as its words
        self.team_button.clicked.connect(self.change_team)
        # Roles that may never change it do not see the button (managers and key workers do).
        self.team_button.setVisible(context.may(Action.ASSIGN_PEER_MENTOR))
        self.team_dialog: QDialog | None = None
        self.details_form.addRow("Likes to be called", self.name_label)
        self.details_form.addRow("Reference", self.reference_label)
        self.details_form.addRow("Best way to get in touch", self.contact_label)
        self.details_form.addRow("Key worker", self.worker_label)
        self.details_form.addRow("Peer mentors", self.mentors_label)
        self.details_form.addRow("", self.team_button)
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
        self.scroll_area.setWidget(inner)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_pending)
        self.undo_stack = QUndoStack(self)
        self._typed_voice: dict[str, Voice] = {}
        # Switching voice closes what was being typed: it is saved in the voice it was typed in.
        voice.voice_changed.connect(lambda _voice: self.save_pending())
        editable = context.may(Action.EDIT_ABOUT_ME)
        for box in self.boxes.values():
            box.editor.setReadOnly(not editable)

    def fill(self, record: OpenRecord) -> None:
        self.show_person(record.person)  # About me needs no plan version: it is not read for it

    def show_person(self, person: PersonView) -> None:
        self.save_pending()
        self._person = person
        self.name_label.setText(person.preferred_name + (f" ({person.pronouns})" if person.pronouns else ""))
        self.reference_label.setText(person.reference)
        contact = person.contact_how or "Not said yet"
        self.contact_label.setText(contact)
        self.worker_label.setText(person.key_worker or "None yet")
        self._show_team(person)
        for topic, box in self.boxes.items():
            box.show_answer(person.about_me.get(topic))

    def _show_team(self, person: PersonView) -> None:
        """The peer mentors, and the button to see or change who works with the person."""
        try:
            team = assignments.who_works_with(self._context.db, self._context.actor, person.id)
        except CareplanError as exc:
            self.mentors_label.setText("")
            self.team_button.setEnabled(False)
            self.team_button.setToolTip(exc.message)
            return
        self.mentors_label.setText(", ".join(m.name for m in team.peer_mentors) or "None yet")
        self.team_button.setText(f"Who &works with {person.preferred_name}…")
        self.team_button.setAccessibleName(f"Who works with {person.preferred_name}")
        self.team_button.setEnabled(True)
        hint = (
            "Hand them on to another key worker, assign a peer mentor, or end a peer mentor's work."
            if team.may_change
            else "Who works with them (only their key worker or a manager can change it)."
        )
        self.team_button.setToolTip(hint)
        self.team_button.setAccessibleDescription(hint)

    def change_team(self) -> None:
        """Who works with the person: the dialog, what is typed here saved first (handing the
        person on may close their record)."""
        if self._person is None:
            return
        from careplan.gui.dialogs.who_works_with import WhoWorksWithDialog

        self.save_pending()
        dialog = WhoWorksWithDialog(self._context, self._person.id, self._person.preferred_name, self)
        self.team_dialog = dialog

        def finished(_result: int) -> None:
            self.team_dialog = None
            dialog.deleteLater()
            if dialog.changed:
                if not dialog.left:
                    self.saved.emit("Who works with them saved")
                self.changed.emit()  # read again; let go if it may no longer be opened here

        dialog.finished.connect(finished)
        dialog.open()

    def _typed(self, topic: str) -> None:
        self._pending.add(topic)
        # Words keep the voice they were typed in, even if the switch moves before they are saved.
        self._typed_voice.setdefault(topic, self._voice.voice)
        self._timer.start()

    def has_unsaved(self) -> bool:
        return any(self.boxes[t].dirty for t in self._pending)

    def save_pending(self) -> None:
        """Save every answer typed since the last save. Called by the timer and before leaving."""
        self._timer.stop()
        if self._person is None:
            self._pending.clear()
            return
        for topic in sorted(self._pending):
            box = self.boxes[topic]
            if not box.dirty:
                continue
            before = (box.saved_text, box.saved_voice)
            after = (box.editor.toPlainText(), self._typed_voice.get(topic, self._voice.voice))
            if not self.write(topic, *after):
                return  # still pending: tried again later, and the words stay on screen
            self._typed_voice.pop(topic, None)
            self.undo_stack.push(AboutMeChange(self, topic, before, after))
        self._pending.clear()
        self._typed_voice.clear()

    def write(self, topic: str, body: str, voice: Voice | None) -> bool:
        """Store one answer; a clash with another workstation is resolved by the person at the screen."""
        assert self._person is not None
        box = self.boxes[topic]
        person_id = self._person.id
        try:
            people.write_about_me(
                self._context.db,
                self._context.actor,
                person_id,
                topic,
                body,
                voice or self._voice.voice,
                replacing=box.text_id,
            )
        except ConflictError:
            return self._resolve_clash(topic, body, voice)
        except CareplanError as exc:
            QMessageBox.information(self, "Not saved yet", exc.message)
            return False
        self._show_stored(topic)
        self.saved.emit("About me saved")
        return True

    def _resolve_clash(self, topic: str, mine: str, voice: Voice | None) -> bool:
        assert self._person is not None
        fresh = load_person(self._context.db, self._context.actor, self._person.id)
        theirs = fresh.about_me.get(topic)
        box = self.boxes[topic]
        their_words = f"“{theirs.body}” ({theirs.author.label})" if theirs else "an empty answer"
        choice = QMessageBox.question(
            self,
            "Changed at another computer",
            f"Someone at another computer changed “{PROMPTS[topic]}” while this was being typed.\n\n"
            f"Their version: {their_words}\n\nThe words typed here are still on screen. "
            "Keep the words typed here?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        box.text_id = theirs.id if theirs else None
        if choice == QMessageBox.StandardButton.Yes:
            return self.write(topic, mine, voice)
        box.show_answer(theirs)
        box.set_text(theirs.body if theirs else "")
        return True

    def _show_stored(self, topic: str) -> None:
        assert self._person is not None
        person = load_person(self._context.db, self._context.actor, self._person.id)
        self._person = person
        box = self.boxes[topic]
        typed = box.editor.toPlainText()
        box.show_answer(person.about_me.get(topic))
        if typed.strip() != box.saved_text.strip():
            box.set_text(typed)  # more was typed while saving: keep it, it is saved next


class AboutMeChange(QUndoCommand):
    """Undo and redo of one saved About me answer (each step is saved again)."""

    def __init__(
        self,
        page: AboutMePage,
        topic: str,
        before: tuple[str, Voice | None],
        after: tuple[str, Voice | None],
    ) -> None:
        super().__init__(f"change “{PROMPTS[topic]}”")
        self._page = page
        self._topic = topic
        self._before = before
        self._after = after
        self._first = True

    def _apply(self, body: str, voice: Voice | None) -> None:
        box = self._page.boxes[self._topic]
        box.set_text(body)
        self._page.write(self._topic, body, voice)

    def redo(self) -> None:
        if self._first:  # already saved when it was typed
            self._first = False
            return
        self._apply(*self._after)

    def undo(self) -> None:
        self._apply(*self._before)
