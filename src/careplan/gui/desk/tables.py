"""The desk's tables: rows that say themselves as cells (``as_cells``), in a read-only table
that is part of the window's Tab order rather than a trap for it."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from careplan.gui.widgets.row_table_model import Index, RowTableModel

RESIZE_PRECISION = 100
"""Columns are as wide as their widest cell among this many rows: a queue of thousands opens as
fast as one of a hundred (Qt measures 1,000 rows otherwise)."""


class Cells(Protocol):
    def as_cells(self) -> list[str]: ...


class CellsModel(RowTableModel[Any]):
    """Rows shown as their ``as_cells()``; the columns in ``right`` (numbers, money) flush right."""

    def __init__(self, columns: Sequence[str], right: Collection[int] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.COLUMNS = tuple(columns)
        self._right = frozenset(right)
        self._cells: list[list[str]] = []

    def set_rows(self, rows: Any) -> None:
        rows = list(rows)
        self._cells = [self.cells_of(row) for row in rows]
        super().set_rows(rows)

    def cells_of(self, row: Any) -> list[str]:
        cells: list[str] = row.as_cells()
        return cells

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cells):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def set_up_table(view: QTableView, model: CellsModel, *, stretch: int | None = None) -> None:
    """Whole rows chosen one at a time, nothing edited in place, and Tab moves on to the next
    control (arrow keys move between rows). ``stretch``: the column that takes the room left
    (None: the last)."""
    view.setModel(model)
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(RESIZE_PRECISION)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def chosen_row(view: QTableView) -> Any:
    """The row chosen in the table (the current one), or None."""
    model = view.model()
    index = view.currentIndex()
    if not isinstance(model, CellsModel) or not index.isValid():
        return None
    return model.row_at(index.row())
