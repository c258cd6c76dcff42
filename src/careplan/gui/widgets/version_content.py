"""One version of a plan, read-only: goals with their steps, the staying-safe plan, services,
money, notes and signatures. Shown on the History page (gui/workspace/history_view.py) and in the
sign dialog (a promoted widget in ui/sign_dialog.ui); it shows the plain view it is given and
calls no use case.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from careplan.domain.enums import SafetyPart
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.domain.wording.statuses import goal_status_words, sentence
from careplan.domain.wording.staying_safe import (
    CONTACTS_HEADING,
    NALOXONE_HEADING,
    OVERDOSE_HEADING,
    PART_HEADINGS,
    STAYING_SAFE,
    naloxone_words,
    overdose_risk_words,
)
from careplan.domain.wording.units import quantity_words
from careplan.gui.widgets.voice import AuthorBadge
from careplan.services.history import owner_words, quote
from careplan.services.staying_safe_view import StayingSafeView
from careplan.services.workspace import GoalView, TextView, VersionView


def plain_label(text: str, parent: QWidget, *, bold: bool = False) -> QLabel:
    """A label for words someone typed: shown as plain text, never read as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def discard(widget: QWidget) -> None:
    """Take a widget off the page at once (so it is gone from view and from searches), free it later."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


class VersionContent(QWidget):
    """One version, read-only: goals with their steps, services, money, notes and signatures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.badges: list[AuthorBadge] = []

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                discard(widget)
        self.badges = []

    def _badge(self, text: TextView, parent: QWidget) -> AuthorBadge:
        badge = AuthorBadge(parent)
        badge.set_author(text.author)
        self.badges.append(badge)
        return badge

    def _words(self, prefix: str, text: TextView, parent: QWidget, *, bold: bool = False) -> QWidget:
        """Someone's words with the badge saying whose they are."""
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(f"{prefix}{text.body}", row, bold=bold), 1)
        layout.addWidget(self._badge(text, row), 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _heading(self, text: str) -> QLabel:
        label = plain_label(text, self, bold=True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def show_version(self, version: VersionView) -> None:
        self._clear()
        if version.period_start is not None or version.period_end is not None:
            start = long_date(version.period_start) if version.period_start else "a date not set yet"
            end = long_date(version.period_end) if version.period_end else "a date not set yet"
            self._layout.addWidget(plain_label(f"This plan runs from {start} to {end}.", self))
        self._layout.addWidget(self._heading("Goals"))
        if not version.goals:
            self._layout.addWidget(plain_label("No goals in this version.", self))
        goal_words = {goal.id: goal.wording.body for goal in version.goals}
        for number, goal in enumerate(version.goals, start=1):
            self._layout.addWidget(self._goal(number, goal))
        self._staying_safe(version.staying_safe)
        self._layout.addWidget(self._heading("Services and money"))
        if not version.allocations:
            self._layout.addWidget(plain_label("No services in this version.", self))
        for item in version.allocations:
            goals = " and ".join(quote(goal_words[i]) for i in item.goal_ids if i in goal_words)
            line = (
                f"{item.description}: {quantity_words(item.quantity, item.unit)} at "
                f"{format_money(item.unit_price_pence)} = {format_money(item.total_pence)}"
                + (f", for {goals}" if goals else "")
            )
            self._layout.addWidget(plain_label(line, self))
        self._layout.addWidget(plain_label(self._money(version), self))
        if version.disagreements:
            self._layout.addWidget(self._heading("“I don't agree” notes"))
            for note in version.disagreements:
                self._layout.addWidget(self._words("", note.note, self))
        if version.signatures:
            self._layout.addWidget(self._heading("Signed"))
            for signature in version.signatures:
                still = "" if signature.current else " (the plan changed after this)"
                line = f"{signature.signer_name} signed on {long_date(signature.signed_at)}{still}"
                self._layout.addWidget(plain_label(line, self))

    def _staying_safe(self, plan: StayingSafeView) -> None:
        self._layout.addWidget(self._heading(STAYING_SAFE))
        if plan.empty:
            self._layout.addWidget(plain_label("No staying-safe plan in this version.", self))
        for part in SafetyPart:
            text = plan.part(part)
            if text is not None:
                self._layout.addWidget(self._words(f"{PART_HEADINGS[part]}: ", text, self))
        for contact in plan.contacts:
            self._layout.addWidget(self._words(f"{CONTACTS_HEADING}: {contact.phone}, ", contact.name, self))
        if plan.overdose_risk:
            line = f"{OVERDOSE_HEADING}: {overdose_risk_words(plan.overdose_risk)}."
            self._layout.addWidget(plain_label(line, self))
        if plan.overdose_words is not None:
            self._layout.addWidget(self._words(f"{OVERDOSE_HEADING}: ", plan.overdose_words, self))
        if plan.naloxone:
            self._layout.addWidget(plain_label(f"{NALOXONE_HEADING}: {naloxone_words(plan.naloxone)}.", self))
        if plan.naloxone_where is not None:
            self._layout.addWidget(self._words("Where I keep naloxone: ", plan.naloxone_where, self))

    def _goal(self, number: int, goal: GoalView) -> QFrame:
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.addWidget(self._words(f"{number}. ", goal.wording, frame, bold=True))
        if goal.why is not None:
            layout.addWidget(self._words("Why it matters: ", goal.why, frame))
        facts = [f"Life area: {goal.life_area}"]
        if goal.target_date is not None:
            facts.append(f"Target date: {long_date(goal.target_date)}")
        facts.append(sentence(goal_status_words(goal.status)))
        layout.addWidget(plain_label(". ".join(facts) + ".", frame))
        for step in goal.steps:
            done = "Done: " if step.done else "To do: "
            row = self._words(done, step.what, frame)
            extra = f"Who: {owner_words(step)}" + (
                f". By {long_date(step.due_date)}" if step.due_date is not None else ""
            )
            step_box = QWidget(frame)
            step_layout = QVBoxLayout(step_box)
            step_layout.setContentsMargins(24, 0, 0, 0)
            step_layout.setSpacing(0)
            step_layout.addWidget(row)
            step_layout.addWidget(plain_label(extra, step_box))
            layout.addWidget(step_box)
        return frame

    @staticmethod
    def _money(version: VersionView) -> str:
        parts = []
        if version.indicative_pence is not None:
            parts.append(f"Indicative budget: {format_money(version.indicative_pence)}")
        if version.agreed_pence is not None:
            parts.append(f"Agreed budget: {format_money(version.agreed_pence)}")
        parts.append(f"Set aside for services: {format_money(version.allocated_pence)}")
        if version.remaining_pence is not None:
            parts.append(f"Left: {format_money(version.remaining_pence)}")
        return ". ".join(parts) + "."
