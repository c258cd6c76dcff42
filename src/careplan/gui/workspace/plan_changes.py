"""The changes made on the My plan page, each through ``careplan.services.plans`` and undoable.

The page reads a VersionView and changes the record only through the use cases.
Every change carries the plan revision it was made from, so a change made meanwhile on another
workstation is reported (with an offer to reload), never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QWidget,
)

from careplan.domain.actor import Voice
from careplan.domain.enums import GoalStatus
from careplan.domain.errors import ConflictError
from careplan.domain.permissions import Action
from careplan.domain.wording.statuses import goal_status_words
from careplan.gui.context import AppContext
from careplan.gui.dialogs.disagreement_dialog import DisagreementDialog
from careplan.gui.dialogs.goal_editor import GoalEditorDialog, Writers
from careplan.gui.dialogs.step_editor import StepEditorDialog
from careplan.gui.workspace import plan_undo
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.goal_card import GoalCard
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_controls import confirm
from careplan.gui.workspace.plan_words import short
from careplan.gui.workspace.step_row import StepRow
from careplan.gui.workspace.voice import VoiceSwitch
from careplan.services import plans
from careplan.services.plans import GoalInput, StepInput
from careplan.services.workspace import (
    GoalView,
    PersonView,
    StepView,
    VersionView,
    life_areas,
)

FocusKey = tuple[str, int, str]


class PlanChanges(WorkspacePage):
    """What the plan page does when something is pressed.

    Each change runs one use case with the plan revision it was made from, says so in the status
    bar, asks the workspace to reload, and goes on the undo stack. The page (``PlanPage``) builds
    the widgets and connects them here.
    """

    add_goal_button: QPushButton

    def __init__(self, context: AppContext, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.person: PersonView | None = None
        self.version: VersionView | None = None
        self.dialog: QDialog | None = None
        self._want_focus: FocusKey | None = None
        self._feedback = Feedback(self, self.saved.emit, self.conflict.emit)
        self.undo_stack = QUndoStack(self)

    # what may be done here ----------------------------------------------------------------------

    @property
    def can_edit(self) -> bool:
        return self.version is not None and not self.version.frozen and self.context.may(Action.EDIT_PLAN)

    @property
    def can_disagree(self) -> bool:
        return (
            self.version is not None
            and not self.version.frozen
            and self.context.may(Action.RECORD_DISAGREEMENT)
        )

    @property
    def can_record_progress(self) -> bool:
        return (
            self.version is not None
            and self.version.status not in ("superseded", "closed")
            and self.context.may(Action.RECORD_PROGRESS)
        )

    def _writers(self) -> Writers:
        name = self.person.preferred_name if self.person else "the person"
        return Writers(name, self.context.staff_name, self.context.role.value)

    def _newer_draft(self) -> tuple[int, int] | None:
        """The (id, number) of a newer version being written, when this one is frozen."""
        version = self.version
        if version is None or not version.frozen:
            return None
        for summary in version.versions:
            if summary.status == "draft" and summary.number > version.number:
                return summary.id, summary.number
        return None

    # changing -----------------------------------------------------------------------------------

    def _run(self, action: Callable[[], object], saved: str, focus: FocusKey | None = None) -> bool:
        """Run a use case; on success say so and ask the workspace to reload."""
        ok = self._feedback.run(action, saved=saved)
        if ok:
            self._want_focus = focus
            self.changed.emit()
        return ok

    def _offer_reload(self, exc: ConflictError) -> None:
        """The standard "changed somewhere else, reload?" question; the dialog stays open."""

        def again() -> None:
            raise exc

        self._feedback.run(again)

    @property
    def has_unsaved(self) -> bool:
        """Words typed in an open goal or step dialog that are not saved yet."""
        typed = getattr(self.dialog, "typed", None)
        return bool(typed is not None and typed.changed)

    def _revision(self) -> int:
        assert self.version is not None
        return self.version.plan_revision

    # undo and redo ---------------------------------------------------------------------------

    def _replay(self, action: plan_undo.Action) -> bool:
        """Save one undo or redo step again; False (and a plain message) if it cannot be."""
        if self.version is None:
            return False
        replay = plan_undo.Replay(self.context, self.version.id)
        ok = self._feedback.run(lambda: action(replay), saved="Done")
        if ok:
            self.changed.emit()
        return ok

    def _push(self, text: str, undo: plan_undo.Action, redo: plan_undo.Action) -> None:
        self.undo_stack.push(plan_undo.PlanChange(text, undo, redo, self._replay))

    def _change(
        self,
        use_case: Callable[..., object],
        *args: object,
        saved: str,
        focus: FocusKey | None,
        undo_text: str,
        undo: plan_undo.Action,
        redo: plan_undo.Action,
    ) -> bool:
        """Run ``use_case(db, actor, *args)`` from the plan as shown; once saved, it can be undone."""
        context = self.context
        done = self._run(
            partial(use_case, context.db, context.actor, *args, expected_revision=self._revision()),
            saved=saved,
            focus=focus,
        )
        if done:
            self._push(undo_text, undo=undo, redo=redo)
        return done

    def _goal_now(self, goal_id: int) -> GoalView | None:
        if self.version is None:
            return None
        return next((g for g in self.version.goals if g.id == goal_id), None)

    def _step_now(self, step_id: int) -> StepView | None:
        if self.version is None:
            return None
        return next((s for g in self.version.goals for s in g.steps if s.id == step_id), None)

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(partial(self._closed, dialog))
        dialog.open()

    def _closed(self, dialog: QDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def start_plan(self) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        self._run(
            lambda: plans.start_plan(self.context.db, self.context.actor, person_id),
            saved="Plan started",
        )
        if self.add_goal_button.isVisible():
            self.add_goal_button.setFocus()

    def revise(self) -> None:
        if self.version is None:
            return
        version_id = self.version.id
        created: list[int] = []

        def action() -> None:
            created.append(
                plans.revise_plan(
                    self.context.db, self.context.actor, version_id, expected_revision=self._revision()
                )
            )

        if self._feedback.run(action, saved="New version started"):
            self.version_requested.emit(created[0])
            self.changed.emit()

    def _open_newer(self) -> None:
        newer = self._newer_draft()
        if newer is not None:
            self.version_requested.emit(newer[0])

    def add_goal(self) -> None:
        if not self.can_edit or self.dialog is not None or self.version is None:
            return
        version_id = self.version.id

        def save(goal: GoalInput) -> int:
            return plans.add_goal(
                self.context.db, self.context.actor, version_id, goal, expected_revision=self._revision()
            )

        dialog = GoalEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            life_areas=life_areas(self.context.db, self.context.actor),
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )

        def added() -> None:
            new_id = dialog.result_value
            self._after_dialog(
                "Goal added", ("goal", new_id, "add_step") if isinstance(new_id, int) else None
            )
            if isinstance(new_id, int) and self.version is not None and self._goal_now(new_id):
                snapshot = plan_undo.GoalSnapshot.of(self.version, new_id)
                key = snapshot.goal.key
                self._push(
                    "add a goal",
                    undo=lambda r: plan_undo.remove_goal(r, key),
                    redo=lambda r: plan_undo.restore_goal(r, snapshot),
                )

        self._open(dialog, added)

    def edit_goal(self, goal: GoalView) -> None:
        if not self.can_edit or self.dialog is not None:
            return

        def save(edited: GoalInput) -> None:
            plans.edit_goal(
                self.context.db, self.context.actor, goal.id, edited, expected_revision=self._revision()
            )

        dialog = GoalEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            life_areas=life_areas(self.context.db, self.context.actor),
            save=save,
            on_conflict=self._offer_reload,
            goal=goal,
            parent=self,
        )

        def edited() -> None:
            focus: FocusKey = ("goal", goal.id, "edit")
            self._edited("goal", focus, lambda: self._goal_now(goal.id), plan_undo.edit_goal, goal.key, goal)

        self._open(dialog, edited)

    def _edited(
        self,
        what: str,
        focus: FocusKey,
        read_back: Callable[[], object],
        restore: Callable[..., None],
        key: str,
        before: object,
    ) -> None:
        """A goal or step was changed in its dialog: say so, and make the change undoable.

        ``read_back`` gives the item as saved (after the page has reloaded);
        ``restore(replay, key, item)`` puts ``item`` back."""
        self._after_dialog(f"{what.capitalize()} saved", focus)
        after = read_back()
        if after is not None:
            self._push(
                f"change a {what}",
                undo=lambda r: restore(r, key, before),
                redo=lambda r: restore(r, key, after),
            )

    def _after_dialog(self, saved: str, focus: FocusKey | None) -> None:
        self.saved.emit(saved)
        self._want_focus = focus
        self.changed.emit()

    def remove_goal(self, goal: GoalView) -> None:
        if not self.can_edit:
            return
        steps = len(goal.steps)
        also = f" Its {steps} step{'s' if steps != 1 else ''} will go too." if steps else ""
        goals = self.version.goals if self.version else []
        index = next((i for i, g in enumerate(goals) if g.id == goal.id), 0)
        neighbours = goals[index + 1 : index + 2] or goals[max(0, index - 1) : index]
        focus: FocusKey | None = ("goal", neighbours[0].id, "edit") if neighbours else None
        if not confirm(
            self,
            "Remove this goal?",
            f"Remove the goal “{short(goal.wording.body, 120)}”?{also}",
            "Remove the goal",
            "Keep it",
        ):
            return
        if self.version is None:
            return
        snapshot = plan_undo.GoalSnapshot.of(self.version, goal.id)
        self._change(
            plans.remove_goal,
            goal.id,
            saved="Goal removed",
            focus=focus,
            undo_text="remove a goal",
            undo=lambda r: plan_undo.restore_goal(r, snapshot),
            redo=lambda r: plan_undo.remove_goal(r, goal.key),
        )

    def move_goal(self, goal: GoalView, position: int, direction: str, focus_on: str | None = None) -> None:
        goals = self.version.goals if self.version else []
        if not self.can_edit or not 0 <= position < len(goals):
            return
        before = next((i for i, g in enumerate(goals) if g.id == goal.id), 0)
        self._change(
            plans.move_goal,
            goal.id,
            position,
            saved=f"Goal moved {direction}",
            focus=("goal", goal.id, focus_on or direction),
            undo_text=f"move a goal {direction}",
            undo=lambda r: plan_undo.move_goal(r, goal.key, before),
            redo=lambda r: plan_undo.move_goal(r, goal.key, position),
        )

    def move_step(
        self, goal: GoalView, step: StepView, position: int, direction: str, focus_on: str = "more"
    ) -> None:
        """Move a step up or down among its goal's steps (Alt+Up, Alt+Down, or its "⋯" menu)."""
        if not self.can_edit or not 0 <= position < len(goal.steps):
            return
        before = next((i for i, s in enumerate(goal.steps) if s.id == step.id), 0)
        self._change(
            plans.move_step,
            step.id,
            position,
            saved=f"Step moved {direction}",
            focus=("step", step.id, focus_on),
            undo_text=f"move a step {direction}",
            undo=lambda r: plan_undo.move_step(r, step.key, before),
            redo=lambda r: plan_undo.move_step(r, step.key, position),
        )

    def add_step(self, goal: GoalView) -> None:
        if not self.can_edit or self.dialog is not None:
            return

        def save(step: StepInput) -> int:
            return plans.add_step(
                self.context.db, self.context.actor, goal.id, step, expected_revision=self._revision()
            )

        dialog = StepEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            goal_wording=goal.wording.body,
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )

        def added() -> None:
            self._after_dialog("Step added", ("goal", goal.id, "add_step"))
            new_id = getattr(dialog, "result_value", None)
            if isinstance(new_id, int) and self.version is not None and self._step_now(new_id):
                snapshot = plan_undo.StepSnapshot.of(self.version, new_id)
                key = snapshot.step.key
                self._push(
                    "add a step",
                    undo=lambda r: plan_undo.remove_step(r, key),
                    redo=lambda r: plan_undo.restore_step(r, snapshot),
                )

        self._open(dialog, added)

    def edit_step(self, goal: GoalView, step: StepView) -> None:
        if not self.can_edit or self.dialog is not None:
            return

        def save(edited: StepInput) -> None:
            plans.edit_step(
                self.context.db, self.context.actor, step.id, edited, expected_revision=self._revision()
            )

        dialog = StepEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            goal_wording=goal.wording.body,
            save=save,
            on_conflict=self._offer_reload,
            step=step,
            parent=self,
        )

        def edited() -> None:
            focus: FocusKey = ("step", step.id, "edit")
            self._edited("step", focus, lambda: self._step_now(step.id), plan_undo.edit_step, step.key, step)

        self._open(dialog, edited)

    def remove_step(self, goal: GoalView, step: StepView) -> None:
        if not self.can_edit:
            return
        if not confirm(
            self,
            "Remove this step?",
            f"Remove the step “{short(step.what.body, 120)}”?",
            "Remove the step",
            "Keep it",
        ):
            return
        if self.version is None:
            return
        snapshot = plan_undo.StepSnapshot.of(self.version, step.id)
        self._change(
            plans.remove_step,
            step.id,
            saved="Step removed",
            focus=("goal", goal.id, "add_step"),
            undo_text="remove a step",
            undo=lambda r: plan_undo.restore_step(r, snapshot),
            redo=lambda r: plan_undo.remove_step(r, step.key),
        )

    def _done_toggled(self, row: StepRow, checked: bool) -> None:
        key, was = row.step.key, row.step.done
        ticked = self._change(
            plans.set_step_done,
            row.step.id,
            checked,
            saved="Step ticked off" if checked else "Step marked as not done yet",
            focus=("step", row.step.id, "done"),
            undo_text="tick off a step" if checked else "untick a step",
            undo=lambda r: plan_undo.set_step_done(r, key, was),
            redo=lambda r: plan_undo.set_step_done(r, key, checked),
        )
        if not ticked:  # refused: the tick shows what is stored
            row.done.blockSignals(True)
            row.done.setChecked(row.step.done)
            row.done.blockSignals(False)

    def _status_chosen(self, card: GoalCard, index: int) -> None:
        status = GoalStatus(card.status.itemData(index))
        if status == card.goal.status:
            return
        key, was = card.goal.key, card.goal.status
        chosen = self._change(
            plans.set_goal_status,
            card.goal.id,
            status,
            saved=f"Goal marked: {goal_status_words(status)}",
            focus=("goal", card.goal.id, "status"),
            undo_text="say how a goal is going",
            undo=lambda r: plan_undo.set_goal_status(r, key, was),
            redo=lambda r: plan_undo.set_goal_status(r, key, status),
        )
        if not chosen:  # refused: the list shows what is stored
            card.status.setCurrentIndex(max(0, card.status.findData(card.goal.status)))

    # "I don't agree" ----------------------------------------------------------------------------

    def _disagree(self, about: str, focus: FocusKey | None, **target: int) -> None:
        if not self.can_disagree or self.dialog is not None or self.version is None:
            return
        version_id = self.version.id

        def save(body: str, voice: Voice) -> None:
            plans.record_disagreement(
                self.context.db,
                self.context.actor,
                version_id,
                body,
                voice,
                expected_revision=self._revision(),
                **target,
            )

        dialog = DisagreementDialog(
            voice=self.voice,
            writers=self._writers(),
            about=about,
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )
        self._open(dialog, lambda: self._after_dialog("Written down: I don't agree", focus))

    def disagree_with_goal(self, goal: GoalView) -> None:
        self._disagree(
            f"About the goal: “{short(goal.wording.body, 120)}”",
            ("goal", goal.id, "disagree"),
            goal_id=goal.id,
        )

    def disagree_with_step(self, step: StepView) -> None:
        self._disagree(
            f"About the step: “{short(step.what.body, 120)}”", ("step", step.id, "disagree"), step_id=step.id
        )

    def disagree_with_plan(self) -> None:
        self._disagree("About the whole plan.", None)
