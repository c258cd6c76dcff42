"""The Manager's desk window: what waits for a manager, the service's money, caseload sizes.

Its own window (the main window's menu opens it for managers: ``VIEW_REPORTS``), laid out in
``ui/desk_window.ui``: a tab for each queue (services near or over what is set aside among them;
oldest first, with how long each has waited in
words), the money (two bar charts, drawn when the tab is first shown, and the figures as tables;
"Export totals to CSV…") and the caseloads. Everything comes from one use case,
:func:`careplan.services.desk.desk_view`, read off the GUI thread (``gui/jobs.py``) as the window
opens and again by Reload (F5); ``filled`` says when it is shown.

Choosing a row and pressing Enter (or double-clicking it) opens that person's record in the main
window (``person_chosen``), except in the approval queue, where it opens the approval summary
(:class:`careplan.gui.desk.approve_dialog.ApproveDialog`): nothing on the desk approves on one
click. Tab moves between the tables and buttons; the arrow keys move between rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

from careplan.domain.errors import CareplanError
from careplan.domain.wording.dates import long_date
from careplan.gui.desk.approve_dialog import ApproveDialog
from careplan.gui.desk.tables import CellsModel, chosen_row, set_up_table
from careplan.gui.desk.totals_file import TotalsFile
from careplan.gui.forms.ui_desk_window import Ui_DeskWindow
from careplan.gui.jobs import Failure, Job
from careplan.services import desk_approval
from careplan.services.desk import Desk, desk_view
from careplan.services.signed_in import SignedInStaff

MONEY = ["Agreed", "Set aside", "Spent"]
NARROW_TABLE = 560


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


class _EnterOnRow(QObject):
    """Enter or Return on a table's row does what a double-click does."""

    def __init__(self, view: QTableView, act: Callable[[], None]) -> None:
        super().__init__(view)
        self._act = act
        view.installEventFilter(self)
        view.doubleClicked.connect(lambda _index: act())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._act()
            return True
        return False


