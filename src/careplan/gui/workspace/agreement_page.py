"""Agreement: signing the plan together, a manager's approval, putting it into action, printing.

The person and the key worker each sign the exact version on screen (in :class:`SignDialog`);
when both have signed, the version is agreed and can no longer change. A manager approves it,
and then it can be put into action. Once approved, a manager can preview and print the signed
agreement (full or easy-read) or save it as a PDF: :class:`AgreementPrinter` makes it in the
background while the page shows how far it has got.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.enums import PlanStatus, SignerKind
from careplan.domain.permissions import Action
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.statuses import plan_status_words
from careplan.gui.context import AppContext
from careplan.gui.dialogs.sign_dialog import SignDialog, first_name
from careplan.gui.documents.printing import AgreementPrinter
from careplan.gui.theme import set_style_property
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.voice import VoiceSwitch
from careplan.services import plans, signing
from careplan.services.workspace import PersonView, SignatureView, VersionView

BUTTON_HEIGHT = 48
NOT_APPROVED = "The agreement can be printed once both have signed and a manager has approved the plan."
MANAGERS_PRINT = "Managers print the signed agreement. Ask a manager if the person would like a copy."
PRINTABLE = {PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.SUPERSEDED, PlanStatus.CLOSED}

METHOD_WORDS = {"drawn": "drew a signature", "typed": "typed their name"}


def _label(text: str, parent: QWidget, *, scale: float = 1.0, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def _button(text: str, parent: QWidget, *, name: str) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setMinimumHeight(BUTTON_HEIGHT)
    widget.setAutoDefault(False)
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return widget


def _fit(button: QPushButton) -> None:
    """Room for the text and a comfortable margin, so a long name is never cut short."""
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 56)


def latest(signatures: list[SignatureView], kind: SignerKind) -> tuple[SignatureView | None, bool]:
    """The newest signature from one side, and whether it covers the wording shown now."""
    mine = [s for s in signatures if s.signer_kind == kind]
    current = [s for s in mine if s.current]
    if current:
        return current[-1], True
    return (mine[-1] if mine else None), False


class SignerRow(QLabel):
    """One line saying whether someone has signed: in words and a tint (never colour alone)."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.state = "not_yet"

    def set_state(self, state: str, text: str) -> None:
        self.state = state
        self.setText(text)
        self.setAccessibleName(text)
        set_style_property(self, "signing", state)


