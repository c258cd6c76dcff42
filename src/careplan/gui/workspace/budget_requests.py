"""Requests for something not in the catalogue, as the Services and budget page lists them: what
was asked for, why, where the request has got to and what was said about it (a manager's decision
and reason, a question and its answer, the person's "I don't agree"), and the buttons to go on:
Decide… (a manager), Answer… (after "tell us more"), I don't agree… (after a decision)."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from careplan.domain.actor import Voice
from careplan.domain.enums import ProposalStatus
from careplan.domain.errors import ConflictError
from careplan.domain.permissions import Action
from careplan.domain.wording.units import price_words
from careplan.gui.dialogs.decide_request import DecideRequestDialog
from careplan.gui.dialogs.disagreement_dialog import DisagreementDialog
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.dialogs.writing_dialog import Writers
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.budget_widgets import action_button
from careplan.gui.workspace.page import WorkspacePage
from careplan.services import requests
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import ProposalView


def proposal_status_words(proposal: ProposalView, in_plan: bool = False) -> str:
    """Where a request has got to, in plain words ("Priya Shah said no: ...")."""
    assert proposal.decision is not None  # proposals_for always reads it
    words = proposal.decision.words(proposal.unit)
    if proposal.status == ProposalStatus.ASKED:
        words += " Waiting for an answer."
    if proposal.status == ProposalStatus.APPROVED and in_plan:
        words += " It is in this plan."
    return words


def _said_since(proposal: ProposalView) -> str:
    """The answer to a question, and the person's disagreement, each with whose words they are."""
    decision = proposal.decision
    lines = []
    if decision is not None and decision.answer is not None and proposal.status != ProposalStatus.ASKED:
        lines.append(
            f"Asked: {decision.question} Answer: {decision.answer.body} ({decision.answer.author.label})"
        )
    if decision is not None and decision.disagreement is not None:
        lines.append(f"I don't agree: {decision.disagreement.body} ({decision.disagreement.author.label})")
    return "\n".join(lines)


