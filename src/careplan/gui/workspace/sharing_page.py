"""Sharing: what the person agrees to share, with whom, since when, and when they stopped.

Staff whose role may record consent (key workers, managers) add and stop agreements here (in
the dialogs of gui/dialogs/consent_dialogs.py); everyone else reads them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.errors import CareplanError
from careplan.domain.permissions import Action
from careplan.domain.wording.dates import long_date
from careplan.gui import theme
from careplan.gui.dialogs.consent_dialogs import RecordConsentDialog, WithdrawConsentDialog
from careplan.gui.widgets.row_table_model import Index, RowTableModel
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.page import WorkspacePage
from careplan.services import consent
from careplan.services.consent import ConsentView
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, VersionView

__all__ = ["RecordConsentDialog", "SharingPage", "WithdrawConsentDialog"]

STILL_AGREED = "Still agreed"
NOTHING_YET = "Nothing agreed yet. Until the person agrees, nothing from their record is shared."


class ConsentTableModel(RowTableModel[ConsentView]):
    """The person's consents: still agreed first, newest first (the order the service gives)."""

    ConsentIdRole = Qt.ItemDataRole.UserRole + 1
    COLUMNS = ("What can be shared", "Who with", "Agreed on", "Stopped on")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == self.ConsentIdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._sentence(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.current:
            return QColor(theme.EDGE)
        if role == Qt.ItemDataRole.FontRole and column == 3 and row.current:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(row: ConsentView, column: int) -> str:
        if column == 0:
            return row.what
        if column == 1:
            return row.with_whom
        if column == 2:
            return long_date(row.given_on)
        return STILL_AGREED if row.withdrawn_on is None else long_date(row.withdrawn_on)

    @staticmethod
    def _sentence(row: ConsentView) -> str:
        agreed = f"“{row.what}” may be shared with {row.with_whom}, agreed on {long_date(row.given_on)}"
        if row.withdrawn_on is not None:
            return f"{agreed}; stopped on {long_date(row.withdrawn_on)}. Recorded by {row.recorded_by}."
        return f"{agreed}, and still agreed. Recorded by {row.recorded_by}."


class SharingPage(WorkspacePage):
    """The Sharing tab: "What I agree to share, and with whom"."""

    title = "Sharing"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.person: PersonView | None = None
        self.may_record = context.may(Action.RECORD_CONSENT)
        self.heading = QLabel("What I agree to share, and with whom", self)
        self.heading.setObjectName("sharingHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.model = ConsentTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("consentTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName("What the person agrees to share")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.2))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(NOTHING_YET, self)
        self.empty.setWordWrap(True)
        self.add_button = QPushButton("&Agree to share something…", self)
        self.add_button.setAccessibleName("Agree to share something")
        self.add_button.setMinimumHeight(40)
        self.add_button.clicked.connect(self.record_new)
        self.stop_button = QPushButton("&Stop sharing this…", self)
        self.stop_button.setAccessibleName("Stop sharing the chosen item")
        self.stop_button.setMinimumHeight(40)
        self.stop_button.clicked.connect(self.stop_chosen)
        self.read_only_note = QLabel("Key workers and managers can add or stop what is shared.", self)
        self.read_only_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.add_button.setVisible(self.may_record)
        self.stop_button.setVisible(self.may_record)
        self.read_only_note.setVisible(not self.may_record)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        self.setTabOrder(self.add_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.table)
        self._update_buttons()

    # WorkspacePage ---------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        self.person = person
        self.explanation.setText(
            f"What {person.preferred_name} agrees we may share, who with, and since when. "
            "They can change their mind at any time."
        )
        self.refresh()

    # behaviour -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.person is None:
            return
        chosen = self.chosen()
        try:
            rows = consent.consents_for(self.context.db, self.context.actor, self.person.id)
        except CareplanError as exc:
            QMessageBox.information(self, "Sharing", exc.message)
            return
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.table.resizeRowsToContents()  # long words wrap onto more lines; short rows stay roomy
        roomy = self.table.verticalHeader().defaultSectionSize()
        for row in range(self.model.rowCount()):
            self.table.setRowHeight(row, max(roomy, self.table.rowHeight(row)))
        if chosen is not None:
            self.select(chosen.id)
        self._update_buttons()

    def chosen(self) -> ConsentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, consent_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.data(self.model.index(row, 0), ConsentTableModel.ConsentIdRole) == consent_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        self.stop_button.setEnabled(chosen is not None and chosen.current)
        if chosen is None:
            hint = "Choose a line in the list first."
        elif not chosen.current:
            hint = "Sharing this has already stopped."
        else:
            hint = f"Stop sharing “{chosen.what}” with {chosen.with_whom}."
        self.stop_button.setToolTip(hint)
        self.stop_button.setAccessibleDescription(hint)

    def record_new(self) -> None:
        if self.person is None:
            return
        dialog = RecordConsentDialog(self.context, self.person.id, self.person.preferred_name, self)
        if dialog.exec() and dialog.consent_id is not None:
            self.refresh()
            self.select(dialog.consent_id)
            self.saved.emit("Agreement to share saved")

    def stop_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is None or not chosen.current:
            return
        dialog = WithdrawConsentDialog(self.context, chosen, self)
        if dialog.exec():
            self.refresh()
            self.select(chosen.id)
            self.saved.emit("Sharing stopped")