class AgreementPage(WorkspacePage):
    """Who has signed this version, the buttons to sign, approve and put it into action, and printing."""

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.setObjectName("agreementPage")
        self.person: PersonView | None = None
        self.version: VersionView | None = None
        self.dialog: SignDialog | None = None
        self._feedback = Feedback(self, self.saved.emit, self.conflict.emit)
        self.may_print = context.may(Action.PRINT_AGREEMENT)
        self.printer: AgreementPrinter | None = None
        if self.may_print:
            self.printer = AgreementPrinter(context, self)
            self.printer.busy.connect(self._printing)
            self.printer.progress.connect(self._print_progress)
            self.printer.saved.connect(self.saved.emit)

        self.empty = _label("There is no plan yet. Start one on the My plan page, then sign it here.", self)
        self.empty.setObjectName("agreementEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body = QWidget(self)
        self.headline = _label("", self.body, scale=1.3, bold=True)
        self.headline.setObjectName("agreementHeadline")
        self.next_step = _label("", self.body)
        self.next_step.setObjectName("agreementNextStep")

        # Signing -------------------------------------------------------------------------------
        self.signing_box = QGroupBox("Signing", self.body)
        self.signing_box.setObjectName("signingBox")
        explain = _label(
            "Each of you signs the plan exactly as it is on the screen. "
            "If it changes after one of you signs, that person signs again.",
            self.signing_box,
        )
        self.person_row = SignerRow("personSignature", self.signing_box)
        self.staff_row = SignerRow("keyWorkerSignature", self.signing_box)
        self.person_sign_button = _button("", self.signing_box, name="personSigns")
        self.person_sign_button.clicked.connect(self.sign_as_person)
        self.staff_sign_button = _button("", self.signing_box, name="staffSigns")
        self.staff_sign_button.clicked.connect(self.sign_as_key_worker)
        self.cannot_sign = _label(
            "The person and their key worker sign the plan here, with a key worker or manager.",
            self.signing_box,
        )
        self.cannot_sign.setObjectName("cannotSign")
        sign_buttons = QHBoxLayout()
        sign_buttons.addWidget(self.person_sign_button)
        sign_buttons.addWidget(self.staff_sign_button)
        sign_buttons.addStretch(1)
        signing_layout = QVBoxLayout(self.signing_box)
        signing_layout.addWidget(explain)
        signing_layout.addWidget(self.person_row)
        signing_layout.addWidget(self.staff_row)
        signing_layout.addLayout(sign_buttons)
        signing_layout.addWidget(self.cannot_sign)

        # Approval ------------------------------------------------------------------------------
        self.approval_box = QGroupBox("Approval", self.body)
        self.approval_box.setObjectName("approvalBox")
        self.approval_text = _label("", self.approval_box)
        self.approval_text.setObjectName("approvalText")
        self.approve_button = _button("Approve", self.approval_box, name="approvePlan")
        self.approve_button.setAccessibleName("Approve the plan")
        self.approve_button.clicked.connect(self.approve)
        _fit(self.approve_button)
        self.activate_button = _button("Put into action", self.approval_box, name="activatePlan")
        self.activate_button.setAccessibleName("Put the plan into action")
        self.activate_button.clicked.connect(self.activate)
        _fit(self.activate_button)
        approval_buttons = QHBoxLayout()
        approval_buttons.addWidget(self.approve_button)
        approval_buttons.addWidget(self.activate_button)
        approval_buttons.addStretch(1)
        approval_layout = QVBoxLayout(self.approval_box)
        approval_layout.addWidget(self.approval_text)
        approval_layout.addLayout(approval_buttons)

        # The printed agreement ------------------------------------------------------------------
        self.printed_box = QGroupBox("Printed agreement", self.body)
        self.printed_box.setObjectName("printedAgreementBox")
        printed_text = _label(
            "A copy of the signed plan to print or keep, with everyone's signatures. It is signed by "
            "the service too, so anyone can check later that it is genuine.",
            self.printed_box,
        )
        self.full_choice = QRadioButton("F&ull agreement", self.printed_box)
        self.full_choice.setObjectName("fullAgreement")
        self.full_choice.setAccessibleName("The full agreement")
        self.full_choice.setChecked(True)
        self.easy_read_choice = QRadioButton(
            "Eas&y-read version: large print, short sentences, pictures", self.printed_box
        )
        self.easy_read_choice.setObjectName("easyReadAgreement")
        self.easy_read_choice.setAccessibleName("The easy-read version of the agreement")
        choices = QHBoxLayout()
        choices.addWidget(self.full_choice)
        choices.addWidget(self.easy_read_choice)
        choices.addStretch(1)
        self.preview_button = _button("Preview and print…", self.printed_box, name="previewAgreement")
        self.preview_button.setAccessibleName("Preview and print the agreement")
        self.preview_button.clicked.connect(self.preview_agreement)
        _fit(self.preview_button)
        self.save_pdf_button = _button("Save as PDF…", self.printed_box, name="saveAgreementPdf")
        self.save_pdf_button.setAccessibleName("Save the agreement as a PDF file")
        self.save_pdf_button.clicked.connect(self.save_agreement)
        _fit(self.save_pdf_button)
        self.print_progress = QProgressBar(self.printed_box)
        self.print_progress.setObjectName("printProgress")
        self.print_progress.setAccessibleName("How far the agreement has got")
        self.print_progress.setTextVisible(False)
        self.print_progress.setVisible(False)
        self.print_progress.setMaximumWidth(240)
        self.printed_note = _label(MANAGERS_PRINT, self.printed_box)
        self.printed_note.setObjectName("printedNote")
        self.printed_note.setProperty("role", "quiet")
        printed_buttons = QHBoxLayout()
        printed_buttons.addWidget(self.preview_button)
        printed_buttons.addWidget(self.save_pdf_button)
        printed_buttons.addWidget(self.print_progress)
        printed_buttons.addStretch(1)
        printed_layout = QVBoxLayout(self.printed_box)
        printed_layout.addWidget(printed_text)
        printed_layout.addLayout(choices)
        printed_layout.addLayout(printed_buttons)
        printed_layout.addWidget(self.printed_note)
        for widget in (self.full_choice, self.easy_read_choice, self.preview_button, self.save_pdf_button):
            widget.setVisible(self.may_print)

        body_layout = QVBoxLayout(self.body)
        body_layout.setSpacing(12)
        body_layout.addWidget(self.headline)
        body_layout.addWidget(self.next_step)
        body_layout.addWidget(self.signing_box)
        body_layout.addWidget(self.approval_box)
        body_layout.addWidget(self.printed_box)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the words wrap
        scroll.setWidget(self.body)
        self.scroll_area = scroll

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty, 1)
        layout.addWidget(scroll, 1)

        # Only the buttons this member of staff may use are there at all.
        self.cannot_sign.setVisible(
            not context.may(Action.WITNESS_PERSON_SIGNATURE) and not context.may(Action.SIGN_AS_KEY_WORKER)
        )
        self.approve_button.setVisible(context.may(Action.APPROVE_PLAN))
        self.activate_button.setVisible(context.may(Action.ACTIVATE_PLAN))
        self._show_nothing()

    # --- names -----------------------------------------------------------------------------------

    @property
    def person_name(self) -> str:
        return self.person.preferred_name if self.person is not None else "The person"

    @property
    def key_worker_name(self) -> str:
        if self.person is not None and self.person.key_worker:
            return self.person.key_worker
        return "The key worker"

    # --- showing ---------------------------------------------------------------------------------

    def _show_nothing(self) -> None:
        self.empty.setVisible(True)
        self.scroll_area.setVisible(False)

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        self.person = person
        self.version = version
        if version is None:
            self._show_nothing()
            return
        self.empty.setVisible(False)
        self.scroll_area.setVisible(True)
        person_first = first_name(self.person_name)
        staff_first = first_name(self.context.staff_name)
        self.headline.setText(f"Version {version.number}: {plan_status_words(version.status)}")
        self.headline.setAccessibleName(self.headline.text())

        person_sig, person_now = latest(version.signatures, SignerKind.PERSON)
        staff_sig, staff_now = latest(version.signatures, SignerKind.KEY_WORKER)
        self._row(self.person_row, person_sig, person_now, self.person_name, "")
        named = self.person is not None and bool(self.person.key_worker)
        staff_role = " (key worker)" if named else ""
        self._row(self.staff_row, staff_sig, staff_now, self.key_worker_name, staff_role)

        is_draft = version.status == PlanStatus.DRAFT
        has_goals = bool(version.goals)
        # Once both have signed there is nothing left to sign: the rows above say who did.
        self.person_sign_button.setVisible(is_draft and self.context.may(Action.WITNESS_PERSON_SIGNATURE))
        self.staff_sign_button.setVisible(is_draft and self.context.may(Action.SIGN_AS_KEY_WORKER))
        self.person_sign_button.setText(f"{person_first} signs")
        self.person_sign_button.setAccessibleName(f"{self.person_name} signs the plan")
        self.staff_sign_button.setText(f"{staff_first} signs")
        self.staff_sign_button.setAccessibleName(f"{self.context.staff_name} signs the plan as key worker")
        for button in (self.person_sign_button, self.staff_sign_button):
            _fit(button)
        self._enable(
            self.person_sign_button,
            is_draft and has_goals and not person_now,
            f"{self.person_name} reads the plan and signs it",
            self._why_not_sign(version, person_now, f"{self.person_name} has signed this wording."),
        )
        self._enable(
            self.staff_sign_button,
            is_draft and has_goals and not staff_now,
            f"{self.context.staff_name} signs the plan as key worker",
            self._why_not_sign(version, staff_now, "The key worker has signed this wording."),
        )

        self.next_step.setText(self._next_step(version, person_now, staff_now, person_first, staff_first))
        self.next_step.setAccessibleName(self.next_step.text())
        self.approval_text.setText(self._approval_words(version))
        self._show_printing(version)
        self._enable(
            self.approve_button,
            version.status == PlanStatus.AGREED,
            "Approve the plan: its reviews are booked",
            "A manager can approve the plan once both have signed."
            if is_draft
            else "This version is already approved.",
        )
        self._enable(
            self.activate_button,
            version.status == PlanStatus.APPROVED,
            "Put the plan into action. Any older version is kept as it was.",
            "A plan is put into action once it is approved."
            if version.status in (PlanStatus.DRAFT, PlanStatus.AGREED)
            else "This version is not waiting to be put into action.",
        )

    @staticmethod
    def _enable(button: QPushButton, enabled: bool, yes: str, no: str) -> None:
        button.setEnabled(enabled)
        button.setToolTip(yes if enabled else no)
        button.setAccessibleDescription("" if enabled else no)

    @staticmethod
    def _why_not_sign(version: VersionView, signed_now: bool, already: str) -> str:
        if version.status != PlanStatus.DRAFT:
            return "This version has been signed by both and can no longer change."
        if not version.goals:
            return "Add at least one goal before the plan is signed."
        return already if signed_now else ""

    @staticmethod
    def _row(row: SignerRow, signature: SignatureView | None, now: bool, name: str, role: str) -> None:
        if signature is None:
            row.set_state("not_yet", f"{name}{role}: not signed yet")
            return
        if signature.signer_kind == SignerKind.KEY_WORKER:
            kind = signature.role.replace("_", " ")
            role = f" ({kind})" if kind == "key worker" else f" ({kind}, signing as key worker)"
        if not now:
            row.set_state(
                "again", f"{signature.signer_name}{role}: signed an earlier wording: needs to sign again"
            )
            return
        how = METHOD_WORDS.get(signature.method, signature.method)
        row.set_state(
            "signed", f"{signature.signer_name}{role}: signed on {long_date(signature.signed_at)} ({how})"
        )

    def _next_step(
        self, version: VersionView, person_now: bool, staff_now: bool, person: str, staff: str
    ) -> str:
        status = version.status
        if status == PlanStatus.DRAFT:
            if not version.goals:
                return "Add at least one goal on the My plan page. Then the plan can be signed."
            if person_now and staff_now:
                return "Both have signed."
            if person_now:
                return f"{person} has signed. The key worker signs next."
            if staff_now:
                return f"The key worker has signed. {person} signs next."
            return (
                f"When {person} and {staff} have read the plan together and agree with it, "
                "each of them signs it here."
            )
        if status == PlanStatus.AGREED:
            if self.context.may(Action.APPROVE_PLAN):
                return "Both have signed, so the words can no longer change. You can approve it now."
            return "Both have signed, so the words can no longer change. A manager approves it next."
        if status == PlanStatus.APPROVED:
            return "The plan is approved. Put it into action when it starts."
        if status == PlanStatus.ACTIVE:
            return "The plan is in action. Its reviews are booked."
        if status == PlanStatus.SUPERSEDED:
            return "A newer version took the place of this one. This one is kept as it was signed."
        return "This plan has ended. It is kept as it was."

    @staticmethod
    def _approval_words(version: VersionView) -> str:
        status = version.status
        if status == PlanStatus.DRAFT:
            return "Not yet. A manager approves the plan after both have signed."
        if status == PlanStatus.AGREED:
            return "Waiting for a manager to approve it."
        approved = ""
        if version.approved_at is not None:
            by = f" by {version.approved_by}" if version.approved_by else ""
            approved = f"Approved{by} on {long_date(version.approved_at)}. "
        if status == PlanStatus.APPROVED:
            return f"{approved or 'Approved. '}The reviews are booked. It can be put into action."
        if status == PlanStatus.ACTIVE:
            return f"{approved}In action." if approved else "Approved and in action."
        return f"{approved}This version is no longer the one in use."

    # --- signing ---------------------------------------------------------------------------------

    def sign_as_person(self) -> None:
        self._open_sign(SignerKind.PERSON)

    def sign_as_key_worker(self) -> None:
        self._open_sign(SignerKind.KEY_WORKER)

    def _open_sign(self, signer: SignerKind) -> None:
        if self.dialog is not None or self.version is None or self.person is None:
            return
        dialog = SignDialog(
            self.context, self.version, signer, person_name=self.person.preferred_name, parent=self
        )
        self.dialog = dialog
        dialog.accepted.connect(partial(self._signed, dialog))
        dialog.conflicted.connect(self.conflict.emit)
        dialog.finished.connect(partial(self._closed, dialog))
        dialog.open()

    def _signed(self, dialog: SignDialog) -> None:
        if dialog.status == PlanStatus.AGREED:
            self.saved.emit("Signed by both. The plan is agreed.")
        else:
            self.saved.emit(f"{dialog.signer_name}'s signature is saved")
        self.changed.emit()

    def _closed(self, dialog: SignDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # --- approving and putting into action -------------------------------------------------------

    def approve(self) -> None:
        version = self.version
        if version is None:
            return
        if self._feedback.run(
            lambda: signing.approve_plan(
                self.context.db, self.context.actor, version.id, expected_revision=version.plan_revision
            ),
            saved="Plan approved. Its reviews are booked.",
        ):
            self.changed.emit()

    def activate(self) -> None:
        version = self.version
        if version is None:
            return
        if self._feedback.run(
            lambda: plans.activate_plan(
                self.context.db, self.context.actor, version.id, expected_revision=version.plan_revision
            ),
            saved="The plan is in action",
        ):
            self.changed.emit()

    # --- the printed agreement -------------------------------------------------------------------

    def printable(self, version: VersionView | None) -> bool:
        return version is not None and version.status in PRINTABLE and version.approved_at is not None

    def _show_printing(self, version: VersionView) -> None:
        if not self.may_print:
            self.printed_note.setText(MANAGERS_PRINT)
            self.printed_note.setVisible(True)
            return
        ready = self.printable(version) and not (self.printer is not None and self.printer.running)
        self._enable(self.preview_button, ready, "Show the signed agreement, then print it", NOT_APPROVED)
        self._enable(self.save_pdf_button, ready, "Save the signed agreement as a PDF file", NOT_APPROVED)
        self.printed_note.setText(NOT_APPROVED)
        self.printed_note.setVisible(not self.printable(version))

    @property
    def easy_read(self) -> bool:
        return self.easy_read_choice.isChecked()

    def preview_agreement(self) -> None:
        if self.printer is not None and self.printable(self.version):
            assert self.version is not None
            self.printer.preview(self.version, self.easy_read)

    def save_agreement(self) -> None:
        if self.printer is not None and self.printable(self.version):
            assert self.version is not None
            self.printer.save(self.version, self.easy_read)

    def _printing(self, busy: bool) -> None:
        self.print_progress.setVisible(busy)
        for widget in (self.preview_button, self.save_pdf_button, self.full_choice, self.easy_read_choice):
            widget.setEnabled(not busy)
        if busy:
            self.print_progress.setRange(0, 0)
            self.printed_note.setText("Making the signed agreement…")
            self.printed_note.setVisible(True)
        elif self.version is not None:
            self._show_printing(self.version)

    def _print_progress(self, step: int, steps: int, text: str) -> None:
        self.print_progress.setRange(0, steps)
        self.print_progress.setValue(step)
        self.printed_note.setText(text)
        self.printed_note.setAccessibleName(text)
