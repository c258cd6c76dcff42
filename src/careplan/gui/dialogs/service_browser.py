"""Finding a service in the service picker: the kinds of help, the search words, the results.

The keyboard goes from the search box down to the results (Enter there never adds anything),
and from a chosen result on to "how many" (``go_on``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem

from careplan.gui.dialogs.service_choices import ASKED_FOR, Choice, ChoicesFilter, ChoicesModel
from careplan.gui.forms.ui_service_picker import Ui_ServicePickerDialog


class ServiceBrowser(QObject):
    """The picker's three lists, on its form's widgets. ``chosen(choice)``: a result was chosen
    (None: none is); ``nothing_chosen()``: the results changed and none of them is chosen."""

    chosen = Signal(object)
    nothing_chosen = Signal()
    go_on = Signal()

    def __init__(self, ui: Ui_ServicePickerDialog, choices: list[Choice], parent: QObject) -> None:
        super().__init__(parent)
        self.ui = ui
        self.model = ChoicesModel(choices, self)
        self.filter = ChoicesFilter(self)
        self.filter.setSourceModel(self.model)
        ui.services.setModel(self.filter)
        ui.services.setSpacing(2)
        self._choices = choices

    def start(self) -> None:
        """Listen to the form, and fill the kinds of help (choosing "Everything")."""
        ui = self.ui
        ui.search.textChanged.connect(self._search)
        ui.search.installEventFilter(self)
        ui.services.installEventFilter(self)
        ui.categories.currentRowChanged.connect(self._category_chosen)
        ui.services.selectionModel().currentChanged.connect(self._service_chosen)
        self._fill_categories(self._choices)

    def _fill_categories(self, choices: list[Choice]) -> None:
        counts: dict[str, int] = {}
        for choice in choices:
            if not choice.asked_for:
                counts[choice.category] = counts.get(choice.category, 0) + 1
        items: list[tuple[str, str | None]] = [(f"Everything ({len(choices)})", None)]
        items += [(f"{name[:1].upper()}{name[1:]} ({count})", name) for name, count in sorted(counts.items())]
        asked = sum(1 for c in choices if c.asked_for)
        if asked:
            items.append((f"Asked for specially ({asked})", ASKED_FOR))
        for text, key in items:
            item = QListWidgetItem(text, self.ui.categories)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.ui.categories.setCurrentRow(0)

    def _category_chosen(self, row: int) -> None:
        item = self.ui.categories.item(row)
        self.filter.set_category(item.data(Qt.ItemDataRole.UserRole) if item else None)
        self._count()

    def choose_category(self, category: str | None) -> None:
        for row in range(self.ui.categories.count()):
            if self.ui.categories.item(row).data(Qt.ItemDataRole.UserRole) == category:
                self.ui.categories.setCurrentRow(row)
                return

    def _search(self, text: str) -> None:
        self.filter.set_words(text)
        self._count()

    def _count(self) -> None:
        shown = self.filter.rowCount()
        if shown == 0:
            self.ui.resultCount.setText(
                "Nothing found. Try another word or another kind of help, "
                "or ask for something not in the list."
            )
        else:
            self.ui.resultCount.setText(f"{shown} service{'s' if shown != 1 else ''} shown")
        if self.current_choice() is None:
            self.nothing_chosen.emit()

    def _to_list(self) -> None:
        if self.filter.rowCount() == 0:
            return
        current = self.ui.services.currentIndex()
        target = current if current.isValid() else self.filter.index(0, 0)
        self.ui.services.selectionModel().setCurrentIndex(
            target, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.ui.services.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.ui.search and event.key() in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                # Enter in the search box goes to the results; it never adds anything.
                self._to_list()
                return True
            if watched is self.ui.services and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Enter on a service goes on to "how many", instead of adding it straight away.
                if self.current_choice() is not None:
                    self.go_on.emit()
                return True
        return super().eventFilter(watched, event)

    def current_choice(self) -> Choice | None:
        index = self.ui.services.currentIndex()
        if not index.isValid() or not self.ui.services.selectionModel().isSelected(index):
            return None
        choice = index.data(ChoicesModel.ChoiceRole)
        return choice if isinstance(choice, Choice) else None

    def select(self, choice: Choice) -> bool:
        """Show and choose one entry (clearing the search and the kind of help if needed)."""
        for attempt in range(2):
            for row in range(self.filter.rowCount()):
                index = self.filter.index(row, 0)
                if index.data(ChoicesModel.ChoiceRole) == choice:
                    self.ui.services.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
                    return True
            if attempt == 0:
                self.ui.search.clear()
                self.choose_category(None)
        return False

    def _service_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        selection = self.ui.services.selectionModel()
        if current.isValid() and not selection.isSelected(current):
            # Keyboard focus arriving in the list makes an entry current: choose it too.
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        choice = current.data(ChoicesModel.ChoiceRole) if current.isValid() else None
        self.chosen.emit(choice if isinstance(choice, Choice) else None)
