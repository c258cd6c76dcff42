"""History: every version of the plan, each readable as it was, and what changed in plain words.

The page's layout is :class:`HistoryView` (gui/workspace/history_view.py); the page fills it.
"""

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
    QWidget,
)

from careplan.domain.errors import CareplanError
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.statuses import plan_status_words, sentence
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.history_view import HistoryView
from careplan.gui.workspace.page import WorkspacePage
from careplan.services.history import (
    Change,
    changes_between,
    describe_version,
)
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import (
    PersonView,
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


class HistoryPage(WorkspacePage):
    """Every version of this plan; choose one to read it as it was and see what changed."""

    title = "History"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self._person: PersonView | None = None
        self._plan_id: int | None = None
        self._open_id: int | None = None
        self.shown: VersionView | None = None
        # Versions read since the page was last filled, starting with the open one (handed in by
        # the workspace): choosing and comparing reuse them instead of reading them again.
        self._views: dict[int, VersionView] = {}

        self.model = VersionListModel(self)
        self.view = HistoryView(self)
        view = self.view
        view.version_list.setModel(self.model)
        view.version_list.selectionModel().currentChanged.connect(self._current_changed)
        view.version_list.activated.connect(lambda _index: self._open_chosen())
        view.open_button.clicked.connect(self._open_chosen)
        view.compare_from.currentIndexChanged.connect(lambda _i: self._compare())
        view.compare_to.currentIndexChanged.connect(lambda _i: self._compare())
        self._set_has_plan(False)

    # --- showing -------------------------------------------------------------------------

    def _set_has_plan(self, has_plan: bool) -> None:
        self.view.detail_area.setVisible(has_plan)
        self.view.empty.setVisible(not has_plan)
        self.view.version_list.setEnabled(has_plan)
        self.view.open_button.setEnabled(False)

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
        for combo, start in ((self.view.compare_from, 0), (self.view.compare_to, len(ordered) - 1)):
            combo.blockSignals(True)
            combo.clear()
            for summary in ordered:
                combo.addItem(f"Version {summary.number}", summary.id)
            combo.setCurrentIndex(max(start, 0) if ordered else -1)
            combo.blockSignals(False)
        self._compare()

    def choose_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.version_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    @property
    def chosen_id(self) -> int | None:
        summary = self.model.summary(self.view.version_list.currentIndex().row())
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
            self.view.version_title.setText(exc.message)
            self.view.open_button.setEnabled(False)
            return
        self.shown = version
        self.view.version_title.setText(describe_version(version))
        self.view.version_title.setAccessibleName(describe_version(version))
        self.view.kept_note.setText(
            "This version is kept just as it was. It cannot be changed."
            if version.frozen
            else "This version is still being written. Change it on the other pages."
        )
        is_open = version.id == self._open_id
        self.view.open_button.setEnabled(not is_open)
        self.view.open_button.setToolTip(
            "This is the version open now."
            if is_open
            else f"Show version {version.number} on the other pages"
        )
        self.view.content.show_version(version)
        self.view.detail_area.verticalScrollBar().setValue(0)
        before = self.model.before(version.id)
        self.view.since_box.setTitle(
            f"What changed since version {before.number}"
            if before is not None
            else "What changed since the version before"
        )
        if before is None:
            self.view.since_changes.set_message(FIRST_VERSION)
            return
        try:
            changes = self._changes(before.id, version.id)
        except CareplanError as exc:
            self.view.since_changes.set_message(exc.message)
            return
        self.view.since_changes.set_changes(changes, f"No differences from version {before.number}.")

    def _compare(self) -> None:
        older, newer = self.view.compare_from.currentData(), self.view.compare_to.currentData()
        if older is None or newer is None:
            self.view.comparison.set_message("There are no versions to compare yet.")
            return
        if self.view.compare_to.count() < 2:
            only_one = "There is only one version so far, so there is nothing to compare."
            self.view.comparison.set_message(only_one)
            return
        try:
            changes = self._changes(older, newer)
        except CareplanError as exc:
            self.view.comparison.set_message(exc.message)
            return
        self.view.comparison.set_changes(changes, SAME_VERSION if older == newer else NO_DIFFERENCES)

    def compare(self, older_number: int, newer_number: int) -> None:
        """Choose two versions by number in the combo boxes (as a person would)."""
        for combo, number in ((self.view.compare_from, older_number), (self.view.compare_to, newer_number)):
            combo.setCurrentIndex(combo.findText(f"Version {number}"))

    def _open_chosen(self) -> None:
        chosen = self.chosen_id
        if chosen is not None and chosen != self._open_id:
            self.version_requested.emit(chosen)
