"""The History page's layout: the list of versions, and for the one chosen, what it says
(:class:`~careplan.gui.widgets.version_content.VersionContent`), what changed since the version
before, and two versions compared. Layout only: the page (gui/workspace/history_page.py) fills it."""

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

from careplan.gui.widgets.version_content import VersionContent, discard, plain_label
from careplan.services.history import Change


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
        self.detail_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab, not it
        self.detail_area.setWidget(inner)

        self.empty = plain_label("There is no plan yet, so there is no history to show.", page)

        layout = QHBoxLayout(page)
        layout.addLayout(left)
        layout.addWidget(self.detail_area, 1)
        layout.addWidget(self.empty, 1)
