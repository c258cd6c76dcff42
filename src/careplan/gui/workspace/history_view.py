"""The History page's layout: the list of versions, and for the one chosen, what it says, what
changed since the version before, and two versions compared. Layout only: the page
(gui/workspace/history_page.py) fills it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.domain.wording.statuses import goal_status_words, sentence
from careplan.domain.wording.units import quantity_words
from careplan.gui.workspace.voice import AuthorBadge
from careplan.services.history import (
    Change,
    owner_words,
    quote,
)
from careplan.services.workspace import GoalView, TextView, VersionView


def plain_label(text: str, parent: QWidget, *, bold: bool = False) -> QLabel:
    """A label for words someone typed: shown as plain text, never read as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def discard(widget: QWidget) -> None:
    """Take a widget off the page at once (so it is gone from view and from searches), free it later."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class ChangeList(QWidget):
    """Change sentences, one a line, or a plain sentence when there are none."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._lines: list[QLabel] = []

    def _clear(self) -> None:
        for line in self._lines:
            discard(line)
        self._lines = []

    def _add(self, text: str) -> None:
        line = plain_label(text, self)
        line.setAccessibleName(text)
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(line)
        self._lines.append(line)

    def set_changes(self, changes: list[Change], empty: str) -> None:
        self._clear()
        if not changes:
            self._add(empty)
        for change in changes:
            self._add(f"•  {change.sentence}")
        self.setAccessibleDescription(" ".join(line.text() for line in self._lines))

    def set_message(self, text: str) -> None:
        self._clear()
        self._add(text)
        self.setAccessibleDescription(text)

    def lines(self) -> list[str]:
        """What is shown, one string a line (without the bullets)."""
        return [line.text().removeprefix("•  ") for line in self._lines]


