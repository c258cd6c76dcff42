"""Finding a person: search as you type, filters, and the list itself."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.enums import PlanStatus
from careplan.gui.context import AppContext
from careplan.gui.people.model import STATUS_WORDS, PeopleModel
from careplan.services.people_search import ReviewFilter

SEARCH_DELAY_MS = 120


class PeoplePanel(QWidget):
    person_chosen = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = PeopleModel(context, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText("Find a person: name or reference")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Find a person")
        self.search.setAccessibleDescription(
            "Type part of a name or a reference; the list updates as you type."
        )

        self.caseload = QCheckBox("My caseload", self)
        self.caseload.setAccessibleDescription("Show only the people you are key worker for")
        self.status = QComboBox(self)
        self.status.setAccessibleName("Plan status")
        self.status.addItem("Any plan", None)
        for status in PlanStatus:
            if status is not PlanStatus.SUPERSEDED:  # a replaced version is history, never where a plan is
                self.status.addItem(STATUS_WORDS[status.value], status)
        self.status.setAccessibleDescription(
            "Someone whose plan is in action while a new version is being written is found under both."
        )
        self.reviews = QComboBox(self)
        self.reviews.setAccessibleName("Reviews")
        self.reviews.addItem("Any review date", ReviewFilter.ANY)
        self.reviews.addItem("Review due in 2 weeks", ReviewFilter.DUE_SOON)
        self.reviews.addItem("Review overdue", ReviewFilter.OVERDUE)

        self.table = QTableView(self)
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName("People")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The order the model already has, shown before sorting is switched on: switching it on
        # asks the model to sort by the header's indicator (descending, unless told).
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Columns fit the rows on screen, not every row fetched so far: otherwise each keystroke
        # asks the model for every cell of up to a page of rows just to size the columns.
        header.setResizeContentsPrecision(0)

        self.count = QLabel(self)
        self.count.setObjectName("peopleCount")

        filters = QHBoxLayout()
        filters.addWidget(self.caseload)
        filters.addWidget(self.status)
        filters.addWidget(self.reviews)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._open_first)
        self.caseload.toggled.connect(self.apply_filters)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.reviews.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.total_changed.connect(self._update_count)
        self._update_count()

    def apply_filters(self) -> None:
        self._timer.stop()
        query = replace(
            self.model.query,
            text=self.search.text().strip(),
            my_caseload=self.caseload.isChecked(),
            plan_status=PlanStatus(status) if (status := self.status.currentData()) else None,
            reviews=ReviewFilter(self.reviews.currentData()),
        )
        self.model.set_query(query)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self, keep_person: int | None = None) -> None:
        self.model.refresh()
        if keep_person is not None:
            self.select_person(keep_person)

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)

    def _open_first(self) -> None:
        self.apply_filters()
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
            self.table.setFocus()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            person_id = self.model.person_id(indexes[0].row())
            if person_id is not None:
                self.person_chosen.emit(person_id)

    def _update_count(self, *_: QModelIndex) -> None:
        self.count.setText(self.model.total_words())
        if self.model.total_exact:
            self.count.setToolTip("")
        else:
            self.count.setToolTip("Type more of the name or reference to find fewer people.")
