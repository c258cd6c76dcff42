"""The people list as a real Qt model: pages fetched from the database as the view scrolls."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from careplan.domain.permissions import Action
from careplan.domain.review_timing import ReviewState
from careplan.domain.wording.dates import short_date
from careplan.domain.wording.reviews import review_sentence, review_words
from careplan.domain.wording.statuses import newer_version_words, plan_status_words, sentence
from careplan.gui import theme
from careplan.gui.review_marks import review_colour
from careplan.services.people_search import PeopleQuery, PersonRow, SortKey, first_page, search_people
from careplan.services.signed_in import SignedInStaff

# Rows fetched at a time: the first page (at each keystroke) fills a tall window twice over;
# scrolling fetches the next. (Each row's plan status and review date are worked out as it is
# fetched, so 200 at each keystroke cost four times 50.)
PAGE = 50
Index = QModelIndex | QPersistentModelIndex


# The plan column of someone whose record the member of staff may not open now (their plan is
# not shown: it is not that they have none).
NOT_ON_CASELOAD = "Not on your caseload"


def status_words(row: PersonRow) -> str:
    """The plan column: the plan in force and, when a newer version is on its way, that too
    ("In action · new version being written"), so nobody thinks the plan in force has gone."""
    if not row.may_open:
        return NOT_ON_CASELOAD
    newest = sentence(plan_status_words(row.plan_status))
    if row.in_force_status is None:
        return newest
    in_force = sentence(plan_status_words(row.in_force_status))
    return f"{in_force} · new version {plan_status_words(row.plan_status)}"


def status_short(row: PersonRow) -> str:
    """The plan column on screen: "In action" over "+ new version" (the full words in its tooltip)."""
    if row.in_force_status is None:
        return status_words(row)
    in_force = sentence(plan_status_words(row.in_force_status))
    return f"{in_force}\n{newer_version_words(row.plan_status)}"


def review_short(row: PersonRow) -> str:
    """The next review column on screen: the date, and under it, when the review is due or
    overdue, so in words ("Overdue by 12 days"): the colour is never the only sign."""
    if row.review is None:
        return ""
    shown = short_date(row.review.due_date)
    if row.review.state in (ReviewState.DUE, ReviewState.OVERDUE):
        return f"{shown}\n{review_words(row.review)}"
    return shown


def display_name(preferred: str, full: str) -> str:
    """ "Deirdre Walsh" liked to be called Dee shows as "Dee (Deirdre Walsh)"; otherwise the full name."""
    if full == preferred or full.split()[0].casefold() == preferred.casefold():
        return full
    return f"{preferred} ({full})"


class PeopleModel(QAbstractTableModel):
    """Rows come from :func:`search_people`, one page at a time (``canFetchMore``/``fetchMore``)."""

    COLUMNS = ("Name", "Reference", "Plan", "Next review", "Key worker")
    SORT_KEYS = (SortKey.NAME, SortKey.REFERENCE, SortKey.STATUS, SortKey.NEXT_REVIEW, SortKey.KEY_WORKER)
    PersonIdRole = Qt.ItemDataRole.UserRole + 1
    total_changed = Signal()  # the count became exact as the list was scrolled to its end

    def __init__(self, context: SignedInStaff, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._query = PeopleQuery()
        self._rows: list[PersonRow] = []
        self._total = 0
        self._exact = True
        self.refresh()

    @property
    def query(self) -> PeopleQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many match; while typing, past a thousand, how many at least (see ``total_exact``)."""
        return self._total

    @property
    def total_exact(self) -> bool:
        """False while more than ``total`` match and they have not all been fetched."""
        return self._exact

    def total_words(self) -> str:
        """The count under the list, in words: "1 person", "2,345 people", "More than 1,000 people"."""
        if not self._exact:
            return f"More than {self._total:,} people"
        return f"{self._total:,} {'person' if self._total == 1 else 'people'}"

    def set_query(self, query: PeopleQuery) -> None:
        """Show the people matching ``query`` (nothing is read again when it is the same query:
        the view asks for its sort order more than once while it is set up; F5 calls refresh)."""
        if query == self._query:
            return
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        if not self._context.may(Action.VIEW_PEOPLE):  # an administrator's window has no list
            return
        self.beginResetModel()
        page = first_page(self._context.db, self._context.actor, self._query, limit=PAGE)
        self._total, self._rows, self._exact = page.total, page.rows, page.exact
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and (len(self._rows) < self._total or not self._exact)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = search_people(
            self._context.db, self._context.actor, self._query, offset=len(self._rows), limit=PAGE
        )
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        if len(more) < PAGE:  # the end of the list: now everyone who matches is here
            self._total, self._exact = len(self._rows), True
            self.total_changed.emit()
        elif not self._exact:
            self._total = max(self._total, len(self._rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for a dozen roles per cell each time it paints or sizes a column; the
        # roles this model has no answer for are turned away first, before any other work.
        if role not in _ANSWERED_ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == self.PersonIdRole:
            return row.person_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return display_name(row.preferred_name, row.full_name)
            if column == 1:
                return row.reference
            if column == 2:
                # Short on screen, so the names keep their room; in full for a screen reader
                # and in the tooltip.
                if role == Qt.ItemDataRole.DisplayRole:
                    return status_short(row)
                return status_words(row)
            if column == 3:
                # The date and, when due or overdue, the words; the whole sentence for a screen
                # reader ("Overdue by 12 days: it was due on Wednesday 25 November 2026").
                if role == Qt.ItemDataRole.DisplayRole:
                    return review_short(row)
                return review_sentence(row.review) if row.review else ""
            if column == 4:
                return row.key_worker or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and row.review:
            return review_sentence(row.review)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return review_colour(row.review)  # the theme's reviewDue / reviewOverdue
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and not row.may_open:
            return QColor(theme.EDGE)  # quieter than a plan's status (the words say it)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and not row.may_open:
            return f"{NOT_ON_CASELOAD}: cover for a colleague to open their record and see their plan."
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return status_words(row)  # in full, when the column is too narrow
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return

        self.set_query(
            replace(
                self._query, sort=self.SORT_KEYS[column], descending=order == Qt.SortOrder.DescendingOrder
            )
        )

    def person_id(self, row: int) -> int | None:
        return self._rows[row].person_id if 0 <= row < len(self._rows) else None

    def preferred_name(self, person_id: int) -> str | None:
        """The name this person likes to be called, if they are in the rows read so far."""
        number = self.row_of(person_id)
        return None if number is None else self._rows[number].preferred_name

    def row_of(self, person_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.person_id == person_id:
                return number
        return None


_ANSWERED_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        int(Qt.ItemDataRole.AccessibleTextRole),
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.ForegroundRole),
        int(PeopleModel.PersonIdRole),
    }
)