class DeskWindow(QWidget):
    person_chosen = Signal(int)  # open this person's record in the main window
    approved = Signal(str)  # a plan was approved here: what to say in the main window
    filled = Signal()  # the desk was read and is shown

    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._context = context
        self.view: Desk | None = None
        self.job: Job | None = None
        self.approve_dialog: ApproveDialog | None = None
        self.ui = Ui_DeskWindow()
        self.ui.setupUi(self)
        self.setObjectName("deskWindow")
        self.charts: list[QWidget] = []
        self.totals_file = TotalsFile(self, context)

        ui = self.ui
        self.approve_model = CellsModel(
            ["Person", "Plan", "Signed", "Waiting", "Agreed budget", "Key worker"], {4}, self
        )
        self.requests_model = CellsModel(
            ["Person", "What", "Category", "Estimated cost", "Asked", "Waiting"], {3}, self
        )
        self.reviews_model = _ReviewsModel(
            ["Person", "Plan", "Due", "Days overdue", "Key worker", "Review"], {1, 3}, self
        )
        self.by_key_worker_model = CellsModel(["Key worker", "Overdue", "Due"], {1, 2}, self)
        self.ending_model = CellsModel(["Person", "Plan", "Ends", "When", "Key worker"], {1}, self)
        self.near_limit_model = CellsModel(
            ["Person", "Plan", "Service", "Set aside", "Used", "Since", "Waiting"], {1, 3, 4}, self
        )
        self.category_model = _CategoryModel(["Category", "Set aside", "Spent"], {1, 2}, self)
        self.month_model = CellsModel(["Month", *MONEY], {1, 2, 3}, self)
        self.caseload_model = CellsModel(["Key worker", "People"], {1}, self)
        for table, model in (
            (ui.approveTable, self.approve_model),
            (ui.requestsTable, self.requests_model),
            (ui.reviewsTable, self.reviews_model),
            (ui.byKeyWorkerTable, self.by_key_worker_model),
            (ui.endingTable, self.ending_model),
            (ui.nearLimitTable, self.near_limit_model),
            (ui.categoryTable, self.category_model),
            (ui.monthTable, self.month_model),
            (ui.caseloadTable, self.caseload_model),
        ):
            figures = (ui.categoryTable, ui.monthTable, ui.byKeyWorkerTable, ui.caseloadTable)
            set_up_table(table, model, stretch=0 if table in figures else None)  # names, then numbers
        ui.byKeyWorkerTable.setMaximumHeight(140)
        for narrow in (ui.byKeyWorkerTable, ui.caseloadTable):  # a name and a few numbers beside it
            narrow.setMaximumWidth(NARROW_TABLE)
        ui.moneyLayout.setRowStretch(1, 3)  # the charts: room for each category's name
        ui.moneyLayout.setRowStretch(2, 2)

        self._row_actions = [
            _EnterOnRow(ui.approveTable, self.approve_chosen),
            _EnterOnRow(ui.requestsTable, lambda: self.open_chosen(ui.requestsTable)),
            _EnterOnRow(ui.reviewsTable, lambda: self.open_chosen(ui.reviewsTable)),
            _EnterOnRow(ui.endingTable, lambda: self.open_chosen(ui.endingTable)),
            _EnterOnRow(ui.nearLimitTable, lambda: self.open_chosen(ui.nearLimitTable)),
        ]
        ui.approveButton.clicked.connect(self.approve_chosen)
        ui.approveOpenButton.clicked.connect(lambda: self.open_chosen(ui.approveTable))
        ui.requestsOpenButton.clicked.connect(lambda: self.open_chosen(ui.requestsTable))
        ui.reviewsOpenButton.clicked.connect(lambda: self.open_chosen(ui.reviewsTable))
        ui.endingOpenButton.clicked.connect(lambda: self.open_chosen(ui.endingTable))
        ui.nearLimitOpenButton.clicked.connect(lambda: self.open_chosen(ui.nearLimitTable))
        ui.exportButton.clicked.connect(lambda: self.export_totals())
        ui.reloadButton.clicked.connect(self.reload)
        ui.closeButton.clicked.connect(self.close)
        ui.tabs.currentChanged.connect(lambda _index: self._draw_charts_if_shown())
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(1100, 700)
        self.reload()

    # filling ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the desk again, off the GUI thread (at a county's size it takes a moment), and
        show it when it is read (the charts are drawn again when their tab is shown)."""
        if self.job is not None:
            return
        db, actor = self._context.db, self._context.actor
        job = Job(lambda _report: desk_view(db, actor), "Reading the manager's desk")
        self.job = job
        job.succeeded.connect(self._read)
        job.failed.connect(self._not_read)
        self.ui.reloadButton.setEnabled(False)
        if self.view is None:
            self.ui.summary.setText("Reading the desk…")
        job.start()

    def _read(self, view: Desk) -> None:
        self.job = None
        self.ui.reloadButton.setEnabled(True)
        self.fill(view)
        self.filled.emit()

    def _not_read(self, failure: Failure) -> None:
        self.job = None
        self.ui.reloadButton.setEnabled(True)
        self.ui.summary.setText(f"The desk could not be read. {failure.message}")

    def fill(self, view: Desk) -> None:
        self.view = view
        ui = self.ui
        self.approve_model.set_rows(view.to_approve)
        self.requests_model.set_rows(view.to_decide)
        self.reviews_model.set_rows(view.reviews)
        self.by_key_worker_model.set_rows(view.reviews_by_key_worker)
        self.ending_model.set_rows(view.ending)
        self.near_limit_model.set_rows(view.near_limit)
        self.category_model.set_rows(view.money_by_category)
        self.month_model.set_rows((*view.money_by_month, view.money_total))
        self.caseload_model.set_rows(view.caseloads)
        overdue = sum(row.overdue for row in view.reviews_by_key_worker)
        ui.summary.setText(
            f"As of {long_date(view.today)}: "
            f"{_count(len(view.to_approve), 'plan waits', 'plans wait')} for approval, "
            f"{_count(len(view.to_decide), 'request waits', 'requests wait')} for a decision, "
            f"{_count(overdue, 'review is', 'reviews are')} overdue, "
            f"{_count(len(view.ending), 'plan is', 'plans are')} ending or past their year; "
            f"{_count(len(view.near_limit), 'service is', 'services are')} near or over what is set aside."
        )
        tabs = ui.tabs
        tabs.setTabText(tabs.indexOf(ui.approvePage), f"&To approve ({len(view.to_approve)})")
        tabs.setTabText(tabs.indexOf(ui.requestsPage), f"&Requests ({len(view.to_decide)})")
        tabs.setTabText(tabs.indexOf(ui.reviewsPage), f"Re&views ({len(view.reviews)})")
        tabs.setTabText(tabs.indexOf(ui.endingPage), f"&Ending ({len(view.ending)})")
        tabs.setTabText(tabs.indexOf(ui.nearLimitPage), f"&Near or over ({len(view.near_limit)})")
        ui.endingHelp.setText(
            f"Plans whose year ends within {view.ending_within_days} days, or has ended, soonest first. "
            "Press Enter to open the person's record."
        )
        ui.moneyHelp.setText(
            "The money of the plans approved or in action: agreed budgets and what is set aside "
            "for services in the month each plan's year starts, and by category. Spent is what was "
            "recorded as bought or paid from them, in the month it was spent."
        )
        for table in (ui.approveTable, ui.requestsTable, ui.reviewsTable, ui.endingTable, ui.nearLimitTable):
            if table.model().rowCount():
                table.setCurrentIndex(table.model().index(0, 0))
        self._drop_charts()
        self._draw_charts_if_shown()

    def _drop_charts(self) -> None:
        for chart in self.charts:
            chart.setParent(None)
            chart.deleteLater()
        self.charts = []

    def _draw_charts_if_shown(self) -> None:
        if self.view is None or self.charts or self.ui.tabs.currentWidget() is not self.ui.moneyPage:
            return
        # The measured seam (gui/desk/money_charts.py): Qt Charts loads with the first chart shown.
        from careplan.gui.desk import money_charts

        palette = self.palette()
        category = money_charts.by_category(self.view.money_by_category, palette, self.ui.categoryChartArea)
        month = money_charts.by_month(self.view.money_by_month, palette, self.ui.monthChartArea)
        self.ui.categoryChartLayout.addWidget(category)
        self.ui.monthChartLayout.addWidget(month)
        self.charts = [category, month]

    # doing -----------------------------------------------------------------------------------

    def open_chosen(self, table: QTableView) -> None:
        row = chosen_row(table)
        if row is not None:
            self.person_chosen.emit(row.person_id)

    def approve_chosen(self) -> None:
        """The approval summary of the plan chosen, and the one question (never a one-click approval)."""
        row = chosen_row(self.ui.approveTable)
        if row is None or self.approve_dialog is not None:
            return
        try:
            summary = desk_approval.approval_summary(self._context.db, self._context.actor, row.version_id)
        except CareplanError as exc:
            QMessageBox.warning(self, "This plan cannot be approved", exc.message)
            self.reload()
            return
        dialog = ApproveDialog(self._context, summary, self)
        self.approve_dialog = dialog
        dialog.finished.connect(lambda _result: self._approve_closed(dialog))
        dialog.open()

    def _approve_closed(self, dialog: ApproveDialog) -> None:
        self.approve_dialog = None
        dialog.deleteLater()
        if dialog.approved:
            words = f"Plan {dialog.summary.plan_id} for {dialog.summary.person_reference} approved"
            self.ui.said.setText(f"✓ {words}")
            self.approved.emit(words)
        self.reload()
        self.ui.approveTable.setFocus()

    def export_totals(self, path: Path | None = None) -> Path | None:
        """Write the money's totals as CSV (``path``: where; None: ask with a file dialog)."""
        if self.view is None:
            return None
        saved = self.totals_file.save(self.view, path)
        if saved is not None:
            self.ui.said.setText(f"✓ Totals saved to {saved.name}")
        return saved


class _ReviewsModel(CellsModel):
    def cells_of(self, row: Any) -> list[str]:
        cells: list[str] = row.review.as_cells()
        return cells


class _CategoryModel(CellsModel):
    """A category has no agreed budget of its own (a plan's is the whole plan's)."""

    def cells_of(self, row: Any) -> list[str]:
        cells: list[str] = row.as_cells()
        return [cells[0], *cells[2:]]