class ProposalRow(QFrame):
    """One request for something not in the list, with where it has got to."""

    def __init__(
        self,
        proposal: ProposalView,
        in_plan: bool,
        can_add: bool,
        parent: QWidget,
        actions: RequestActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setObjectName(f"proposal_{proposal.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(f"<b>{html.escape(proposal.what)}</b>", self)
        self.title.setWordWrap(True)
        self.status = QLabel(proposal_status_words(proposal, in_plan), self)
        self.status.setObjectName("proposalStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        if proposal.status in (ProposalStatus.DECLINED, ProposalStatus.ASKED):
            bold = self.status.font()
            bold.setBold(True)
            self.status.setFont(bold)
        guess = f"Asked for at about {price_words(proposal.estimated_cost_pence, proposal.unit)}."
        self.detail = QLabel(f"{guess} Why: {proposal.why.body} ({proposal.why.author.label})", self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.since = QLabel(_said_since(proposal), self)
        self.since.setObjectName("proposalSince")
        self.since.setTextFormat(Qt.TextFormat.PlainText)
        self.since.setWordWrap(True)
        self.since.setVisible(bool(self.since.text()))
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.status)
        text.addWidget(self.since)
        text.addWidget(self.detail)
        text.addStretch(1)  # the words stay together at the top, however many buttons are beside them
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        buttons = QVBoxLayout()
        layout.addLayout(buttons)
        self.add_button: QPushButton | None = None
        approved = proposal.status == ProposalStatus.APPROVED and proposal.approved_unit_price_pence
        if approved and not in_plan and can_add:
            self.add_button = action_button(
                "Add to my plan", self, f"addProposal_{proposal.id}", f"Set money aside for {proposal.what}"
            )
            self.add_button.setAccessibleName(f"Add {proposal.what} to my plan")
            buttons.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.decide_button = self._button(actions, "decide", "Decide…", "Decide the request for")
        self.answer_button = self._button(actions, "answer", "Answer…", "Answer the question about")
        self.disagree_button = self._button(
            actions, "disagree", "I don't agree…", "I don't agree with the decision on"
        )
        for button in (self.decide_button, self.answer_button, self.disagree_button):
            if button is not None:
                buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(f"{proposal.what}: {self.status.text()}")

    def _button(
        self, actions: RequestActions | None, kind: str, text: str, described: str
    ) -> QPushButton | None:
        if actions is None or not actions.offers(kind, self.proposal):
            return None
        name = f"{kind}Request_{self.proposal.id}"
        button = action_button(text, self, name, f"{described} {self.proposal.what}")
        button.setAccessibleName(f"{text.rstrip('…')}: {self.proposal.what}")
        button.clicked.connect(partial(actions.open, kind, self.proposal))
        return button


class RequestActions:
    """What the requests' buttons do: each opens one dialog (one at a time); once something is
    saved the page reads everything again (``reload``) and says what was saved.
    ``person_name``: whose requests the page shows now."""

    def __init__(
        self,
        context: SignedInStaff,
        voice: VoiceSwitch,
        page: WorkspacePage,
        reload: Callable[[], None],
        person_name: Callable[[], str],
    ) -> None:
        self.context = context
        self._voice = voice
        self._page = page
        self._reload = reload
        self._person_name = person_name
        self.current: FormDialog | None = None

    def offers(self, kind: str, proposal: ProposalView) -> bool:
        status = ProposalStatus(proposal.status)
        if kind == "decide":
            return status == ProposalStatus.PENDING and self.context.may(Action.DECIDE_PROPOSAL)
        if kind == "answer":
            return status == ProposalStatus.ASKED and self.context.may(Action.PROPOSE_SERVICE)
        decided = status in (ProposalStatus.APPROVED, ProposalStatus.DECLINED)
        disagreed = proposal.decision is not None and proposal.decision.disagreement is not None
        return decided and not disagreed and self.context.may(Action.RECORD_DISAGREEMENT)

    def open(self, kind: str, proposal: ProposalView) -> None:
        if self.current is not None:
            return
        dialog: FormDialog
        if kind == "decide":
            decide = DecideRequestDialog(self.context, proposal, self._person_name(), self._page)
            dialog, saved = decide, lambda: decide.saved_text
        else:
            dialog = self._writing(kind, proposal)
            words = "Your answer went to a manager." if kind == "answer" else "Written down: I don't agree"
            saved = lambda: words  # noqa: E731
        self.current = dialog
        dialog.accepted.connect(lambda: self._saved(saved()))
        dialog.finished.connect(partial(self._closed, dialog))
        dialog.open()

    def _saved(self, text: str) -> None:
        self._reload()
        self._page.saved.emit(text)
        self._page.changed.emit()

    def _closed(self, dialog: FormDialog, _result: int) -> None:
        if self.current is dialog:
            self.current = None
        dialog.deleteLater()

    def _writing(self, kind: str, proposal: ProposalView) -> DisagreementDialog:
        db, actor = self.context.db, self.context.actor
        writers = Writers(self._person_name(), self.context.staff_name, self.context.role.value)
        if kind == "answer":
            question = proposal.decision.question if proposal.decision else ""

            def answer(body: str, voice: Voice) -> None:
                requests.answer_request(db, actor, proposal.id, body, voice)

            return DisagreementDialog(
                voice=self._voice,
                writers=writers,
                about=f"About the request for {proposal.what}. A manager asked: {question}",
                save=answer,
                on_conflict=self._conflict,
                parent=self._page,
                title="Answer a manager's question",
                prompt="&The answer",
            )
        said = proposal_status_words(proposal)

        def disagree(body: str, voice: Voice) -> None:
            requests.disagree_with_decision(db, actor, proposal.id, body, voice)

        return DisagreementDialog(
            voice=self._voice,
            writers=writers,
            about=f"About the decision on {proposal.what}: {said}",
            save=disagree,
            on_conflict=self._conflict,
            parent=self._page,
        )

    def _conflict(self, _exc: ConflictError) -> None:
        """Requests carry no revision to clash on: nothing to offer (the refusal is shown)."""
