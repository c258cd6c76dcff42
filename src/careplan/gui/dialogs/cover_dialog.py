"""Cover for a colleague: open the record of someone outside my caseload, saying why and for how long.

Asked instead of opening when a key worker or peer mentor opens someone who is not theirs. The
reason is required; the cover lasts until the end of today or a chosen number of hours (at most
MAX_COVER_HOURS). It is recorded, and managers see it in the person's "Who has seen this".
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.errors import CareplanError
from careplan.domain.permissions import MAX_COVER_HOURS
from careplan.services import covering
from careplan.services.signed_in import SignedInStaff

# How long, as offered: None is "until the end of today".
LENGTHS: tuple[tuple[str, int | None], ...] = (
    ("Until the end of today", None),
    ("2 hours", 2),
    ("4 hours", 4),
    ("8 hours", 8),
    ("1 day (24 hours)", 24),
    (f"{MAX_COVER_HOURS // 24} days ({MAX_COVER_HOURS} hours)", MAX_COVER_HOURS),
)


class CoverDialog(QDialog):
    """Why and how long; OK covers (the record then opens), Cancel opens nothing."""

    def __init__(
        self, context: SignedInStaff, person_id: int, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context, self._person_id = context, person_id
        self.setWindowTitle("Cover for a colleague")
        intro = QLabel(
            f"{who} is not on your caseload. To open their record, say why you are covering and for "
            "how long. Managers can see this in “Who has seen this”.",
            self,
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName("Why you are covering")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.length = QComboBox(self)
        self.length.setAccessibleName("For how long")
        for text, hours in LENGTHS:
            self.length.addItem(text, hours)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        reason_label = QLabel("&Why (for example, whose caseload)", self)
        reason_label.setBuddy(self.reason)
        length_label = QLabel("For &how long", self)
        length_label.setBuddy(self.length)
        form.addRow(reason_label, self.reason)
        form.addRow(length_label, self.length)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Cover and open")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def save(self) -> None:
        try:
            covering.cover_for_colleague(
                self._context.db,
                self._context.actor,
                self._person_id,
                self.reason.toPlainText(),
                hours=self.length.currentData(),
            )
        except CareplanError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            self.reason.setFocus()
            return
        self.accept()
