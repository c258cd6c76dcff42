"""The Staying safe page's layout: a heading, then one card a part (warning signs, what helps, who
to call, if the service can't be reached, overdose risk, naloxone), each with its words, whose
words they are, and one large button to write or change it. Layout only: what the buttons do is
the page's (gui/workspace/staying_safe_page.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from careplan.domain.enums import SafetyPart
from careplan.domain.wording.staying_safe import (
    CONTACTS_HEADING,
    NALOXONE_HEADING,
    OVERDOSE_HEADING,
    PART_HEADINGS,
    STAYING_SAFE,
)
from careplan.gui.theme import set_style_property
from careplan.gui.widgets.voice import AuthorBadge
from careplan.gui.workspace.plan_controls import button, words
from careplan.services.staying_safe_view import ContactView
from careplan.services.text_views import TextView

NOT_WRITTEN = "Not written yet."


def _bigger(widget: QWidget, scale: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)


class WordsBlock(QWidget):
    """Somebody's words and whose words they are, or "Not written yet"."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.words = words("", self, name=name, scale=1.1)
        self.badge = AuthorBadge(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addWidget(self.badge)

    def show_text(self, text: TextView | None, empty: str = NOT_WRITTEN) -> None:
        self.words.setText(text.body if text else empty)
        set_style_property(self.words, "role", "" if text else "quiet")
        self.badge.set_author(text.author if text else None)


class SafetySection(QFrame):
    """One part of the plan: its heading, what is written, and its button."""

    def __init__(self, parent: QWidget, heading: str, name: str, action: str) -> None:
        super().__init__(parent)
        self.setObjectName("safetyCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(heading)
        self.heading = QLabel(heading, self)
        _bigger(self.heading, 1.2)
        self.change = button(action, self, name=f"{name}Change", accessible=f"{action}: {heading}")
        self._heading_text = heading
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.change, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addLayout(top)
        layout.addLayout(self.body)

    def set_action(self, action: str) -> None:
        """What the button does now ("Write", "Change"), said to a screen reader too."""
        self.change.setText(action)
        self.change.setAccessibleName(f"{action}: {self._heading_text}")


class ContactRow(QFrame):
    """Someone to call: their phone number large, under it who they are and whose words, and its
    buttons beside."""

    def __init__(self, parent: QWidget, contact: ContactView) -> None:
        super().__init__(parent)
        self.contact = contact
        self.setObjectName("safetyContact")
        self.setAccessibleName(f"{contact.name.body}, {contact.phone}")
        self.phone = words(contact.phone, self, name="contactPhone", scale=1.3, bold=True)
        self.phone.setWordWrap(False)  # a number read out is never split over two lines
        self.name = WordsBlock(self, "contactName")
        self.name.show_text(contact.name)
        self.change = button("Change", self, name="contactChange", accessible=f"Change {contact.name.body}")
        self.remove = button(
            "Take out", self, name="contactRemove", accessible=f"Take {contact.name.body} out of who to call"
        )
        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.phone)
        who.addWidget(self.name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(who, 1)
        layout.addWidget(self.change, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)


class StayingSafeLayout:
    """Builds the page's widgets into ``page`` (as a Designer form's ``setupUi`` would)."""

    def __init__(self, page: QWidget) -> None:
        page.setObjectName("stayingSafePage")
        self.title = QLabel(STAYING_SAFE, page)
        _bigger(self.title, 1.25)
        self.version_label = QLabel(page)
        self.version_label.setObjectName("safetyVersion")
        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        self.frozen_note = QLabel(page)
        self.frozen_note.setObjectName("frozenNote")
        self.frozen_note.setWordWrap(True)
        self.frozen_note.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.no_plan = QLabel("There is no plan yet. Start the plan on “My plan” first.", page)
        self.no_plan.setObjectName("safetyNoPlan")
        self.no_plan.setWordWrap(True)

        self.scroll = QScrollArea(page)
        self.scroll.setObjectName("safetyScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab; it is no stop itself
        inner = QWidget()
        inner.setObjectName("safetySections")
        columns = QHBoxLayout(inner)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column in (left, right):
            column.setSpacing(12)
            columns.addLayout(column, 1)

        self.parts: dict[SafetyPart, tuple[SafetySection, WordsBlock]] = {}
        for part in SafetyPart:
            section = SafetySection(inner, PART_HEADINGS[part], part.value, "Write")
            block = WordsBlock(section, f"{part.value}Words")
            section.body.addWidget(block)
            self.parts[part] = (section, block)
        self.contacts = SafetySection(inner, CONTACTS_HEADING, "contacts", "Add someone")
        self.contacts_list = QVBoxLayout()
        self.no_contacts = QLabel("Nobody yet. Add the people and numbers to call.", self.contacts)
        set_style_property(self.no_contacts, "role", "quiet")
        self.contacts.body.addWidget(self.no_contacts)
        self.contacts.body.addLayout(self.contacts_list)
        self.overdose = SafetySection(inner, OVERDOSE_HEADING, "overdose", "Write")
        self.overdose_choice = words("", self.overdose, name="overdoseChoice", scale=1.1, bold=True)
        self.overdose_words = WordsBlock(self.overdose, "overdoseWords")
        self.overdose.body.addWidget(self.overdose_choice)
        self.overdose.body.addWidget(self.overdose_words)
        self.naloxone = SafetySection(inner, NALOXONE_HEADING, "naloxone", "Write")
        self.naloxone_choice = words("", self.naloxone, name="naloxoneChoice", scale=1.1, bold=True)
        self.naloxone_where = WordsBlock(self.naloxone, "naloxoneWhere")
        self.naloxone.body.addWidget(self.naloxone_choice)
        self.naloxone.body.addWidget(self.naloxone_where)
        # The order of the agreement: left, then right.
        for column, sections in ((left, self.sections[:3]), (right, self.sections[3:])):
            for section in sections:
                column.addWidget(section)
        left.addStretch(1)
        right.addStretch(1)
        self.scroll.setWidget(inner)

        layout = QVBoxLayout(page)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.version_label, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.frozen_note)
        layout.addWidget(self.no_plan)
        layout.addWidget(self.scroll, 1)

    @property
    def sections(self) -> list[SafetySection]:
        """Every card, in the order Tab goes through them."""
        return [
            self.parts[SafetyPart.WARNING_SIGNS][0],
            self.parts[SafetyPart.WHAT_HELPS][0],
            self.contacts,
            self.parts[SafetyPart.IF_UNREACHABLE][0],
            self.overdose,
            self.naloxone,
        ]
