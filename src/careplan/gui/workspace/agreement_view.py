"""The Agreement page's layout: who has signed, the buttons to sign, approval, and the printed
agreement. Layout only: what the buttons do is the page's (gui/workspace/agreement_page.py)."""

from __future__ import annotations

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

from careplan.gui.theme import set_style_property

BUTTON_HEIGHT = 48
MANAGERS_PRINT = "Managers print the signed agreement. Ask a manager if the person would like a copy."


def plain_label(text: str, parent: QWidget, *, scale: float = 1.0, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def big_button(text: str, parent: QWidget, *, name: str) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setMinimumHeight(BUTTON_HEIGHT)
    widget.setAutoDefault(False)
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return widget


def fit(button: QPushButton) -> None:
    """Room for the text and a comfortable margin, so a long name is never cut short."""
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 56)


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


class AgreementView:
    """Builds the page's widgets into ``page`` (as a Designer form's ``setupUi`` would)."""

    def __init__(self, page: QWidget) -> None:
        self.empty = plain_label(
            "There is no plan yet. Start one on the My plan page, then sign it here.", page
        )
        self.empty.setObjectName("agreementEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body = QWidget(page)
        self.headline = plain_label("", self.body, scale=1.3, bold=True)
        self.headline.setObjectName("agreementHeadline")
        self.next_step = plain_label("", self.body)
        self.next_step.setObjectName("agreementNextStep")

        # Signing -------------------------------------------------------------------------------
        self.signing_box = QGroupBox("Signing", self.body)
        self.signing_box.setObjectName("signingBox")
        explain = plain_label(
            "Each of you signs the plan exactly as it is on the screen. "
            "If it changes after one of you signs, that person signs again.",
            self.signing_box,
        )
        self.person_row = SignerRow("personSignature", self.signing_box)
        self.staff_row = SignerRow("keyWorkerSignature", self.signing_box)
        self.person_sign_button = big_button("", self.signing_box, name="personSigns")
        self.staff_sign_button = big_button("", self.signing_box, name="staffSigns")
        self.cannot_sign = plain_label(
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
        self.approval_text = plain_label("", self.approval_box)
        self.approval_text.setObjectName("approvalText")
        self.approve_button = big_button("Approve", self.approval_box, name="approvePlan")
        self.approve_button.setAccessibleName("Approve the plan")
        fit(self.approve_button)
        self.activate_button = big_button("Put into action", self.approval_box, name="activatePlan")
        self.activate_button.setAccessibleName("Put the plan into action")
        fit(self.activate_button)
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
        printed_text = plain_label(
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
        self.preview_button = big_button("Preview and print…", self.printed_box, name="previewAgreement")
        self.preview_button.setAccessibleName("Preview and print the agreement")
        fit(self.preview_button)
        self.save_pdf_button = big_button("Save as PDF…", self.printed_box, name="saveAgreementPdf")
        self.save_pdf_button.setAccessibleName("Save the agreement as a PDF file")
        fit(self.save_pdf_button)
        self.print_progress = QProgressBar(self.printed_box)
        self.print_progress.setObjectName("printProgress")
        self.print_progress.setAccessibleName("How far the agreement has got")
        self.print_progress.setTextVisible(False)
        self.print_progress.setVisible(False)
        self.print_progress.setMaximumWidth(240)
        self.printed_note = plain_label(MANAGERS_PRINT, self.printed_box)
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

        body_layout = QVBoxLayout(self.body)
        body_layout.setSpacing(12)
        body_layout.addWidget(self.headline)
        body_layout.addWidget(self.next_step)
        body_layout.addWidget(self.signing_box)
        body_layout.addWidget(self.approval_box)
        body_layout.addWidget(self.printed_box)
        body_layout.addStretch(1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab, not it
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the words wrap
        scroll.setWidget(self.body)
        self.scroll_area = scroll

        layout = QVBoxLayout(page)
        layout.addWidget(self.empty, 1)
        layout.addWidget(scroll, 1)
