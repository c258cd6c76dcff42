"""Approving from the desk: what is approved, in full, and one question before approving.

The dialog shows the approval summary (:mod:`careplan.services.desk_approval`) and has two
buttons: "Approve this plan" and Cancel. Cancel is the default (Enter, Escape), so a plan is
approved only by choosing "Approve this plan" itself; the approval is then the existing use
case's (:func:`careplan.services.signing.approve_plan`), at the plan's revision the summary was
read at: a plan changed meanwhile is refused, in words, not approved unseen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from careplan.domain.errors import CareplanError
from careplan.gui.forms.ui_desk_approve import Ui_DeskApproveDialog
from careplan.services import signing
from careplan.services.desk_approval import ApprovalSummary
from careplan.services.signed_in import SignedInStaff


class ApproveDialog(QDialog):
    def __init__(
        self, context: SignedInStaff, summary: ApprovalSummary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.summary = summary
        self.approved = False
        self.ui = Ui_DeskApproveDialog()
        self.ui.setupUi(self)
        self.setObjectName("deskApproveDialog")
        self.ui.summary.setPlainText(summary.as_text())
        self.approve_button = QPushButton("&Approve this plan", self)
        self.approve_button.setObjectName("approveThisPlan")
        self.approve_button.setAutoDefault(False)
        self.ui.buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.ui.buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self.approve)
        self.ui.problem.hide()
        self.ui.summary.setFocus()

    def approve(self) -> None:
        try:
            signing.approve_plan(
                self._context.db,
                self._context.actor,
                self.summary.version_id,
                expected_revision=self.summary.plan_revision,
            )
        except CareplanError as exc:
            self.ui.problem.setText(f"The plan was not approved. {exc.message}")
            self.ui.problem.show()
            self.approve_button.setEnabled(False)
            return
        self.approved = True
        self.accept()
