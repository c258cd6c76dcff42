"""Finding a person: search as you type, filters, and the list itself.

Opening someone's record is a deliberate act, and an audited one ("record opened"): Enter on the
chosen row, a double-click, or the Open button. Moving through the list (arrow keys, Page Up and
Down, a single click) only chooses a row, and Tab leaves the list instead of walking its cells, so
passing people by never opens their records. Enter in the search box opens the one person found;
when several are found it chooses the first and moves to the list, where Enter opens.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.enums import PlanStatus
from careplan.domain.review_timing import DUE_WITHIN_DAYS
from careplan.domain.wording.statuses import plan_status_words, sentence
from careplan.gui.people.model import PeopleModel
from careplan.services.people_search import ReviewFilter
from careplan.services.signed_in import SignedInStaff

SEARCH_DELAY_MS = 120
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PeopleTable(QTableView):
    """The list: Enter asks to open the person on the current row (``open_requested``); every
    other key moves or chooses, as in any table."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in OPEN_KEYS:
            if self.currentIndex().isValid():
                self.open_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PeoplePanel(QWidget):
    person_chosen = Signal(int)  # opened on purpose: Enter, a double-click, or Open

    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
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
                self.status.addItem(sentence(plan_status_words(status)), status)
        self.status.setAccessibleDescription(
            "Someone whose plan is in action while a new version is being written is found under both."
        )
        self.reviews = QComboBox(self)
        self.reviews.setAccessibleName("Reviews")
        self.reviews.addItem("Any review date", ReviewFilter.ANY)
        self.reviews.addItem("Review due or overdue", ReviewFilter.DUE_SOON)
        self.reviews.addItem("Review overdue", ReviewFilter.OVERDUE)
        self.reviews.setAccessibleDescription(
            f"A review is due from {DUE_WITHIN_DAYS} days before its date; after its date, overdue."
        )

        self.table = PeopleTable(self)
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName("People")
        self.table.setAccessibleDescription(
            "Choose a person with the arrow keys, then press Enter to open their record."
        )
        self.table.setTabKeyNavigation(False)  # Tab goes on to Open, not from cell to cell
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
        self.open_button = QPushButton("Open", self)
        self.open_button.setObjectName("openPerson")
        self.open_button.setAccessibleName("Open the chosen person's record")
        self.open_button.setToolTip("Open the chosen person's record (Enter, or double-click them)")
        self.open_button.setMinimumHeight(36)
        self.open_button.setMinimumWidth(96)
        self.open_button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.caseload)
        filters.addWidget(self.status)
        filters.addWidget(self.reviews)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        below = QHBoxLayout()
        below.addWidget(self.count, 1)
        below.addWidget(self.open_button)
        layout.addLayout(below)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_entered)
        self.caseload.toggled.connect(self.apply_filters)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.reviews.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.open_requested.connect(self.open_chosen)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.open_button.clicked.connect(self.open_chosen)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._selection_changed)
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
        """Choose the person's row (it does not open their record)."""
        row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)

    def chosen_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def open_chosen(self) -> None:
        row = self.chosen_row()
        if row is None and self.table.currentIndex().isValid():
            row = self.table.currentIndex().row()
        if row is not None:
            self.open_row(row)

    def open_row(self, row: int) -> None:
        person_id = self.model.person_id(row)
        if person_id is not None:
            self.table.selectRow(row)
            self.person_chosen.emit(person_id)

    def _search_entered(self) -> None:
        """Enter in the search box: the one person found opens; of several, the first is chosen
        and the list takes the keyboard (Enter there opens), so nobody is opened by chance."""
        self.apply_filters()
        if self.model.rowCount() == 0:
            return
        self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.total == 1 and self.model.total_exact:
            self.open_row(0)

    def _selection_changed(self, *_: QItemSelection) -> None:
        self.open_button.setEnabled(self.chosen_row() is not None)

    def _update_count(self, *_: QModelIndex) -> None:
        self.count.setText(self.model.total_words())
        if self.model.total_exact:
            self.count.setToolTip("")
        else:
            self.count.setToolTip("Type more of the name or reference to find fewer people.")
