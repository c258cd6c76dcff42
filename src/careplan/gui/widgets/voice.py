"""Who is writing now: the person or the key worker. Every new piece of text takes this voice."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from careplan.domain.actor import PERSON, STAFF, Voice
from careplan.domain.enums import AuthorKind
from careplan.gui.assets import icon
from careplan.gui.theme import FOCUS_RING, set_style_property
from careplan.services.workspace import Author


class VoiceSwitch(QWidget):
    """Two large buttons; the checked one says whose words are being typed."""

    voice_changed = Signal(object)

    def __init__(self, staff_name: str, role_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._staff_name = staff_name
        self._role_label = role_label
        self.setAccessibleName("Who is writing now")
        label = QLabel("Who is writing now?", self)
        self.person_button = self._button("person-voice")
        self.person_button.setObjectName("voicePerson")
        self.staff_button = self._button("staff-voice")
        self.staff_button.setObjectName("voiceStaff")
        self.staff_button.setText(f"{staff_name} ({role_label})")
        self.staff_button.setAccessibleName(f"{staff_name} is writing")
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.person_button)
        group.addButton(self.staff_button)
        layout = QHBoxLayout(self)
        ring = FOCUS_RING + 1  # room for the focus ring round a button (drawn inside this widget)
        layout.setContentsMargins(ring, ring, ring, ring)
        layout.addWidget(label)
        layout.addWidget(self.person_button)
        layout.addWidget(self.staff_button)
        self._person_name = "The person"
        self._present = True  # the person is at the screen (see set_person_present)
        self.set_person_name("The person")
        self.person_button.setChecked(True)
        self.person_button.toggled.connect(self._changed)

    def _button(self, icon_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(True)
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(24, 24))
        button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextBesideIcon)
        button.setMinimumHeight(40)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return button

    def set_person_name(self, name: str) -> None:
        self._person_name = name
        self.person_button.setText(f"{name} is speaking")
        self.person_button.setAccessibleName(f"{name} is speaking")
        self._say_whose()
        for button in (self.person_button, self.staff_button):
            _fit_bold_text(button)

    def set_person_present(self, present: bool) -> None:
        """Whether the person is at the screen. Staff alone never write in the person's voice:
        while they are not, the staff voice is chosen and the person's cannot be."""
        self._present = present
        self.person_button.setEnabled(present)
        if not present:
            self.staff_button.setChecked(True)
        self._say_whose()

    @property
    def person_present(self) -> bool:
        return self._present

    def _say_whose(self) -> None:
        name = self._person_name
        if self._present:
            self.person_button.setToolTip(f"What is typed now goes in as {name}'s own words")
        else:
            self.person_button.setToolTip(
                f"{name} is not at the screen, so nothing can be typed as their words. "
                "Person > Who is at the screen… when they join you."
            )
        self.staff_button.setToolTip(f"What is typed now goes in as {self._staff_name}'s words")

    @property
    def voice(self) -> Voice:
        return PERSON if self.person_button.isChecked() else STAFF

    def set_voice(self, voice: Voice) -> None:
        """Choose whose words are typed now (the person's only while they are at the screen)."""
        if voice.kind is AuthorKind.PERSON and not self._present:
            return
        (self.person_button if voice.kind is AuthorKind.PERSON else self.staff_button).setChecked(True)

    def toggle(self) -> None:
        self.set_voice(STAFF if self.voice.kind is AuthorKind.PERSON else PERSON)

    def _changed(self, _checked: bool) -> None:
        self.voice_changed.emit(self.voice)


def _fit_bold_text(button: QToolButton) -> None:
    """The checked button is drawn bold: make room for that, so the name is never cut short."""
    bold = QFont(button.font())
    bold.setBold(True)
    text_width = QFontMetrics(bold).horizontalAdvance(button.text())
    button.setMinimumWidth(text_width + button.iconSize().width() + 44)
    button.updateGeometry()


@cache
def _voice_pixmap(name: str, size: int) -> QPixmap:
    """A badge's icon drawn once at each size (a plan has a badge on every goal, reason and step)."""
    return icon(name).pixmap(size, size)


class AuthorBadge(QWidget):
    """Whose words a text is: an icon, a label and a tint (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authorBadge")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 8, 2)
        layout.setSpacing(4)
        layout.addWidget(self.icon)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_author(None)

    def text(self) -> str:
        return self.label.text()

    def set_author(self, author: Author | None) -> None:
        if author is None:
            self.label.setText("")
            self.setVisible(False)
            return
        self.set_whose(author.kind, author.label)

    def set_whose(self, kind: AuthorKind, label: str) -> None:
        """Whose words, already said ("Dee's words", "Sam Keyworker (key worker)")."""
        is_person = kind is AuthorKind.PERSON
        size = self.label.fontMetrics().height()
        self.icon.setPixmap(_voice_pixmap("person-voice" if is_person else "staff-voice", size))
        self.label.setText(label)
        self._set_voice("person" if is_person else "staff")
        self.setAccessibleName(f"Written in {label}" if is_person else f"Written by {label}")
        self.setVisible(True)

    def _set_voice(self, voice: str) -> None:
        """The tint comes from the theme's rule on the ``voice`` property."""
        set_style_property(self, "voice", voice)
