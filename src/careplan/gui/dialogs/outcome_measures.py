"""Settings > Outcome measures…: the questions asked at reviews (the form is ui/outcome_measures.ui).

Every member of staff reads them: Careplan's own life-area scale first, then any a service loaded,
each with when it is asked, its questions underneath (open a measure with the right arrow key).
Managers and administrators may load measures from a file
(:func:`careplan.services.measures.load_measures`): the file is checked first and every problem
is listed in the dialog in plain words, with nothing kept; when it is all right, its measures take
the place of those loaded before and the list shows them. A measures file is small (1 MB at
most), so it is read and checked here rather than on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from careplan.domain.errors import CareplanError
from careplan.domain.measures import ItemKind, Measure, MeasureItem
from careplan.domain.permissions import Action
from careplan.gui.default_folder import default_folder
from careplan.gui.forms.ui_outcome_measures import Ui_OutcomeMeasuresDialog
from careplan.gui.widgets.password_forms import make_heading, roomy_buttons
from careplan.services import chosen_files, measure_file, measures
from careplan.services.signed_in import SignedInStaff

FILE_FILTER = "Measures files (*.toml);;All files (*)"
TEXT_MARGIN = 12  # the space either side of the text in a cell


def answer_words(item: MeasureItem) -> str:
    """How the question is answered, in words: "1 (really hard right now) to 10 (going really well)"."""
    if item.kind is ItemKind.YES_NO:
        return "yes or no"
    low = f"{item.low} ({item.low_words})" if item.low_words else str(item.low)
    high = f"{item.high} ({item.high_words})" if item.high_words else str(item.high)
    if item.kind is ItemKind.COUNT:
        return f"how many, {low} to {high}"
    return f"{low} to {high}"


def measure_words(measure: Measure) -> str:
    """ "10 questions, asked at every review"."""
    count = "1 question" if len(measure.items) == 1 else f"{len(measure.items)} questions"
    return f"{count}, asked {measure.asked_words()}"


class WrappingDelegate(QStyledItemDelegate):
    """A long question wraps onto more lines, its row as tall as they need: under the theme's
    style sheet Qt measures a row as one line whatever its width, and cuts the question short
    with "…" instead."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        one_line = super().sizeHint(option, index)
        if index.column() != 0:  # the answers column is as wide as its widest answer
            return one_line
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = self._tree.columnWidth(0) - TEXT_MARGIN
        width -= self._tree.indentation() * (2 if index.parent().isValid() else 1)
        metrics = QFontMetrics(shown.font)
        needed = metrics.boundingRect(
            QRect(0, 0, max(width, 40), 100_000), Qt.TextFlag.TextWordWrap, shown.text
        ).height()
        return QSize(one_line.width(), max(one_line.height(), needed + one_line.height() - metrics.height()))


class OutcomeMeasuresDialog(QDialog):
    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeMeasuresDialog")
        self._context = context
        self._folder = default_folder()
        self.ui = Ui_OutcomeMeasuresDialog()
        self.ui.setupUi(self)
        ui = self.ui
        make_heading(ui.heading)
        header = ui.measuresTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        ui.measuresTree.setItemDelegate(WrappingDelegate(ui.measuresTree))
        header.sectionResized.connect(lambda *_: ui.measuresTree.scheduleDelayedItemsLayout())
        ui.message.hide()
        self._hide_problems()
        close = ui.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        roomy_buttons(ui.buttons)
        ui.buttons.rejected.connect(self.reject)
        self.may_load = context.may(Action.LOAD_MEASURES)
        if self.may_load:
            ui.loadButton.clicked.connect(self.choose_file)
        else:
            ui.loadButton.hide()
        self.show_measures(measures.outcome_measures(context.db, context.actor))
        ui.measuresTree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(900, 600)

    @property
    def shown(self) -> list[str]:
        """The measures listed, by name, in order."""
        tree = self.ui.measuresTree
        return [self._top(i).text(0) for i in range(tree.topLevelItemCount())]

    def _top(self, row: int) -> QTreeWidgetItem:
        found = self.ui.measuresTree.topLevelItem(row)
        assert found is not None
        return found

    @property
    def problems(self) -> list[str]:
        """The problems listed with the file, in order."""
        box = self.ui.problemList
        return [box.item(i).text() for i in range(box.count())]

    def show_measures(self, shown: tuple[Measure, ...]) -> None:
        tree = self.ui.measuresTree
        tree.clear()
        for measure in shown:
            top = QTreeWidgetItem([measure.name, measure_words(measure)])
            top.setData(0, Qt.ItemDataRole.UserRole, measure.code)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for item in measure.items:
                QTreeWidgetItem(top, [item.question, answer_words(item)])
            tree.addTopLevelItem(top)
        if tree.topLevelItemCount():
            self._top(0).setExpanded(True)
            tree.setCurrentItem(self._top(0))

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Load outcome measures from a file", str(self._folder), FILE_FILTER
        )
        if chosen:
            self._folder = Path(chosen).parent
            self.load_from(Path(chosen))

    def load_from(self, path: Path) -> None:
        """Check the file and keep its measures, or list every problem and keep nothing."""
        self._hide_problems()
        self.ui.message.hide()
        try:
            data = chosen_files.read_chosen(path, kind="a measures file", limit=measure_file.MAX_BYTES)
            loaded = measures.load_measures(self._context.db, self._context.actor, data)
        except measure_file.MeasureFileProblems as found:
            self._show_problems(
                f"Nothing was loaded from {path.name}. Change what is listed below in the file, "
                "then load it again.",
                found.lines(),
            )
            return
        except CareplanError as exc:
            self._show_problems(exc.message, [])
            return
        self.show_measures(measures.outcome_measures(self._context.db, self._context.actor))
        self._open_loaded({measure.code for measure in loaded})
        names = ", ".join(f"“{measure.name}”" for measure in loaded)
        count = "1 measure" if len(loaded) == 1 else f"{len(loaded)} measures"
        self.ui.message.setText(f"Loaded {count} from {path.name}: {names}.")
        self.ui.message.show()
        self.ui.measuresTree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_loaded(self, loaded: set[str]) -> None:
        """The measures just loaded opened, and the first of them chosen, to read at once."""
        rows = [
            self._top(i)
            for i in range(self.ui.measuresTree.topLevelItemCount())
            if self._top(i).data(0, Qt.ItemDataRole.UserRole) in loaded
        ]
        for row in rows:
            row.setExpanded(True)
        if rows:
            self.ui.measuresTree.setCurrentItem(rows[0])

    def _show_problems(self, summary: str, lines: list[str]) -> None:
        ui = self.ui
        ui.problem.setText(summary)
        ui.problem.show()
        ui.problemList.clear()
        ui.problemList.addItems(lines)
        ui.problemList.setVisible(bool(lines))
        if lines:
            ui.problemList.setCurrentRow(0)
            ui.problemList.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            ui.loadButton.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hide_problems(self) -> None:
        self.ui.problem.hide()
        self.ui.problemList.hide()
        self.ui.problemList.clear()
