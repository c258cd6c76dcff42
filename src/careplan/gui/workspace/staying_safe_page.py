"""Staying safe: the plan version's staying-safe plan, written together in the person's words.

The page reads the VersionView's staying-safe plan and changes it only through
``careplan.services.staying_safe``, each change carrying the plan revision it was made from (a change
made meanwhile at another computer is reported with an offer to reload, never overwritten). It is
part of every version: frozen once agreed, carried over when a new version starts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from careplan.domain.actor import Voice
from careplan.domain.enums import Naloxone, OverdoseRisk, SafetyPart
from careplan.domain.errors import ConflictError
from careplan.domain.permissions import Action
from careplan.domain.wording.statuses import plan_status_words
from careplan.domain.wording.staying_safe import (
    NALOXONE_WORDS,
    OVERDOSE_RISK_WORDS,
    PART_HEADINGS,
    naloxone_words,
    overdose_risk_words,
)
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.dialogs.staying_safe_dialogs import PartForm, SafetyContactDialog, StayingSafeWordsDialog
from careplan.gui.dialogs.writing_dialog import Writers
from careplan.gui.theme import set_style_property
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.one_dialog import OneDialog
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_controls import confirm
from careplan.gui.workspace.plan_words import FROZEN_NOTES
from careplan.gui.workspace.staying_safe_sections import ContactRow, StayingSafeLayout
from careplan.services import staying_safe
from careplan.services.signed_in import SignedInStaff
from careplan.services.staying_safe import ContactInput
from careplan.services.staying_safe_view import NOTHING_YET, ContactView, StayingSafeView
from careplan.services.workspace import PersonView, VersionView

SIGNED = (
    "This version was signed, so its staying-safe plan stays as it is. To change it, start a new "
    "version on “My plan”."
)
NOTES = {**FROZEN_NOTES, "agreed": SIGNED, "approved": SIGNED, "active": SIGNED}

PART_PROMPTS: dict[SafetyPart, tuple[str, str]] = {
    SafetyPart.WARNING_SIGNS: (
        "What tells you, or people close to you, that things are getting harder?",
        "&Signs that things are getting harder",
    ),
    SafetyPart.WHAT_HELPS: (
        "What helps you when things get hard? Things you do, places, people.",
        "&What helps me",
    ),
    SafetyPart.IF_UNREACHABLE: (
        "If you can't reach the service (at night, at weekends), what will you do?",
        "&What I will do",
    ),
}


class StayingSafePage(WorkspacePage):
    """Warning signs, what helps, who to call, if the service can't be reached, overdose risk and
    naloxone: each with whose words it is, each changed in its own dialog."""

    title = "Staying safe"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.view = StayingSafeLayout(self)
        self.person: PersonView | None = None
        self.version: VersionView | None = None
        self.dialogs = OneDialog(self._dialog_saved)
        self.contact_rows: list[ContactRow] = []
        self._want_focus: str | None = None  # the object name of the button to go back to
        self.feedback = Feedback(self, self.saved.emit, self.conflict.emit)
        view = self.view
        for part, (section, _block) in view.parts.items():
            section.change.clicked.connect(partial(self.write_part, part))
        view.contacts.change.clicked.connect(self.add_contact)
        view.overdose.change.clicked.connect(self.write_overdose_risk)
        view.naloxone.change.clicked.connect(self.write_naloxone)

    @property
    def can_edit(self) -> bool:
        return self.version is not None and not self.version.frozen and self.context.may(Action.EDIT_PLAN)

    @property
    def plan(self) -> StayingSafeView:
        return self.version.staying_safe if self.version is not None else NOTHING_YET

    def has_unsaved(self) -> bool:
        return self.dialog is not None and self.dialog.has_unsaved_words()

    # showing ------------------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        self.person, self.version = person, version
        view = self.view
        view.no_plan.setVisible(version is None)
        view.scroll.setVisible(version is not None)
        view.intro.setText(
            f"How {person.preferred_name} keeps safe, in their own words. It is part of the plan, and we "
            "look at it again at every review."
        )
        if version is None:
            view.version_label.clear()
            view.frozen_note.hide()
            return
        view.version_label.setText(f"Version {version.number} – {plan_status_words(version.status)}")
        view.frozen_note.setText(NOTES.get(version.status, ""))
        view.frozen_note.setVisible(version.frozen)
        plan = version.staying_safe
        for part, (section, block) in view.parts.items():
            block.show_text(plan.part(part))
            section.set_action("Change" if plan.part(part) else "Write")
        view.overdose_choice.setText(overdose_risk_words(plan.overdose_risk))
        set_style_property(view.overdose_choice, "role", "" if plan.overdose_risk else "quiet")
        view.overdose_words.show_text(plan.overdose_words, "")
        view.overdose_words.setVisible(plan.overdose_words is not None)
        view.naloxone_choice.setText(naloxone_words(plan.naloxone))
        set_style_property(view.naloxone_choice, "role", "" if plan.naloxone else "quiet")
        view.naloxone_where.show_text(plan.naloxone_where, "")
        view.naloxone_where.setVisible(plan.naloxone_where is not None)
        for section, written in (
            (view.overdose, plan.overdose_risk or plan.overdose_words),
            (view.naloxone, plan.naloxone),
        ):
            section.set_action("Change" if written else "Write")
        for section in view.sections:
            section.change.setVisible(self.can_edit)
        view.contacts.set_action("Add someone to call")
        self._show_contacts(plan.contacts)
        self._restore_focus()

    def _show_contacts(self, contacts: tuple[ContactView, ...]) -> None:
        for row in self.contact_rows:
            row.hide()
            row.deleteLater()
        self.contact_rows = []
        self.view.no_contacts.setVisible(not contacts)
        previous: QWidget = self.view.contacts.change
        for contact in contacts:
            row = ContactRow(self.view.contacts, contact)
            for widget in (row.change, row.remove):
                widget.setVisible(self.can_edit)
            row.change.clicked.connect(partial(self.edit_contact, contact))
            row.remove.clicked.connect(partial(self.remove_contact, contact))
            row.change.setObjectName(f"contactChange{contact.id}")
            row.remove.setObjectName(f"contactRemove{contact.id}")
            self.view.contacts_list.addWidget(row)
            # Tab goes from "Add someone to call" down the list, then on to the next card.
            QWidget.setTabOrder(previous, row.change)
            QWidget.setTabOrder(row.change, row.remove)
            previous = row.remove
            self.contact_rows.append(row)

    def _restore_focus(self) -> None:
        name, self._want_focus = self._want_focus, None
        if name is None:
            return
        target = self.findChild(QPushButton, name)
        if target is None or not target.isVisible():
            target = self.view.contacts.change if name.startswith("contact") else None
        if target is not None and target.isVisible():
            target.setFocus()
            shown = target
            QTimer.singleShot(0, lambda: self._reveal(shown))

    def _reveal(self, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # already rebuilt again
            self.view.scroll.ensureWidgetVisible(widget, 20, 40)

    # changing -----------------------------------------------------------------------------------

    def _writers(self) -> Writers:
        name = self.person.preferred_name if self.person else "the person"
        return Writers(name, self.context.staff_name, self.context.role.value)

    def _revision(self) -> int:
        assert self.version is not None
        return self.version.plan_revision

    def _offer_reload(self, exc: ConflictError) -> None:
        def again() -> None:
            raise exc

        self.feedback.run(again)

    @property
    def dialog(self) -> FormDialog | None:
        """The dialog open on this page, if any (one at a time)."""
        return self.dialogs.current

    def _open(self, dialog: FormDialog, saved: str, focus: str) -> None:
        self.dialogs.open(dialog, saved, focus)

    def _dialog_saved(self, saved: str, focus: str) -> None:
        self.saved.emit(saved)
        self._want_focus = focus
        self.changed.emit()

    def _words_dialog(
        self, form: PartForm, save: Callable[[str | None, str, Voice], object], saved: str, focus: str
    ) -> None:
        if not self.can_edit or self.dialog is not None:
            return
        dialog = StayingSafeWordsDialog(
            voice=self.voice,
            writers=self._writers(),
            form=form,
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )
        self._open(dialog, saved, focus)

    def write_part(self, part: SafetyPart) -> None:
        if self.version is None:
            return
        version_id = self.version.id
        intro, label = PART_PROMPTS[part]

        def save(_choice: str | None, words: str, voice: Voice) -> None:
            staying_safe.write_part(
                self.context.db,
                self.context.actor,
                version_id,
                part,
                words,
                voice,
                expected_revision=self._revision(),
            )

        heading = PART_HEADINGS[part]
        form = PartForm(heading, intro, label, part.value, self.plan.part(part))
        self._words_dialog(form, save, f"Saved: {heading.lower()}", f"{part.value}Change")

    def write_overdose_risk(self) -> None:
        if self.version is None:
            return
        version_id = self.version.id
        name = self.person.preferred_name if self.person else "the person"

        def save(choice: str | None, words: str, voice: Voice) -> None:
            staying_safe.set_overdose_risk(
                self.context.db,
                self.context.actor,
                version_id,
                OverdoseRisk(choice) if choice else None,
                words,
                voice,
                expected_revision=self._revision(),
            )

        form = PartForm(
            "Overdose risk",
            f"How at risk of overdose does {name} feel now? {name} chooses; anyone may add their words.",
            "&In their words (can be left empty)",
            "overdose_words",
            self.plan.overdose_words,
            {risk.value: words for risk, words in OVERDOSE_RISK_WORDS.items()},
            self.plan.overdose_risk,
            "overdose_risk",
        )
        self._words_dialog(form, save, "Saved: overdose risk", "overdoseChange")

    def write_naloxone(self) -> None:
        if self.version is None:
            return
        version_id = self.version.id

        def save(choice: str | None, words: str, voice: Voice) -> None:
            staying_safe.set_naloxone(
                self.context.db,
                self.context.actor,
                version_id,
                Naloxone(choice) if choice else None,
                words,
                voice,
                expected_revision=self._revision(),
            )

        form = PartForm(
            "Naloxone",
            "Naloxone can reverse an overdose for long enough to get help.",
            "&Where I keep it (can be left empty)",
            "naloxone_where",
            self.plan.naloxone_where,
            {held.value: words for held, words in NALOXONE_WORDS.items()},
            self.plan.naloxone,
            "naloxone",
        )
        self._words_dialog(form, save, "Saved: naloxone", "naloxoneChange")

    def _contact_dialog(
        self, save: Callable[[ContactInput], object], contact: ContactView | None
    ) -> SafetyContactDialog | None:
        if not self.can_edit or self.dialog is not None:
            return None
        return SafetyContactDialog(
            voice=self.voice,
            writers=self._writers(),
            save=save,
            on_conflict=self._offer_reload,
            contact=contact,
            parent=self,
        )

    def add_contact(self) -> None:
        if self.version is None:
            return
        version_id = self.version.id

        def save(contact: ContactInput) -> int:
            return staying_safe.add_contact(
                self.context.db, self.context.actor, version_id, contact, expected_revision=self._revision()
            )

        dialog = self._contact_dialog(save, None)
        if dialog is not None:
            self._open(dialog, "Added someone to call", "contactsChange")

    def edit_contact(self, contact: ContactView) -> None:
        def save(changed: ContactInput) -> None:
            staying_safe.edit_contact(
                self.context.db, self.context.actor, contact.id, changed, expected_revision=self._revision()
            )

        dialog = self._contact_dialog(save, contact)
        if dialog is not None:
            self._open(dialog, "Saved someone to call", f"contactChange{contact.id}")

    def remove_contact(self, contact: ContactView) -> None:
        if not self.can_edit or self.dialog is not None:
            return
        if not confirm(
            self,
            "Take out someone to call",
            f"Take {contact.name.body} ({contact.phone}) out of who to call?",
            "Take them out",
            "Keep them",
        ):
            return

        def remove() -> None:
            staying_safe.remove_contact(
                self.context.db, self.context.actor, contact.id, expected_revision=self._revision()
            )

        if self.feedback.run(remove, saved="Taken out of who to call"):
            self._want_focus = "contactsChange"
            self.changed.emit()
