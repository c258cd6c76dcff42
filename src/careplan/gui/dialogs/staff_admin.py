"""Administrators look after the staff: add, change roles, passwords, unlock, deactivate leavers.

Forms: ui/staff_admin.ui and ui/add_staff.ui. The list is a real item model over
``staff.staff_list``; every change goes through a use case and the list is read again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from careplan.domain.enums import Role
from careplan.domain.errors import CareplanError
from careplan.gui import theme
from careplan.gui.dialogs.change_password import SetPasswordDialog
from careplan.gui.forms.ui_add_staff import Ui_AddStaffDialog
from careplan.gui.forms.ui_staff_admin import Ui_StaffAdminDialog
from careplan.gui.theme import set_role
from careplan.gui.widgets.password_forms import passwords_match, roomy_buttons, show_problem
from careplan.gui.widgets.row_table_model import Index, RowTableModel
from careplan.services import authentication, staff
from careplan.services.signed_in import SignedInStaff
from careplan.services.staff import StaffAccount

ROLE_WORDS = {
    Role.KEY_WORKER: "Key worker",
    Role.PEER_MENTOR: "Peer mentor",
    Role.MANAGER: "Manager",
    Role.ADMINISTRATOR: "Administrator",
}


def waiting(account: StaffAccount) -> bool:
    """In the growing delay after wrong passwords (an administrator may end it early)."""
    until = account.locked_until
    if until is None:
        return False
    if until.tzinfo is None:
        until = until.replace(tzinfo=UTC)
    return until > datetime.now(UTC)


def status_words(account: StaffAccount) -> str:
    if not account.active:
        return "Left (deactivated)"
    if account.locked:
        return "Locked"
    if waiting(account):
        return "Waiting after wrong passwords"
    if not account.has_password:
        return "No password yet"
    if account.must_change_password:
        return "Active (chooses a password at next sign-in)"
    return "Active"


class StaffTableModel(RowTableModel[StaffAccount]):
    COLUMNS = ("Name", "Username", "Role", "Status")
    StaffIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, context: SignedInStaff, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self.refresh()

    def refresh(self) -> None:
        self.set_rows(staff.staff_list(self._context.db, self._context.actor))

    def row_of(self, staff_id: int) -> int | None:
        return next((r for r, a in enumerate(self.rows) if a.id == staff_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        account = self.row_at(index.row()) if index.isValid() else None
        if account is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                account.display_name,
                account.username,
                ROLE_WORDS[Role(account.role)],
                status_words(account),
            )[index.column()]
        if role == self.StaffIdRole:
            return account.id
        if role == Qt.ItemDataRole.ForegroundRole and not account.active:
            return QBrush(QColor(theme.DIMMED))
        return None


class StaffAdminDialog(QDialog):
    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.ui = Ui_StaffAdminDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.problem.hide()
        self.model = StaffTableModel(context, self)
        table = ui.staffTable
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for role, words in ROLE_WORDS.items():
            ui.roleChoice.addItem(words, role)
        ui.addButton.clicked.connect(self.add_staff)
        ui.changeRoleButton.clicked.connect(self.change_role)
        ui.setPasswordButton.clicked.connect(self.set_password)
        ui.unlockButton.clicked.connect(self.unlock)
        ui.deactivateButton.clicked.connect(self.deactivate)
        ui.buttons.rejected.connect(self.reject)
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        roomy_buttons(ui.buttons)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._follow_selection())
        if self.model.rowCount():
            table.selectRow(0)
        self._follow_selection()
        table.setFocus()
        self.resize(900, 480)

    # which member is chosen ----------------------------------------------------------------

    def selected(self) -> StaffAccount | None:
        index = self.ui.staffTable.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, staff_id: int) -> None:
        row = self.model.row_of(staff_id)
        if row is not None:
            self.ui.staffTable.selectRow(row)
        self._follow_selection()

    def _follow_selection(self) -> None:
        ui = self.ui
        account = self.selected()
        me = account is not None and account.id == self._context.actor.staff_id
        active = account is not None and account.active
        ui.selectedLabel.setText(
            "Choose someone in the list."
            if account is None
            else f"{account.display_name}{' (you)' if me else ''}: {status_words(account).lower()}"
        )
        if account is not None:
            ui.roleChoice.setCurrentIndex(ui.roleChoice.findData(Role(account.role)))
        ui.roleChoice.setEnabled(active)
        ui.changeRoleButton.setEnabled(active)
        ui.setPasswordButton.setEnabled(active)
        ui.unlockButton.setEnabled(active and account is not None and (account.locked or waiting(account)))
        ui.deactivateButton.setEnabled(active and not me)

    # changes -------------------------------------------------------------------------------

    def _done(self, staff_id: int, text: str) -> None:
        self.model.refresh()
        self.select(staff_id)
        set_role(self.ui.problem, "done")
        self.ui.problem.setText(text)
        self.ui.problem.show()

    def _refused(self, exc: CareplanError) -> None:
        set_role(self.ui.problem, "problem")
        show_problem(self.ui.problem, exc)

    def add_staff(self) -> None:
        dialog = AddStaffDialog(self._context, self)
        if dialog.exec() and dialog.staff_id is not None:
            self._done(dialog.staff_id, f"{dialog.ui.displayName.text().strip()} was added.")

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        role = Role(self.ui.roleChoice.currentData())
        try:
            staff.change_role(self._context.db, self._context.actor, account.id, role)
        except CareplanError as exc:
            self._refused(exc)
            return
        self._done(account.id, f"{account.display_name} is now {ROLE_WORDS[role].lower()}.")

    def set_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = SetPasswordDialog(self._context, account.id, account.display_name, self)
        if dialog.exec():
            self._done(account.id, f"{account.display_name} has a new password.")

    def unlock(self) -> None:
        account = self.selected()
        if account is None:
            return
        try:
            authentication.unlock_staff(self._context.db, self._context.actor, account.id)
        except CareplanError as exc:
            self._refused(exc)
            return
        self._done(account.id, f"{account.display_name} can sign in again.")

    def deactivate(self) -> None:
        account = self.selected()
        if account is None or not self.confirm_deactivate(account):
            return
        try:
            staff.deactivate_staff(self._context.db, self._context.actor, account.id)
        except CareplanError as exc:
            self._refused(exc)
            return
        self._done(account.id, f"{account.display_name} can no longer sign in. Their history is kept.")

    def confirm_deactivate(self, account: StaffAccount) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Deactivate this account?",
            f"{account.display_name} will no longer be able to sign in.\n\n"
            "Nothing is deleted: everything they wrote keeps their name, and the history stays.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("deactivateBox")
        yes = box.addButton("Deactivate", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is yes


class AddStaffDialog(QDialog):
    def __init__(self, context: SignedInStaff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.ui = Ui_AddStaffDialog()
        self.ui.setupUi(self)
        self.ui.problem.hide()
        self.ui.rules.setText(authentication.PASSWORD_RULES)
        for role, words in ROLE_WORDS.items():
            self.ui.role.addItem(words, role)
        self.ui.role.setCurrentIndex(self.ui.role.findData(Role.KEY_WORKER))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Add")
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        roomy_buttons(self.ui.buttons)
        self.staff_id: int | None = None
        self.ui.displayName.setFocus()

    def save(self) -> None:
        ui = self.ui
        if not passwords_match(ui.password, ui.passwordAgain, ui.problem):
            return
        try:
            self.staff_id = staff.add_staff(
                self._context.db,
                self._context.actor,
                ui.username.text(),
                ui.displayName.text(),
                Role(ui.role.currentData()),
                ui.password.text(),
            )
        except CareplanError as exc:
            show_problem(
                ui.problem,
                exc,
                {"username": ui.username, "display_name": ui.displayName, "password": ui.password},
            )
            return
        ui.password.clear()
        ui.passwordAgain.clear()
        self.accept()
