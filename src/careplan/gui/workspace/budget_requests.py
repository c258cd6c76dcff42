"""Requests for something not in the catalogue, as the Services and budget page lists them: what
was asked for, why, and where the request has got to."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from careplan.domain.enums import ProposalStatus
from careplan.domain.wording.units import price_words
from careplan.gui.workspace.budget_widgets import action_button
from careplan.services.workspace import ProposalView


def proposal_status_words(proposal: ProposalView, in_plan: bool = False) -> str:
    """Where a request has got to, in plain words."""
    if proposal.status == ProposalStatus.PENDING:
        return "Waiting for a manager to decide."
    if proposal.status == ProposalStatus.APPROVED and proposal.approved_unit_price_pence is not None:
        text = f"Approved at {price_words(proposal.approved_unit_price_pence, proposal.unit)}."
        return text + (" It is in this plan." if in_plan else "")
    if proposal.status == ProposalStatus.DECLINED:
        return f"Not approved: {proposal.decision_note or 'no reason was given'}"
    return proposal.status


class ProposalRow(QFrame):
    """One request for something not in the list, with where it has got to."""

    def __init__(self, proposal: ProposalView, in_plan: bool, can_add: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setObjectName(f"proposal_{proposal.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(f"<b>{html.escape(proposal.what)}</b>", self)
        self.title.setWordWrap(True)
        self.status = QLabel(proposal_status_words(proposal, in_plan), self)
        self.status.setObjectName("proposalStatus")
        self.status.setWordWrap(True)
        if proposal.status == ProposalStatus.DECLINED:
            bold = self.status.font()
            bold.setBold(True)
            self.status.setFont(bold)
        guess = f"Asked for at about {price_words(proposal.estimated_cost_pence, proposal.unit)}."
        self.detail = QLabel(f"{guess} Why: {proposal.why.body} ({proposal.why.author.label})", self)
        self.detail.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.status)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        self.add_button: QPushButton | None = None
        approved = proposal.status == ProposalStatus.APPROVED and proposal.approved_unit_price_pence
        if approved and not in_plan and can_add:
            self.add_button = action_button(
                "Add to my plan", self, f"addProposal_{proposal.id}", f"Set money aside for {proposal.what}"
            )
            self.add_button.setAccessibleName(f"Add {proposal.what} to my plan")
            layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(f"{proposal.what}: {self.status.text()}")
