"""History: every version of the plan, each readable as it was, and what changed in plain words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
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

from careplan.domain.errors import CareplanError
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.domain.wording.statuses import goal_status_words, plan_status_words, sentence
from careplan.domain.wording.units import quantity_words
from careplan.gui.context import AppContext
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.voice import AuthorBadge, VoiceSwitch
from careplan.services.history import (
    Change,
    changes_between,
    describe_version,
    owner_words,
    quote,
)
from careplan.services.workspace import (
    GoalView,
    PersonView,
    TextView,
    VersionSummary,
    VersionView,
    load_version,
)

Index = QModelIndex | QPersistentModelIndex

NO_DIFFERENCES = "No differences. These two versions say the same."
SAME_VERSION = "No differences. You chose the same version twice."
FIRST_VERSION = "This is the first version, so there is nothing before it to compare with."


class VersionListModel(QAbstractListModel):
    """The versions of one plan, newest first."""

    VersionIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[VersionSummary] = []
        self._open_id: int | None = None

    def set_versions(self, versions: list[VersionSummary], open_id: int | None) -> None:
        self.beginResetModel()
        self._rows = sorted(versions, key=lambda v: v.number, reverse=True)
        self._open_id = open_id
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.VersionIdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            line = f"Version {row.number}" + ("  (open now)" if row.id == self._open_id else "")
            return f"{line}\n{sentence(plan_status_words(row.status))}\nStarted {long_date(row.created_at)}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return (
                f"Version {row.number}: {plan_status_words(row.status)}, started {long_date(row.created_at)}"
                + (". This is the version open now." if row.id == self._open_id else "")
            )
        if role == Qt.ItemDataRole.FontRole and row.id == self._open_id:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def summary(self, row: int) -> VersionSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, version_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == version_id:
                return number
        return None

    def before(self, version_id: int) -> VersionSummary | None:
        """The version just before this one (by number), if any."""
        chosen = next((v for v in self._rows if v.id == version_id), None)
        if chosen is None:
            return None
        earlier = [v for v in self._rows if v.number < chosen.number]
        return max(earlier, key=lambda v: v.number) if earlier else None


def _label(text: str, parent: QWidget, *, bold: bool = False) -> QLabel:
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


def _discard(widget: QWidget) -> None:
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
            _discard(line)
        self._lines = []

    def _add(self, text: str) -> None:
        line = _label(text, self)
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
                _discard(widget)
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
        layout.addWidget(_label(f"{prefix}{text.body}", row, bold=bold), 1)
        layout.addWidget(self._badge(text, row), 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _heading(self, text: str) -> QLabel:
        label = _label(text, self, bold=True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def show_version(self, version: VersionView) -> None:
        self._clear()
        if version.period_start is not None or version.period_end is not None:
            start = long_date(version.period_start) if version.period_start else "a date not set yet"
            end = long_date(version.period_end) if version.period_end else "a date not set yet"
            self._layout.addWidget(_label(f"This plan runs from {start} to {end}.", self))
        self._layout.addWidget(self._heading("Goals"))
        if not version.goals:
            self._layout.addWidget(_label("No goals in this version.", self))
        goal_words = {goal.id: goal.wording.body for goal in version.goals}
        for number, goal in enumerate(version.goals, start=1):
            self._layout.addWidget(self._goal(number, goal))
        self._layout.addWidget(self._heading("Services and money"))
        if not version.allocations:
            self._layout.addWidget(_label("No services in this version.", self))
        for item in version.allocations:
            goals = " and ".join(quote(goal_words[i]) for i in item.goal_ids if i in goal_words)
            line = (
                f"{item.description}: {quantity_words(item.quantity, item.unit)} at "
                f"{format_money(item.unit_price_pence)} = {format_money(item.total_pence)}"
                + (f", for {goals}" if goals else "")
            )
            self._layout.addWidget(_label(line, self))
        self._layout.addWidget(_label(self._money(version), self))
        if version.disagreements:
            self._layout.addWidget(self._heading("“I don't agree” notes"))
            for note in version.disagreements:
                self._layout.addWidget(self._words("", note.note, self))
        if version.signatures:
            self._layout.addWidget(self._heading("Signed"))
            for signature in version.signatures:
                still = "" if signature.current else " (the plan changed after this)"
                line = f"{signature.signer_name} signed on {long_date(signature.signed_at)}{still}"
                self._layout.addWidget(_label(line, self))

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
        layout.addWidget(_label(". ".join(facts) + ".", frame))
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
            step_layout.addWidget(_label(extra, step_box))
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


class HistoryPage(WorkspacePage):
    """Every version of this plan; choose one to read it as it was and see what changed."""

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self._person: PersonView | None = None
        self._plan_id: int | None = None
        self._open_id: int | None = None
        self.shown: VersionView | None = None
        # Versions read since the page was last filled, starting with the open one (handed in by
        # the workspace): choosing and comparing reuse them instead of reading them again.
        self._views: dict[int, VersionView] = {}

        self.model = VersionListModel(self)
        self.version_list = QListView(self)
        self.version_list.setObjectName("historyVersions")
        self.version_list.setModel(self.model)
        self.version_list.setAccessibleName("Versions of this plan")
        self.version_list.setAccessibleDescription("Use the up and down arrows to choose a version.")
        self.version_list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.version_list.setSpacing(3)
        self.version_list.setMinimumWidth(240)
        self.version_list.setMaximumWidth(320)
        self.version_list.selectionModel().currentChanged.connect(self._current_changed)
        self.version_list.activated.connect(lambda _index: self._open_chosen())
        list_label = QLabel("&Versions of this plan", self)
        list_label.setBuddy(self.version_list)
        self.open_button = QPushButton("Open this version", self)
        self.open_button.setObjectName("historyOpen")
        self.open_button.setMinimumHeight(36)
        self.open_button.setToolTip("Show this version on the other pages")
        self.open_button.clicked.connect(self._open_chosen)

        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.version_list, 1)
        left.addWidget(self.open_button)

        self.title = QLabel(self)
        self.title.setObjectName("historyTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.kept_note = _label("", self)

        self.since_box = QGroupBox("What changed since the version before", self)
        self.since_changes = ChangeList("What changed since the version before", self.since_box)
        QVBoxLayout(self.since_box).addWidget(self.since_changes)

        self.compare_box = QGroupBox("Compare two versions", self)
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
        self.compare_from.currentIndexChanged.connect(lambda _i: self._compare())
        self.compare_to.currentIndexChanged.connect(lambda _i: self._compare())

        self.content_box = QGroupBox("What this version says", self)
        self.content = VersionContent(self.content_box)
        QVBoxLayout(self.content_box).addWidget(self.content)

        inner = QWidget(self)
        right = QVBoxLayout(inner)
        right.addWidget(self.title)
        right.addWidget(self.kept_note)
        right.addWidget(self.since_box)
        right.addWidget(self.compare_box)
        right.addWidget(self.content_box)
        right.addStretch(1)
        self.detail_area = QScrollArea(self)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_area.setWidget(inner)

        self.empty = _label("There is no plan yet, so there is no history to show.", self)

        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.detail_area, 1)
        layout.addWidget(self.empty, 1)
        self._set_has_plan(False)

    # --- showing -------------------------------------------------------------------------

    def _set_has_plan(self, has_plan: bool) -> None:
        self.detail_area.setVisible(has_plan)
        self.empty.setVisible(not has_plan)
        self.version_list.setEnabled(has_plan)
        self.open_button.setEnabled(False)

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        # Keep the version chosen in the list only when the same version is shown again (a reload);
        # opening another version (a new draft, say) shows that one.
        same = version is not None and version.plan_id == self._plan_id and version.id == self._open_id
        keep = self.chosen_id if same else None
        self._person = person
        self._views = {version.id: version} if version is not None else {}
        if version is None:
            self._plan_id = self._open_id = None
            self.shown = None
            self.model.set_versions([], None)
            self._fill_combos([])
            self._set_has_plan(False)
            return
        self._plan_id = version.plan_id
        self._open_id = version.id
        self._set_has_plan(True)
        self.model.set_versions(version.versions, version.id)
        self._fill_combos(version.versions)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None:
            row = self.model.row_of(version.id)
        self.choose_row(row if row is not None else 0)

    def _fill_combos(self, versions: list[VersionSummary]) -> None:
        """Both boxes list every version; they start on the first and the newest."""
        ordered = sorted(versions, key=lambda v: v.number)
        for combo, start in ((self.compare_from, 0), (self.compare_to, len(ordered) - 1)):
            combo.blockSignals(True)
            combo.clear()
            for summary in ordered:
                combo.addItem(f"Version {summary.number}", summary.id)
            combo.setCurrentIndex(max(start, 0) if ordered else -1)
            combo.blockSignals(False)
        self._compare()

    def choose_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.version_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    @property
    def chosen_id(self) -> int | None:
        summary = self.model.summary(self.version_list.currentIndex().row())
        return summary.id if summary is not None else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.model.summary(current.row())
        if summary is not None:
            self._show_chosen(summary)

    def _view(self, version_id: int) -> VersionView:
        """One version of this plan: the open one as handed in, another read once (may refuse)."""
        view = self._views.get(version_id)
        if view is None:
            view = load_version(self.context.db, self.context.actor, version_id)
            self._views[version_id] = view
        return view

    def _changes(self, older_id: int, newer_id: int) -> list[Change]:
        """What changed from one version of this plan to another (both from this page's list)."""
        if older_id == newer_id:
            return []
        return changes_between(self._view(older_id), self._view(newer_id))

    def _show_chosen(self, summary: VersionSummary) -> None:
        try:
            version = self._view(summary.id)
        except CareplanError as exc:
            self.shown = None
            self.title.setText(exc.message)
            self.open_button.setEnabled(False)
            return
        self.shown = version
        self.title.setText(describe_version(version))
        self.title.setAccessibleName(describe_version(version))
        self.kept_note.setText(
            "This version is kept just as it was. It cannot be changed."
            if version.frozen
            else "This version is still being written. Change it on the other pages."
        )
        is_open = version.id == self._open_id
        self.open_button.setEnabled(not is_open)
        self.open_button.setToolTip(
            "This is the version open now."
            if is_open
            else f"Show version {version.number} on the other pages"
        )
        self.content.show_version(version)
        self.detail_area.verticalScrollBar().setValue(0)
        before = self.model.before(version.id)
        self.since_box.setTitle(
            f"What changed since version {before.number}"
            if before is not None
            else "What changed since the version before"
        )
        if before is None:
            self.since_changes.set_message(FIRST_VERSION)
            return
        try:
            changes = self._changes(before.id, version.id)
        except CareplanError as exc:
            self.since_changes.set_message(exc.message)
            return
        self.since_changes.set_changes(changes, f"No differences from version {before.number}.")

    def _compare(self) -> None:
        older, newer = self.compare_from.currentData(), self.compare_to.currentData()
        if older is None or newer is None:
            self.comparison.set_message("There are no versions to compare yet.")
            return
        if self.compare_to.count() < 2:
            self.comparison.set_message("There is only one version so far, so there is nothing to compare.")
            return
        try:
            changes = self._changes(older, newer)
        except CareplanError as exc:
            self.comparison.set_message(exc.message)
            return
        self.comparison.set_changes(changes, SAME_VERSION if older == newer else NO_DIFFERENCES)

    def compare(self, older_number: int, newer_number: int) -> None:
        """Choose two versions by number in the combo boxes (as a person would)."""
        for combo, number in ((self.compare_from, older_number), (self.compare_to, newer_number)):
            combo.setCurrentIndex(combo.findText(f"Version {number}"))

    def _open_chosen(self) -> None:
        chosen = self.chosen_id
        if chosen is not None and chosen != self._open_id:
            self.version_requested.emit(chosen)
