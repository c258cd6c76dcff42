"""Signing one plan version: the form is ui/sign_dialog.ui; the behaviour is here.

The dialog shows exactly the version being signed (read-only) and remembers its fingerprint.
Signing sends that fingerprint, so a plan changed meanwhile is refused rather than signed
unseen: the dialog says so in plain words and shows the plan again. Nothing drawn or typed is
lost on a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from careplan.domain.enums import PlanStatus, SignatureMethod, SignerKind
from careplan.domain.errors import CareplanError, ConflictError
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.forms.ui_sign_dialog import Ui_SignDialog
from careplan.services import signing
from careplan.services.signed_in import SignedInStaff
from careplan.services.signing import SignatureInput
from careplan.services.workspace import VersionView, load_version

PLAN_CHANGED = "The plan changed after it was shown. Please read it again."
SAVED_MEANWHILE = (
    "Something was saved to this plan meanwhile. The words are the same as before. "
    "Please check them, then sign again."
)
FINGERPRINT_CHARACTERS = 12
DRAW_HOW = "Sign here with your finger, a pen or the mouse. Or type your name instead."
TYPE_HOW = "Type your name and tick the box. Or draw your signature instead."


def first_name(name: str) -> str:
    """Sam from "Sam Keyworker": buttons and headings speak to people by the name they use."""
    return name.split()[0] if name.split() else name


class SignDialog(FormDialog):
    """One signer (the person, or the key worker at the keyboard) signs the version shown.

    ``conflicted`` is emitted when the plan turned out to have changed since it was shown (the
    dialog has already shown it again); ``status`` holds the plan's status after signing.
    """

    conflicted = Signal()

    def __init__(
        self,
        context: SignedInStaff,
        version: VersionView,
        signer: SignerKind,
        *,
        person_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.signer = SignerKind(signer)
        self.person_name = person_name
        self.status: PlanStatus | None = None
        self.ui = Ui_SignDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.pad = ui.pad
        problems = FieldProblems(
            ui.problem,
            {
                "signature": (ui.pad, ui.padProblem),
                "typed_name": (ui.typedName, ui.typedNameProblem),
                "confirmed": (ui.confirmed, ui.confirmedProblem),
            },
        )

        font = ui.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        ui.title.setFont(font)
        small = ui.fingerprint.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        ui.fingerprint.setFont(small)
        ui.fingerprint.setProperty("role", "quiet")
        self._words_for_signer()
        bold = ui.signButton.font()
        bold.setBold(True)
        ui.signButton.setFont(bold)

        self.pad.changed.connect(self._pad_changed)
        ui.clearButton.clicked.connect(self.pad.clear)
        ui.undoButton.clicked.connect(self.pad.undo)
        ui.redoButton.clicked.connect(self.pad.redo)
        ui.typeInstead.clicked.connect(self.use_typed_name)
        ui.drawInstead.clicked.connect(self.use_drawing)
        self.set_up_form((ui.signButton, ui.notNow), problems)
        self._pad_changed()
        self.version = version
        self.shown_sha256 = version.sha256
        self._show(version)
        self.resize(820, 760)
        ui.summaryArea.setFocus()  # the plan first: the arrow keys scroll it

    # --- words ---------------------------------------------------------------------------------

    @property
    def signer_name(self) -> str:
        return self.person_name if self.signer is SignerKind.PERSON else self.context.staff_name

    def _words_for_signer(self) -> None:
        ui = self.ui
        person = first_name(self.person_name)
        staff = first_name(self.context.staff_name)
        if self.signer is SignerKind.PERSON:
            self.setWindowTitle(f"{person} signs the plan")
            ui.intro.setText(
                f"{person}, this is the plan you wrote with {staff}. Read it, or ask {staff} to read it "
                "out. Sign it if it says what you want. If not, choose Not now: nothing is signed."
            )
            ui.typedName.setText(self.person_name)
            ui.typedName.selectAll()
        else:
            self.setWindowTitle(f"{staff} signs the plan")
            ui.intro.setText(
                f"{staff}, check this is the plan you wrote with {person}, then sign it as the key worker."
            )
            ui.typedName.setText(self.context.staff_name)
        ui.signButton.setAccessibleName(f"Sign the plan as {self.signer_name}")
        ui.signButton.setToolTip(f"Sign this version of the plan as {self.signer_name}")

    def _show(self, version: VersionView) -> None:
        ui = self.ui
        self.version = version
        self.shown_sha256 = version.sha256
        ui.title.setText(f"{self.windowTitle()} (version {version.number})")
        ui.summary.show_version(version)
        ui.summaryArea.verticalScrollBar().setValue(0)
        short = version.sha256[:FINGERPRINT_CHARACTERS]
        ui.fingerprint.setText(f"Plan fingerprint: {short}")
        ui.fingerprint.setAccessibleName(f"Plan fingerprint: {' '.join(short)}")
        ui.fingerprint.setToolTip(
            "A check number worked out from the words of this version. "
            "It changes if anything in the plan changes."
        )

    # --- ways to sign --------------------------------------------------------------------------

    @property
    def typing(self) -> bool:
        return self.ui.ways.currentWidget() is self.ui.typePage

    def use_typed_name(self) -> None:
        self.ui.ways.setCurrentWidget(self.ui.typePage)
        self.ui.how.setText(TYPE_HOW)
        self.ui.typedName.setFocus()

    def use_drawing(self) -> None:
        self.ui.ways.setCurrentWidget(self.ui.drawPage)
        self.ui.how.setText(DRAW_HOW)
        self.ui.typeInstead.setFocus()

    def _pad_changed(self) -> None:
        self.ui.undoButton.setEnabled(self.pad.can_undo)
        self.ui.redoButton.setEnabled(self.pad.can_redo)
        self.ui.clearButton.setEnabled(not self.pad.is_empty())

    def signature(self) -> SignatureInput:
        """What was drawn or typed, with the fingerprint of the version shown."""
        if self.typing:
            return SignatureInput(
                signer=self.signer,
                method=SignatureMethod.TYPED,
                plan_sha256=self.shown_sha256,
                typed_name=self.ui.typedName.text(),
                confirmed=self.ui.confirmed.isChecked(),
            )
        return SignatureInput(
            signer=self.signer,
            method=SignatureMethod.DRAWN,
            plan_sha256=self.shown_sha256,
            strokes=self.pad.strokes(),
        )

    # --- signing -------------------------------------------------------------------------------

    def save_typed(self) -> object:
        """Sign (the sign button): the version shown, as drawn or typed."""
        self.status = signing.sign_plan(
            self.context.db,
            self.context.actor,
            self.version.id,
            self.signature(),
            expected_revision=self.version.plan_revision,
        )
        return self.status

    def refused(self, exc: CareplanError) -> None:
        if isinstance(exc, ConflictError):
            self._plan_changed()
        else:
            self.problems.show(exc)

    def _plan_changed(self) -> None:
        """Show the plan as it is now; what was drawn or typed stays as it was."""
        before = self.shown_sha256
        try:
            version = load_version(self.context.db, self.context.actor, self.version.id)
        except CareplanError as exc:
            self.ui.problem.setText(exc.message)
            self.ui.problem.show()
            self.conflicted.emit()
            return
        self._show(version)
        self.ui.problem.setText(PLAN_CHANGED if version.sha256 != before else SAVED_MEANWHILE)
        self.ui.problem.show()
        self.ui.summaryArea.setFocus()
        self.conflicted.emit()
