"""The service catalogue, for managers and administrators: see it, find in it, load it from a
spreadsheet and save it as one.

Form: ui/catalogue_dialog.ui. The table is a real item model over ``catalogue.list_services``
behind a filter-and-sort proxy. Loading has three steps, each of which can end it with nothing
saved: the file is read and checked, and compared with the catalogue, off the GUI thread (a
:class:`Job`); every problem is listed by line, or the manager is told what loading will do and
asked; then it is saved in one go, in a second job that moves a progress bar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from careplan.documents.files import why_not_written, write_atomically
from careplan.domain.errors import CareplanError, InvalidInput
from careplan.domain.money import to_pence
from careplan.domain.wording.dates import short_date
from careplan.domain.wording.money import format_pounds
from careplan.gui import theme
from careplan.gui.default_folder import default_folder
from careplan.gui.forms.ui_catalogue_dialog import Ui_CatalogueDialog
from careplan.gui.jobs import Failure, Job, Report
from careplan.gui.theme import set_role
from careplan.gui.widgets.password_forms import roomy_buttons
from careplan.gui.widgets.row_table_model import Index, RowTableModel
from careplan.services import catalogue, catalogue_file, chosen_files
from careplan.services.catalogue import CatalogueEntry
from careplan.services.catalogue_file import CatalogueFileProblems, CatalogueLine, ImportSummary
from careplan.services.signed_in import SignedInStaff

CSV_FILTER = "CSV files (*.csv);;All files (*)"
NOTHING_LOADED = "Nothing was loaded. Change these lines in the spreadsheet and load it again."


def available_words(entry: CatalogueEntry, today: date) -> str:
    """When the service is on offer, in words: "Always", "From 1 Apr 2026", "Ended 31 Mar 2025"."""
    start, end = entry.available_from, entry.available_to
    if end is not None and end < today:
        return f"Ended {short_date(end)}"
    if start is not None and end is not None:
        return f"{short_date(start)} to {short_date(end)}"
    if start is not None:
        return f"From {short_date(start)}"
    if end is not None:
        return f"Until {short_date(end)}"
    return "Always"


def on_offer(entry: CatalogueEntry, today: date) -> bool:
    return (entry.available_from is None or entry.available_from <= today) and (
        entry.available_to is None or entry.available_to >= today
    )


class CatalogueTableModel(RowTableModel[CatalogueEntry]):
    """Every service in the catalogue, one a row. Services not on offer today are shown grey."""

    COLUMNS = ("Provider", "Service", "Category", "Unit", "Price", "Peer led", "Available")
    PRICE = 4
    SortRole = Qt.ItemDataRole.UserRole + 1
    ServiceIdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, context: SignedInStaff, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self.today = date.today()

    def refresh(self) -> None:
        """Read the catalogue again (a busy or broken database raises a CareplanError)."""
        rows = catalogue.list_services(self._context.db, self._context.actor)
        self.today = date.today()
        self.set_rows(rows)

    def provider_count(self) -> int:
        return len({entry.provider_id for entry in self.rows})

    def not_on_offer_count(self) -> int:
        return sum(1 for entry in self.rows if not on_offer(entry, self.today))

    def _texts(self, entry: CatalogueEntry) -> tuple[str, ...]:
        return (
            entry.provider,
            entry.name,
            entry.category,
            entry.unit.value.capitalize(),
            format_pounds(entry.price),
            "Yes" if entry.peer_led else "No",
            available_words(entry, self.today),
        )

    def _sort_key(self, entry: CatalogueEntry, column: int) -> str | int:
        if column == self.PRICE:
            return to_pence(entry.price)
        if column == 6:  # by when it ends, then when it starts; "always" last
            end = entry.available_to.isoformat() if entry.available_to else "9999"
            start = entry.available_from.isoformat() if entry.available_from else "0000"
            return f"{end} {start}"
        return self._texts(entry)[column].casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts(entry)[column]
        if role == self.SortRole:
            return self._sort_key(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PRICE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            if not on_offer(entry, self.today):
                return "Not on offer today: key workers cannot choose it."
            return entry.description or None
        if role == Qt.ItemDataRole.ForegroundRole and not on_offer(entry, self.today):
            return QBrush(QColor(theme.DIMMED))
        if role == self.ServiceIdRole:
            return entry.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.TextAlignmentRole and section == self.PRICE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().headerData(section, orientation, role)


class CatalogueFilter(QSortFilterProxyModel):
    """Rows with the typed words anywhere in them (any order, any case), sorted by real values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(CatalogueTableModel.SortRole)

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        row = " ".join(
            str(model.data(model.index(source_row, column, source_parent)))
            for column in range(model.columnCount())
        ).casefold()
        return all(word in row for word in self._words)


