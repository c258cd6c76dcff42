"""Who is at the keyboard, until staff sign-in with passwords arrives (the security issue)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from careplan.domain.errors import NotFound, PermissionDenied
from careplan.services.staff import StaffSummary, active_staff
from careplan.services.unit_of_work import Actor
from careplan.storage.database import Database


@dataclass(frozen=True)
class ChosenStaff:
    actor: Actor
    name: str
    role: str


def choose_staff(db: Database, username: str | None) -> ChosenStaff | None:
    staff = active_staff(db)
    if not staff:
        raise PermissionDenied("This database has no staff yet. Run “careplan demo” to try Careplan out.")
    if username:
        match = next((s for s in staff if s.username == username.strip().lower()), None)
        if match is None:
            raise NotFound(f"There is no active member of staff called “{username}”.")
        return ChosenStaff(Actor(match.id), match.display_name, match.role)
    dialog = ChooseStaffDialog(staff)
    if not dialog.exec() or dialog.chosen is None:
        return None
    chosen = dialog.chosen
    return ChosenStaff(Actor(chosen.id), chosen.display_name, chosen.role)


class ChooseStaffDialog(QDialog):
    def __init__(self, staff: list[StaffSummary]) -> None:
        super().__init__()
        self.setWindowTitle("Who is using Careplan?")
        self.chosen: StaffSummary | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName("Staff")
        for member in staff:
            item = QListWidgetItem(f"{member.display_name}  ({member.role.replace('_', ' ')})")
            item.setData(256, member.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._staff = {m.id: m for m in staff}
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Choose your name. (Signing in with a password comes in a later version.)"))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = self._staff[int(item.data(256))]
            self.accept()
