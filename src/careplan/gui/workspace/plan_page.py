"""My plan: the goals and steps of one plan version, written together, each with whose words it is.

The page reads a VersionView and changes the record only through ``careplan.services.plans``.
Every change carries the plan revision it was made from, so a change made meanwhile on another
workstation is reported (with an offer to reload), never overwritten.
"""

from __future__ import annotations

import contextlib
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from careplan.domain.permissions import Action
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.statuses import plan_status_words
from careplan.gui.dialogs.disagreement_dialog import DisagreementDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.disagreement_note import NoteView
from careplan.gui.workspace.goal_card import GoalCard
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_changes import FocusKey, PlanChanges
from careplan.gui.workspace.plan_editors import PlanEditors
from careplan.gui.workspace.plan_view import PlanView
from careplan.gui.workspace.plan_words import FROZEN_NOTES, SIGNED_NOTE
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import GoalView, PersonView, StepView, VersionView

__all__ = ["SIGNED_NOTE", "DisagreementDialog", "GoalCard", "NoteView", "PlanPage"]


class PlanPage(WorkspacePage):
    """The plan version's goals and steps, with who wrote each and any "I don't agree" notes.

    Its layout is ``view`` (gui/workspace/plan_view.py); what pressing something does is
    ``changes`` (gui/workspace/plan_changes.py) and, for what opens a dialog, ``editors``
    (gui/workspace/plan_editors.py); the page shows the version and a card for each goal.
    """

    title = "My plan"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.view = PlanView(self)
        self.changes = PlanChanges(context, self)
        self.editors = PlanEditors(context, voice, self, self.changes)
        self.undo_stack = self.changes.undo_stack
        self._cards: list[GoalCard] = []  # built so far, in order
        self._focus_targets: dict[FocusKey, QWidget] = {}
        # The version and the index of the next goal card still to build (below the fold).
        self._later: tuple[VersionView, int] | None = None
        self._generation = 0  # counts what was shown: a build queued for an older one does nothing
        view = self.view
        view.add_goal_action.triggered.connect(self.add_goal)
        view.start_button.clicked.connect(self.start_plan)
        view.revise_button.clicked.connect(self.changes.revise)
        view.newer_button.clicked.connect(self.changes.open_newer)
        view.disagree_plan_button.clicked.connect(self.editors.disagree_with_plan)

    @property
    def person(self) -> PersonView | None:
        return self.changes.person

    @property
    def version(self) -> VersionView | None:
        return self.changes.version

    def add_goal(self) -> None:
        self.editors.add_goal()

    def start_plan(self) -> None:
        self.changes.start_plan()
        if self.view.add_goal_button.isVisible():
            self.view.add_goal_button.setFocus()

    def has_unsaved(self) -> bool:
        """Words typed in an open goal or step dialog that are not saved yet."""
        return self.editors.has_unsaved()

    # showing ------------------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        # A reload after a change keeps the scroll position; another person or version starts at the top.
        same_place = (
            self.person is not None
            and self.person.id == person.id
            and (self.version.id if self.version else None) == (version.id if version else None)
        )
        self.changes.person = person
        self.changes.version = version
        if version is None:
            allowed = self.context.may(Action.START_PLAN)
            self.view.start_button.setVisible(allowed)
            self.view.start_refused.setVisible(not allowed)
            self.view.add_goal_action.setEnabled(False)
            self.view.plan.hide()
            self.view.empty.show()
            self._clear_cards()
            self._restore_focus()
            return
        self.view.empty.hide()
        self.view.plan.show()
        self.view.version_label.setText(f"Version {version.number} – {plan_status_words(version.status)}")
        if version.period_start and version.period_end:
            self.view.period_label.setText(
                f"From {long_date(version.period_start)} to {long_date(version.period_end)}"
            )
        elif version.period_start:
            self.view.period_label.setText(f"From {long_date(version.period_start)}")
        else:
            self.view.period_label.clear()
        self.view.period_label.setVisible(bool(self.view.period_label.text()))
        self.view.frozen_note.setText(FROZEN_NOTES.get(version.status, ""))
        self.view.frozen_note.setVisible(version.frozen)
        newer = self.changes.newer_draft()
        self.view.revise_button.setVisible(
            version.status in ("agreed", "approved", "active")
            and newer is None
            and self.context.may(Action.REVISE_PLAN)
        )
        self.view.newer_button.setVisible(newer is not None)
        if newer is not None:
            self.view.newer_button.setText(f"Go to version {newer[1]}")
            self.view.newer_button.setAccessibleName(f"Go to version {newer[1]}, being written now")
        self.view.add_goal_action.setEnabled(self.changes.can_edit)
        self.view.add_goal_button.setVisible(self.changes.can_edit)
        self.view.disagree_plan_button.setVisible(self.changes.can_disagree)
        # Cards down to the bottom of what is seen now are built at once (after a reload, the
        # page may be scrolled down), the rest after the first paint.
        seen = self.view.goals_scroll.viewport().height()
        if same_place:
            seen += self.view.goals_scroll.verticalScrollBar().value()
        self._build_cards(version, seen if self.isVisible() else None)
        if not same_place:
            self.view.goals_scroll.verticalScrollBar().setValue(0)
        self._restore_focus()

    def _clear_cards(self) -> None:
        self._cards = []
        self._focus_targets = {}
        self._later = None  # cards still to build for what was shown before: never now
        self._generation += 1
        self.view.goals_widget.removeEventFilter(self)
        while self.view.goals_layout.count():
            item = self.view.goals_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _build_cards(self, version: VersionView, room: int | None) -> None:
        """The goal cards the page shows first now; any below the fold after the first paint.

        The cards that fill the first screen (and the one with the keyboard's place, after a
        reload) are built and shown at once; the rest on the next turn of the event loop once
        the first screen is painted, in order, so Tab still goes through them top to bottom.
        ``room``: the height in pixels to fill at once; None (a page not on screen): build them
        all now.
        """
        self._clear_cards()
        plan_notes = [
            d
            for d in version.disagreements
            if d.goal_id is None and d.step_id is None and d.allocation_id is None
        ]
        for note in plan_notes:
            view = NoteView(note, self.view.goals_widget)
            view.setToolTip("About the whole plan")
            self.view.goals_layout.addWidget(view)
            view.show()
        if not version.goals:
            empty = QLabel(
                "No goals yet. What do you want to change? Press “Add a goal” to write the first one."
                if self.changes.can_edit
                else "This version has no goals.",
                self.view.goals_widget,
            )
            empty.setObjectName("noGoals")
            empty.setWordWrap(True)
            self.view.goals_layout.addWidget(empty)
            empty.show()
        self.view.goals_layout.addStretch(1)
        keep = self._goal_with_focus(version)
        used = 0
        for index in range(len(version.goals)):
            if room is not None and used >= room and index > max(keep, 0):
                self._later = (version, index)
                self.view.goals_widget.installEventFilter(self)  # builds the rest after the first paint
                return
            card = self._add_card(version, index)
            if room is not None:
                used += card.sizeHint().height() + self.view.goals_layout.spacing()

    def _goal_with_focus(self, version: VersionView) -> int:
        """Which goal (its index) holds the control the keyboard goes back to after a reload; -1: none."""
        key = self.changes.want_focus
        if key is None:
            return -1
        kind, item_id, _name = key
        for index, goal in enumerate(version.goals):
            if (kind == "goal" and goal.id == item_id) or (
                kind == "step" and any(step.id == item_id for step in goal.steps)
            ):
                return index
        return -1

    def _add_card(self, version: VersionView, index: int) -> GoalCard:
        goal = version.goals[index]
        card = GoalCard(
            index + 1,
            goal,
            [d for d in version.disagreements if d.goal_id == goal.id],
            lambda step: [d for d in version.disagreements if d.step_id == step.id],
            self.view.goals_widget,
        )
        self._wire_card(card, index, len(version.goals))
        self._cards.append(card)
        self.view.goals_layout.insertWidget(self.view.goals_layout.count() - 1, card)  # before the stretch
        card.show()  # now, not on the next turn of the event loop: focus may go here next
        return card

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view.goals_widget
            and event.type() == QEvent.Type.Paint
            and self._later is not None
        ):
            self.view.goals_widget.removeEventFilter(self)
            QTimer.singleShot(0, partial(self._build_rest, self._generation))
        return super().eventFilter(watched, event)

    def _build_rest(self, generation: int) -> None:
        """The cards below the fold, in order, in one go (laid out once, not once per card)."""
        if generation != self._generation:
            return  # something else is shown now
        while self._later is not None:
            version, index = self._later
            self._later = (version, index + 1) if index + 1 < len(version.goals) else None
            self._add_card(version, index)

    def finish_cards(self) -> None:
        """Build now any cards still waiting to be built (below the fold, after the first paint)."""
        self._build_rest(self._generation)

    @property
    def all_cards_built(self) -> bool:
        return self._later is None

    @property
    def cards(self) -> list[GoalCard]:
        """Every goal card, in order (any still waiting to be built are built now)."""
        self.finish_cards()
        return list(self._cards)

    @property
    def cards_built(self) -> list[GoalCard]:
        """The goal cards built so far, in order (without building the rest)."""
        return list(self._cards)

    def _wire_card(self, card: GoalCard, index: int, count: int) -> None:
        goal = card.goal
        editable = self.changes.can_edit
        for widget in (card.add_step, card.edit):
            widget.setVisible(editable)
        for action in (card.move_up, card.move_down, card.remove):
            action.setVisible(editable)
        card.move_up.setEnabled(index > 0)
        card.move_down.setEnabled(index < count - 1)
        card.disagree.setVisible(self.changes.can_disagree)
        card.more.setVisible(editable)
        card.status.setEnabled(self.changes.can_record_progress)
        if not self.changes.can_record_progress:
            card.status.setToolTip("Progress can't be recorded here.")
        card.add_step.clicked.connect(partial(self.editors.add_step, goal))
        card.edit.clicked.connect(partial(self.editors.edit_goal, goal))
        card.move_up.triggered.connect(
            lambda: self.changes.move_goal(goal, index - 1, "up", self._focused("goal", goal.id))
        )
        card.move_down.triggered.connect(
            lambda: self.changes.move_goal(goal, index + 1, "down", self._focused("goal", goal.id))
        )
        card.remove.triggered.connect(partial(self.changes.remove_goal, goal))
        card.disagree.clicked.connect(partial(self.editors.disagree_with_goal, goal))
        card.status.activated.connect(partial(self.changes.status_chosen, card))
        targets: dict[str, QWidget] = {
            "add_step": card.add_step,
            "edit": card.edit,
            "more": card.more,
            "up": card.more,
            "down": card.more,
            "disagree": card.disagree,
            "status": card.status,
        }
        for name, target in targets.items():
            self._focus_targets[("goal", goal.id, name)] = target
        self._focus_targets[("goal", goal.id, "card")] = card
        steps = len(card.step_rows)
        for position, row in enumerate(card.step_rows):
            step = row.step
            for action in (row.edit, row.move_up, row.move_down, row.remove):
                action.setVisible(editable)
                action.setEnabled(editable)
            row.move_up.setEnabled(editable and position > 0)
            row.move_down.setEnabled(editable and position < steps - 1)
            row.disagree.setVisible(self.changes.can_disagree)
            row.disagree.setEnabled(self.changes.can_disagree)
            row.more.setVisible(editable or self.changes.can_disagree)
            row.done.setEnabled(self.changes.can_record_progress)
            row.done.toggled.connect(partial(self.changes.done_toggled, row))
            row.edit.triggered.connect(partial(self.editors.edit_step, goal, step))
            row.move_up.triggered.connect(partial(self._move_step_from_keys, goal, step, position - 1, "up"))
            row.move_down.triggered.connect(
                partial(self._move_step_from_keys, goal, step, position + 1, "down")
            )
            row.remove.triggered.connect(partial(self.changes.remove_step, goal, step))
            row.disagree.triggered.connect(partial(self.editors.disagree_with_step, step))
            self._focus_targets[("step", step.id, "done")] = row.done
            for name in ("more", "edit", "disagree", "up", "down"):
                self._focus_targets[("step", step.id, name)] = row.more

    def _focused(self, kind: str, item_id: int) -> str:
        """Which of an item's controls has the keyboard now, so a move keeps it there."""
        for (key_kind, key_id, name), widget in self._focus_targets.items():
            if (key_kind, key_id) == (kind, item_id) and widget.hasFocus() and name not in ("up", "down"):
                return name
        return "more"

    def _move_step_from_keys(self, goal: GoalView, step: StepView, position: int, direction: str) -> None:
        self.changes.move_step(goal, step, position, direction, self._focused("step", step.id))

    def card_for(self, goal_id: int) -> GoalCard | None:
        return next((card for card in self.cards if card.goal.id == goal_id), None)

    def _restore_focus(self) -> None:
        """After a reload, the keyboard stays where it was (the same button on the same goal)."""
        key, self.changes.want_focus = self.changes.want_focus, None
        if key is None:
            return
        widget = self._focus_targets.get(key)
        if widget is None and key[0] == "goal":
            widget = self._focus_targets.get(("goal", key[1], "card"))
        if widget is None:
            widget = self.view.add_goal_button if self.view.add_goal_button.isVisible() else None
        if widget is None:
            return
        target = widget
        if target.isVisible() and target.isEnabled():
            target.setFocus()
        QTimer.singleShot(0, lambda: self._reveal(target))

    def _reveal(self, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # already rebuilt again
            self.view.goals_scroll.ensureWidgetVisible(widget, 20, 40)