class VersionContent(QWidget):
    """One version, read-only: goals with their steps, services, money, notes and signatures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.badges: list[AuthorBadge] = []

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                discard(widget)
        self.badges = []

    def _badge(self, text: TextView, parent: QWidget) -> AuthorBadge:
        badge = AuthorBadge(parent)
        badge.set_author(text.author)
        self.badges.append(badge)
        return badge

    def _words(self, prefix: str, text: TextView, parent: QWidget, *, bold: bool = False) -> QWidget:
        """Someone's words with the badge saying whose they are."""
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(f"{prefix}{text.body}", row, bold=bold), 1)
        layout.addWidget(self._badge(text, row), 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _heading(self, text: str) -> QLabel:
        label = plain_label(text, self, bold=True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def show_version(self, version: VersionView) -> None:
        self._clear()
        if version.period_start is not None or version.period_end is not None:
            start = long_date(version.period_start) if version.period_start else "a date not set yet"
            end = long_date(version.period_end) if version.period_end else "a date not set yet"
            self._layout.addWidget(plain_label(f"This plan runs from {start} to {end}.", self))
        self._layout.addWidget(self._heading("Goals"))
        if not version.goals:
            self._layout.addWidget(plain_label("No goals in this version.", self))
        goal_words = {goal.id: goal.wording.body for goal in version.goals}
        for number, goal in enumerate(version.goals, start=1):
            self._layout.addWidget(self._goal(number, goal))
        self._layout.addWidget(self._heading("Services and money"))
        if not version.allocations:
            self._layout.addWidget(plain_label("No services in this version.", self))
        for item in version.allocations:
            goals = " and ".join(quote(goal_words[i]) for i in item.goal_ids if i in goal_words)
            line = (
                f"{item.description}: {quantity_words(item.quantity, item.unit)} at "
                f"{format_money(item.unit_price_pence)} = {format_money(item.total_pence)}"
                + (f", for {goals}" if goals else "")
            )
            self._layout.addWidget(plain_label(line, self))
        self._layout.addWidget(plain_label(self._money(version), self))
        if version.disagreements:
            self._layout.addWidget(self._heading("“I don't agree” notes"))
            for note in version.disagreements:
                self._layout.addWidget(self._words("", note.note, self))
        if version.signatures:
            self._layout.addWidget(self._heading("Signed"))
            for signature in version.signatures:
                still = "" if signature.current else " (the plan changed after this)"
                line = f"{signature.signer_name} signed on {long_date(signature.signed_at)}{still}"
                self._layout.addWidget(plain_label(line, self))

    def _goal(self, number: int, goal: GoalView) -> QFrame:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.addWidget(self._words(f"{number}. ", goal.wording, frame, bold=True))
        if goal.why is not None:
            layout.addWidget(self._words("Why it matters: ", goal.why, frame))
        facts = [f"Life area: {goal.life_area}"]
        if goal.target_date is not None:
            facts.append(f"Target date: {long_date(goal.target_date)}")
        facts.append(sentence(goal_status_words(goal.status)))
        layout.addWidget(plain_label(". ".join(facts) + ".", frame))
        for step in goal.steps:
            done = "Done: " if step.done else "To do: "
            row = self._words(done, step.what, frame)
            extra = f"Who: {owner_words(step)}" + (
                f". By {long_date(step.due_date)}" if step.due_date is not None else ""
            )
            step_box = QWidget(frame)
            step_layout = QVBoxLayout(step_box)
            step_layout.setContentsMargins(24, 0, 0, 0)
            step_layout.setSpacing(0)
            step_layout.addWidget(row)
            step_layout.addWidget(plain_label(extra, step_box))
            layout.addWidget(step_box)
        return frame

    @staticmethod
    def _money(version: VersionView) -> str:
        parts = []
        if version.indicative_pence is not None:
            parts.append(f"Indicative budget: {format_money(version.indicative_pence)}")
        if version.agreed_pence is not None:
            parts.append(f"Agreed budget: {format_money(version.agreed_pence)}")
        parts.append(f"Set aside for services: {format_money(version.allocated_pence)}")
        if version.remaining_pence is not None:
            parts.append(f"Left: {format_money(version.remaining_pence)}")
        return ". ".join(parts) + "."


class HistoryView:
    """Builds the page's widgets into ``page`` (as a Designer form's ``setupUi`` would)."""

    def __init__(self, page: QWidget) -> None:
        self.version_list = QListView(page)
        self.version_list.setObjectName("historyVersions")
        self.version_list.setAccessibleName("Versions of this plan")
        self.version_list.setAccessibleDescription("Use the up and down arrows to choose a version.")
        self.version_list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.version_list.setSpacing(3)
        self.version_list.setMinimumWidth(240)
        self.version_list.setMaximumWidth(320)
        list_label = QLabel("&Versions of this plan", page)
        list_label.setBuddy(self.version_list)
        self.open_button = QPushButton("Open this version", page)
        self.open_button.setObjectName("historyOpen")
        self.open_button.setMinimumHeight(36)
        self.open_button.setToolTip("Show this version on the other pages")

        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.version_list, 1)
        left.addWidget(self.open_button)

        self.version_title = QLabel(page)
        self.version_title.setObjectName("historyTitle")
        self.version_title.setTextFormat(Qt.TextFormat.PlainText)
        self.version_title.setWordWrap(True)
        font = self.version_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.version_title.setFont(font)
        self.kept_note = plain_label("", page)

        self.since_box = QGroupBox("What changed since the version before", page)
        self.since_changes = ChangeList("What changed since the version before", self.since_box)
        QVBoxLayout(self.since_box).addWidget(self.since_changes)

        self.compare_box = QGroupBox("Compare two versions", page)
        self.compare_from = QComboBox(self.compare_box)
        self.compare_from.setObjectName("historyCompareFrom")
        self.compare_from.setAccessibleName("Compare version")
        self.compare_to = QComboBox(self.compare_box)
        self.compare_to.setObjectName("historyCompareTo")
        self.compare_to.setAccessibleName("with version")
        from_label = QLabel("&Compare", self.compare_box)
        from_label.setBuddy(self.compare_from)
        to_label = QLabel("&with", self.compare_box)
        to_label.setBuddy(self.compare_to)
        choose = QHBoxLayout()
        choose.addWidget(from_label)
        choose.addWidget(self.compare_from)
        choose.addWidget(to_label)
        choose.addWidget(self.compare_to)
        choose.addStretch(1)
        self.comparison = ChangeList("What changed between the two versions", self.compare_box)
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.addLayout(choose)
        compare_layout.addWidget(self.comparison)

        self.content_box = QGroupBox("What this version says", page)
        self.content = VersionContent(self.content_box)
        QVBoxLayout(self.content_box).addWidget(self.content)

        inner = QWidget(page)
        right = QVBoxLayout(inner)
        right.addWidget(self.version_title)
        right.addWidget(self.kept_note)
        right.addWidget(self.since_box)
        right.addWidget(self.compare_box)
        right.addWidget(self.content_box)
        right.addStretch(1)
        self.detail_area = QScrollArea(page)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_area.setWidget(inner)

        self.empty = plain_label("There is no plan yet, so there is no history to show.", page)

        layout = QHBoxLayout(page)
        layout.addLayout(left)
        layout.addWidget(self.detail_area, 1)
        layout.addWidget(self.empty, 1)