class ProblemsDialog(QDialog):
    """Every problem in the file, line by line, with a way to copy them all."""

    def __init__(
        self, file_name: str, problems: CatalogueFileProblems, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueProblemsDialog")
        self.setWindowTitle("The spreadsheet was not loaded")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.heading = QLabel(NOTHING_LOADED, self)
        self.heading.setObjectName("problemsHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        count = len(problems.problems)
        self.about = QLabel(
            f"{file_name} has {count:,} line{'' if count == 1 else 's'} to change. "
            "The line numbers are those of the file: line 1 is the headings.",
            self,
        )
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.about)
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName("Lines to change")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.list.addItems([str(problem) for problem in problems.problems])
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("&Copy the list", self.buttons)
        self.copy_button.setToolTip("Copy every line of this list, to paste into an email or a note")
        self.copy_button.setAutoDefault(False)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        roomy_buttons(self.buttons)
        layout.addWidget(self.buttons)
        self.resize(680, 420)

    def text(self) -> str:
        lines = [self.list.item(row).text() for row in range(self.list.count())]
        return "\n".join([NOTHING_LOADED, "", *lines]) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText("Copied")


def read_file(path: Path) -> bytes:
    """The file's bytes, or a plain reason why not (a folder, a device or a pipe, gone, not
    allowed, far too big)."""
    try:
        return chosen_files.read_chosen(path, kind="a spreadsheet file", limit=catalogue_file.MAX_BYTES)
    except chosen_files.MissingFile:
        raise InvalidInput(f"{path.name} is not there any more. Choose the file again.", "file") from None


class CatalogueDialog(QDialog):
    """The catalogue: a table to look through, and the two spreadsheet buttons."""

    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.job: Job | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self.confirmation: QMessageBox | None = None
        self._folder = default_folder()
        self._counts = (0, 0)  # (saved, of): written by the loading job's thread, read on ours
        self._reading = Path()  # the file being read and checked
        self.ui = Ui_CatalogueDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = CatalogueTableModel(context, self)
        self.proxy = CatalogueFilter(self)
        self.proxy.setSourceModel(self.model)
        table = ui.servicesTable
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        ui.progress.hide()
        ui.message.hide()
        ui.filterBox.textChanged.connect(self._filter)
        ui.filterBox.returnPressed.connect(self._to_table)  # type, Enter, then arrows to look
        ui.loadButton.clicked.connect(self.load)
        ui.saveButton.clicked.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        roomy_buttons(ui.buttons)
        self._refresh()
        ui.filterBox.setFocus()
        self.resize(980, 560)

    # looking --------------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.proxy.set_words(text)
        self._show_count()

    def _to_table(self) -> None:
        table = self.ui.servicesTable
        if self.proxy.rowCount():
            table.setCurrentIndex(self.proxy.index(0, 0))
            table.setFocus()

    def _show_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        providers = self.model.provider_count()
        if total == 0:
            words = "No services yet"
        elif shown == total:
            words = (
                f"{total:,} service{'' if total == 1 else 's'} from "
                f"{providers:,} provider{'' if providers == 1 else 's'}"
            )
            grey = self.model.not_on_offer_count()
            if grey:
                words += f"; {grey:,} not on offer today (grey)"
        else:
            words = f"Showing {shown:,} of {total:,} services"
        self.ui.countLabel.setText(words)
        self.ui.emptyLabel.setVisible(total == 0)
        self.ui.saveButton.setEnabled(total > 0 and self.job is None)

    def _say(self, text: str, *, good: bool) -> None:
        set_role(self.ui.message, "done" if good else "problem")
        self.ui.message.setText(text)
        self.ui.message.setAccessibleName(text)
        self.ui.message.show()

    def _busy(self, words: str, steps: int = 0) -> None:
        ui = self.ui
        ui.loadButton.setEnabled(False)
        ui.saveButton.setEnabled(False)
        ui.buttons.setEnabled(False)
        ui.progress.setRange(0, steps)  # 0 to 0: moving to and fro, for "working on it"
        ui.progress.setValue(0)
        ui.progress.show()
        self._say(words, good=True)
        set_role(self.ui.message, None)  # on its way: neither done nor a problem

    def _idle(self) -> None:
        self.job = None
        ui = self.ui
        ui.progress.hide()
        ui.loadButton.setEnabled(True)
        ui.buttons.setEnabled(True)
        self._show_count()

    def _start(self, job: Job) -> None:
        self.job = job
        job.progress.connect(self._progress)
        job.start()

    def _progress(self, words: str) -> None:
        done, total = self._counts
        if total:
            self.ui.progress.setRange(0, total)
            self.ui.progress.setValue(done)
        self.ui.message.setText(words)

    def reject(self) -> None:
        if self.job is not None:
            return  # the dialog stays until the work ends: its outcome is shown here
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            event.ignore()
            return
        super().closeEvent(event)

    # loading --------------------------------------------------------------------------------

    def load(self) -> None:
        if self.job is not None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Load the catalogue from a spreadsheet", str(self._folder), CSV_FILTER
        )
        if not chosen:
            return
        path = Path(chosen)
        self._folder = path.parent
        db, actor = self._context.db, self._context.actor

        def work(report: Report) -> tuple[Path, list[CatalogueLine], ImportSummary]:
            report(f"Reading {path.name}…")
            lines = catalogue_file.read_catalogue(read_file(path))
            report("Comparing it with the catalogue…")
            return path, lines, catalogue_file.compare_catalogue(db, actor, lines)

        self._reading = path
        self._busy(f"Checking {path.name}…")
        job = Job(work, "Reading the spreadsheet")
        job.succeeded.connect(self._checked)
        job.failed.connect(self._not_read)  # bound methods: let go if this dialog is deleted
        self._start(job)

    def _not_read(self, failure: Failure) -> None:
        self._idle()
        path = self._reading
        self.ui.message.hide()
        error = failure.error
        if isinstance(error, CatalogueFileProblems) and any(p.line for p in error.problems):
            self.problems_dialog = ProblemsDialog(path.name, error, self)
            self.problems_dialog.open()
            return
        message = failure.message
        if isinstance(error, CatalogueFileProblems):
            message = f"{error.problems[0]}"
        QMessageBox.warning(self, "The spreadsheet was not loaded", f"{message}\n\nNothing was loaded.")

    def _checked(self, outcome: tuple[Path, list[CatalogueLine], ImportSummary]) -> None:
        self._idle()
        path, lines, summary = outcome
        if not summary.added and not summary.changed:
            self._say(f"{path.name}: {summary.preview}", good=True)
            return
        self.ui.message.hide()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Load this spreadsheet?",
            summary.preview,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("catalogueConfirmation")
        box.setInformativeText(
            f"From {path.name}. Key workers can choose the new services as soon as it is loaded."
        )
        load = box.addButton("Load", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        for button in (load, cancel):
            button.setMinimumSize(110, 40)
        grid = box.layout()
        if isinstance(grid, QGridLayout):  # room for the sentence, rather than a narrow column
            grid.addItem(
                QSpacerItem(480, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
                grid.rowCount(),
                0,
                1,
                grid.columnCount(),
            )
        box.setDefaultButton(load)
        box.setEscapeButton(cancel)
        box.finished.connect(lambda _result: self._answered(box, load, lines))
        self.confirmation = box
        box.open()

    def _answered(self, box: QMessageBox, load: QPushButton, lines: list[CatalogueLine]) -> None:
        self.confirmation = None
        box.deleteLater()
        if box.clickedButton() is load:
            self._save_lines(lines)
        else:
            self._say("Nothing was loaded.", good=True)

    def _save_lines(self, lines: list[CatalogueLine]) -> None:
        db, actor = self._context.db, self._context.actor
        self._counts = (0, len(lines))

        def work(report: Report) -> ImportSummary:
            def progress(done: int, total: int) -> None:
                self._counts = (done, total)
                report(f"Saving: {done:,} of {total:,} services done…")

            return catalogue_file.import_catalogue(db, actor, lines, progress=progress)

        self._busy(f"Saving {len(lines):,} services…", len(lines))
        job = Job(work, "Loading the catalogue")
        job.succeeded.connect(self._loaded)
        job.failed.connect(self._not_loaded)
        self._start(job)

    def _loaded(self, summary: ImportSummary) -> None:
        self._idle()
        self._refresh()
        self._say(summary.outcome, good=True)

    def _not_loaded(self, failure: Failure) -> None:
        self._idle()
        self._refresh()
        self.ui.message.hide()
        message = failure.message
        if "Nothing was" not in message:
            message += "\n\nNothing was saved: the catalogue is as it was."
        QMessageBox.warning(self, "The catalogue was not loaded", message)

    def _refresh(self) -> None:
        try:
            self.model.refresh()
        except CareplanError as exc:
            self._show_count()
            self.ui.emptyLabel.hide()  # not known to be empty: it could not be read
            self.ui.countLabel.clear()
            self._say(exc.message, good=False)
            return
        self._show_count()

    # saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        if self.job is not None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Save the catalogue as a spreadsheet",
            str(self._folder / "service catalogue.csv"),
            "CSV files (*.csv)",
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        self._folder = path.parent
        try:
            path = chosen_files.output_path(
                path, chosen_files.protected_files(self._context.db), what="the catalogue"
            )
            data = catalogue_file.export_catalogue(self._context.db, self._context.actor)
            write_atomically(path, data)
        except CareplanError as exc:
            QMessageBox.warning(self, "The catalogue was not saved", exc.message)
            return
        except OSError as exc:
            QMessageBox.warning(
                self,
                "The catalogue was not saved",
                f"{path.name} was not saved: {why_not_written(exc)}. Choose another place and try again.",
            )
            return
        count = self.model.rowCount()
        self._say(
            f"Saved {count:,} service{'' if count == 1 else 's'} to {path.name}. Open it in a spreadsheet "
            "to change it, save it as CSV, then load it here again.",
            good=True,
        )
