"""Who has seen this: every opening of and change to the person's record, newest first.

Only for staff whose role may see the audit trail (and the record itself): managers. The
workspace leaves the tab out for everyone else (its registry entry's ``needs``), and the use
case refuses anyway.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.errors import CareplanError
from careplan.domain.wording.dates import date_and_time
from careplan.gui.widgets.row_table_model import Index, RowTableModel
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.page import WorkspacePage
from careplan.services.record_access import AccessEvent, record_access
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, VersionView

EVERYONE = "Everyone"


class AccessTableModel(RowTableModel[AccessEvent]):
    """The events in the order the service gives them (newest first)."""

    StaffIdRole = Qt.ItemDataRole.UserRole + 1
    OpenedRole = Qt.ItemDataRole.UserRole + 2
    COLUMNS = ("When", "Who", "What they did")

    def staff(self) -> list[tuple[int | None, str]]:
        """Everyone who appears, once each, by name."""
        seen: dict[int | None, str] = {}
        for row in self.rows:
            seen.setdefault(row.staff_id, row.who)
        return sorted(seen.items(), key=lambda item: item[1].lower())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == self.StaffIdRole:
            return row.staff_id
        if role == self.OpenedRole:
            return row.opened
        if role == Qt.ItemDataRole.DisplayRole:
            return (date_and_time(row.at), row.who, row.described)[column] if 0 <= column < 3 else None
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{date_and_time(row.at)}: {row.who}. {row.described}."
        if role == Qt.ItemDataRole.FontRole and row.opened and column == 2:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class AccessFilter(QSortFilterProxyModel):
    """Keeps the events of one member of staff (or everyone), and optionally only openings."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._staff: int | None = None
        self._everyone = True
        self._only_openings = False

    def show_staff(self, staff_id: int | None, *, everyone: bool) -> None:
        self._staff, self._everyone = staff_id, everyone
        self._refilter()

    def show_only_openings(self, only: bool) -> None:
        self._only_openings = only
        self._refilter()

    def _refilter(self) -> None:
        # Qt 6.9 brought begin/endFilterChange; PySide6 6.7 and 6.8 (which we support) have not.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if not self._everyone and model.data(index, AccessTableModel.StaffIdRole) != self._staff:
            return False
        return not self._only_openings or bool(model.data(index, AccessTableModel.OpenedRole))


class AccessPage(WorkspacePage):
    """The "Who has seen this" tab."""

    title = "Who has seen this"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.person: PersonView | None = None
        self._stale = True
        self.heading = QLabel("Who has opened or changed this record", self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel(
            "Careplan notes every time a member of staff opens or changes this record. "
            "Goals, steps and services later taken out of the plan are not listed.",
            self,
        )
        self.explanation.setWordWrap(True)
        self.who = QComboBox(self)
        self.who.setAccessibleName("Show what was done by")
        self.who.setMinimumHeight(34)
        who_label = QLabel("&Show what was done by", self)
        who_label.setBuddy(self.who)
        self.only_openings = QCheckBox("&Only times the record was opened", self)
        self.only_openings.setAccessibleName("Only times the record was opened")
        self.count = QLabel(self)
        self.count.setObjectName("accessCount")
        self.model = AccessTableModel(self)
        self.filtered = AccessFilter(self)
        self.filtered.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("accessTable")
        self.table.setModel(self.filtered)
        self.table.setAccessibleName("Who opened or changed this record")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.2))
        header = self.table.horizontalHeader()
        # Widths from the font, not from measuring every row (a busy record has thousands).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("30 September 2026 at 23:59") + 24)
        filters = QHBoxLayout()
        filters.addWidget(who_label)
        filters.addWidget(self.who, 1)
        filters.addSpacing(16)
        filters.addWidget(self.only_openings)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.who.currentIndexChanged.connect(self._filter_changed)
        self.only_openings.toggled.connect(self._filter_changed)
        self.setTabOrder(self.who, self.only_openings)
        self.setTabOrder(self.only_openings, self.table)

    # WorkspacePage ---------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        """Read the trail when the tab is in front; else when it is next shown."""
        changed_person = self.person is None or self.person.id != person.id
        self.person = person
        self._stale = True
        if changed_person:
            self.model.set_rows([])
            self._fill_staff()
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # behaviour -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.person is None:
            return
        try:
            rows = record_access(self.context.db, self.context.actor, self.person.id)
        except CareplanError as exc:
            self.model.set_rows([])
            self.count.setText(exc.message)
            return
        self._stale = False
        self.model.set_rows(rows)
        self._fill_staff()
        self._filter_changed()

    def _fill_staff(self) -> None:
        chosen = self.who.currentData() if self.who.currentIndex() > 0 else None
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(EVERYONE, None)
        for staff_id, who in self.model.staff():
            self.who.addItem(who, staff_id)
        position = self.who.findData(chosen) if chosen is not None else 0
        self.who.setCurrentIndex(max(position, 0))
        self.who.blockSignals(False)
        widest = max((self.fontMetrics().horizontalAdvance(who) for _, who in self.model.staff()), default=0)
        self.table.setColumnWidth(1, max(widest, self.fontMetrics().horizontalAdvance("Who")) + 24)

    def _filter_changed(self, *_args: object) -> None:
        everyone = self.who.currentIndex() <= 0
        self.filtered.show_staff(self.who.currentData(), everyone=everyone)
        self.filtered.show_only_openings(self.only_openings.isChecked())
        shown, total = self.filtered.rowCount(), self.model.rowCount()
        if total == 0:
            self.count.setText("Nothing yet.")
        elif shown == total:
            self.count.setText(f"Showing all {total}, newest first.")
        else:
            self.count.setText(f"Showing {shown} of {total}, newest first.")
