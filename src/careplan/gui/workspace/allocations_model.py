"""The table of what the money is set aside for: service, the goals it helps with, how many × price, total."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from careplan.domain.wording.money import format_money
from careplan.domain.wording.units import quantity_words
from careplan.services.workspace import AllocationView

Index = QModelIndex | QPersistentModelIndex


class AllocationsModel(QAbstractTableModel):
    """What the money is set aside for: service, the goals it helps with, how many × price, total."""

    COLUMNS = ("Service", "Helps with", "How many", "Cost")
    AllocationIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AllocationView] = []
        self._goals: dict[int, str] = {}

    def set_allocations(self, allocations: list[AllocationView], goals: dict[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(allocations)
        self._goals = dict(goals)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def allocation(self, row: int) -> AllocationView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, allocation_id: int) -> int | None:
        return next((n for n, a in enumerate(self._rows) if a.id == allocation_id), None)

    def _text(self, row: AllocationView, column: int) -> str:
        if column == 0:
            notes = []
            if row.from_proposal:
                notes.append("asked for specially")
            if row.override_reason:
                notes.append("over budget, agreed by a manager")
            return row.description + (f" ({'; '.join(notes)})" if notes else "")
        if column == 1:
            return "; ".join(self._goals.get(g, "a goal") for g in row.goal_ids)
        if column == 2:
            return f"{quantity_words(row.quantity, row.unit)} × {format_money(row.unit_price_pence)}"
        if column == 3:
            return format_money(row.total_pence)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and row.override_reason:
                return f"A manager agreed to go over the budget: {row.override_reason}"
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.AllocationIdRole:
            return row.id
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == 3:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
