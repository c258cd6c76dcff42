"""Agreement: signing the plan together, a manager's approval, putting it into action, printing.

The person and the key worker each sign the exact version on screen (in :class:`SignDialog`);
when both have signed, the version is agreed and can no longer change. A manager approves it,
and then it can be put into action. Once approved, a manager can preview and print the signed
agreement (full or easy-read) or save it as a PDF: :class:`AgreementPrinter` makes it in the
background while the page shows how far it has got. The page's layout is
:class:`AgreementView` (gui/workspace/agreement_view.py).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QPushButton, QWidget

from careplan.domain.enums import PlanStatus, SignerKind
from careplan.domain.permissions import Action
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.statuses import plan_status_words
from careplan.gui.dialogs.sign_dialog import SignDialog, first_name
from careplan.gui.documents.printing import AgreementPrinter
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.agreement_view import MANAGERS_PRINT, AgreementView, SignerRow, fit
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.page import WorkspacePage
from careplan.services import plans, signing
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, SignatureView, VersionView

NOT_APPROVED = "The agreement can be printed once both have signed and a manager has approved the plan."
__all__ = ["MANAGERS_PRINT", "NOT_APPROVED", "AgreementPage"]

PRINTABLE = {PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.SUPERSEDED, PlanStatus.CLOSED}

METHOD_WORDS = {"drawn": "drew a signature", "typed": "typed their name"}


def latest(signatures: list[SignatureView], kind: SignerKind) -> tuple[SignatureView | None, bool]:
    """The newest signature from one side, and whether it covers the wording shown now."""
    mine = [s for s in signatures if s.signer_kind == kind]
    current = [s for s in mine if s.current]
    if current:
        return current[-1], True
    return (mine[-1] if mine else None), False


class AgreementPage(WorkspacePage):
    """Who has signed this version, the buttons to sign, approve and put it into action, and printing."""

    title = "Agreement"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
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

        self.view = AgreementView(self)
        view = self.view
        view.person_sign_button.clicked.connect(self.sign_as_person)
        view.staff_sign_button.clicked.connect(self.sign_as_key_worker)
        view.approve_button.clicked.connect(self.approve)
        view.activate_button.clicked.connect(self.activate)
        view.preview_button.clicked.connect(self.preview_agreement)
        view.save_pdf_button.clicked.connect(self.save_agreement)
        for widget in (view.full_choice, view.easy_read_choice, view.preview_button, view.save_pdf_button):
            widget.setVisible(self.may_print)

        # Only the buttons this member of staff may use are there at all.
        self.view.cannot_sign.setVisible(
            not context.may(Action.WITNESS_PERSON_SIGNATURE) and not context.may(Action.SIGN_AS_KEY_WORKER)
        )
        self.view.approve_button.setVisible(context.may(Action.APPROVE_PLAN))
        self.view.activate_button.setVisible(context.may(Action.ACTIVATE_PLAN))
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
        self.view.empty.setVisible(True)
        self.view.scroll_area.setVisible(False)

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        view = self.view
        self.person = person
        self.version = version
        if version is None:
            self._show_nothing()
            return
        view.empty.setVisible(False)
        view.scroll_area.setVisible(True)
        person_first = first_name(self.person_name)
        staff_first = first_name(self.context.staff_name)
        view.headline.setText(f"Version {version.number}: {plan_status_words(version.status)}")
        view.headline.setAccessibleName(view.headline.text())

        person_sig, person_now = latest(version.signatures, SignerKind.PERSON)
        staff_sig, staff_now = latest(version.signatures, SignerKind.KEY_WORKER)
        self._row(view.person_row, person_sig, person_now, self.person_name, "")
        named = self.person is not None and bool(self.person.key_worker)
        staff_role = " (key worker)" if named else ""
        self._row(view.staff_row, staff_sig, staff_now, self.key_worker_name, staff_role)

        is_draft = version.status == PlanStatus.DRAFT
        has_goals = bool(version.goals)
        # Once both have signed there is nothing left to sign: the rows above say who did.
        view.person_sign_button.setVisible(is_draft and self.context.may(Action.WITNESS_PERSON_SIGNATURE))
        view.staff_sign_button.setVisible(is_draft and self.context.may(Action.SIGN_AS_KEY_WORKER))
        view.person_sign_button.setText(f"{person_first} signs")
        view.person_sign_button.setAccessibleName(f"{self.person_name} signs the plan")
        view.staff_sign_button.setText(f"{staff_first} signs")
        view.staff_sign_button.setAccessibleName(f"{self.context.staff_name} signs the plan as key worker")
        for button in (view.person_sign_button, view.staff_sign_button):
            fit(button)
        self._enable(
            view.person_sign_button,
            is_draft and has_goals and not person_now,
            f"{self.person_name} reads the plan and signs it",
            self._why_not_sign(version, person_now, f"{self.person_name} has signed this wording."),
        )
        self._enable(
            view.staff_sign_button,
            is_draft and has_goals and not staff_now,
            f"{self.context.staff_name} signs the plan as key worker",
            self._why_not_sign(version, staff_now, "The key worker has signed this wording."),
        )

        view.next_step.setText(self._next_step(version, person_now, staff_now, person_first, staff_first))
        view.next_step.setAccessibleName(view.next_step.text())
        view.approval_text.setText(self._approval_words(version))
        self._show_printing(version)
        self._enable(
            view.approve_button,
            version.status == PlanStatus.AGREED,
            "Approve the plan: its reviews are booked",
            "A manager can approve the plan once both have signed."
            if is_draft
            else "This version is already approved.",
        )
        self._enable(
            view.activate_button,
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
        view = self.view
        if not self.may_print:
            view.printed_note.setText(MANAGERS_PRINT)
            view.printed_note.setVisible(True)
            return
        ready = self.printable(version) and not (self.printer is not None and self.printer.running)
        self._enable(view.preview_button, ready, "Show the signed agreement, then print it", NOT_APPROVED)
        self._enable(view.save_pdf_button, ready, "Save the signed agreement as a PDF file", NOT_APPROVED)
        view.printed_note.setText(NOT_APPROVED)
        view.printed_note.setVisible(not self.printable(version))

    @property
    def easy_read(self) -> bool:
        return self.view.easy_read_choice.isChecked()

    def preview_agreement(self) -> None:
        if self.printer is not None and self.printable(self.version):
            assert self.version is not None
            self.printer.preview(self.version, self.easy_read)

    def save_agreement(self) -> None:
        if self.printer is not None and self.printable(self.version):
            assert self.version is not None
            self.printer.save(self.version, self.easy_read)

    def _printing(self, busy: bool) -> None:
        view = self.view
        view.print_progress.setVisible(busy)
        for widget in (
            view.preview_button,
            view.save_pdf_button,
            view.full_choice,
            view.easy_read_choice,
        ):
            widget.setEnabled(not busy)
        if busy:
            view.print_progress.setRange(0, 0)
            view.printed_note.setText("Making the signed agreement…")
            view.printed_note.setVisible(True)
        elif self.version is not None:
            self._show_printing(self.version)

    def _print_progress(self, step: int, steps: int, text: str) -> None:
        self.view.print_progress.setRange(0, steps)
        self.view.print_progress.setValue(step)
        self.view.printed_note.setText(text)
        self.view.printed_note.setAccessibleName(text)
